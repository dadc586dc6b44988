internal import Foundation
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
        let reader = try CSVChunkReader(path: path, dialect: dialect)
        let header = try reader.readHeader()
        let dimensions = grid.hierarchy.dimensions
        var columns: [Int] = []
        for dimension in dimensions {
            guard let column = header.index(of: dimension.name) else {
                throw DisclosureError(.missingColumn, "has no column \"\(dimension.name)\" for the hierarchy's dimension of that name; columns are \(header.names.joined(separator: ", "))", file: path, line: 1)
            }
            columns.append(column)
        }
        let valueIndex: Int
        if let valueColumn {
            guard let index = header.index(of: valueColumn) else {
                throw DisclosureError(.missingColumn, "has no value column \"\(valueColumn)\"", file: path, line: 1)
            }
            valueIndex = index
        } else {
            let others = header.names.indices.filter { !columns.contains($0) }
            guard others.count == 1 else {
                throw DisclosureError(.missingColumn, "needs exactly one column besides the dimensions (\(dimensions.map(\.name).joined(separator: ", "))) to hold the values, or name it with --value-column; it has \(others.count)", file: path, line: 1)
            }
            valueIndex = others[0]
        }
        var entries = [Entry](repeating: .absent, count: grid.cellCount)
        var seenOn = [Int](repeating: 0, count: grid.cellCount)
        var nodes = [Int](repeating: 0, count: dimensions.count)
        try reader.forEachRecord(dialect: reader.dialect, file: path, columnNames: header.names) { record, fields, bytes in
            guard fields.count == header.names.count else {
                throw DisclosureError(.badValue, "has \(fields.count) fields where the header has \(header.names.count)", file: path, line: record.line)
            }
            for (dimension, column) in columns.enumerated() {
                let code = CSVFieldValue.trimmingSpacesAndTabs(CSVFieldValue.string(bytes, fields[column]))
                guard let node = dimensions[dimension].position(of: code) else {
                    throw DisclosureError(.unknownCode, "the code \"\(code)\" is not in the hierarchy of dimension \"\(dimensions[dimension].name)\"",
                                          file: path, line: record.line, column: header.names[column])
                }
                nodes[dimension] = node
            }
            let cell = grid.cell(nodes)
            if seenOn[cell] != 0 {
                throw DisclosureError(.duplicateCell, "the cell \(grid.describe(cell)) is also on line \(seenOn[cell])", file: path, line: record.line)
            }
            seenOn[cell] = record.line
            let text = CSVFieldValue.trimmingSpacesAndTabs(CSVFieldValue.string(bytes, fields[valueIndex]))
            if rules.symbols.contains(text) {
                entries[cell] = .suppressed
            } else if rules.lowSymbols.contains(text) {
                entries[cell] = .low
            } else if let value = Int(text), value >= 0 {
                entries[cell] = .number(value)
            } else {
                let known = (rules.symbols.sorted() + rules.lowSymbols.sorted()).map { "\"\($0)\"" }.joined(separator: ", ")
                throw DisclosureError(.badValue, "the value of cell \(grid.describe(cell)) is neither a whole number of 0 or more nor a known symbol (\(known)); name other symbols with --symbol",
                                      file: path, line: record.line, column: header.names[valueIndex])
            }
        }
        return PublishedTable(grid: grid, entries: entries)
    }
}
