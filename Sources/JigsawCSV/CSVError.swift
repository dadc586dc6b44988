/// A failure reading or writing a CSV file, with where it happened.
///
/// Modelled on swift-nio's `FileSystemError`: a stable code, a message a user can act on, and the
/// file, line and column it concerns. Messages never quote field values, which may be identifiers.
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The input file does not exist.
        case fileNotFound = "csv.file-not-found"
        /// The input or output could not be opened, read or written.
        case io = "csv.io"
        /// The input has no header line.
        case emptyFile = "csv.empty-file"
        /// A quoted field is never closed.
        case unterminatedQuote = "csv.unterminated-quote"
        /// A quote appears inside an unquoted field, or text follows a closing quote.
        case unexpectedQuote = "csv.unexpected-quote"
        /// A record has a different number of fields from the header.
        case raggedRow = "csv.ragged-row"
        /// A named column is not in the header.
        case missingColumn = "csv.missing-column"
        /// The header names the same column twice.
        case duplicateColumn = "csv.duplicate-column"
        /// A field that must be text holds bytes that are not UTF-8.
        case invalidUTF8 = "csv.invalid-utf8"
        /// One record is longer than the reader accepts.
        case recordTooLong = "csv.record-too-long"
        /// The output exists and `--force` was not given.
        case outputExists = "csv.output-exists"
        /// The output path names the input file.
        case outputIsInput = "csv.output-is-input"
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String
    /// The file concerned (`-` for standard input or output).
    public var file: String
    /// The 1-based line, where one applies.
    public var line: Int?
    /// The column, as `name (column N)` where known.
    public var column: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: what happened and what to do.
    ///   - file: the file concerned.
    ///   - line: the 1-based line, if any.
    ///   - column: the column's description, if any.
    public init(_ code: Code, _ message: String, file: String, line: Int? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line: column C: message`, the form editors and people both read.
    public var description: String {
        locatedMessage(message, file: file, line: line, column: column)
    }
}

/// `file:line: column C: message` (standard input shown as `<stdin>`), the one layout of every located
/// error message, whichever module raises it.
/// - Parameters:
///   - message: what is wrong.
///   - file: the file, if any.
///   - line: the line, if any.
///   - column: the column's description, if any.
/// - Returns: the message with its location in front.
package func locatedMessage(_ message: String, file: String?, line: Int?, column: String?) -> String {
    var location = file.map { $0 == "-" ? "<stdin>" : $0 } ?? ""
    if let line { location += ":\(line)" }
    if let column { location += (location.isEmpty ? "" : ": ") + "column \(column)" }
    return location.isEmpty ? message : "\(location): \(message)"
}
