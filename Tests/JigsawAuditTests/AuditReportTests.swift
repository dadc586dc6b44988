import Foundation
import Testing
@testable import JigsawAudit

@Suite("Audit report: HTML and Markdown from a checked log")
struct AuditReportTests {
    private func makeReport() throws -> (SampleAuditLog, AuditReport) {
        let sample = try SampleAuditLog()
        let report = AuditReport(verification: try sample.verify(), logPath: sample.log.path, generatedAt: "2026-12-01T09:00:00Z")
        return (sample, report)
    }

    @Test("the model: runs, period, keys, schemas and counts")
    func model() throws {
        let (sample, report) = try makeReport()
        defer { withExtendedLifetime(sample) {} }
        #expect(report.runs.map(\.record.command) == SampleAuditLog.commands)
        #expect(report.period?.first == "2026-11-25T09:00:00.000Z")
        #expect(report.period?.last == SampleAuditLog.time(SampleAuditLog.commands.count - 1))
        #expect(report.failedRuns == 1)
        #expect(report.keys.map(\.key.fingerprint) == [SampleAuditLog.keyFingerprint, "00112233445566ff"])
        #expect(report.keys[0].runs == [0, 1, 2, 3])
        #expect(report.schemas.map(\.runs) == [[3, 5]])
        #expect(report.counts.map(\.command) == ["tokenise", "encode", "link", "evaluate", "suppress", "audit-table", "scan"])
        let tokenise = try #require(report.counts.first)
        #expect(tokenise.runs == [1, 2, 7])
        // Known counts first in their fixed order, nested reasons under their group with friendly labels.
        #expect(tokenise.rows.map(\.label) == ["Rows", "Rows dropped", "Valid identifiers", "Blank identifiers", "Invalid identifiers",
                                               "wrong length", "check digit fails", "Tokens written"])
        let invalid = try #require(tokenise.rows.first { $0.path == ["invalid", "check-digit"] })
        #expect(invalid.values == [.integer(6), .integer(2), nil])
        #expect(tokenise.rows.first { $0.path == ["invalid"] }?.isGroup == true)
    }

    @Test("every kind of warning is found, most serious first")
    func warnings() throws {
        let (sample, report) = try makeReport()
        defer { withExtendedLifetime(sample) {} }
        let kinds = report.warnings.map(\.kind)
        #expect(kinds == kinds.sorted { AuditReportWarning.Kind.allCases.firstIndex(of: $0)! < AuditReportWarning.Kind.allCases.firstIndex(of: $1)! })
        #expect(Set(kinds) == [.fileChanged, .failedRun, .exampleKey, .keyMismatch, .scanFindings, .unrecordedInput, .runWarning])
        #expect(report.warnings.first { $0.kind == .fileChanged }?.message.contains("published.csv") == true)
        #expect(report.warnings.first { $0.kind == .failedRun }?.message == "run 5 (link) failed with error csv.output-exists; the outputs it names were not written")
        #expect(report.warnings.first { $0.kind == .exampleKey }?.run == 7)
        #expect(report.warnings.first { $0.kind == .scanFindings }?.message.contains("3 possible identifiers (NHS numbers 3) in the 2 files it scanned") == true)
        // The truth file and the table to suppress were made elsewhere; hierarchy files are settings, not data.
        let unrecorded = report.warnings.filter { $0.kind == .unrecordedInput }
        #expect(unrecorded.map(\.run) == [6, 8])
        #expect(unrecorded[0].message.contains("truth.csv"))
        #expect(unrecorded[1].message.contains("table.csv"))
        #expect(report.warnings.first { $0.kind == .runWarning }?.message == "run 3 (tokenise): 2 ragged rows dropped (--on-ragged drop-row)")
        #expect(report.warnings.first { $0.kind == .keyMismatch }?.message.contains("tokenise runs used 2 different key fingerprints") == true)
    }

    @Test("HTML: the sections, one timeline row per run, a lineage drawing matching the graph")
    func htmlStructure() throws {
        let (sample, report) = try makeReport()
        defer { withExtendedLifetime(sample) {} }
        let html = AuditReportHTML.render(report)
        try MarkupCheck.wellFormed(html)
        let headings = html.matches(of: /<h2 id="([a-z-]+)-heading">([^<]*)<\/h2>/).map { "\($0.1)=\($0.2)" }
        #expect(headings == AuditReport.sections.map { "\($0.id)=\($0.heading)" })
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<title>Jigsaw audit report: jigsaw-audit.jsonl</title>"))
        #expect(html.matches(of: /<tr id="run-line-\d+"/).count == SampleAuditLog.commands.count)
        #expect(html.contains("<tr id=\"run-line-5\" class=\"failed\">"))

        // One drawing, a box per file and per run, and an arrow per edge of the lineage.
        #expect(html.matches(of: #/<svg /#).count == 1)
        #expect(html.contains("role=\"img\" aria-labelledby=\"lineage-svg-title lineage-svg-desc\""))
        let lineage = report.lineage
        #expect(html.matches(of: /<g class="node file[^"]*" id="lineage-file-\d+">/).count == lineage.files.count)
        #expect(html.matches(of: /<g class="node run[^"]*" id="lineage-run-\d+">/).count == lineage.runs.count)
        let drawn = html.matches(of: /<path class="edge (?:read|write)" data-from="([a-z]+-\d+)" data-to="([a-z]+-\d+)"/).map { "\($0.1)>\($0.2)" }
        let expected = lineage.edges.map { "\(AuditLineageSVG.end($0.from))>\(AuditLineageSVG.end($0.to))" }
        #expect(drawn == expected)
        #expect(html.contains("class=\"node file changed\""))
        #expect(html.contains("class=\"node run failed\""))
        #expect(html.contains("class=\"node run example\""))
    }

    @Test("HTML: every warning shown, user strings escaped, nothing fetched or run")
    func htmlSafety() throws {
        let (sample, report) = try makeReport()
        defer { withExtendedLifetime(sample) {} }
        let html = AuditReportHTML.render(report)
        for warning in report.warnings {
            #expect(html.contains(AuditReportText.html(warning.message)), "\(warning.kind)")
        }
        #expect(html.contains("council &lt;script&gt;x &amp; y.csv"))
        #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(!html.contains("<script") && !html.contains("x & y"))
        for reference in html.matches(of: /(?:href|src)\s*=\s*"([^"]*)"/) {
            #expect(reference.1.hasPrefix("#"), "a reference to \(reference.1)")
        }
        for pattern in ["http://", "https://", "<link", "<img", "<iframe", "<object", "<embed", "@import", "@font-face"] {
            #expect(!html.lowercased().contains(pattern), "\(pattern)")
        }
        #expect(html.firstMatch(of: #/<[^>]*\son[a-z]+\s*=/#) == nil, "an event handler attribute")
        #expect(html.contains("@media print"))
        #expect(html.contains("size: A4"))
    }

    @Test("Markdown: the same sections and rows, escaped")
    func markdown() throws {
        let (sample, report) = try makeReport()
        defer { withExtendedLifetime(sample) {} }
        let markdown = AuditReportMarkdown.render(report)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings == AuditReport.sections.map(\.heading))
        let timeline = try #require(markdown.firstRange(of: "## Timeline of runs").map { markdown[$0.upperBound...] })
        let rows = timeline.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        #expect(rows.count == SampleAuditLog.commands.count + 2)
        for warning in report.warnings {
            #expect(markdown.contains(AuditReportText.markdown(warning.message)), "\(warning.kind)")
        }
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("council &lt;script&gt;x &amp; y.csv"))
        // The lineage as a list: the link run reads the council tokens written by run 3.
        #expect(markdown.contains("- #6 link\n  - reads council_tokens.csv (from #3 tokenise)\n  - reads health_clks.csv (from #4 encode)\n  - writes links.csv (read by #7 evaluate, #11 scan)\n"))
        #expect(markdown.contains("| table.csv | "))
        #expect(markdown.contains("*outside this log*"))
    }

    @Test("the same log gives the same bytes")
    func deterministic() throws {
        let (sample, report) = try makeReport()
        defer { withExtendedLifetime(sample) {} }
        let again = AuditReport(verification: try sample.verify(), logPath: sample.log.path, generatedAt: "2026-12-01T09:00:00Z")
        #expect(AuditReportHTML.render(report) == AuditReportHTML.render(again))
        #expect(AuditReportMarkdown.render(report) == AuditReportMarkdown.render(again))
        let undated = AuditReport(verification: try sample.verify(), logPath: sample.log.path)
        #expect(!AuditReportHTML.render(undated).contains("Report made"))
        #expect(AuditReportHTML.render(report).contains("Report made</dt><dd>2026-12-01T09:00:00Z"))
    }

    @Test("a broken log is shown first, at its first break, and the record is marked")
    func brokenLog() throws {
        let sample = try SampleAuditLog()
        var all = lines(of: try sample.folder.read("jigsaw-audit.jsonl"))
        let text = String(decoding: all[3], as: UTF8.self).replacingOccurrences(of: "\"clks\":1200", with: "\"clks\":1300")
        all[3] = Array(text.utf8)
        all.append(Array("not a record".utf8))
        let verification = AuditLogVerifier.verify(bytes: log(from: all), path: sample.log.path)
        let report = AuditReport(verification: verification, logPath: sample.log.path)
        let html = AuditReportHTML.render(report)
        try MarkupCheck.wellFormed(html)
        #expect(html.contains("<div class=\"status broken\" role=\"alert\"><p class=\"status-title\">The log does NOT verify</p><p>2 problems found. The first: record 4 (line 4) has been altered"))
        #expect(html.contains("<tr id=\"run-line-4\" class=\"problem\">"))
        #expect(html.contains("does not verify: hash-mismatch"))
        #expect(html.contains("<span class=\"run-ref\">(log line 12)</span>"))
        #expect(report.warnings.prefix(2).map(\.kind) == [.logBroken, .logBroken])
        let markdown = AuditReportMarkdown.render(report)
        #expect(markdown.contains("> **The log does NOT verify.** 2 problems found. The first: record 4 (line 4) has been altered"))
    }

    @Test("an empty log still gives a report")
    func emptyLog() throws {
        let verification = AuditLogVerifier.verify(bytes: [], path: "empty.jsonl")
        let report = AuditReport(verification: verification, logPath: "empty.jsonl")
        let html = AuditReportHTML.render(report)
        try MarkupCheck.wellFormed(html)
        #expect(html.contains("no readable runs"))
        #expect(!html.contains("<svg"))
        #expect(AuditReportMarkdown.render(report).contains("The log holds no readable record."))
    }

    @Test("escaping for HTML and Markdown", arguments: [
        ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;", "a&lt;b&gt;&amp;\"c'"),
        ("x\u{01}y\nz", "x\u{FFFD}y\nz", "x\u{FFFD}y z"),
        ("*bold* [link](x) | `code` #1 _u_ snake_case", "*bold* [link](x) | `code` #1 _u_ snake_case",
         "\\*bold\\* \\[link\\](x) \\| \\`code\\` \\#1 \\_u\\_ snake_case"),
    ])
    func escaping(raw: String, html: String, markdown: String) {
        #expect(AuditReportText.html(raw) == html)
        #expect(AuditReportText.markdown(raw) == markdown)
    }

    @Test("the markup check rejects what it should", arguments: ["<p><b></p></b>", "<p>a & b</p>", "<p>", "<p title=\"a\"b\">x</p>", "</p>"])
    func markupCheck(bad: String) {
        #expect(throws: MarkupCheck.Malformed.self) { try MarkupCheck.wellFormed(bad) }
    }

    @Test("long file names wrap after a separator, or are shortened in the middle")
    func wrapping() {
        #expect(AuditReportText.wrap("links.csv", width: 25) == ["links.csv"])
        #expect(AuditReportText.wrap("health_extract_2026-11_final.csv", width: 25) == ["health_extract_", "2026-11_final.csv"])
        let long = AuditReportText.wrap("a-very-long-file-name-from-a-partner-with-many-parts-2026-11-25.csv", width: 25)
        #expect(long.count == 2)
        #expect(long.allSatisfy { $0.count <= 25 })
        #expect(long[1].hasSuffix("25.csv") && long[1].contains("…"))
        #expect(AuditReportText.wrap(String(repeating: "x", count: 60), width: 25).map(\.count) == [25, 25])
    }
}

