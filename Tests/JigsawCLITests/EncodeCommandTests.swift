import Foundation
import JigsawBloom
import JigsawCrypto
import JigsawTokens
import Testing

/// `jigsaw encode` and `jigsaw schema` end to end, through the built binary.
struct EncodeCommandTests {
    static let key = ["--key", "example.key", "--allow-example-key"]

    /// A clkhash schema over synthetic name/date/postcode columns.
    static let schema = #"""
    {"version": 3,
     "clkConfig": {"l": 1024, "kdf": {"type": "HKDF", "hash": "SHA256", "keySize": 64}},
     "features": [
       {"identifier": "child_id", "ignored": true},
       {"identifier": "forename", "format": {"type": "string", "maxLength": 40},
        "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 15}}},
       {"identifier": "dob", "format": {"type": "date", "format": "%Y-%m-%d"},
        "hashing": {"comparison": {"type": "ngram", "n": 1, "positional": true}, "strategy": {"bitsPerToken": 10}}},
       {"identifier": "postcode", "format": {"type": "string"},
        "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 15}, "missingValue": {"sentinel": ""}}}
     ]}
    """#

    static let extract = """
    child_id,nhs,forename,dob,postcode,flag
    C1,\(Synthetic.nhsPlain),Amelia,2014-03-07,LS1 4AP,1
    C2,,"Oliver, Jr",2013-11-30,,0
    C3,\(Synthetic.nhsOther),Isla,2014-02-30,BD7 1DP,1

    """

    private func workspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.write("schema.json", Self.schema)
        try ws.write("in.csv", Self.extract)
        return ws
    }

    @Test func onePassKeepsTokensAndCLKsOnly() throws {
        let ws = try workspace()
        let outcome = try ws.run(["encode", "in.csv", "-o", "out.csv", "--schema", "schema.json", "--keep", "child_id", "--keep", "flag",
                                  "--column", "nhs=nhs-number", "--report", "invalid.csv"] + Self.key)
        #expect(outcome.status == 0)
        let lines = try ws.read("out.csv").split(separator: "\n").map(String.init)
        #expect(lines[0] == "child_id,nhs,flag,clk,clk_schema")
        #expect(lines.count == 4)
        let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[0] == "C1")
        #expect(fields[1].count == 64)
        #expect(fields[2] == "1")
        #expect(Data(base64Encoded: fields[3])?.count == 128)
        // Raw quasi-identifiers never pass through; the schema fingerprint is on every row.
        let output = try ws.read("out.csv")
        for raw in ["Amelia", "Oliver", "Isla", "LS1 4AP", "2014-03-07"] { #expect(!output.contains(raw)) }
        let fingerprint = try LinkageSchemaParser.parse(Array(Self.schema.utf8)).fingerprint
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("," + fingerprint) })
        // The invalid date is counted and reported by line, never by value.
        #expect(outcome.stderr.contains("feature \"dob\": 2 present, 0 missing, 1 invalid [bad-date 1]"))
        #expect(try ws.read("invalid.csv") == "line,feature,reason\n4,dob,bad-date\n")
        #expect(!Synthetic.leaks(in: outcome.allOutput))
        #expect(!outcome.allOutput.contains("2014-02-30"))
    }

    @Test func clkMatchesTheLibraryWithTheKeysClkSubkey() throws {
        let ws = try workspace()
        let outcome = try ws.run(["encode", "in.csv", "-o", "out.json", "--schema", "schema.json", "--format", "anonlink", "--quiet"] + Self.key)
        #expect(outcome.status == 0)
        struct Document: Decodable { var clks: [String]; var schema_fingerprint: String }
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url.appendingPathComponent("out.json")))
        #expect(document.clks.count == 3)
        let schema = try LinkageSchemaParser.parse(Array(Self.schema.utf8))
        let key = try KeyFile.load(path: ws.path("example.key"), allowExample: true)
        let encoder = try ClkEncoder(schema: schema, keys: try FeatureKeys(secret: try DerivedKeys(key: key).subkey(.clk), schema: schema))
        #expect(try encoder.encodeBase64(["C1", "Amelia", "2014-03-07", "LS1 4AP"]).clk == document.clks[0])
        #expect(document.schema_fingerprint == schema.fingerprint)
    }

    @Test func clkhashSecretFileAndOnInvalidPolicies() throws {
        let ws = try workspace()
        try ws.write("secret.txt", "correct horse battery staple\n", mode: 0o600)
        let dropped = try ws.run(["encode", "in.csv", "-o", "d.csv", "--schema", "schema.json", "--clkhash-secret-file", "secret.txt",
                                  "--keep", "child_id", "--on-invalid", "drop-row"])
        #expect(dropped.status == 0)
        #expect(try ws.read("d.csv").split(separator: "\n").count == 3)
        let failed = try ws.run(["encode", "in.csv", "-o", "f.csv", "--schema", "schema.json", "--clkhash-secret-file", "secret.txt",
                                 "--on-invalid", "fail"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("in.csv:4: column \"dob\" (column 4): invalid value for feature \"dob\" (bad-date)"))
        #expect(!ws.exists("f.csv"))
        try ws.write("open.txt", "s", mode: 0o644)
        let exposed = try ws.run(["encode", "in.csv", "-o", "o.csv", "--schema", "schema.json", "--clkhash-secret-file", "open.txt"])
        #expect(exposed.status == 4)
        #expect(exposed.stderr.contains("chmod 600"))
    }

    @Test func schemaErrorsAndMissingColumns() throws {
        let ws = try workspace()
        try ws.write("bad.json", Self.schema.replacingOccurrences(of: #""l": 1024"#, with: #""l": 1000"#))
        let bad = try ws.run(["encode", "in.csv", "-o", "o.csv", "--schema", "bad.json"] + Self.key)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("bad.json: $.features[1].hashing: blakeHash needs a CLK length that is a power of two"))
        try ws.write("other.csv", "child_id,name,dob,postcode\nC1,Amelia,2014-03-07,LS1 4AP\n")
        let missing = try ws.run(["encode", "other.csv", "-o", "o.csv", "--schema", "schema.json"] + Self.key)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("feature \"forename\" reads column \"forename\""))
        #expect(!ws.exists("o.csv"))
        #expect(!missing.allOutput.contains("Amelia"))
    }

    @Test func describeAndSchemaCommands() throws {
        let ws = try workspace()
        let described = try ws.run(["encode", "in.csv", "-o", "o.csv", "--schema", "schema.json", "--describe"] + Self.key)
        #expect(described.status == 0)
        #expect(described.stderr.contains("popcount of the CLKs"))
        #expect(described.stderr.contains("missing values by feature:"))
        #expect(described.stderr.contains("postcode: 33.3%"))
        let printed = try ws.run(["schema", "fingerprint", "schema.json"])
        #expect(printed.stdout == (try LinkageSchemaParser.parse(Array(Self.schema.utf8)).fingerprint) + "\n")
        let initial = try ws.run(["schema", "init"])
        #expect(initial.status == 0)
        #expect(try LinkageSchemaParser.parse(Array(initial.stdout.utf8)).profile != nil)
        let checked = try ws.run(["schema", "check", "schema.json"])
        #expect(checked.stdout.contains("child_id: ignored"))
    }

    @Test func profileEncodesFromNamedColumns() throws {
        let ws = try Workspace()
        let profile = DefaultSchemas.childrensProfile
            .replacingOccurrences(of: "nhs-stated-gender", with: "school-census")
            .replacingOccurrences(of: #""column": "date_of_birth""#, with: #""column": "dob""#)
        try ws.write("profile.json", profile)
        try ws.write("in.csv", "id,forename,surname,dob,sex,postcode\n1,Amelia,Smith-Jones,2014-03-07,F,LS1 4AP\n2,Unknown,Smith,2014-02-30,Q,ZZ99 3VZ\n")
        let outcome = try ws.run(["encode", "in.csv", "-o", "o.csv", "--schema", "profile.json", "--keep", "id"] + Self.key)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("feature \"date_of_birth\": 1 present, 0 missing, 1 invalid [impossible-date 1]"))
        #expect(outcome.stderr.contains("feature \"sex\": 1 present, 0 missing, 1 invalid [unknown-code 1]"))
        #expect(outcome.stderr.contains("feature \"forename\": 1 present, 1 missing, 0 invalid"))
        #expect(!outcome.allOutput.contains("Smith"))
    }

    @Test func anonlinkJSONStaysValidWithBlankLinesAndShortRowsKeepTheirColumns() throws {
        let ws = try workspace()
        try ws.write("blank.csv", "child_id,forename,dob,postcode\n\nC1,Amelia,2014-03-07,LS1 4AP\n\nC2,Isla,2014-02-01,BD7 1DP\n")
        let json = try ws.run(["encode", "blank.csv", "-o", "b.json", "--schema", "schema.json", "--format", "anonlink", "--quiet"] + Self.key)
        #expect(json.status == 0)
        struct Document: Decodable { var clks: [String] }
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url.appendingPathComponent("b.json")))
        #expect(document.clks.count == 2)
        try ws.write("short.csv", "child_id,forename,dob,postcode,flag\nC1,Amelia,2014-03-07,LS1 4AP,1\nC2,Isla\n")
        let short = try ws.run(["encode", "short.csv", "-o", "s.csv", "--schema", "schema.json", "--keep", "child_id", "--keep", "flag",
                                "--on-ragged", "keep", "--quiet"] + Self.key)
        #expect(short.status == 0)
        let rows = try ws.read("s.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.allSatisfy { $0.count == 4 })
        #expect(rows[2][1] == "")
    }

    @Test func hugeNumbersAreInvalidNotACrash() throws {
        let ws = try Workspace()
        try ws.write("schema.json", #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"n","format":{"type":"string"},"hashing":{"comparison":{"type":"numeric","thresholdDistance":5,"resolution":2},"strategy":{"bitsPerToken":5}}}]}"#)
        try ws.write("in.csv", "n\n4611686018427387904\n1e300\n42\n")
        let outcome = try ws.run(["encode", "in.csv", "-o", "o.csv", "--schema", "schema.json"] + Self.key)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("feature \"n\": 1 present, 0 missing, 2 invalid [not-number 2]"))
    }

    @Test func reportCannotBeTheOutput() throws {
        let ws = try workspace()
        let outcome = try ws.run(["encode", "in.csv", "-o", "same.csv", "--report", "same.csv", "--schema", "schema.json"] + Self.key)
        #expect(outcome.status == 2)
        #expect(!ws.exists("same.csv"))
    }
}
