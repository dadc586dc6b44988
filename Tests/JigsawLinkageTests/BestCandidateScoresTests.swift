import Foundation
import Testing
import JigsawLinkage

/// Each record's best and second-best scores, and the threshold suggested from them.
struct BestCandidateScoresTests {
    typealias SplitMix = HistogramTests.SplitMix

    static func normal(_ count: Int, mean: Double, deviation: Double, using generator: inout SplitMix) -> [Double] {
        HistogramTests.normal(count, mean: mean, deviation: deviation, using: &generator).map { max(0.5, $0) }
    }

    /// Scores for `matched` records whose best is a match around `matchMean` and whose second best is a
    /// non-match around 0.66, and `unmatched` records whose best is a non-match around 0.66.
    static func scores(matched: Int, unmatched: Int, matchMean: Double, seed: UInt64) -> BestCandidateScores {
        var generator = SplitMix(state: seed)
        var scores = BestCandidateScores(count: matched + unmatched)
        let matches = normal(matched, mean: matchMean, deviation: 0.05, using: &generator)
        let runnersUp = normal(matched, mean: 0.66, deviation: 0.03, using: &generator)
        for record in 0..<matched {
            // Added in either order: the order of candidates must not matter.
            if record % 2 == 0 {
                scores.add(matches[record], forRecord: record)
                scores.add(runnersUp[record], forRecord: record)
            } else {
                scores.add(runnersUp[record], forRecord: record)
                scores.add(matches[record], forRecord: record)
            }
            scores.add(0.55, forRecord: record)
        }
        let nonMatches = normal(unmatched, mean: 0.67, deviation: 0.03, using: &generator)
        for record in 0..<unmatched {
            scores.add(nonMatches[record], forRecord: matched + record)
            scores.add(nonMatches[record] - 0.02, forRecord: matched + record)
        }
        return scores
    }

    @Test func keepsTheTwoHighestScoresPerRecord() {
        var scores = BestCandidateScores(count: 3)
        for similarity in [0.6, 0.9, 0.7, 0.9, 0.5] { scores.add(similarity, forRecord: 0) }
        scores.add(0.8, forRecord: 1)
        #expect(scores.best[0] == 0.9 && scores.secondBest[0] == 0.9, "a tie keeps both")
        #expect(scores.best[1] == 0.8 && scores.secondBest[1].isNaN)
        #expect(scores.best[2].isNaN && scores.secondBest[2].isNaN)
        let histogram = scores.histogram(floor: 0.5)
        #expect(histogram.total == 2 && histogram.lowerBound == 0.5)
    }

    @Test func quantileIsTheNearestRank() {
        var scores = BestCandidateScores(count: 10)
        for record in 0..<10 {
            scores.add(1, forRecord: record)
            scores.add(0.5 + Double(record) / 100, forRecord: record)
        }
        #expect(scores.secondBestQuantile(0.9) == 0.58)
        #expect(scores.secondBestQuantile(1) == 0.59)
        #expect(scores.secondBestQuantile(0) == 0.5)
        #expect(BestCandidateScores(count: 4).secondBestQuantile(0.9) == nil)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func suggestsTheValleyWhenManyRecordsHaveNoMatch(seed: UInt64) throws {
        let scores = Self.scores(matched: 3_000, unmatched: 1_500, matchMean: 0.88, seed: seed)
        let suggestion = try #require(scores.suggestedThreshold(floor: 0.5))
        #expect(suggestion.basis == .valley)
        #expect(suggestion.threshold > 0.72 && suggestion.threshold < 0.82, "suggested \(suggestion.threshold)")
    }

    @Test(arguments: [UInt64(4), 5, 6])
    func fallsBackToTheNonMatchQuantileWhenNearlyEveryRecordMatches(seed: UInt64) throws {
        // Matches with a long low shoulder and hardly any unmatched records: the low shoulder is no mode of
        // non-matches, so the threshold comes from the second-best scores.
        let scores = Self.scores(matched: 4_000, unmatched: 20, matchMean: 0.85, seed: seed)
        let suggestion = try #require(scores.suggestedThreshold(floor: 0.5))
        #expect(suggestion.basis == .nonMatchQuantile)
        #expect(suggestion.threshold == scores.secondBestQuantile(0.9))
        #expect(suggestion.threshold > 0.68 && suggestion.threshold < 0.74, "suggested \(suggestion.threshold)")
    }

    @Test func noSuggestionFromTooFewRecords() {
        let scores = Self.scores(matched: 19, unmatched: 0, matchMean: 0.9, seed: 9)
        #expect(scores.suggestedThreshold(floor: 0.5) == nil)
        #expect(Self.scores(matched: 20, unmatched: 0, matchMean: 0.9, seed: 9).suggestedThreshold(floor: 0.5) != nil)
    }

    @Test func aHighLowerModeIsNotTakenForNonMatches() {
        var histogram = ScoreHistogram(binCount: 50, range: 0.5...1)
        for (bin, count) in [(30, 400), (31, 500), (32, 400), (45, 300), (46, 400), (47, 300)] {
            for _ in 0..<count { histogram.add(histogram.centre(ofBin: bin)) }
        }
        #expect(histogram.suggestedThreshold() != nil)
        #expect(histogram.suggestedThreshold(lowestModeAtMost: 0.75) == nil, "the lower mode (smoothed, at 0.825) is above the bound")
        #expect(histogram.suggestedThreshold(lowestModeAtMost: 0.83) != nil)
    }
}
