/// How many identifiers of one kind a column holds, and where the first of them are: never the values.
public struct ScanFinding: Sendable, Equatable {
    /// What was found.
    public var kind: ScanKind
    /// How many were found (for ``ScanKind/name`` and ``ScanKind/address``: how many values the column holds).
    public var count: Int
    /// The first distinct lines they are on, ascending: at most ``ScanOptions/lineNumberLimit`` (10).
    /// Lines are physical lines as a text editor shows them, the header being line 1.
    public var lines: [Int]
    /// Whether findings are on more lines than ``lines`` lists.
    public var moreLines: Bool

    /// Creates a finding.
    /// - Parameters:
    ///   - kind: what was found.
    ///   - count: how many.
    ///   - lines: the first lines they are on.
    ///   - moreLines: whether there are more lines than listed.
    public init(kind: ScanKind, count: Int, lines: [Int], moreLines: Bool = false) {
        self.kind = kind
        self.count = count
        self.lines = lines
        self.moreLines = moreLines
    }
}

/// The findings in one column of a CSV file (or in the whole of a text file).
public struct ScanColumn: Sendable, Equatable {
    /// The header's name for the column, or `column N` when the name is missing or could itself be a value
    /// (see ``LeakScanner``); `-` for a text file.
    public var name: String
    /// The 1-based position of the column in a CSV file; `nil` for a text file.
    public var position: Int?
    /// The findings, one per kind found, in the order of ``ScanKind/allCases``.
    public var findings: [ScanFinding]

    /// Creates a column's findings.
    /// - Parameters:
    ///   - name: the column's name, `column N` or `-`.
    ///   - position: the 1-based position, or `nil` for text.
    ///   - findings: one per kind found.
    public init(name: String, position: Int?, findings: [ScanFinding]) {
        self.name = name
        self.position = position
        self.findings = findings
    }

    /// The total count over every kind.
    public var count: Int { findings.reduce(0) { $0 + $1.count } }
}
