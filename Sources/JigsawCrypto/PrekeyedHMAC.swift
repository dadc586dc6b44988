internal import CJigsawCrypto

/// HMAC keyed once over SHA-1, MD5 or SHA-256, then applied to many messages at the cost of copying a
/// keyed state (RFC 2104, with OpenSSL's hash compression functions).
///
/// clkhash's `doubleHash` needs HMAC-SHA1 and HMAC-MD5 of every token under per-feature keys; keying
/// those once per feature and copying the ipad/opad midstates per token is what makes encoding fast.
/// See ``HMACSHA256`` for why this is done over OpenSSL's digests rather than `EVP_MAC_CTX_dup`.
/// The object wipes its midstates on deinit and is not `Sendable`: make one per task.
public final class PrekeyedHMAC {
    /// The underlying hash function.
    public enum Algorithm: Sendable {
        /// HMAC-SHA1 (20-byte codes).
        case sha1
        /// HMAC-MD5 (16-byte codes).
        case md5
        /// HMAC-SHA256 (32-byte codes).
        case sha256

        /// The code length in bytes.
        public var byteCount: Int {
            switch self {
            case .sha1: 20
            case .md5: 16
            case .sha256: 32
            }
        }

        fileprivate var stateSize: Int {
            switch self {
            case .sha1: MemoryLayout<SHA_CTX>.stride
            case .md5: MemoryLayout<MD5_CTX>.stride
            case .sha256: MemoryLayout<SHA256_CTX>.stride
            }
        }
    }

    /// The hash function.
    public let algorithm: Algorithm
    /// Inner midstate at offset 0, outer at `stride`, scratch state at `2 × stride`.
    private let states: UnsafeMutableRawPointer
    private let stride: Int

    /// Keys a new state.
    /// - Parameters:
    ///   - algorithm: the hash function.
    ///   - key: the key, of any length (keys longer than the 64-byte block are hashed first).
    public init(_ algorithm: Algorithm, key: UnsafeRawBufferPointer) {
        self.algorithm = algorithm
        stride = (algorithm.stateSize + 63) & ~63
        states = .allocate(byteCount: 3 * stride, alignment: 64)
        states.initializeMemory(as: UInt8.self, repeating: 0, count: 3 * stride)
        var block = [UInt8](repeating: 0, count: 64)
        if key.count > 64 {
            block.withUnsafeMutableBytes { out in
                Self.digest(algorithm, key, into: out.baseAddress!)
            }
        } else {
            for i in 0..<key.count { block[i] = key[i] }
        }
        var pad = [UInt8](repeating: 0, count: 64)
        for i in 0..<64 { pad[i] = block[i] ^ 0x36 }
        pad.withUnsafeBytes { start(states, with: $0) }
        for i in 0..<64 { pad[i] = block[i] ^ 0x5c }
        pad.withUnsafeBytes { start(states + stride, with: $0) }
        block.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
        pad.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }

    deinit {
        OPENSSL_cleanse(states, 3 * stride)
        states.deallocate()
    }

    private static func digest(_ algorithm: Algorithm, _ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) {
        let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let output = out.assumingMemoryBound(to: UInt8.self)
        switch algorithm {
        case .sha1: _ = SHA1(input, bytes.count, output)
        case .md5: _ = MD5(input, bytes.count, output)
        case .sha256: _ = SHA256(input, bytes.count, output)
        }
    }

    private func start(_ state: UnsafeMutableRawPointer, with block: UnsafeRawBufferPointer) {
        switch algorithm {
        case .sha1:
            let c = state.assumingMemoryBound(to: SHA_CTX.self)
            SHA1_Init(c)
            SHA1_Update(c, block.baseAddress, 64)
        case .md5:
            let c = state.assumingMemoryBound(to: MD5_CTX.self)
            MD5_Init(c)
            MD5_Update(c, block.baseAddress, 64)
        case .sha256:
            let c = state.assumingMemoryBound(to: SHA256_CTX.self)
            SHA256_Init(c)
            SHA256_Update(c, block.baseAddress, 64)
        }
    }

