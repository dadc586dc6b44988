internal import ArgumentParser
internal import Foundation
internal import JigsawAudit
internal import JigsawCrypto
internal import JigsawCSV

/// `jigsaw audit report`: a readable report of an audit log, as one self-contained HTML page or Markdown.
struct AuditReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a readable report of an audit log (HTML or Markdown) for a DPIA annex or an audit.",
        discussion: """
            Checks the log (its hash chain; signatures with --public-key; outputs with --check-files; anchors with --anchor) and writes one report: whether the log verifies or where it first breaks, the head to note down as an anchor, a timeline of runs, a diagram of which file came from which run, the key and schema fingerprints in use, each command's counts, and every warning (a break, a changed output, a failed run, an example key, different keys across partners, scan findings, inputs made outside the log). The HTML page is self-contained (no script, no font or image from the network) and prints on A4.

            The format follows the output's extension (.html or .htm; .md or .markdown) unless --format is given. The report is written to a temporary file and moved into place; an existing file is replaced only with --force, and the log itself never. It shows when it was made (UTC); with SOURCE_DATE_EPOCH set, it shows that time instead, so the same log always gives the same bytes.

            A log that does not verify still gets its report, which shows the break first; a warning goes to standard error and the exit status is 0. Exit status: 0 report written, 2 usage error, 3 the log or public key cannot be read, or the output exists or is the log.
            """
    )

    @Argument(help: ArgumentHelp("The audit log (JSON Lines, as Jigsaw's commands append it).", valueName: "log"))
    var log: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The report to write: .html or .md (- for standard output, with --format).", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("html or markdown (default: from the output's extension).", valueName: "format"))
    var format: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp("Check that every record is signed by this Ed25519 public key (PEM).", valueName: "file"))
    var publicKey: String?

    @Flag(name: .customLong("check-files"), help: "Re-hash every output the log names and report those changed or missing since.")
    var checkFiles = false

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A record hash noted earlier (a report's head) that must still be in the log (repeatable).", valueName: "hash"))
    var anchor: [String] = []

    @Flag(name: .long, help: "Replace an existing report.")
    var force = false

    @Flag(name: .long, help: "No summary on standard error (a log that does not verify is still reported there).")
    var quiet = false

    /// The report's formats.
    enum Format: String, CaseIterable {
        case html
        case markdown
    }

    func validate() throws {
        _ = try reportFormat()
        for hash in anchor where hash.count != 64 || !hash.allSatisfy(\.isHexDigit) {
            throw ValidationError("--anchor takes a record hash of 64 hex digits, as a report's head shows it")
        }
    }

    /// The format asked for, or the one the output's extension names.
    func reportFormat() throws -> Format {
        if let format {
            switch format.lowercased() {
            case "html": return .html
            case "markdown", "md": return .markdown
            default: throw ValidationError("--format must be html or markdown")
            }
        }
        guard output != "-" else { throw ValidationError("give --format html or --format markdown to write the report to standard output") }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        let fileExtension = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        switch fileExtension {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        default: throw ValidationError("cannot tell the report's format from \"\(name)\"; name it .html or .md, or pass --format html or --format markdown")
        }
    }

    func run() async throws {
        let format = try reportFormat()
        let key = try publicKey.map(Self.readPublicKey)
        // Refuse an existing output (and the log itself, under any name) before reading anything.
        let file = try AtomicOutputFile(path: output, overwrite: force, inputs: [log] + (publicKey.map { [$0] } ?? []))
        let verification = try AuditLogVerifier.verify(path: log, publicKey: key, checkFiles: checkFiles, anchors: anchor)
        let report = AuditReport(verification: verification, logPath: log, generatedAt: Self.generationTime())
        let text = switch format {
        case .html: AuditReportHTML.render(report)
        case .markdown: AuditReportMarkdown.render(report)
        }
        try file.write(Array(text.utf8))
        try file.commit()

        if let first = verification.firstProblem {
            Console.err("jigsaw: warning: \(log) does not verify: \(Console.count(verification.problems.count, "problem")), the first: \(first.message); the report shows them all\n")
        }
        if !quiet {
            var line = "jigsaw audit report: \(Console.count(report.runs.count, "run")), \(verification.isIntact ? "log intact" : "log NOT intact")"
            line += ", \(Console.count(report.warnings.count, "warning"))"
            if output != "-" { line += "; wrote \(output)" }
            Console.err(line + "\n")
        }
    }

    /// Reads an Ed25519 public key in PEM form.
    static func readPublicKey(_ path: String) throws -> Ed25519PublicKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError(.badSigningKey, "cannot read the public key file; check the path given with --public-key", file: path)
        }
        do {
            return try Ed25519PublicKey(pem: Array(data))
        } catch {
            throw AuditError(.badSigningKey, "\(error.message); give the Ed25519 public key (PEM) of the key that signs the log", file: path)
        }
    }

    /// Now in UTC (`2026-12-01T09:00:00Z`), or the time in `SOURCE_DATE_EPOCH` when set, for reproducible
    /// reports.
    static func generationTime() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        }
        return formatter.string(from: Date())
    }
}
