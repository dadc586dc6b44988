import Foundation
import JigsawLinkage
import Testing

/// The linkage report's page: the sections its inputs call for, the figures, escaping, no script or address,
/// no record id, and the same bytes every time.
struct LinkageReportTests {
    /// Links whose ids look like nothing else on the page.
    static let links: [LinkageEvaluation.PredictedLink] = [
        .init(leftID: "LEFTID-ZQX-001", rightID: "RIGHTID-QJW-901", stage: "exact:nhs_token", group: "K"),
        .init(leftID: "LEFTID-ZQX-002", rightID: "RIGHTID-QJW-902", stage: "exact:nhs_token", group: "E"),
        .init(leftID: "LEFTID-ZQX-003", rightID: "RIGHTID-QJW-903", stage: "fuzzy", group: "K"),
        .init(leftID: "LEFTID-ZQX-004", rightID: "RIGHTID-QJW-999", stage: "fuzzy", group: "<b>&"),
    ]
    static let truth = (1...5).map { LinkageEvaluation.TruePair(leftID: "LEFTID-ZQX-00\($0)", rightID: "RIGHTID-QJW-90\($0)") }

    static func report(full: Bool) -> LinkageReport {
        var report = LinkageReport(linksFile: "links<&>.csv", stages: LinkageReport.stageCounts(links.map(\.stage)),
                                   scores: LinkageReport.histogram(of: [0.83, 0.91], threshold: 0.8), threshold: 0.8)
        guard full else { return report }
        report.evaluation = LinkageEvaluation(links: links, truth: truth)
        report.groupColumn = "send<&>"
        report.councils = [.init(council: "Leeds & <Bradford>", records: 10, linked: 4), .init(council: "York", records: 5, linked: 5)]
        report.councilColumn = "council"
        report.published = .init(dimensions: [.init(name: "la", codes: ["England", "LA01"], levels: [0, 1]),
                                              .init(name: "group", codes: ["Total", "G1"], levels: [0, 1])],
                                 cells: [.init(positions: [0, 0], value: .number(12)), .init(positions: [0, 1], value: .suppressed),
                                         .init(positions: [1, 0], value: .number(7)), .init(positions: [1, 1], value: .suppressed)],
                                 symbol: "[c]", fileName: "published.csv")
        report.documents = [LinkageReport.Document(label: "IG audit report", relativePath: "ig audit/report.html")!]
        report.generatedAt = "2026-12-01T09:00:00Z"
        return report
    }

    @Test func standingSectionsOnlyWithoutOptionalInputs() {
        let html = LinkageReportHTML.render(Self.report(full: false))
        for id in ["summary", "stages", "scores"] { #expect(html.contains("<section id=\"\(id)\"")) }
        for id in ["quality", "councils", "published", "documents"] { #expect(!html.contains("<section id=\"\(id)\"")) }
        #expect(html.matches(of: #/<svg /#).count == 1)
    }

    @Test func everySectionWithEveryInput() throws {
        let html = LinkageReportHTML.render(Self.report(full: true))
        for id in ["summary", "stages", "scores", "quality", "councils", "published", "documents"] {
            #expect(html.contains("<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">"))
        }
        // One histogram and one council bar chart, each an image with an accessible name.
        #expect(html.matches(of: #/<svg /#).count == 2)
        #expect(html.matches(of: /<svg [^>]*role="img" aria-label="Dice similarity of fuzzy links"/).count == 1)
        #expect(html.matches(of: /<svg [^>]*role="img" aria-label="Linkage rate by council/).count == 1)
        #expect(html.contains("<title>Jigsaw linkage report: links&lt;&amp;&gt;.csv</title>"))
        // Stage counts, in the order the stages first appear.
        #expect(html.contains("<tr><th scope=\"row\" class=\"mono\">exact:nhs_token</th><td class=\"num\">2</td><td class=\"num\">50.0%</td>"))
        #expect(html.contains("<tr><th scope=\"row\" class=\"mono\">fuzzy</th><td class=\"num\">2</td>"))
        // Overall: 3 of 4 links right, 3 of 5 true pairs found.
        #expect(html.contains("<td class=\"num\">4</td><td class=\"num\">5</td><td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">0.7500</td><td class=\"num\">0.6000</td><td class=\"num\">0.6667</td>"))
        // Suppressed cells are marked, and the link is relative and percent-encoded.
        #expect(html.matches(of: /<td class="num suppressed[^"]*" title="suppressed">\[c\]/).count == 2)
        #expect(html.contains("<a href=\"ig%20audit/report.html\">IG audit report</a>"))
    }

    @Test func escapesNamesAndHoldsNoScriptAddressOrId() {
        let html = LinkageReportHTML.render(Self.report(full: true))
        #expect(html.contains("Leeds &amp; &lt;Bradford&gt;"))
        #expect(html.contains("send&lt;&amp;&gt;"))
        #expect(html.contains("&lt;b&gt;&amp;"))
        #expect(!html.contains("<b>&"))
        #expect(!html.contains("<Bradford>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http"))
        #expect(!html.contains("LEFTID") && !html.contains("RIGHTID") && !html.contains("ZQX") && !html.contains("QJW"))
    }

    @Test func sameReportSameBytes() {
        #expect(LinkageReportHTML.render(Self.report(full: true)) == LinkageReportHTML.render(Self.report(full: true)))
        #expect(!LinkageReportHTML.render(Self.report(full: false)).contains("Report made"))
    }

    @Test(arguments: ["", "/etc/passwd", "https://example.org/x", "javascript:alert(1)", "a?b", "a#b", "a\\b", "a\nb"])
    func documentsAreRelativeLocalPathsOnly(_ path: String) {
        #expect(LinkageReport.Document(label: "x", relativePath: path) == nil)
    }

    @Test func histogramCoversTheThresholdAndTheScores() {
        let histogram = LinkageReport.histogram(of: [0.71, 0.99, 1.0], threshold: 0.8)
        #expect(histogram.lowerBound == 0.7 && histogram.upperBound == 1)
        #expect(histogram.binCount == 30 && histogram.total == 3)
        #expect(LinkageReport.histogram(of: [], threshold: nil).lowerBound == 0.95)
    }
}
