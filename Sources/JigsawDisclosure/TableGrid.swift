/// Every cell of a table: each combination of one code per dimension, leaves and totals alike, numbered in
/// mixed radix (the last dimension varies fastest), and the additivity equations that tie them together.
public struct TableGrid: Sendable {
    /// The hierarchy the cells come from.
    public let hierarchy: TableHierarchy
    /// Codes per dimension.
    public let radices: [Int]
    /// The number of cells.
    public let cellCount: Int

    /// The most cells a table may have.
    public static let maximumCells = 100_000

    /// The grid of `hierarchy`.
    /// - Parameter hierarchy: the dimensions.
    /// - Throws: ``DisclosureError/Code/tooManyCells`` beyond ``maximumCells``.
    public init(hierarchy: TableHierarchy) throws(DisclosureError) {
        self.hierarchy = hierarchy
        radices = hierarchy.dimensions.map(\.nodes.count)
        var count = 1
        for radix in radices {
            let (product, overflow) = count.multipliedReportingOverflow(by: radix)
            guard !overflow, product <= Self.maximumCells else {
                throw DisclosureError(.tooManyCells, "the hierarchy gives more than \(Self.maximumCells) cells (leaves and totals); split the table")
            }
            count = product
        }
        cellCount = count
    }

    /// The cell of one node per dimension.
    /// - Parameter nodes: a node position per dimension.
    /// - Returns: the cell's number.
    public func cell(_ nodes: [Int]) -> Int {
        var index = 0
        for (dimension, node) in nodes.enumerated() { index = index * radices[dimension] + node }
        return index
    }

    /// The node of each dimension of `cell`.
    /// - Parameter cell: a cell's number.
    /// - Returns: a node position per dimension.
    public func nodes(of cell: Int) -> [Int] {
        var rest = cell
        var out = [Int](repeating: 0, count: radices.count)
        for dimension in radices.indices.reversed() {
            out[dimension] = rest % radices[dimension]
            rest /= radices[dimension]
        }
        return out
    }

    /// `dim=code, dim=code` naming a cell, for messages and reports.
    /// - Parameter cell: a cell's number.
    /// - Returns: its codes.
    public func describe(_ cell: Int) -> String {
        zip(hierarchy.dimensions, nodes(of: cell)).map { "\($0.name)=\($0.nodes[$1].code)" }.joined(separator: ", ")
    }

    /// Whether every node of `cell` is a leaf (an inner cell, not a total).
    /// - Parameter cell: a cell's number.
    /// - Returns: `true` for an inner cell.
    public func isInner(_ cell: Int) -> Bool {
        zip(hierarchy.dimensions, nodes(of: cell)).allSatisfy { $0.nodes[$1].isLeaf }
    }

    /// One additivity equation: `total = Σ parts`.
    public struct Equation: Sendable, Equatable {
        /// The total cell.
        public var total: Int
        /// The cells that add up to it.
        public var parts: [Int]
    }

    /// Every additivity equation: for each dimension, each code with children, and each combination of
    /// codes of the other dimensions, the cell with that code equals the sum of the cells with its children.
    /// - Returns: the equations, in a fixed order.
    public func equations() -> [Equation] {
        var out: [Equation] = []
        for cell in 0..<cellCount {
            let nodes = nodes(of: cell)
            for (dimension, node) in nodes.enumerated() {
                let children = hierarchy.dimensions[dimension].nodes[node].children
                guard !children.isEmpty else { continue }
                var parts: [Int] = []
                parts.reserveCapacity(children.count)
                var child = nodes
                for code in children {
                    child[dimension] = code
                    parts.append(self.cell(child))
                }
                out.append(Equation(total: cell, parts: parts))
            }
        }
        return out
    }
}
