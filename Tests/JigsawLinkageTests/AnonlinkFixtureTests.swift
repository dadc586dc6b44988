import Foundation
import Testing
@testable import JigsawLinkage

/// Candidate pairs and greedy links equal anonlink 0.15.3's on committed fixtures
/// (`Fixtures/anonlink/make_fixtures.py`: 600 × 500 clkhash CLKs with duplicates, ties and empty filters).
struct AnonlinkFixtureTests {
    struct Filters: Decodable {
        var left: [String]
        var right: [String]
    }
    struct Candidates: Decodable {
        var threshold: Double
        var pairs: [[Double]]
    }
    struct Greedy: Decodable {
        var groups: [[[Int]]]
    }

    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/anonlink/\(name)")
    }

    static func stores() throws -> (FilterStore, FilterStore) {
        let filters = try JSONDecoder().decode(Filters.self, from: Data(contentsOf: url("filters.json")))
        let decode = { (text: String) in [UInt8](Data(base64Encoded: text)!) }
        return (FilterStore(filters: filters.left.map(decode), bitCount: 1024), FilterStore(filters: filters.right.map(decode), bitCount: 1024))
    }

    @Test(arguments: ["0.5", "0.7", "0.8", "0.9", "0.95"])
    func candidatesAndGreedyEqualAnonlink(_ threshold: String) async throws {
        let (left, right) = try Self.stores()
        let expected = try JSONDecoder().decode(Candidates.self, from: Data(contentsOf: Self.url("candidates-\(threshold).json")))
        let (pairs, _, _) = await DiceSearch.candidates(left: left, right: right, threshold: expected.threshold)
        let theirs = expected.pairs.map { CandidatePair(similarity: $0[0], left: Int32($0[1]), right: Int32($0[2])) }
        #expect(pairs.count == theirs.count)
        #expect(pairs == theirs)

        let greedy = try JSONDecoder().decode(Greedy.self, from: Data(contentsOf: Self.url("greedy-\(threshold).json")))
        var lm = [Bool](repeating: false, count: left.count), rm = [Bool](repeating: false, count: right.count)
        let kept = GreedySolver.solve(pairs, leftMatched: &lm, rightMatched: &rm)
        let ours = Set(kept.map { [Int(pairs[$0].left), Int(pairs[$0].right)] })
        let anonlinks = Set(greedy.groups.map { group -> [Int] in
            let sorted = group.sorted { $0[0] < $1[0] }
            return [sorted[0][1], sorted[1][1]]
        })
        #expect(ours == anonlinks)
    }

    struct EdgeCases: Decodable {
        struct Run: Decodable {
            var threshold: Double
            var accelerated_pairs: [[Double]]
            var greedy_accelerated_accepted_in_order: [[Double]]
        }
        var left: [String]
        var right: [String]
        var results: [Run]
    }

    /// Hand-built filters (subsets, empty filters, exact-threshold similarities, ties) at thresholds 0 to 1,
    /// including anonlink's pre-filter dropping some pairs exactly at the threshold.
    @Test func edgeCasesEqualAnonlinkAccelerated() async throws {
        let cases = try JSONDecoder().decode(EdgeCases.self, from: Data(contentsOf: Self.url("edge-cases.json")))
        let decode = { (text: String) in [UInt8](Data(base64Encoded: text)!) }
        let bits = 8 * decode(cases.left[0]).count
        let left = FilterStore(filters: cases.left.map(decode), bitCount: bits)
        let right = FilterStore(filters: cases.right.map(decode), bitCount: bits)
        for run in cases.results {
            let (pairs, _, _) = await DiceSearch.candidates(left: left, right: right, threshold: run.threshold)
            let theirs = run.accelerated_pairs.map { CandidatePair(similarity: $0[0], left: Int32($0[1]), right: Int32($0[2])) }
            #expect(pairs == theirs, "threshold \(run.threshold)")
            var lm = [Bool](repeating: false, count: left.count), rm = [Bool](repeating: false, count: right.count)
            let kept = GreedySolver.solve(pairs, leftMatched: &lm, rightMatched: &rm).map { pairs[$0] }
            let accepted = run.greedy_accelerated_accepted_in_order.map { CandidatePair(similarity: $0[0], left: Int32($0[1]), right: Int32($0[2])) }
            #expect(kept == accepted, "threshold \(run.threshold)")
        }
    }

    /// Scoring down to a floor never changes the candidates at the threshold, and each left record's best
    /// and second-best scores are the two highest similarities of the pairs a search at the floor finds.
    @Test(arguments: [0.8, 0.95])
    func scoreFloorKeepsTheSameCandidates(_ threshold: Double) async throws {
        let (left, right) = try Self.stores()
        let plain = await DiceSearch.candidates(left: left, right: right, threshold: threshold).pairs
        let (withScores, _, scores) = await DiceSearch.candidates(left: left, right: right, threshold: threshold, scoreFloor: 0.5)
        #expect(withScores == plain)
        let atFloor = await DiceSearch.candidates(left: left, right: right, threshold: 0.5).pairs
        var expectedBest = [Double](repeating: .nan, count: left.count), expectedSecond = expectedBest
        for (index, _) in expectedBest.enumerated() {
            let mine = atFloor.filter { $0.left == Int32(index) }.map(\.similarity).sorted(by: >)
            if mine.count > 0 { expectedBest[index] = mine[0] }
            if mine.count > 1 { expectedSecond[index] = mine[1] }
        }
        let found = try #require(scores)
        #expect(zip(found.best, expectedBest).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(zip(found.secondBest, expectedSecond).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(found.best.contains { !$0.isNaN })
    }
}