    /// Absorbs a fixed prefix into the keyed state, so every later message is authenticated as
    /// `prefix ‖ message`.
    /// - Parameter prefix: bytes that begin every message from now on.
    public func absorbPrefix(_ prefix: UnsafeRawBufferPointer) {
        switch algorithm {
        case .sha1: SHA1_Update(states.assumingMemoryBound(to: SHA_CTX.self), prefix.baseAddress, prefix.count)
        case .md5: MD5_Update(states.assumingMemoryBound(to: MD5_CTX.self), prefix.baseAddress, prefix.count)
        case .sha256: SHA256_Update(states.assumingMemoryBound(to: SHA256_CTX.self), prefix.baseAddress, prefix.count)
        }
    }

    /// Computes the authentication code of (any absorbed prefix followed by) `message` and `suffix`.
    /// - Parameters:
    ///   - message: the message bytes.
    ///   - suffix: bytes appended to the message (empty for none), e.g. a retry counter.
    ///   - output: at least ``Algorithm/byteCount`` writable bytes.
    /// - Complexity: O(*n*) in the message length; no allocation.
    public func authenticate(_ message: UnsafeRawBufferPointer, suffix: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
                             into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= algorithm.byteCount, "HMAC output buffer too short")
        let scratch = states + 2 * stride
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        switch algorithm {
        case .sha1:
            let c = scratch.assumingMemoryBound(to: SHA_CTX.self)
            c.pointee = states.assumingMemoryBound(to: SHA_CTX.self).pointee
            SHA1_Update(c, message.baseAddress, message.count)
            if suffix.count > 0 { SHA1_Update(c, suffix.baseAddress, suffix.count) }
            SHA1_Final(out, c)
            c.pointee = (states + stride).assumingMemoryBound(to: SHA_CTX.self).pointee
            SHA1_Update(c, out, 20)
            SHA1_Final(out, c)
        case .md5:
            let c = scratch.assumingMemoryBound(to: MD5_CTX.self)
            c.pointee = states.assumingMemoryBound(to: MD5_CTX.self).pointee
            MD5_Update(c, message.baseAddress, message.count)
            if suffix.count > 0 { MD5_Update(c, suffix.baseAddress, suffix.count) }
            MD5_Final(out, c)
            c.pointee = (states + stride).assumingMemoryBound(to: MD5_CTX.self).pointee
            MD5_Update(c, out, 16)
            MD5_Final(out, c)
        case .sha256:
            let c = scratch.assumingMemoryBound(to: SHA256_CTX.self)
            c.pointee = states.assumingMemoryBound(to: SHA256_CTX.self).pointee
            SHA256_Update(c, message.baseAddress, message.count)
            if suffix.count > 0 { SHA256_Update(c, suffix.baseAddress, suffix.count) }
            SHA256_Final(out, c)
            c.pointee = (states + stride).assumingMemoryBound(to: SHA256_CTX.self).pointee
            SHA256_Update(c, out, 32)
            SHA256_Final(out, c)
        }
    }

    /// One-shot HMAC through OpenSSL's `HMAC()`, as a reference.
    /// - Parameters:
    ///   - algorithm: the hash function.
    ///   - key: the key.
    ///   - message: the message.
    /// - Returns: the code.
    public static func oneShot(_ algorithm: Algorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: algorithm.byteCount)
        var length: UInt32 = 0
        let md: OpaquePointer? = switch algorithm {
        case .sha1: EVP_sha1()
        case .md5: EVP_md5()
        case .sha256: EVP_sha256()
        }
        key.withUnsafeBufferPointer { k in
            message.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in
                    let result = HMAC(md, k.baseAddress, Int32(k.count), m.baseAddress, m.count, o.baseAddress, &length)
                    precondition(result != nil && Int(length) == algorithm.byteCount, "OpenSSL HMAC() failed")
                }
            }
        }
        return out
    }
}
