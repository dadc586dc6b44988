import Testing
import JigsawLinkage

/// Precision, recall and F1 on small cases worked by hand.
struct EvaluationTests {
    typealias Link = LinkageEvaluation.PredictedLink
    typealias Pair = LinkageEvaluation.TruePair
    typealias Counts = LinkageEvaluation.Counts

    static func pair(_ left: String, _ right: String) -> Pair { Pair(leftID: left, rightID: right) }

    /// Five true pairs; four links, three of them right; one true pair never linked.
    static let truth = [pair("L1", "R1"), pair("L2", "R2"), pair("L3", "R3"), pair("L4", "R4"), pair("L5", "R5")]
    static let links = [
        Link(leftID: "L1", rightID: "R1", stage: "exact:nhs", group: "Y"),
        Link(leftID: "L2", rightID: "R2", stage: "exact:nhs", group: "N"),
        Link(leftID: "L3", rightID: "R3", stage: "fuzzy", group: "N"),
        Link(leftID: "L4", rightID: "R9", stage: "fuzzy", group: "Y"),
    ]

    @Test func overall() {
        let evaluation = LinkageEvaluation(links: Self.links, truth: Self.truth)
        #expect(evaluation.overall == Counts(truePositives: 3, falsePositives: 1, falseNegatives: 2))
        #expect(evaluation.overall.links == 4)
        #expect(evaluation.overall.truePairs == 5)
        #expect(evaluation.overall.precision == 0.75)
        #expect(evaluation.overall.recall == 0.6)
        // 2·0.75·0.6 / 1.35 = 2/3, and 2·3 / (6 + 1 + 2) = 2/3.
        #expect(abs((evaluation.overall.f1 ?? 0) - 2.0 / 3.0) < 1e-12)
        let ungrouped = LinkageEvaluation(links: Self.links.map { Link(leftID: $0.leftID, rightID: $0.rightID, stage: $0.stage) }, truth: Self.truth)
        #expect(ungrouped.overall == evaluation.overall)
        #expect(ungrouped.groups.isEmpty, "no groups without group values or a group map")
    }

    @Test func byStageRecallIsShareOfAllTruePairs() throws {
        let evaluation = LinkageEvaluation(links: Self.links, truth: Self.truth)
        #expect(evaluation.stages.map(\.stage) == ["exact:nhs", "fuzzy"])
        let exact = evaluation.stages[0], fuzzy = evaluation.stages[1]
        #expect(exact.counts == Counts(truePositives: 2, falsePositives: 0, falseNegatives: 3))
        #expect(exact.counts.precision == 1)
        #expect(exact.counts.recall == 0.4)
        #expect(exact.cumulativeRecall == 0.4)
        #expect(fuzzy.counts == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 4))
        #expect(fuzzy.counts.precision == 0.5)
        #expect(fuzzy.counts.recall == 0.2)
        #expect(fuzzy.cumulativeRecall == 0.6)
        // The stages' recalls add up to the overall recall.
        let sum = evaluation.stages.compactMap(\.counts.recall).reduce(0, +)
        #expect(abs(sum - (evaluation.overall.recall ?? 0)) < 1e-12)
        #expect(evaluation.stages.map(\.counts.links).reduce(0, +) == evaluation.overall.links)
        let f1 = try #require(fuzzy.counts.f1)
        #expect(abs(f1 - 2.0 / 7.0) < 1e-12)  // 2·1 / (2 + 1 + 4)
    }

    @Test func stagesInOrderOfFirstAppearance() {
        let links = [Link(leftID: "a", rightID: "b", stage: "fuzzy"), Link(leftID: "c", rightID: "d", stage: "exact:upn"),
                     Link(leftID: "e", rightID: "f", stage: "fuzzy")]
        let evaluation = LinkageEvaluation(links: links, truth: [Self.pair("a", "b")])
        #expect(evaluation.stages.map(\.stage) == ["fuzzy", "exact:upn"])
        #expect(evaluation.stages[0].counts == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(evaluation.stages[1].cumulativeRecall == 1)
    }

    @Test func byGroupUsesLinkGroupThenLeftIDMap() {
        // L5 is never linked: its group comes from the map; L4's true pair is missed too (L4 was linked to R9).
        let groupOfLeft = ["L4": "Y", "L5": "N"]
        let evaluation = LinkageEvaluation(links: Self.links, truth: Self.truth, groupOfLeft: groupOfLeft)
        #expect(evaluation.groups.map(\.group) == ["N", "Y"])
        let n = evaluation.groups[0].counts, y = evaluation.groups[1].counts
        #expect(n == Counts(truePositives: 2, falsePositives: 0, falseNegatives: 1))  // L2, L3 found; L5 missed
        #expect(y == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))  // L1 found; L4→R9 wrong; L4 missed
        #expect(n.recall.map { abs($0 - 2.0 / 3.0) < 1e-12 } == true)
        #expect(y.precision == 0.5)
        #expect(y.recall == 0.5)
        // Groups partition the links and the true pairs.
        #expect(evaluation.groups.map(\.counts.truePositives).reduce(0, +) == evaluation.overall.truePositives)
        #expect(evaluation.groups.map(\.counts.falsePositives).reduce(0, +) == evaluation.overall.falsePositives)
        #expect(evaluation.groups.map(\.counts.falseNegatives).reduce(0, +) == evaluation.overall.falseNegatives)
    }

