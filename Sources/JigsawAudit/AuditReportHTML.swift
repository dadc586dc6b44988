internal import JigsawCSV

/// Renders an ``AuditReport`` as one self-contained HTML page.
///
/// The page has its style sheet and the lineage diagram (SVG) inline and nothing else: no script, no web
/// font, no image or link to another address, so it can be archived, mailed and opened offline. Every
/// string from the log is escaped. It prints on A4 (the lineage diagram on a landscape page), and is
/// written for screen readers too: headings per section, header cells on every table, a title and
/// description on the diagram and a table listing the same links.
public enum AuditReportHTML {
    /// The page for `report`.
    /// - Parameter report: the report.
    /// - Returns: the HTML document, UTF-8 text ending in a newline.
    public static func render(_ report: AuditReport) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>Jigsaw audit report: \(e(AuditReportText.fileName(report.logPath)))</title>\n"
        out += "<style>\n\(styleSheet)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>Jigsaw audit report</h1>\n<p class=\"subtitle\">Log <span class=\"mono path\">\(e(report.logPath))</span></p>\n"
        out += "<nav aria-label=\"Contents\"><ul>"
        for section in AuditReport.sections { out += "<li><a href=\"#\(section.id)\">\(section.heading)</a></li>" }
        out += "</ul></nav>\n</header>\n<main>\n"
        out += summary(report)
        out += warnings(report)
        out += lineage(report)
        out += timeline(report)
        out += fingerprints(report)
        out += counts(report)
        out += "</main>\n<footer><p>Made by Jigsaw from the audit log named above"
        if let generatedAt = report.generatedAt { out += " at \(e(generatedAt))" }
        out += ". \(AuditReport.footerNote)</p></footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Sections

    private static func open(_ id: String) -> String {
        let heading = AuditReport.sections.first { $0.id == id }!.heading
        return "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(heading)</h2>\n"
    }

    private static func summary(_ report: AuditReport) -> String {
        let verification = report.verification
        var out = open("summary")
        if let first = verification.firstProblem {
            out += "<div class=\"status broken\" role=\"alert\"><p class=\"status-title\">The log does NOT verify</p>"
            out += "<p>\(AuditReportText.count(verification.problems.count, "problem")) found. The first: \(e(first.message)).</p>"
            out += "<p>Records from the first break onwards cannot be relied on. Every problem is listed under <a href=\"#warnings\">Warnings</a>.</p></div>\n"
        } else {
            out += "<div class=\"status intact\"><p class=\"status-title\">The log verifies</p>"
            out += "<p>Every record matches its hash and chains to the one before it"
            out += verification.signaturesChecked ? ", and every signature is valid for the public key given." : "."
            out += "</p></div>\n"
        }
        out += "<dl class=\"facts\">\n"
        out += fact("Log", "<span class=\"mono path\">\(e(report.logPath))</span>")
        if let period = report.period {
            out += fact("Period covered", "\(e(AuditReportText.time(period.first))) to \(e(AuditReportText.time(period.last))) UTC")
        } else {
            out += fact("Period covered", "no readable runs")
        }
        var runs = AuditReportText.count(report.runs.count, "run")
        if report.failedRuns > 0 { runs += " (\(report.failedRuns) failed)" }
        out += fact("Runs", runs)
        out += fact("Verification", verification.isIntact ? "intact" : "<strong class=\"bad\">not intact</strong>: \(e(verification.firstProblem!.message))")
        out += fact("Signatures", e(report.signatureSummary))
        out += fact("Output files", e(report.fileCheckSummary))
        if let head = verification.head {
            out += fact("Head (note it down)", "record \(head.sequence), hash <span class=\"mono hash\">\(e(head.hash))</span>"
                + "<span class=\"note\">Keep this with the report. Checking the log later against it (<span class=\"mono\">--anchor</span>) shows whether records were removed from its end.</span>")
        }
        out += fact("Warnings", report.warnings.isEmpty ? "none" : "<a href=\"#warnings\">\(AuditReportText.count(report.warnings.count, "warning"))</a>")
        if let generatedAt = report.generatedAt { out += fact("Report made", e(generatedAt)) }
        out += "</dl>\n</section>\n"
        return out
    }

    private static func fact(_ term: String, _ html: String) -> String {
        "<div><dt>\(term)</dt><dd>\(html)</dd></div>\n"
    }

