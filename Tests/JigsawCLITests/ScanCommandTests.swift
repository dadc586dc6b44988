import Foundation
import Testing

/// `jigsaw scan` end to end, through the built binary: reports, exit statuses, and never a value.
struct ScanCommandTests {
    /// Raw identifiers planted in the files below, none of which may be printed.
    static let planted = [Synthetic.nhsPlain, Synthetic.nhsSpaced, Synthetic.upn, Synthetic.upnTemporary,
                          "LS6 2QD", "pat.doe@example.org", "020 7946 0018", "04/03/2015", "Olivia"]
    static let today = ["--reference-date", "2026-06-30"]

    private func leaks(_ text: String) -> Bool {
        Self.planted.contains { text.contains($0) } || Synthetic.leaks(in: text)
    }

    /// A shareable file of tokens and CLKs with one identifier of each kind planted.
    private func shareable(_ ws: Workspace) throws {
        let token = String(repeating: "3faa2baff80a217e", count: 4)
        let clk = "dSiLyI/ek5IWXz2MzKOn13maBLvpdc3GvzSjxCnpq329PEPA+hjoxeY6JpYKmutw41FsPZMfpgDsfTydcU6qFPU6WRwQk4hJrUUX0TrpGRlSlBxzme7wApZJlNAHMhbkYdRnr3dug30Rb+ytDpVxUIBI0TUtCrBlvCljQMkaAFk="
        var rows = ["child_id,nhs_number,upn,clk,forename,notes"]
        for i in 1...20 {
            var nhs = token, upn = token, forename = clk, notes = ""
            switch i {
            case 2: nhs = Synthetic.nhsPlain
            case 3: nhs = Synthetic.nhsSpaced
            case 4: upn = Synthetic.upn
            case 5: notes = "upn \(Synthetic.upnTemporary) moved to LS6 2QD"
            case 6: notes = "\"born 04/03/2015, mother pat.doe@example.org\""
            case 7: notes = "tel 020 7946 0018"
            case 8: forename = "Olivia"
            case 9: nhs = Synthetic.nhsBad
            case 10: upn = Synthetic.upnBad
            default: break
            }
            rows.append("C\(i),\(nhs),\(upn),\(clk),\(forename),\(notes)")
        }
        try ws.write("shareable.csv", rows.joined(separator: "\n") + "\n")
    }

