public import JigsawCSV

/// The true counts of every cell of a table: leaf counts read from a CSV, totals computed along every
/// dimension of the hierarchy. Missing leaf combinations are zeros; totals given in the input must agree.
public struct CountTable: Sendable {
    /// The cells.
    public let grid: TableGrid
    /// Each cell's count, by cell number.
    public let counts: [Int]

    /// Creates a table from every cell's count (totals included, consistent).
    /// - Parameters:
    ///   - grid: the cells.
    ///   - counts: one count per cell.
    public init(grid: TableGrid, counts: [Int]) {
        precondition(counts.count == grid.cellCount, "one count per cell")
        self.grid = grid
        self.counts = counts
    }

    /// Computes every total from the leaf cells' counts (the others are ignored).
    /// - Parameters:
    ///   - grid: the cells.
    ///   - leafCounts: a count per cell; only inner cells (all codes leaves) are read.
    /// - Returns: the table.
    public static func summing(grid: TableGrid, leafCounts: [Int]) -> CountTable {
        var counts = leafCounts
        let dimensions = grid.hierarchy.dimensions
        var isInternal = [Bool](repeating: false, count: grid.cellCount)
        for cell in 0..<grid.cellCount where !grid.isInner(cell) { isInternal[cell] = true; counts[cell] = 0 }
        // Dimension by dimension: after pass k, every cell whose codes after dimension k are leaves is right.
        for k in dimensions.indices {
            var pending: [(node: Int, cell: Int)] = []
            for cell in 0..<grid.cellCount {
                let nodes = grid.nodes(of: cell)
                guard !dimensions[k].nodes[nodes[k]].isLeaf else { continue }
                guard (k + 1..<dimensions.count).allSatisfy({ dimensions[$0].nodes[nodes[$0]].isLeaf }) else { continue }
                pending.append((nodes[k], cell))
            }
            // In pre-order a node's children come after it, so the deepest totals are summed first.
            pending.sort { $0.node > $1.node }
            for (node, cell) in pending {
                var nodes = grid.nodes(of: cell)
                var sum = 0
                for child in dimensions[k].nodes[node].children {
                    nodes[k] = child
                    sum += counts[grid.cell(nodes)]
                }
                counts[cell] = sum
            }
        }
        return CountTable(grid: grid, counts: counts)
    }

    /// Reads leaf counts: one column per dimension (named as in the hierarchy) and one count column.
    /// Rows for leaf cells give counts; rows naming a total are checked against the sum of its leaves.
    /// - Parameters:
    ///   - path: the file (`-` for standard input).
    ///   - grid: the cells.
    ///   - countColumn: the count column's name; `nil` takes the only column that is not a dimension.
    ///   - dialect: the CSV dialect.
    /// - Returns: the table.
    /// - Throws: ``CSVError`` for unreadable CSV; ``DisclosureError`` for a missing column, an unknown code, a
    ///   repeated cell, a count that is not a whole number of 0 or more, or a total that disagrees.
    public static func read(path: String, grid: TableGrid, countColumn: String?, dialect: CSVDialect = CSVDialect()) throws -> CountTable {
        var leafCounts = [Int](repeating: 0, count: grid.cellCount)
        var given: [(cell: Int, count: Int, line: Int, column: String)] = []
        try TableCSV.forEachCell(path: path, grid: grid, valueColumn: countColumn, noun: "count", option: "--count-column",
                                 dialect: dialect) { cell, text, line, column in
            guard let count = Int(text), count >= 0 else {
                throw DisclosureError(.badValue, "the count of cell \(grid.describe(cell)) is not a whole number of 0 or more",
                                      file: path, line: line, column: column)
            }
            if grid.isInner(cell) { leafCounts[cell] = count } else { given.append((cell, count, line, column)) }
        }
        let table = summing(grid: grid, leafCounts: leafCounts)
        for total in given where table.counts[total.cell] != total.count {
            throw DisclosureError(.inconsistentTable, "the total of cell \(grid.describe(total.cell)) is not the sum of its leaves in this file; correct it or leave totals out (they are computed)",
                                  file: path, line: total.line, column: total.column)
        }
        return table
    }
}
