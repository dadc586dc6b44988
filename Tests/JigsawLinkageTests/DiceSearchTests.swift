import Testing
@testable import JigsawLinkage

/// The Dice search finds exactly the pairs a brute-force comparison finds, in anonlink's order.
struct DiceSearchTests {
    /// Random filters with controlled density, plus near-copies so that high similarities occur.
    static func filters(count: Int, bits: Int, seed: UInt64, from base: [[UInt8]] = []) -> [[UInt8]] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { index in
            if !base.isEmpty && index % 3 == 0 {
                var copy = base[index % base.count]
                for _ in 0..<Int(next() % 40) { copy[Int(next() % UInt64(copy.count))] ^= UInt8(1 << (next() % 8)) }
                return copy
            }
            if index % 17 == 0 { return [UInt8](repeating: 0, count: bits / 8) }  // an empty filter
            return (0..<(bits / 8)).map { _ in UInt8(truncatingIfNeeded: next() & next() & next()) }
        }
    }

    static func bruteForce(_ left: [[UInt8]], _ right: [[UInt8]], threshold: Double) -> [CandidatePair] {
        var pairs: [CandidatePair] = []
        for (i, a) in left.enumerated() {
            for (j, b) in right.enumerated() {
                let common = zip(a, b).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount }
                let total = a.reduce(0) { $0 + $1.nonzeroBitCount } + b.reduce(0) { $0 + $1.nonzeroBitCount }
                let similarity = total == 0 ? 0 : 2.0 * Double(common) / Double(total)
                let bound = (Double(2 * a.reduce(0) { $0 + $1.nonzeroBitCount }) * (1.0 / threshold - 1.0)).rounded(.towardZero)
                let popA = a.reduce(0) { $0 + $1.nonzeroBitCount }, popB = b.reduce(0) { $0 + $1.nonzeroBitCount }
                if Double(abs(popA - popB)) > bound { continue }
                if similarity >= threshold { pairs.append(CandidatePair(similarity: similarity, left: Int32(i), right: Int32(j))) }
            }
        }
        return pairs.sorted(by: CandidatePair.precedes)
    }

    @Test(arguments: [0.5, 0.7, 0.8, 0.9, 1.0])
    func matchesBruteForce(threshold: Double) async {
        for bits in [512, 1024, 1536, 2048, 1000 - 1000 % 8 + 64] {
            let left = Self.filters(count: 120, bits: bits, seed: 1)
            let right = Self.filters(count: 100, bits: bits, seed: 2, from: left)
            let (pairs, statistics, _) = await DiceSearch.candidates(left: FilterStore(filters: left, bitCount: bits),
                                                                  right: FilterStore(filters: right, bitCount: bits), threshold: threshold)
            let expected = Self.bruteForce(left, right, threshold: threshold)
            #expect(pairs == expected, "bits \(bits)")
            #expect(statistics.comparisons + statistics.skipped == 120 * 100)
        }
    }

    @Test func subsetsAndGreedyAreOneToOne() async {
        let bits = 1024
        let left = Self.filters(count: 200, bits: bits, seed: 3)
        let right = Self.filters(count: 200, bits: bits, seed: 4, from: left)
        let (pairs, _, _) = await DiceSearch.candidates(left: FilterStore(filters: left, bitCount: bits),
                                                     right: FilterStore(filters: right, bitCount: bits), threshold: 0.6,
                                                     leftSubset: (0..<100).map { Int32($0) }, rightSubset: nil)
        #expect(pairs.allSatisfy { $0.left < 100 })
        var leftMatched = [Bool](repeating: false, count: 200), rightMatched = [Bool](repeating: false, count: 200)
        let kept = GreedySolver.solve(pairs, leftMatched: &leftMatched, rightMatched: &rightMatched)
        #expect(Set(kept.map { pairs[$0].left }).count == kept.count)
        #expect(Set(kept.map { pairs[$0].right }).count == kept.count)
        // Greedy keeps the best pair first.
        if let first = kept.first { #expect(first == 0) }
    }

    @Test func kernelIsReported() {
        #expect(["avx512-vpopcntdq", "popcnt", "portable"].contains(FilterStore.kernelName))
    }
}
