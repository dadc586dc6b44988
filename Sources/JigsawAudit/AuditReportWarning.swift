/// Something in an audit log that an auditor should look at: a break in the log, a changed output, a failed
/// run, an example key, keys or schemas that differ between partners, scan findings, an input made outside
/// the log, or a warning a run recorded.
public struct AuditReportWarning: Sendable, Equatable {
    /// What kind of warning, most serious first.
    public enum Kind: String, Sendable, CaseIterable {
        /// The log does not verify: a record altered, removed, reordered, torn, unsigned or badly signed, or
        /// an anchor missing.
        case logBroken = "log-broken"
        /// An output's content differs from the digest recorded when it was written.
        case fileChanged = "file-changed"
        /// An output was not found when the outputs were re-hashed.
        case fileMissing = "file-missing"
        /// A run failed.
        case failedRun = "failed-run"
        /// A run used a published example key.
        case exampleKey = "example-key"
        /// Runs of one command (tokenise or encode) used different key fingerprints.
        case keyMismatch = "key-mismatch"
        /// Encode runs used different linkage schemas.
        case schemaMismatch = "schema-mismatch"
        /// An identifier scan found possible identifiers.
        case scanFindings = "scan-findings"
        /// A later pipeline step read a file that no run of this log wrote.
        case unrecordedInput = "unrecorded-input"
        /// A warning a run recorded itself.
        case runWarning = "run-warning"

        /// A heading for the warning.
        public var title: String {
            switch self {
            case .logBroken: "The log does not verify"
            case .fileChanged: "Output changed since it was written"
            case .fileMissing: "Output not found when checked"
            case .failedRun: "Run failed"
            case .exampleKey: "Example key used"
            case .keyMismatch: "Different keys in runs that should match"
            case .schemaMismatch: "Different linkage schemas"
            case .scanFindings: "Identifier scan found possible identifiers"
            case .unrecordedInput: "Input made outside this log"
            case .runWarning: "Warning recorded by the run"
            }
        }
    }

    /// The kind of warning.
    public var kind: Kind
    /// The run concerned, as an index into the report's runs, if one.
    public var run: Int?
    /// The log line concerned, if one.
    public var line: Int?
    /// What was found, for a person.
    public var message: String

    /// Creates a warning.
    public init(kind: Kind, run: Int? = nil, line: Int? = nil, message: String) {
        self.kind = kind
        self.run = run
        self.line = line
        self.message = message
    }

    /// Every warning for a checked log, grouped by kind (most serious first), in log order within a kind.
    static func collect(verification: AuditLogVerification, lineage: AuditLineage, keys: [AuditKeyUse],
                        schemas: [AuditSchemaUse]) -> [AuditReportWarning] {
        let entries = verification.entries
        let records = entries.map(\.record)
        func name(_ position: Int) -> String { "run \(records[position].sequence) (\(records[position].command))" }
        func runs(_ positions: [Int]) -> String {
            (positions.count == 1 ? "run " : "runs ") + positions.map { String(records[$0].sequence) }.joined(separator: ", ")
        }
        var out: [AuditReportWarning] = []

        for problem in verification.problems {
            let position = problem.line.flatMap { line in entries.firstIndex { $0.line == line } }
            out.append(AuditReportWarning(kind: problem.kind == .fileChanged ? .fileChanged : .logBroken, run: position,
                                          line: problem.line, message: problem.message))
        }
        for check in verification.fileChecks where check.status == .missing {
            let position = records.lastIndex { $0.sequence == check.sequence }
            out.append(AuditReportWarning(kind: .fileMissing, run: position, message:
                "\(check.path), written by record \(check.sequence), was not found when the outputs were checked (moved, deleted, or on another machine)"))
        }
        for (position, record) in records.enumerated() {
            if !record.succeeded {
                let code = record.errorCode.map { " with error \($0)" } ?? " (no error code recorded)"
                out.append(AuditReportWarning(kind: .failedRun, run: position, message: "\(name(position)) failed\(code); the outputs it names were not written"))
            }
            if let key = record.key, key.isExample {
                out.append(AuditReportWarning(kind: .exampleKey, run: position, message:
                    "\(name(position)) used the published example key \"\(key.id)\" (fingerprint \(key.fingerprint)); anyone can recompute its tokens, so it must never be used on real data"))
            }
            if AuditReport.canonicalCommand(record.command) == "scan", let findings = record.counts["findings"]?.integerValue, findings > 0 {
                var text = "\(name(position)) found \(AuditReportText.count(findings, "possible identifier"))"
                if let kinds = record.counts["by_kind"], case .object(let members) = kinds, !members.isEmpty {
                    text += " (\(AuditCountLabels.text(kinds)))"
                }
                if let files = record.counts["files"]?.integerValue {
                    text += " in the \(AuditReportText.count(files, "file")) it scanned"
                }
                out.append(AuditReportWarning(kind: .scanFindings, run: position, message: text + "; check those files before they are shared"))
            }
            for warning in record.warnings {
                out.append(AuditReportWarning(kind: .runWarning, run: position, message: "\(name(position)): \(warning)"))
            }
        }
        for (position, file) in lineage.unrecordedInputs {
            let message = lineage.files[file].isStandardStream
                ? "\(name(position)) read standard input; where that data came from is not recorded"
                : "\(lineage.files[file].path), read by \(name(position)), was not written by any run in this log: it was made elsewhere (by a partner, or by a run with the audit log turned off with --no-audit-log)"
            out.append(AuditReportWarning(kind: .unrecordedInput, run: position, message: message))
        }

        // Partners' runs of one command must share a key (and encode runs a schema) for their outputs to match.
        for command in ["tokenise", "encode"] {
            let used = keys.compactMap { use -> (AuditKeyRecord, [Int])? in
                let matching = use.runs.filter { AuditReport.canonicalCommand(records[$0].command) == command && records[$0].succeeded }
                return matching.isEmpty ? nil : (use.key, matching)
            }
            let fingerprints = Set(used.map(\.0.fingerprint))
            guard fingerprints.count > 1 else { continue }
            let list = used.map { "\($0.0.fingerprint) (key \"\($0.0.id)\", context \"\($0.0.context)\") in \(runs($0.1))" }.joined(separator: "; ")
            out.append(AuditReportWarning(kind: .keyMismatch, run: used.first?.1.first, message:
                "\(command) runs used \(fingerprints.count) different key fingerprints: \(list). Tokens made under different fingerprints never match, so these runs' outputs cannot be linked with one another; check that this was intended"))
        }
        let encodeSchemas = schemas.compactMap { use -> (String, [Int])? in
            let matching = use.runs.filter { AuditReport.canonicalCommand(records[$0].command) == "encode" && records[$0].succeeded }
            return matching.isEmpty ? nil : (use.fingerprint, matching)
        }
        if encodeSchemas.count > 1 {
            let list = encodeSchemas.map { "\($0.0) in \(runs($0.1))" }.joined(separator: "; ")
            out.append(AuditReportWarning(kind: .schemaMismatch, run: encodeSchemas.first?.1.first, message:
                "encode runs used \(encodeSchemas.count) different linkage schemas: \(list). CLKs made under different schemas cannot be compared; check that this was intended"))
        }

        let rank = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        return out.enumerated().sorted { a, b in
            let (ra, rb) = (rank[a.element.kind]!, rank[b.element.kind]!)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}
