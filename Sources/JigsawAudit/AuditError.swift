internal import JigsawCSV

/// A failure of the audit log, the scanner or the report: what went wrong, where, and what to do.
///
/// Messages name files, lines and record numbers, never identifier values or key material.
public struct AuditError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, as a stable machine-readable code.
    public enum Code: String, Sendable {
        /// The log cannot be opened, read, locked, written or flushed.
        case io = "audit.io"
        /// The log's last line is incomplete (a torn write); nothing is appended until it is dealt with.
        case tornLine = "audit.torn-line"
        /// A record of the log cannot be read as a Jigsaw audit record.
        case badRecord = "audit.bad-record"
        /// The signing or public key file cannot be used.
        case badSigningKey = "audit.bad-signing-key"
        /// An input to scan or report on cannot be read.
        case badInput = "audit.bad-input"
        /// Options that cannot work together.
        case badOptions = "audit.bad-options"
    }

    /// The kind of failure.
    public var code: Code
    /// What is wrong and what to do.
    public var message: String
    /// The file concerned, if one.
    public var file: String?
    /// The line, if one.
    public var line: Int?
    /// The column, if one.
    public var column: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: what is wrong and what to do.
    ///   - file: the file.
    ///   - line: the line.
    ///   - column: the column.
    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line: column C: message`.
    public var description: String {
        locatedMessage(message, file: file, line: line, column: column)
    }
}
