internal import Foundation
internal import JigsawCSV

/// Renders a ``LinkageReport`` as one self-contained HTML page, in the same style as the IG audit report.
///
/// The page has its style sheet and its charts (SVG) inline and nothing else: no script, no web font, no
/// image, and no link except relative ones to the local files in ``LinkageReport/documents``, so it can be
/// archived, mailed and opened offline. Every string from the inputs (stage, group, council, column and file
/// names, codes) is escaped. It prints on A4, and is written for screen readers: headings per section,
/// header cells on every table, and every chart an image with an accessible name and a table beside it
/// holding the same figures.
public enum LinkageReportHTML {
    /// The page for `report`.
    /// - Parameter report: the report.
    /// - Returns: the HTML document, UTF-8 text ending in a newline. The same report gives the same bytes.
    public static func render(_ report: LinkageReport) -> String {
        let sections = sections(of: report)
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(e(report.title)): \(e(report.linksFile))</title>\n"
        out += "<style>\n\(styleSheet)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(e(report.title))</h1>\n<p class=\"subtitle\">Links <span class=\"mono\">\(e(report.linksFile))</span></p>\n"
        out += "<nav aria-label=\"Contents\"><ul>"
        for section in sections { out += "<li><a href=\"#\(section.id)\">\(section.heading)</a></li>" }
        out += "</ul></nav>\n</header>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\">\n<h2 id=\"\(section.id)-heading\">\(section.heading)</h2>\n"
            out += section.body(report)
            out += "</section>\n"
        }
        out += "</main>\n<footer><p>Made by Jigsaw from the files named above"
        if let generatedAt = report.generatedAt { out += " at \(e(generatedAt))" }
        out += ". The report holds counts, rates and a histogram only: no record id from any file is in it.</p></footer>\n</body>\n</html>\n"
        return out
    }

    private struct Section {
        var id: String
        var heading: String
        var body: (LinkageReport) -> String
    }

    /// The sections the report's inputs call for, in page order.
    private static func sections(of report: LinkageReport) -> [Section] {
        var sections = [
            Section(id: "summary", heading: "Summary", body: summary),
            Section(id: "stages", heading: "Linkage by stage", body: stages),
            Section(id: "scores", heading: "Dice score histogram", body: scores),
        ]
        if report.evaluation != nil { sections.append(Section(id: "quality", heading: "Precision, recall and F1", body: quality)) }
        if !report.councils.isEmpty { sections.append(Section(id: "councils", heading: "Linkage rate by council", body: councils)) }
        if report.published != nil { sections.append(Section(id: "published", heading: "Published table", body: published)) }
        if !report.documents.isEmpty { sections.append(Section(id: "documents", heading: "Related documents", body: documents)) }
        return sections
    }

    // MARK: - Sections

    private static func summary(_ report: LinkageReport) -> String {
        var out = "<dl class=\"facts\">\n"
        out += fact("Links file", "<span class=\"mono\">\(e(report.linksFile))</span>")
        out += fact("Links", "\(count(report.totalLinks)) in \(count(report.stages.count, "stage"))")
        out += fact("Fuzzy links scored", count(report.scores.total))
        out += fact("Threshold", report.threshold.map { ScoreHistogram.decimal($0, digits: 6) } ?? "not given")
        if let evaluation = report.evaluation {
            let o = evaluation.overall
            out += fact("Against the truth", "\(count(o.truePairs, "true pair")): precision \(ratio(o.precision)), recall \(ratio(o.recall)), F1 \(ratio(o.f1))")
        }
        if !report.councils.isEmpty {
            let records = report.councils.reduce(0) { $0 + $1.records }, linked = report.councils.reduce(0) { $0 + $1.linked }
            out += fact("Left records linked", "\(count(linked)) of \(count(records)) (\(percent(records == 0 ? nil : Double(linked) / Double(records)))) in \(count(report.councils.count, "council"))")
        }
        if let published = report.published {
            out += fact("Published table", "\(count(published.cells.count, "cell")), \(count(published.suppressedCount)) suppressed")
        }
        if let generatedAt = report.generatedAt { out += fact("Report made", e(generatedAt)) }
        return out + "</dl>\n"
    }

    private static func stages(_ report: LinkageReport) -> String {
        guard !report.stages.isEmpty else { return "<p class=\"none\">The links file holds no links.</p>\n" }
        var out = "<p>Links made by each stage of <span class=\"mono\">jigsaw link</span>, in the order the stages ran: an exact join on each token column (<span class=\"mono\">exact:COLUMN</span>), then Dice similarity on the CLKs of the records still unmatched (<span class=\"mono\">fuzzy</span>).</p>\n"
        out += "<table class=\"stages\">\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Links</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\" class=\"bar-cell\"><span class=\"visually-hidden\">Share as a bar</span></th></tr></thead>\n<tbody>\n"
        let total = report.totalLinks
        for stage in report.stages {
            let share = total == 0 ? 0 : Double(stage.links) / Double(total)
            out += "<tr><th scope=\"row\" class=\"mono\">\(e(stage.stage))</th><td class=\"num\">\(count(stage.links))</td><td class=\"num\">\(percent(share))</td>"
            out += "<td class=\"bar-cell\" aria-hidden=\"true\"><span class=\"bar\" style=\"width: \(String(format: "%.1f", share * 100))%\"></span></td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">All stages</th><td class=\"num\">\(count(total))</td><td class=\"num\">100.0%</td><td class=\"bar-cell\"></td></tr></tfoot>\n</table>\n"
        return out
    }

    private static func scores(_ report: LinkageReport) -> String {
        let histogram = report.scores
        var out = "<p>The Dice similarity of each fuzzy link's two CLKs. Links pile up near 1 when records agree; a long tail down to the threshold holds the pairs most worth checking.</p>\n"
        let svg = histogram.svg(threshold: report.threshold, title: "Dice similarity of fuzzy links", xLabel: "Dice similarity",
                                yLabel: "Fuzzy links", width: 760, height: 340)
        // Inline SVG in HTML needs no namespace declaration; leaving it out keeps every address off the page.
        out += "<figure class=\"chart\">\n<div class=\"chart-frame\">\n\(svg.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: ""))</div>\n"
        var caption = "\(count(histogram.total, "fuzzy link")) in bins \(ScoreHistogram.decimal(histogram.binWidth, digits: 4)) wide from \(ScoreHistogram.decimal(histogram.lowerBound, digits: 2)) to \(ScoreHistogram.decimal(histogram.upperBound, digits: 2))"
        if let threshold = report.threshold { caption += "; the red line is the threshold, \(ScoreHistogram.decimal(threshold, digits: 6))" }
        out += "<figcaption>\(caption).</figcaption>\n</figure>\n"
        return out
    }

    private static func quality(_ report: LinkageReport) -> String {
        guard let evaluation = report.evaluation else { return "" }
        var out = "<p>The links measured against the known true pairs, taken to be all of them: a link whose pair is true is a true positive (TP), any other link a false positive (FP), and a true pair no link names a false negative (FN). Precision is TP/(TP+FP), recall TP/(TP+FN), F1 2TP/(2TP+FP+FN); “–” is a ratio over nothing. These are the figures <span class=\"mono\">jigsaw evaluate</span> prints.</p>\n"
        let o = evaluation.overall
        out += "<h3 id=\"quality-overall\">Overall</h3>\n"
        out += table(["Links", "True pairs", "TP", "FP", "FN", "Precision", "Recall", "F1"], numericFrom: 0, rows: [[
            count(o.links), count(o.truePairs), count(o.truePositives), count(o.falsePositives), count(o.falseNegatives),
            ratio(o.precision), ratio(o.recall), ratio(o.f1),
        ]], className: "overall")
        out += "<h3 id=\"quality-stages\">By stage</h3>\n"
        out += table(["Stage", "Links", "TP", "FP", "Precision", "Recall", "Cumulative recall", "F1"], numericFrom: 1, rows: evaluation.stages.map { stage in
            let c = stage.counts
            return [stage.stage, count(c.links), count(c.truePositives), count(c.falsePositives), ratio(c.precision), ratio(c.recall),
                    ratio(stage.cumulativeRecall), ratio(c.f1)]
        }, className: "by-stage")
        out += "<p class=\"note\">A stage’s recall is the share of all true pairs that it found; the stages’ recalls add up to the overall recall.</p>\n"
        if let column = report.groupColumn {
            out += "<h3 id=\"quality-groups\">By group (<span class=\"mono\">\(e(column))</span>)</h3>\n"
            out += table([column, "True pairs", "Links", "TP", "FP", "FN", "Precision", "Recall", "F1"], numericFrom: 1, rows: evaluation.groups.map { group in
                let c = group.counts
                return [group.group, count(c.truePairs), count(c.links), count(c.truePositives), count(c.falsePositives), count(c.falseNegatives),
                        ratio(c.precision), ratio(c.recall), ratio(c.f1)]
            }, className: "by-group")
            out += "<p class=\"note\">A link counts in its own group; a true pair not linked counts in its left record’s group, or in \(e(LinkageEvaluation.unknownGroup)). Recall that differs between groups means linkage quality that differs between groups.</p>\n"
        }
        return out
    }

    private static func councils(_ report: LinkageReport) -> String {
        var out = "<p>The share of each council’s records (by the left file’s <span class=\"mono\">\(e(report.councilColumn))</span> column) named by a link.</p>\n"
        out += "<figure class=\"chart\">\n<div class=\"chart-frame\">\n\(LinkageReportSVG.councilRates(report.councils))</div>\n"
        out += "<figcaption>The bars show the rates in the table below.</figcaption>\n</figure>\n"
        out += table([report.councilColumn, "Records", "Linked", "Linkage rate"], numericFrom: 1, rows: report.councils.map { council in
            [council.council, count(council.records), count(council.linked), percent(council.rate)]
        }, className: "councils")
        return out
    }

    private static func published(_ report: LinkageReport) -> String {
        guard let table = report.published else { return "" }
        var out = "<p>The table as published from <span class=\"mono\">\(e(table.fileName))</span>: \(count(table.cells.count, "cell")), of which \(count(table.suppressedCount)) suppressed. "
        out += "<span class=\"legend-inline\"><span class=\"cell-sample suppressed\">\(e(table.symbol))</span> marks a suppressed cell (primary or secondary).</span></p>\n"
        out += LinkageReportTable.render(table)
        return out
    }

    private static func documents(_ report: LinkageReport) -> String {
        var out = "<p>Local files that go with this report (links relative to its folder).</p>\n<ul class=\"documents\">\n"
        for document in report.documents {
            out += "<li><a href=\"\(e(hrefPath(document.relativePath)))\">\(e(document.label))</a> <span class=\"mono muted\">\(e(document.relativePath))</span></li>\n"
        }
        return out + "</ul>\n"
    }

    // MARK: - Helpers

    private static func fact(_ term: String, _ html: String) -> String {
        "<div><dt>\(term)</dt><dd>\(html)</dd></div>\n"
    }

    /// A table whose cells are escaped text; columns from `numericFrom` on are right-aligned, and each row's
    /// first cell is its header.
    static func table(_ header: [String], numericFrom: Int, rows: [[String]], className: String) -> String {
        var out = "<table class=\"\(className)\">\n<thead><tr>"
        for (k, name) in header.enumerated() { out += "<th scope=\"col\"\(k >= numericFrom ? " class=\"num\"" : "")>\(e(name))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        if rows.isEmpty { out += "<tr><td colspan=\"\(header.count)\" class=\"none\">none</td></tr>\n" }
        for row in rows {
            out += "<tr>"
            for (k, cell) in row.enumerated() {
                let isHeader = k == 0 && numericFrom > 0
                let attributes = (isHeader ? " scope=\"row\"" : "") + (k >= numericFrom ? " class=\"num\"" : "")
                out += isHeader ? "<th\(attributes)>\(e(cell))</th>" : "<td\(attributes)>\(e(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Each path component percent-encoded for an `href` (then escaped like any attribute value).
    static func hrefPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return path.split(separator: "/", omittingEmptySubsequences: false).map { component in
            String(component).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }.joined(separator: "/")
    }

    static func e(_ text: String) -> String { ReportHTML.escaped(text) }

    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }

    static func count(_ value: Int, _ noun: String) -> String { "\(count(value)) \(value == 1 ? noun : noun + "s")" }

    /// A ratio with four decimals, as `jigsaw evaluate` prints it; `–` when undefined.
    static func ratio(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "–" }

    /// A share as a percentage with one decimal; `–` when undefined.
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }

    // MARK: - Style

    /// The shared report rules, then this report's own.
    static let styleSheet = ReportHTML.baseStyleSheet + """
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        table.stages, table.overall, table.councils { width: auto; min-width: 50%; }
        table.by-stage, table.by-group { width: auto; min-width: 70%; }
        table.stages th.bar-cell, table.stages td.bar-cell { width: 260px; }
        .bar { display: block; height: 12px; margin-top: 2px; background: #4a78a8; }
        .chart-frame { display: inline-block; max-width: 100%; overflow-x: auto; border: 1px solid var(--line); background: #fff; }
        .chart-frame svg { display: block; max-width: 100%; height: auto; }
        figcaption { margin-top: 4px; color: var(--muted); font-size: 12.5px; }
        table.published { width: auto; }
        table.published td { min-width: 4.5em; }
        table.published tbody th { font-weight: normal; white-space: nowrap; }
        table.published th.total, table.published td.total { font-weight: 600; }
        td.suppressed, .cell-sample.suppressed { background: repeating-linear-gradient(135deg, #fff4d6 0 5px, #ffe49a 5px 8px); color: #6b4a00; font-weight: 700; }
        td.low { background: var(--pale); color: var(--muted); }
        .cell-sample { display: inline-block; padding: 0 6px; border: 1px solid var(--line); }
        ul.documents { padding-left: 20px; }
        @media print {
          figure, table.stages, table.overall { break-inside: avoid; }
          .chart-frame { overflow: visible; border: none; }
        }

        """
}
