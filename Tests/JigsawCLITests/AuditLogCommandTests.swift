import Foundation
import Synchronization
import Testing

/// The run log as users meet it: every command appends, failures are recorded, the log can be moved or
/// turned off, a torn log stops work, and `audit verify` catches each kind of tampering.
struct AuditLogCommandTests {
    private static let key = ["--key", "example.key", "--allow-example-key"]
    private static let extract = "id,nhs_number\nr1,943 476 5919\nr2,401 023 2137\nr3,1234567890\n"

    /// The log's records as JSON objects.
    private func records(_ ws: Workspace, _ name: String = "jigsaw-audit.jsonl") throws -> [[String: Any]] {
        try ws.read(name).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("tokenise records its input, output, key fingerprint (and that it is an example), counts; never a value")
    func tokeniseRecord() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        let run = try ws.run(["tokenise", "extract.csv", "-o", "out.csv", "--column", "nhs_number=nhs-number"] + Self.key)
        #expect(run.status == 0)
        #expect(run.stderr.contains("audit log: jigsaw-audit.jsonl, record 1"))
        let record = try #require(try records(ws).first)
        #expect(record["seq"] as? Int == 1)
        #expect(record["command"] as? String == "tokenise")
        #expect(record["outcome"] as? String == "success")
        let key = try #require(record["key"] as? [String: Any])
        #expect(key["id"] as? String == "cli-test-example")
        #expect(key["example"] as? Bool == true)
        #expect((key["fingerprint"] as? String)?.count == 16)
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        let outputs = try #require(record["outputs"] as? [[String: Any]])
        #expect(inputs.first?["path"] as? String == ws.path("extract.csv"))
        #expect(inputs.first?["rows"] as? Int == 3)
        #expect(outputs.first?["path"] as? String == ws.path("out.csv"))
        #expect((outputs.first?["sha256"] as? String)?.count == 64)
        let counts = try #require(record["counts"] as? [String: Any])
        let column = try #require((counts["columns"] as? [String: Any])?["nhs_number"] as? [String: Any])
        #expect(column["valid"] as? Int == 2)
        #expect(column["invalid"] as? Int == 1)
        #expect((column["invalid_by_reason"] as? [String: Any])?["check-digit"] as? Int == 1)
        let log = try ws.read("jigsaw-audit.jsonl")
        for value in ["9434765919", "943 476 5919", "4010232137", "1234567890"] { #expect(!log.contains(value)) }
        #expect(!log.contains("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), "the secret never reaches the log")
    }

    @Test("scan records the files it read and its findings by kind, never a value")
    func scanRecorded() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        #expect(try ws.run(["scan", "extract.csv", "--quiet"]).status == 1)
        let record = try #require(try records(ws).first)
        #expect(record["command"] as? String == "scan")
        #expect(record["outcome"] as? String == "findings")
        let counts = try #require(record["counts"] as? [String: Any])
        #expect(counts["findings"] as? Int == 2)
        #expect((counts["by_kind"] as? [String: Any])?["nhs-number"] as? Int == 2)
        #expect((record["inputs"] as? [[String: Any]])?.first?["rows"] as? Int == 3)
        let log = try ws.read("jigsaw-audit.jsonl")
        for value in ["9434765919", "943 476 5919", "4010232137"] { #expect(!log.contains(value)) }
    }

    @Test("a failed run is recorded with its error code and no outputs")
    func failureRecorded() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        try ws.write("out.csv", "already here\n")
        let run = try ws.run(["tokenise", "extract.csv", "-o", "out.csv", "--column", "nhs_number=nhs-number"] + Self.key)
        #expect(run.status == 3)
        let record = try #require(try records(ws).first)
        #expect(record["outcome"] as? String == "failure")
        #expect(record["error"] as? String == "csv.output-exists")
        #expect((record["outputs"] as? [Any])?.isEmpty == true)
    }

