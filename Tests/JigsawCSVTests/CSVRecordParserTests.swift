import Testing
@testable import JigsawCSV

@Suite("CSVRecordParser")
struct CSVRecordParserTests {
    // MARK: Records and fields

    @Test("simple rows: values, extents and lines")
    func simpleRows() throws {
        let result = try parse("a,b,c\n1,22,333\n")
        #expect(result.strings == [["a", "b", "c"], ["1", "22", "333"]])
        #expect(result.records.map(\.record) == [
            CSVRecord(start: 0, contentEnd: 5, end: 6, line: 1, isBlank: false),
            CSVRecord(start: 6, contentEnd: 14, end: 15, line: 2, isBlank: false),
        ])
        #expect(result.records[1].fields == [
            CSVField(start: 6, end: 7, quoted: false), CSVField(start: 8, end: 10, quoted: false),
            CSVField(start: 11, end: 14, quoted: false),
        ])
        #expect(result.offset == 15)
        #expect(result.line == 3)
    }

    @Test("a quoted field may hold the delimiter; its extent covers the quotes")
    func quotedDelimiter() throws {
        let result = try parse("\"a,b\",c\n")
        #expect(result.strings == [["a,b", "c"]])
        #expect(result.records[0].fields == [CSVField(start: 0, end: 5, quoted: true), CSVField(start: 6, end: 7, quoted: false)])
    }

    @Test("doubled quotes inside a quoted field stand for one quote")
    func doubledQuotes() throws {
        let result = try parse("\"say \"\"hi\"\"\",x\n\"\"\"\",\"\"\n")
        #expect(result.strings == [["say \"hi\"", "x"], ["\"", ""]])
        #expect(result.records[0].fields[0] == CSVField(start: 0, end: 12, quoted: true))
        #expect(result.records[1].fields.map(\.quoted) == [true, true])
    }

    @Test("a line feed inside quotes continues the record, and later lines are numbered physically")
    func embeddedLineFeed() throws {
        let result = try parse("\"line1\nline2\",x\nnext,y\n\"a\n\nb\",z\nlast,w\n")
        #expect(result.strings == [["line1\nline2", "x"], ["next", "y"], ["a\n\nb", "z"], ["last", "w"]])
        #expect(result.lines == [1, 3, 4, 7])
        #expect(result.line == 8)
    }

    @Test("CRLF inside quotes is kept in the value and advances the line")
    func embeddedCRLF() throws {
        let result = try parse("\"a\r\nb\",c\r\nd,e\r\n")
        #expect(result.strings == [["a\r\nb", "c"], ["d", "e"]])
        #expect(result.lines == [1, 3])
        #expect(result.records.map(\.record) == [
            CSVRecord(start: 0, contentEnd: 8, end: 10, line: 1, isBlank: false),
            CSVRecord(start: 10, contentEnd: 13, end: 15, line: 3, isBlank: false),
        ])
    }

    @Test("CRLF row endings: the CR belongs to neither the last field nor the content")
    func crlfRowEndings() throws {
        let result = try parse("a,b\r\nc,d\r\n")
        #expect(result.strings == [["a", "b"], ["c", "d"]])
        #expect(result.records.map(\.record.contentEnd) == [3, 8])
        #expect(result.records.map(\.record.end) == [5, 10])
        #expect(result.records[0].fields[1] == CSVField(start: 2, end: 3, quoted: false))
        #expect(result.lines == [1, 2])

        let quoted = try parse("a,\"b\"\r\nc\r\n")
        #expect(quoted.strings == [["a", "b"], ["c"]])
        #expect(quoted.records[0].record == CSVRecord(start: 0, contentEnd: 5, end: 7, line: 1, isBlank: false))
    }

    @Test("a last line without a line ending", arguments: [
        ("a,b\nc,d", [["a", "b"], ["c", "d"]], 4, 7, 7),
        ("a\n\"c,d\"", [["a"], ["c,d"]], 2, 7, 7),
        ("a\nc,d\r", [["a"], ["c", "d"]], 2, 5, 6),
        ("a\n\"c\"\r", [["a"], ["c"]], 2, 5, 6),
    ])
    func lastLineWithoutNewline(text: String, expected: [[String]], start: Int, contentEnd: Int, end: Int) throws {
        let result = try parse(text)
        #expect(result.strings == expected)
        #expect(result.records.last?.record == CSVRecord(start: start, contentEnd: contentEnd, end: end, line: 2, isBlank: false))
        #expect(result.offset == text.utf8.count)
        #expect(result.line == 2)
    }

    @Test("blank lines (LF or CRLF alone) are blank records without fields")
    func blankLines() throws {
        let result = try parse("\na\n\nb\n\r\nc\n \n")
        #expect(result.records.map(\.record) == [
            CSVRecord(start: 0, contentEnd: 0, end: 1, line: 1, isBlank: true),
            CSVRecord(start: 1, contentEnd: 2, end: 3, line: 2, isBlank: false),
            CSVRecord(start: 3, contentEnd: 3, end: 4, line: 3, isBlank: true),
            CSVRecord(start: 4, contentEnd: 5, end: 6, line: 4, isBlank: false),
            CSVRecord(start: 6, contentEnd: 6, end: 8, line: 5, isBlank: true),
            CSVRecord(start: 8, contentEnd: 9, end: 10, line: 6, isBlank: false),
            CSVRecord(start: 10, contentEnd: 11, end: 12, line: 7, isBlank: false),
        ])
        #expect(result.strings == [[], ["a"], [], ["b"], [], ["c"], [" "]])
    }

    @Test("tab, pipe and semicolon delimiters", arguments: [
        ("tab", "a\tb,c\t\"d\te\"\t\n", [["a", "b,c", "d\te", ""]]),
        ("pipe", "a|b,c|\"d|e\"||\n", [["a", "b,c", "d|e", "", ""]]),
        ("semicolon", "a;b,c;\"d;e\"\r\n", [["a", "b,c", "d;e"]]),
        ("comma", "a\tb|c;d\n", [["a\tb|c;d"]]),
    ])
    func otherDelimiters(name: String, text: String, expected: [[String]]) throws {
        let dialect = try #require(CSVDialect(delimiterName: name))
        #expect(try parse(text, dialect: dialect).strings == expected)
    }

    @Test("empty fields and trailing delimiters", arguments: [
        (",,\n", [["", "", ""]]),
        ("a,,b\n", [["a", "", "b"]]),
        (",\n", [["", ""]]),
        ("a,b,\n", [["a", "b", ""]]),
        ("a,b,\r\n", [["a", "b", ""]]),
        ("a,b,", [["a", "b", ""]]),
        ("\"\",\"\"\n", [["", ""]]),
        ("a,\"\"\n", [["a", ""]]),
    ])
    func emptyFields(text: String, expected: [[String]]) throws {
        #expect(try parse(text).strings == expected)
    }

    @Test("the first line number is taken from the caller")
    func firstLineOffset() throws {
        let result = try parse("a\n\"b\nc\",d\ne\n", firstLine: 41)
        #expect(result.lines == [41, 42, 44])
        #expect(result.line == 45)
    }

    @Test("an empty buffer holds no records")
    func emptyBuffer() throws {
        for end in [CSVBufferEnd.endOfInput, .moreFollows, .recordTooLong(limit: 8)] {
            let result = try parse([UInt8](), end: end)
            #expect(result.records.isEmpty)
            #expect(result.offset == 0)
        }
    }

    // MARK: Malformed input

    @Test("an unterminated quote at the end of input reports the line and column where it opened")
    func unterminatedQuote() {
        let text = "h1,h2\nx,\"open\nmore\nrest"
        let named = csvError { _ = try parse(text, columnNames: ["h1", "h2"]) }
        #expect(named?.code == .unterminatedQuote)
        #expect(named?.line == 2)
        #expect(named?.column == "\"h2\" (column 2)")
        #expect(named?.file == "test.csv")

        let unnamed = csvError { _ = try parse(text, firstLine: 10) }
        #expect(unnamed?.code == .unterminatedQuote)
        #expect(unnamed?.line == 11)
        #expect(unnamed?.column == "2")

        let bare = csvError { _ = try parse("\"") }
        #expect(bare?.code == .unterminatedQuote)
        #expect(bare?.line == 1)
        #expect(bare?.column == "1")
    }

    @Test("a quote inside an unquoted field", arguments: [
        ("a,b\nc,d\"e\n", 2, "\"h2\" (column 2)"),
        ("a\"\n", 1, "\"h1\" (column 1)"),
        ("\"x\ny\",ok\"\n", 2, "\"h2\" (column 2)"),
        ("a,b,c\"\n", 1, "3"),
    ])
    func quoteInsideUnquotedField(text: String, line: Int, column: String) {
        let error = csvError { _ = try parse(text, columnNames: ["h1", "h2"]) }
        #expect(error?.code == .unexpectedQuote)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("text after a closing quote", arguments: [
        ("\"ab\"c,d\n", 1, "\"h1\" (column 1)"),
        ("x,\"a\nb\"c\n", 2, "\"h2\" (column 2)"),
        ("\"ab\" ,d\n", 1, "\"h1\" (column 1)"),
        ("\"ab\"\rx\n", 1, "\"h1\" (column 1)"),
        ("ok\n\"ab\"x\n", 2, "\"h1\" (column 1)"),
    ])
    func textAfterClosingQuote(text: String, line: Int, column: String) {
        let error = csvError { _ = try parse(text, columnNames: ["h1", "h2"]) }
        #expect(error?.code == .unexpectedQuote)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("error messages never quote field content")
    func messagesOmitContent() {
        let errors = [
            csvError { _ = try parse("x,\"SECRETVALUE\nrest") },
            csvError { _ = try parse("x,SECRET\"VALUE\n") },
            csvError { _ = try parse("x,\"SECRET\"VALUE\n") },
            csvError { _ = try parse("x,\"SECRETVALUE", end: .recordTooLong(limit: 1 << 20)) },
        ]
        for error in errors {
            let text = error.map { "\($0)" } ?? ""
            #expect(!text.isEmpty)
            #expect(!text.contains("SECRET") && !text.contains("VALUE"))
        }
    }

    // MARK: Buffers that end mid-record

    @Test("with more input to follow, a buffer ending mid-record yields nil and leaves the offset at the record's start", arguments: [
        ("a,b\nc,d", ["a,b"], 4, 2),
        ("a\n\"open,\nstill", ["a"], 2, 2),
        ("a\n\"x\"", ["a"], 2, 2),
        ("a\n\"x\",", ["a"], 2, 2),
        ("a,b,", [], 0, 1),
        ("a\r", [], 0, 1),
        ("a\n\r", ["a"], 2, 2),
        ("a\n\"x\"\r", ["a"], 2, 2),
        ("\"a\nb\"\n\"c\nd", ["a\nb"], 6, 3),
        ("a\nb\n", ["a", "b"], 4, 3),
    ])
    func moreFollows(text: String, complete: [String], offset: Int, line: Int) throws {
        let result = try parse(text, end: .moreFollows)
        #expect(result.records.map { $0.strings.joined(separator: ",") } == complete)
        #expect(result.offset == offset)
        #expect(result.line == line)
    }

    @Test("a cut buffer reports the record as too long, at the record's first line")
    func recordTooLong() {
        let unquoted = csvError { _ = try parse("aaaa", firstLine: 7, end: .recordTooLong(limit: 4)) }
        #expect(unquoted?.code == .recordTooLong)
        #expect(unquoted?.line == 7)
        #expect(unquoted?.column == nil)

        let open = csvError { _ = try parse("x,\"aa\naa", firstLine: 7, end: .recordTooLong(limit: 8)) }
        #expect(open?.code == .recordTooLong)
        #expect(open?.line == 7)
        #expect(open?.message.contains("line 7") == true)

        let afterDelimiter = csvError { _ = try parse("aaa,", end: .recordTooLong(limit: 4)) }
        #expect(afterDelimiter?.code == .recordTooLong)
    }

    @Test("a cut buffer whose last byte closes a quoted field is still too long, not a complete record", arguments: [
        "\"abc\"", "x,\"abc\"", "\"abc\"\r",
    ])
    func recordTooLongAfterClosingQuote(text: String) {
        // `.recordTooLong` means the reader cut the buffer with no record ending in it, so the record
        // continues past the buffer whatever its last byte is.
        let error = csvError { _ = try parse(text, end: .recordTooLong(limit: text.utf8.count)) }
        #expect(error?.code == .recordTooLong)
    }

    // MARK: Descriptions

    @Test("columns are described by name and 1-based number when the header is known")
    func describeColumn() {
        #expect(CSVRecordParser.describeColumn(0, names: ["nhs", "name"]) == "\"nhs\" (column 1)")
        #expect(CSVRecordParser.describeColumn(1, names: ["nhs", "name"]) == "\"name\" (column 2)")
        #expect(CSVRecordParser.describeColumn(2, names: ["nhs", "name"]) == "3")
        #expect(CSVRecordParser.describeColumn(0, names: []) == "1")
    }
}

