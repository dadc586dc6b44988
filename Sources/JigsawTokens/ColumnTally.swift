public import JigsawIdentifiers

/// Counts for one identifier column: values seen, tokens made, blanks, and invalid values by reason.
public struct ColumnTally: Sendable, Equatable {
    /// The column's header name.
    public var name: String
    /// The token domain.
    public var domain: String
    /// Rows in which the column was examined.
    public var rows = 0
    /// Valid values (each became a token when tokenising).
    public var valid = 0
    /// Valid temporary UPNs (included in `valid`).
    public var temporary = 0
    /// Blank values (empty once spaces and tabs are trimmed, or absent from a short row).
    public var blank = 0
    /// Invalid values, indexed by the position of the reason in `InvalidIdentifierReason.allCases`.
    public var invalidByReason = [Int](repeating: 0, count: InvalidIdentifierReason.allCases.count)

    /// Creates an empty tally.
    /// - Parameters:
    ///   - name: the column's header name.
    ///   - domain: its token domain.
    public init(name: String, domain: String) {
        self.name = name
        self.domain = domain
    }

    /// All invalid values.
    public var invalid: Int { invalidByReason.reduce(0, +) }

    /// The count of invalid values for `reason`.
    /// - Parameter reason: the reason.
    /// - Returns: how many values were invalid for it.
    public func invalid(_ reason: InvalidIdentifierReason) -> Int {
        invalidByReason[InvalidIdentifierReason.allCases.firstIndex(of: reason)!]
    }

    /// Adds another tally of the same column.
    /// - Parameter other: counts from another chunk.
    public mutating func add(_ other: ColumnTally) {
        rows += other.rows
        valid += other.valid
        temporary += other.temporary
        blank += other.blank
        for i in invalidByReason.indices { invalidByReason[i] += other.invalidByReason[i] }
    }
}

/// One invalid value's place and reason (never its content), for `--report`.
public struct InvalidValueFinding: Sendable, Equatable {
    /// The physical line where the record starts.
    public var line: Int
    /// The column's header name.
    public var column: String
    /// Why the value is invalid.
    public var reason: InvalidIdentifierReason
}

/// Counts for a whole run (or one chunk of it).
public struct ExtractTally: Sendable, Equatable {
    /// Data rows read (blank lines excluded).
    public var rows = 0
    /// Rows written to the output.
    public var rowsWritten = 0
    /// Rows dropped because an identifier was invalid (`--on-invalid drop-row`).
    public var rowsDroppedInvalid = 0
    /// Rows with the wrong number of fields, dropped or kept under `--on-ragged`.
    public var raggedRows = 0
    /// Per-column counts, in the order the columns were named.
    public var columns: [ColumnTally]

    /// Creates an empty tally for the given columns.
    /// - Parameter columns: empty tallies, one per identifier column.
    public init(columns: [ColumnTally]) {
        self.columns = columns
    }

    /// Adds another tally of the same plan.
    /// - Parameter other: counts from another chunk.
    public mutating func add(_ other: ExtractTally) {
        rows += other.rows
        rowsWritten += other.rowsWritten
        rowsDroppedInvalid += other.rowsDroppedInvalid
        raggedRows += other.raggedRows
        for i in columns.indices { columns[i].add(other.columns[i]) }
    }
}

extension ColumnTally {
    /// The reasons in the order of ``invalidByReason``.
    public static var reasons: [InvalidIdentifierReason] { InvalidIdentifierReason.allCases }
}
