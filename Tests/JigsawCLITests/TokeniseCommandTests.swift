import Foundation
import JigsawCrypto
import JigsawTokens
import Testing

/// `jigsaw tokenise`, `validate` and `key` end to end, through the built binary.
struct TokeniseCommandTests {
    static let key = ["--key", "example.key", "--allow-example-key"]
    /// The spec's token for the NHS test vector under the example secret (bytes 0x00…0x1f), empty context.
    static let specToken = "3faa2baff80a217ea7b8de0dcb7efaee247ca63708bf2c42fe3b1d7f9c671039"

    private func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func sameNumberGivesSameTokenAcrossFilesAndFormats() throws {
        let ws = try Workspace()
        try ws.write("health.csv", "health_id,nhs_number\nH1,\(Synthetic.nhsSpaced)\nH2,\(Synthetic.nhsOther)\n")
        try ws.write("council.csv", "child_id,nhs\nC1,\(Synthetic.nhsHyphen)\nC2,\(Synthetic.nhsPlain)\n")
        let a = try ws.run(["tokenise", "health.csv", "-o", "health-tokens.csv", "--column", "nhs_number=nhs-number"] + Self.key)
        let b = try ws.run(["tokenise", "council.csv", "-o", "council-tokens.csv", "--column", "nhs=nhs-number"] + Self.key)
        #expect(a.status == 0 && b.status == 0)
        let health = rows(try ws.read("health-tokens.csv"))
        let council = rows(try ws.read("council-tokens.csv"))
        #expect(health[0] == ["health_id", "nhs_number"])
        #expect(health[1][1].count == 64)
        #expect(health[1][1] == council[1][1])
        #expect(council[1][1] == council[2][1])
        #expect(health[2][1] != health[1][1])
        // The summary names key, fingerprint and context, and counts, but no identifier.
        #expect(a.stderr.contains("fingerprint e3397af0922ca74f"))
        #expect(a.stderr.contains("2 tokens"))
        #expect(a.stderr.contains("2 rows read"))
        #expect(!Synthetic.leaks(in: a.allOutput + b.allOutput))
        let written = try ws.read("health-tokens.csv") + ws.read("council-tokens.csv")
        #expect(!Synthetic.leaks(in: written))
    }

