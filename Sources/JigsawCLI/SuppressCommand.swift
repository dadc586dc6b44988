internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawCSV
internal import JigsawDisclosure

/// `jigsaw suppress`: protect a table of counts for publication and audit it before writing.
struct SuppressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppress",
        abstract: "Protect a table of counts for publication: primary and secondary suppression, rounding, and an LP audit before anything is written.",
        discussion: """
            Reads leaf counts (one column per dimension of the hierarchy, holding leaf codes, and one count column; missing combinations are zeros; rows for totals are checked against the sum of their leaves) and the hierarchy file. Computes every total, suppresses small counts (primary), rounds where the rule says, adds secondary suppressions across the whole hierarchy until the LP audit shows every primary cell protected, and writes every cell (leaves and totals) with its published value or the one symbol. The report (JSON) records the method, options, preset, counts and summed value of primary and secondary suppressions, and every suppressed cell's kind and feasible interval; it stays with the data controller.

            Fails closed: if a primary cell cannot be protected, nothing is written and the exit status is 1. Exit status: 0 written, 1 not protectable, 2 usage error, 3 unreadable or inconsistent input.
            """
    )

    @Argument(help: ArgumentHelp("The leaf counts (CSV; - for standard input).", valueName: "leaves.csv"))
    var leaves: String

    @Option(name: .long, help: ArgumentHelp("The hierarchy file (JSON).", valueName: "hierarchy.json"))
    var hierarchy: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The published table to write (CSV; - for standard output).", valueName: "published.csv"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The report to write (JSON).", valueName: "report.json"))
    var report: String

    @Option(name: .customLong("count-column"), help: ArgumentHelp("The column holding the counts (default: the only column that is not a dimension); also the value column written.", valueName: "column"))
    var countColumn: String?

    @Option(name: .long, help: ArgumentHelp("A UK preset: nhs, dfe-cin or ons-10-5 (threshold, zeros, rounding, exempt levels, symbol; other options override).", valueName: "preset"))
    var preset: String?

    @Option(name: .long, help: ArgumentHelp("The geography dimension, whose root is the national level for --preset (default: the hierarchy's first dimension).", valueName: "dimension"))
    var geography: String?

    @Option(name: .long, help: ArgumentHelp("Counts from LO to HI (LO at least 1) are suppressed as primary cells (default 1-9, or the preset's).", valueName: "LO-HI"))
    var threshold: String?

    @Option(name: .long, help: ArgumentHelp("Zeros: publish (default; may be secondary), primary (suppressed), never-secondary (published, never suppressed).", valueName: "handling"))
    var zeros: String?

    @Option(name: .long, help: ArgumentHelp("Round published counts to this base (half up).", valueName: "base"))
    var round: Int?

    @Option(name: .customLong("round-at"), help: ArgumentHelp("Round only counts of cells at this level, e.g. la=1 (repeatable; levels count from 0 at the root).", valueName: "DIM=LEVEL"))
    var roundAt: [String] = []

    @Option(name: .long, help: ArgumentHelp("Counts of cells at this level are not rounded, e.g. la=0 (repeatable).", valueName: "DIM=LEVEL"))
    var exact: [String] = []

    @Option(name: .long, help: ArgumentHelp("Cells at this level are never suppressed, e.g. la=0 for national figures (repeatable).", valueName: "DIM=LEVEL"))
    var exempt: [String] = []

    @Option(name: .long, help: ArgumentHelp("The symbol for every suppressed cell (default [c], or the preset's).", valueName: "symbol"))
    var symbol: String?

    @Option(name: .long, help: ArgumentHelp("What each primary cell needs: no-exact (default; not pinned to one value), width (an interval at least the threshold's upper end wide) or width=W.", valueName: "requirement"))
    var protection: String?

    @Option(name: .long, help: ArgumentHelp("An earlier release of this table (as written by suppress) to hold fixed: its suppressed cells stay suppressed, and cells it published unchanged are never used as secondary cells.", valueName: "published-earlier.csv"))
    var previous: String?

    @Flag(name: .long, help: "Replace the output and report if they exist.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("protect (default): a person alone in a suppressed cell, who knows their own count, cannot work out another suppressed small count from an equation holding both; ignore: do not consider it.", valueName: "protect|ignore"))
    var singletons: String = "protect"

    @Flag(name: .customLong("integer-bounds"), help: "Integer-exact bounds by branch and bound (COIN-OR CBC) for cells the LP finds protected; they can be narrower in tables of three or more dimensions, and cost more time.")
    var integerBounds = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var csvOptions: CSVInputOptions

    func validate() throws {
        if let preset, AuditRules.Preset(rawValue: preset) == nil {
            throw ValidationError("--preset must be one of: \(AuditRules.Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let zeros, SuppressionSettings.Zeros(rawValue: zeros) == nil {
            throw ValidationError("--zeros must be one of: \(SuppressionSettings.Zeros.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !roundAt.isEmpty && !exact.isEmpty { throw ValidationError("--round-at and --exact cannot be used together") }
        if !["protect", "ignore"].contains(singletons) { throw ValidationError("--singletons must be protect or ignore") }
        if let round, round < 2 { throw ValidationError("--round must be 2 or more") }
        if round == nil && preset == nil && (!roundAt.isEmpty || !exact.isEmpty) { throw ValidationError("--round-at and --exact need --round") }
        if output == report { throw ValidationError("the output and the report must be different files") }
        if let previous, previous == output || previous == report { throw ValidationError("--previous must not be the file being written") }
        if report == "-" { throw ValidationError("the report must be a file, not standard output") }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("suppress", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(leaves)
        audit.read(hierarchy, kind: "hierarchy")
        audit.read(previous, kind: "previous release")
        let dialect = try csvOptions.dialect()
        let grid = try DisclosureOptions.grid(hierarchy: hierarchy)
        let tree = grid.hierarchy
        let chosenPreset = preset.flatMap(AuditRules.Preset.init(rawValue:))
        let settings = try makeSettings(tree, preset: chosenPreset)
        // Open the outputs first, so a name clash is reported before any work.
        let inputs = [leaves, hierarchy] + (previous.map { [$0] } ?? [])
        let outputFile = try AtomicOutputFile(path: output, overwrite: force, inputs: inputs)
        let reportFile = try AtomicOutputFile(path: report, overwrite: force, inputs: inputs)
        let table = try CountTable.read(path: leaves, grid: grid, countColumn: countColumn, dialect: dialect)
        let earlier = try previous.map { path in
            try PublishedTable.read(path: path, grid: grid, valueColumn: countColumn, rules: settings.auditRules(secondaryUsed: true), dialect: dialect)
        }
        let started = Date()
        let result = try Suppressor.run(table, settings: settings, previous: earlier)
        let seconds = Date().timeIntervalSince(started)
        try outputFile.write(Array(SuppressionOutput.publishedCSV(result, symbol: settings.symbol, valueColumn: countColumn ?? "count").utf8))
        try reportFile.write(Array(SuppressionOutput.reportJSON(result, table: table, settings: settings, preset: chosenPreset,
                                                                tool: "jigsaw \(JigsawVersion.current)",
                                                                inputs: ["leaves": leaves, "hierarchy": hierarchy].merging(previous.map { ["previous": $0] } ?? [:]) { a, _ in a }).utf8))
        try reportFile.commit()
        try outputFile.commit()
        let primary = result.kinds.values.filter { $0 == .primary }.count, secondary = result.kinds.values.filter { $0 == .secondary }.count
        let held = result.kinds.values.filter { $0 == .held }.count
        audit.wrote(output, rows: grid.cellCount)
        audit.wrote(report, kind: "suppression report")
        audit.count("cells", grid.cellCount)
        audit.count("suppressed", ["primary": primary, "secondary": secondary, "held": held])
        audit.count("audit_components", result.audit.components)
        if let chosenPreset { audit.count("preset", .string(chosenPreset.rawValue)) }
        for departure in result.departures { audit.warn("departure from the preset: \(departure)") }
        guard !quiet else { return }
        var lines = ["jigsaw suppress: \(Console.count(grid.cellCount, "cell")) (\(tree.dimensions.map(\.name).joined(separator: " × "))): \(Console.count(primary, "primary suppression")), \(Console.count(secondary, "secondary suppression"))"
                     + (previous == nil ? "" : ", \(Console.count(held, "cell")) held suppressed from \(previous!)")]
        lines.append("  audit: every suppressed cell's interval checked (\(result.audit.solver), \(Console.count(result.audit.components, "component"))); \(Console.count(result.repairRounds, "repair round")), \(Console.count(result.released, "secondary cell")) released by the clean-up (\(String(format: "%.2f", seconds)) s)")
        for departure in result.departures { lines.append("  departure from the preset: \(departure)") }
        lines.append("  written: \(output) and the report \(report)")
        Console.err(lines.joined(separator: "\n") + "\n")
    }

    /// The settings from the preset and options.
    private func makeSettings(_ tree: TableHierarchy, preset: AuditRules.Preset?) throws -> SuppressionSettings {
        let geographyIndex = try DisclosureOptions.geography(geography, in: tree)
        var settings = preset.map { SuppressionSettings.preset($0, geography: geographyIndex) } ?? SuppressionSettings()
        if let threshold {
            settings.threshold = try DisclosureOptions.range(threshold, option: "--threshold", least: 1,
                                                             usage: "LO-HI with 1 ≤ LO ≤ HI, e.g. 1-7 (zeros are set with --zeros)")
        }
        if let zeros { settings.zeros = SuppressionSettings.Zeros(rawValue: zeros)! }
        if let round { settings.roundingBase = round }
        if !roundAt.isEmpty { settings.roundingScope = .only(try DisclosureOptions.levels(roundAt, option: "--round-at", in: tree)) }
        if !exact.isEmpty { settings.roundingScope = .allExcept(try DisclosureOptions.levels(exact, option: "--exact", in: tree)) }
        if !exempt.isEmpty { settings.exempt = try DisclosureOptions.levels(exempt, option: "--exempt", in: tree) }
        if let symbol {
            guard !symbol.isEmpty, Int(symbol) == nil else { throw CommandFailure.usage("--symbol must be text that is not a number") }
            settings.symbol = symbol
        }
        if let protection {
            settings.protection = try DisclosureOptions.protection(protection, plainWidth: settings.threshold.upperBound)
        }
        settings.integerBounds = integerBounds
        settings.singletons = singletons == "protect"
        return settings
    }
}
