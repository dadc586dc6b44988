internal import Foundation

/// One link between a left and a right record.
public struct Link: Sendable, Equatable {
    /// The left record's position.
    public var left: Int32
    /// The right record's position.
    public var right: Int32
    /// The stage that found it: the index of its token column, or `tokenColumns.count` for the fuzzy stage.
    public var stage: Int
    /// The Dice coefficient of the two CLKs, when both sides have CLKs.
    public var similarity: Double?
}

/// What a linkage did, for the summary on standard error.
public struct LinkSummary: Sendable, Equatable {
    /// Stage names: `exact:<column>` per token column, then `fuzzy`.
    public var stages: [String]
    /// Links kept per stage.
    public var matchesByStage: [Int]
    /// Candidate pairs considered per stage.
    public var candidatesByStage: [Int]
    /// Seconds spent per stage.
    public var secondsByStage: [Double]
    /// Filter pairs compared in the fuzzy stage, and those ruled out by the popcount bound.
    public var comparisons = 0, skipped = 0
    /// Each unmatched left record's best and second-best fuzzy-candidate similarity down to the score floor,
    /// when one was asked for (for the histogram and the suggested threshold).
    public var bestScores: BestCandidateScores?
    /// The floor those scores were searched down to.
    public var scoreFloor: Double?
}

/// How the one-to-one resolution picks links among candidates.
public enum LinkSolver: String, Sendable, CaseIterable {
    /// Best pair first (anonlink's `greedy_solve`); ties to the earlier left, then right, record.
    case greedy
    /// Largest total similarity per connected component of the candidate graph (Hungarian method).
    case optimal

    func solve(_ pairs: [CandidatePair], _ leftMatched: inout [Bool], _ rightMatched: inout [Bool]) -> [Int] {
        switch self {
        case .greedy: GreedySolver.solve(pairs, leftMatched: &leftMatched, rightMatched: &rightMatched)
        case .optimal: OptimalSolver.solve(pairs, leftMatched: &leftMatched, rightMatched: &rightMatched).kept
        }
    }
}

/// Which pairs the fuzzy stage compares.
public enum LinkBlocking: Sendable, Equatable {
    /// Every unmatched left record with every unmatched right record (pruned by popcount only).
    case none
    /// Records sharing a value in at least one blocking-key column (several columns are OR-ed passes;
    /// a blank key never matches).
    case keys
    /// Records agreeing on every sampled bit of at least one band of the CLK (Hamming LSH).
    case lsh(bands: Int, bitsPerBand: Int)
}

