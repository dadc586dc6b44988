internal import JigsawCSV

/// The CSV layout shared by leaf-count and published tables: one column per dimension of the hierarchy
/// (named as in the hierarchy file) holding codes, and one value column. Reads each row as one cell.
enum TableCSV {
    /// Calls `body` with each row's cell and its value text (trimmed of spaces and tabs).
    /// - Parameters:
    ///   - path: the file (`-` for standard input).
    ///   - grid: the table's cells.
    ///   - valueColumn: the value column's name; `nil` takes the only column that is not a dimension.
    ///   - noun: what the values are (`value`, `count`), for messages.
    ///   - option: the option that names the value column, for messages.
    ///   - dialect: the CSV dialect.
    ///   - body: called with the cell, the value text, the line and the value column's name.
    /// - Throws: ``CSVError`` for unreadable CSV; ``DisclosureError`` for a missing column, a row of the wrong
    ///   width, an unknown code or a repeated cell; or whatever `body` throws.
    static func forEachCell(path: String, grid: TableGrid, valueColumn: String?, noun: String, option: String, dialect: CSVDialect,
                            _ body: (_ cell: Int, _ text: String, _ line: Int, _ column: String) throws -> Void) throws {
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
                throw DisclosureError(.missingColumn, "has no \(noun) column \"\(valueColumn)\"", file: path, line: 1)
            }
            valueIndex = index
        } else {
            let others = header.names.indices.filter { !columns.contains($0) }
            guard others.count == 1 else {
                throw DisclosureError(.missingColumn, "needs exactly one column besides the dimensions (\(dimensions.map(\.name).joined(separator: ", "))) to hold the \(noun)s, or name it with \(option); it has \(others.count)", file: path, line: 1)
            }
            valueIndex = others[0]
        }
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
            try body(cell, CSVFieldValue.trimmingSpacesAndTabs(CSVFieldValue.string(bytes, fields[valueIndex])), record.line, header.names[valueIndex])
        }
    }
}
