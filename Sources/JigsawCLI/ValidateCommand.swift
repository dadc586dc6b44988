internal import ArgumentParser
internal import JigsawAudit
internal import JigsawIdentifiers
internal import JigsawCSV
internal import JigsawTokens

/// `jigsaw validate`: check identifier columns without a key and without writing tokens.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check NHS number and UPN columns: counts of valid, invalid (by reason) and blank values.",
        discussion: "Prints per column: rows, valid, invalid by reason and blank. --report FILE.csv lists the line and reason of every invalid value, never the value. Exit status 0 when every present value is valid, 1 when any is invalid."
    )

    @Argument(help: ArgumentHelp("The input CSV, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A column and its scheme (nhs-number or upn), e.g. nhs_number=nhs-number. Repeatable.", valueName: "column=scheme"))
    var column: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the line, column and reason of each invalid value to this CSV.", valueName: "file.csv"))
    var report: String?

    @Flag(name: .long, help: "Replace the report if it exists.")
    var force = false

    @OptionGroup var csvOptions: CSVInputOptions

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("validate", output: report) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(input)
        let columns = try parseColumnSpecs(column, noun: "scheme")
        for spec in columns where spec.domain != "nhs-number" && spec.domain != "upn" {
            throw CommandFailure.usage("--column \(spec.name)=\(spec.domain): the scheme must be nhs-number or upn")
        }
        let dialect = try csvOptions.dialect()
        let onRagged = try csvOptions.raggedPolicy()
        let reportFile = try report.map { try FindingsReport(path: $0, force: force, inputs: [input], header: "line,column,reason") }
        let progress = ProgressLine(verb: "validating", enabled: true)
        let tally = try await ExtractRunner.validate(
            input: input, dialect: dialect, columns: columns, onRagged: onRagged,
            finding: { finding in try reportFile?.add(line: finding.line, name: finding.column, reason: finding.reason.rawValue) },
            progress: progress.update(rows:))
        progress.finish()
        try reportFile?.commit()
        audit.read(input, rows: tally.rows)
        audit.wrote(report, kind: "findings")
        audit.count("rows_read", tally.rows)
        audit.count("rows_ragged", tally.raggedRows)
        audit.count("columns", .object(Dictionary(tally.columns.map { ($0.name, auditCounts($0)) }, uniquingKeysWith: { a, _ in a })))
        var lines = ["\(input == "-" ? "<stdin>" : input): \(Console.count(tally.rows)) rows"]
        for column in tally.columns {
            var line = "column \"\(column.name)\" (\(column.domain)): \(Console.count(column.rows)) rows, \(Console.count(column.valid)) valid"
            if column.domain == "upn" { line += " (\(Console.count(column.temporary)) temporary)" }
            line += ", \(Console.count(column.invalid)) invalid, \(Console.count(column.blank)) blank"
            lines.append(line)
            for (reason, count) in zip(ColumnTally.reasons, column.invalidByReason) where count > 0 {
                lines.append("  invalid, \(reason.phrase) (\(reason.rawValue)): \(Console.count(count))")
            }
        }
        if tally.raggedRows > 0 { lines.append("rows with the wrong number of fields (\(onRagged.rawValue)): \(Console.count(tally.raggedRows))") }
        if let report, report != "-" { lines.append("report of invalid values (line, column, reason): \(report)") }
        // With the report on standard output, the summary moves to standard error so the two never mix.
        if report == "-" {
            Console.err(lines.joined(separator: "\n") + "\n")
        } else {
            Console.out(lines.joined(separator: "\n") + "\n")
        }
        if tally.columns.contains(where: { $0.invalid > 0 }) {
            throw ExitCode(JigsawMain.Status.findings.rawValue)
        }
    }
}
