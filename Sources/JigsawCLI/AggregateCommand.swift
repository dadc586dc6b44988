internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawCSV
internal import JigsawDisclosure

/// `jigsaw aggregate`: count linked children by council, group and service, and write the leaf counts and
/// hierarchy that `jigsaw suppress` reads.
struct AggregateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Count linked children by council, group and service: the leaf counts and hierarchy that suppress reads.",
        discussion: """
            Reads a links file (as link writes it, with the council's and health partner's columns carried across) and counts each distinct child id once, from its first row, in one cell per combination of the dimensions named with --by: council (council within region within England), group (the council's groups) and service (the health services). Groups and services are mutually exclusive: a child is counted in the first category, in priority order, whose column is true, else in none (the DfE "highest level of need" convention), so every total is the sum of its parts. Writes every leaf combination, zeros included, and the hierarchy file.

            Exit status: 0 written, 2 usage error, 3 unreadable or invalid input (named by file, line and column, never by value) or an output that exists without --force.
            """
    )

    @Argument(help: ArgumentHelp("The links file (CSV; - for standard input).", valueName: "links.csv"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("The dimensions, in column order: one to three of council, group, service, separated by commas.", valueName: "dims"))
    var by: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The leaf counts to write (CSV; - for standard output).", valueName: "leaves.csv"))
    var output: String

    @Option(name: .customLong("hierarchy-output"), help: ArgumentHelp("The hierarchy file to write (JSON), for suppress --hierarchy.", valueName: "hierarchy.json"))
    var hierarchyOutput: String

    @Option(name: .customLong("id-column"), help: ArgumentHelp("The column holding each child's id (default left_id).", valueName: "column"))
    var idColumn: String = "left_id"

    @Option(name: .customLong("council-column"), help: ArgumentHelp("The column holding the council's code (default council).", valueName: "column"))
    var councilColumn: String = "council"

    @Option(name: .customLong("region-column"), help: ArgumentHelp("The column holding the council's region (default region).", valueName: "column"))
    var regionColumn: String = "region"

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A council group and its yes/no column, in priority order (repeatable; replaces the default looked_after, child_in_need, send, free_school_meals).", valueName: "NAME=COLUMN"))
    var group: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A health service and its yes/no column, in priority order (repeatable; replaces the default camhs, community_services, ae_attendance).", valueName: "NAME=COLUMN"))
    var service: [String] = []

    @Option(name: .customLong("count-column"), help: ArgumentHelp("The name of the count column written (default count).", valueName: "column"))
    var countColumn: String = "count"

    @Flag(name: .long, help: "Replace the outputs if they exist.")
    var force = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var csvOptions: CSVInputOptions

    @OptionGroup var auditLogOptions: AuditLogOptions

    /// The dimensions named by `--by`.
    private var dimensions: [AggregationDimension] {
        by.split(separator: ",", omittingEmptySubsequences: false).compactMap { AggregationDimension(rawValue: String($0).trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        let names = by.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard (1...3).contains(names.count), names.allSatisfy({ AggregationDimension(rawValue: $0) != nil }), Set(names).count == names.count else {
            throw ValidationError("--by must name one to three different dimensions among council, group and service, e.g. --by council,group,service")
        }
        if !group.isEmpty && !names.contains("group") { throw ValidationError("--group needs group in --by") }
        if !service.isEmpty && !names.contains("service") { throw ValidationError("--service needs service in --by") }
        if output == hierarchyOutput { throw ValidationError("the leaves and the hierarchy must be different files") }
        if hierarchyOutput == "-" { throw ValidationError("the hierarchy must be a file, not standard output") }
        if input == output || input == hierarchyOutput { throw ValidationError("an output cannot be the input") }
        if names.contains("council") && (councilColumn == idColumn || regionColumn == idColumn) {
            throw ValidationError("--council-column and --region-column must name category columns, not the id column")
        }
        _ = try categories(group, option: "--group")
        _ = try categories(service, option: "--service")
    }

    /// The most councils a table may have: England has about 150 upper-tier councils.
    static let maximumCouncils = 400

    /// Refuses council or region codes that look like identifiers (too many, or values in which the scanner
    /// finds an NHS number, UPN, postcode, date, e-mail or phone number), so that no id reaches the outputs.
    /// The message names the column, never a value.
    static func refuseIdentifyingCodes(_ counts: LinkedCounts) throws {
        guard let geography = counts.hierarchy.dimensions.first(where: { $0.name == AggregationDimension.council.rawValue }) else { return }
        let councils = geography.nodes.filter(\.isLeaf)
        let scanner = LeakScanner()
        if councils.count > maximumCouncils || geography.nodes.contains(where: { !scanner.kinds(in: $0.code).isEmpty }) {
            throw CommandFailure.usage("the council or region column holds \(councils.count > maximumCouncils ? "more than \(maximumCouncils) councils" : "values that look like identifiers"), so it more likely holds ids than councils; name the council and region columns with --council-column and --region-column (nothing was written)")
        }
    }

    func run() async throws {
        try await auditLogOptions.record("aggregate", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(input)
        let dialect = try csvOptions.dialect()
        var aggregation = ChildAggregation(dimensions: dimensions)
        aggregation.idColumn = idColumn
        aggregation.councilColumn = councilColumn
        aggregation.regionColumn = regionColumn
        if !group.isEmpty { aggregation.groups = try categories(group, option: "--group") }
        if !service.isEmpty { aggregation.services = try categories(service, option: "--service") }
        try aggregation.validate()
        // Open the outputs first, so a name clash is reported before any work.
        let leavesFile = try AtomicOutputFile(path: output, overwrite: force, inputs: [input])
        let hierarchyFile = try AtomicOutputFile(path: hierarchyOutput, overwrite: force, inputs: [input])
        let counts = try aggregation.count(path: input, dialect: dialect)
        try Self.refuseIdentifyingCodes(counts)
        try hierarchyFile.write(counts.hierarchyJSON())
        try leavesFile.write(counts.leavesCSV(countColumn: countColumn))
        try hierarchyFile.commit()
        try leavesFile.commit()
        let leaves = counts.leafCodes
        audit.read(input, rows: counts.rows)
        audit.wrote(output, rows: counts.leafCounts.count)
        audit.wrote(hierarchyOutput, kind: "hierarchy")
        audit.count("children", counts.children)
        audit.count("repeated_rows", counts.repeatedRows)
        audit.count("leaves", Dictionary(uniqueKeysWithValues: zip(counts.hierarchy.dimensions.map(\.name), leaves.map(\.count))))
        audit.count("zero_cells", counts.leafCounts.filter { $0 == 0 }.count)
        if counts.repeatedRows > 0 { audit.warn("\(Console.count(counts.repeatedRows, "row")) repeated a child id already counted; each child was counted once, from its first row") }
        guard !quiet else { return }
        var lines = ["jigsaw aggregate: \(Console.count(counts.children, "child", plural: "children")) counted from \(Console.count(counts.rows, "row"))"]
        if counts.repeatedRows > 0 {
            lines.append("  \(Console.count(counts.repeatedRows, "row")) repeated a child id already counted: each child is counted once, from its first row")
        }
        for (dimension, codes) in zip(counts.hierarchy.dimensions, leaves) {
            var line = "  \(dimension.name): \(Console.count(codes.count, "leaf", plural: "leaves"))"
            if dimension.name == AggregationDimension.council.rawValue {
                line += " (councils in \(Console.count(dimension.nodes[0].children.count, "region")))"
            } else {
                line += " in priority order: " + codes.joined(separator: ", ")
            }
            lines.append(line)
        }
        lines.append("  \(Console.count(counts.leafCounts.count, "leaf cell")) (\(counts.hierarchy.dimensions.map(\.name).joined(separator: " × "))), \(Console.count(counts.leafCounts.filter { $0 == 0 }.count, "zero"))")
        lines.append("  written: \(output) and the hierarchy \(hierarchyOutput)")
        Console.err(lines.joined(separator: "\n") + "\n")
    }

    /// Parses `NAME=COLUMN` arguments (split at the first `=`) as yes/no categories.
    private func categories(_ values: [String], option: String) throws -> [AggregationCategory] {
        let parsed = try values.map { text in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
                throw ValidationError("\(option) expects NAME=COLUMN, e.g. \(option) looked_after=looked_after")
            }
            let name = String(text[..<equals])
            guard name.trimmingCharacters(in: .whitespaces) == name else {
                throw ValidationError("\(option) \(text): the name may not start or end with a space")
            }
            return AggregationCategory(name: name, column: String(text[text.index(after: equals)...]))
        }
        if Set(parsed.map(\.column)).count < parsed.count {
            throw ValidationError("\(option): two categories read the same column; the second would always count 0")
        }
        return parsed
    }
}
