import Foundation
import JigsawCrypto
import Testing

/// `jigsaw audit report` end to end: formats, safe writing, broken logs, usage errors.
struct AuditReportCommandTests {
    /// A three-run log (tokenise, link, a failed evaluate), each line written by hand as the log format
    /// specifies: the canonical JSON body (keys sorted, no spaces), then its SHA-256 as `"hash"`, chained
    /// through `"prev"`.
    static func writeLog(in ws: Workspace) throws -> String {
        let extract = try ws.write("extract.csv", "nhs_number\n9990000018\n")
        let tokens = try ws.write("tokens.csv", "nhs_number\nabc\n")
        let links = try ws.write("links.csv", "left_id,right_id\n1,2\n")
        func file(_ path: String, rows: Int) throws -> String {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            return #"{"path":"\#(path)","rows":\#(rows),"sha256":"\#(Hex.encode(SHA256Digest.hash(bytes)))","size":\#(bytes.count)}"#
        }
        let runs: [(command: String, inputs: [String], outputs: [String], counts: String, error: String?)] = [
            ("tokenise", [try file(extract, rows: 1)], [try file(tokens, rows: 1)], #"{"invalid":{"check-digit":0},"rows":1,"tokens":1}"#, nil),
            ("link", [try file(tokens, rows: 1)], [try file(links, rows: 1)], #"{"links":1}"#, nil),
            ("evaluate", [try file(links, rows: 1)], [], "{}", "csv.bad-header"),
        ]
        var log = ""
        var previous = String(repeating: "0", count: 64)
        for (i, run) in runs.enumerated() {
            let key = run.command == "tokenise" ? #"{"context":"send","example":false,"fingerprint":"0123456789abcdef","id":"k1"}"# : "null"
            let body = #"{"arguments":[],"command":"\#(run.command)","counts":\#(run.counts),"cwd":"\#(ws.url.path)","error":\#(run.error.map { "\"\($0)\"" } ?? "null"),"host":"ig-laptop","inputs":[\#(run.inputs.joined(separator: ","))],"key":\#(key),"outcome":"\#(run.error == nil ? "success" : "failure")","outputs":[\#(run.outputs.joined(separator: ","))],"prev":"\#(previous)","schema":null,"seq":\#(i + 1),"time":"2026-11-25T10:0\#(i):00.000Z","tool":"jigsaw","user":"analyst","version":"0.1.0","warnings":[]}"#
            previous = Hex.encode(SHA256Digest.hash(Array(body.utf8)))
            log += String(body.dropLast()) + #","hash":"\#(previous)"}"# + "\n"
        }
        return try ws.write("jigsaw-audit.jsonl", log)
    }

    @Test func writesHTMLAndMarkdownByExtension() throws {
        let ws = try Workspace()
        _ = try Self.writeLog(in: ws)
        let html = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.isEmpty)
        #expect(html.stderr == "jigsaw audit report: 3 runs, log intact, 1 warning; wrote report.html\n")
        let page = try ws.read("report.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(page.contains("The log verifies"))
        #expect(page.contains("<svg class=\"lineage\""))
        #expect(!page.contains("<script"))
        let markdown = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.md", "--quiet"])
        #expect(markdown.status == 0 && markdown.stderr.isEmpty, "\(markdown.stderr)")
        let text = try ws.read("report.md")
        #expect(text.hasPrefix("# Jigsaw audit report\n"))
        #expect(text.contains("- **Run failed:** run 3 (evaluate) failed with error csv.bad-header"))
        #expect(try ws.files() == ["example.key", "extract.csv", "tokens.csv", "links.csv", "report.html", "report.md"])
        // --format wins over the extension, and - writes to standard output.
        let forced = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "-", "--format", "markdown", "--quiet"])
        #expect(forced.status == 0)
        #expect(forced.stdout.hasPrefix("# Jigsaw audit report\n"))
    }

