import Foundation
import Testing
import JigsawIdentifiers
@testable import JigsawAudit

/// The leak scanner: what it finds, what it must never flag, and what it reports.
///
/// Test names and failure messages describe cases by kind and note, never by value.
@Suite("Leak scanner")
struct ScanTests {
    // MARK: - Patterns, against an independent implementation

    @Test("every fixture case is found as its expected kind, alone, in a CSV field and in a sentence")
    func fixtureCases() async throws {
        let fixture = try IdentifierFixture.load()
        let scanner = LeakScanner(options: ScanOptions(referenceDate: try #require(ScanDate(iso: fixture.reference_date))))
        for (index, item) in fixture.cases.enumerated() {
            let expected = item.expected.map { [ScanKind(rawValue: $0)!] } ?? []
            let label = "case \(index) (\(item.kind), \(item.note))"
            #expect(scanner.kinds(in: item.text) == expected, "\(label): alone")
            #expect(scanner.kinds(in: "Seen (\(item.text)); then \(item.text)\tend.") == expected + expected, "\(label): in text")
            #expect(scanner.kinds(in: "x,\"\(item.text)\",y") == expected, "\(label): quoted CSV field")
        }
    }

    @Test("postcodes agree with PostcodeNormaliser on every outward and inward shape")
    func postcodesAgreeWithNormaliser() {
        let scanner = LeakScanner.fixed()
        let normaliser = PostcodeNormaliser()
        var random = ScanRandom(seed: 7)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), digits = Array("0123456789")
        let shapes = ["A9", "A99", "A9A", "AA9", "AA99", "AA9A", "AAA", "9A9", "A"]
        var checked = 0
        for shape in shapes {
            for _ in 0..<400 {
                var outward = ""
                for c in shape { outward.append(c == "A" ? letters.randomElement(using: &random)! : digits.randomElement(using: &random)!) }
                let inward = String(digits.randomElement(using: &random)!) + String(letters.randomElement(using: &random)!)
                    + String(letters.randomElement(using: &random)!)
                let spaced = outward + " " + inward
                let expected: [ScanKind]
                if case .value = normaliser.normalise(spaced) { expected = [.postcode] } else { expected = [] }
                #expect(scanner.kinds(in: spaced) == expected, "shape \(shape) spaced")
                #expect(scanner.kinds(in: outward + inward) == expected, "shape \(shape) compact")
                #expect(scanner.kinds(in: spaced.lowercased()) == expected, "shape \(shape) lower case")
                checked += 1
            }
        }
        #expect(checked == 3_600)
        // Mixed case is what base64 looks like, not how people write postcodes.
        #expect(scanner.kinds(in: "Ls1 4aP").isEmpty)
    }

    @Test("boundaries: not inside longer runs, not glued by base64 separators, decimals")
    func boundaries() {
        let scanner = LeakScanner.fixed()
        let nhs = SyntheticIdentifier.nhsNumber(4242)
        #expect(scanner.kinds(in: nhs) == [.nhsNumber])
        #expect(scanner.kinds(in: "7" + nhs).isEmpty, "a longer digit run")
        #expect(scanner.kinds(in: nhs + "a").isEmpty, "followed by a letter")
        #expect(scanner.kinds(in: "/\(nhs)/").isEmpty, "between slashes, as in base64")
        #expect(scanner.kinds(in: "+\(nhs)=").isEmpty, "between + and =")
        #expect(scanner.kinds(in: "nhs_\(nhs)").isEmpty, "after an underscore")
        #expect(scanner.kinds(in: "\(nhs)@example.org") == [.email], "the local part of an address is the address")
        #expect(scanner.kinds(in: "0.\(nhs)").isEmpty, "the fraction of a decimal")
        #expect(scanner.kinds(in: "\(nhs).0") == [.nhsNumber], "a spreadsheet's decimal")
        #expect(scanner.kinds(in: "\(nhs).25").isEmpty, "a decimal with a fraction")
        #expect(scanner.kinds(in: "ref-\(nhs);") == [.nhsNumber])
        #expect(scanner.kinds(in: "nhs=\(nhs)&dob=2015-03-04") == [.nhsNumber, .date])
        #expect(scanner.kinds(in: "\u{FEFF}\(nhs)") == [.nhsNumber], "after a byte-order mark")
        // A match ending at a hyphen must not run on into an opaque token.
        #expect(scanner.kinds(in: "x \(nhs)-AbCdEfGhIjKlMnOpQrStUv").isEmpty)
        #expect(scanner.kinds(in: "x \(nhs)-2") == [.nhsNumber])
        // Placeholders pass modulus 11 but mean "unknown".
        #expect(scanner.kinds(in: "9999999999 0000000000").isEmpty)
    }

    @Test("YYYYMMDD counts only in a column whose header says it holds dates")
    func compactDates() async throws {
        let folder = try TemporaryFolder()
        // Without quotes the chunk is scanned whole; with them, field by field: the same rule either way.
        for quote in ["", "\""] {
            let path = try folder.write("id,DateOfBirth,ref\nA,\(quote)20150304\(quote),20150304\nB,20151304,19990101\n", to: "dates.csv")
            let report = try await LeakScanner.fixed().scan(path: path)
            #expect(report.finding(.date, in: "DateOfBirth") == ScanFinding(kind: .date, count: 1, lines: [2]))
            #expect(report.columns.count == 1)
        }
        #expect(LeakScanner.fixed().kinds(in: "20150304").isEmpty)
    }

    @Test("dates in the future or more than 120 years back are not dates of birth")
    func dateWindow() {
        let scanner = LeakScanner.fixed()
        #expect(scanner.kinds(in: "30/06/2026") == [.date])
        #expect(scanner.kinds(in: "31/07/2026").isEmpty)
        #expect(scanner.kinds(in: "01/07/2026") == [.date], "1 July is to come, but 7 January, read month first, is past")
        #expect(scanner.kinds(in: "1906-06-30") == [.date])
        #expect(scanner.kinds(in: "1906-06-29").isEmpty)
        #expect(scanner.kinds(in: "29 Feb 2012, 3rd Sept 2019") == [.date, .date])
        #expect(scanner.kinds(in: "29 Feb 2013").isEmpty)
    }

    // MARK: - Headers

    @Test("headers naming people's names", arguments: [
        "forename", "Surname", "FIRST_NAME", "First Name", "first-name", "FirstName", "given_names", "family name",
        "middle_name", "full_name", "name", "Name", "child_name", "Patient Name", "MotherName", "preferred_name", "forename_2",
    ])
    func nameHeaders(header: String) {
        #expect(ColumnHeading(header).kind == .name)
    }

    @Test("headers naming addresses", arguments: ["address", "Address Line 1", "home_address", "ADDRESS_2", "addr1", "postal-address"])
    func addressHeaders(header: String) {
        #expect(ColumnHeading(header).kind == .address)
    }

    @Test("headers that are neither", arguments: [
        "school_name", "la_name", "file_name", "nhs_number", "email_address", "ip_address", "clk", "notes", "child_id", "username",
    ])
    func otherHeaders(header: String) {
        #expect(ColumnHeading(header).kind == nil)
    }

    @Test("date headers", arguments: [("dob", true), ("DateOfBirth", true), ("date_of_birth", true), ("referral_date", true),
                                      ("AdmissionDate", true), ("birth", true), ("candidate_id", false), ("notes", false),
                                      ("updated", false)])
    func dateHeaders(header: String, holdsDates: Bool) {
        #expect(ColumnHeading(header).holdsDates == holdsDates)
    }

    // MARK: - Files

    /// A tokenised extract of `rows` rows with identifiers planted on known lines; returns the path.
    private func plantedExtract(in folder: TemporaryFolder, rows: Int) throws -> (String, [String]) {
        var random = ScanRandom(seed: 2026)
        var text = "child_id,nhs_number,upn,clk,forename,notes\n"
        var planted: [String] = []
        for row in 0..<rows {
            let line = row + 2
            var nhs = random.token()
            let upn = random.token()
            let clk = random.clk(128)
            var forename = random.clk(64)
            var notes = ""
            switch line {
            case 10: nhs = SyntheticIdentifier.nhsNumber(1); planted.append(nhs)
            case 20: nhs = SyntheticIdentifier.grouped(SyntheticIdentifier.nhsNumber(2), " "); planted.append(nhs)
            case 30: nhs = SyntheticIdentifier.grouped(SyntheticIdentifier.nhsNumber(3), "-"); planted.append(nhs)
            case 40: nhs = SyntheticIdentifier.brokenNHSNumber(4)
            case 50: notes = "UPN \(SyntheticIdentifier.upn(5)) and \(SyntheticIdentifier.upn(6, temporary: true))"
                planted += [SyntheticIdentifier.upn(5), SyntheticIdentifier.upn(6, temporary: true)]
            case 60: notes = "UPN \(SyntheticIdentifier.brokenUPN(7))"
            case 70: notes = "\"moved from LS6 2QD to bd18 3le\""; planted += ["LS6 2QD", "bd18 3le"]
            case 80: notes = "\"dob 04/03/2015 (or 2015-03-04, 4 March 2015)\""; planted += ["04/03/2015", "2015-03-04", "4 March 2015"]
            case 90: notes = "pat.doe@example.org"; planted.append("pat.doe@example.org")
            case 100: notes = "\"call (020) 7946 0018, +44 7700 900123\""; planted += ["(020) 7946 0018", "+44 7700 900123"]
            case 110: forename = "Olivia"; planted.append("Olivia")
            case 120: forename = ""
            case 130: forename = "NULL"
            default: break
            }
            text += "R\(row),\(nhs),\(upn),\(clk),\(forename),\(notes)\n"
        }
        return (try folder.write(text, to: "extract.csv"), planted)
    }

    @Test("planted identifiers of every kind in a tokenised file: right columns, kinds, counts and lines")
    func plantedInTokenisedFile() async throws {
        let folder = try TemporaryFolder()
        let (path, planted) = try plantedExtract(in: folder, rows: 3_000)
        let report = try await LeakScanner.fixed().scan(path: path)
        #expect(report.rows == 3_000)
        #expect(report.format == .csv(delimiter: UInt8(ascii: ",")))
        #expect(report.finding(.nhsNumber, in: "nhs_number") == ScanFinding(kind: .nhsNumber, count: 3, lines: [10, 20, 30]))
        #expect(report.finding(.upn, in: "notes") == ScanFinding(kind: .upn, count: 2, lines: [50]))
        #expect(report.finding(.postcode, in: "notes") == ScanFinding(kind: .postcode, count: 2, lines: [70]))
        #expect(report.finding(.date, in: "notes") == ScanFinding(kind: .date, count: 3, lines: [80]))
        #expect(report.finding(.email, in: "notes") == ScanFinding(kind: .email, count: 1, lines: [90]))
        #expect(report.finding(.phone, in: "notes") == ScanFinding(kind: .phone, count: 2, lines: [100]))
        // The forename column holds encoded names (opaque tokens), one real name, a blank and a null marker.
        #expect(report.finding(.name, in: "forename") == ScanFinding(kind: .name, count: 1, lines: [110]))
        #expect(report.columns.map(\.name) == ["nhs_number", "forename", "notes"])
        #expect(report.columns.map(\.position) == [2, 5, 6])
        #expect(report.findingCount == 14)

        let full = ScanReport(files: [report])
        let printed = full.text() + String(decoding: full.jsonValue.canonicalBytes, as: UTF8.self)
        for value in planted {
            #expect(!printed.contains(value), "a planted value is printed")
        }
        #expect(full.text().contains("column \"nhs_number\" (2): nhs-number: 3 (lines 10, 20, 30)"))
        #expect(full.text().contains("column \"notes\" (6): upn: 2 (line 50); postcode: 2 (line 70); date: 3 (line 80); email: 1 (line 90); phone: 2 (line 100)"))
    }

    @Test("the same report whatever the chunk size (chunks cut anywhere between records)")
    func chunkSizeDoesNotMatter() async throws {
        let folder = try TemporaryFolder()
        let (path, _) = try plantedExtract(in: folder, rows: 600)
        let large = try await LeakScanner.fixed().scan(path: path)
        let small = try await LeakScanner.fixed(chunkSize: 4096).scan(path: path)
        #expect(large == small)
        let asText = try await LeakScanner.fixed(format: .text).scan(path: path)
        let asTextSmall = try await LeakScanner.fixed(format: .text, chunkSize: 4096).scan(path: path)
        #expect(asText == asTextSmall)
        #expect(asText.rows == 601)
        #expect(asText.columns.map(\.name) == ["-"])
        // Read as text, the name column cannot be known; every value kind still is.
        #expect(asText.findingCount == large.findingCount - 1)
    }

    @Test("100,000 rows of hex tokens and base64 CLKs (128 and 256 bytes): nothing found, as CSV and as text")
    func tokensAndCLKsAreNeverFlagged() async throws {
        let folder = try TemporaryFolder()
        var random = ScanRandom(seed: 11)
        var text = "id,nhs_number,upn,clk,clk_long\n"
        text.reserveCapacity(100_000 * 700)
        for row in 0..<100_000 {
            text += "\(row),\(random.token()),\(random.token()),\(random.clk(128)),\(random.clk(256))\n"
        }
        let path = try folder.write(text, to: "shareable.csv")
        let asCSV = try await LeakScanner.fixed().scan(path: path)
        #expect(asCSV.rows == 100_000)
        #expect(asCSV.findingCount == 0)
        let asText = try await LeakScanner.fixed(format: .text).scan(path: path)
        #expect(asText.findingCount == 0)
    }

    @Test("base64 with identifiers planted between its own + / = characters, and base64url: nothing found")
    func hostileBase64() async throws {
        let folder = try TemporaryFolder()
        var random = ScanRandom(seed: 12)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var lines: [String] = []
        for row in 0..<20_000 {
            let hidden = [SyntheticIdentifier.nhsNumber(row), "LS14AP", "ls1 4ap", "07700900123", "2015/03/04",
                          SyntheticIdentifier.upn(row)][row % 6]
            var blob = String((0..<40).map { _ in alphabet.randomElement(using: &random)! })
            blob += ["/", "+"][row % 2] + hidden + ["/", "+", "="][row % 3]
            blob += String((0..<40).map { _ in alphabet.randomElement(using: &random)! }) + "=="
            let url = String((0..<22).map { _ in urlSafe.randomElement(using: &random)! }) + "-" + hidden.replacingOccurrences(of: " ", with: "")
                + "-" + String((0..<22).map { _ in urlSafe.randomElement(using: &random)! })
            lines.append("{\"clk\":\"\(blob)\",\"t\":\"\(url)\"}")
        }
        let path = try folder.write(lines.joined(separator: "\n") + "\n", to: "clks.jsonl")
        let report = try await LeakScanner.fixed().scan(path: path)
        #expect(report.format == .text)
        #expect(report.findingCount == 0)
    }

    @Test("allowed columns are not scanned, are listed, and unknown ones are reported")
    func allowedColumns() async throws {
        let folder = try TemporaryFolder()
        let (path, _) = try plantedExtract(in: folder, rows: 200)
        let scanner = LeakScanner.fixed(allow: ["NOTES ", "forename", "nhs_number", "no_such_column"])
        let report = await scanner.scan(paths: [path])
        #expect(report.files[0].findingCount == 0)
        #expect(report.files[0].allowedColumns == ["nhs_number", "forename", "NOTES "], "in the file's column order")
        #expect(report.unmatchedAllowedColumns == ["no_such_column"])
        #expect(report.text().contains("allowed, not scanned: \"nhs_number\", \"forename\", \"NOTES \""))
    }

    @Test("a file without a header line: values in the first line are found, and the column is named by position")
    func headerlessFile() async throws {
        let folder = try TemporaryFolder()
        let nhs = SyntheticIdentifier.nhsNumber(77)
        let path = try folder.write("R1,\(nhs),LS6 2QD\nR2,\(SyntheticIdentifier.nhsNumber(78)),x\n", to: "no-header.csv")
        let report = try await LeakScanner.fixed().scan(path: path)
        #expect(report.columns.map(\.name) == ["column 2", "column 3"])
        #expect(report.finding(.nhsNumber, in: "column 2") == ScanFinding(kind: .nhsNumber, count: 2, lines: [1, 2]))
        #expect(report.finding(.postcode, in: "column 3")?.lines == [1])
        #expect(!ScanReport(files: [report]).text().contains("LS6"))
    }

    @Test("line numbers count the lines inside quoted fields; rows longer than the header are named by position")
    func multiLineFieldsAndRaggedRows() async throws {
        let folder = try TemporaryFolder()
        let nhs = SyntheticIdentifier.nhsNumber(5)
        let path = try folder.write("id,notes\n1,\"first line\nsecond line\n\(nhs)\"\n2,ok,\(nhs)\n\n3,pat@example.org\n", to: "multi.csv")
        let report = try await LeakScanner.fixed().scan(path: path)
        #expect(report.rows == 3)
        #expect(report.finding(.nhsNumber, in: "notes")?.lines == [4])
        #expect(report.finding(.nhsNumber, in: "column 3")?.lines == [5])
        #expect(report.finding(.email, in: "notes")?.lines == [7])
    }

    @Test("byte-order mark, CRLF line endings and blank lines, with and without quoted fields")
    func lineEndings() async throws {
        let folder = try TemporaryFolder()
        for quoted in [false, true] {
            let notes = quoted ? "\"LS6 2QD\"" : "LS6 2QD"
            let path = try folder.write("\u{FEFF}id,notes\r\n1,\(notes)\r\n\r\n\n2,x\r\n3,pat@example.org", to: "crlf.csv")
            let report = try await LeakScanner.fixed().scan(path: path)
            #expect(report.rows == 3, "quoted: \(quoted)")
            #expect(report.finding(.postcode, in: "notes")?.lines == [2], "quoted: \(quoted)")
            #expect(report.finding(.email, in: "notes")?.lines == [6], "quoted: \(quoted)")
        }
    }

    @Test("at most ten line numbers, then a note that there are more")
    func lineNumberLimit() async throws {
        let folder = try TemporaryFolder()
        var text = "id,postcode\n"
        for i in 0..<25 { text += "\(i),LS6 2QD LS6 2QD\n" }
        let path = try folder.write(text, to: "many.csv")
        let finding = try #require(try await LeakScanner.fixed().scan(path: path).finding(.postcode, in: "postcode"))
        #expect(finding.count == 50)
        #expect(finding.lines == Array(2...11))
        #expect(finding.moreLines)
    }

    @Test("a plain-text file: one column named -, lines counted, long lines cut safely")
    func plainText() async throws {
        let folder = try TemporaryFolder()
        var random = ScanRandom(seed: 3)
        // One 600 KB line of JSON holding CLKs, with an address in the middle, then short lines.
        var big = "{\"clks\":["
        for i in 0..<3_000 {
            if i == 1_500 { big += "\"contact pat.doe@example.org\"," }
            big += "\"\(random.clk(128))\","
        }
        big += "\"end\"]}"
        let path = try folder.write("\(big)\nnothing here\nNHS number \(SyntheticIdentifier.grouped(SyntheticIdentifier.nhsNumber(9), " "))", to: "notes.txt")
        for chunkSize in [4096, 1 << 20] {
            let report = try await LeakScanner.fixed(chunkSize: chunkSize).scan(path: path)
            #expect(report.format == .text)
            #expect(report.rows == 3)
            #expect(report.columns.count == 1)
            #expect(report.finding(.email, in: "-") == ScanFinding(kind: .email, count: 1, lines: [1]))
            #expect(report.finding(.nhsNumber, in: "-") == ScanFinding(kind: .nhsNumber, count: 1, lines: [3]))
        }
    }

    @Test("errors name the file and line, never a value; other files are still scanned")
    func errors() async throws {
        let folder = try TemporaryFolder()
        let nhs = SyntheticIdentifier.nhsNumber(31)
        let bad = try folder.write("id,notes\n1,\(nhs) \"quoted\"\n", to: "bad.csv")
        let good = try folder.write("id\n1\n", to: "good.csv")
        let report = await LeakScanner.fixed().scan(paths: [folder.path + "/missing.csv", bad, good, folder.path])
        #expect(report.files.map(\.path) == [good])
        #expect(report.failures.map(\.code) == [.io, .badInput, .io])
        #expect(report.failures[1].line == 2)
        #expect(report.failures[1].file == bad)
        #expect(report.failures[1].description.contains("--text"))
        for failure in report.failures { #expect(!failure.description.contains(nhs)) }
        // Read as text instead, the same file is scanned.
        let asText = try await LeakScanner.fixed(format: .text).scan(path: bad)
        #expect(asText.findingCount == 1)
    }

    @Test("an empty file and a file whose first line is blank are scanned (as text)")
    func emptyFiles() async throws {
        let folder = try TemporaryFolder()
        let empty = try await LeakScanner.fixed().scan(path: try folder.write("", to: "empty.csv"))
        #expect(empty.rows == 0 && empty.findingCount == 0)
        let blank = try await LeakScanner.fixed().scan(path: try folder.write("\npat@example.org\n", to: "blank.csv"))
        #expect(blank.format == .text)
        #expect(blank.finding(.email, in: "-")?.lines == [2])
    }

    @Test("the audit-log summary holds counts only")
    func auditSummary() async throws {
        let folder = try TemporaryFolder()
        let (path, _) = try plantedExtract(in: folder, rows: 200)
        let report = await LeakScanner.fixed().scan(paths: [path, folder.path + "/missing.csv"])
        let summary = report.auditSummary()
        #expect(summary["files"] == .integer(1))
        #expect(summary["files_with_findings"] == .integer(1))
        #expect(summary["unreadable"] == .integer(1))
        #expect(summary["findings"] == .integer(14))
        #expect(summary["by_kind"] == .object(["nhs-number": .integer(3), "upn": .integer(2), "postcode": .integer(2), "date": .integer(3),
                                               "email": .integer(1), "phone": .integer(2), "name": .integer(1)]))
    }

    @Test("input formats from file names")
    func inferredFormats() {
        #expect(ScanInputFormat.inferred(from: "a/b/extract.CSV") == .csv(delimiter: UInt8(ascii: ",")))
        #expect(ScanInputFormat.inferred(from: "x.tsv") == .csv(delimiter: 9))
        #expect(ScanInputFormat.inferred(from: "x.psv") == .csv(delimiter: UInt8(ascii: "|")))
        #expect(ScanInputFormat.inferred(from: "notes.txt") == .text)
        #expect(ScanInputFormat.inferred(from: "-") == .text)
        #expect(ScanInputFormat.inferred(from: "csv") == .text)
    }
}
