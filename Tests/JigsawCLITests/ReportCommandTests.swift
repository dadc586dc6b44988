import Foundation
import Testing

/// `jigsaw report` end to end on synthetic data: synth → encode both sides → link → evaluate → report, and
/// the report's figures equal those `jigsaw evaluate` prints.
struct ReportCommandTests {
    /// Runs the pipeline up to the links, and writes a published table and its hierarchy.
    static func pipeline(_ ws: Workspace) throws {
        let key = ["--key", "example.key", "--allow-example-key"]
        #expect(try ws.run(["synth", "--seed", "7", "--records", "500", "-o", "syn", "--quiet"]).status == 0)
        let initial = try ws.run(["schema", "init"])
        try ws.write("health.json", initial.stdout)
        try ws.write("council.json", initial.stdout
            .replacingOccurrences(of: #""column": "date_of_birth""#, with: #""column": "dob""#)
            .replacingOccurrences(of: "nhs-stated-gender", with: "school-census"))
        #expect(try ws.run(["encode", "syn/health.csv", "-o", "h.csv", "--schema", "health.json", "--keep", "health_record_id",
                            "--column", "nhs_number=nhs-number", "--quiet"] + key).status == 0)
        #expect(try ws.run(["encode", "syn/council.csv", "-o", "c.csv", "--schema", "council.json", "--keep", "child_id", "--keep", "council",
                            "--keep", "send", "--column", "nhs_number=nhs-number", "--quiet"] + key).status == 0)
        #expect(try ws.run(["link", "--left", "c.csv", "--right", "h.csv", "-o", "links.csv", "--left-id", "child_id", "--right-id",
                            "health_record_id", "--token", "nhs_number", "--threshold", "0.75", "--carry-left", "send", "--quiet"]).status == 0)
        try ws.write("hierarchy.json", #"{"la": {"England": ["LA01", "LA02"]}, "group": {"Total": ["G1", "G2"]}}"#)
        try ws.write("published.csv", "la,group,count\nEngland,Total,60\nEngland,G1,[c]\nEngland,G2,[c]\nLA01,Total,30\nLA01,G1,[c]\nLA01,G2,[c]\nLA02,Total,30\nLA02,G1,20\nLA02,G2,10\n")
    }

    @Test func reportMatchesEvaluateAndHoldsNoIds() throws {
        let ws = try Workspace()
        try Self.pipeline(ws)
        // With --left holding the --by column, the report groups unlinked true pairs as evaluate --groups does.
        let evaluated = try ws.run(["evaluate", "--links", "links.csv", "--truth", "syn/truth.csv", "--by", "send", "--format", "csv", "--quiet",
                                    "--groups", "c.csv", "--groups-id", "child_id", "--groups-column", "send"])
        #expect(evaluated.status == 0)
        try ws.write("ig.html", "<!DOCTYPE html><title>IG</title>\n")
        let arguments = ["report", "--links", "links.csv", "-o", "out/index.html", "--threshold", "0.75", "--truth", "syn/truth.csv", "--by", "send",
                         "--left", "c.csv", "--left-id", "child_id", "--published", "published.csv", "--hierarchy", "hierarchy.json",
                         "--ig-report", "ig.html", "--audit-log", "jigsaw-audit.jsonl"]
        try FileManager.default.createDirectory(atPath: ws.path("out"), withIntermediateDirectories: true)
        let made = try ws.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1764579600"])
        #expect(made.status == 0, "\(made.allOutput)")
        #expect(made.stderr.contains("jigsaw report: "))
        let html = try ws.read("out/index.html")
        for id in ["summary", "stages", "scores", "quality", "councils", "published", "documents"] { #expect(html.contains("<section id=\"\(id)\"")) }
        #expect(html.contains("2025-12-01T09:00:00Z"))
        #expect(html.contains("<a href=\"../ig.html\">IG audit report</a>"))
        #expect(html.matches(of: #/title="suppressed">\[c\]/#).count == 4)

        // Every row evaluate prints is in the report: counts exactly, ratios to the four decimals shown.
        let rows = evaluated.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count >= 4)
        for row in rows {
            func ratio(_ text: String) -> String { Double(text).map { String(format: "%.4f", $0) } ?? "–" }
            func grouped(_ text: String) -> String {
                var out = ""
                for (i, digit) in text.enumerated() {
                    if i > 0 && (text.count - i) % 3 == 0 { out.append(",") }
                    out.append(digit)
                }
                return out
            }
            let cells: [String]
            switch row[0] {
            case "overall": cells = [row[2], row[3], row[4], row[5], row[6]].map(grouped) + [row[7], row[8], row[10]].map(ratio)
            case "stage": cells = [row[1]] + [row[2], row[4], row[5]].map(grouped) + [row[7], row[8], row[9], row[10]].map(ratio)
            default: cells = [row[1]] + [row[3], row[2], row[4], row[5], row[6]].map(grouped) + [row[7], row[8], row[10]].map(ratio)
            }
            let expected = cells.enumerated().map { k, cell in
                k == 0 && row[0] != "overall" ? "<th scope=\"row\">\(cell)</th>" : "<td class=\"num\">\(cell)</td>"
            }.joined()
            #expect(html.contains("<tr>" + expected + "</tr>"), "\(row)")
        }

        // No id from either side or the truth is on the page; it has no script and no address.
        let ids = try ["c.csv", "h.csv"].flatMap { file in
            try ws.read(file).split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) }
        }
        #expect(ids.count > 500)
        #expect(ids.allSatisfy { !html.contains($0) })
        #expect(!html.contains("<script") && !html.contains("http"))

        // The same inputs give the same bytes; an existing report is kept without --force.
        #expect(try ws.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1764579600"]).status == 3)
        #expect(try ws.run(arguments + ["--force"], environment: ["SOURCE_DATE_EPOCH": "1764579600"]).status == 0)
        #expect(try ws.read("out/index.html") == html)

        // The run is in the audit log with its inputs and output.
        let log = try ws.read("jigsaw-audit.jsonl")
        #expect(log.contains("\"command\":\"report\""))
        #expect(try ws.run(["audit", "verify", "jigsaw-audit.jsonl", "--check-files"]).status == 0)
    }

    @Test func usageErrors() throws {
        let ws = try Workspace()
        try ws.write("links.csv", "left_id,right_id,stage,similarity\nA1,B1,fuzzy,0.9\n")
        #expect(try ws.run(["report", "--links", "links.csv", "-o", "r.html", "--by", "send"]).status == 2)
        #expect(try ws.run(["report", "--links", "links.csv", "-o", "r.html", "--published", "p.csv"]).status == 2)
        #expect(try ws.run(["report", "--links", "links.csv", "-o", "r.html", "--ig-report", "https://example.org/x.html"]).status == 2)
        #expect(try ws.run(["report", "--links", "links.csv", "-o", "r.html", "--link-to", "nolabel"]).status == 2)
        let plain = try ws.run(["report", "--links", "links.csv", "-o", "r.html", "--quiet"])
        #expect(plain.status == 0 && plain.stderr.isEmpty)
        #expect(try !ws.read("r.html").contains("A1"))
    }
}