    @Test("validate with invalid identifiers is recorded as findings")
    func findingsRecorded() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        #expect(try ws.run(["validate", "extract.csv", "--column", "nhs_number=nhs-number"]).status == 1)
        let record = try #require(try records(ws).first)
        #expect(record["command"] as? String == "validate")
        #expect(record["outcome"] as? String == "findings")
        #expect(record["error"] is NSNull)
    }

    @Test("--audit-log and JIGSAW_AUDIT_LOG choose the log; --no-audit-log writes none and says so")
    func choosingTheLog() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        let arguments = ["tokenise", "extract.csv", "--column", "nhs_number=nhs-number"] + Self.key
        #expect(try ws.run(arguments + ["-o", "a.csv", "--audit-log", "chosen.jsonl"]).status == 0)
        #expect(try ws.run(arguments + ["-o", "b.csv"], environment: ["JIGSAW_AUDIT_LOG": ws.path("env.jsonl")]).status == 0)
        let off = try ws.run(arguments + ["-o", "c.csv", "--no-audit-log"])
        #expect(off.status == 0)
        #expect(off.stderr.contains("--no-audit-log: this run of `jigsaw tokenise` is not recorded"))
        #expect(try records(ws, "chosen.jsonl").count == 1)
        #expect(try records(ws, "env.jsonl").count == 1)
        #expect(!ws.exists("jigsaw-audit.jsonl"))
        #expect(try ws.run(arguments + ["-o", "d.csv", "--no-audit-log", "--audit-log", "x.jsonl"]).status == 2)
    }

    @Test("the log cannot be an output, and an empty --audit-log is refused before any work")
    func logIsNotAnOutput() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        let arguments = ["tokenise", "extract.csv", "--column", "nhs_number=nhs-number"] + Self.key
        #expect(try ws.run(arguments + ["-o", "a.csv", "--audit-log", "log.jsonl"]).status == 0)
        let clash = try ws.run(arguments + ["-o", "log.jsonl", "--force", "--audit-log", "log.jsonl"])
        #expect(clash.status == 2)
        #expect(try records(ws, "log.jsonl").count == 1)
        let empty = try ws.run(arguments + ["-o", "b.csv", "--audit-log", ""])
        #expect(empty.status == 2)
        #expect(!ws.exists("b.csv"))
    }

    @Test("an input read from a pipe is recorded as a pipe, without a false digest")
    func pipeInput() throws {
        let ws = try Workspace()
        let run = try ws.run(["validate", "/dev/stdin", "--column", "nhs_number=nhs-number"], stdin: Data(Self.extract.utf8))
        #expect(run.status == 1)
        let input = try #require((try records(ws).first?["inputs"] as? [[String: Any]])?.first)
        #expect(input["kind"] as? String == "pipe or device")
        #expect(input["sha256"] is NSNull)
        #expect(input["rows"] as? Int == 3)
    }

    @Test("separate processes appending to one log at once never interleave and keep one chain")
    func concurrentProcesses() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        let statuses = Mutex<[Int32]>([])
        let folder = ws.url
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let arguments = ["tokenise", "extract.csv", "-o", "out\(i).csv", "--column", "nhs_number=nhs-number", "--quiet"] + Self.key
            let status = (try? JigsawProcess.run(arguments, in: folder).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == [Int32](repeating: 0, count: 8))
        let run = try verify(ws)
        #expect(run.status == 0, "\(run.allOutput)")
        #expect(try records(ws).map { $0["seq"] as? Int } == Array(1...8))
    }

    @Test("the default log sits beside the output")
    func besideTheOutput() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        try FileManager.default.createDirectory(atPath: ws.path("share"), withIntermediateDirectories: true)
        #expect(try ws.run(["tokenise", "extract.csv", "-o", "share/out.csv", "--column", "nhs_number=nhs-number"] + Self.key).status == 0)
        #expect(ws.exists("share/jigsaw-audit.jsonl"))
        #expect(!ws.exists("jigsaw-audit.jsonl"))
    }

    @Test("a torn log stops the command before any work and is left as it was")
    func tornLogStops() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        let arguments = ["tokenise", "extract.csv", "--column", "nhs_number=nhs-number"] + Self.key
        #expect(try ws.run(arguments + ["-o", "a.csv"]).status == 0)
        let torn = String(try ws.read("jigsaw-audit.jsonl").dropLast(25))
        try ws.write("jigsaw-audit.jsonl", torn)
        let run = try ws.run(arguments + ["-o", "b.csv"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("last line is incomplete"))
        #expect(!ws.exists("b.csv"))
        #expect(try ws.read("jigsaw-audit.jsonl") == torn)
    }

    /// A workspace whose log has five records over four outputs.
    private func loggedWorkspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        for name in ["a", "b", "c", "d"] {
            #expect(try ws.run(["tokenise", "extract.csv", "-o", "\(name).csv", "--column", "nhs_number=nhs-number", "--quiet"] + Self.key).status == 0)
        }
        #expect(try ws.run(["validate", "a.csv", "--column", "id=upn"]).status != 0)
        return ws
    }

    private func verify(_ ws: Workspace, _ extra: [String] = []) throws -> JigsawProcess.Outcome {
        try ws.run(["audit", "verify", "jigsaw-audit.jsonl"] + extra)
    }

    @Test("audit verify passes an untouched log and prints its head")
    func verifyIntact() throws {
        let ws = try loggedWorkspace()
        let run = try verify(ws, ["--check-files"])
        #expect(run.status == 0, "\(run.allOutput)")
        #expect(run.stdout.contains("5 records"))
        #expect(run.stdout.contains("4 files re-hashed: 4 unchanged"))
        #expect(run.stdout.contains("head: record 5, hash "))
    }

    @Test("audit verify catches an edited byte, naming the record")
    func verifyEditedByte() throws {
        let ws = try loggedWorkspace()
        var lines = try ws.read("jigsaw-audit.jsonl").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"rows_read\":3", with: "\"rows_read\":4")
        try ws.write("jigsaw-audit.jsonl", lines.joined(separator: "\n"))
        let run = try verify(ws)
        #expect(run.status == 1)
        #expect(run.stderr.contains("record 3 (line 3) has been altered"))
    }

    @Test("audit verify catches a deleted record")
    func verifyDeleted() throws {
        let ws = try loggedWorkspace()
        var lines = try ws.read("jigsaw-audit.jsonl").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.remove(at: 1)
        try ws.write("jigsaw-audit.jsonl", lines.joined(separator: "\n"))
        let run = try verify(ws)
        #expect(run.status == 1)
        #expect(run.stderr.contains("record 3 (line 2) should be record 2"))
    }

    @Test("audit verify catches two swapped records")
    func verifySwapped() throws {
        let ws = try loggedWorkspace()
        var lines = try ws.read("jigsaw-audit.jsonl").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.swapAt(2, 3)
        try ws.write("jigsaw-audit.jsonl", lines.joined(separator: "\n"))
        let run = try verify(ws)
        #expect(run.status == 1)
        #expect(run.stderr.contains("record 4 (line 3) should be record 3"))
    }

    @Test("audit verify catches a truncated last line")
    func verifyTruncated() throws {
        let ws = try loggedWorkspace()
        try ws.write("jigsaw-audit.jsonl", String(try ws.read("jigsaw-audit.jsonl").dropLast(10)))
        let run = try verify(ws)
        #expect(run.status == 1)
        #expect(run.stderr.contains("line 5 is incomplete"))
    }

    @Test("audit verify --check-files catches an output replaced after the run")
    func verifyReplacedFile() throws {
        let ws = try loggedWorkspace()
        #expect(try verify(ws).status == 0, "without --check-files the chain alone is checked")
        try ws.write("c.csv", "id,nhs_number\nr1,0000000000\n")
        let run = try verify(ws, ["--check-files"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("c.csv has changed since record 3"))
    }

    @Test("audit verify --anchor catches records removed from the end")
    func verifyAnchor() throws {
        let ws = try loggedWorkspace()
        let head = try #require(try verify(ws).stdout.firstMatch(of: /hash ([0-9a-f]{64})/)).1
        var lines = try ws.read("jigsaw-audit.jsonl").split(separator: "\n").map(String.init)
        lines.removeLast()
        try ws.write("jigsaw-audit.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try verify(ws).status == 0)
        let run = try verify(ws, ["--anchor", String(head)])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no record has the hash"))
    }

    @Test("signed logs: keygen, sign every record, verify with the public key; a wholesale rewrite fails")
    func signedLog() throws {
        let ws = try Workspace()
        try ws.write("extract.csv", Self.extract)
        let keygen = try ws.run(["audit", "keygen", "-o", "signing.pem", "--audit-log", "keys.jsonl"])
        #expect(keygen.status == 0, "\(keygen.allOutput)")
        // keygen signs its own record with the key it makes, so a log it starts verifies against that key.
        #expect(try ws.run(["audit", "verify", "keys.jsonl", "--public-key", "signing.pub.pem"]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: ws.path("signing.pem"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try ws.read("signing.pub.pem").hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(try ws.run(["audit", "keygen", "-o", "signing.pem", "--audit-log", "keys.jsonl"]).status == 3, "never overwrites a key")
        for name in ["a", "b"] {
            let run = try ws.run(["tokenise", "extract.csv", "-o", "\(name).csv", "--column", "nhs_number=nhs-number"] + Self.key,
                                 environment: ["JIGSAW_AUDIT_SIGNING_KEY": ws.path("signing.pem")])
            #expect(run.stderr.contains("(signed)"))
        }
        let good = try verify(ws, ["--public-key", "signing.pub.pem"])
        #expect(good.status == 0, "\(good.allOutput)")
        #expect(good.stdout.contains("all 2 records signed by key"))
        #expect(try verify(ws).stdout.contains("NOT checked"))
        // Someone without the key drops the signatures and recomputes every hash: the chain holds, the signatures do not.
        let stripped = try ws.read("jigsaw-audit.jsonl").split(separator: "\n").map { line -> String in
            String(line.replacing(/,"signature":"[^"]*"/, with: ""))
        }
        try ws.write("jigsaw-audit.jsonl", stripped.joined(separator: "\n") + "\n")
        #expect(try verify(ws, ["--public-key", "signing.pub.pem"]).status == 1)
        // An over-exposed signing key is refused before any work.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: ws.path("signing.pem"))
        let exposed = try ws.run(["tokenise", "extract.csv", "-o", "c.csv", "--column", "nhs_number=nhs-number", "--audit-signing-key", "signing.pem"] + Self.key)
        #expect(exposed.status == 3)
        #expect(exposed.stderr.contains("chmod 600"))
        #expect(!ws.exists("c.csv"))
    }
}
