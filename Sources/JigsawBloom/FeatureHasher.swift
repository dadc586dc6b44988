internal import JigsawCrypto

/// Turns a feature's tokens into Bloom-filter bit positions with the feature's keys, caching each
/// token's hash (clkhash caches the same way, so the cache changes speed, never bits).
///
/// Not `Sendable`: one per feature per task.
final class FeatureHasher {
    private let hash: HashFunction
    private let length: Int
    private let sha1: PrekeyedHMAC?
    private let md5: PrekeyedHMAC?
    private let blake: KeyedBLAKE2b?
    /// doubleHash: `[a, b]`; blakeHash: 16-bit values, 32 per BLAKE2b block computed so far.
    private var cache = TokenHashCache<Int32>()

    init(hash: HashFunction, length: Int, keys: FeatureKeys, feature: Int) throws(CryptoError) {
        self.hash = hash
        self.length = length
        switch hash {
        case .doubleHash:
            sha1 = keys.withKey(feature: feature, index: 0) { PrekeyedHMAC(.sha1, key: $0) }
            md5 = keys.withKey(feature: feature, index: 1) { PrekeyedHMAC(.md5, key: $0) }
            blake = nil
        case .blake:
            sha1 = nil
            md5 = nil
            var made: KeyedBLAKE2b?
            var failure: CryptoError?
            keys.withKey(feature: feature, index: 0) { key in
                do throws(CryptoError) { made = try KeyedBLAKE2b(key: key) } catch { failure = error }
            }
            if let failure { throw failure }
            blake = made
        }
    }

    /// Big-endian integer of `bytes` modulo `length` (Python's `int.from_bytes(b, 'big') % l`).
    @inline(__always)
    private func modulo(_ bytes: UnsafeRawBufferPointer) -> Int {
        var r: UInt64 = 0
        let l = UInt64(length)
        for byte in bytes { r = ((r << 8) | UInt64(byte)) % l }
        return Int(r)
    }

    private func doubleHashPair(_ token: UnsafeRawBufferPointer, preventSingularity: Bool) -> (Int, Int) {
        withUnsafeTemporaryAllocation(byteCount: 20, alignment: 8) { digest -> (Int, Int) in
            sha1!.authenticate(token, into: digest)
            let a = modulo(UnsafeRawBufferPointer(rebasing: digest[0..<20]))
            md5!.authenticate(token, into: digest)
            var b = modulo(UnsafeRawBufferPointer(rebasing: digest[0..<16]))
            if preventSingularity {
                // clkhash: while b == 0, rehash token + chr(i).encode() for i = 0, 1, ….
                var i: UInt32 = 0
                while b == 0 {
                    let suffix = Array(String(Unicode.Scalar(i)!).utf8)
                    suffix.withUnsafeBytes { md5!.authenticate(token, suffix: $0, into: digest) }
                    b = modulo(UnsafeRawBufferPointer(rebasing: digest[0..<16]))
                    i += 1
                }
            }
            return (a, b)
        }
    }

    private func blakeShorts(_ token: UnsafeRawBufferPointer, count: Int, extending existing: [UInt16]) throws(CryptoError) -> [UInt16] {
        var shorts = existing
        var block = shorts.count / 32
        var failure: CryptoError?
        while shorts.count < count {
            let salt = Array(String(block).utf8)
            withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { digest in
                salt.withUnsafeBytes { s in
                    do throws(CryptoError) {
                        try blake!.authenticate(token, salt: s, into: digest)
                        for j in 0..<32 { shorts.append(UInt16(digest[2 * j]) | UInt16(digest[2 * j + 1]) << 8) }
                    } catch {
                        failure = error
                    }
                }
            }
            if let failure { throw failure }
            block += 1
        }
        return shorts
    }

    /// Sets bit `p` of a filter held as little-endian 64-bit words (bit 0 is the most significant bit of byte 0).
    @inline(__always)
    static func set(_ p: Int, in words: UnsafeMutablePointer<UInt64>) {
        words[p >> 6] |= 1 << UInt64((((p >> 3) & 7) << 3) | (7 - (p & 7)))
    }

    /// Sets the `k` bits of `token` (salted when `salt` is given) in `words`.
    /// - Parameters:
    ///   - token: the token's bytes.
    ///   - k: how many bits.
    ///   - salt: the record's salt, for salted features.
    ///   - words: the filter, as little-endian 64-bit words.
    func insert(_ token: UnsafeRawBufferPointer, k: Int, salt: [UInt8]?, into words: UnsafeMutablePointer<UInt64>) throws(CryptoError) {
        guard k > 0 else { return }
        if let salt {
            // Salted feature: hash salt ‖ U+001F ‖ token, so records with different salts share no bits here.
            var salted = salt
            salted.append(0x1F)
            salted.append(contentsOf: token)
            var failure: CryptoError?
            salted.withUnsafeBytes { bytes in
                do throws(CryptoError) { try insertUnsalted(bytes, k: k, into: words) } catch { failure = error }
            }
            if let failure { throw failure }
            return
        }
        try insertUnsalted(token, k: k, into: words)
    }

    private func insertUnsalted(_ token: UnsafeRawBufferPointer, k: Int, into words: UnsafeMutablePointer<UInt64>) throws(CryptoError) {
        let digest = fnv1a(token)
        switch hash {
        case .doubleHash(let preventSingularity):
            let range: Range<Int>
            if let cached = cache.lookup(token, digest: digest) {
                range = cached
            } else {
                let (a, b) = doubleHashPair(token, preventSingularity: preventSingularity)
                range = cache.insert(token, digest: digest, result: [Int32(a), Int32(b)])
            }
            let b = Int(cache.values[range.lowerBound + 1])
            var bit = Int(cache.values[range.lowerBound])
            for _ in 0..<k {
                Self.set(bit, in: words)
                bit += b
                if bit >= length { bit -= length }
            }
        case .blake:
            var range = cache.lookup(token, digest: digest)
            if range == nil || range!.count < k {
                // Compute (or extend) the 16-bit values; a longer list replaces a shorter one.
                let existing = range.map { r in cache.values[r].map { UInt16(truncatingIfNeeded: $0) } } ?? []
                let shorts = try blakeShorts(token, count: k, extending: existing)
                if range != nil { cache.removeAll() }
                range = cache.insert(token, digest: digest, result: shorts.map { Int32($0) })
            }
            let start = range!.lowerBound
            let mask = length - 1  // blakeHash lengths are powers of two
            cache.values.withUnsafeBufferPointer { values in
                for i in 0..<k { Self.set(Int(values[start + i]) & mask, in: words) }
            }
        }
    }
}
