extension LinkageReport {
    /// A published table of counts as the report shows it: its dimensions' codes and what each cell
    /// published, a number or the suppression symbol.
    ///
    /// It is plain values, so JigsawLinkage needs no table library: the caller reads the table (for example
    /// with JigsawDisclosure's `PublishedTable`) and copies what it published here.
    public struct PublishedCells: Sendable, Equatable {
        /// One dimension of the table: its codes in publication order, each with its level in the hierarchy
        /// (0 for the root, such as `England`).
        public struct Dimension: Sendable, Equatable {
            /// The dimension's name, such as `la`.
            public var name: String
            /// Its codes, in publication order.
            public var codes: [String]
            /// Each code's level (0 at the root).
            public var levels: [Int]

            /// Creates a dimension.
            /// - Parameters:
            ///   - name: its name.
            ///   - codes: its codes, in order.
            ///   - levels: each code's level; as many as `codes`.
            public init(name: String, codes: [String], levels: [Int]) {
                precondition(codes.count == levels.count, "one level per code")
                self.name = name
                self.codes = codes
                self.levels = levels
            }
        }

        /// What a cell published.
        public enum Value: Sendable, Equatable {
            /// A count.
            case number(Int)
            /// The suppression symbol.
            case suppressed
            /// A "rounds to zero" symbol.
            case low
            /// Nothing: the table has no row for the cell.
            case absent
        }

        /// One cell: a code position per dimension, and its value.
        public struct Cell: Sendable, Equatable {
            /// The position of the cell's code in each dimension's ``Dimension/codes``.
            public var positions: [Int]
            /// What the cell published.
            public var value: Value

            /// Creates a cell.
            /// - Parameters:
            ///   - positions: a code position per dimension.
            ///   - value: what it published.
            public init(positions: [Int], value: Value) {
                self.positions = positions
                self.value = value
            }
        }

        /// The table's dimensions.
        public var dimensions: [Dimension]
        /// Its cells, in publication order.
        public var cells: [Cell]
        /// The symbol shown for a suppressed cell, such as `[c]`.
        public var symbol: String
        /// The file's name, as shown in the section.
        public var fileName: String

        /// Creates a table.
        /// - Parameters:
        ///   - dimensions: its dimensions.
        ///   - cells: its cells, each with a position per dimension.
        ///   - symbol: the suppression symbol.
        ///   - fileName: the file's name.
        public init(dimensions: [Dimension], cells: [Cell], symbol: String, fileName: String) {
            self.dimensions = dimensions
            self.cells = cells
            self.symbol = symbol
            self.fileName = fileName
        }

        /// The cells that published the suppression symbol.
        public var suppressedCount: Int { cells.count { $0.value == .suppressed } }
    }
}
