/// Draws a report's file lineage as inline SVG: file boxes and run boxes in layers, left to right, joined by
/// arrows in the direction the data went.
///
/// The SVG is meant to sit inside the HTML report, whose style sheet colours it by class (`file`, `run`,
/// `external`, `changed`, `missing`, `failed`, `example`). Every text is escaped; each box carries a
/// `<title>` with the full path, digest and runs, and the drawing as a whole a title and description for
/// screen readers. Element ids name files and runs by index (`lineage-file-3`, `lineage-run-5`), and each
/// arrow names its ends (`data-from`, `data-to`).
enum AuditLineageSVG {
    static func render(_ report: AuditReport) -> String {
        let lineage = report.lineage
        let layout = AuditLineageLayout(lineage)
        let records = report.runs.map(\.record)
        let esc = AuditReportText.html
        // Drawn at its natural size where it fits, scaled down to the page where it does not, but never below
        // three quarters (the frame scrolls instead), so the labels stay legible.
        var out = "<svg class=\"lineage\" role=\"img\" aria-labelledby=\"lineage-svg-title lineage-svg-desc\""
        out += " width=\"\(number(layout.width))\" height=\"\(number(layout.height))\" viewBox=\"0 0 \(number(layout.width)) \(number(layout.height))\""
        out += " style=\"min-width: \(number(layout.width * 0.75))px\">\n"
        out += "<title id=\"lineage-svg-title\">Lineage of files: \(AuditReportText.count(lineage.files.count, "file")) and \(AuditReportText.count(lineage.runs.count, "run"))</title>\n"
        out += "<desc id=\"lineage-svg-desc\">Each rounded box is a run of a command, each square box a file. An arrow into a run is a file it read; an arrow out of a run is a file it wrote. A file read by a later run is linked to the run that wrote the same content (the same SHA-256). Dashed boxes are files made outside this log. The table after the diagram lists the same links.</desc>\n"
        out += "<defs><marker id=\"lineage-arrow\" viewBox=\"0 0 8 8\" refX=\"7.5\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path class=\"arrow-head\" d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>\n"

        out += "<g class=\"edges\">\n"
        for route in layout.routes {
            let (from, to) = (end(route.edge.from), end(route.edge.to))
            let kind = if case .file = route.edge.from { "read" } else { "write" }
            out += "<path class=\"edge \(kind)\" data-from=\"\(from)\" data-to=\"\(to)\" d=\"\(path(route, layout))\" marker-end=\"url(#lineage-arrow)\"/>\n"
        }
        out += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in layout.nodes.enumerated() {
            let (x, top, width) = (layout.x(of: index), node.y - node.height / 2, layout.width(of: index))
            switch node.item {
            case .placeholder:
                continue
            case .file(let file):
                let info = lineage.files[file]
                var classes = ["node", "file"]
                if info.producer == nil { classes.append("external") }
                if let kind = info.kind { classes.append(kind == "key" || kind == "signing-key" ? "key" : "setting") }
                if let check = info.check, check != .unchanged { classes.append(check.rawValue) }
                out += "<g class=\"\(classes.joined(separator: " "))\" id=\"lineage-file-\(file)\">"
                out += "<title>\(esc(fileTitle(info, records: records)))</title>"
                out += "<rect x=\"\(number(x))\" y=\"\(number(top))\" width=\"\(number(width))\" height=\"\(number(node.height))\" rx=\"3\"/>"
                for (i, line) in node.lines.enumerated() {
                    out += "<text class=\"label\" x=\"\(number(x + 8))\" y=\"\(number(top + 18 + 15 * Double(i)))\">\(esc(line))</text>"
                }
                out += "<text class=\"meta\" x=\"\(number(x + 8))\" y=\"\(number(top + 18 + 15 * Double(node.lines.count)))\">\(esc(fileMeta(info)))</text>"
                out += "</g>\n"
            case .run(let position):
                let record = records[position]
                var classes = ["node", "run"]
                if !record.succeeded { classes.append("failed") }
                if record.key?.isExample == true { classes.append("example") }
                if !report.problems(of: position).isEmpty { classes.append("problem") }
                let meta = record.succeeded ? "\(record.user)@\(record.host)" : "failed" + (record.errorCode.map { ": \($0)" } ?? "")
                out += "<g class=\"\(classes.joined(separator: " "))\" id=\"lineage-run-\(position)\">"
                out += "<title>\(esc(runTitle(record)))</title>"
                out += "<rect x=\"\(number(x))\" y=\"\(number(top))\" width=\"\(number(width))\" height=\"\(number(node.height))\" rx=\"10\"/>"
                out += "<text class=\"label\" x=\"\(number(x + 8))\" y=\"\(number(top + 18))\">\(esc(node.lines[0]))</text>"
                out += "<text class=\"meta\" x=\"\(number(x + 8))\" y=\"\(number(top + 32))\">\(esc(AuditReportText.middleEllipsis(meta, width: 20)))</text>"
                out += "</g>\n"
            }
        }
        out += "</g>\n</svg>"
        return out
    }

