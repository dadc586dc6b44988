public import JigsawCSV

/// Standard padded base64 written straight into an output buffer, for one CLK per row.
///
/// Hand-written because Foundation's encoder builds a `String` per call, which measured as a noticeable
/// share of encoding time; decoding and every non-hot path use Foundation.
public enum StandardBase64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the base64 text of `bytes` to `output`.
    /// - Parameters:
    ///   - bytes: the data.
    ///   - output: the buffer to append to.
    public static func append(_ bytes: [UInt8], to output: ByteBuffer) {
        let length = (bytes.count + 2) / 3 * 4
        output.appendInPlace(maximum: length) { out in
            alphabet.withUnsafeBufferPointer { table in
                var o = 0
                var i = 0
                while i + 3 <= bytes.count {
                    let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                    out[o] = table[Int(v >> 18)]
                    out[o + 1] = table[Int((v >> 12) & 63)]
                    out[o + 2] = table[Int((v >> 6) & 63)]
                    out[o + 3] = table[Int(v & 63)]
                    i += 3
                    o += 4
                }
                let rest = bytes.count - i
                if rest > 0 {
                    let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
                    out[o] = table[Int(v >> 18)]
                    out[o + 1] = table[Int((v >> 12) & 63)]
                    out[o + 2] = rest == 2 ? table[Int((v >> 6) & 63)] : 0x3D
                    out[o + 3] = 0x3D
                }
            }
            return length
        }
    }
}
