/// One-to-one matching by taking candidate pairs in order and keeping each pair whose two records are both
/// still unmatched — the result of anonlink's `greedy_solve` for two datasets.
///
/// Pairs must arrive in anonlink's order (decreasing similarity, then left, then right), which breaks ties
/// deterministically: an earlier left record, then an earlier right record, wins.
public enum GreedySolver {
    /// Solves `pairs`, given in the order to consider them.
    /// - Parameters:
    ///   - pairs: candidate pairs, best first.
    ///   - leftMatched: left records already matched (by earlier stages); updated.
    ///   - rightMatched: right records already matched; updated.
    /// - Returns: the indices into `pairs` of the pairs kept.
    /// - Complexity: O(*n*) in the number of pairs.
    public static func solve(_ pairs: [CandidatePair], leftMatched: inout [Bool], rightMatched: inout [Bool]) -> [Int] {
        var kept: [Int] = []
        for (index, pair) in pairs.enumerated() {
            let l = Int(pair.left), r = Int(pair.right)
            if leftMatched[l] || rightMatched[r] { continue }
            leftMatched[l] = true
            rightMatched[r] = true
            kept.append(index)
        }
        return kept
    }
}
