/// Key-free blocking on the CLK bits themselves (Hamming locality-sensitive hashing): each of `bands`
/// bands samples `bitsPerBand` bit positions, and two records become candidates when all sampled bits of
/// at least one band agree. Similar filters agree on a band with probability about `s^k` for a bitwise
/// agreement `s`, so several bands catch true matches while skipping most non-matches.
///
/// The positions come from a fixed public seed, so both partners (and every run) use the same bands; no
/// key is involved, which is why this works on filters alone.
public struct HammingLSH: Sendable, Equatable {
    /// Bands (passes OR-ed together).
    public let bands: Int
    /// Bits sampled per band (at most 64).
    public let bitsPerBand: Int
    /// The sampled bit positions, band after band.
    public let positions: [Int]

    /// Chooses the positions for filters of `bitCount` bits.
    /// - Parameters:
    ///   - bands: number of bands.
    ///   - bitsPerBand: bits per band, 1...64.
    ///   - bitCount: filter length.
    public init(bands: Int, bitsPerBand: Int, bitCount: Int) {
        precondition(bands > 0 && (1...64).contains(bitsPerBand) && bitCount > 0)
        self.bands = bands
        self.bitsPerBand = bitsPerBand
        var state: UInt64 = 0x4A49_4753_4157_4C53  // "JIGSAWLS": a fixed, public seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var chosen: [Int] = []
        for _ in 0..<bands {
            var band = Set<Int>()
            while band.count < min(bitsPerBand, bitCount) { band.insert(Int(next() % UInt64(bitCount))) }
            chosen.append(contentsOf: band.sorted())
        }
        positions = chosen
    }

    /// The key of `filter` in `band`: its sampled bits packed into a word.
    func key(_ store: FilterStore, _ index: Int, band: Int) -> UInt64 {
        let words = store.filter(index)
        var key: UInt64 = 0
        let k = positions.count / bands
        for p in positions[(band * k)..<((band + 1) * k)] {
            // Serialised order: bit p is bit 7 − p mod 8 of byte p / 8; bytes sit little-endian in words.
            let word = words[p >> 6]
            let bit = (word >> UInt64((((p >> 3) & 7) << 3) | (7 - (p & 7)))) & 1
            key = (key << 1) | bit
        }
        return key
    }

    /// Blocks of left and right records sharing a band key, band by band, with each record's keys so a
    /// pair already compared in an earlier band can be skipped.
    /// - Parameters:
    ///   - left: left filters.
    ///   - right: right filters.
    ///   - leftSubset: left positions to consider.
    ///   - rightSubset: right positions to consider.
    /// - Returns: the blocks.
    public func blocks(left: FilterStore, right: FilterStore, leftSubset: [Int32], rightSubset: [Int32]) -> BlockSet {
        var leftKeys = [[UInt64]](repeating: [UInt64](repeating: 0, count: left.count), count: bands)
        var rightKeys = [[UInt64]](repeating: [UInt64](repeating: 0, count: right.count), count: bands)
        var blocks: [Block] = []
        for band in 0..<bands {
            var buckets: [UInt64: ([Int32], [Int32])] = [:]
            for l in leftSubset {
                let k = key(left, Int(l), band: band)
                leftKeys[band][Int(l)] = k
                buckets[k, default: ([], [])].0.append(l)
            }
            for r in rightSubset {
                let k = key(right, Int(r), band: band)
                rightKeys[band][Int(r)] = k
                if buckets[k] != nil { buckets[k]!.1.append(r) }
            }
            for bucketKey in buckets.keys.sorted() {
                let bucket = buckets[bucketKey]!
                if !bucket.0.isEmpty && !bucket.1.isEmpty { blocks.append(Block(pass: band, lefts: bucket.0, rights: bucket.1)) }
            }
        }
        let lk = leftKeys, rk = rightKeys
        return BlockSet(blocks: blocks) { l, r, pass in
            for earlier in 0..<pass where lk[earlier][Int(l)] == rk[earlier][Int(r)] { return true }
            return false
        }
    }
}
