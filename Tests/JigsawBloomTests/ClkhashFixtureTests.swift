import Foundation
import JigsawCSV
import JigsawCrypto
import JigsawTokens
import Testing
@testable import JigsawBloom

/// Bit-for-bit agreement with clkhash 0.18.3 on the committed fixtures (`Fixtures/clkhash/make_fixtures.py`):
/// six schemas covering every v3 option, 2,000 synthetic records each.
struct ClkhashFixtureTests {
    static let schemas = ["example", "uk-people", "ascii-upper-xor", "lower-dh-1000", "numeric-mixed", "unicode-encodings"]

    struct ClkFixture: Decodable {
        var secret_base64: String
        var clks: [String]
    }

    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/clkhash")
        return base.appendingPathComponent(name)
    }

    /// Every record of a fixture CSV, header excluded, parsed with Jigsaw's own reader.
    static func records(_ name: String) throws -> [[String]] {
        let reader = try CSVChunkReader(path: try url(name).path, chunkSize: 1 << 24)
        _ = try reader.readHeader()
        var rows: [[String]] = []
        while let chunk = try reader.nextChunk() {
            let bytes = chunk.bytes
            try bytes.withUnsafeBytes { raw in
                var parser = CSVRecordParser(bytes: raw, dialect: CSVDialect(), firstLine: chunk.firstLine, bufferEnd: chunk.bufferEnd, file: name, columnNames: [])
                var fields: [CSVField] = []
                while let record = try parser.next(fields: &fields) {
                    if record.isBlank { continue }
                    rows.append(fields.map { String(decoding: CSVFieldValue.unquoted(bytes, $0), as: UTF8.self) })
                }
            }
        }
        return rows
    }

    static func schema(_ name: String) throws -> LinkageSchema {
        try LinkageSchemaParser.parse(Array(Data(contentsOf: url("schema-\(name).json"))), file: name)
    }

    @Test(arguments: schemas)
    func clksAreBitIdentical(_ name: String) throws {
        let schema = try Self.schema(name)
        let fixture = try JSONDecoder().decode(ClkFixture.self, from: Data(contentsOf: Self.url("clks-\(name).json")))
        let secret = try #require(Data(base64Encoded: fixture.secret_base64))
        let encoder = try ClkEncoder(schema: schema, keys: try FeatureKeys(secret: SecretBytes([UInt8](secret)), schema: schema))
        let rows = try Self.records("records-\(name).csv")
        #expect(rows.count == fixture.clks.count)
        #expect(rows.count >= 2_000)
        var mismatched: [Int] = []
        var withProblems: [Int] = []
        for (index, row) in rows.enumerated() {
            let (clk, problems) = try encoder.encodeBase64(row)
            if !problems.isEmpty { withProblems.append(index) }
            if clk != fixture.clks[index] { mismatched.append(index) }
        }
        #expect(withProblems.isEmpty, "records rejected by Jigsaw but accepted by clkhash: \(withProblems.prefix(10))")
        #expect(mismatched.isEmpty, "records whose CLK differs from clkhash's: \(mismatched.count), first \(mismatched.prefix(10))")
    }

    struct InvalidFixture: Decodable {
        struct Row: Decodable {
            var row: Int
            var feature_index: Int
            var kind: String
        }
        var rows: [Row]
    }

    /// clkhash's validation failure kinds and the reasons Jigsaw reports for them.
    static let reasonForKind: [String: FeatureInvalidReason] = [
        "encoding": .encoding, "pattern": .pattern, "minLength": .tooShort, "maxLength": .tooLong, "case": .letterCase,
        "date": .badDate, "integer": .notInteger, "minimum": .outOfRange, "maximum": .outOfRange, "enum": .notInEnum,
    ]

    @Test(arguments: ["uk-people", "ascii-upper-xor", "lower-dh-1000"])
    func rejectsWhatClkhashRejects(_ name: String) throws {
        let schema = try Self.schema(name)
        let expected = try JSONDecoder().decode(InvalidFixture.self, from: Data(contentsOf: Self.url("invalid-\(name).json")))
        let encoder = try ClkEncoder(schema: schema, keys: try FeatureKeys(secret: SecretBytes(Array("s".utf8)), schema: schema))
        let rows = try Self.records("invalid-\(name).csv")
        #expect(rows.count == expected.rows.count)
        for item in expected.rows {
            let (_, problems) = try encoder.encodeBase64(rows[item.row])
            let wanted = Self.reasonForKind[item.kind]
            let flagged = problems.map(\.feature) == [item.feature_index] && problems.first?.reason == wanted
            #expect(flagged, "row \(item.row): expected feature \(item.feature_index) flagged as \(item.kind)")
        }
    }
}
