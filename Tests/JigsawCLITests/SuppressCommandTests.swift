import Foundation
import Testing

/// `jigsaw suppress` end to end: it writes a table that `audit-table` passes, fails closed, and names bad input.
struct SuppressCommandTests {
    static let leaves = """
    la,group,count
    LA01,G1,40
    LA01,G2,23
    LA01,G3,3
    LA02,G1,52
    LA02,G2,31
    LA03,G1,61
    LA03,G2,18

    """

    @Test func nhsPresetFixesTheSingleCouncilCaseAndTheOutputPassesTheAudit() throws {
        let ws = try Workspace()
        try ws.write("h.json", AuditTableCommandTests.hierarchy)
        try ws.write("leaves.csv", Self.leaves)
        let outcome = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "published.csv", "--report", "report.json", "--preset", "nhs"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("2 primary suppressions, 2 secondary suppressions"))
        #expect(outcome.stderr.contains("departure from the preset"))
        let published = try ws.read("published.csv")
        #expect(published.hasPrefix("la,group,count\nEngland,Total,228\n"))
        #expect(published.contains("England,G3,3\n"), "national figures stay exact")
        #expect(published.contains("LA01,G3,*\n") && published.contains("LA01,G1,40\n") && published.contains("LA01,G2,25\n"))
        let report = try JSONSerialization.jsonObject(with: Data(try ws.read("report.json").utf8)) as? [String: Any]
        let counts = try #require(report?["counts"] as? [String: Any])
        #expect(counts["primary"] as? Int == 2 && counts["secondary"] as? Int == 2 && counts["primaryValue"] as? Int == 6)
        #expect((report?["suppressed"] as? [Any])?.count == 4)
        #expect(report?["preset"] as? String == "nhs")
        // The output, read as a reader must read it once secondary cells exist ("*" may be any count).
        let audit = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--symbol", "*", "--round", "5",
                                "--exact", "la=0", "--rounded-minimum", "8"])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        // The same reading through the preset, with its 1–7 reading of "*" lifted as the departure says.
        let preset = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--preset", "nhs", "--rule", "any"])
        #expect(preset.status == 0, "\(preset.stdout)\(preset.stderr)")
        let strict = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--preset", "nhs"])
        // Read as if "*" still meant 1–7, the secondary zeros would be taken for small counts: the audit then
        // sees a different table, which is why the report states the departure.
        #expect(strict.status != 0)
        // Deterministic: a second run writes the same bytes.
        let again = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "again.csv", "--report", "again.json", "--preset", "nhs", "--quiet"])
        #expect(again.status == 0)
        let againCSV = try ws.read("again.csv"), againJSON = try ws.read("again.json"), firstJSON = try ws.read("report.json")
        #expect(againCSV == published && againJSON == firstJSON)
    }

    @Test func previousReleaseIsHeldFixed() throws {
        let ws = try Workspace()
        try ws.write("h.json", AuditTableCommandTests.hierarchy)
        try ws.write("leaves.csv", Self.leaves)
        #expect(try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "first.csv", "--report", "first.json", "--quiet"]).status == 0)
        // The next release: LA02's G2 count fell to 4 and LA03's G1 rose; the first release's pattern stays.
        try ws.write("next.csv", Self.leaves.replacingOccurrences(of: "LA02,G2,31", with: "LA02,G2,4").replacingOccurrences(of: "LA03,G1,61", with: "LA03,G1,64"))
        let outcome = try ws.run(["suppress", "next.csv", "--hierarchy", "h.json", "-o", "second.csv", "--report", "second.json", "--previous", "first.csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("held suppressed from first.csv"))
        let first = try ws.read("first.csv").split(separator: "\n"), second = try ws.read("second.csv").split(separator: "\n")
        #expect(first.count == second.count)
        for (a, b) in zip(first, second) where a.hasSuffix(",[c]") {
            #expect(b.hasSuffix(",[c]"), "\(a) was suppressed in the first release")
        }
        #expect(second.contains("LA02,G2,[c]"))
        let report = try ws.read("second.json")
        #expect(report.contains("\"previous\": \"first.csv\"") && report.contains("\"heldFromPrevious\": "))
    }

    @Test func unprotectableTablesWriteNothing() throws {
        let ws = try Workspace()
        try ws.write("h.json", #"{"g": {"T": ["A", "B"]}}"#)
        try ws.write("leaves.csv", "g,count\nA,3\nB,0\n")
        let outcome = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "out.csv", "--report", "r.json",
                                  "--threshold", "1-7", "--zeros", "never-secondary", "--exempt", "g=0"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("g=A") && outcome.stderr.contains("cannot be protected"))
        #expect(try ws.files() == ["example.key", "h.json", "leaves.csv"])
    }

    @Test func badLeavesAreNamed() throws {
        let ws = try Workspace()
        try ws.write("h.json", AuditTableCommandTests.hierarchy)
        let cases: [(String, String, String)] = [
            ("la,group,count\nLA01,G1,-3\n", "leaves.csv:2: column count: the count of cell la=LA01, group=G1 is not a whole number", "-3"),
            ("la,group,count\nLA01,G1,2.5\n", "leaves.csv:2: column count:", "2.5"),
            ("la,group,count\nLA07,G1,5\n", "leaves.csv:2: column la: the code \"LA07\" is not in the hierarchy", "\u{0}"),
            ("la,group,count\nLA01,G1,5\nLA01,Total,9\n", "leaves.csv:3: column count: the total of cell la=LA01, group=Total is not the sum", "\u{0}"),
            ("la,group,count\nLA01,G1,5\nLA01,G1,6\n", "leaves.csv:3: the cell la=LA01, group=G1 is also on line 2", "\u{0}"),
            ("la,count\nLA01,5\n", "has no column \"group\"", "\u{0}"),
        ]
        for (text, message, value) in cases {
            try ws.write("leaves.csv", text)
            let outcome = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "out.csv", "--report", "r.json"])
            #expect(outcome.status == 3, "\(message)")
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains(value))
            #expect(!ws.exists("out.csv") && !ws.exists("r.json"))
        }
        let usage = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "x.csv", "--report", "x.csv"])
        #expect(usage.status == 2)
    }
}
