internal import CJigsawCrypto

/// HMAC-SHA256 keyed once, then applied to many messages at the cost of copying a keyed state.
///
/// Tokenising millions of identifiers is dominated by per-item HMAC setup when the key is reprocessed
/// each time. RFC 2104 defines HMAC as `SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m))`; the two padded key
/// blocks are absorbed once into OpenSSL `SHA256_CTX` midstates here, and each message then costs one
/// copy of each midstate plus the compression of the message and of the inner digest. The SHA-256
/// compression itself is always OpenSSL's. OpenSSL offers no copyable pre-keyed HMAC that is as cheap
/// (measured on 10 million NHS numbers: `EVP_MAC_CTX_dup` 1.1 M/s, `EVP_MAC_init` reuse 2.4 M/s, midstate
/// copy 4.3 M/s), which is why this type exists; tests check it against OpenSSL's one-shot `HMAC()` and
/// Python's `hmac` on random keys and messages.
///
/// The midstates live in a ``PrekeyedHMAC``, which wipes them on deinit. It is not `Sendable`: create one inside
/// each concurrent task (keying costs two SHA-256 block compressions).
public final class HMACSHA256 {
    private let core: PrekeyedHMAC

    /// The length of an authentication code in bytes.
    public static let byteCount = 32

    /// Keys a new state.
    /// - Parameter key: the HMAC key, of any length (keys longer than 64 bytes are hashed first, per RFC 2104).
    public init(key: SecretBytes) {
        core = key.withUnsafeBytes { PrekeyedHMAC(.sha256, key: $0) }
    }

    /// Absorbs a fixed prefix into the keyed state, so every later message is authenticated as
    /// `prefix ‖ message` without copying the prefix each time (used for a token's `domain:` prefix).
    /// - Parameter prefix: bytes that begin every message from now on.
    public func absorbPrefix(_ prefix: UnsafeRawBufferPointer) {
        core.absorbPrefix(prefix)
    }

    /// Absorbs a fixed prefix into the keyed state; see ``absorbPrefix(_:)-(UnsafeRawBufferPointer)``.
    /// - Parameter prefix: bytes that begin every message from now on.
    public func absorbPrefix(_ prefix: [UInt8]) {
        prefix.withUnsafeBytes { absorbPrefix($0) }
    }

    /// Computes the authentication code of (any absorbed prefix followed by) `message`.
    /// - Parameters:
    ///   - message: the message bytes.
    ///   - output: at least 32 writable bytes; the code is written to the first 32.
    /// - Complexity: O(*n*) in the message length; no allocation.
    public func authenticate(_ message: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= Self.byteCount, "HMAC output buffer shorter than 32 bytes")
        core.authenticate(message, into: output)
    }

    /// Computes the authentication code of (any absorbed prefix followed by) `message`.
    /// - Parameter message: the message bytes.
    /// - Returns: the 32-byte code.
    public func authenticate(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.byteCount)
        message.withUnsafeBytes { m in out.withUnsafeMutableBytes { authenticate(m, into: $0) } }
        return out
    }

    /// One-shot HMAC-SHA256 through OpenSSL's `HMAC()`, for occasional use and as a reference.
    /// - Parameters:
    ///   - key: the key.
    ///   - message: the message.
    /// - Returns: the 32-byte code.
    public static func oneShot(key: SecretBytes, message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        key.withUnsafeBytes { k in
            message.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in
                    let result = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.baseAddress, m.count, o.baseAddress, &length)
                    precondition(result != nil && length == 32, "OpenSSL HMAC() failed")
                }
            }
        }
        return out
    }
}
