/// A field's raw extent within a buffer: for a quoted field, `start` is its opening quote and `end`
/// is just past its closing quote, so the bytes can be passed through exactly as they were.
public struct CSVField: Sendable, Equatable {
    /// Offset of the field's first byte.
    public var start: Int
    /// Offset just past the field's last byte (excluding the delimiter or line ending).
    public var end: Int
    /// Whether the field is quoted.
    public var quoted: Bool

    /// Creates a field extent.
    /// - Parameters:
    ///   - start: offset of the first byte.
    ///   - end: offset just past the last byte.
    ///   - quoted: whether the field is quoted.
    public init(start: Int, end: Int, quoted: Bool) {
        self.start = start
        self.end = end
        self.quoted = quoted
    }
}

/// One record found by ``CSVRecordParser``.
public struct CSVRecord: Sendable, Equatable {
    /// Offset of the record's first byte.
    public var start: Int
    /// Offset just past the record's last field (before its line ending).
    public var contentEnd: Int
    /// Offset just past the record's line ending (equal to `contentEnd` for a last line without one).
    public var end: Int
    /// The 1-based physical line on which the record starts.
    public var line: Int
    /// Whether the line is empty (no fields at all); blank lines are passed through, not counted as rows.
    public var isBlank: Bool
}

/// How a buffer handed to the parser ends, which decides what running out of bytes mid-record means.
public enum CSVBufferEnd: Sendable, Equatable {
    /// The buffer ends where the input ends: a last record may lack a line ending; an open quote is an error.
    case endOfInput
    /// More input follows: running out mid-record means "read more", not an error.
    case moreFollows
    /// The reader cut the buffer because no record ended within `limit` bytes.
    case recordTooLong(limit: Int)
}

/// Splits a buffer of whole CSV records into records and field extents (RFC 4180, strict).
///
/// Strict means: a quote may only open a field; inside a quoted field a quote is doubled; after the
/// closing quote only a delimiter or a line ending may follow; a bare quote inside an unquoted field is
/// an error. Line endings are LF or CRLF; quoted fields may hold delimiters, quotes and line breaks.
/// Errors name the file, the physical line and the column, never the field's content.
///
/// Hand-written because no package available here parses RFC 4180 over raw bytes in place: the
/// Swift CSV packages build a `String` per field, which costs more than the whole tokenisation.
public struct CSVRecordParser {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let delimiter: UInt8
    private let bufferEnd: CSVBufferEnd
    private let file: String
    private let columnNames: [String]

    /// Offset of the next unread byte.
    public private(set) var offset: Int
    /// The physical line of the next unread byte.
    public private(set) var line: Int

    /// Creates a parser over `bytes`.
    /// - Parameters:
    ///   - bytes: the buffer; it must outlive the parser.
    ///   - dialect: delimiter and quote.
    ///   - firstLine: the physical line number of the buffer's first byte.
    ///   - bufferEnd: what the end of the buffer means.
    ///   - file: the file name for error messages.
    ///   - columnNames: header names, used to name columns in errors (may be empty while reading the header).
    public init(
        bytes: UnsafeRawBufferPointer, dialect: CSVDialect, firstLine: Int, bufferEnd: CSVBufferEnd,
        file: String, columnNames: [String]
    ) {
        // An empty buffer still needs a valid pointer to read nothing from.
        self.base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        self.count = bytes.count
        self.delimiter = dialect.delimiter
        self.bufferEnd = bufferEnd
        self.file = file
        self.columnNames = columnNames
        self.offset = 0
        self.line = firstLine
    }

    /// Describes column `index` (0-based) for messages: `"name" (column 3)`.
    /// - Parameters:
    ///   - index: 0-based column index.
    ///   - names: the header names.
    /// - Returns: the description.
    /// A header name is printed only when it looks like a column name, so a file without a header line
    /// (whose first row of values would be taken for names) never has a value echoed in a message.
    public static func describeColumn(_ index: Int, names: [String]) -> String {
        if index < names.count && !names[index].isEmpty && isPrintableColumnName(names[index]) { return "\"\(names[index])\" (column \(index + 1))" }
        return "\(index + 1)"
    }

