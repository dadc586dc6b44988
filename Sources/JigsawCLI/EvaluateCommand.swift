internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawCSV
internal import JigsawLinkage
internal import JigsawTokens

/// `jigsaw evaluate`: precision, recall and F1 of a links file against known true pairs, overall, by stage
/// and by group.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure links against known true pairs: precision, recall and F1 overall, by stage and by group.",
        discussion: """
            A link whose pair is in the truth file is a true positive (TP), one whose pair is not is a false positive (FP), and a true pair that no link names is a false negative (FN); the truth file is taken to list every true pair. Precision is TP/(TP+FP), recall TP/(TP+FN), F1 2TP/(2TP+FP+FN); a ratio over nothing prints as "–". A pair listed twice counts once. Ids are compared after removing surrounding spaces and tabs; truth rows with a blank id are skipped.

            By stage (from the links file's stage column): a stage's precision is that of the links it made, and its recall is the share of all true pairs that it found (not of those still unmatched when it ran), so the stages' recalls add up to the overall recall; the cumulative recall is that of the stages up to and including it.

            By group (--by, a column carried into the links file): a link counts in the group it carries. A true pair that no link names counts in the group of its left id's first link, else in the group --groups gives its left id, else in "(unknown)". Blank group values print as "(blank)".
            """
    )

    @Option(name: .long, help: ArgumentHelp("The links CSV written by jigsaw link.", valueName: "links.csv"))
    var links: String

    @Option(name: .long, help: ArgumentHelp("The true pairs: a CSV with a left id and a right id per row.", valueName: "truth.csv"))
    var truth: String

    @Option(name: .long, help: ArgumentHelp("A column of the links file to report by (a carried column such as a SEND flag).", valueName: "column"))
    var by: String?

    @Option(name: .customLong("left-id-column"), help: ArgumentHelp("The links file's left id column.", valueName: "column"))
    var leftIDColumn: String = "left_id"

    @Option(name: .customLong("right-id-column"), help: ArgumentHelp("The links file's right id column.", valueName: "column"))
    var rightIDColumn: String = "right_id"

    @Option(name: .customLong("stage-column"), help: ArgumentHelp("The links file's stage column; without it, no results by stage.", valueName: "column"))
    var stageColumn: String = "stage"

    @Option(name: .customLong("truth-left"), help: ArgumentHelp("The truth file's left id column (default: its first column).", valueName: "column"))
    var truthLeft: String?

    @Option(name: .customLong("truth-right"), help: ArgumentHelp("The truth file's right id column (default: its second column).", valueName: "column"))
    var truthRight: String?

    @Option(name: .long, help: ArgumentHelp("A CSV giving each left id's group, for true pairs that no link names (needs --by).", valueName: "file.csv"))
    var groups: String?

    @Option(name: .customLong("groups-id"), help: ArgumentHelp("The --groups file's left id column (default: its first column).", valueName: "column"))
    var groupsID: String?

    @Option(name: .customLong("groups-column"), help: ArgumentHelp("The --groups file's group column (default: the --by column's name).", valueName: "column"))
    var groupsColumn: String?

    @Option(name: .long, help: ArgumentHelp("Output: table (default) or csv (section,name,links,true_pairs,true_positives,false_positives,false_negatives,precision,recall,cumulative_recall,f1).", valueName: "format"))
    var format: String = "table"

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var csvOptions: CSVInputOptions

    func validate() throws {
        guard ["table", "csv"].contains(format) else { throw ValidationError("--format must be table or csv") }
        if groups != nil && by == nil { throw ValidationError("--groups needs --by to name the group column of the links file") }
        if groups == nil && (groupsID != nil || groupsColumn != nil) { throw ValidationError("--groups-id and --groups-column need --groups") }
        if [links, truth, groups].filter({ $0 == "-" }).count > 1 { throw ValidationError("only one input can be standard input (-)") }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("evaluate", output: nil, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(links)
        audit.read(truth, kind: "truth")
        audit.read(groups, kind: "groups")
        let dialect = try csvOptions.dialect()
        let ragged = try csvOptions.raggedPolicy()
        var notes: [String] = []

        // The links, with their stage and group.
        let linksFile = try EvaluationCSV(path: links, dialect: dialect, ragged: ragged, columns: [
            .named(leftIDColumn, role: "the left id; name it with --left-id-column"),
            .named(rightIDColumn, role: "the right id; name it with --right-id-column"),
            .optional(stageColumn),
            by.map { .named($0, role: "the --by column") } ?? .absent,
        ])
        let hasStages = linksFile.has(2)
        var predicted: [LinkageEvaluation.PredictedLink] = []
        var groupOfLeft: [String: String] = [:]
        let linkRows = try linksFile.forEachRow { values, line in
            for (k, side) in [(0, "left"), (1, "right")] where values[k].isEmpty {
                throw linksFile.failure("the \(side) id is blank; every link needs both ids", line: line, column: k)
            }
            let group = by == nil ? nil : (values[3].isEmpty ? "(blank)" : values[3])
            predicted.append(LinkageEvaluation.PredictedLink(leftID: values[0], rightID: values[1], stage: hasStages ? values[2] : "", group: group))
        }
        if !hasStages { notes.append("\(display(links)) has no \"\(stageColumn)\" column, so there are no results by stage") }
        if linkRows.dropped > 0 { notes.append("\(Console.count(linkRows.dropped)) ragged rows of \(display(links)) left out") }

        // The true pairs.
        let truthRead = try EvaluationCSV.truePairs(path: truth, dialect: dialect, ragged: ragged, left: truthLeft, right: truthRight)
        let pairs = truthRead.pairs
        if truthRead.blank > 0 { notes.append("\(Console.count(truthRead.blank, "row")) of \(display(truth)) with a blank id skipped") }
        if truthRead.dropped > 0 { notes.append("\(Console.count(truthRead.dropped)) ragged rows of \(display(truth)) left out") }

        // Groups of left ids: from --groups, then (taking precedence) from the links themselves.
        if let groups, let by {
            let groupsFile = try EvaluationCSV(path: groups, dialect: dialect, ragged: ragged, columns: [
                groupsID.map { .named($0, role: "the left id; name it with --groups-id") } ?? .position(0, option: "--groups-id"),
                .named(groupsColumn ?? by, role: "the group; name it with --groups-column"),
            ])
            if groupsFile.index(0) == groupsFile.index(1) {
                throw CommandFailure.usage("--groups-id and --groups-column name the same column of \(display(groups)); name two different columns")
            }
            var firstLine: [String: (group: String, line: Int)] = [:]
            var blankIDs = 0
            let groupRows = try groupsFile.forEachRow { values, line in
                guard !values[0].isEmpty else {
                    blankIDs += 1
                    return
                }
                let group = values[1].isEmpty ? "(blank)" : values[1]
                if let earlier = firstLine[values[0]] {
                    guard earlier.group == group else {
                        throw LinkError(.duplicateID, "this left id also appears on line \(earlier.line) with a different group; give each left id one group",
                                        file: groups, line: line, column: groupsFile.describe(0))
                    }
                    return
                }
                firstLine[values[0]] = (group, line)
                groupOfLeft[values[0]] = group
            }
            if blankIDs > 0 { notes.append("\(Console.count(blankIDs, "row")) of \(display(groups)) with a blank id skipped") }
            if groupRows.dropped > 0 { notes.append("\(Console.count(groupRows.dropped)) ragged rows of \(display(groups)) left out") }
        }
        var seenLeft = Set<String>()
        for link in predicted where seenLeft.insert(link.leftID).inserted {
            if let group = link.group { groupOfLeft[link.leftID] = group }
        }

        let evaluation = LinkageEvaluation(links: predicted, truth: pairs, groupOfLeft: groupOfLeft)
        let overall = evaluation.overall
        audit.count("links", overall.links)
        audit.count("true_pairs", overall.truePairs)
        audit.count("true_positives", overall.truePositives)
        audit.count("false_positives", overall.falsePositives)
        audit.count("false_negatives", overall.falseNegatives)
        Console.out(format == "csv" ? csvReport(evaluation, hasStages: hasStages) : tableReport(evaluation, hasStages: hasStages))

        guard !quiet else { return }
        var summary = "jigsaw evaluate: \(Console.count(evaluation.overall.links, "link")) against \(Console.count(evaluation.overall.truePairs, "true pair"))"
        if evaluation.duplicateLinks > 0 { notes.append("\(Console.count(evaluation.duplicateLinks, "link")) repeating a pair listed earlier, counted once") }
        if evaluation.duplicateTruePairs > 0 { notes.append("\(Console.count(evaluation.duplicateTruePairs, "true pair")) listed more than once, counted once") }
        if by != nil, let unknown = evaluation.groups.first(where: { $0.group == LinkageEvaluation.unknownGroup }), unknown.counts.falseNegatives > 0 {
            notes.append("\(Console.count(unknown.counts.falseNegatives, "true pair")) not linked and with no group for the left id\(groups == nil ? " (give one with --groups)" : ""), counted in \(LinkageEvaluation.unknownGroup)")
        }
        summary += notes.map { "\n  " + $0 }.joined()
        Console.err(summary + "\n")
    }

    private func display(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    // MARK: Reports

    private static func ratio(_ value: Double?) -> String {
        value.map { String(format: "%.4f", $0) } ?? "–"
    }

    private func tableReport(_ evaluation: LinkageEvaluation, hasStages: Bool) -> String {
        let o = evaluation.overall
        var lines = ["Overall"]
        lines += Self.table(["links", "true pairs", "TP", "FP", "FN", "precision", "recall", "F1"], [[
            Console.count(o.links), Console.count(o.truePairs), Console.count(o.truePositives), Console.count(o.falsePositives),
            Console.count(o.falseNegatives), Self.ratio(o.precision), Self.ratio(o.recall), Self.ratio(o.f1),
        ]], leftAligned: 0)
        if hasStages {
            lines += ["", "By stage"]
            lines += Self.table(["stage", "links", "TP", "FP", "precision", "recall", "cumulative recall", "F1"], evaluation.stages.map { stage in
                let c = stage.counts
                return [stage.stage, Console.count(c.links), Console.count(c.truePositives), Console.count(c.falsePositives),
                        Self.ratio(c.precision), Self.ratio(c.recall), Self.ratio(stage.cumulativeRecall), Self.ratio(c.f1)]
            }, leftAligned: 1)
            if evaluation.stages.isEmpty { lines.append("  (no links)") }
            lines.append("  A stage's recall is the share of all true pairs that it found; the stages' recalls add up to the overall recall.")
        }
        if let by {
            lines += ["", "By group (\(by))"]
            lines += Self.table([by, "true pairs", "links", "TP", "FP", "FN", "precision", "recall", "F1"], evaluation.groups.map { group in
                let c = group.counts
                return [group.group, Console.count(c.truePairs), Console.count(c.links), Console.count(c.truePositives), Console.count(c.falsePositives),
                        Console.count(c.falseNegatives), Self.ratio(c.precision), Self.ratio(c.recall), Self.ratio(c.f1)]
            }, leftAligned: 1)
            if evaluation.groups.isEmpty { lines.append("  (no links and no true pairs)") }
            lines.append("  A link counts in its own group; a true pair not linked counts in its left id's group (from its links, else --groups, else \(LinkageEvaluation.unknownGroup)).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns padded to a common width, indented by two spaces: the first `leftAligned` columns flush left,
    /// the rest flush right.
    private static func table(_ header: [String], _ rows: [[String]], leftAligned: Int) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { k in all.map { $0[k].count }.max() ?? 0 }
        return all.map { row in
            "  " + row.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return k < leftAligned ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }

    private func csvReport(_ evaluation: LinkageEvaluation, hasStages: Bool) -> String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "" }
        func row(_ section: String, _ name: String, _ c: LinkageEvaluation.Counts, cumulative: Double? = nil) -> String {
            CSVFieldValue.textRow([section, name, String(c.links), String(c.truePairs), String(c.truePositives), String(c.falsePositives),
                         String(c.falseNegatives), number(c.precision), number(c.recall), number(cumulative), number(c.f1)])
        }
        var text = CSVFieldValue.textRow(["section", "name", "links", "true_pairs", "true_positives", "false_positives", "false_negatives",
                                "precision", "recall", "cumulative_recall", "f1"])
        text += row("overall", "", evaluation.overall, cumulative: evaluation.overall.recall)
        if hasStages {
            for stage in evaluation.stages { text += row("stage", stage.stage, stage.counts, cumulative: stage.cumulativeRecall) }
        }
        if by != nil {
            for group in evaluation.groups { text += row("group", group.group, group.counts) }
        }
        return text
    }

}
