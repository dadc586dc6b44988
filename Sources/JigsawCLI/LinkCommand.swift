internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawCSV
internal import JigsawLinkage
internal import JigsawTokens

/// `jigsaw link`: staged one-to-one linkage of two shareable files.
struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link two encoded files: exact joins on token columns, then Dice similarity on CLKs, one-to-one.",
        discussion: "Stages run in order: an exact join on each --token column in priority order (a blank token never matches), then Dice similarity on the CLKs of the records still unmatched, keeping pairs at or above --threshold. One greedy one-to-one resolution spans all stages (earlier stages first; within a stage the most similar pair first, ties to the earlier left then right record). Output columns: left_id, right_id, stage (exact:<column> or fuzzy), similarity, then carried columns."
    )

    @Option(name: .long, help: ArgumentHelp("The left file (e.g. the council's encoded extract).", valueName: "file"))
    var left: String

    @Option(name: .long, help: ArgumentHelp("The right file (e.g. the health partner's shareable file).", valueName: "file"))
    var right: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The links CSV, or - for standard output.", valueName: "output"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The left record id column (default: the first column).", valueName: "column"))
    var leftID: String?

    @Option(name: .long, help: ArgumentHelp("The right record id column (default: the first column).", valueName: "column"))
    var rightID: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A token column to join exactly, as COLUMN or LEFT=RIGHT; repeat in priority order.", valueName: "column"))
    var token: [String] = []

    @Option(name: .long, help: ArgumentHelp("The CLK column on both sides.", valueName: "column"))
    var clkColumn: String = "clk"

    @Flag(name: .long, help: "Exact token joins only: no CLKs are read and no fuzzy stage runs.")
    var noFuzzy = false

    @Option(name: .long, help: ArgumentHelp("The least Dice similarity for a fuzzy link, in (0, 1].", valueName: "t"))
    var threshold: Double = 0.8

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Compare only records sharing this blocking-key column's value (COLUMN or LEFT=RIGHT); repeat for passes OR-ed together.", valueName: "column"))
    var block: [String] = []

    @Option(name: .long, help: ArgumentHelp("Key-free blocking on the CLK bits: BANDS:BITS, e.g. 32:12 (records agreeing on all BITS sampled bits of any of BANDS bands are compared).", valueName: "bands:bits"))
    var lsh: String?

    @Option(name: .long, help: ArgumentHelp("One-to-one resolution: greedy (best pair first, as anonlink) or optimal (largest total similarity per connected group of candidates).", valueName: "solver"))
    var solver: String = LinkSolver.greedy.rawValue

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A left column to copy into the links. Repeatable.", valueName: "column"))
    var carryLeft: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A right column to copy into the links. Repeatable.", valueName: "column"))
    var carryRight: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the ids left unmatched on each side (side,id) to this CSV.", valueName: "file.csv"))
    var unmatched: String?

    @Option(name: .long, help: ArgumentHelp("Write an SVG histogram of each left record's best fuzzy-candidate similarity, with the threshold and a suggested threshold marked (a text histogram goes to standard error).", valueName: "file.svg"))
    var histogram: String?

    @Option(name: .long, help: ArgumentHelp("With --histogram: search candidates down to this similarity so the non-match scores show.", valueName: "s"))
    var histogramFloor: Double = 0.5

    @Flag(name: .long, help: "Replace outputs that exist.")
    var force = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var csvOptions: CSVInputOptions

    func validate() throws {
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be above 0 and at most 1") }
        guard !noFuzzy || !token.isEmpty else { throw ValidationError("--no-fuzzy needs at least one --token column") }
        guard LinkSolver(rawValue: solver) != nil else { throw ValidationError("--solver must be greedy or optimal") }
        guard block.isEmpty || lsh == nil else { throw ValidationError("choose --block or --lsh, not both") }
        guard histogram == nil || !noFuzzy else { throw ValidationError("--histogram shows the fuzzy stage's scores; it cannot go with --no-fuzzy") }
        guard histogramFloor > 0, histogramFloor <= 1 else { throw ValidationError("--histogram-floor must be above 0 and at most 1") }
        guard !(left == "-" && right == "-") else { throw ValidationError("only one of --left and --right can be standard input") }
        guard (left != "-" || leftID != nil) && (right != "-" || rightID != nil) else {
            throw ValidationError("a side read from standard input needs its id column named (--left-id or --right-id)")
        }
        guard csvOptions.onRagged == RaggedRowPolicy.fail.rawValue else {
            throw ValidationError("link needs every row to have the header's fields; --on-ragged is not available here")
        }
        if let lsh {
            let parts = lsh.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 1, parts[0] <= 1_000, (1...64).contains(parts[1]) else {
                throw ValidationError("--lsh takes BANDS:BITS, with 1 to 1,000 bands of 1 to 64 bits")
            }
        }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("link", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(left)
        audit.read(right)
        let dialect = try csvOptions.dialect()
        let pairs = token.map { spec -> (String, String) in
            if let equals = spec.firstIndex(of: "=") { return (String(spec[..<equals]), String(spec[spec.index(after: equals)...])) }
            return (spec, spec)
        }
        for (l, r) in pairs where l.isEmpty || r.isEmpty { throw CommandFailure.usage("--token \(l)=\(r) needs a column name on each side") }
        let blocks = block.map { spec -> (String, String) in
            if let equals = spec.firstIndex(of: "=") { return (String(spec[..<equals]), String(spec[spec.index(after: equals)...])) }
            return (spec, spec)
        }
        let leftSide = try LinkSide.load(path: left, idColumn: leftID ?? (try firstColumn(left, dialect)), tokenColumns: pairs.map(\.0),
                                         clkColumn: noFuzzy ? nil : clkColumn, carry: carryLeft, blockColumns: blocks.map(\.0), dialect: dialect)
        let rightSide = try LinkSide.load(path: right, idColumn: rightID ?? (try firstColumn(right, dialect)), tokenColumns: pairs.map(\.1),
                                          clkColumn: noFuzzy ? nil : clkColumn, carry: carryRight, blockColumns: blocks.map(\.1), dialect: dialect)
        var blocking = LinkBlocking.none
        if !blocks.isEmpty { blocking = .keys }
        if let lsh {
            let parts = lsh.split(separator: ":").compactMap { Int($0) }
            blocking = .lsh(bands: parts[0], bitsPerBand: parts[1])
        }
        let outputFile = try AtomicOutputFile(path: output, overwrite: force, inputs: [left, right])
        let unmatchedFile = try unmatched.map { try AtomicOutputFile(path: $0, overwrite: force, inputs: [left, right]) }
        let histogramFile = try histogram.map { try AtomicOutputFile(path: $0, overwrite: force, inputs: [left, right]) }
        let (links, summary) = try await Linker.link(left: leftSide, right: rightSide, threshold: noFuzzy ? nil : threshold,
                                                     solver: LinkSolver(rawValue: solver) ?? .greedy, blocking: blocking,
                                                     scoreFloor: histogram == nil || noFuzzy ? nil : min(histogramFloor, threshold))
        let stageNames = pairs.map { "exact:\($0.0)" } + ["fuzzy"]

        // Links, with carried columns; names that would clash get a side prefix.
        var names = ["left_id", "right_id", "stage", "similarity"]
        let fixed = Set(names)
        for name in carryLeft { names.append(fixed.contains(name) || carryRight.contains(name) ? "left_\(name)" : name) }
        for name in carryRight { names.append(fixed.contains(name) || carryLeft.contains(name) ? "right_\(name)" : name) }
        var text = CSVFieldValue.textRow(names)
        for link in links {
            var fields = [leftSide.ids[Int(link.left)], rightSide.ids[Int(link.right)], stageNames[link.stage],
                          link.similarity.map { String($0) } ?? ""]
            for column in leftSide.carried { fields.append(column[Int(link.left)]) }
            for column in rightSide.carried { fields.append(column[Int(link.right)]) }
            text += CSVFieldValue.textRow(fields)
            if text.utf8.count > 1 << 16 {
                try outputFile.write(Array(text.utf8))
                text = ""
            }
        }
        try outputFile.write(Array(text.utf8))
        if let unmatchedFile {
            var matchedLeft = Set<Int32>(), matchedRight = Set<Int32>()
            for link in links { matchedLeft.insert(link.left); matchedRight.insert(link.right) }
            var rows = CSVFieldValue.textRow(["side", "id"])
            for (index, id) in leftSide.ids.enumerated() where !matchedLeft.contains(Int32(index)) { rows += CSVFieldValue.textRow(["left", id]) }
            for (index, id) in rightSide.ids.enumerated() where !matchedRight.contains(Int32(index)) { rows += CSVFieldValue.textRow(["right", id]) }
            try unmatchedFile.write(Array(rows.utf8))
            try unmatchedFile.commit()
        }
        var histogramLines: [String] = []
        if let histogramFile, let best = summary.bestScores, let floor = summary.scoreFloor {
            let scores = best.histogram(floor: floor)
            let suggestion = best.suggestedThreshold(floor: floor)
            let svg = scores.svg(threshold: threshold, suggested: suggestion?.threshold, title: "Best fuzzy candidate of each left record",
                                 yLabel: "Left records")
            try histogramFile.write(Array(svg.utf8))
            try histogramFile.commit()
            histogramLines = ["  similarity of each left record's best fuzzy candidate (\(histogram!)):"]
                + scores.textLines(threshold: threshold, suggested: suggestion?.threshold).map { "  " + $0 }
            histogramLines.append(suggestion.map { "  suggested threshold: \(String(format: "%.3f", $0.threshold)) (\($0.explanation))" }
                                  ?? "  no suggested threshold: fewer than \(BestCandidateScores.minimumRecords) left records have two candidates above the floor")
        }
        try outputFile.commit()
        audit.read(left, rows: leftSide.ids.count)
        audit.read(right, rows: rightSide.ids.count)
        audit.wrote(output, rows: links.count)
        audit.wrote(unmatched, kind: "unmatched ids")
        audit.wrote(histogram, kind: "histogram")
        if let fingerprint = leftSide.schemaFingerprints.union(rightSide.schemaFingerprints).sorted().first { audit.record.schemaFingerprint = fingerprint }
        audit.count("left_records", leftSide.ids.count)
        audit.count("right_records", rightSide.ids.count)
        audit.count("links", links.count)
        audit.count("links_by_stage", Dictionary(zip(stageNames, summary.matchesByStage).enumerated().filter { $0.offset < pairs.count || !noFuzzy }.map { ($0.element.0, $0.element.1) }, uniquingKeysWith: +))
        if !noFuzzy { audit.count("fuzzy_comparisons", summary.comparisons) }
        guard !quiet else { return }
        var lines = ["jigsaw link: \(Console.count(leftSide.ids.count)) left and \(Console.count(rightSide.ids.count)) right records, \(Console.count(links.count, "link"))"]
        for (stage, name) in stageNames.enumerated() where stage < pairs.count || !noFuzzy {
            lines.append(String(format: "  %@: %@ (%@, %.2f s)", name, Console.count(summary.matchesByStage[stage], "match").replacingOccurrences(of: "matchs", with: "matches"),
                                Console.count(summary.candidatesByStage[stage], "candidate pair"), summary.secondsByStage[stage]))
        }
        if !noFuzzy {
            let method = blocking == .none ? "by popcount" : (lsh != nil ? "by LSH blocking (\(lsh!))" : "by blocking keys")
            let considered = summary.comparisons + summary.skipped
            let reduction = considered == 0 ? 0 : 100 * Double(summary.skipped) / Double(considered)
            lines.append(String(format: "  fuzzy stage: threshold %@, %@ CLK comparisons, %@ pairs ruled out %@ (reduction %.2f%%; %@ kernel)",
                                String(threshold), Console.count(summary.comparisons), Console.count(summary.skipped), method, reduction, FilterStore.kernelName))
            if let fingerprint = leftSide.schemaFingerprints.first, rightSide.schemaFingerprints.first == fingerprint {
                lines.append("  schema fingerprint \(fingerprint) on both sides")
            } else if leftSide.schemaFingerprints.isEmpty || rightSide.schemaFingerprints.isEmpty {
                lines.append("  warning: a side has no clk_schema column, so the schemas could not be compared; confirm the schema fingerprints with your partner")
            }
        }
        lines.append("  unmatched: \(Console.count(leftSide.ids.count - links.count)) left, \(Console.count(rightSide.ids.count - links.count)) right")
        Console.err((lines + histogramLines).joined(separator: "\n") + "\n")
    }

    private func firstColumn(_ path: String, _ dialect: CSVDialect) throws -> String {
        let reader = try CSVChunkReader(path: path, dialect: dialect)
        guard let first = try reader.readHeader().names.first else { throw CommandFailure.usage("\(path) has no columns") }
        return first
    }

}