    /// `file-3` or `run-5`, as the ends of arrows are named.
    static func end(_ end: AuditLineage.Edge.End) -> String {
        switch end {
        case .file(let index): "file-\(index)"
        case .run(let position): "run-\(position)"
        }
    }

    /// The arrow's path: from the right of its start to the left of its end, through its placeholders, with
    /// horizontal tangents at every box.
    private static func path(_ route: AuditLineageLayout.Route, _ layout: AuditLineageLayout) -> String {
        var exit = (x: layout.x(of: route.from) + layout.width(of: route.from), y: layout.nodes[route.from].y)
        var d = "M\(number(exit.x)),\(number(exit.y))"
        func curve(to x: Double, _ y: Double) {
            let bend = (x - exit.x) / 2
            d += " C\(number(exit.x + bend)),\(number(exit.y)) \(number(x - bend)),\(number(y)) \(number(x)),\(number(y))"
        }
        for placeholder in route.via {
            let (x, y) = (layout.x(of: placeholder), layout.nodes[placeholder].y)
            curve(to: x, y)
            exit = (x + layout.width(of: placeholder), y)
            d += " L\(number(exit.x)),\(number(y))"
        }
        curve(to: layout.x(of: route.to) - 1, layout.nodes[route.to].y)
        return d
    }

    /// The small line under a file's name: rows, kind and the start of its digest, or its state when checked
    /// if it changed or went missing.
    private static func fileMeta(_ file: AuditLineage.File) -> String {
        switch file.check {
        case .changed?: return "CHANGED since written"
        case .missing?: return "missing when checked"
        default: break
        }
        var parts: [String] = []
        if let rows = file.rows { parts.append(AuditReportText.count(rows, "row")) }
        if let kind = file.kind { parts.append(kind == "key" ? "key file" : kind) }
        if let digest = file.sha256 { parts.append(String(digest.prefix(8))) }
        if parts.isEmpty { parts.append(file.isStandardStream ? "not stored" : "no digest") }
        return AuditReportText.middleEllipsis(parts.joined(separator: " · "), width: 30)
    }

    private static func fileTitle(_ file: AuditLineage.File, records: [AuditRecord]) -> String {
        var text = file.isStandardStream ? file.label : file.path
        if !file.otherPaths.isEmpty { text += " (also read as \(file.otherPaths.joined(separator: ", ")))" }
        if let rows = file.rows { text += "; \(AuditReportText.count(rows, "row"))" }
        if let size = file.size { text += "; \(AuditReportText.count(size, "byte"))" }
        if let digest = file.sha256 { text += "; SHA-256 \(digest)" }
        text += file.producer.map { "; written by run \(records[$0].sequence) (\(records[$0].command))" } ?? "; made outside this log"
        if !file.consumers.isEmpty {
            text += "; read by " + (file.consumers.count == 1 ? "run " : "runs ") + file.consumers.map { String(records[$0].sequence) }.joined(separator: ", ")
        }
        return text
    }

    private static func runTitle(_ record: AuditRecord) -> String {
        var text = "Run \(record.sequence): \(record.command) by \(record.user)@\(record.host) at \(AuditReportText.time(record.time)) UTC"
        text += record.succeeded ? "; succeeded" : "; failed" + (record.errorCode.map { " (\($0))" } ?? "")
        if let key = record.key { text += "; key \(key.id), fingerprint \(key.fingerprint)" + (key.isExample ? " (EXAMPLE KEY)" : "") }
        return text
    }

    /// A coordinate with at most one decimal, the same on every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10, fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
