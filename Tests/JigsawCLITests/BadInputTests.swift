import Foundation
import Testing

/// Every bad-input case: a clear message naming file, line and column where they apply, a documented exit
/// status, no output left behind, and no raw identifier printed.
struct BadInputTests {
    static let tokeniseArgs = ["--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number", "--column", "upn=upn"]

    /// Runs tokenise on `input` (a file written into the workspace) and checks the common guarantees.
    private func expectFailure(
        _ input: String, named name: String = "in.csv", extra: [String] = [], status: Int32,
        mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let ws = try Workspace()
        try ws.write(name, input)
        let before = try ws.files()
        let outcome = try ws.run(["tokenise", name, "-o", "out.csv"] + Self.tokeniseArgs + extra)
        #expect(outcome.status == status, "exit status", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(outcome.stderr.contains(word), "stderr mentions \(word)", sourceLocation: sourceLocation)
        }
        #expect(!ws.exists("out.csv"), "no output file", sourceLocation: sourceLocation)
        #expect(try ws.files() == before, "no stray temporary file", sourceLocation: sourceLocation)
        #expect(!Synthetic.leaks(in: outcome.allOutput), "no raw identifier printed", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func missingInputFile() throws {
        let ws = try Workspace()
        let outcome = try ws.run(["tokenise", "absent.csv", "-o", "out.csv"] + Self.tokeniseArgs)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("absent.csv"))
        #expect(outcome.stderr.contains("no such file"))
        #expect(!ws.exists("out.csv"))
    }

    @Test func inputIsAFolder() throws {
        let ws = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path("folder.csv"), withIntermediateDirectories: false)
        let outcome = try ws.run(["tokenise", "folder.csv", "-o", "out.csv"] + Self.tokeniseArgs)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("folder.csv: is a folder"))
        #expect(!ws.exists("out.csv"))
    }

    @Test func headerWithoutNamedColumn() throws {
        try expectFailure("id,nhs_no,upn\n1,\(Synthetic.nhsPlain),\(Synthetic.upn)\n", status: 3,
                          mentions: ["in.csv:1", "has no column \"nhs\"", "3 fields", "header line"])
    }

    @Test func unterminatedQuote() throws {
        try expectFailure("id,nhs,upn\n1,\(Synthetic.nhsPlain),\(Synthetic.upn)\n2,\"\(Synthetic.nhsOther),\(Synthetic.upn)\n3,\(Synthetic.nhsPlain),\(Synthetic.upn)\n",
                          status: 3, mentions: ["in.csv:3", "column \"nhs\" (column 2)", "never closed"])
    }

    @Test func quoteInsideUnquotedField() throws {
        try expectFailure("id,nhs,upn\n1,99\"9,\(Synthetic.upn)\n", status: 3,
                          mentions: ["in.csv:2", "column \"nhs\" (column 2)", "quote inside an unquoted field"])
    }

    @Test func raggedRow() throws {
        try expectFailure("id,nhs,upn\n1,\(Synthetic.nhsPlain),\(Synthetic.upn)\n2,\(Synthetic.nhsOther)\n", status: 3,
                          mentions: ["in.csv:3", "2 fields but the header has 3", "--on-ragged"])
    }

    @Test func invalidUTF8InTokenisedColumn() throws {
        let ws = try Workspace()
        var bytes = Data("id,nhs,ref\n1,\(Synthetic.nhsPlain),ok\n2,\(Synthetic.nhsOther),bad".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Array("\n".utf8))
        try ws.write("in.csv", bytes)
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key",
                                  "--column", "nhs=nhs-number", "--column", "ref=la-ref"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("in.csv:3: column \"ref\" (column 3)"))
        #expect(outcome.stderr.contains("not valid UTF-8"))
        #expect(!ws.exists("out.csv"))
        #expect(!Synthetic.leaks(in: outcome.allOutput))
    }

    @Test func invalidUTF8InNHSColumn() throws {
        let ws = try Workspace()
        var bytes = Data("id,nhs\n1,999".utf8)
        bytes.append(contentsOf: [0xFF])
        bytes.append(contentsOf: Array("0000018\n".utf8))
        try ws.write("in.csv", bytes)
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("in.csv:2: column \"nhs\" (column 2)"))
        #expect(!ws.exists("out.csv"))
    }

    @Test func emptyFile() throws {
        try expectFailure("", status: 3, mentions: ["in.csv", "empty"])
    }

    @Test func blankFirstLine() throws {
        try expectFailure("\nid,nhs,upn\n", status: 3, mentions: ["in.csv:1", "blank"])
    }

    @Test func invalidIdentifierUnderFail() throws {
        try expectFailure("id,nhs,upn\n1,\(Synthetic.nhsPlain),\(Synthetic.upn)\n2,\(Synthetic.nhsBad),\(Synthetic.upn)\n",
                          extra: ["--on-invalid", "fail"], status: 1,
                          mentions: ["in.csv:3", "column \"nhs\" (column 2)", "check digit fails"])
    }

    struct KeyCase: CustomTestStringConvertible, Sendable {
        var label: String
        var json: String?
        var mode: Int = 0o600
        var allowExample = true
        var mentions: [String]
        var testDescription: String { label }
    }

    static let keyCases: [KeyCase] = [
        KeyCase(label: "missing key file", json: nil, mentions: ["bad.key", "no such key file"]),
        KeyCase(label: "malformed JSON", json: "{format", mentions: ["bad.key", "not valid JSON"]),
        KeyCase(label: "unknown field", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","colour":"red"}"#, mentions: ["bad.key", "unknown field \"colour\""]),
        KeyCase(label: "short secret", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODw=="}"#, mentions: ["bad.key", "16 bytes", "at least 32"]),
        KeyCase(label: "non-base64 secret", json: #"{"format":"jigsaw-key/1","id":"a","secret":"%%%%"}"#, mentions: ["bad.key", "not standard padded base64"]),
        KeyCase(label: "readable by others", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}"#, mode: 0o644, mentions: ["bad.key", "chmod 600"]),
        KeyCase(label: "example key without consent", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","example":true}"#, mode: 0o644, allowExample: false, mentions: ["bad.key", "--allow-example-key"]),
    ]

    @Test(arguments: keyCases)
    func badKeyFiles(_ item: KeyCase) throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs\n1,\(Synthetic.nhsPlain)\n")
        if let json = item.json { try ws.write("bad.key", json, mode: item.mode) }
        let before = try ws.files()
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--key", "bad.key", "--column", "nhs=nhs-number"]
                                 + (item.allowExample ? ["--allow-example-key"] : []))
        #expect(outcome.status == 4)
        for word in item.mentions { #expect(outcome.stderr.contains(word), "mentions \(word)") }
        #expect(!outcome.allOutput.contains("AAECAwQF"))
        #expect(!ws.exists("out.csv"))
        #expect(try ws.files() == before)
    }

    @Test func noKeyGiven() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs\n1,\(Synthetic.nhsPlain)\n")
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--column", "nhs=nhs-number"])
        #expect(outcome.status == 4)
        #expect(outcome.stderr.contains("JIGSAW_KEY_FILE"))
        #expect(!ws.exists("out.csv"))
    }

    @Test func secretOnCommandLineIsNotAnOption() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs\n1,\(Synthetic.nhsPlain)\n")
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--secret", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "--column", "nhs=nhs-number"])
        #expect(outcome.status == 2)
        #expect(!ws.exists("out.csv"))
    }

    @Test func existingOutputNeedsForce() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs\n1,\(Synthetic.nhsPlain)\n")
        try ws.write("out.csv", "precious\n")
        let refused = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("out.csv: already exists"))
        #expect(refused.stderr.contains("--force"))
        #expect(try ws.read("out.csv") == "precious\n")
        let forced = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--force", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number"])
        #expect(forced.status == 0)
        #expect(try ws.read("out.csv").hasPrefix("id,nhs\n1,"))
    }

    @Test func outputEqualToInputIsRefused() throws {
        let ws = try Workspace()
        let original = "id,nhs\n1,\(Synthetic.nhsPlain)\n"
        try ws.write("in.csv", original)
        let same = try ws.run(["tokenise", "in.csv", "-o", "in.csv", "--force", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number"])
        #expect(same.status == 3)
        #expect(same.stderr.contains("the output is the input file"))
        let aliased = try ws.run(["tokenise", "in.csv", "-o", "./in.csv", "--force", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number"])
        #expect(aliased.status == 3)
        #expect(aliased.stderr.contains("the output is the input file"))
        #expect(try ws.read("in.csv") == original)
        #expect(!Synthetic.leaks(in: same.allOutput + aliased.allOutput))
    }

    @Test func usageErrors() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "id,nhs\n1,\(Synthetic.nhsPlain)\n")
        for args in [
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key"],
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs"],
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=NHS"],
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number", "--token-bytes", "8"],
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number", "--on-invalid", "ignore"],
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number", "--delimiter", "x"],
            ["tokenise", "in.csv", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number", "--drop", "nhs"],
            ["validate", "in.csv", "--column", "nhs=child-id"],
        ] {
            let outcome = try ws.run(args)
            #expect(outcome.status == 2, "usage error for \(args.dropFirst(5).joined(separator: " "))")
            #expect(!ws.exists("out.csv"))
        }
    }

    /// A file without a header line: its first row is taken for the header, and none of its values may
    /// appear in the message about the missing column, nor as a column name in later errors.
    @Test func headerlessFileDoesNotEchoFirstRow() throws {
        try expectFailure("1,\(Synthetic.nhsPlain),\(Synthetic.upn)\n2,\(Synthetic.nhsOther),\(Synthetic.upn)\n", status: 3,
                          mentions: ["has no column \"nhs\"", "starts with a header line"])
        let ws = try Workspace()
        try ws.write("in.csv", "id,\(Synthetic.nhsPlain)\n1,\"open\n")
        let outcome = try ws.run(["tokenise", "in.csv", "-o", "out.csv", "--column", "id=child-id"] + Self.tokeniseArgs.prefix(3))
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("column 2"))
        #expect(!Synthetic.leaks(in: outcome.allOutput))
    }

    /// An interrupted run (SIGTERM, as from `kill` or a closed session) leaves no partial output.
    @Test func interruptedRunLeavesNothing() throws {
        let ws = try Workspace()
        let before = try ws.files()
        let process = Process()
        process.executableURL = JigsawProcess.binary
        process.arguments = ["tokenise", "-", "-o", "out.csv", "--key", "example.key", "--allow-example-key", "--column", "nhs=nhs-number"]
        process.currentDirectoryURL = ws.url
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Feed a header and some rows, then keep standard input open so the run is still going.
        input.fileHandleForWriting.write(Data("nhs\n\(Synthetic.nhsPlain)\n".utf8))
        var sawTemporary = false
        for _ in 0..<200 where !sawTemporary {
            usleep(10_000)
            sawTemporary = try ws.files().contains { $0.hasPrefix(".out.csv.jigsaw-") }
        }
        #expect(sawTemporary, "the run writes to a temporary file first")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(try ws.files() == before)
    }

    /// Names and postcodes in the first row of a headerless file are never printed either.
    @Test func headerlessNamesAreNotEchoed() throws {
        let ws = try Workspace()
        try ws.write("h.csv", "ZEBEDEE,QUIXOTE,F,ZZ9 9ZZ\nA\"B,C,M,ZZ1 1ZZ\n")
        let missing = try ws.run(["validate", "h.csv", "--column", "nhs=nhs-number"])
        let broken = try ws.run(["tokenise", "h.csv", "-o", "o.csv", "--column", "QUIXOTE=child-id"] + Self.tokeniseArgs.prefix(3))
        #expect(missing.status == 3)
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("column 1"))
        for value in ["ZEBEDEE", "ZZ9 9ZZ"] {
            #expect(!missing.allOutput.contains(value))
            #expect(!broken.allOutput.contains(value))
        }
    }

    /// Outputs never replace the key file, a device or a pipe.
    @Test func outputsNeverReplaceKeysOrSpecialFiles() throws {
        let ws = try Workspace()
        try ws.write("in.csv", "nhs\n\(Synthetic.nhsPlain)\n")
        let keyBefore = try ws.read("example.key")
        let overKey = try ws.run(["tokenise", "in.csv", "-o", "example.key", "--force", "--column", "nhs=nhs-number"] + Self.tokeniseArgs.prefix(3))
        #expect(overKey.status == 3)
        #expect(try ws.read("example.key") == keyBefore)
        #expect(mkfifo(ws.path("pipe"), 0o600) == 0)
        let overPipe = try ws.run(["tokenise", "in.csv", "-o", "pipe", "--force", "--column", "nhs=nhs-number"] + Self.tokeniseArgs.prefix(3))
        #expect(overPipe.status == 3)
        #expect(overPipe.stderr.contains("not a regular file"))
        var info = stat()
        #expect(stat(ws.path("pipe"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }
}
