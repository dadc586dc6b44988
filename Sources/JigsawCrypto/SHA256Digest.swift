internal import CJigsawCrypto

/// SHA-256 digests from OpenSSL (`EVP_Digest`), for fingerprints of schemas and files.
public enum SHA256Digest {
    /// The SHA-256 digest of `bytes`.
    /// - Parameter bytes: the data.
    /// - Returns: 32 bytes.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                let ok = EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
                precondition(ok == 1 && length == 32, "OpenSSL EVP_Digest(SHA-256) failed")
            }
        }
        return out
    }
}
