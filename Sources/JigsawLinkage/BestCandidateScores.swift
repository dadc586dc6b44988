/// Each left record's best and second-best fuzzy-candidate similarity down to a floor, and the threshold
/// suggested from them.
///
/// ## Why the best score per record
/// Almost every candidate pair is a non-match, so the similarities of all candidates form one mode near
/// the floor with a long tail, and the true matches are lost in the tail. What a threshold decides is, per
/// record, whether its *best* candidate is its match. Records with a match in the other file have a best
/// score near the top; records without one have as their best the highest of many non-match scores. The
/// best scores are therefore bimodal when a good share of records has no match, and the valley between
/// the two modes is where a threshold belongs.
///
/// ## Why the second-best score
/// For a record with a match, its second-best candidate is its best non-match, so the second-best scores
/// show how high non-matches reach *in these files* (which depends on the schema, the hardening and how
/// alike the records are). They tell a low mode of non-matches from a low shoulder of damaged matches,
/// and give a threshold when no non-match mode shows (when nearly every record has its match).
///
/// ## The suggested threshold
/// ``suggestedThreshold(floor:binCount:)``:
/// 1. Puts the best scores in a ``ScoreHistogram`` of `binCount` bins over `floor...1` and looks for its
///    valley (``ScoreHistogram/suggestedThreshold(smoothingWindow:minimumSeparation:lowestModeAtMost:)``),
///    requiring the lower mode to lie at or below the 90th percentile of the second-best scores, so that it
///    is a mode of non-matches. When found, the suggestion is the valley (``ThresholdSuggestion/Basis/valley``).
/// 2. Otherwise, the suggestion is that 90th percentile itself (``ThresholdSuggestion/Basis/nonMatchQuantile``):
///    without a mode of non-matches, few records lack a match, and the threshold only has to lie above
///    what nine records in ten reach with a non-match.
/// 3. With fewer than ``minimumRecords`` records holding a second-best score, there is no suggestion.
///
/// The rule was chosen on `jigsaw synth` extracts and FEBRL 4 and checked on synthetic extracts made with
/// other seeds, overlaps and error rates (`docs/linkage-quality.md`); it is a starting point for a person
/// to look at the histogram, not a guarantee.
public struct BestCandidateScores: Sendable, Equatable {
    /// Each left record's highest candidate similarity, NaN when it has no candidate at or above the floor.
    public private(set) var best: [Double]
    /// Each left record's second-highest candidate similarity, NaN when it has fewer than two candidates.
    public private(set) var secondBest: [Double]

    /// The fewest records with a second-best score for a suggestion.
    public static let minimumRecords = 20

    /// The quantile of the second-best scores used by the rule.
    public static let nonMatchQuantile = 0.9

    /// No scores yet for `count` left records.
    /// - Parameter count: the number of left records.
    public init(count: Int) {
        best = [Double](repeating: .nan, count: count)
        secondBest = best
    }

    /// Counts a candidate of left record `record`.
    /// - Parameters:
    ///   - similarity: the candidate's similarity.
    ///   - record: the left record's position.
    @inline(__always)
    public mutating func add(_ similarity: Double, forRecord record: Int) {
        Self.update(&best[record], &secondBest[record], with: similarity)
    }

    /// Sets a record's two scores (from a search done elsewhere).
    /// - Parameters:
    ///   - record: the left record's position.
    ///   - best: its best score (NaN: none).
    ///   - secondBest: its second-best score (NaN: none).
    public mutating func set(record: Int, best: Double, secondBest: Double) {
        self.best[record] = best
        self.secondBest[record] = secondBest
    }

    /// Folds `similarity` into a best / second-best pair (NaN meaning none yet).
    @inline(__always)
    static func update(_ first: inout Double, _ second: inout Double, with similarity: Double) {
        if first.isNaN || similarity > first {
            second = first
            first = similarity
        } else if second.isNaN || similarity > second {
            second = similarity
        }
    }

    /// The histogram of the best scores over `floor...1`.
    /// - Parameters:
    ///   - floor: the lowest similarity searched.
    ///   - binCount: the number of bins.
    /// - Returns: the histogram (records without a candidate are not counted).
    public func histogram(floor: Double, binCount: Int = 50) -> ScoreHistogram {
        ScoreHistogram(scores: best.lazy.filter { !$0.isNaN }, binCount: binCount, range: min(floor, 0.98)...1)
    }

    /// The `q`-quantile of the second-best scores (the nearest rank, `⌈q·n⌉`-th smallest), or `nil` when
    /// no record has one.
    /// - Parameter q: the quantile, in `0...1`.
    /// - Returns: the score.
    public func secondBestQuantile(_ q: Double) -> Double? {
        let scores = secondBest.filter { !$0.isNaN }.sorted()
        guard !scores.isEmpty else { return nil }
        let rank = max(1, Int((q * Double(scores.count)).rounded(.up)))
        return scores[min(scores.count, rank) - 1]
    }

    /// The threshold suggested by the rule in the type's documentation.
    /// - Parameters:
    ///   - floor: the lowest similarity searched.
    ///   - binCount: the histogram's bins.
    /// - Returns: the suggestion, or `nil` when too few records have a second-best score.
    public func suggestedThreshold(floor: Double, binCount: Int = 50) -> ThresholdSuggestion? {
        guard secondBest.lazy.filter({ !$0.isNaN }).count >= Self.minimumRecords,
              let quantile = secondBestQuantile(Self.nonMatchQuantile) else { return nil }
        if let valley = histogram(floor: floor, binCount: binCount).suggestedThreshold(lowestModeAtMost: quantile) {
            return ThresholdSuggestion(threshold: valley, basis: .valley)
        }
        return ThresholdSuggestion(threshold: quantile, basis: .nonMatchQuantile)
    }
}

/// A suggested Dice threshold and what it rests on.
public struct ThresholdSuggestion: Sendable, Equatable {
    /// What the suggestion rests on.
    public enum Basis: String, Sendable, Equatable {
        /// The valley between the modes of non-matches and matches in the best scores.
        case valley
        /// No mode of non-matches: the 90th percentile of the second-best scores.
        case nonMatchQuantile = "non-match-quantile"
    }

    /// The suggested threshold.
    public var threshold: Double
    /// What it rests on.
    public var basis: Basis

    /// Creates a suggestion.
    /// - Parameters:
    ///   - threshold: the threshold.
    ///   - basis: what it rests on.
    public init(threshold: Double, basis: Basis) {
        self.threshold = threshold
        self.basis = basis
    }

    /// A phrase for the run summary: why this threshold.
    public var explanation: String {
        switch basis {
        case .valley: "the valley between the non-match and match modes of each left record's best score"
        case .nonMatchQuantile: "no separate non-match mode; nine in ten left records' best non-match (second-best score) stay below it"
        }
    }
}
