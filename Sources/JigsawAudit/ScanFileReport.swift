/// What ``LeakScanner`` found in one file.
public struct ScanFileReport: Sendable, Equatable {
    /// The file as named (`-` for standard input).
    public var path: String
    /// How it was read.
    public var format: ScanInputFormat
    /// Data rows for CSV (the header and blank lines not counted), lines for text.
    public var rows: Int
    /// The bytes read.
    public var bytes: Int
    /// The columns with findings, in file order (for text, at most one, named `-`).
    public var columns: [ScanColumn]
    /// The ``ScanOptions/allowedColumns`` that matched a column of this file, which was not scanned.
    public var allowedColumns: [String]

    /// Creates a file's report.
    /// - Parameters:
    ///   - path: the file.
    ///   - format: how it was read.
    ///   - rows: data rows (CSV) or lines (text).
    ///   - bytes: bytes read.
    ///   - columns: the columns with findings.
    ///   - allowedColumns: the allowed columns present.
    public init(path: String, format: ScanInputFormat, rows: Int, bytes: Int, columns: [ScanColumn], allowedColumns: [String]) {
        self.path = path
        self.format = format
        self.rows = rows
        self.bytes = bytes
        self.columns = columns
        self.allowedColumns = allowedColumns
    }

    /// Every finding in the file.
    public var findingCount: Int { columns.reduce(0) { $0 + $1.count } }

    /// The count of each kind found in the file.
    public var countsByKind: [ScanKind: Int] {
        var counts: [ScanKind: Int] = [:]
        for column in columns {
            for finding in column.findings { counts[finding.kind, default: 0] += finding.count }
        }
        return counts
    }
}