    private static func warnings(_ report: AuditReport) -> String {
        var out = open("warnings")
        guard !report.warnings.isEmpty else {
            return out + "<p class=\"none\">Nothing to look at: the log verifies, no run failed, no example key was used, and every input of a later step was written by a run in this log.</p>\n</section>\n"
        }
        out += "<p>\(AuditReportText.count(report.warnings.count, "warning")), the most serious first.</p>\n<ul class=\"warnings\">\n"
        for warning in report.warnings {
            out += "<li class=\"warning \(warning.kind.rawValue)\"><span class=\"warning-title\">\(warning.kind.title)</span> "
            out += "<span class=\"warning-text\">\(e(warning.message))</span>"
            if let run = warning.run {
                out += " <a class=\"run-ref\" href=\"#run-line-\(report.runs[run].line)\">see run \(report.runs[run].record.sequence)</a>"
            } else if let line = warning.line {
                out += " <span class=\"run-ref\">(log line \(line))</span>"
            }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private static func timeline(_ report: AuditReport) -> String {
        var out = open("timeline")
        guard !report.runs.isEmpty else { return out + "<p class=\"none\">The log holds no readable record.</p>\n</section>\n" }
        out += "<table class=\"timeline\">\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Time (UTC) and user</th><th scope=\"col\">Command</th>"
        out += "<th scope=\"col\">Outcome</th><th scope=\"col\">Key and schema</th><th scope=\"col\">Files read → written</th><th scope=\"col\">Counts</th></tr></thead>\n<tbody>\n"
        for (position, entry) in report.runs.enumerated() {
            let record = entry.record
            let problems = report.problems(of: position)
            var classes: [String] = []
            if !record.succeeded { classes.append("failed") }
            if !problems.isEmpty { classes.append("problem") }
            out += "<tr id=\"run-line-\(entry.line)\"\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>"
            out += "<th scope=\"row\" class=\"num\">\(record.sequence)</th>"
            out += "<td><span class=\"block\">\(e(AuditReportText.time(record.time)))</span><span class=\"block muted\">\(e(record.user))@\(e(record.host))</span></td>"
            out += "<td><strong>\(e(record.command))</strong><span class=\"block mono args\">\(e(AuditReportText.arguments(record.arguments)))</span></td>"
            out += "<td>"
            out += record.succeeded ? "<span class=\"ok\">succeeded</span>" : "<span class=\"badge failed\">failed</span>"
            if let code = record.errorCode { out += "<span class=\"block mono\">\(e(code))</span>" }
            for problem in problems { out += "<span class=\"block bad\">does not verify: \(e(problem.kind.rawValue))</span>" }
            if !record.warnings.isEmpty { out += "<span class=\"block warn\">\(AuditReportText.count(record.warnings.count, "warning"))</span>" }
            out += "</td><td>"
            if let key = record.key {
                out += "<span class=\"block\">key <span class=\"mono\">\(e(key.id))</span>"
                if key.isExample { out += " <span class=\"badge example\">example key</span>" }
                out += "</span><span class=\"block muted\">fingerprint <span class=\"mono\">\(e(key.fingerprint))</span></span>"
                out += "<span class=\"block muted\">context <span class=\"mono\">\(key.context.isEmpty ? "(none)" : e(key.context))</span></span>"
            }
            if let schema = record.schemaFingerprint {
                out += "<span class=\"block muted\">schema <span class=\"mono\">\(e(schema))</span></span>"
            }
            if record.key == nil && record.schemaFingerprint == nil { out += "<span class=\"muted\">–</span>" }
            out += "</td><td><ul class=\"io\">"
            for file in record.inputs { out += fileItem(file, direction: "in") }
            for file in record.outputs { out += fileItem(file, direction: "out") }
            out += "</ul></td><td><ul class=\"counts\">"
            for name in AuditCountLabels.ordered(record.counts.keys) {
                let value = record.counts[name]!
                let text = value.objectValue == nil ? " \(AuditCountLabels.text(value))" : ": \(AuditCountLabels.text(value))"
                out += "<li>\(e(AuditCountLabels.label(name)))\(e(text))</li>"
            }
            out += "</ul></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private static func fileItem(_ file: AuditFileRecord, direction: String) -> String {
        let name = file.path == "-" ? (direction == "in" ? "standard input" : "standard output") : AuditReportText.fileName(file.path)
        var details: [String] = []
        if let rows = file.rows { details.append(AuditReportText.count(rows, "row")) }
        if let kind = file.kind { details.append(kind == "key" ? "key file" : kind) }
        var out = "<li class=\"\(direction)\"><span class=\"dir\">\(direction == "in" ? "read" : "wrote")</span> "
        out += "<span class=\"mono\" title=\"\(e(file.path))\">\(e(name))</span>"
        if !details.isEmpty { out += " <span class=\"muted\">\(e(details.joined(separator: ", ")))</span>" }
        return out + "</li>"
    }

    private static func lineage(_ report: AuditReport) -> String {
        let lineage = report.lineage
        var out = open("lineage")
        guard !lineage.files.isEmpty else { return out + "<p class=\"none\">No run of this log read or wrote a file.</p>\n</section>\n" }
        out += "<p>Which file came from which run. A file read by a run is linked to the earlier run that wrote the same content (the same SHA-256), whatever it was called; key files, which are never hashed, are linked by path.</p>\n"
        out += "<figure class=\"lineage-figure\">\n<div class=\"lineage-frame\">\n\(AuditLineageSVG.render(report))\n</div>\n"
        out += "<figcaption><ul class=\"legend\">"
        out += "<li><span class=\"swatch run\"></span>run of a command</li>"
        out += "<li><span class=\"swatch file\"></span>file written by a run in this log</li>"
        out += "<li><span class=\"swatch file external\"></span>file made outside this log</li>"
        out += "<li><span class=\"swatch file key\"></span>key file</li>"
        out += "<li><span class=\"swatch run failed\"></span>failed run</li>"
        out += "<li><span class=\"swatch run example\"></span>run with an example key</li>"
        out += "<li><span class=\"swatch file changed\"></span>output changed since written</li>"
        out += "</ul></figcaption>\n</figure>\n"
        out += "<h3 id=\"lineage-files\">Files</h3>\n<table class=\"files\">\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Written by</th><th scope=\"col\">Read by</th><th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        for (index, file) in lineage.files.enumerated() {
            out += "<tr id=\"file-\(index)\"><td><strong class=\"mono\">\(e(file.label))</strong>"
            if let kind = file.kind { out += " <span class=\"muted\">(\(e(kind)))</span>" }
            switch file.check {
            case .changed?: out += " <span class=\"badge failed\">changed since written</span>"
            case .missing?: out += " <span class=\"badge missing\">not found when checked</span>"
            default: break
            }
            if !file.isStandardStream { out += "<span class=\"block mono path muted\">\(e(file.path))</span>" }
            for other in file.otherPaths { out += "<span class=\"block mono path muted\">also read as \(e(other))</span>" }
            out += "</td><td>"
            out += file.producer.map { runLink(report, $0) } ?? "<span class=\"outside\">outside this log</span>"
            out += "</td><td>" + (file.consumers.isEmpty ? "<span class=\"muted\">–</span>" : file.consumers.map { runLink(report, $0) }.joined(separator: ", "))
            out += "</td><td class=\"num\">\(file.rows.map { AuditReportText.count($0) } ?? "–")</td>"
            out += "<td class=\"mono hash\">\(file.sha256.map(e) ?? "<span class=\"muted\">not taken</span>")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private static func runLink(_ report: AuditReport, _ run: Int) -> String {
        let entry = report.runs[run]
        return "<a href=\"#run-line-\(entry.line)\">#\(entry.record.sequence) \(e(entry.record.command))</a>"
    }

    private static func fingerprints(_ report: AuditReport) -> String {
        var out = open("fingerprints")
        out += "<p>A key's fingerprint identifies the key and context its tokens were made with: partners' files can be linked only when their runs show the same fingerprint. Read the fingerprints out to each other, or compare them with the data-sharing agreement.</p>\n"
        for warning in report.warnings where warning.kind == .keyMismatch || warning.kind == .schemaMismatch {
            out += "<p class=\"flag\"><strong>\(warning.kind.title).</strong> \(e(warning.message)).</p>\n"
        }
        out += "<h3 id=\"fingerprints-keys\">Keys</h3>\n"
        if report.keys.isEmpty {
            out += "<p class=\"none\">No run recorded a key.</p>\n"
        } else {
            out += "<table class=\"keys\">\n<thead><tr><th scope=\"col\">Key id</th><th scope=\"col\">Context</th><th scope=\"col\">Fingerprint</th><th scope=\"col\">Example key</th><th scope=\"col\">Runs</th></tr></thead>\n<tbody>\n"
            for use in report.keys {
                out += "<tr><td class=\"mono\">\(e(use.key.id))</td><td class=\"mono\">\(use.key.context.isEmpty ? "(none)" : e(use.key.context))</td>"
                out += "<td class=\"mono\">\(e(use.key.fingerprint))</td><td>\(use.key.isExample ? "<span class=\"badge example\">yes</span>" : "no")</td>"
                out += "<td>\(use.runs.map { runLink(report, $0) }.joined(separator: ", "))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<h3 id=\"fingerprints-schemas\">Linkage schemas</h3>\n"
        if report.schemas.isEmpty {
            out += "<p class=\"none\">No run recorded a linkage schema.</p>\n"
        } else {
            out += "<table class=\"schemas\">\n<thead><tr><th scope=\"col\">Schema fingerprint</th><th scope=\"col\">Runs</th></tr></thead>\n<tbody>\n"
            for use in report.schemas {
                out += "<tr><td class=\"mono\">\(e(use.fingerprint))</td><td>\(use.runs.map { runLink(report, $0) }.joined(separator: ", "))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// Runs per counts table; more runs of one command continue in another table.
    private static let runsPerTable = 8

    private static func counts(_ report: AuditReport) -> String {
        var out = open("counts")
        guard !report.counts.isEmpty else { return out + "<p class=\"none\">No run recorded counts.</p>\n</section>\n" }
        out += "<p>What each run counted, by command. Nested counts (by reason, by stage, by kind) are indented under their group.</p>\n"
        for table in report.counts {
            out += "<h3 id=\"counts-\(anchor(table.command))\">\(e(table.command)) <span class=\"muted\">(\(AuditReportText.count(table.runs.count, "run")))</span></h3>\n"
            for start in stride(from: 0, to: table.runs.count, by: runsPerTable) {
                let columns = Array(start..<min(start + runsPerTable, table.runs.count))
                out += "<table class=\"count-table\">\n<thead><tr><th scope=\"col\">Count</th>"
                for column in columns {
                    let entry = report.runs[table.runs[column]]
                    out += "<th scope=\"col\" class=\"num\"><a href=\"#run-line-\(entry.line)\">#\(entry.record.sequence)</a>\(entry.record.succeeded ? "" : " (failed)")</th>"
                }
                out += "</tr></thead>\n<tbody>\n"
                for row in table.rows {
                    out += "<tr\(row.isGroup ? " class=\"group\"" : "")><th scope=\"row\" class=\"depth-\(min(row.depth, 3))\">\(e(row.label))</th>"
                    for column in columns {
                        out += "<td class=\"num\">\(row.values[column].map { e(AuditCountLabels.text($0)) } ?? "")</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
        }
        return out + "</section>\n"
    }

    /// A command name as an element id (`key new` → `key-new`).
    private static func anchor(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private static func e(_ text: String) -> String { AuditReportText.html(text) }

    // MARK: - Style

    /// The shared report rules (``ReportHTML/baseStyleSheet``), then the audit report's own.
    static let styleSheet = ReportHTML.baseStyleSheet + """
        .path, .hash, .args { overflow-wrap: anywhere; word-break: break-all; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11.5px; font-weight: 700; line-height: 1.6; }
        .badge.failed { background: var(--red); color: #fff; }
        .badge.example { background: var(--amber); color: #212b32; }
        .badge.missing { background: #aeb7bd; color: #212b32; }
        .status { margin: 10px 0 14px; padding: 10px 16px; border-left: 8px solid; background: var(--pale); }
        .status p { margin: 4px 0; }
        .status-title { font-size: 17px; font-weight: 700; }
        .status.intact { border-color: var(--green); }
        .status.intact .status-title { color: var(--green); }
        .status.broken { border-color: var(--red); background: #fbe9e7; }
        .status.broken .status-title { color: var(--red); }
        ul.warnings { margin: 0; padding: 0; list-style: none; }
        ul.warnings li { margin: 0 0 6px; padding: 6px 10px; border-left: 5px solid var(--amber); background: #fff8e5; }
        ul.warnings li.log-broken, ul.warnings li.file-changed, ul.warnings li.failed-run, ul.warnings li.example-key, ul.warnings li.key-mismatch, ul.warnings li.scan-findings { border-left-color: var(--red); background: #fbe9e7; }
        .warning-title { font-weight: 700; }
        .warning-title::after { content: ":"; }
        .run-ref { white-space: nowrap; font-size: 12.5px; }
        .warning-text { overflow-wrap: anywhere; }
        .flag { padding: 6px 10px; border-left: 5px solid var(--red); background: #fbe9e7; }
        table.timeline { table-layout: fixed; }
        table.timeline thead th:nth-child(1) { width: 3%; }
        table.timeline thead th:nth-child(2) { width: 11%; }
        table.timeline thead th:nth-child(3) { width: 19%; }
        table.timeline thead th:nth-child(4) { width: 9%; }
        table.timeline thead th:nth-child(5) { width: 17%; }
        table.timeline thead th:nth-child(6) { width: 22%; }
        table.timeline thead th:nth-child(7) { width: 19%; }
        table.timeline tr.failed > * { background: #fdf1ef; }
        table.timeline tr.problem > * { background: #fbe9e7; box-shadow: inset 0 2px 0 var(--red), inset 0 -2px 0 var(--red); }
        table.timeline .args { font-size: 11px; color: var(--muted); }
        ul.io, ul.counts { margin: 0; padding: 0; list-style: none; }
        ul.io li, ul.counts li { margin: 0 0 2px; overflow-wrap: anywhere; }
        .dir { display: inline-block; min-width: 3.4em; color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: 0.03em; }
        li.out .dir { color: var(--blue); }
        table.files td:first-child { width: 34%; }
        table.files .hash { font-size: 11px; }
        .outside { font-style: italic; color: #8a5a00; }
        table.count-table { width: auto; min-width: 50%; }
        table.count-table tbody th { font-weight: normal; }
        table.count-table tr.group th { font-weight: 600; }
        .depth-1 { padding-left: 22px; }
        .depth-2 { padding-left: 38px; }
        .depth-3 { padding-left: 54px; }
        .lineage-frame { overflow-x: auto; border: 1px solid var(--line); background: #fff; }
        .lineage-frame svg { display: block; max-width: 100%; height: auto; }
        svg.lineage { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg.lineage .edge { fill: none; stroke: #8497a3; stroke-width: 1.3; }
        svg.lineage .edge.write { stroke: #4c8fd6; }
        svg.lineage .arrow-head { fill: #6b7f8c; }
        svg.lineage .node rect { fill: #fff; stroke: #4c6272; stroke-width: 1.2; }
        svg.lineage .run rect { fill: #e8f1fb; stroke: var(--blue); stroke-width: 1.5; }
        svg.lineage .run.failed rect { fill: #fbe9e7; stroke: var(--red); stroke-width: 2.5; stroke-dasharray: 6 3; }
        svg.lineage .run.example rect { stroke: var(--amber); stroke-width: 3.5; }
        svg.lineage .run.problem rect { stroke: var(--red); stroke-width: 3.5; }
        svg.lineage .file.external rect { stroke-dasharray: 5 3; fill: #fafbfb; }
        svg.lineage .file.key rect { fill: #fff4d6; }
        svg.lineage .file.setting rect { fill: var(--pale); }
        svg.lineage .file.changed rect { stroke: var(--red); stroke-width: 3; fill: #fbe9e7; }
        svg.lineage .file.missing rect { stroke: #aeb7bd; stroke-dasharray: 2 2; }
        svg.lineage .label { font-size: 12px; font-weight: 600; fill: var(--ink); }
        svg.lineage .meta { font-size: 10px; fill: var(--muted); }
        svg.lineage .file.changed .meta, svg.lineage .run.failed .meta { fill: var(--red); font-weight: 600; }
        ul.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 12px; color: var(--muted); }
        .swatch { display: inline-block; width: 22px; height: 12px; margin-right: 6px; vertical-align: -1px; border: 1.5px solid #4c6272; background: #fff; }
        .swatch.run { border-color: var(--blue); border-radius: 6px; background: #e8f1fb; }
        .swatch.external { border-style: dashed; }
        .swatch.key { background: #fff4d6; }
        .swatch.run.failed { border: 2px dashed var(--red); background: #fbe9e7; }
        .swatch.run.example { border: 3px solid var(--amber); }
        .swatch.changed { border: 2.5px solid var(--red); background: #fbe9e7; }
        @page landscape { size: A4 landscape; margin: 12mm; }
        @media print {
          .status { break-inside: avoid; }
          #lineage { page: landscape; }
          .lineage-frame { overflow: visible; border: none; }
          .lineage-frame svg { min-width: 0 !important; }
        }

        """
}
