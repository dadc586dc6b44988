/// Linkage quality measured against known true pairs: precision, recall and F1 overall, by stage and by group.
///
/// The links to judge are pairs of record ids with the stage that made them (`exact:<column>` or `fuzzy`, as
/// `jigsaw link` writes them) and, optionally, a group: the value of a carried column such as a SEND or
/// looked-after flag. The truth is the set of (left id, right id) pairs that belong to the same person, and is
/// taken to be complete: a link not in it is a false positive.
///
/// ## Counting
/// - A **true positive** is a link whose pair is in the truth; a **false positive** is a link whose pair is not;
///   a **false negative** is a true pair that no link names.
/// - A pair listed more than once among the links counts once, with the stage and group of its first listing
///   (``duplicateLinks`` says how many listings were set aside); a true pair listed more than once counts once
///   (``duplicateTruePairs``).
/// - Precision is TP / (TP + FP), recall TP / (TP + FN), and F1 is 2·TP / (2·TP + FP + FN), which is the
///   harmonic mean of precision and recall when both are defined. A ratio whose denominator is zero is
///   undefined (`nil`), not zero: with no links, precision is undefined and recall is 0.
///
/// ## By stage
/// Stages are listed in the order in which they first appear among the links (the order `jigsaw link` runs
/// them). A stage's TP and FP count the links that stage made, so its precision is the precision of those
/// links. A stage's **recall is the share of all true pairs that the stage found**: TP of the stage divided by
/// the number of true pairs, not by the true pairs still unmatched when the stage ran. The stages' recalls
/// therefore add up to the overall recall, and ``StageResult/cumulativeRecall`` gives the recall of the stages
/// up to and including each one. For the same reason a stage's FN is the number of true pairs the stage did
/// not find (found by another stage or by none), so that recall = TP / (TP + FN) holds in every row; it is
/// not a count to add across stages.
///
/// ## By group
/// Groups are computed when any link carries a group or `groupOfLeft` is not empty. The group of a pair is
/// the group of the left record:
/// - a link (true or false positive) is counted in the group it carries (``PredictedLink/group``; a link
///   without one counts in ``unknownGroup``);
/// - a true pair that no link names (a false negative) has no link to carry its group, so its group is
///   looked up by left id in `groupOfLeft`, and is ``unknownGroup`` when the id is not there.
///
/// Build `groupOfLeft` from the same source as the links' groups (for example the left file's column that
/// `--carry-left` copied), so that every pair is grouped by the same rule. A group's recall is then the share
/// of that group's true pairs that were linked, and its precision the share of that group's links that were
/// right: differences between groups show linkage quality that differs by group.
public struct LinkageEvaluation: Sendable, Equatable {
    /// A link to evaluate: a pair of record ids, the stage that made it, and optionally its group.
    public struct PredictedLink: Sendable, Hashable {
        /// The left record's id.
        public var leftID: String
        /// The right record's id.
        public var rightID: String
        /// The stage that made the link, such as `exact:nhs_token` or `fuzzy`.
        public var stage: String
        /// The link's group (a carried column's value), or `nil` when it has none.
        public var group: String?

        /// Creates a link.
        /// - Parameters:
        ///   - leftID: the left record's id.
        ///   - rightID: the right record's id.
        ///   - stage: the stage that made it.
        ///   - group: its group, if any.
        public init(leftID: String, rightID: String, stage: String, group: String? = nil) {
            self.leftID = leftID
            self.rightID = rightID
            self.stage = stage
            self.group = group
        }
    }

    /// A pair of records known to belong to the same person.
    public struct TruePair: Sendable, Hashable {
        /// The left record's id.
        public var leftID: String
        /// The right record's id.
        public var rightID: String

        /// Creates a pair.
        /// - Parameters:
        ///   - leftID: the left record's id.
        ///   - rightID: the right record's id.
        public init(leftID: String, rightID: String) {
            self.leftID = leftID
            self.rightID = rightID
        }
    }

    /// True positives, false positives and false negatives, and the ratios made from them.
    public struct Counts: Sendable, Hashable {
        /// Links whose pair is a true pair.
        public var truePositives: Int
        /// Links whose pair is not a true pair.
        public var falsePositives: Int
        /// True pairs not found (for a stage: not found by that stage).
        public var falseNegatives: Int

        /// Creates counts.
        /// - Parameters:
        ///   - truePositives: links whose pair is a true pair.
        ///   - falsePositives: links whose pair is not.
        ///   - falseNegatives: true pairs not found.
        public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        /// The number of links: TP + FP.
        public var links: Int { truePositives + falsePositives }

        /// The number of true pairs the recall is taken over: TP + FN.
        public var truePairs: Int { truePositives + falseNegatives }

        /// TP / (TP + FP): the share of links that are right; `nil` when there are no links.
        public var precision: Double? {
            links == 0 ? nil : Double(truePositives) / Double(links)
        }

        /// TP / (TP + FN): the share of true pairs found; `nil` when there are no true pairs.
        public var recall: Double? {
            truePairs == 0 ? nil : Double(truePositives) / Double(truePairs)
        }

        /// 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; `nil` when there are neither
        /// links nor true pairs.
        public var f1: Double? {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator == 0 ? nil : Double(2 * truePositives) / Double(denominator)
        }
    }

    /// The result for one stage.
    public struct StageResult: Sendable, Hashable {
        /// The stage's name, as the links give it.
        public var stage: String
        /// The stage's counts: its links, and (as FN) the true pairs it did not find.
        public var counts: Counts
        /// The share of all true pairs found by this stage and the stages before it; `nil` when there are no
        /// true pairs.
        public var cumulativeRecall: Double?