    /// Whether a header name may appear in messages: at most 64 characters, with a letter, no run of
    /// four or more digits, no `@`, and no control characters. Anything else may be a value from a file
    /// without a header line (an NHS number, a date, an email address) and is shown by position only.
    /// - Parameter name: a header name.
    /// - Returns: `true` when the name can be printed.
    public static func isPrintableColumnName(_ name: String) -> Bool {
        guard !name.isEmpty, name.unicodeScalars.count <= 64 else { return false }
        var digitRun = 0
        var hasLetter = false
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic { hasLetter = true }
            // Control characters (C0, DEL, C1) and bidirectional overrides could rewrite a terminal line.
            if scalar.value < 0x20 || scalar == "@" || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { return false }
            if ("0"..."9").contains(scalar) {
                digitRun += 1
                if digitRun >= 4 { return false }
            } else {
                digitRun = 0
            }
        }
        return hasLetter
    }

    private func error(_ code: CSVError.Code, _ message: String, line: Int, column: Int?) -> CSVError {
        CSVError(code, message, file: file, line: line,
                 column: column.map { Self.describeColumn($0, names: columnNames) })
    }

    /// Parses the next record, appending its fields' extents to `fields` (which it empties first).
    /// - Parameter fields: reused storage for the field extents.
    /// - Returns: the record, or `nil` when the buffer is exhausted (with ``CSVBufferEnd/moreFollows``,
    ///   also when the buffer ends inside a record, leaving ``offset`` at that record's start).
    /// - Throws: ``CSVError`` for malformed input.
    /// - Complexity: O(*n*) in the record's length.
    public mutating func next(fields: inout [CSVField]) throws(CSVError) -> CSVRecord? {
        fields.removeAll(keepingCapacity: true)
        if offset >= count { return nil }
        let recordStart = offset
        let recordLine = line
        let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, quote: UInt8 = 0x22
        var i = offset
        var currentLine = line

        // Blank line: LF or CRLF alone.
        if base[i] == lf || (base[i] == cr && i + 1 < count && base[i + 1] == lf) {
            let end = base[i] == lf ? i + 1 : i + 2
            offset = end
            line = currentLine + 1
            return CSVRecord(start: recordStart, contentEnd: i, end: end, line: recordLine, isBlank: true)
        }

        while true {
            let fieldStart = i
            let column = fields.count
            if i < count && base[i] == quote {
                let openLine = currentLine
                i += 1
                while true {
                    if i >= count {
                        return try runOut(recordStart: recordStart, recordLine: recordLine, inQuote: true,
                                          openLine: openLine, column: column)
                    }
                    let byte = base[i]
                    if byte == quote {
                        if i + 1 < count && base[i + 1] == quote { i += 2; continue }
                        i += 1
                        break
                    }
                    if byte == lf { currentLine += 1 }
                    i += 1
                }
                fields.append(CSVField(start: fieldStart, end: i, quoted: true))
                if i >= count {
                    if bufferEnd != .endOfInput { return try runOut(recordStart: recordStart, recordLine: recordLine, inQuote: false, openLine: openLine, column: column) }
                    return finish(recordStart, contentEnd: i, end: i, recordLine, currentLine)
                }
                let byte = base[i]
                if byte == delimiter { i += 1; continue }
                if byte == lf { return finish(recordStart, contentEnd: i, end: i + 1, recordLine, currentLine + 1) }
                if byte == cr && i + 1 < count && base[i + 1] == lf {
                    return finish(recordStart, contentEnd: i, end: i + 2, recordLine, currentLine + 1)
                }
                if byte == cr && i + 1 == count {
                    if bufferEnd != .endOfInput { return try runOut(recordStart: recordStart, recordLine: recordLine, inQuote: false, openLine: openLine, column: column) }
                    return finish(recordStart, contentEnd: i, end: i + 1, recordLine, currentLine)
                }
                throw error(.unexpectedQuote,
                            "text follows a closing quote; a quoted field must end at a delimiter or line end (double any quote inside it)",
                            line: currentLine, column: column)
            } else {
                while i < count {
                    let byte = base[i]
                    if byte == delimiter || byte == lf { break }
                    if byte == quote {
                        throw error(.unexpectedQuote,
                                    "a quote inside an unquoted field; quote the whole field and double the quote",
                                    line: currentLine, column: column)
                    }
                    i += 1
                }
                if i >= count {
                    if bufferEnd != .endOfInput {
                        return try runOut(recordStart: recordStart, recordLine: recordLine, inQuote: false,
                                          openLine: currentLine, column: column)
                    }
                    var fieldEnd = i
                    if fieldEnd > fieldStart && base[fieldEnd - 1] == cr { fieldEnd -= 1 }
                    fields.append(CSVField(start: fieldStart, end: fieldEnd, quoted: false))
                    return finish(recordStart, contentEnd: fieldEnd, end: i, recordLine, currentLine)
                }
                if base[i] == delimiter {
                    fields.append(CSVField(start: fieldStart, end: i, quoted: false))
                    i += 1
                    continue
                }
                var fieldEnd = i
                if fieldEnd > fieldStart && base[fieldEnd - 1] == cr { fieldEnd -= 1 }
                fields.append(CSVField(start: fieldStart, end: fieldEnd, quoted: false))
                return finish(recordStart, contentEnd: fieldEnd, end: i + 1, recordLine, currentLine + 1)
            }
        }
    }

    @inline(__always)
    private mutating func finish(_ start: Int, contentEnd: Int, end: Int, _ recordLine: Int, _ nextLine: Int) -> CSVRecord {
        offset = end
        line = nextLine
        return CSVRecord(start: start, contentEnd: contentEnd, end: end, line: recordLine, isBlank: false)
    }

    private mutating func runOut(recordStart: Int, recordLine: Int, inQuote: Bool, openLine: Int, column: Int) throws(CSVError) -> CSVRecord? {
        switch bufferEnd {
        case .moreFollows:
            offset = recordStart
            line = recordLine
            return nil
        case .recordTooLong(let limit):
            throw error(.recordTooLong,
                        "a record starting here is longer than \(describeBytes(limit))"
                            + (inQuote ? "; a quote opened on line \(openLine) is probably never closed" : ""),
                        line: recordLine, column: nil)
        case .endOfInput:
            throw error(.unterminatedQuote,
                        "a quoted field opened here is never closed before the end of the file",
                        line: openLine, column: column)
        }
    }
}

/// `16 MiB`, `512 KiB` or `100 bytes`, for messages about limits.
package func describeBytes(_ count: Int) -> String {
    if count >= 1 << 20 && count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
    if count >= 1 << 10 && count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
    return "\(count) bytes"
}
