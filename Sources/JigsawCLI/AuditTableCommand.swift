internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawCSV
internal import JigsawDisclosure

/// `jigsaw audit-table`: the disclosure audit of a published table, from Jigsaw or any other tool.
struct AuditTableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-table",
        abstract: "Check that no suppressed cell of a published table can be worked out from the rest.",
        discussion: """
            Reads a published table (one column per dimension of the hierarchy, holding leaf or total codes, and one value column holding a whole number or a suppression symbol) and the hierarchy file (JSON: each dimension's name maps to one root code; a code maps to a list of leaf codes or an object of sub-trees). For every suppressed cell it finds, by linear programming (COIN-OR CLP), the least and greatest count consistent with everything published: the numbers, the intervals the symbols and rounded numbers imply, additivity along every dimension of the hierarchy, and counts of 0 or more. Bounds are rounded inward to whole numbers. A cell is disclosive when its interval is a single value (--protection no-exact, the default) or narrower than W (--protection width=W).

            Cells of the hierarchy with no row are unknown to a reader and are not audited. Exit status: 0 every suppressed cell protected, 1 at least one disclosive cell (listed on standard output), 2 usage error, 3 unreadable or inconsistent input.
            """
    )

    @Argument(help: ArgumentHelp("The published table (CSV; - for standard input).", valueName: "published.csv"))
    var published: String

    @Option(name: .long, help: ArgumentHelp("The hierarchy file (JSON).", valueName: "hierarchy.json"))
    var hierarchy: String

    @Option(name: .customLong("value-column"), help: ArgumentHelp("The column holding the values (default: the only column that is not a dimension).", valueName: "column"))
    var valueColumn: String?

    @Option(name: .long, help: ArgumentHelp("Read the table as published under a UK preset: nhs, dfe-cin or ons-10-5 (symbols, rule and rounding; other options override).", valueName: "preset"))
    var preset: String?

    @Option(name: .long, help: ArgumentHelp("The geography dimension, whose root is the national level for --preset (default: the hierarchy's first dimension).", valueName: "dimension"))
    var geography: String?

    @Option(name: .long, help: ArgumentHelp("A symbol meaning a suppressed value (repeatable; default [c]).", valueName: "symbol"))
    var symbol: [String] = []

    @Option(name: .customLong("low-symbol"), help: ArgumentHelp("A symbol meaning a non-zero value that rounds to zero, such as [low] (repeatable).", valueName: "symbol"))
    var lowSymbol: [String] = []

    @Option(name: .long, help: ArgumentHelp("Suppressed values all lie in LO-HI (only small counts are suppressed, no secondary suppression; e.g. 1-7), or 'any' for any count of 0 or more (the default; use it with a preset whose rule has no secondary suppression when the table has some).", valueName: "LO-HI|any"))
    var rule: String?

    @Option(name: .long, help: ArgumentHelp("The small counts the suppression protects, e.g. 1-7: a suppressed cell pinned wholly outside them (a zero, a large secondary cell) is not disclosive. Default: the preset's, else every suppressed cell must be protected.", valueName: "LO-HI"))
    var small: String?

    @Option(name: .long, help: ArgumentHelp("Published numbers are rounded to this base (round half up).", valueName: "base"))
    var round: Int?

    @Option(name: .customLong("round-at"), help: ArgumentHelp("Only numbers of cells at this level are rounded, e.g. la=0 for the national level (repeatable; levels count from 0 at the root).", valueName: "DIM=LEVEL"))
    var roundAt: [String] = []

    @Option(name: .long, help: ArgumentHelp("Numbers of cells at this level are exact, all others rounded, e.g. la=0 (repeatable).", valueName: "DIM=LEVEL"))
    var exact: [String] = []

    @Option(name: .customLong("rounded-minimum"), help: ArgumentHelp("The least true count behind a rounded non-zero number (e.g. 8 when 1-7 are suppressed).", valueName: "n"))
    var roundedMinimum: Int?

    @Option(name: .long, help: ArgumentHelp("What a suppressed cell needs: no-exact (default; its interval is not a single value) or width=W (its interval is at least W wide).", valueName: "requirement"))
    var protection: String?

    @Flag(name: .long, help: "List every suppressed cell with its interval, not only the disclosive ones.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Output: table (default) or csv (one column per dimension, then minimum, maximum, status).", valueName: "format"))
    var format: String = "table"

    @Flag(name: .customLong("integer-bounds"), help: "Integer-exact bounds by branch and bound (COIN-OR CBC) for cells the LP finds protected; they can be narrower in tables of three or more dimensions, and cost more time.")
    var integerBounds = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var csvOptions: CSVInputOptions

    func validate() throws {
        guard ["table", "csv"].contains(format) else { throw ValidationError("--format must be table or csv") }
        if let preset, AuditRules.Preset(rawValue: preset) == nil {
            throw ValidationError("--preset must be one of: \(AuditRules.Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !roundAt.isEmpty && !exact.isEmpty { throw ValidationError("--round-at and --exact cannot be used together: name either the rounded levels or the exact ones") }
        if let round, round < 2 { throw ValidationError("--round must be 2 or more") }
        if round == nil && preset == nil && !lowSymbol.isEmpty {
            throw ValidationError("--low-symbol needs --round: a count that rounds to zero depends on the rounding base")
        }
        if round == nil && preset == nil && (!roundAt.isEmpty || !exact.isEmpty || roundedMinimum != nil) {
            throw ValidationError("--round-at, --exact and --rounded-minimum need --round")
        }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("audit-table", output: nil, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(published)
        audit.read(hierarchy, kind: "hierarchy")
        let dialect = try csvOptions.dialect()
        let grid = try DisclosureOptions.grid(hierarchy: hierarchy)
        let tree = grid.hierarchy
        let rules = try makeRules(tree)
        let table = try PublishedTable.read(path: published, grid: grid, valueColumn: valueColumn, rules: rules, dialect: dialect)
        let started = Date()
        let result = try TableAudit.run(table, rules: rules)
        let seconds = Date().timeIntervalSince(started)
        audit.read(published, rows: grid.cellCount)
        audit.count("cells", grid.cellCount)
        audit.count("suppressed", result.cells.count)
        audit.count("disclosive", result.disclosive.count)
        if !result.disclosive.isEmpty { audit.warn("\(result.disclosive.count) suppressed cells of \(published) can be worked out from the rest of the table") }

        let listed = all ? result.cells : result.disclosive
        let names = tree.dimensions.map(\.name)
        var text = ""
        if format == "csv" {
            text = CSVFieldValue.textRow(names + ["minimum", "maximum", "status"])
            for cell in listed {
                let codes = zip(tree.dimensions, grid.nodes(of: cell.cell)).map { $0.nodes[$1].code }
                text += CSVFieldValue.textRow(codes + [String(cell.minimum), cell.maximum.map(String.init) ?? "", cell.isProtected ? "protected" : "disclosive"])
            }
        } else if !listed.isEmpty {
            let labels = listed.map(\.codes)
            let width = labels.map(\.count).max() ?? 0
            for (cell, label) in zip(listed, labels) {
                text += (cell.isProtected ? "protected   " : "DISCLOSIVE  ") + label.padding(toLength: width, withPad: " ", startingAt: 0)
                text += "  \(cell.minimum) to \(cell.maximum.map(String.init) ?? "no upper bound")\n"
            }
        }
        Console.out(text)
        if !quiet {
            let requirement: String = switch rules.protection {
            case .noExactDisclosure: "an interval wider than a single value"
            case .minimumWidth(let width): "an interval at least \(width) wide"
            }
            var lines = ["jigsaw audit-table: \(published): \(Console.count(grid.cellCount, "cell")) (\(names.joined(separator: " × "))), \(Console.count(result.cells.count, "suppressed cell")), \(Console.count(result.disclosive.count, "disclosive cell"))"]
            lines.append("  attacker model: \(describe(rules, tree)); additivity along every dimension of the hierarchy; counts of 0 or more")
            lines.append("  each suppressed cell needs \(requirement)" + (rules.protectedRange.map { ", unless its interval lies wholly outside the small counts \($0.lowerBound)–\($0.upperBound)" } ?? ""))
            if result.absentCells > 0 { lines.append("  \(Console.count(result.absentCells, "cell")) of the hierarchy with no row: unknown to a reader, not audited") }
            lines.append(String(format: "  %@: %@ in %@, %@ (%.2f s)", result.solver, Console.count(result.equations, "equation"),
                                Console.count(result.components, "component"), "bounds rounded inward", seconds))
            Console.err(lines.joined(separator: "\n") + "\n")
        }
        if !result.disclosive.isEmpty {
            throw CommandFailure(status: .findings, message: "\(Console.count(result.disclosive.count, "suppressed cell")) can be worked out from the rest of the table (listed on standard output); do not publish it as it is")
        }
    }

    /// The rules from the preset and options.
    private func makeRules(_ tree: TableHierarchy) throws -> AuditRules {
        let geographyIndex = try DisclosureOptions.geography(geography, in: tree)
        var rules = preset.flatMap(AuditRules.Preset.init(rawValue:))?.rules(geography: geographyIndex) ?? AuditRules()
        if !symbol.isEmpty { rules.symbols = Set(symbol) }
        if !lowSymbol.isEmpty { rules.lowSymbols = Set(lowSymbol) }
        if rule == "any" {
            rules.suppressedRange = 0...Int.max
        } else if let rule {
            let range = try DisclosureOptions.range(rule, option: "--rule", least: 0, usage: "LO-HI with 0 ≤ LO ≤ HI, e.g. 1-7, or any")
            rules.suppressedRange = range
            if rules.roundedMinimum == 0 { rules.roundedMinimum = range.upperBound + 1 }
            rules.zeroIsExact = range.lowerBound >= 1
        }
        if let small {
            rules.protectedRange = try DisclosureOptions.range(small, option: "--small", least: 0, usage: "LO-HI with 0 ≤ LO ≤ HI, e.g. 1-7")
        }
        if let round { rules.roundingBase = round }
        if !roundAt.isEmpty { rules.roundingScope = .only(try DisclosureOptions.levels(roundAt, option: "--round-at", in: tree)) }
        if !exact.isEmpty { rules.roundingScope = .allExcept(try DisclosureOptions.levels(exact, option: "--exact", in: tree)) }
        if let roundedMinimum { rules.roundedMinimum = roundedMinimum }
        if let protection { rules.protection = try DisclosureOptions.protection(protection, plainWidth: nil) }
        rules.integerBounds = integerBounds
        return rules
    }

    /// The attacker model in words, for the summary.
    private func describe(_ rules: AuditRules, _ tree: TableHierarchy) -> String {
        let symbols = rules.symbols.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        let range = rules.suppressedRange.upperBound == Int.max ? "any count of \(rules.suppressedRange.lowerBound) or more"
            : "\(rules.suppressedRange.lowerBound)–\(rules.suppressedRange.upperBound)"
        var text = "\(symbols) mean\(rules.symbols.count == 1 ? "s" : "") \(range)"
        if !rules.lowSymbols.isEmpty { text += "; \(rules.lowSymbols.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) a count that rounds to 0" }
        if let base = rules.roundingBase {
            func levels(_ selectors: [AuditRules.LevelSelector]) -> String {
                selectors.map { "\(tree.dimensions[$0.dimension].name) level \($0.level)" }.joined(separator: ", ")
            }
            switch rules.roundingScope {
            case .allExcept(let exact): text += "; numbers rounded to \(base)" + (exact.isEmpty ? "" : " except at \(levels(exact)) (exact)")
            case .only(let rounded): text += "; numbers rounded to \(base) at \(levels(rounded)), exact elsewhere"
            }
            if rules.roundedMinimum > 0 { text += ", a rounded non-zero number standing for \(rules.roundedMinimum) or more" }
        } else {
            text += "; numbers exact"
        }
        return text
    }

}