        /// Creates a stage result.
        /// - Parameters:
        ///   - stage: the stage's name.
        ///   - counts: its counts.
        ///   - cumulativeRecall: the recall of the stages up to and including this one.
        public init(stage: String, counts: Counts, cumulativeRecall: Double?) {
            self.stage = stage
            self.counts = counts
            self.cumulativeRecall = cumulativeRecall
        }
    }

    /// The result for one group.
    public struct GroupResult: Sendable, Hashable {
        /// The group's value.
        public var group: String
        /// The group's counts: its links, and the true pairs in it that no link names.
        public var counts: Counts

        /// Creates a group result.
        /// - Parameters:
        ///   - group: the group's value.
        ///   - counts: its counts.
        public init(group: String, counts: Counts) {
            self.group = group
            self.counts = counts
        }
    }

    /// The group of links without one and of unlinked true pairs whose left id has no group: `(unknown)`.
    public static let unknownGroup = "(unknown)"

    /// All links against all true pairs.
    public let overall: Counts
    /// One result per stage, in the order the stages first appear among the links.
    public let stages: [StageResult]
    /// One result per group, in increasing order of the group's value with ``unknownGroup`` last; empty when
    /// no link carries a group and `groupOfLeft` was empty.
    public let groups: [GroupResult]
    /// Listings of a pair already listed among the links, which were not counted again.
    public let duplicateLinks: Int
    /// Listings of a true pair already listed, which were not counted again.
    public let duplicateTruePairs: Int

    /// Evaluates `links` against `truth`.
    /// - Parameters:
    ///   - links: the links, in the order they were made (this fixes the order of the stages).
    ///   - truth: the true pairs, taken to be all of them.
    ///   - groupOfLeft: each left id's group, used for the true pairs that no link names.
    /// - Complexity: O(*l* + *t*) hashing for *l* links and *t* true pairs.
    public init(links: some Sequence<PredictedLink>, truth: some Sequence<TruePair>, groupOfLeft: [String: String] = [:]) {
        // Each pair's hash is taken once (`PairKey`): the sets below look a pair up several times, and
        // re-hashing two strings each time was most of the cost on a million links.
        var truePairs = Set<PairKey>(minimumCapacity: truth.underestimatedCount)
        var duplicateTruePairs = 0
        for pair in truth where !truePairs.insert(PairKey(pair.leftID, pair.rightID)).inserted { duplicateTruePairs += 1 }

        var listed = Set<PairKey>(minimumCapacity: links.underestimatedCount)
        var found = Set<PairKey>(minimumCapacity: Swift.min(links.underestimatedCount, truePairs.count))
        var duplicateLinks = 0
        var stageNames: [String] = []
        var stageIndex: [String: Int] = [:]
        var stageCounts: [(truePositives: Int, falsePositives: Int)] = []
        var groupCounts: [String: Counts] = [:]
        var grouped = !groupOfLeft.isEmpty
        var lastStage: (name: String, index: Int)?
        for link in links {
            let pair = PairKey(link.leftID, link.rightID)
            guard listed.insert(pair).inserted else {
                duplicateLinks += 1
                continue
            }
            let stage: Int
            if let lastStage, lastStage.name == link.stage {
                stage = lastStage.index
            } else if let index = stageIndex[link.stage] {
                stage = index
            } else {
                stage = stageNames.count
                stageIndex[link.stage] = stage
                stageNames.append(link.stage)
                stageCounts.append((0, 0))
            }
            lastStage = (link.stage, stage)
            if link.group != nil { grouped = true }
            let isTrue = truePairs.contains(pair)
            if isTrue {
                found.insert(pair)
                stageCounts[stage].truePositives += 1
            } else {
                stageCounts[stage].falsePositives += 1
            }
            let group = link.group ?? Self.unknownGroup
            if isTrue {
                groupCounts[group, default: Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0)].truePositives += 1
            } else {
                groupCounts[group, default: Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0)].falsePositives += 1
            }
        }
        if grouped {
            for pair in truePairs where !found.contains(pair) {
                let group = groupOfLeft[pair.left] ?? Self.unknownGroup
                groupCounts[group, default: Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0)].falseNegatives += 1
            }
        }

        let total = truePairs.count
        overall = Counts(truePositives: found.count, falsePositives: listed.count - found.count, falseNegatives: total - found.count)
        var cumulative = 0
        stages = zip(stageNames, stageCounts).map { name, counts in
            cumulative += counts.truePositives
            return StageResult(
                stage: name,
                counts: Counts(truePositives: counts.truePositives, falsePositives: counts.falsePositives,
                               falseNegatives: total - counts.truePositives),
                cumulativeRecall: total == 0 ? nil : Double(cumulative) / Double(total))
        }
        groups = grouped ? groupCounts.map { GroupResult(group: $0.key, counts: $0.value) }.sorted { a, b in
            if (a.group == Self.unknownGroup) != (b.group == Self.unknownGroup) { return b.group == Self.unknownGroup }
            return a.group < b.group
        } : []
        self.duplicateLinks = duplicateLinks
        self.duplicateTruePairs = duplicateTruePairs
    }
}

/// A left and right id with their hash taken once, for the evaluation's sets.
private struct PairKey: Hashable {
    let left: String
    let right: String
    let hash: Int

    init(_ left: String, _ right: String) {
        self.left = left
        self.right = right
        var hasher = Hasher()
        hasher.combine(left)
        hasher.combine(right)
        hash = hasher.finalize()
    }

    static func == (a: PairKey, b: PairKey) -> Bool { a.hash == b.hash && a.left == b.left && a.right == b.right }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
