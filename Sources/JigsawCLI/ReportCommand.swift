internal import ArgumentParser
internal import Foundation
internal import JigsawAudit
internal import JigsawCSV
internal import JigsawDisclosure
internal import JigsawLinkage
internal import JigsawTokens

/// `jigsaw report`: the linkage project's report, one self-contained HTML page of counts, rates and charts.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the linkage project's HTML report: links by stage, the Dice score histogram, and optionally precision/recall, linkage rate by council and the published table.",
        discussion: """
            Always: links per stage (from the links file's stage column) and a histogram of the fuzzy links' Dice similarity, with --threshold marked. With --truth: precision, recall and F1 overall, by stage and (with --by) by group, the same figures jigsaw evaluate prints. With --left: the share of each council's records that a link names (--council-column, read from the left file). With --published and --hierarchy: the published table, suppressed cells marked. With --ig-report or --link-to: relative links to those local files.

            The page is self-contained (inline style and SVG; no script, no font, image or address from the network) and prints on A4. It holds counts, rates and a histogram only: no record id from any file. A --by or --council-column column that looks like it holds identifiers is refused (more than \(Self.maximumCategories) distinct values, most values on one record only, or values the scanner reads as identifiers), and stages must be fuzzy or exact:COLUMN. With --truth, --by and --left, an unlinked true pair counts in its left record's group from the --left file (as jigsaw evaluate --groups). With SOURCE_DATE_EPOCH set the page shows that time, otherwise no time, so the same inputs give the same bytes. The report is written to a temporary file and moved into place; an existing file is replaced only with --force.

            Exit status: 0 written, 2 usage error, 3 unreadable input or the output exists.
            """
    )

    /// The most distinct values a grouping column may have.
    static let maximumCategories = 400

    @Option(name: .long, help: ArgumentHelp("The links CSV written by jigsaw link.", valueName: "links.csv"))
    var links: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The report to write (HTML).", valueName: "index.html"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The threshold the fuzzy stage used, marked on the histogram.", valueName: "t"))
    var threshold: Double?

    @Option(name: .long, help: ArgumentHelp("The true pairs (a left id and a right id per row): adds precision, recall and F1.", valueName: "truth.csv"))
    var truth: String?

    @Option(name: .long, help: ArgumentHelp("With --truth: a column of the links file to report by (a carried column such as send).", valueName: "column"))
    var by: String?

    @Option(name: .customLong("truth-left"), help: ArgumentHelp("The truth file's left id column (default: its first column).", valueName: "column"))
    var truthLeft: String?

    @Option(name: .customLong("truth-right"), help: ArgumentHelp("The truth file's right id column (default: its second column).", valueName: "column"))
    var truthRight: String?

    @Option(name: .customLong("left-id-column"), help: ArgumentHelp("The links file's left id column.", valueName: "column"))
    var leftIDColumn: String = "left_id"

    @Option(name: .customLong("right-id-column"), help: ArgumentHelp("The links file's right id column.", valueName: "column"))
    var rightIDColumn: String = "right_id"

    @Option(name: .long, help: ArgumentHelp("The left shareable file (as encoded with --keep council): adds the linkage rate by council.", valueName: "left.csv"))
    var left: String?

    @Option(name: .customLong("left-id"), help: ArgumentHelp("The left file's record id column (default: its first column).", valueName: "column"))
    var leftID: String?

    @Option(name: .customLong("council-column"), help: ArgumentHelp("The left file's council column.", valueName: "column"))
    var councilColumn: String = "council"

    @Option(name: .long, help: ArgumentHelp("A published table (as jigsaw suppress writes it): adds it, suppressed cells marked. Needs --hierarchy.", valueName: "published.csv"))
    var published: String?

    @Option(name: .long, help: ArgumentHelp("The published table's hierarchy file (JSON).", valueName: "hierarchy.json"))
    var hierarchy: String?

    @Option(name: .long, help: ArgumentHelp("The published table's suppression symbol.", valueName: "symbol"))
    var symbol: String = "[c]"

    @Option(name: .customLong("ig-report"), help: ArgumentHelp("The IG audit report (jigsaw audit report): adds a relative link to it.", valueName: "path"))
    var igReport: String?

    @Option(name: .customLong("link-to"), help: ArgumentHelp("Another local file to link to, as LABEL=PATH (repeatable).", valueName: "LABEL=PATH"))
    var linkTo: [String] = []

    @Flag(name: .long, help: "Replace the report if it exists.")
    var force = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var csvOptions: CSVInputOptions

    @OptionGroup var auditLogOptions: AuditLogOptions

    func validate() throws {
        if by != nil && truth == nil { throw ValidationError("--by needs --truth") }
        if (truthLeft != nil || truthRight != nil) && truth == nil { throw ValidationError("--truth-left and --truth-right need --truth") }
        if let by, by == leftIDColumn || by == rightIDColumn { throw ValidationError("--by must name a category column, not an id column") }
        if leftID != nil && left == nil { throw ValidationError("--left-id needs --left") }
        if let leftID, leftID == councilColumn { throw ValidationError("--council-column must name a category column, not the id column") }
        if (published == nil) != (hierarchy == nil) { throw ValidationError("--published and --hierarchy go together") }
        if symbol.isEmpty || Int(symbol) != nil { throw ValidationError("--symbol must be text that is not a number") }
        for item in linkTo where !item.contains("=") || item.hasPrefix("=") || item.hasSuffix("=") {
            throw ValidationError("--link-to expects LABEL=PATH, e.g. \"IG audit report=ig-audit-report.html\"")
        }
        if [links, truth, left, published].filter({ $0 == "-" }).count > 1 { throw ValidationError("only one input can be standard input (-)") }
        if let threshold, !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be above 0 and at most 1") }
    }

    func run() async throws {
        try await auditLogOptions.record("report", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(links)
        audit.read(truth, kind: "truth")
        audit.read(left, kind: "left")
        audit.read(published, kind: "published table")
        audit.read(hierarchy, kind: "hierarchy")
        let dialect = try csvOptions.dialect()
        let ragged = try csvOptions.raggedPolicy()
        let inputs = [links, truth, left, published, hierarchy].compactMap { $0 }
        let file = try AtomicOutputFile(path: output, overwrite: force, inputs: inputs)
        let documents = try makeDocuments()

        // The links: stage, similarity and group; ids only to match the truth and the left file.
        let linkColumns: [EvaluationCSV.Column] = [
            .named(leftIDColumn, role: "the left id; name it with --left-id-column"),
            .named(rightIDColumn, role: "the right id; name it with --right-id-column"),
            .named("stage", role: "the stage, as jigsaw link writes it"),
            .optional("similarity"),
            by.map { .named($0, role: "the --by column") } ?? .absent,
        ]
        let linksFile = try EvaluationCSV(path: links, dialect: dialect, ragged: ragged, columns: linkColumns)
        var predicted: [LinkageEvaluation.PredictedLink] = []
        var fuzzyScores: [Double] = []
        _ = try linksFile.forEachRow { values, line in
            guard values[2] == "fuzzy" || (values[2].hasPrefix("exact:") && CSVRecordParser.isPrintableColumnName(String(values[2].dropFirst(6)))) else {
                throw linksFile.failure("a stage is neither fuzzy nor exact:COLUMN; give the links file as jigsaw link wrote it", line: line, column: 2)
            }
            if values[2] == "fuzzy" {
                guard let score = Double(values[3]), score.isFinite else {
                    throw linksFile.failure("a fuzzy link's similarity is not a number; give the links file as jigsaw link wrote it", line: line, column: 3)
                }
                fuzzyScores.append(score)
            }
            let group = by == nil ? nil : (values[4].isEmpty ? "(blank)" : values[4])
            predicted.append(LinkageEvaluation.PredictedLink(leftID: values[0], rightID: values[1], stage: values[2], group: group))
        }
        var report = LinkageReport(linksFile: Self.fileName(links), stages: LinkageReport.stageCounts(predicted.lazy.map(\.stage)),
                                   scores: LinkageReport.histogram(of: fuzzyScores, threshold: threshold), threshold: threshold)
        report.generatedAt = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil ? nil : AuditReportCommand.generationTime()
        report.documents = documents
        audit.count("links", predicted.count)
        audit.count("fuzzy_links", fuzzyScores.count)

        if let by {
            var sizes: [String: Int] = [:]
            for link in predicted { sizes[link.group ?? "(blank)", default: 0] += 1 }
            try Self.refuseIdentifyingCategories(sizes, column: by, option: "--by")
        }
        if let truth {
            let pairs = try EvaluationCSV.truePairs(path: truth, dialect: dialect, ragged: ragged, left: truthLeft, right: truthRight).pairs
            // A true pair no link names counts in its left id's group: from the --left file when it has the
            // --by column (as jigsaw evaluate --groups does), else from the left id's first link.
            var groupOfLeft: [String: String] = [:]
            if let by, let left { groupOfLeft = try groupsOfLeft(left, column: by, dialect: dialect, ragged: ragged) }
            for link in predicted where groupOfLeft[link.leftID] == nil { groupOfLeft[link.leftID] = link.group }
            let evaluation = LinkageEvaluation(links: predicted, truth: pairs, groupOfLeft: groupOfLeft)
            report.evaluation = evaluation
            report.groupColumn = by
            audit.count("true_pairs", evaluation.overall.truePairs)
            audit.count("true_positives", evaluation.overall.truePositives)
        }
        if let left {
            report.councils = try councilRates(left, linkedLeft: Set(predicted.lazy.map(\.leftID)), dialect: dialect, ragged: ragged)
            report.councilColumn = councilColumn
            audit.count("councils", report.councils.count)
        }
        if let published, let hierarchy {
            report.published = try publishedCells(published, hierarchy: hierarchy, dialect: dialect)
            audit.count("suppressed_cells", report.published!.suppressedCount)
        }

        try file.write(Array(LinkageReportHTML.render(report).utf8))
        try file.commit()
        audit.wrote(output, kind: "report")
        guard !quiet else { return }
        var line = "jigsaw report: \(Console.count(report.totalLinks, "link")) in \(Console.count(report.stages.count, "stage")), \(Console.count(fuzzyScores.count, "fuzzy score"))"
        if let overall = report.evaluation?.overall {
            line += String(format: "; precision %@, recall %@", overall.precision.map { String(format: "%.4f", $0) } ?? "–", overall.recall.map { String(format: "%.4f", $0) } ?? "–")
        }
        if !report.councils.isEmpty { line += "; \(Console.count(report.councils.count, "council"))" }
        if output != "-" { line += "; wrote \(output)" }
        Console.err(line + "\n")
    }

    /// Each council's records in the left file and how many of them a link names.
    private func councilRates(_ path: String, linkedLeft: Set<String>, dialect: CSVDialect, ragged: RaggedRowPolicy) throws -> [LinkageReport.CouncilRate] {
        let idColumn: EvaluationCSV.Column = leftID.map { .named($0, role: "the record id; name it with --left-id") } ?? .position(0, option: "--left-id")
        let file = try EvaluationCSV(path: path, dialect: dialect, ragged: ragged, columns: [
            idColumn, .named(councilColumn, role: "the council; name it with --council-column (encode the file with --keep \(councilColumn))"),
        ])
        if file.index(0) == file.index(1) { throw CommandFailure.usage("--left-id and --council-column name the same column of \(path); name two different columns") }
        var tallies: [String: (records: Int, linked: Int)] = [:]
        _ = try file.forEachRow { values, _ in
            let council = values[1].isEmpty ? "(blank)" : values[1]
            tallies[council, default: (0, 0)].records += 1
            if linkedLeft.contains(values[0]) { tallies[council, default: (0, 0)].linked += 1 }
        }
        try Self.refuseIdentifyingCategories(tallies.mapValues(\.records), column: councilColumn, option: "--council-column")
        return tallies.keys.sorted().map { LinkageReport.CouncilRate(council: $0, records: tallies[$0]!.records, linked: tallies[$0]!.linked) }
    }

    /// The published table's cells, read against its hierarchy.
    private func publishedCells(_ path: String, hierarchy: String, dialect: CSVDialect) throws -> LinkageReport.PublishedCells {
        let grid = try DisclosureOptions.grid(hierarchy: hierarchy)
        let table = try PublishedTable.read(path: path, grid: grid, valueColumn: nil, rules: AuditRules(symbols: [symbol]), dialect: dialect)
        let dimensions = grid.hierarchy.dimensions.map { dimension in
            LinkageReport.PublishedCells.Dimension(name: dimension.name, codes: dimension.nodes.map(\.code), levels: dimension.nodes.map(\.level))
        }
        let cells = (0..<grid.cellCount).map { cell in
            let value: LinkageReport.PublishedCells.Value = switch table.entries[cell] {
            case .number(let n): .number(n)
            case .suppressed: .suppressed
            case .low: .low
            case .absent: .absent
            }
            return LinkageReport.PublishedCells.Cell(positions: grid.nodes(of: cell), value: value)
        }
        return LinkageReport.PublishedCells(dimensions: dimensions, cells: cells, symbol: symbol, fileName: Self.fileName(path))
    }

    /// The documents to link to, by paths relative to the report's folder.
    private func makeDocuments() throws -> [LinkageReport.Document] {
        let named = (igReport.map { [("IG audit report", $0)] } ?? []) + linkTo.map { item in
            let cut = item.firstIndex(of: "=")!
            return (String(item[..<cut]), String(item[item.index(after: cut)...]))
        }
        let folder = output == "-" ? FileManager.default.currentDirectoryPath : URL(fileURLWithPath: output).deletingLastPathComponent().path
        return try named.map { label, path in
            guard !path.contains("://"), let document = LinkageReport.Document(label: label, relativePath: Self.relativePath(from: folder, to: path)) else {
                throw CommandFailure.usage("\(label == "IG audit report" ? "--ig-report" : "--link-to") must name a local file (no address, no \":\", \"?\" or \"#\"): \(path)")
            }
            if !quiet && !FileManager.default.fileExists(atPath: path) { Console.err("jigsaw: warning: \(path) does not exist (yet); the report links to it anyway\n") }
            return document
        }
    }

    /// `target` relative to `folder` (both taken from the current directory when relative).
    static func relativePath(from folder: String, to target: String) -> String {
        let from = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// Refuses a category column that looks like it holds identifiers, so that no id, name or other
    /// identifier reaches the page: too many distinct values, most values on one record only, or any value
    /// in which the scanner finds an identifier (an NHS number, UPN, postcode, date, e-mail or phone number).
    /// Messages name the column and the option, never a value.
    private static func refuseIdentifyingCategories(_ sizes: [String: Int], column: String, option: String) throws {
        if sizes.count > maximumCategories {
            throw CommandFailure.usage("\(option) \(column) has \(sizes.count) distinct values (more than \(maximumCategories)); a report is by category, and a column like this is more likely an id")
        }
        let singles = sizes.values.filter { $0 == 1 }.count
        if sizes.count >= 10 && singles * 2 > sizes.count {
            throw CommandFailure.usage("\(option) \(column): most of its \(sizes.count) values belong to one record each, so it more likely holds ids or names than categories; name a category column")
        }
        let scanner = LeakScanner()
        if sizes.keys.contains(where: { !scanner.kinds(in: $0).isEmpty }) {
            throw CommandFailure.usage("\(option) \(column) holds values that look like identifiers (NHS numbers, UPNs, postcodes, dates, e-mail addresses or phone numbers); name a category column")
        }
    }

    /// Each left record's group from the --left file's `column`, when the file has that column.
    private func groupsOfLeft(_ path: String, column: String, dialect: CSVDialect, ragged: RaggedRowPolicy) throws -> [String: String] {
        let idColumn: EvaluationCSV.Column = leftID.map { .named($0, role: "the record id; name it with --left-id") } ?? .position(0, option: "--left-id")
        let file = try EvaluationCSV(path: path, dialect: dialect, ragged: ragged, columns: [idColumn, .optional(column)])
        guard file.index(1) != nil else { return [:] }
        var groups: [String: String] = [:]
        _ = try file.forEachRow { values, _ in
            if groups[values[0]] == nil { groups[values[0]] = values[1].isEmpty ? "(blank)" : values[1] }
        }
        return groups
    }

    private static func fileName(_ path: String) -> String {
        path == "-" ? "standard input" : URL(fileURLWithPath: path).lastPathComponent
    }
}