@Suite("CSVError and CSVDialect")
struct CSVErrorTests {
    @Test("description is file:line: column C: message")
    func description() {
        #expect(CSVError(.raggedRow, "wrong number of fields", file: "in.csv", line: 3, column: "\"a\" (column 1)").description
            == "in.csv:3: column \"a\" (column 1): wrong number of fields")
        #expect(CSVError(.emptyFile, "empty", file: "in.csv").description == "in.csv: empty")
        #expect(CSVError(.io, "read failed", file: "-", line: 2).description == "<stdin>:2: read failed")
    }

    @Test("delimiter names", arguments: [
        (",", UInt8(0x2C)), ("comma", 0x2C), ("\t", 0x09), ("tab", 0x09), ("\\t", 0x09), ("|", 0x7C), ("pipe", 0x7C),
        (";", 0x3B), ("semicolon", 0x3B),
    ])
    func delimiterNames(name: String, byte: UInt8) {
        #expect(CSVDialect(delimiterName: name)?.delimiter == byte)
        #expect(CSVDialect(delimiterName: name)?.quote == 0x22)
    }

    @Test("unsupported delimiter names", arguments: ["", " ", ":", "Tab", "\"", "comma "])
    func unsupportedDelimiterNames(name: String) {
        #expect(CSVDialect(delimiterName: name) == nil)
    }

    @Test("the default dialect is comma-separated")
    func defaultDialect() {
        #expect(CSVDialect().delimiter == 0x2C)
    }
}
