import Testing
@testable import JigsawCSV

@Suite("CSVFieldValue")
struct CSVFieldValueTests {
    @Test("unquoted removes the quotes and undoubles inner quotes", arguments: [
        ("plain", "plain", false),
        ("\"quoted\"", "quoted", true),
        ("\"a,b\"", "a,b", true),
        ("\"say \"\"hi\"\"\"", "say \"hi\"", true),
        ("\"\"\"\"", "\"", true),
        ("\"\"\"\"\"\"", "\"\"", true),
        ("\"\"", "", true),
        ("", "", false),
        ("\"line\r\nbreak\"", "line\r\nbreak", true),
    ])
    func unquoted(raw: String, value: String, quoted: Bool) {
        let bytes = raw.bytes
        let field = CSVField(start: 0, end: bytes.count, quoted: quoted)
        #expect(CSVFieldValue.unquoted(bytes, field) == value.bytes)
    }

    @Test("string and validatedString give the unquoted value as text", arguments: [
        ("plain", "plain", false),
        ("\"say \"\"hi\"\"\"", "say \"hi\"", true),
        ("\"\"", "", true),
        ("", "", false),
        ("\"caf\u{E9}, \u{1F600}\"", "caf\u{E9}, \u{1F600}", true),
    ])
    func strings(raw: String, value: String, quoted: Bool) {
        let bytes = ("xx," + raw + ",yy").bytes
        let field = CSVField(start: 3, end: 3 + raw.bytes.count, quoted: quoted)
        bytes.withUnsafeBytes { raw in
            #expect(CSVFieldValue.string(raw, field) == value)
            #expect(CSVFieldValue.validatedString(raw, field) == value)
        }
    }

    @Test("invalid UTF-8 is replaced by string and refused by validatedString", arguments: [false, true])
    func invalidUTF8Strings(quoted: Bool) {
        let bytes: [UInt8] = quoted ? [0x22, 0x61, 0xFF, 0x22] : [0x61, 0xFF]
        let field = CSVField(start: 0, end: bytes.count, quoted: quoted)
        bytes.withUnsafeBytes { raw in
            #expect(CSVFieldValue.string(raw, field) == "a\u{FFFD}")
            #expect(CSVFieldValue.validatedString(raw, field) == nil)
        }
    }

    @Test("unquote reads a field in the middle of a buffer and reports the bytes written")
    func unquoteInPlace() {
        let bytes = "xx,\"a\"\"b\",yy".bytes
        let field = CSVField(start: 3, end: 9, quoted: true)
        var output = [UInt8](repeating: 0xEE, count: field.end - field.start)
        let n = bytes.withUnsafeBytes { raw in output.withUnsafeMutableBytes { CSVFieldValue.unquote(raw, field, into: $0) } }
        #expect(n == 3)
        #expect(Array(output[0..<n]) == "a\"b".bytes)

        let plain = CSVField(start: 10, end: 12, quoted: false)
        let m = bytes.withUnsafeBytes { raw in output.withUnsafeMutableBytes { CSVFieldValue.unquote(raw, plain, into: $0) } }
        #expect(m == 2)
        #expect(Array(output[0..<m]) == "yy".bytes)

        let empty = CSVField(start: 2, end: 2, quoted: false)
        let e = bytes.withUnsafeBytes { raw in output.withUnsafeMutableBytes { CSVFieldValue.unquote(raw, empty, into: $0) } }
        #expect(e == 0)
    }

    @Test("UTF-8 validity", arguments: [
        ([UInt8](), true),
        ("plain ASCII, with punctuation!".bytes, true),
        ("caf\u{E9} \u{4E2D}\u{6587} \u{1F600}".bytes, true),
        ([0xC3], false),
        ([0xFF], false),
        ([0x80], false),
        ([0xC0, 0xAF], false),
        ([0xE0, 0x80, 0xAF], false),
        ([0xED, 0xA0, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false),
        ([0x61, 0x62, 0xE2, 0x82], false),
    ])
    func utf8Validity(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBytes { CSVFieldValue.isValidUTF8($0) } == valid)
    }

    @Test("values holding the delimiter, a quote, CR or LF need quotes", arguments: [
        ("plain", ",", false),
        ("a,b", ",", true),
        ("a\"b", ",", true),
        ("a\nb", ",", true),
        ("a\rb", ",", true),
        ("a,b", "tab", false),
        ("a\tb", "tab", true),
        ("a|b", "pipe", true),
        ("a|b", ",", false),
        ("", ",", false),
    ])
    func needsQuotes(value: String, dialectName: String, expected: Bool) throws {
        let dialect = try #require(CSVDialect(delimiterName: dialectName))
        #expect(value.bytes.withUnsafeBytes { CSVFieldValue.needsQuotes($0, dialect: dialect) } == expected)
    }

    @Test("appendField writes plain values unchanged and quotes the rest", arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("\"", "\"\"\"\""),
    ])
    func appendFieldExamples(value: String, written: String) {
        var output = "x,".bytes
        value.bytes.withUnsafeBytes { CSVFieldValue.appendField($0, to: &output, dialect: CSVDialect()) }
        #expect(output == "x,".bytes + written.bytes)
    }

    @Test("appendField then parse gives the values back, for 2,000 random records", arguments: [",", "tab", "pipe", ";"])
    func appendFieldRoundTrip(dialectName: String) throws {
        let dialect = try #require(CSVDialect(delimiterName: dialectName))
        var rng = SeededGenerator(seed: 0xC5F0_0000 &+ UInt64(dialect.delimiter))
        let alphabet: [[UInt8]] = ["a", "b", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "\t", "|", ";", "\u{E9}"].map(\.bytes)
            + [[0xFF]]
        var expected: [[[UInt8]]] = []
        var output: [UInt8] = []
        for _ in 0..<2_000 {
            // One empty field alone would be written as a blank line, which is not a record; use two or more.
            let fieldCount = Int.random(in: 2...6, using: &rng)
            var record: [[UInt8]] = []
            for index in 0..<fieldCount {
                var value: [UInt8] = []
                for _ in 0..<Int.random(in: 0...10, using: &rng) { value += alphabet.randomElement(using: &rng)! }
                if index > 0 { output.append(dialect.delimiter) }
                value.withUnsafeBytes { CSVFieldValue.appendField($0, to: &output, dialect: dialect) }
                record.append(value)
            }
            output += Bool.random(using: &rng) ? "\r\n".bytes : "\n".bytes
            expected.append(record)
        }
        let result = try parse(output, dialect: dialect)
        let parsed = result.records.map(\.values)
        #expect(parsed.count == expected.count)
        #expect(parsed == expected)
        #expect(result.records.allSatisfy { !$0.record.isBlank })
    }

    @Test("values lose spaces and tabs at either end, and nothing else", arguments: [
        (" \tC001\t ", "C001"), ("C 001", "C 001"), ("   ", ""), ("", ""),
        ("\u{00A0}C001\u{00A0}", "\u{00A0}C001\u{00A0}"), ("\tÅse ", "Åse"),
    ])
    func trimmingSpacesAndTabs(_ input: String, _ expected: String) {
        #expect(CSVFieldValue.trimmingSpacesAndTabs(input) == expected)
    }

    @Test func textRowsQuoteOnlyWhereNeeded() {
        #expect(CSVFieldValue.textRow(["a", "b,c", "say \"hi\"", "x\ny"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n")
    }
}
