import Testing
@testable import JigsawLinkage

/// Greedy and optimal one-to-one resolution.
struct SolverTests {
    static func pair(_ s: Double, _ l: Int32, _ r: Int32) -> CandidatePair { CandidatePair(similarity: s, left: l, right: r) }

    @Test func optimalBeatsGreedyWhereGreedyIsShortSighted() {
        let pairs = [Self.pair(0.9, 0, 0), Self.pair(0.85, 0, 1), Self.pair(0.85, 1, 0)]
        var l = [false, false], r = [false, false]
        #expect(GreedySolver.solve(pairs, leftMatched: &l, rightMatched: &r) == [0])
        var l2 = [false, false], r2 = [false, false]
        let (kept, greedy) = OptimalSolver.solve(pairs, leftMatched: &l2, rightMatched: &r2)
        #expect(Set(kept) == [1, 2])
        #expect(greedy == 0)
    }

    /// On small random candidate graphs the optimal total equals the brute-force maximum.
    @Test func optimalTotalsEqualBruteForce() {
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        for _ in 0..<200 {
            let lefts = Int(next() % 5) + 1, rights = Int(next() % 5) + 1
            var pairs: [CandidatePair] = []
            for l in 0..<lefts { for r in 0..<rights where next() % 3 != 0 {
                pairs.append(Self.pair(0.5 + Double(next() % 50) / 100, Int32(l), Int32(r)))
            } }
            var lm = [Bool](repeating: false, count: lefts), rm = [Bool](repeating: false, count: rights)
            let (kept, _) = OptimalSolver.solve(pairs, leftMatched: &lm, rightMatched: &rm)
            #expect(Set(kept.map { pairs[$0].left }).count == kept.count)
            #expect(Set(kept.map { pairs[$0].right }).count == kept.count)
            let total = kept.reduce(0.0) { $0 + pairs[$1].similarity }
            // Brute force over every subset of pairs that is a matching.
            var best = 0.0
            func search(_ i: Int, _ usedL: Set<Int32>, _ usedR: Set<Int32>, _ sum: Double) {
                if i == pairs.count { best = max(best, sum); return }
                search(i + 1, usedL, usedR, sum)
                let p = pairs[i]
                if !usedL.contains(p.left) && !usedR.contains(p.right) {
                    search(i + 1, usedL.union([p.left]), usedR.union([p.right]), sum + p.similarity)
                }
            }
            search(0, [], [], 0)
            #expect(abs(total - best) < 1e-9)
        }
    }
}
