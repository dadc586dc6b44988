import Foundation
import Testing

/// `jigsaw aggregate` end to end: links in, leaves and hierarchy out, accepted by `suppress` and passed by
/// `audit-table`; refuses bad input by file, line and column without printing values.
struct AggregateCommandTests {
    /// A links file as `jigsaw link --carry-left … --carry-right …` writes it: 1,200 children in six councils
    /// of three regions, with flags spread so that some cells are small, and one child linked twice.
    static func links() -> String {
        let councils = [("E09000001", "London"), ("E09000033", "London"), ("E08000003", "North West"),
                        ("E06000008", "North West"), ("E06000022", "South West"),
                        ("E06000023", "South West")]
        var text = "left_id,right_id,stage,similarity,council,region,send,child_in_need,looked_after,free_school_meals,camhs,community_services,ae_attendance\n"
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ n: UInt64) -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state % n
        }
        func flag(_ percent: UInt64) -> String { next(100) < percent ? "1" : "0" }
        for child in 0..<1200 {
            let (council, region) = councils[Int(next(UInt64(councils.count)))]
            let send = ["", "", "", "K", "E"][Int(next(5))]
            text += "C\(child),H\(child),exact:nhs_number,,\(council),\(region),\(send),\(flag(8)),\(flag(3)),\(flag(20)),\(flag(10)),\(flag(25)),\(flag(30))\n"
        }
        text += "C7,H9007,fuzzy,0.91,E09000001,London,,0,1,0,0,0,0\n"
        return text
    }

    @Test func aggregateThenSuppressThenAuditTablePasses() throws {
        let ws = try Workspace()
        try ws.write("links.csv", Self.links())
        let outcome = try ws.run(["aggregate", "links.csv", "--by", "council,group,service", "-o", "leaves.csv", "--hierarchy-output", "h.json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("jigsaw aggregate: 1,200 children counted from 1,201 rows"))
        #expect(outcome.stderr.contains("1 row repeated a child id already counted: each child is counted once"))
        #expect(outcome.stderr.contains("council: 6 leaves (councils in 3 regions)"))
        #expect(outcome.stderr.contains("group: 5 leaves in priority order: looked_after, child_in_need, send, free_school_meals, none"))
        #expect(outcome.stderr.contains("120 leaf cells (council × group × service)"))
        let leaves = try ws.read("leaves.csv").split(separator: "\n")
        #expect(leaves.first == "council,group,service,count" && leaves.count == 121)
        #expect(leaves[1].hasPrefix("E09000001,looked_after,camhs,"), "London first, its councils by code")
        #expect(leaves.dropFirst().reduce(0) { $0 + Int($1.split(separator: ",").last!)! } == 1200)
        let hierarchy = try ws.read("h.json")
        #expect(hierarchy.contains(#""London": ["E09000001", "E09000033"]"#) && hierarchy.contains(#""All services": ["camhs""#))
        #expect(try ws.files() == ["example.key", "links.csv", "leaves.csv", "h.json"])

        let suppress = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "published.csv", "--report", "report.json", "--preset", "dfe-cin"])
        #expect(suppress.status == 0, "\(suppress.stderr)")
        #expect(try ws.read("published.csv").hasPrefix("council,group,service,count\nEngland,All children,All services,"))
        let audit = try ws.run(["audit-table", "published.csv", "--hierarchy", "h.json", "--preset", "dfe-cin"])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
    }

    @Test func outputsAreAtomicAndReplacedOnlyWithForce() throws {
        let ws = try Workspace()
        try ws.write("links.csv", Self.links())
        try ws.write("leaves.csv", "keep me\n")
        let refused = try ws.run(["aggregate", "links.csv", "--by", "group", "-o", "leaves.csv", "--hierarchy-output", "h.json"])
        #expect(refused.status == 3)
        #expect(try ws.read("leaves.csv") == "keep me\n" && !ws.exists("h.json"))
        let forced = try ws.run(["aggregate", "links.csv", "--by", "group", "-o", "leaves.csv", "--hierarchy-output", "h.json", "--force", "--quiet"])
        #expect(forced.status == 0 && forced.stderr.isEmpty)
        #expect(try ws.read("leaves.csv").hasPrefix("group,count\nlooked_after,"))
        #expect(try ws.files() == ["example.key", "links.csv", "leaves.csv", "h.json"])
        let intoInput = try ws.run(["aggregate", "links.csv", "--by", "group", "-o", "links.csv", "--hierarchy-output", "x.json", "--force"])
        #expect(intoInput.status == 2)
    }

    @Test func groupOverridesAndTabDelimitedInput() throws {
        let ws = try Workspace()
        try ws.write("links.tsv", "left_id\tcla\tfsm\nA\tyes\tY\nB\tno\ttrue\nC\t\t\n")
        let outcome = try ws.run(["aggregate", "links.tsv", "--by", "group", "--group", "cla=cla", "--group", "fsm=fsm",
                                  "-o", "-", "--hierarchy-output", "h.json", "--delimiter", "tab", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "group,count\ncla,1\nfsm,1\nnone,1\n")
        #expect(try ws.read("h.json") == "{\n  \"group\": {\"All children\": [\"cla\", \"fsm\", \"none\"]}\n}\n")
    }

    @Test func badInputNamesFileLineAndColumnNeverTheValue() throws {
        let ws = try Workspace()
        try ws.write("links.csv", "left_id,camhs,community_services,ae_attendance\n\(Synthetic.nhsPlain),1,0,0\nX2,\(Synthetic.upn),0,0\n")
        let outcome = try ws.run(["aggregate", "links.csv", "--by", "service", "-o", "leaves.csv", "--hierarchy-output", "h.json"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("links.csv:3: column camhs") || outcome.stderr.contains("links.csv:3: column \"camhs\""), "\(outcome.stderr)")
        #expect(!Synthetic.leaks(in: outcome.allOutput))
        #expect(!ws.exists("leaves.csv") && !ws.exists("h.json"))

        let missing = try ws.run(["aggregate", "links.csv", "--by", "council", "-o", "leaves.csv", "--hierarchy-output", "h.json"])
        #expect(missing.status == 3 && missing.stderr.contains("links.csv") && missing.stderr.contains("\"council\""))

        let usage = try ws.run(["aggregate", "links.csv", "--by", "council,ward", "-o", "leaves.csv", "--hierarchy-output", "h.json"])
        #expect(usage.status == 2)
        let groupWithoutDimension = try ws.run(["aggregate", "links.csv", "--by", "service", "--group", "a=b", "-o", "l.csv", "--hierarchy-output", "h.json"])
        #expect(groupWithoutDimension.status == 2)
    }

    @Test func theRunIsRecordedInTheAuditLog() throws {
        let ws = try Workspace()
        try ws.write("links.csv", Self.links())
        let outcome = try ws.run(["aggregate", "links.csv", "--by", "council,group", "-o", "leaves.csv", "--hierarchy-output", "h.json", "--quiet"],
                                 environment: ["JIGSAW_AUDIT_LOG": ws.path("audit.jsonl")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let log = try ws.read("audit.jsonl")
        #expect(log.contains("\"command\":\"aggregate\"") || log.contains("\"command\": \"aggregate\""))
        #expect(log.contains("\"children\":1200") || log.contains("\"children\": 1200"))
        #expect(log.contains("\"kind\":\"hierarchy\"") || log.contains("\"kind\": \"hierarchy\""))
        let verify = try ws.run(["audit", "verify", "audit.jsonl"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}

/// Ids used as council codes, headerless files and unknown SEND codes are refused, never echoed.
struct AggregateGuardTests {
    @Test func identifyingCodesAndUnknownValuesAreRefused() throws {
        let ws = try Workspace()
        try ws.write("links.csv", "left_id,council,region,nhs,send\nC1,LA1,R1,9434765919,\nC2,LA1,R1,4010232137,K\n")
        let ids = try ws.run(["aggregate", "links.csv", "--by", "council", "--council-column", "nhs", "-o", "a.csv", "--hierarchy-output", "a.json"])
        #expect(ids.status == 2)
        #expect(!ids.allOutput.contains("9434765919"))
        #expect(!ws.exists("a.csv") && !ws.exists("a.json"))
        #expect(try ws.run(["aggregate", "links.csv", "--by", "council", "--council-column", "left_id", "-o", "b.csv", "--hierarchy-output", "b.json"]).status == 2)
        try ws.write("noheader.csv", "9434765919,Smith,LA1,R1\n4010232137,Jones,LA1,R1\n")
        let headerless = try ws.run(["aggregate", "noheader.csv", "--by", "council", "-o", "c.csv", "--hierarchy-output", "c.json"])
        #expect(headerless.status == 3)
        #expect(!headerless.allOutput.contains("9434765919") && !headerless.allOutput.contains("Smith"))
        try ws.write("none.csv", "left_id,council,region,send,looked_after,child_in_need,free_school_meals\nC1,LA1,R1,None,0,0,0\n")
        let none = try ws.run(["aggregate", "none.csv", "--by", "group", "-o", "d.csv", "--hierarchy-output", "d.json"])
        #expect(none.status == 3, "\"None\" is refused rather than read as SEND")
        #expect(try ws.run(["aggregate", "links.csv", "--by", "group", "--group", "a=send", "--group", "b=send", "-o", "e.csv", "--hierarchy-output", "e.json"]).status == 2)
    }
}
