public import JigsawCSV

/// A published table read back: for every cell of its grid, what was published.
public struct PublishedTable: Sendable {
    /// What a cell shows.
    public enum Entry: Sendable, Equatable {
        /// No row for the cell: its value is unknown to a reader.
        case absent
        /// A number.
        case number(Int)
        /// A suppression symbol.
        case suppressed
        /// A "rounds to zero" symbol.
        case low
    }

    /// The cells.
    public let grid: TableGrid
    /// What each cell shows, indexed by cell number.
    public var entries: [Entry]

    /// Creates a table.
    /// - Parameters:
    ///   - grid: the cells.
    ///   - entries: one entry per cell.
    public init(grid: TableGrid, entries: [Entry]) {
        precondition(entries.count == grid.cellCount, "one entry per cell")
        self.grid = grid
        self.entries = entries
    }

    /// Reads a published CSV: one column per dimension (named as in the hierarchy), holding leaf or total
    /// codes, and one value column holding a whole number or a symbol.
    /// - Parameters:
    ///   - path: the file (`-` for standard input).
    ///   - grid: the table's cells.
    ///   - valueColumn: the value column's name; `nil` takes the only column that is not a dimension.
    ///   - rules: which symbols are known.
    ///   - dialect: the CSV dialect.
    /// - Returns: the table.
    /// - Throws: ``CSVError`` for unreadable CSV, ``DisclosureError`` for an unknown code, a repeated cell or
    ///   a value that is neither a number nor a known symbol (naming the line and column).
    public static func read(path: String, grid: TableGrid, valueColumn: String?, rules: AuditRules,
                            dialect: CSVDialect = CSVDialect()) throws -> PublishedTable {
        var entries = [Entry](repeating: .absent, count: grid.cellCount)
        try TableCSV.forEachCell(path: path, grid: grid, valueColumn: valueColumn, noun: "value", option: "--value-column",
                                 dialect: dialect) { cell, text, line, column in
            if rules.symbols.contains(text) {
                entries[cell] = .suppressed
            } else if rules.lowSymbols.contains(text) {
                entries[cell] = .low
            } else if let value = Int(text), value >= 0 {
                entries[cell] = .number(value)
            } else {
                let known = (rules.symbols.sorted() + rules.lowSymbols.sorted()).map { "\"\($0)\"" }.joined(separator: ", ")
                throw DisclosureError(.badValue, "the value of cell \(grid.describe(cell)) is neither a whole number of 0 or more nor a known symbol (\(known)); name other symbols with --symbol",
                                      file: path, line: line, column: column)
            }
        }
        return PublishedTable(grid: grid, entries: entries)
    }
}