/// Staged one-to-one linkage: exact joins on each token column in priority order (a blank token never
/// matches), then Dice similarity on the CLKs of the records still unmatched; all stages share one greedy
/// one-to-one resolution, earlier stages first.
public enum Linker {
    /// Links `left` to `right`.
    /// - Parameters:
    ///   - left: the left side.
    ///   - right: the right side (same token columns, in the same order).
    ///   - threshold: the least Dice coefficient for a fuzzy link; `nil` skips the fuzzy stage.
    ///   - solver: greedy (default) or optimal one-to-one resolution.
    ///   - blocking: which pairs the fuzzy stage compares.
    ///   - scoreFloor: when given, candidates are searched down to this similarity (below the threshold)
    ///     for each record's best scores (``LinkSummary/bestScores``); only those at or above the threshold
    ///     become links.
    /// - Returns: the links (in stage order, then best first) and the summary.
    /// - Throws: ``LinkError`` when the two sides' CLKs cannot be compared.
    public static func link(left: LinkSide, right: LinkSide, threshold: Double?, solver: LinkSolver = .greedy,
                            blocking: LinkBlocking = .none, scoreFloor: Double? = nil) async throws -> (links: [Link], summary: LinkSummary) {
        precondition(left.tokens.count == right.tokens.count, "both sides need the same token columns")
        if let l = left.schemaFingerprints.first, let r = right.schemaFingerprints.first, l != r {
            throw LinkError(.schemaMismatch, "the files were encoded with different schemas: \(left.path) has schema fingerprint \(l), \(right.path) has \(r); both partners must encode with the same schema")
        }
        if let a = left.filters, let b = right.filters, a.count > 0, b.count > 0, a.bitCount != b.bitCount {
            throw LinkError(.clkLength, "the CLKs have \(a.bitCount) bits in \(left.path) but \(b.bitCount) in \(right.path); both must be encoded with the same schema")
        }
        let columns = left.tokens.count
        var summary = LinkSummary(stages: (0..<columns).map { "exact:\($0)" } + ["fuzzy"],
                                  matchesByStage: [Int](repeating: 0, count: columns + 1),
                                  candidatesByStage: [Int](repeating: 0, count: columns + 1),
                                  secondsByStage: [Double](repeating: 0, count: columns + 1))
        var leftMatched = [Bool](repeating: false, count: left.ids.count)
        var rightMatched = [Bool](repeating: false, count: right.ids.count)
        var links: [Link] = []

        for stage in 0..<columns {
            let start = Date()
            var index: [String: [Int32]] = [:]
            for (position, token) in right.tokens[stage].enumerated() where !rightMatched[position] {
                if let token { index[token, default: []].append(Int32(position)) }
            }
            var pairs: [CandidatePair] = []
            for (position, token) in left.tokens[stage].enumerated() where !leftMatched[position] {
                guard let token, let partners = index[token] else { continue }
                for partner in partners {
                    pairs.append(CandidatePair(similarity: dice(left, Int32(position), right, partner) ?? 1, left: Int32(position), right: partner))
                }
            }
            pairs.sort(by: CandidatePair.precedes)
            let kept = solver.solve(pairs, &leftMatched, &rightMatched)
            for k in kept {
                links.append(Link(left: pairs[k].left, right: pairs[k].right, stage: stage, similarity: dice(left, pairs[k].left, right, pairs[k].right)))
            }
            summary.candidatesByStage[stage] = pairs.count
            summary.matchesByStage[stage] = kept.count
            summary.secondsByStage[stage] = Date().timeIntervalSince(start)
        }

        if let threshold, let leftFilters = left.filters, let rightFilters = right.filters {
            let start = Date()
            let lefts = leftMatched.indices.filter { !leftMatched[$0] }.map { Int32($0) }
            let rights = rightMatched.indices.filter { !rightMatched[$0] }.map { Int32($0) }
            let searchThreshold = min(threshold, scoreFloor ?? threshold)
            var pairs: [CandidatePair]
            switch blocking {
            case .none:
                let (found, statistics, scores) = await DiceSearch.candidates(left: leftFilters, right: rightFilters, threshold: threshold,
                                                                              leftSubset: lefts, rightSubset: rights, scoreFloor: scoreFloor)
                pairs = found
                summary.bestScores = scores
                summary.comparisons = statistics.comparisons
                summary.skipped = statistics.skipped
            case .keys, .lsh:
                let blocks: BlockSet
                if case .lsh(let bands, let bits) = blocking {
                    blocks = HammingLSH(bands: bands, bitsPerBand: bits, bitCount: leftFilters.bitCount)
                        .blocks(left: leftFilters, right: rightFilters, leftSubset: lefts, rightSubset: rights)
                } else {
                    blocks = keyBlocks(left: left, right: right, lefts: lefts, rights: rights)
                }
                let (found, comparisons) = await BlockedSearch.candidates(left: leftFilters, right: rightFilters, blocks: blocks, threshold: searchThreshold)
                pairs = found
                summary.comparisons = comparisons
                summary.skipped = lefts.count * rights.count - comparisons
            }
            if scoreFloor != nil && summary.bestScores == nil {
                // Blocked searches return every pair down to the floor: score them, then keep the link candidates.
                var scores = BestCandidateScores(count: left.ids.count)
                for pair in pairs { scores.add(pair.similarity, forRecord: Int(pair.left)) }
                summary.bestScores = scores
                // Keep exactly the candidates a search at the threshold finds (anonlink's pre-filter included).
                pairs.removeAll { pair in
                    let a = Int(leftFilters.popcounts[Int(pair.left)]), b = Int(rightFilters.popcounts[Int(pair.right)])
                    return pair.similarity < threshold || Double(abs(a - b)) > (Double(2 * a) * (1.0 / threshold - 1.0)).rounded(.towardZero)
                }
            }
            let kept = solver.solve(pairs, &leftMatched, &rightMatched)
            for k in kept {
                links.append(Link(left: pairs[k].left, right: pairs[k].right, stage: columns, similarity: pairs[k].similarity))
            }
            if scoreFloor != nil { summary.scoreFloor = searchThreshold }
            summary.candidatesByStage[columns] = pairs.count
            summary.matchesByStage[columns] = kept.count
            summary.secondsByStage[columns] = Date().timeIntervalSince(start)
        }
        return (links, summary)
    }

    /// Blocks of records sharing a blocking key, column by column (blank keys never block together).
    static func keyBlocks(left: LinkSide, right: LinkSide, lefts: [Int32], rights: [Int32]) -> BlockSet {
        var blocks: [Block] = []
        let columns = min(left.blockKeys.count, right.blockKeys.count)
        for column in 0..<columns {
            var buckets: [String: ([Int32], [Int32])] = [:]
            for l in lefts { if let key = left.blockKeys[column][Int(l)] { buckets[key, default: ([], [])].0.append(l) } }
            for r in rights { if let key = right.blockKeys[column][Int(r)], buckets[key] != nil { buckets[key]!.1.append(r) } }
            for key in buckets.keys.sorted() where !buckets[key]!.1.isEmpty {
                blocks.append(Block(pass: column, lefts: buckets[key]!.0, rights: buckets[key]!.1))
            }
        }
        let leftKeys = left.blockKeys, rightKeys = right.blockKeys
        return BlockSet(blocks: blocks) { l, r, pass in
            for earlier in 0..<pass {
                if let a = leftKeys[earlier][Int(l)], let b = rightKeys[earlier][Int(r)], a == b { return true }
            }
            return false
        }
    }

    /// The Dice coefficient of two records' CLKs, when both sides have them.
    static func dice(_ left: LinkSide, _ l: Int32, _ right: LinkSide, _ r: Int32) -> Double? {
        guard let a = left.filters, let b = right.filters, a.count > Int(l), b.count > Int(r) else { return nil }
        let total = Int(a.popcounts[Int(l)]) + Int(b.popcounts[Int(r)])
        guard total > 0 else { return 0 }
        var common: UInt32 = 0
        withUnsafeMutablePointer(to: &common) { out in
            cjigsawAndPopcount(a.filter(Int(l)), b.filter(Int(r)), a.wordsPerFilter, out)
        }
        return 2.0 * Double(common) / Double(total)
    }
}
