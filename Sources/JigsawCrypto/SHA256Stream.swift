internal import CJigsawCrypto

/// An incremental SHA-256 digest (OpenSSL `EVP_DigestInit_ex`/`Update`/`Final_ex`), for data that arrives
/// in pieces, such as a large file read in blocks.
///
/// Not thread-safe: feed one instance from one task.
public final class SHA256Stream {
    private let context: OpaquePointer

    /// Starts a new digest.
    /// - Throws: ``CryptoError`` with `.digest` when OpenSSL cannot start one.
    public init() throws(CryptoError) {
        guard let context = EVP_MD_CTX_new() else {
            throw CryptoError(.digest, "OpenSSL could not allocate a digest context: \(openSSLErrorString())")
        }
        self.context = context
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            throw CryptoError(.digest, "OpenSSL could not start SHA-256: \(openSSLErrorString())")
        }
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    /// - Parameter bytes: the next piece of data.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        let ok = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
        precondition(ok == 1, "OpenSSL EVP_DigestUpdate(SHA-256) failed")
    }

    /// Finishes the digest. Call once.
    /// - Returns: the 32-byte SHA-256 of everything added.
    public func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = out.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        precondition(ok == 1 && length == 32, "OpenSSL EVP_DigestFinal_ex(SHA-256) failed")
        return out
    }
}
