internal import CJigsawCrypto

/// Cryptographically secure random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
public enum SecureRandom {
    /// Returns `count` random bytes as a secret.
    /// - Parameter count: the number of bytes.
    /// - Returns: fresh random key material.
    /// - Throws: ``CryptoError`` when the generator is not seeded or fails.
    public static func secret(count: Int) throws(CryptoError) -> SecretBytes {
        try SecretBytes(count: count) { (out: UnsafeMutableRawBufferPointer) throws(CryptoError) in
            guard count == 0 || RAND_bytes(out.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(count)) == 1 else {
                throw CryptoError(.random, "OpenSSL's random generator failed: \(openSSLErrorString())")
            }
        }
    }
}
