internal import ArgumentParser
internal import Foundation
internal import JigsawAudit
internal import JigsawCSV

/// `jigsaw scan`: look for raw identifiers in files that should hold none, before they are sent.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Look for raw identifiers (NHS numbers, UPNs, postcodes, dates of birth, e-mail addresses, phone numbers, names, addresses) in files before they are sent.",
        discussion: """
            Finds valid NHS numbers and UPNs (check digit and letter verified), UK postcodes, dates that could be dates of birth, e-mail addresses and UK telephone numbers anywhere in the files, and in CSV files every value of a column whose header says it holds names or addresses. Hex tokens and base64 CLKs are never flagged. Reports per file and column the kind, count and up to ten line numbers, never the values.

            Files ending .csv (comma), .tsv or .tab (tab) and .psv (pipe) are read as CSV with a header line; anything else, and standard input (-), as plain text, unless --delimiter (every file CSV) or --text (every file text) is given.

            Exit status: 0 nothing found, 1 something found (do not send the files), 2 usage error, 3 a file could not be read.
            """
    )

    @Argument(help: ArgumentHelp("The files to scan (- for standard input).", valueName: "file"))
    var files: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A column known to be safe, not scanned (matched exactly, or ignoring case and surrounding spaces). Repeatable.", valueName: "column"))
    var allow: [String] = []

    @Option(name: .long, help: ArgumentHelp("Report on standard output as text (default) or json.", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Read every file as CSV with this delimiter: comma, tab, pipe or semicolon.", valueName: "delimiter"))
    var delimiter: String?

    @Flag(name: .long, help: "Read every file as plain text (no columns), whatever its name.")
    var text = false

    @Option(name: .customLong("reference-date"), help: ArgumentHelp("Today's date for deciding which dates could be dates of birth (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to scan") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
        if text && delimiter != nil { throw ValidationError("--text and --delimiter cannot be used together: a file is read either as text or as CSV") }
        if let delimiter, CSVDialect(delimiterName: delimiter) == nil {
            throw ValidationError("--delimiter must be comma, tab, pipe or semicolon (or the character itself)")
        }
        if let referenceDate, ScanDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a real date written YYYY-MM-DD")
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be scanned only once") }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("scan", output: nil, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        for file in files { audit.read(file) }
        var inputFormat: ScanInputFormat?
        if text { inputFormat = .text }
        if let delimiter, let dialect = CSVDialect(delimiterName: delimiter) { inputFormat = .csv(delimiter: dialect.delimiter) }
        let options = ScanOptions(allowedColumns: allow, format: inputFormat,
                                  referenceDate: referenceDate.flatMap(ScanDate.init(iso:)) ?? .today)
        let progress = ProgressLine(verb: "scanning", enabled: !quiet)
        let started = Date()
        let report = await LeakScanner(options: options).scan(paths: files, progress: progress.update(rows:))
        let seconds = Date().timeIntervalSince(started)
        progress.finish()
        for file in report.files { audit.read(file.path, rows: file.rows) }
        for (name, value) in report.auditSummary() { audit.count(name, value) }

        if format == "json" {
            Console.out(String(decoding: report.jsonValue.canonicalBytes, as: UTF8.self) + "\n")
        } else {
            Console.out(report.text())
        }
        for failure in report.failures { Console.err("jigsaw: error: \(failure)\n") }
        for name in report.unmatchedAllowedColumns {
            Console.err("jigsaw: warning: --allow \"\(name)\": no file scanned has a column of that name\n")
        }
        if !quiet { Console.err(summary(report, seconds: seconds) + "\n") }
        if !report.failures.isEmpty { throw ExitCode(JigsawMain.Status.inputOutput.rawValue) }
        if report.hasFindings { throw ExitCode(JigsawMain.Status.findings.rawValue) }
    }

    /// `jigsaw scan: 2 files, 1,000,000 rows or lines, 327.8 MB in 0.35 s: 6 findings (nhs-number 3, …) in 1 file; …`
    private func summary(_ report: ScanReport, seconds: Double) -> String {
        let bytes = report.files.reduce(0) { $0 + $1.bytes }
        let rows = report.files.reduce(0) { $0 + $1.rows }
        let size = bytes >= 100_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000) : String(format: "%.1f kB", Double(bytes) / 1_000)
        var line = "jigsaw scan: \(Console.count(report.files.count, "file")), \(Console.count(rows)) rows or lines, \(size) in "
            + String(format: "%.2f s", seconds)
        if report.hasFindings {
            let kinds = report.countsByKind.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \(Console.count($0.value))" }
            let withFindings = report.files.filter { $0.findingCount > 0 }.count
            line += ": \(Console.count(report.findingCount, "finding")) (\(kinds.joined(separator: ", "))) in \(Console.count(withFindings, "file"))"
                + "; do not send these files until the values are removed, or the columns are known to be safe (--allow COLUMN)"
        } else {
            line += ": no raw identifiers found" + (report.failures.isEmpty ? "" : " in the files read")
        }
        if !report.failures.isEmpty {
            line += "; \(Console.count(report.failures.count, "file")) could not be scanned and must not be sent as they are"
        }
        return line
    }
}
