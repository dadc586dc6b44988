/// Renders an ``AuditReport`` as Markdown (CommonMark with GitHub tables), with the same sections
/// (``AuditReport/sections``) as ``AuditReportHTML``: the lineage is an indented list of runs and their
/// files and a table of files, instead of a diagram.
///
/// Every string from the log is escaped so that it shows as written and never becomes markup or raw HTML.
public enum AuditReportMarkdown {
    /// The report as Markdown.
    /// - Parameter report: the report.
    /// - Returns: the document, ending in a newline.
    public static func render(_ report: AuditReport) -> String {
        var out = "# Jigsaw audit report\n\nLog: \(m(report.logPath))\n\n"
        out += summary(report)
        out += warnings(report)
        out += lineage(report)
        out += timeline(report)
        out += fingerprints(report)
        out += counts(report)
        out += "---\n\nMade by Jigsaw from the audit log named above"
        if let generatedAt = report.generatedAt { out += " at \(m(generatedAt))" }
        out += ". \(AuditReport.footerNote)\n"
        return out
    }

    private static func heading(_ id: String) -> String {
        "## \(AuditReport.sections.first { $0.id == id }!.heading)\n\n"
    }

    private static func summary(_ report: AuditReport) -> String {
        let verification = report.verification
        var out = heading("summary")
        if let first = verification.firstProblem {
            out += "> **The log does NOT verify.** \(AuditReportText.count(verification.problems.count, "problem")) found. The first: \(m(first.message)). "
            out += "Records from the first break onwards cannot be relied on; every problem is listed under Warnings.\n\n"
        } else {
            out += "> **The log verifies.** Every record matches its hash and chains to the one before it"
            out += verification.signaturesChecked ? ", and every signature is valid for the public key given.\n\n" : ".\n\n"
        }
        var rows: [(String, String)] = [("Log", m(report.logPath))]
        if let period = report.period {
            rows.append(("Period covered", "\(m(AuditReportText.time(period.first))) to \(m(AuditReportText.time(period.last))) UTC"))
        } else {
            rows.append(("Period covered", "no readable runs"))
        }
        var runs = AuditReportText.count(report.runs.count, "run")
        if report.failedRuns > 0 { runs += " (\(report.failedRuns) failed)" }
        rows.append(("Runs", runs))
        rows.append(("Verification", verification.isIntact ? "intact" : "**not intact**: \(m(verification.firstProblem!.message))"))
        rows.append(("Signatures", m(report.signatureSummary)))
        rows.append(("Output files", m(report.fileCheckSummary)))
        if let head = verification.head {
            rows.append(("Head (note it down)", "record \(head.sequence), hash `\(head.hash)`; keep it with the report: checking the log later against it (--anchor) shows whether records were removed from its end"))
        }
        rows.append(("Warnings", report.warnings.isEmpty ? "none" : AuditReportText.count(report.warnings.count, "warning")))
        if let generatedAt = report.generatedAt { rows.append(("Report made", m(generatedAt))) }
        out += "| | |\n|---|---|\n"
        for (term, value) in rows { out += "| \(term) | \(value) |\n" }
        return out + "\n"
    }

    private static func warnings(_ report: AuditReport) -> String {
        var out = heading("warnings")
        guard !report.warnings.isEmpty else {
            return out + "Nothing to look at: the log verifies, no run failed, no example key was used, and every input of a later step was written by a run in this log.\n\n"
        }
        out += "\(AuditReportText.count(report.warnings.count, "warning")), the most serious first.\n\n"
        for warning in report.warnings {
            out += "- **\(warning.kind.title):** " + m(warning.message)
            if warning.run == nil, let line = warning.line { out += " (log line \(line))" }
            out += "\n"
        }
        return out + "\n"
    }

