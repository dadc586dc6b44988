import Foundation
import Testing

/// `jigsaw audit-table` end to end: findings, exit statuses, output formats and bad input.
struct AuditTableCommandTests {
    static let hierarchy = #"{"la": {"England": {"R1": ["LA01", "LA02"], "R2": ["LA03"]}}, "group": {"Total": ["G1", "G2", "G3"]}}"#

    /// A table published naively under the NHS rule: G3 is zero everywhere but LA01 (3, shown as `*`), and
    /// the national figure is exact, so LA01's count (and its region's) can be worked out.
    static let nhsTable = """
    la,group,count
    England,Total,228
    England,G1,153
    England,G2,72
    England,G3,3
    R1,Total,150
    R1,G1,90
    R1,G2,55
    R1,G3,*
    LA01,Total,65
    LA01,G1,40
    LA01,G2,25
    LA01,G3,*
    LA02,Total,85
    LA02,G1,50
    LA02,G2,30
    LA02,G3,0
    R2,Total,80
    R2,G1,60
    R2,G2,20
    R2,G3,0
    LA03,Total,80
    LA03,G1,60
    LA03,G2,20
    LA03,G3,0

    """

    @Test func nhsSingleCouncilIsDisclosive() throws {
        let ws = try Workspace()
        try ws.write("h.json", Self.hierarchy)
        try ws.write("published.csv", Self.nhsTable)
        let outcome = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--preset", "nhs"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("DISCLOSIVE  la=LA01, group=G3  3 to 3"))
        #expect(outcome.stdout.contains("la=R1, group=G3"))
        #expect(outcome.stderr.contains("2 suppressed cells, 2 disclosive cells"))
        #expect(outcome.stderr.contains("\"*\" means 1–7"))
        let csv = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--preset", "nhs", "--format", "csv", "--quiet"])
        #expect(csv.status == 1)
        #expect(csv.stdout == "la,group,minimum,maximum,status\nR1,G3,3,3,disclosive\nLA01,G3,3,3,disclosive\n")
    }

    @Test func aProtectedTablePassesAndListsIntervalsOnRequest() throws {
        let ws = try Workspace()
        try ws.write("h.json", Self.hierarchy)
        // Hide LA01 and LA02 in G2 and G3 as well: a cycle, so nothing is pinned even with England exact.
        let table = Self.nhsTable.replacingOccurrences(of: "LA01,G2,25", with: "LA01,G2,*")
            .replacingOccurrences(of: "LA02,G3,0", with: "LA02,G3,*").replacingOccurrences(of: "LA02,G2,30", with: "LA02,G2,*")
            .replacingOccurrences(of: "R1,G2,55", with: "R1,G2,*")
        try ws.write("published.csv", table)
        // Without the NHS rule's 1–7 reading, "*" may hide any count (as with secondary suppression).
        let outcome = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--symbol", "*", "--round", "5",
                                  "--exact", "la=0", "--all"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("protected   la=LA01, group=G3"))
        #expect(!outcome.stdout.contains("DISCLOSIVE"))
        #expect(outcome.stderr.contains("0 disclosive cells"))
    }

    @Test func badInputIsNamedAndUsageIsChecked() throws {
        let ws = try Workspace()
        try ws.write("h.json", Self.hierarchy)
        try ws.write("unknown.csv", "la,group,count\nLA09,G1,5\n")
        let unknown = try ws.run(["audit-table", "unknown.csv", "--hierarchy", "h.json"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("unknown.csv:2: column la: the code \"LA09\" is not in the hierarchy"))
        try ws.write("dup.json", #"{"la": {"England": {"R1": ["LA01"], "R2": ["LA01"]}}}"#)
        let duplicate = try ws.run(["audit-table", "unknown.csv", "--hierarchy", "dup.json"])
        #expect(duplicate.status == 3)
        #expect(duplicate.stderr.contains("is used twice"))
        try ws.write("bad.csv", "la,group,count\nLA01,G1,-4\n")
        let negative = try ws.run(["audit-table", "bad.csv", "--hierarchy", "h.json"])
        #expect(negative.status == 3 && negative.stderr.contains("bad.csv:2: column count:") && !negative.stderr.contains("-4"))
        let usage = try ws.run(["audit-table", "unknown.csv", "--hierarchy", "h.json", "--rule", "7-1"])
        #expect(usage.status == 2)
        let missing = try ws.run(["audit-table", "unknown.csv", "--hierarchy", "nowhere.json"])
        #expect(missing.status == 3)
        try ws.write("inconsistent.csv", "la,group,count\nLA01,Total,10\nLA01,G1,4\nLA01,G2,4\nLA01,G3,4\n")
        let inconsistent = try ws.run(["audit-table", "inconsistent.csv", "--hierarchy", "h.json"])
        #expect(inconsistent.status == 3 && inconsistent.stderr.contains("la=LA01, group=Total"))
    }
}
