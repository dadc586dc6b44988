internal import JigsawCSV

/// A table, hierarchy or option that cannot be used, with where the problem is. Cells are named by their
/// codes (council, group, …), never by their counts.
public struct DisclosureError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public enum Code: String, Sendable {
        /// The hierarchy file is not the expected JSON shape.
        case badHierarchy = "disclosure.bad-hierarchy"
        /// A code appears twice in one dimension's hierarchy.
        case duplicateCode = "disclosure.duplicate-code"
        /// A table row names a code that is not in the hierarchy.
        case unknownCode = "disclosure.unknown-code"
        /// Two table rows are the same cell.
        case duplicateCell = "disclosure.duplicate-cell"
        /// A value is neither a non-negative whole number nor a known symbol.
        case badValue = "disclosure.bad-value"
        /// A column the table needs is missing.
        case missingColumn = "disclosure.missing-column"
        /// More cells than the tool handles.
        case tooManyCells = "disclosure.too-many-cells"
        /// Published values that contradict the table's additivity (no non-negative counts fit them).
        case inconsistentTable = "disclosure.inconsistent-table"
        /// Some primary cell could not be protected (no cell left that may be suppressed in its equations).
        case unprotectable = "disclosure.unprotectable"
        /// The LP solver failed (not an answer about the table).
        case solverFailure = "disclosure.solver-failure"
        /// Options that cannot work together or do not fit the table.
        case badOptions = "disclosure.bad-options"
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and what to do.
    public var message: String
    /// The file concerned, if one.
    public var file: String?
    /// The line, if one.
    public var line: Int?
    /// The column (a CSV column name, or a JSON position), if one.
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