    private static func timeline(_ report: AuditReport) -> String {
        var out = heading("timeline")
        guard !report.runs.isEmpty else { return out + "The log holds no readable record.\n\n" }
        out += "| # | Time (UTC) | User | Command | Outcome | Key | Schema | Files read → written | Counts |\n"
        out += "|---:|---|---|---|---|---|---|---|---|\n"
        for (position, entry) in report.runs.enumerated() {
            let record = entry.record
            var outcome = record.succeeded ? "succeeded" : "**failed**"
            if let code = record.errorCode { outcome += " (\(m(code)))" }
            for problem in report.problems(of: position) { outcome += "; **does not verify: \(m(problem.kind.rawValue))**" }
            if !record.warnings.isEmpty { outcome += "; \(AuditReportText.count(record.warnings.count, "warning"))" }
            var key = "–"
            if let record = record.key {
                key = "\(m(record.id)), fingerprint \(m(record.fingerprint)), context \(record.context.isEmpty ? "(none)" : m(record.context))"
                if record.isExample { key += " **(example key)**" }
            }
            let files = record.inputs.map { file("read", $0) } + record.outputs.map { file("wrote", $0) }
            let counts = AuditCountLabels.ordered(record.counts.keys).map { name in
                let value = record.counts[name]!
                return m(AuditCountLabels.label(name)) + (value.objectValue == nil ? " " : ": ") + m(AuditCountLabels.text(value))
            }
            let cells = [
                "\(record.sequence)", m(AuditReportText.time(record.time)), "\(m(record.user))@\(m(record.host))",
                "\(m(record.command)) (\(m(AuditReportText.arguments(record.arguments))))", outcome, key,
                record.schemaFingerprint.map(m) ?? "–",
                files.isEmpty ? "–" : files.joined(separator: "; "), counts.isEmpty ? "–" : counts.joined(separator: "; "),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    private static func file(_ direction: String, _ file: AuditFileRecord) -> String {
        let name = file.path == "-" ? (direction == "read" ? "standard input" : "standard output") : AuditReportText.fileName(file.path)
        var details: [String] = []
        if let rows = file.rows { details.append(AuditReportText.count(rows, "row")) }
        if let kind = file.kind { details.append(kind == "key" ? "key file" : kind) }
        return "\(direction) \(m(name))" + (details.isEmpty ? "" : " (\(m(details.joined(separator: ", "))))")
    }

    private static func run(_ report: AuditReport, _ position: Int) -> String {
        let record = report.runs[position].record
        return "#\(record.sequence) \(m(record.command))"
    }

    private static func lineage(_ report: AuditReport) -> String {
        let lineage = report.lineage
        var out = heading("lineage")
        guard !lineage.files.isEmpty else { return out + "No run of this log read or wrote a file.\n\n" }
        out += "Which file came from which run. A file read by a run is linked to the earlier run that wrote the same content (the same SHA-256), whatever it was called; key files, which are never hashed, are linked by path.\n\n"
        out += "### Runs and their files\n\n"
        for (position, node) in lineage.runs.enumerated() {
            out += "- \(run(report, position))" + (node.succeeded ? "" : " (failed)") + "\n"
            for input in node.inputs {
                let file = lineage.files[input]
                let origin = file.producer.map { "from \(run(report, $0))" } ?? "made outside this log"
                out += "  - reads \(m(file.label)) (\(origin))\n"
            }
            for output in node.outputs {
                let file = lineage.files[output]
                let readers = file.consumers.isEmpty ? "not read by a later run" : "read by " + file.consumers.map { run(report, $0) }.joined(separator: ", ")
                out += "  - writes \(m(file.label)) (\(readers))\n"
            }
        }
        out += "\n### Files\n\n| File | Path | Written by | Read by | Rows | SHA-256 |\n|---|---|---|---|---:|---|\n"
        for file in lineage.files {
            var name = m(file.label)
            if let kind = file.kind { name += " (\(m(kind)))" }
            switch file.check {
            case .changed?: name += " **changed since written**"
            case .missing?: name += " **not found when checked**"
            default: break
            }
            var path = file.isStandardStream ? "–" : m(file.path)
            for other in file.otherPaths { path += "; also read as \(m(other))" }
            let cells = [
                name, path, file.producer.map { run(report, $0) } ?? "*outside this log*",
                file.consumers.isEmpty ? "–" : file.consumers.map { run(report, $0) }.joined(separator: ", "),
                file.rows.map { AuditReportText.count($0) } ?? "–", file.sha256.map(m) ?? "not taken",
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    private static func fingerprints(_ report: AuditReport) -> String {
        var out = heading("fingerprints")
        out += "A key's fingerprint identifies the key and context its tokens were made with: partners' files can be linked only when their runs show the same fingerprint. Read the fingerprints out to each other, or compare them with the data-sharing agreement.\n\n"
        for warning in report.warnings where warning.kind == .keyMismatch || warning.kind == .schemaMismatch {
            out += "> **\(warning.kind.title).** \(m(warning.message)).\n\n"
        }
        out += "### Keys\n\n"
        if report.keys.isEmpty {
            out += "No run recorded a key.\n\n"
        } else {
            out += "| Key id | Context | Fingerprint | Example key | Runs |\n|---|---|---|---|---|\n"
            for use in report.keys {
                let runs = use.runs.map { run(report, $0) }.joined(separator: ", ")
                out += "| \(m(use.key.id)) | \(use.key.context.isEmpty ? "(none)" : m(use.key.context)) | \(m(use.key.fingerprint)) | \(use.key.isExample ? "**yes**" : "no") | \(runs) |\n"
            }
            out += "\n"
        }
        out += "### Linkage schemas\n\n"
        if report.schemas.isEmpty {
            out += "No run recorded a linkage schema.\n\n"
        } else {
            out += "| Schema fingerprint | Runs |\n|---|---|\n"
            for use in report.schemas {
                out += "| \(m(use.fingerprint)) | \(use.runs.map { run(report, $0) }.joined(separator: ", ")) |\n"
            }
            out += "\n"
        }
        return out
    }

    private static func counts(_ report: AuditReport) -> String {
        var out = heading("counts")
        guard !report.counts.isEmpty else { return out + "No run recorded counts.\n\n" }
        out += "What each run counted, by command. Nested counts (by reason, by stage, by kind) follow their group, after a dash.\n\n"
        for table in report.counts {
            out += "### \(m(table.command)) (\(AuditReportText.count(table.runs.count, "run")))\n\n"
            out += "| Count | " + table.runs.map { position in
                let record = report.runs[position].record
                return "#\(record.sequence)" + (record.succeeded ? "" : " (failed)")
            }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: table.runs.count) + "\n"
            for row in table.rows {
                let label = String(repeating: "– ", count: row.depth) + (row.isGroup ? "**\(m(row.label))**" : m(row.label))
                out += "| \(label) | " + row.values.map { $0.map { m(AuditCountLabels.text($0)) } ?? "" }.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    private static func m(_ text: String) -> String { AuditReportText.markdown(text) }
}
