internal import CJigsawDice

/// A group of records compared with each other, found by blocking pass `pass`.
public struct Block: Sendable, Equatable {
    /// The blocking pass (key column or LSH band) that formed the block.
    public var pass: Int
    /// Left positions.
    public var lefts: [Int32]
    /// Right positions.
    public var rights: [Int32]

    /// Creates a block.
    /// - Parameters:
    ///   - pass: the pass.
    ///   - lefts: left positions.
    ///   - rights: right positions.
    public init(pass: Int, lefts: [Int32], rights: [Int32]) {
        self.pass = pass
        self.lefts = lefts
        self.rights = rights
    }
}

/// Blocks from several passes, and a test of whether a pair already met in an earlier pass (so each pair
/// is compared once however many passes put it together).
public struct BlockSet: Sendable {
    /// The blocks.
    public var blocks: [Block]
    /// Whether `(left, right)` share a block of a pass before `pass`.
    public var metEarlier: @Sendable (Int32, Int32, Int) -> Bool
}

/// Candidate pairs restricted to blocks: records are compared only with records that share a block
/// (a keyed blocking key, or a band of ``HammingLSH``). Pairs found in several blocks count once. Each pair
/// is checked exactly as ``DiceSearch`` checks it (same formula, threshold test and anonlink pre-filter), so
/// blocking can only remove candidates, never change them.
public enum BlockedSearch {
    /// Candidates among `blocks`.
    /// - Parameters:
    ///   - left: left filters.
    ///   - right: right filters.
    ///   - set: the blocks, and the test that skips pairs met in an earlier pass.
    ///   - threshold: the least Dice coefficient.
    /// - Returns: the pairs in anonlink's order, and the comparisons made.
    public static func candidates(left: FilterStore, right: FilterStore, blocks set: BlockSet, threshold: Double) async -> (pairs: [CandidatePair], comparisons: Int) {
        let blocks = set.blocks
        let batch = 512
        let batches = (blocks.count + batch - 1) / batch
        var results = [[CandidatePair]](repeating: [], count: batches)
        var comparisons = 0
        await withTaskGroup(of: (Int, [CandidatePair], Int).self) { group in
            for b in 0..<batches {
                let slice = Array(blocks[(b * batch)..<min(blocks.count, (b + 1) * batch)])
                group.addTask {
                    var found: [CandidatePair] = []
                    var count = 0
                    var common = [UInt32](repeating: 0, count: 1)
                    for block in slice {
                        for l in block.lefts {
                            let a = Int(left.popcounts[Int(l)])
                            let bound = threshold > 0 ? (Double(2 * a) * (1.0 / threshold - 1.0)).rounded(.towardZero) : .infinity
                            for r in block.rights {
                                if block.pass > 0 && set.metEarlier(l, r, block.pass) { continue }
                                let b = Int(right.popcounts[Int(r)])
                                let total = a + b
                                if Double(abs(a - b)) > bound { continue }
                                if threshold > 0 && 2 * min(a, b) < Int((threshold * Double(total)).rounded(.down)) { continue }
                                count += 1
                                common.withUnsafeMutableBufferPointer {
                                    cjigsaw_and_popcounts(left.filter(Int(l)), right.filter(Int(r)), left.wordsPerFilter, 1, $0.baseAddress!)
                                }
                                let similarity = total == 0 ? 0 : 2.0 * Double(common[0]) / Double(total)
                                if similarity >= threshold { found.append(CandidatePair(similarity: similarity, left: l, right: r)) }
                            }
                        }
                    }
                    return (b, found, count)
                }
            }
            for await (b, found, count) in group {
                results[b] = found
                comparisons += count
            }
        }
        var pairs = Array(results.joined())
        pairs.sort(by: CandidatePair.precedes)
        return (pairs, comparisons)
    }
}
