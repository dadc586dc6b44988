/// A readable account of an audit log, for a DPIA annex or an audit: whether the log verifies, every run in
/// order, which file came from which, the keys and schemas in use, the counts, and everything to look at.
///
/// The report is built from a checked log (``AuditLogVerifier/verify(path:publicKey:checkFiles:anchors:)``)
/// and depends on nothing else: the same log, checked the same way, gives the same report, and so the same
/// bytes from ``AuditReportHTML`` and ``AuditReportMarkdown``. Runs are referred to by their index in
/// ``runs``.
///
/// ```swift
/// let checked = try AuditLogVerifier.verify(path: "jigsaw-audit.jsonl", checkFiles: true)
/// let report = AuditReport(verification: checked, logPath: "jigsaw-audit.jsonl", generatedAt: "2026-12-01T09:00:00Z")
/// let html = AuditReportHTML.render(report)
/// ```
public struct AuditReport: Sendable {
    /// The closing sentence both renderings end with.
    public static let footerNote = "The log's hash chain makes any edit, removal or reordering of its records detectable; this report is a reading of it, not a replacement for it."

    /// The log's path, as given.
    public var logPath: String
    /// When the report was made, as given (shown as it is); `nil` leaves it out, so the report depends on
    /// the log alone.
    public var generatedAt: String?
    /// The outcome of checking the log: its readable records, problems, signatures and file checks.
    public var verification: AuditLogVerification
    /// The file lineage of the runs.
    public var lineage: AuditLineage
    /// The keys the runs used or made.
    public var keys: [AuditKeyUse]
    /// The linkage schemas the runs used.
    public var schemas: [AuditSchemaUse]
    /// The counts, one table per command.
    public var counts: [AuditCountTable]
    /// Everything an auditor should look at, most serious first.
    public var warnings: [AuditReportWarning]

    /// Builds the report of a checked log.
    /// - Parameters:
    ///   - verification: the log as checked, with or without signatures and file checks.
    ///   - logPath: the log's path, to name in the report.
    ///   - generatedAt: when the report was made, to print in it; `nil` for none.
    public init(verification: AuditLogVerification, logPath: String, generatedAt: String? = nil) {
        self.logPath = logPath
        self.generatedAt = generatedAt
        self.verification = verification
        let records = verification.entries.map(\.record)
        lineage = AuditLineage(records: records, fileChecks: verification.fileChecks)
        keys = AuditKeyUse.uses(in: records)
        schemas = AuditSchemaUse.uses(in: records)
        counts = AuditCountTable.tables(for: records)
        warnings = AuditReportWarning.collect(verification: verification, lineage: lineage, keys: keys, schemas: schemas)
    }

    /// The sections of a rendered report, in order: an id (the HTML element's) and the heading.
    public static let sections: [(id: String, heading: String)] = [
        ("summary", "Summary"),
        ("warnings", "Warnings"),
        ("lineage", "Lineage of files"),
        ("timeline", "Timeline of runs"),
        ("fingerprints", "Key and schema fingerprints"),
        ("counts", "Counts"),
    ]

    /// The log's readable entries (record, line number, hash), in log order.
    public var runs: [AuditLogEntry] { verification.entries }

    /// The earliest and latest run times, when the log has runs.
    public var period: (first: String, last: String)? {
        let times = runs.map(\.record.time)
        guard let first = times.min(), let last = times.max() else { return nil }
        return (first, last)
    }

    /// The number of runs that failed.
    public var failedRuns: Int { runs.count { !$0.record.succeeded } }

    /// The distinct fingerprints of the keys that signed records, in order of first use.
    public var signers: [String] {
        var out: [String] = []
        for entry in runs { if let signer = entry.record.signer, !out.contains(signer) { out.append(signer) } }
        return out
    }

    /// One line on the signatures: whether they were checked, and how many records carry one, by which key.
    public var signatureSummary: String {
        let total = runs.count
        let by = signers.isEmpty ? "" : " (by key \(signers.joined(separator: ", ")))"
        if verification.signaturesChecked {
            let bad = verification.problems.count { $0.kind == .unsigned || $0.kind == .badSignature }
            return bad == 0
                ? "checked against the public key given: all \(AuditReportText.count(total, "record")) signed and valid\(by)"
                : "checked against the public key given: \(AuditReportText.count(bad, "record")) unsigned or not validly signed"
        }
        return "not checked (no public key given); \(verification.signedRecords) of \(AuditReportText.count(total, "record")) carry a signature\(by)"
    }

    /// One line on the output files: whether they were re-hashed, and what was found.
    public var fileCheckSummary: String {
        let checks = verification.fileChecks
        guard !checks.isEmpty else { return "not re-hashed (run the report with --check-files to compare them with the log)" }
        let changed = checks.count { $0.status == .changed }
        let missing = checks.count { $0.status == .missing }
        return "\(AuditReportText.count(checks.count, "output")) re-hashed: \(checks.count - changed - missing) unchanged, \(changed) changed, \(missing) not found"
    }

    /// The problems found in the log's records for `run` (an index into ``runs``).
    public func problems(of run: Int) -> [AuditLogProblem] {
        verification.problems.filter { $0.line == runs[run].line && $0.kind != .fileChanged }
    }

    /// A command's name with the aliases the CLI accepts folded into one (`tokenize`, `pseudonymise` and
    /// `pseudonymize` are `tokenise`; `encode-clk` is `encode`).
    /// - Parameter command: the command as recorded.
    /// - Returns: the name reports group it under.
    public static func canonicalCommand(_ command: String) -> String {
        switch command {
        case "tokenize", "pseudonymise", "pseudonymize": "tokenise"
        case "encode-clk": "encode"
        default: command
        }
    }
}