    @Test func unlinkedTruePairsWithoutAGroupAreUnknownAndLast() {
        let evaluation = LinkageEvaluation(links: Self.links, truth: Self.truth, groupOfLeft: ["L5": "N"])
        #expect(evaluation.groups.map(\.group) == ["N", "Y", LinkageEvaluation.unknownGroup])
        let unknown = evaluation.groups[2].counts
        #expect(unknown == Counts(truePositives: 0, falsePositives: 0, falseNegatives: 1))  // L4's true pair
        #expect(unknown.precision == nil)
        #expect(unknown.recall == 0)
        #expect(unknown.f1 == 0)
    }

    @Test func linksWithoutAGroupCountAsUnknownWhenOthersHaveOne() {
        let links = [Link(leftID: "a", rightID: "b", stage: "fuzzy", group: "Y"), Link(leftID: "c", rightID: "d", stage: "fuzzy")]
        let evaluation = LinkageEvaluation(links: links, truth: [Self.pair("a", "b"), Self.pair("c", "d")])
        #expect(evaluation.groups == [
            .init(group: "Y", counts: Counts(truePositives: 1, falsePositives: 0, falseNegatives: 0)),
            .init(group: LinkageEvaluation.unknownGroup, counts: Counts(truePositives: 1, falsePositives: 0, falseNegatives: 0)),
        ])
    }

    @Test func emptyLinks() {
        let evaluation = LinkageEvaluation(links: [], truth: Self.truth)
        #expect(evaluation.overall == Counts(truePositives: 0, falsePositives: 0, falseNegatives: 5))
        #expect(evaluation.overall.precision == nil)
        #expect(evaluation.overall.recall == 0)
        #expect(evaluation.overall.f1 == 0)
        #expect(evaluation.stages.isEmpty)
        #expect(evaluation.groups.isEmpty)
    }

    @Test func emptyLinksWithGroupsStillCountsMissedPairsByGroup() {
        let evaluation = LinkageEvaluation(links: [], truth: [Self.pair("L1", "R1"), Self.pair("L2", "R2")], groupOfLeft: ["L1": "Y"])
        #expect(evaluation.groups.map(\.group) == ["Y", LinkageEvaluation.unknownGroup])
        #expect(evaluation.groups.map(\.counts.falseNegatives) == [1, 1])
    }

    @Test func emptyTruth() {
        let evaluation = LinkageEvaluation(links: Self.links, truth: [])
        #expect(evaluation.overall == Counts(truePositives: 0, falsePositives: 4, falseNegatives: 0))
        #expect(evaluation.overall.precision == 0)
        #expect(evaluation.overall.recall == nil)
        #expect(evaluation.overall.f1 == 0)
        #expect(evaluation.stages.allSatisfy { $0.cumulativeRecall == nil && $0.counts.recall == nil })
    }

    @Test func bothEmpty() {
        let evaluation = LinkageEvaluation(links: [], truth: [])
        #expect(evaluation.overall == Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0))
        #expect(evaluation.overall.precision == nil)
        #expect(evaluation.overall.recall == nil)
        #expect(evaluation.overall.f1 == nil)
    }

    @Test func perfectLinkage() {
        let links = Self.truth.map { Link(leftID: $0.leftID, rightID: $0.rightID, stage: "fuzzy") }
        let evaluation = LinkageEvaluation(links: links, truth: Self.truth)
        #expect(evaluation.overall.precision == 1)
        #expect(evaluation.overall.recall == 1)
        #expect(evaluation.overall.f1 == 1)
    }

    @Test func duplicatesCountOnceAtFirstListing() {
        let links = [Link(leftID: "L1", rightID: "R1", stage: "exact:nhs"), Link(leftID: "L1", rightID: "R1", stage: "fuzzy"),
                     Link(leftID: "L1", rightID: "R7", stage: "fuzzy"), Link(leftID: "L1", rightID: "R7", stage: "fuzzy")]
        let evaluation = LinkageEvaluation(links: links, truth: [Self.pair("L1", "R1"), Self.pair("L1", "R1")])
        #expect(evaluation.duplicateLinks == 2)
        #expect(evaluation.duplicateTruePairs == 1)
        #expect(evaluation.overall == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(evaluation.stages.map(\.stage) == ["exact:nhs", "fuzzy"])
        #expect(evaluation.stages[0].counts.truePositives == 1)
        #expect(evaluation.stages[1].counts == Counts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
    }

    @Test func pairsAreOrdered() {
        // (a, b) and (b, a) are different pairs: left and right ids come from different files.
        let evaluation = LinkageEvaluation(links: [Link(leftID: "b", rightID: "a", stage: "fuzzy")], truth: [Self.pair("a", "b")])
        #expect(evaluation.overall == Counts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
    }
}