    @Test func findsEachKindByColumnAndLineAndExitsOne() throws {
        let ws = try Workspace()
        try shareable(ws)
        let outcome = try ws.run(["scan", "shareable.csv"] + Self.today)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
            shareable.csv: 9 findings in 4 columns (csv, 20 rows)
              column "nhs_number" (2): nhs-number: 2 (lines 3, 4)
              column "upn" (3): upn: 1 (line 5)
              column "forename" (5): name: 1 (line 9)
              column "notes" (6): upn: 1 (line 6); postcode: 1 (line 6); date: 1 (line 7); email: 1 (line 7); phone: 1 (line 8)

            """)
        #expect(outcome.stderr.contains("jigsaw scan: 1 file, 20 rows or lines"))
        #expect(outcome.stderr.contains("9 findings (nhs-number 2, upn 2, postcode 1, date 1, email 1, phone 1, name 1) in 1 file"))
        #expect(!leaks(outcome.allOutput))
    }

    @Test func cleanFileExitsZero() throws {
        let ws = try Workspace()
        try shareable(ws)
        let clean = try ws.read("shareable.csv").split(separator: "\n").enumerated()
            .filter { ![2, 3, 4, 5, 6, 7, 8].contains($0.offset) }.map { String($0.element) }.joined(separator: "\n") + "\n"
        try ws.write("clean.csv", clean)
        let outcome = try ws.run(["scan", "clean.csv"] + Self.today)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "clean.csv: no findings (csv, 13 rows)\n")
        #expect(outcome.stderr.contains("no raw identifiers found\n"))
        #expect(outcome.stderr.hasSuffix("audit log: jigsaw-audit.jsonl, record 1\n"))
        let quiet = try ws.run(["scan", "clean.csv", "--quiet"] + Self.today)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test func allowSkipsColumnsAndWarnsAboutUnknownOnes() throws {
        let ws = try Workspace()
        try shareable(ws)
        let outcome = try ws.run(["scan", "shareable.csv", "--allow", "nhs_number", "--allow", "UPN", "--allow", "forename",
                                  "--allow", "notes", "--allow", "nhs-number"] + Self.today)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("allowed, not scanned: \"nhs_number\", \"UPN\", \"forename\", \"notes\""))
        #expect(outcome.stderr.contains("jigsaw: warning: --allow \"nhs-number\": no file scanned has a column of that name"))
    }

    @Test func jsonReport() throws {
        let ws = try Workspace()
        try shareable(ws)
        let outcome = try ws.run(["scan", "shareable.csv", "--format", "json", "--quiet"] + Self.today)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: outcome.stdoutBytes) as? [String: Any])
        #expect(json["findings"] as? Int == 9)
        #expect((json["by_kind"] as? [String: Int])?["nhs-number"] == 2)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files[0]["format"] as? String == "csv")
        #expect(files[0]["delimiter"] as? String == ",")
        let columns = try #require(files[0]["columns"] as? [[String: Any]])
        #expect(columns.map { $0["column"] as? String } == ["nhs_number", "upn", "forename", "notes"])
        let notes = try #require(columns[3]["findings"] as? [[String: Any]])
        #expect(notes.map { $0["kind"] as? String } == ["upn", "postcode", "date", "email", "phone"])
        #expect(notes[0]["lines"] as? [Int] == [6])
        #expect(!leaks(outcome.allOutput))
    }

    @Test func plainTextAndStandardInput() throws {
        let ws = try Workspace()
        try ws.write("letter.txt", "Dear parent,\nRe: \(Synthetic.nhsSpaced), LS6 2QD.\nCall 020 7946 0018.\n")
        let outcome = try ws.run(["scan", "letter.txt"] + Self.today)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "letter.txt: 3 findings in 1 column (text, 3 lines)\n  column -: nhs-number: 1 (line 2); postcode: 1 (line 2); phone: 1 (line 3)\n")
        let piped = try ws.run(["scan", "-", "--quiet"] + Self.today, stdin: Data("nothing\nat all \(Synthetic.nhsBad)\n".utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout == "-: no findings (text, 2 lines)\n")
        let pipedCSV = try ws.run(["scan", "-", "--delimiter", "comma", "--quiet"] + Self.today,
                                  stdin: Data("id,postcode\n1,LS6 2QD\n".utf8))
        #expect(pipedCSV.status == 1)
        #expect(pipedCSV.stdout == "-: 1 finding in 1 column (csv, 1 row)\n  column \"postcode\" (2): postcode: 1 (line 2)\n")
        // --delimiter reads any file as CSV; --text reads a .csv file as text.
        try ws.write("export.dat", "id\tpostcode\n1\tLS6 2QD\n")
        let tab = try ws.run(["scan", "export.dat", "--delimiter", "tab", "--quiet"] + Self.today)
        #expect(tab.stdout.contains("column \"postcode\" (2): postcode: 1 (line 2)"))
        try shareable(ws)
        let asText = try ws.run(["scan", "shareable.csv", "--text", "--quiet"] + Self.today)
        #expect(asText.stdout.hasPrefix("shareable.csv: 8 findings in 1 column (text, 21 lines)\n"))
        #expect(!leaks(outcome.allOutput + piped.allOutput + pipedCSV.allOutput + tab.allOutput + asText.allOutput))
    }

    @Test func unreadableInputsExitThreeAfterScanningTheRest() throws {
        let ws = try Workspace()
        try shareable(ws)
        try ws.write("bad.csv", "id,notes\n1,\(Synthetic.nhsPlain)\n2,x\"y\n")
        let outcome = try ws.run(["scan", "absent.csv", "bad.csv", "shareable.csv"] + Self.today)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("jigsaw: error: absent.csv: no such file; check the path"))
        #expect(outcome.stderr.contains("jigsaw: error: bad.csv:3: column \"notes\" (column 2): a quote inside an unquoted field"))
        #expect(outcome.stderr.contains("2 files could not be scanned and must not be sent as they are"))
        #expect(outcome.stdout.hasPrefix("shareable.csv: 9 findings"))
        #expect(!leaks(outcome.allOutput))
    }

    @Test(arguments: [
        (["scan"], "name at least one file"),
        (["scan", "a.csv", "--format", "xml"], "--format must be text or json"),
        (["scan", "a.csv", "--text", "--delimiter", "tab"], "cannot be used together"),
        (["scan", "a.csv", "--delimiter", "x"], "--delimiter must be"),
        (["scan", "a.csv", "--reference-date", "2026-02-30"], "--reference-date must be a real date"),
        (["scan", "-", "-"], "only once"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let ws = try Workspace()
        let outcome = try ws.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message))
    }

    @Test("files that are not UTF-8 text (UTF-16, gzip, zip) are refused with status 3, never reported clean")
    func binaryFilesRefused() throws {
        let ws = try Workspace()
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("NHS 943 476 5919\r\n".data(using: .utf16LittleEndian)!)
        try ws.write("export.txt", utf16)
        try ws.write("extract.csv.gz", Data([0x1F, 0x8B, 0x08, 0x00, 1, 2, 3]))
        try ws.write("book.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 9, 9, 9]))
        for name in ["export.txt", "extract.csv.gz", "book.xlsx"] {
            let outcome = try ws.run(["scan", name] + Self.today)
            #expect(outcome.status == 3, "\(name)")
            #expect(outcome.stderr.contains("\(name):1: is a"), "\(name)")
            #expect(outcome.stderr.contains("must not be treated as clean"), "\(name)")
        }
    }

    @Test("a CSV file without a header line names its columns by position, never by a first-row value")
    func headerlessColumnsByPosition() throws {
        let ws = try Workspace()
        try ws.write("noheader.csv", "H1000,Jane Smith,12 High Street Leeds,seen at clinic\nH1001,Ann Jones,4 Park Road LS6 2QD,mum phone 07700 900123\n")
        let outcome = try ws.run(["scan", "noheader.csv", "--format", "json"] + Self.today)
        #expect(outcome.status == 1)
        for value in ["Jane Smith", "High Street", "seen at clinic", "LS6 2QD", "07700"] { #expect(!outcome.allOutput.contains(value)) }
        #expect(outcome.stdout.contains("column 3"))
    }

    @Test("key=value text, abbreviated headers and D.O.B are caught")
    func moreFormats() throws {
        let ws = try Workspace()
        try ws.write("notes.txt", "note\nnhs_number=9434765919 and date_of_birth=2015-03-04\n")
        try ws.write("v.csv", "id,D.O.B,FNAME,LNAME,Name of child,Street\n1,20150304,Jane,Smith,Jane Smith,1 High St\n")
        let notes = try ws.run(["scan", "notes.txt"] + Self.today)
        #expect(notes.status == 1)
        #expect(notes.stdout.contains("nhs-number: 1 (line 2); date: 1 (line 2)"))
        let columns = try ws.run(["scan", "v.csv"] + Self.today)
        #expect(columns.status == 1)
        for expected in ["\"D.O.B\" (2): date", "\"FNAME\" (3): name", "\"LNAME\" (4): name", "\"Name of child\" (5): name", "\"Street\" (6): address"] {
            #expect(columns.stdout.contains(expected), "\(expected)")
        }
    }
}
