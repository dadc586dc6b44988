internal import Foundation

/// Standard base64 (RFC 4648 §4, padded), strict on input.
public enum Base64 {
    /// Decodes standard padded base64, refusing whitespace, URL-safe letters, missing padding and
    /// non-zero trailing bits, so that one secret has exactly one written form.
    /// - Parameter text: the encoded text.
    /// - Returns: the bytes, or `nil` when `text` is not strict standard base64.
    public static func decodeStrict(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return nil }
        for (i, byte) in bytes.enumerated() {
            let isAlphabet = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2F
            let isPadding = byte == 0x3D && i >= bytes.count - 2 && (i == bytes.count - 1 || bytes[bytes.count - 1] == 0x3D)
            guard isAlphabet || isPadding else { return nil }
        }
        guard let data = Data(base64Encoded: text) else { return nil }
        let decoded = [UInt8](data)
        // Canonical form only: re-encoding must give the same text (no stray bits in the last group).
        guard encode(decoded) == text else { return nil }
        return decoded
    }

    /// Encodes bytes as standard padded base64.
    /// - Parameter bytes: the bytes.
    /// - Returns: the encoded text.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Encodes raw bytes as standard padded base64.
    /// - Parameter bytes: the bytes.
    /// - Returns: the encoded text.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        Data(bytes).base64EncodedString()
    }
}
