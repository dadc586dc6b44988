internal import JigsawCSV
internal import JigsawLinkage
internal import JigsawTokens

/// A CSV file read for `jigsaw evaluate` and `jigsaw report`: chosen columns' values as text, row by row. Values are trimmed of
/// surrounding spaces and tabs; errors name the file, line and column, never a value.
final class EvaluationCSV {
    /// A column to read.
    enum Column {
        /// A column named by the user; missing is an error naming `role`.
        case named(String, role: String)
        /// A column by position (0-based), when `option` was not given.
        case position(Int, option: String)
        /// A column read when present; its value is empty otherwise.
        case optional(String)
        /// No column: its value is always empty.
        case absent
    }

    private let reader: CSVChunkReader
    private let path: String
    private let dialect: CSVDialect
    private let ragged: RaggedRowPolicy
    private let width: Int
    private let indices: [Int?]
    private let messageNames: [String]

    init(path: String, dialect: CSVDialect, ragged: RaggedRowPolicy, columns: [Column]) throws {
        reader = try CSVChunkReader(path: path, dialect: dialect)
        self.path = path
        self.dialect = dialect
        self.ragged = ragged
        let header = try reader.readHeader()
        width = header.names.count
        func find(_ name: String) throws -> Int? {
            if header.names.filter({ $0 == name }).count > 1 {
                throw CSVError(.duplicateColumn, "the header names column \"\(name)\" more than once; rename one of them", file: path, line: 1)
            }
            return header.index(of: name)
        }
        var messageNames = header.names.map { _ in "" }
        indices = try columns.map { column in
            switch column {
            case .named(let name, let role):
                guard let index = try find(name) else {
                    throw CSVError(.missingColumn, "the header has no column \"\(name)\" (\(role)); its first line has \(header.names.count) fields", file: path, line: 1)
                }
                if CSVRecordParser.isPrintableColumnName(name) { messageNames[index] = header.names[index] }
                return index
            case .position(let index, let option):
                guard index < header.names.count else {
                    throw CSVError(.missingColumn, "the header has \(header.names.count) field\(header.names.count == 1 ? "" : "s"), so there is no column \(index + 1); name the column with \(option)", file: path, line: 1)
                }
                if CSVRecordParser.isPrintableColumnName(header.names[index]) { messageNames[index] = header.names[index] }
                return index
            case .optional(let name):
                guard let index = try find(name) else { return nil }
                if CSVRecordParser.isPrintableColumnName(name) { messageNames[index] = header.names[index] }
                return index
            case .absent:
                return nil
            }
        }
        self.messageNames = messageNames
    }

    /// Whether column `k` of those asked for is in the file.
    func has(_ k: Int) -> Bool { indices[k] != nil }

    /// The file column that column `k` of those asked for was found at.
    func index(_ k: Int) -> Int? { indices[k] }

    /// Column `k` described for messages: `"name" (column 3)`, or the position alone.
    func describe(_ k: Int) -> String? {
        indices[k].map { CSVRecordParser.describeColumn($0, names: messageNames) }
    }

    /// An input error at `line` in column `k`, reported with status 3.
    func failure(_ message: String, line: Int, column k: Int) -> CommandFailure {
        var location = "\(path == "-" ? "<stdin>" : path):\(line)"
        if let column = describe(k) { location += ": column \(column)" }
        return CommandFailure(status: .inputOutput, message: "\(location): \(message)")
    }

    /// Calls `body` with the asked-for columns' values and the line of every row that is not blank.
    /// - Returns: the number of rows read and of ragged rows dropped.
    func forEachRow(_ body: (_ values: [String], _ line: Int) throws -> Void) throws -> (rows: Int, dropped: Int) {
        var values = [String](repeating: "", count: indices.count)
        var rows = 0, dropped = 0
        try reader.forEachRecord(dialect: dialect, file: path, columnNames: messageNames) { record, fields, bytes in
            if fields.count != width {
                switch ragged {
                case .fail:
                    throw CSVError(.raggedRow, "the row has \(fields.count) fields but the header has \(width); fix the row, or pass --on-ragged drop-row or keep",
                                   file: path, line: record.line)
                case .dropRow:
                    dropped += 1
                    return
                case .keep:
                    break
                }
            }
            for (k, index) in indices.enumerated() {
                guard let index, index < fields.count else {
                    values[k] = ""
                    continue
                }
                guard let text = CSVFieldValue.validatedString(bytes, fields[index]) else {
                    throw CSVError(.invalidUTF8, "the field is not valid UTF-8; save the file as UTF-8", file: path, line: record.line,
                                   column: CSVRecordParser.describeColumn(index, names: messageNames))
                }
                values[k] = CSVFieldValue.trimmingSpacesAndTabs(text)
            }
            rows += 1
            try body(values, record.line)
        }
        return (rows, dropped)
    }

    /// Reads a truth file: a left and a right id per row (the first two columns unless named). Rows with a
    /// blank id are skipped and counted.
    /// - Returns: the pairs, the rows skipped for a blank id, and the ragged rows dropped.
    static func truePairs(path: String, dialect: CSVDialect, ragged: RaggedRowPolicy, left: String?, right: String?) throws
        -> (pairs: [LinkageEvaluation.TruePair], blank: Int, dropped: Int) {
        let file = try EvaluationCSV(path: path, dialect: dialect, ragged: ragged, columns: [
            left.map { .named($0, role: "the truth's left id; name it with --truth-left") } ?? .position(0, option: "--truth-left"),
            right.map { .named($0, role: "the truth's right id; name it with --truth-right") } ?? .position(1, option: "--truth-right"),
        ])
        if file.index(0) == file.index(1) {
            throw CommandFailure.usage("--truth-left and --truth-right name the same column of \(path == "-" ? "<stdin>" : path); name two different columns")
        }
        var pairs: [LinkageEvaluation.TruePair] = []
        var blank = 0
        let rows = try file.forEachRow { values, _ in
            if values[0].isEmpty || values[1].isEmpty {
                blank += 1
            } else {
                pairs.append(LinkageEvaluation.TruePair(leftID: values[0], rightID: values[1]))
            }
        }
        return (pairs, blank, rows.dropped)
    }
}
