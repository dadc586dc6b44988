internal import CJigsawCrypto

/// HKDF (RFC 5869) from OpenSSL's `EVP_KDF` "HKDF".
public enum HKDF {
    /// The hash function HKDF is built on.
    public enum Hash: String, Sendable {
        /// SHA-256.
        case sha256 = "SHA256"
        /// SHA-512.
        case sha512 = "SHA512"
    }

    /// Derives `outputCount` bytes of key material.
    /// - Parameters:
    ///   - hash: the underlying hash.
    ///   - inputKey: the input keying material.
    ///   - salt: the salt; empty means the RFC's default of HashLen zero bytes.
    ///   - info: the context and application-specific information.
    ///   - outputCount: bytes to derive (at most 255 × HashLen).
    /// - Returns: the derived bytes as a secret.
    /// - Throws: ``CryptoError`` when OpenSSL fails or `outputCount` is out of range.
    public static func deriveKey(
        hash: Hash = .sha256,
        inputKey: SecretBytes,
        salt: [UInt8] = [],
        info: [UInt8],
        outputCount: Int
    ) throws(CryptoError) -> SecretBytes {
        let hashLength = hash == .sha256 ? 32 : 64
        guard outputCount > 0, outputCount <= 255 * hashLength else {
            throw CryptoError(.invalidArgument, "HKDF output length \(outputCount) is outside 1...\(255 * hashLength)")
        }
        return try SecretBytes(count: outputCount) { (out: UnsafeMutableRawBufferPointer) throws(CryptoError) in
            let ok = inputKey.withUnsafeBytes { ikm in
                salt.withUnsafeBufferPointer { saltBuffer in
                    info.withUnsafeBufferPointer { infoBuffer in
                        cjigsaw_hkdf(
                            hash.rawValue,
                            ikm.baseAddress?.assumingMemoryBound(to: UInt8.self), ikm.count,
                            saltBuffer.baseAddress, saltBuffer.count,
                            infoBuffer.baseAddress, infoBuffer.count,
                            out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count)
                    }
                }
            }
            guard ok == 1 else {
                throw CryptoError(.keyDerivation, "HKDF-\(hash.rawValue) failed: \(openSSLErrorString())")
            }
        }
    }
}