    @Test func sameLogSameBytesWithSourceDateEpoch() throws {
        let ws = try Workspace()
        _ = try Self.writeLog(in: ws)
        let environment = ["SOURCE_DATE_EPOCH": "1764064800"]
        for name in ["a.html", "b.html"] {
            #expect(try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", name, "--check-files"], environment: environment).status == 0)
        }
        #expect(try ws.read("a.html") == ws.read("b.html"))
        #expect(try ws.read("a.html").contains("Report made</dt><dd>2025-11-25T10:00:00Z"))
    }

    @Test func neverOverwritesWithoutForceAndNeverTheLog() throws {
        let ws = try Workspace()
        let log = try Self.writeLog(in: ws)
        let original = try ws.read("jigsaw-audit.jsonl")
        try ws.write("report.html", "keep me")
        let refused = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.html"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("report.html: already exists; choose another path or pass --force to replace it"))
        #expect(try ws.read("report.html") == "keep me")
        let forced = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.html", "--force"])
        #expect(forced.status == 0)
        #expect(try ws.read("report.html").hasPrefix("<!DOCTYPE html>"))
        // The log itself, under another name, is refused even with --force.
        try FileManager.default.createSymbolicLink(atPath: ws.path("log.md"), withDestinationPath: log)
        let itself = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "log.md", "--force"])
        #expect(itself.status == 3)
        #expect(itself.stderr.contains("the output is the input file"))
        #expect(try ws.read("jigsaw-audit.jsonl") == original)
        #expect(try ws.files().allSatisfy { !$0.contains(".jigsaw-") }, "no temporary file left")
    }

    @Test func aBrokenLogIsReportedWithStatusZeroAndAWarning() throws {
        let ws = try Workspace()
        _ = try Self.writeLog(in: ws)
        let edited = try ws.read("jigsaw-audit.jsonl").replacingOccurrences(of: #""links":1"#, with: #""links":9"#)
        try ws.write("jigsaw-audit.jsonl", edited)
        let outcome = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.html"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.hasPrefix("jigsaw: warning: jigsaw-audit.jsonl does not verify: 1 problem, the first: record 2 (line 2) has been altered"))
        #expect(try ws.read("report.html").contains("The log does NOT verify"))
        // Outputs changed since: reported with --check-files.
        try ws.write("links.csv", "left_id,right_id\n1,3\n")
        let checked = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "checked.md", "--check-files"])
        #expect(checked.status == 0)
        #expect(try ws.read("checked.md").contains("links.csv has changed since record 2 (line 2) wrote it"))
    }

    @Test func signaturesAreCheckedWithAPublicKey() throws {
        let ws = try Workspace()
        _ = try Self.writeLog(in: ws)
        try ws.write("audit.pub", Data(try Ed25519SigningKey.generate().publicKey.pem()))
        let outcome = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.md", "--public-key", "audit.pub"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("does not verify: 3 problems, the first: record 1 (line 1) is not signed"))
        #expect(try ws.read("report.md").contains("checked against the public key given: 3 records unsigned or not validly signed"))
    }

    @Test func usageAndInputErrors() throws {
        let ws = try Workspace()
        _ = try Self.writeLog(in: ws)
        let unknown = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "report.pdf"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("cannot tell the report's format from \"report.pdf\""))
        #expect(try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "r.html", "--format", "pdf"]).status == 2)
        #expect(try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "-"]).status == 2)
        #expect(try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "r.html", "--anchor", "abc"]).status == 2)
        let missing = try ws.run(["audit", "report", "nope.jsonl", "-o", "r.html"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("nope.jsonl: cannot open the audit log"))
        #expect(!ws.exists("r.html"))
        try ws.write("bad.pub", "not a key")
        let badKey = try ws.run(["audit", "report", "jigsaw-audit.jsonl", "-o", "r.html", "--public-key", "bad.pub"])
        #expect(badKey.status == 3)
        #expect(badKey.stderr.contains("bad.pub: is not a PEM public key"))
        #expect(try ws.files().allSatisfy { !$0.contains(".jigsaw-") })
    }
}