    @Test func matchesSpecVectorAndContextsSeparate() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "nhs\n943 476 5919\n")
        #expect(try ws.run(["tokenise", "in.csv", "-o", "plain.csv", "--column", "nhs=nhs-number"] + Self.key).status == 0)
        #expect(try ws.run(["tokenise", "in.csv", "-o", "ctx.csv", "--context", "send-linkage-2026", "--column", "nhs=nhs-number"] + Self.key).status == 0)
        #expect(try ws.read("plain.csv") == "nhs\n\(Self.specToken)\n")
        #expect(try ws.read("ctx.csv") == "nhs\nc21e6e9a98115fb1e3106ede8fa2626c0ba422bec52f1874171f81e708efe4a9\n")
    }

    @Test func passThroughIsByteForByte() throws {
        let ws = try Workspace()
        // BOM, CRLF, quoted fields with commas, quotes and a line break, an empty field, a blank line.
        let input = "\u{FEFF}id,nhs,note,upn\r\n1,\(Synthetic.nhsPlain),\"a, \"\"quoted\"\"\r\nnote\",\(Synthetic.upn)\r\n\r\n2,,,\(Synthetic.upnTemporary)\r\n"
        try ws.write("in.csv", input)
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--column", "nhs=nhs-number", "--column", "upn=upn"] + Self.key)
        #expect(outcome.status == 0)
        let output = try ws.read("out.csv")
        let token = try Self.specTokenFor(ws)
        #expect(output.hasPrefix("\u{FEFF}id,nhs,note,upn\r\n1,\(token)"))
        #expect(output.contains(",\"a, \"\"quoted\"\"\r\nnote\","))
        #expect(output.contains("\r\n\r\n2,,,"))
        #expect(output.hasSuffix("\r\n"))
        #expect(outcome.stderr.contains("1 temporary UPNs"))
    }

    /// The token of the first synthetic NHS number, computed in process with the library.
    static func specTokenFor(_ ws: Workspace) throws -> String {
        let key = try KeyFile.load(path: ws.path("example.key"), allowExample: true)
        let deriver = TokenDeriver(domain: "nhs-number", tokenSubkey: try DerivedKeys(key: key).subkey(.token))
        return deriver.token(for: Synthetic.nhsPlain).token!
    }

    @Test func standardInputAndOutput() throws {
        let ws = try Workspace()
        let outcome = try ws.run(["tokenise", "-", "-o", "-", "--column", "nhs=nhs-number"] + Self.key,
                                 stdin: Data("nhs\n\(Synthetic.nhsPlain)\n".utf8))
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "nhs\n\(try Self.specTokenFor(ws))\n")
        #expect(!Synthetic.leaks(in: outcome.stderr))
    }

    @Test func dropTabDelimiterAndShortTokens() throws {
        let ws = try Workspace()
        try ws.write("in.tsv", "id\tname\tnhs\n7\tAda Lovelace\t\(Synthetic.nhsPlain)\n")
        let outcome = try ws.run(["tokenise", "in.tsv", "-o", "out.tsv", "--delimiter", "tab", "--drop", "name",
                                  "--token-bytes", "16", "--column", "nhs=nhs-number"] + Self.key)
        #expect(outcome.status == 0)
        let full = try Self.specTokenFor(ws)
        #expect(try ws.read("out.tsv") == "id\tnhs\n7\t\(full.prefix(32))\n")
    }

    @Test func invalidValuePolicies() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs\n1,\(Synthetic.nhsPlain)\n2,\(Synthetic.nhsBad)\n3,\n4,1111111111\n")
        let blank = try ws.run(["tokenise", "in.csv", "-o", "blank.csv", "--column", "nhs=nhs-number"] + Self.key)
        #expect(blank.status == 0)
        let token = try Self.specTokenFor(ws)
        #expect(try ws.read("blank.csv") == "id,nhs\n1,\(token)\n2,\n3,\n4,\n")
        #expect(blank.stderr.contains("2 invalid [check-digit 1; placeholder 1]"))
        let drop = try ws.run(["tokenise", "in.csv", "-o", "drop.csv", "--on-invalid", "drop-row", "--column", "nhs=nhs-number"] + Self.key)
        #expect(drop.status == 0)
        #expect(try ws.read("drop.csv") == "id,nhs\n1,\(token)\n3,\n")
        #expect(drop.stderr.contains("2 dropped for invalid identifiers"))
        #expect(!Synthetic.leaks(in: blank.allOutput + drop.allOutput))
    }

    @Test func raggedPolicies() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs,x\n1,\(Synthetic.nhsPlain),a\n2\n3,\(Synthetic.nhsPlain),b,extra\n")
        let token = try Self.specTokenFor(ws)
        let dropped = try ws.run(["tokenise", "in.csv", "-o", "d.csv", "--on-ragged", "drop-row", "--column", "nhs=nhs-number"] + Self.key)
        #expect(dropped.status == 0)
        #expect(try ws.read("d.csv") == "id,nhs,x\n1,\(token),a\n")
        let kept = try ws.run(["tokenise", "in.csv", "-o", "k.csv", "--on-ragged", "keep", "--column", "nhs=nhs-number"] + Self.key)
        #expect(kept.status == 0)
        #expect(try ws.read("k.csv") == "id,nhs,x\n1,\(token),a\n2\n3,\(token),b,extra\n")
    }

    @Test func opaqueDomainsAndEnvironmentKey() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "child_id\n  LA-0001 \n\nLA-0002\n")
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--allow-example-key", "--column", "child_id=la-child-id"],
                                 environment: ["JIGSAW_KEY_FILE": ws.path("example.key")])
        #expect(outcome.status == 0)
        let key = try KeyFile.load(path: ws.path("example.key"), allowExample: true)
        let deriver = TokenDeriver(domain: "la-child-id", tokenSubkey: try DerivedKeys(key: key).subkey(.token))
        let expected = "child_id\n\(deriver.token(for: "LA-0001").token!)\n\n\(deriver.token(for: "LA-0002").token!)\n"
        #expect(try ws.read("out.csv") == expected)
    }

    /// A file spanning many chunks: every row's token equals the library's, in input order.
    @Test func manyChunksKeepOrderAndMatchLibrary() throws {
        let ws = try Workspace()
        var generator = SystemRandomNumberGenerator()
        var input = "row,nhs,note\n"
        var numbers: [String] = []
        for row in 0..<60_000 {
            // NHS test-range numbers with a valid check digit (some invalid by construction).
            let body = (0..<6).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let prefix = "999" + body
            let total = prefix.enumerated().reduce(0) { $0 + Int(String($1.element))! * (10 - $1.offset) }
            let check = (11 - total % 11) % 11
            let number = prefix + String(check == 10 ? 0 : check)
            numbers.append(number)
            let note = row % 7 == 0 ? "\"multi\nline, \"\"note\"\"\"" : "n\(row)"
            input += "\(row),\(number),\(note)\n"
        }
        try ws.write("in.csv", input)
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--quiet", "--column", "nhs=nhs-number"] + Self.key)
        #expect(outcome.status == 0)
        let key = try KeyFile.load(path: ws.path("example.key"), allowExample: true)
        let deriver = TokenDeriver(domain: "nhs-number", tokenSubkey: try DerivedKeys(key: key).subkey(.token))
        var expected = "row,nhs,note\n"
        for (row, number) in numbers.enumerated() {
            let note = row % 7 == 0 ? "\"multi\nline, \"\"note\"\"\"" : "n\(row)"
            expected += "\(row),\(deriver.token(for: number).token ?? ""),\(note)\n"
        }
        let output = try ws.read("out.csv")
        #expect(output.count == expected.count)
        #expect(output == expected)
    }

    /// A header and a record each longer than the reader's initial buffer (1 MiB).
    @Test func longHeaderAndLongRecord() throws {
        let ws = try Workspace()
        let longName = String(repeating: "h", count: 1_500_000)
        let longNote = String(repeating: "x,\"\"", count: 600_000)
        try ws.write("in.csv", "nhs,\(longName)\n\(Synthetic.nhsPlain),\"\(longNote)\"\n")
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--column", "nhs=nhs-number"] + Self.key)
        #expect(outcome.status == 0)
        let token = try Self.specTokenFor(ws)
        let output = try ws.read("out.csv")
        #expect(output == "nhs,\(longName)\n\(token),\"\(longNote)\"\n")
    }

    @Test func validateCountsAndReport() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs,upn\n1,\(Synthetic.nhsPlain),\(Synthetic.upn)\n2,\(Synthetic.nhsBad),\(Synthetic.upnTemporary)\n3,,\(Synthetic.upnBad)\n4,12345,\n")
        let outcome = try ws.run(["validate", "in.csv", "--column", "nhs=nhs-number", "--column", "upn=upn", "--report", "report.csv"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("column \"nhs\" (nhs-number): 4 rows, 1 valid, 2 invalid, 1 blank"))
        #expect(outcome.stdout.contains("check digit fails (check-digit): 1"))
        #expect(outcome.stdout.contains("wrong length (bad-length): 1"))
        #expect(outcome.stdout.contains("column \"upn\" (upn): 4 rows, 2 valid (1 temporary), 1 invalid, 1 blank"))
        #expect(try ws.read("report.csv") == "line,column,reason\n3,nhs,check-digit\n4,upn,check-letter\n5,nhs,bad-length\n")
        let report = try ws.read("report.csv")
        #expect(!Synthetic.leaks(in: outcome.allOutput + report))

        try ws.write("good.csv", "nhs\n\(Synthetic.nhsPlain)\n\n")
        let good = try ws.run(["validate", "good.csv", "--column", "nhs=nhs-number"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("1 valid, 0 invalid, 0 blank"))
    }

    @Test func keyNewAndFingerprint() throws {
        let ws = try Workspace()
        let made = try ws.run(["key", "new", "--id", "nhs-la-test", "-o", "real.key"])
        #expect(made.status == 0)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: ws.path("real.key"))[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let key = try KeyFile.load(path: ws.path("real.key"))
        #expect(key.id == "nhs-la-test")
        #expect(!key.isExample)
        let printed = try ws.run(["key", "fingerprint", "--key", "real.key"])
        #expect(printed.status == 0)
        let fingerprint = try DerivedKeys(key: key).fingerprint
        let contextFingerprint = try DerivedKeys(key: key, context: "cin-2025").fingerprint
        #expect(printed.stdout == fingerprint + "\n")
        #expect(made.stderr.contains(fingerprint))
        let context = try ws.run(["key", "fingerprint", "--key", "real.key", "--context", "cin-2025"])
        #expect(context.stdout == contextFingerprint + "\n")
        #expect(context.stdout != printed.stdout)
        let again = try ws.run(["key", "new", "--id", "other", "-o", "real.key"])
        #expect(again.status == 4)
        #expect(again.stderr.contains("already exists"))
        #expect(try KeyFile.load(path: ws.path("real.key")).secret.constantTimeEquals(key.secret))
        // Example keys: fingerprint allowed with a warning; spec vector fingerprint.
        let example = try ws.run(["key", "fingerprint", "--key", "example.key"])
        #expect(example.stdout == "e3397af0922ca74f\n")
        #expect(example.stderr.contains("EXAMPLE key"))
    }
}
