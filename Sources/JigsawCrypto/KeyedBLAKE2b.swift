internal import CJigsawCrypto

/// Keyed BLAKE2b with a salt and a 64-byte digest, from OpenSSL's `EVP_MAC` "BLAKE2BMAC" — the hash of
/// clkhash's `blakeHash` encoding (`blake2b(token, key=key, salt=str(i))`).
///
/// The key is set once; each call re-initialises the MAC with a salt (OpenSSL zero-pads it to 16 bytes,
/// as Python's `hashlib.blake2b` does). Not `Sendable`: make one per task.
public final class KeyedBLAKE2b {
    private let context: OpaquePointer
    private var keyed = false
    private let key: [UInt8]

    /// The digest length in bytes.
    public static let byteCount = 64

    /// Creates a MAC for `key`.
    /// - Parameter key: 1 to 64 bytes.
    /// - Throws: ``CryptoError`` when the key is too long or OpenSSL lacks BLAKE2BMAC.
    public init(key: UnsafeRawBufferPointer) throws(CryptoError) {
        guard (1...64).contains(key.count) else {
            throw CryptoError(.invalidArgument, "a BLAKE2b key must be 1 to 64 bytes, not \(key.count) (lower the schema's keySize)")
        }
        guard let mac = EVP_MAC_fetch(nil, "BLAKE2BMAC", nil), let ctx = EVP_MAC_CTX_new(mac) else {
            throw CryptoError(.mac, "OpenSSL has no BLAKE2BMAC: \(openSSLErrorString())")
        }
        EVP_MAC_free(mac)
        context = ctx
        self.key = Array(key)
    }

    deinit {
        EVP_MAC_CTX_free(context)
    }

    /// Computes `BLAKE2b(message, key, salt)` with a 64-byte digest.
    /// - Parameters:
    ///   - message: the message.
    ///   - salt: up to 16 bytes.
    ///   - output: at least 64 writable bytes.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    public func authenticate(_ message: UnsafeRawBufferPointer, salt: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(CryptoError) {
        precondition(output.count >= Self.byteCount && salt.count <= 16)
        let ok: Int32
        if keyed {
            ok = cjigsaw_blake2bmac_init(context, nil, 0, salt.baseAddress?.assumingMemoryBound(to: UInt8.self), salt.count)
        } else {
            ok = key.withUnsafeBufferPointer { k in
                cjigsaw_blake2bmac_init(context, k.baseAddress, k.count, salt.baseAddress?.assumingMemoryBound(to: UInt8.self), salt.count)
            }
            keyed = ok == 1
        }
        var length = 0
        guard ok == 1,
              EVP_MAC_update(context, message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count) == 1,
              EVP_MAC_final(context, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, output.count) == 1,
              length == Self.byteCount else {
            throw CryptoError(.mac, "BLAKE2b failed: \(openSSLErrorString())")
        }
    }
}
