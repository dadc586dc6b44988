import Foundation
import Testing
@testable import JigsawCSV

/// A small seeded generator (SplitMix64), so every random test is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fresh folder under the system's temporary directory, removed with everything in it on release.
final class TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jigsaw-csv-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to a file in the folder and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = "\(path)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The names of the files in the folder, hidden ones included, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// The bytes of a file.
func readBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

/// One record as parsed, with its fields' values.
struct ParsedRecord: Equatable {
    var record: CSVRecord
    var fields: [CSVField]
    var values: [[UInt8]]

    var strings: [String] { values.map { String(decoding: $0, as: UTF8.self) } }
}

/// Everything a parser returned from one buffer, and where it stopped.
struct ParseResult {
    var records: [ParsedRecord]
    var offset: Int
    var line: Int

    var strings: [[String]] { records.map(\.strings) }
    var lines: [Int] { records.map(\.record.line) }
}

/// Parses every record in `bytes` until the parser returns `nil`.
func parse(
    _ bytes: [UInt8], dialect: CSVDialect = CSVDialect(), firstLine: Int = 1, end: CSVBufferEnd = .endOfInput,
    file: String = "test.csv", columnNames: [String] = []
) throws -> ParseResult {
    try bytes.withUnsafeBytes { raw in
        var parser = CSVRecordParser(
            bytes: raw, dialect: dialect, firstLine: firstLine, bufferEnd: end, file: file, columnNames: columnNames)
        var fields: [CSVField] = []
        var records: [ParsedRecord] = []
        while let record = try parser.next(fields: &fields) {
            records.append(ParsedRecord(
                record: record, fields: fields, values: fields.map { CSVFieldValue.unquoted(bytes, $0) }))
        }
        return ParseResult(records: records, offset: parser.offset, line: parser.line)
    }
}

func parse(
    _ text: String, dialect: CSVDialect = CSVDialect(), firstLine: Int = 1, end: CSVBufferEnd = .endOfInput,
    file: String = "test.csv", columnNames: [String] = []
) throws -> ParseResult {
    try parse(text.bytes, dialect: dialect, firstLine: firstLine, end: end, file: file, columnNames: columnNames)
}

/// The error thrown by `body`, if it is a ``CSVError``.
func csvError(_ body: () throws -> Void) -> CSVError? {
    do {
        try body()
        return nil
    } catch let error as CSVError {
        return error
    } catch {
        return nil
    }
}
