internal import CJigsawCrypto

/// Key material that never prints itself and is wiped from memory when released.
///
/// Secrets live in one heap allocation owned by this object. `description` is redacted, so a secret
/// cannot reach a log line by string interpolation, and the bytes are overwritten with
/// `OPENSSL_cleanse` on deinit. The storage is immutable after initialisation, which is what makes
/// sharing one instance between concurrent tasks safe.
public final class SecretBytes: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let storage: UnsafeMutableRawBufferPointer

    /// Copies `bytes` into a new secret.
    /// - Parameter bytes: the key material; the caller should clear its own copy.
    public init(_ bytes: some Collection<UInt8>) {
        storage = .allocate(byteCount: Swift.max(bytes.count, 1), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        _ = UnsafeMutableRawBufferPointer(rebasing: storage[0..<bytes.count]).initializeMemory(
            as: UInt8.self, from: bytes)
        count = bytes.count
    }

    /// Creates a secret of `count` bytes filled by `body`.
    /// - Parameters:
    ///   - count: the number of bytes.
    ///   - body: writes exactly `count` bytes into the buffer it is given.
    /// - Throws: whatever `body` throws.
    public init<E: Error>(count: Int, initializingWith body: (UnsafeMutableRawBufferPointer) throws(E) -> Void) throws(E) {
        storage = .allocate(byteCount: Swift.max(count, 1), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        self.count = count
        // If body throws, the object is already fully initialised, so deinit wipes and frees the storage.
        try body(UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]))
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    /// The number of bytes of key material.
    public let count: Int

    /// Calls `body` with a read-only view of the key material. Do not let the pointer escape.
    /// - Parameter body: a closure that reads the bytes.
    /// - Returns: what `body` returns.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// A redacted description: the length only, never the bytes.
    public var description: String { "SecretBytes(\(count) bytes, redacted)" }

    /// A redacted description: the length only, never the bytes.
    public var debugDescription: String { description }

    /// Compares two secrets in constant time.
    /// - Parameter other: the secret to compare with.
    /// - Returns: `true` when both hold the same bytes.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { a in
            other.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, count) == 0 }
        }
    }
}
