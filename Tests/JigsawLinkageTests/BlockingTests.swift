import Testing
@testable import JigsawLinkage

/// Blocking only removes candidates: what survives is exactly what all-pairs search finds within blocks.
struct BlockingTests {
    @Test func lshCandidatesAreASubsetWithTheSameScores() async {
        let bits = 1024
        let left = DiceSearchTests.filters(count: 150, bits: bits, seed: 7)
        let right = DiceSearchTests.filters(count: 150, bits: bits, seed: 8, from: left)
        let l = FilterStore(filters: left, bitCount: bits), r = FilterStore(filters: right, bitCount: bits)
        let all = await DiceSearch.candidates(left: l, right: r, threshold: 0.7).pairs
        let lsh = HammingLSH(bands: 16, bitsPerBand: 8, bitCount: bits)
        let blocks = lsh.blocks(left: l, right: r, leftSubset: (0..<150).map { Int32($0) }, rightSubset: (0..<150).map { Int32($0) })
        let (blocked, comparisons) = await BlockedSearch.candidates(left: l, right: r, blocks: blocks, threshold: 0.7)
        #expect(Set(blocked).isSubset(of: Set(all)))
        #expect(blocked == blocked.sorted(by: CandidatePair.precedes))
        #expect(comparisons < 150 * 150)
        // Near-copies agree on most bands, so almost every candidate survives.
        #expect(Double(blocked.count) >= 0.9 * Double(all.count))
        // The same bands every time (fixed public seed).
        #expect(lsh == HammingLSH(bands: 16, bitsPerBand: 8, bitCount: bits))
    }

    @Test func keyBlocksNeverPairBlankOrDifferentKeys() {
        let side = { (keys: [String?]) in
            LinkSide(path: "x", ids: keys.indices.map { "r\($0)" }, tokens: [], filters: nil, schemaFingerprints: [],
                     carried: [], carriedNames: [], blockKeys: [keys])
        }
        let left = side(["2014-A", nil, "2013-B", "2014-A"]), right = side(["2014-A", "2013-B", nil])
        let blocks = Linker.keyBlocks(left: left, right: right, lefts: [0, 1, 2, 3], rights: [0, 1, 2])
        #expect(blocks.blocks.count == 2)
        #expect(blocks.blocks.contains { $0.lefts == [0, 3] && $0.rights == [0] })
        #expect(blocks.blocks.contains { $0.lefts == [2] && $0.rights == [1] })
    }
}
