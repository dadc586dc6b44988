internal import Foundation
internal import JigsawCSV

/// The linkage report's bar chart: each council's linkage rate as a horizontal bar from 0 to 100%.
///
/// Like ``ScoreHistogram/svg(threshold:suggested:title:xLabel:yLabel:scale:width:height:)`` it has no
/// script, no style sheet and no `id`, and is an image with an accessible name (`role="img"`, `aria-label`
/// and `<title>`); the report puts a table of the same figures beside it.
enum LinkageReportSVG {
    /// The chart for `councils`, in the order given.
    static func councilRates(_ councils: [LinkageReport.CouncilRate], width: Int = 760) -> String {
        let labelWidth = 190.0, right = Double(width) - 70, top = 34.0, rowHeight = 24.0
        let bottom = top + rowHeight * Double(councils.count)
        let height = Int(bottom + 40)
        let plotWidth = right - labelWidth
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        func x(_ rate: Double) -> Double { labelWidth + min(max(rate, 0), 1) * plotWidth }
        let title = "Linkage rate by council: the share of each council's records with a link"
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(e(title))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<title>\(e(title))</title>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        svg += "<text x=\"\(f(Double(width) / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">Linkage rate by council</text>\n"
        svg += "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(top))\" x2=\"\(f(x(tick)))\" y2=\"\(f(bottom))\"/>\n"
        }
        svg += "</g>\n"
        for (row, council) in councils.enumerated() {
            let y = top + rowHeight * Double(row)
            let rate = council.rate ?? 0
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 16))\" text-anchor=\"end\" fill=\"#333333\">\(e(shortened(council.council, to: 28)))</text>\n"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(x(rate) - labelWidth))\" height=\"\(f(rowHeight - 8))\" fill=\"#4a78a8\"/>\n"
            let text = council.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
            svg += "<text x=\"\(f(x(rate) + 6))\" y=\"\(f(y + 16))\" fill=\"#333333\">\(text)</text>\n"
        }
        svg += "<g stroke=\"#333333\" stroke-width=\"1\">\n"
        svg += "<line x1=\"\(f(labelWidth))\" y1=\"\(f(top))\" x2=\"\(f(labelWidth))\" y2=\"\(f(bottom))\"/>\n"
        svg += "<line x1=\"\(f(labelWidth))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\"/>\n"
        svg += "</g>\n<g fill=\"#333333\" text-anchor=\"middle\">\n"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<text x=\"\(f(x(tick)))\" y=\"\(f(bottom + 16))\">\(Int(tick * 100))%</text>\n"
        }
        svg += "<text x=\"\(f(labelWidth + plotWidth / 2))\" y=\"\(f(bottom + 34))\">Records with a link</text>\n</g>\n"
        return svg + "</svg>\n"
    }

    /// `text` cut in the middle to at most `width` characters.
    private static func shortened(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        let head = (width - 1) / 2
        return String(text.prefix(head)) + "…" + String(text.suffix(width - 1 - head))
    }

    private static func e(_ text: String) -> String { ReportHTML.escaped(text) }
}
