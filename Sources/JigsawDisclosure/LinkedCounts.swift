internal import JigsawCSV

/// Children counted by `ChildAggregation`: the hierarchy of the table's dimensions and the count of every
/// leaf cell, zeros included, ready to be written for `jigsaw suppress`.
public struct LinkedCounts: Sendable, Equatable {
    /// The dimensions and their trees, in the order asked for.
    public let hierarchy: TableHierarchy
    /// One count per combination of leaves, in hierarchy order: the first dimension varies slowest, and
    /// each dimension's leaves come in pre-order.
    public let leafCounts: [Int]
    /// Rows read (blank lines aside).
    public let rows: Int
    /// Distinct children counted; the sum of ``leafCounts``.
    public let children: Int
    /// Rows whose child id was already counted from an earlier row (checked, not counted).
    public let repeatedRows: Int

    /// Creates counts.
    /// - Parameters:
    ///   - hierarchy: the dimensions.
    ///   - leafCounts: one count per leaf combination, in hierarchy order.
    ///   - rows: rows read.
    ///   - children: distinct children.
    ///   - repeatedRows: rows repeating an earlier child id.
    public init(hierarchy: TableHierarchy, leafCounts: [Int], rows: Int, children: Int, repeatedRows: Int) {
        self.hierarchy = hierarchy
        self.leafCounts = leafCounts
        self.rows = rows
        self.children = children
        self.repeatedRows = repeatedRows
    }

    /// Each dimension's leaf codes, in hierarchy order.
    public var leafCodes: [[String]] {
        hierarchy.dimensions.map { dimension in dimension.nodes.filter(\.isLeaf).map(\.code) }
    }

    /// The count of the leaf cell with these codes, one per dimension.
    /// - Parameter codes: a leaf code of each dimension, in order.
    /// - Returns: the count, or `nil` when some code is not a leaf of its dimension.
    public func count(_ codes: [String]) -> Int? {
        let leaves = leafCodes
        guard codes.count == leaves.count else { return nil }
        var offset = 0
        for (dimension, code) in codes.enumerated() {
            guard let position = leaves[dimension].firstIndex(of: code) else { return nil }
            offset = offset * leaves[dimension].count + position
        }
        return leafCounts[offset]
    }

    /// The leaf table as CSV: a header of the dimensions' names and `countColumn`, then one row per leaf
    /// combination in hierarchy order, zeros included (comma-separated, LF line endings, codes quoted when
    /// they need it), as `CountTable.read` reads it.
    /// - Parameter countColumn: the name of the count column.
    /// - Returns: the file's bytes.
    public func leavesCSV(countColumn: String = "count") -> [UInt8] {
        let leaves = leafCodes
        var out = CSVFieldValue.textRow(hierarchy.dimensions.map(\.name) + [countColumn])
        var positions = [Int](repeating: 0, count: leaves.count)
        for count in leafCounts {
            out += CSVFieldValue.textRow(positions.enumerated().map { leaves[$0][$1] } + [String(count)])
            // The last dimension varies fastest.
            var dimension = leaves.count - 1
            while dimension >= 0 {
                positions[dimension] += 1
                if positions[dimension] < leaves[dimension].count { break }
                positions[dimension] = 0
                dimension -= 1
            }
        }
        return Array(out.utf8)
    }

    /// The hierarchy as the JSON file `TableHierarchy.parse` reads: each dimension's name maps to its root,
    /// regions map to lists of their councils, and flat dimensions map their root to a list of categories.
    /// - Returns: the file's bytes (UTF-8, LF line endings, one dimension per line group).
    public func hierarchyJSON() -> [UInt8] {
        var out = "{\n"
        for (index, dimension) in hierarchy.dimensions.enumerated() {
            out += "  " + JSONText.quoted(dimension.name) + ": {" + Self.subtree(dimension, 0, indent: "    ") + "}"
            out += index == hierarchy.dimensions.count - 1 ? "\n" : ",\n"
        }
        out += "}\n"
        return Array(out.utf8)
    }

    /// `"CODE": […]` or `"CODE": {…}` for `node` and its descendants.
    private static func subtree(_ dimension: TableDimension, _ node: Int, indent: String) -> String {
        let entry = dimension.nodes[node]
        let children = entry.children
        if children.allSatisfy({ dimension.nodes[$0].isLeaf }) {
            return JSONText.quoted(entry.code) + ": [" + children.map { JSONText.quoted(dimension.nodes[$0].code) }.joined(separator: ", ") + "]"
        }
        let inner = children.map { indent + subtree(dimension, $0, indent: indent + "  ") }.joined(separator: ",\n")
        return JSONText.quoted(entry.code) + ": {\n" + inner + "\n" + String(indent.dropLast(2)) + "}"
    }

}
