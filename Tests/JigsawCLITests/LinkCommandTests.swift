import Foundation
import Testing

/// `jigsaw link` end to end on files made by `jigsaw encode`.
struct LinkCommandTests {
    static let key = ["--key", "example.key", "--allow-example-key"]
    static let schema = #"""
    {"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF"}},
     "features": [
       {"identifier": "id", "ignored": true},
       {"identifier": "forename", "format": {"type": "string"}, "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 20}}},
       {"identifier": "surname", "format": {"type": "string"}, "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 20}}},
       {"identifier": "dob", "format": {"type": "date", "format": "%Y-%m-%d"}, "hashing": {"comparison": {"type": "ngram", "n": 1, "positional": true}, "strategy": {"bitsPerToken": 15}}}
     ]}
    """#

    /// Encodes a council-like and a health-like file: two share an NHS number, one pair differs only by a
    /// typing error (found by Dice), one record on each side has no partner.
    private func encodedPair() throws -> Workspace {
        let ws = try Workspace()
        try ws.write("schema.json", Self.schema)
        try ws.write("council.csv", """
        id,nhs,forename,surname,dob,send
        C1,\(Synthetic.nhsPlain),Amelia,Testchild,2014-03-07,K
        C2,,Oliver,Examplename,2013-11-30,E
        C3,,Zara,Unmatched,2012-01-01,

        """)
        try ws.write("health.csv", """
        id,nhs,forename,surname,dob,camhs
        H1,\(Synthetic.nhsSpaced),Amelia,Testchild,2014-03-07,1
        H2,,Olivr,Examplename,2013-11-30,0
        H3,\(Synthetic.nhsOther),Noah,Different,2011-05-05,1

        """)
        for (name, keep) in [("council", "send"), ("health", "camhs")] {
            let outcome = try ws.run(["encode", "\(name).csv", "-o", "\(name)-enc.csv", "--schema", "schema.json", "--keep", "id",
                                      "--keep", keep, "--column", "nhs=nhs-number", "--quiet"] + Self.key)
            #expect(outcome.status == 0)
        }
        return ws
    }

    @Test func exactThenFuzzyOneToOne() throws {
        let ws = try encodedPair()
        let outcome = try ws.run(["link", "--left", "council-enc.csv", "--right", "health-enc.csv", "-o", "links.csv",
                                  "--token", "nhs", "--threshold", "0.8", "--carry-left", "send", "--carry-right", "camhs",
                                  "--unmatched", "unmatched.csv"])
        #expect(outcome.status == 0)
        let lines = try ws.read("links.csv").split(separator: "\n").map(String.init)
        #expect(lines[0] == "left_id,right_id,stage,similarity,send,camhs")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("C1,H1,exact:nhs,1.0,K,1"))
        #expect(lines[2].hasPrefix("C2,H2,fuzzy,0."))
        #expect(lines[2].hasSuffix(",E,0"))
        #expect(try ws.read("unmatched.csv") == "side,id\nleft,C3\nright,H3\n")
        #expect(outcome.stderr.contains("exact:nhs: 1 match"))
        #expect(outcome.stderr.contains("fuzzy: 1 match"))
        #expect(!Synthetic.leaks(in: outcome.allOutput))
    }

    @Test func refusesMismatchedSchemasAndBadCLKs() throws {
        let ws = try encodedPair()
        try ws.write("other.json", Self.schema.replacingOccurrences(of: #""bitsPerToken": 15"#, with: #""bitsPerToken": 16"#))
        #expect(try ws.run(["encode", "health.csv", "-o", "health-other.csv", "--schema", "other.json", "--keep", "id", "--quiet"] + Self.key).status == 0)
        let mismatch = try ws.run(["link", "--left", "council-enc.csv", "--right", "health-other.csv", "-o", "links.csv"])
        #expect(mismatch.status == 3)
        #expect(mismatch.stderr.contains("different schemas"))
        #expect(!ws.exists("links.csv"))

        var broken = try ws.read("health-enc.csv").split(separator: "\n").map(String.init)
        var fields = broken[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[3] = "not base64!"
        broken[2] = fields.joined(separator: ",")
        try ws.write("broken.csv", broken.joined(separator: "\n") + "\n")
        let bad = try ws.run(["link", "--left", "council-enc.csv", "--right", "broken.csv", "-o", "links.csv"])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("broken.csv:3: column \"clk\" (column 4): the CLK is not standard base64"))

        var duplicated = try ws.read("health-enc.csv")
        duplicated += duplicated.split(separator: "\n")[1] + "\n"
        try ws.write("dup.csv", duplicated)
        let dup = try ws.run(["link", "--left", "council-enc.csv", "--right", "dup.csv", "-o", "links.csv"])
        #expect(dup.status == 3)
        #expect(dup.stderr.contains("dup.csv:5"))
        #expect(dup.stderr.contains("also appears on line 2"))

        let missing = try ws.run(["link", "--left", "council-enc.csv", "--right", "health-enc.csv", "-o", "links.csv", "--token", "upn"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("has no column \"upn\""))
        #expect(!ws.exists("links.csv"))
    }
}
