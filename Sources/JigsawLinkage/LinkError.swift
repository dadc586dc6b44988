internal import JigsawCSV
/// A linkage input that cannot be used, with where the problem is. Never quotes a value.
public struct LinkError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public enum Code: String, Sendable {
        /// A CLK is not standard base64.
        case badCLK = "link.bad-clk"
        /// CLKs of different lengths (within a file or between the two).
        case clkLength = "link.clk-length"
        /// The two files were encoded with different schemas.
        case schemaMismatch = "link.schema-mismatch"
        /// The same record id appears twice.
        case duplicateID = "link.duplicate-id"
        /// A record has no id.
        case blankID = "link.blank-id"
        /// Options that cannot work together.
        case badOptions = "link.bad-options"
    }

    /// The kind of problem.
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
    ///   - code: the kind of problem.
    ///   - message: what is wrong.
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