/// Columns that hold identifiers are refused as categories, so no id or name reaches the page.
struct ReportCategoryGuardTests {
    @Test func identifyingCategoriesAreRefused() throws {
        let ws = try Workspace()
        var links = "left_id,right_id,stage,similarity,name,nhs\n"
        var truth = "left_id,right_id\n"
        for i in 0..<30 {
            links += "L\(i),R\(i),exact:nhs_number,,Person\(i) Surname\(i),\(i < 2 ? ["9434765919", "4010232137"][i] : "x")\n"
            truth += "L\(i),R\(i)\n"
        }
        try ws.write("links.csv", links)
        try ws.write("truth.csv", truth)
        let names = try ws.run(["report", "--links", "links.csv", "--truth", "truth.csv", "--by", "name", "-o", "a.html"])
        #expect(names.status == 2)
        #expect(names.stderr.contains("more likely holds ids or names"))
        let numbers = try ws.run(["report", "--links", "links.csv", "--truth", "truth.csv", "--by", "nhs", "-o", "b.html"])
        #expect(numbers.status == 2)
        #expect(numbers.stderr.contains("look like identifiers"))
        for outcome in [names, numbers] {
            #expect(!outcome.allOutput.contains("Person1") && !outcome.allOutput.contains("9434765919"))
        }
        #expect(!ws.exists("a.html") && !ws.exists("b.html"))
        try ws.write("bad-stage.csv", "left_id,right_id,stage,similarity\nL1,R1,9434765919,\n")
        let stage = try ws.run(["report", "--links", "bad-stage.csv", "-o", "c.html"])
        #expect(stage.status == 3)
        #expect(!stage.allOutput.contains("9434765919"))
    }
}
