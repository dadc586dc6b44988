/// Lowercase hexadecimal, written into preallocated buffers.
public enum Hex {
    @usableFromInline
    static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes `bytes` as lowercase hex into `output` (which needs `2 × bytes.count` bytes).
    /// - Parameters:
    ///   - bytes: the bytes to encode.
    ///   - output: the destination.
    /// - Complexity: O(*n*); no allocation.
    @inlinable
    public static func write(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        digits.withUnsafeBufferPointer { table in
            var j = 0
            for byte in bytes {
                output[j] = table[Int(byte >> 4)]
                output[j + 1] = table[Int(byte & 0x0F)]
                j += 2
            }
        }
    }

    /// Encodes `bytes` as a lowercase hex string.
    /// - Parameter bytes: the bytes.
    /// - Returns: the hex text.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = [UInt8](repeating: 0, count: bytes.count * 2)
        out.withUnsafeMutableBytes { write(bytes, into: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes `bytes` as a lowercase hex string.
    /// - Parameter bytes: the bytes.
    /// - Returns: the hex text.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode($0) }
    }
}
