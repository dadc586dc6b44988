internal import JigsawCSV
public import JigsawIdentifiers

/// A run stopped because of the data's content under `--on-invalid fail`, or a plan that cannot work.
/// Never carries an identifier value.
public struct TokenisationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What stopped the run.
    public enum Code: String, Sendable {
        /// An invalid identifier under `--on-invalid fail`.
        case invalidIdentifier = "tokenise.invalid-identifier"
        /// The options contradict each other or the header.
        case badPlan = "tokenise.bad-plan"
    }

    /// The kind of problem.
    public var code: Code
    /// What happened and what to do.
    public var message: String
    /// The input file.
    public var file: String
    /// The 1-based line, where one applies.
    public var line: Int?
    /// The column's description, where one applies.
    public var column: String?
    /// The reason an identifier was invalid, for `.invalidIdentifier`.
    public var reason: InvalidIdentifierReason?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of problem.
    ///   - message: what happened and what to do.
    ///   - file: the input file.
    ///   - line: the line, if any.
    ///   - column: the column, if any.
    ///   - reason: the invalid identifier's reason, if any.
    public init(_ code: Code, _ message: String, file: String, line: Int? = nil, column: String? = nil, reason: InvalidIdentifierReason? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `file:line: column C: message`.
    public var description: String {
        locatedMessage(message, file: file, line: line, column: column)
    }
}