/// A strict check that generated markup is well-formed XML: every tag closed in order, attributes quoted,
/// and `&` only in the five entities the renderer writes.
enum MarkupCheck {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func wellFormed(_ text: String) throws {
        // (A bare `>` in text is well-formed XML, so only `<` and `&` are checked outside tags.)
        var stack: [Substring] = []
        var rest = text[...]
        if rest.hasPrefix("<!DOCTYPE html>") { rest = rest.dropFirst("<!DOCTYPE html>".count) }
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if rest[open] == "&" {
                let entity = rest[open...].prefix(7)
                guard let match = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].first(where: { entity.hasPrefix($0) }) else {
                    throw Malformed(description: "a bare & at \(rest[open...].prefix(30))")
                }
                rest = rest[open...].dropFirst(match.count)
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else { throw Malformed(description: "an unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                guard stack.popLast() == tag.dropFirst() else { throw Malformed(description: "</\(tag.dropFirst())> closes <\(stack.last ?? "nothing")>") }
                continue
            }
            let name = tag.prefix { $0 != " " && $0 != "/" }
            guard name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw Malformed(description: "a bad tag <\(tag.prefix(30))")
            }
            let attributes = tag.dropFirst(name.count)
            guard attributes.filter({ $0 == "\"" }).count % 2 == 0, !attributes.contains("<"), !attributes.contains("'") else {
                throw Malformed(description: "bad attributes in <\(tag.prefix(60))")
            }
            if !tag.hasSuffix("/") { stack.append(name) }
        }
        guard stack.isEmpty else { throw Malformed(description: "unclosed: \(stack)") }
    }
}
