internal import JigsawCSV

/// What ``LeakScanner`` looks at and how it reports.
public struct ScanOptions: Sendable {
    /// Columns known to be safe, not scanned at all. A name matches a header name exactly or, failing
    /// that, ignoring case and leading and trailing spaces and tabs.
    public var allowedColumns: [String]
    /// How to read every file, or `nil` to decide by each file's name (``ScanInputFormat/inferred(from:)``).
    public var format: ScanInputFormat?
    /// "Today": later dates are never dates of birth, and neither are dates more than 120 years before it.
    public var referenceDate: ScanDate
    /// The most line numbers listed per column and kind.
    public var lineNumberLimit: Int
    /// The target number of bytes per chunk processed at once.
    public var chunkSize: Int
    /// The most chunks being scanned or waiting to be counted at once.
    public var maxInFlight: Int

    /// Creates options.
    /// - Parameters:
    ///   - allowedColumns: columns not scanned.
    ///   - format: how to read every file, or `nil` to decide by name.
    ///   - referenceDate: "today" (default: today's date in UTC).
    ///   - lineNumberLimit: the most line numbers listed per column and kind (default 10).
    ///   - chunkSize: bytes per chunk (default 1 MiB).
    ///   - maxInFlight: chunks in flight (default two per core).
    public init(allowedColumns: [String] = [], format: ScanInputFormat? = nil, referenceDate: ScanDate = .today,
                lineNumberLimit: Int = 10, chunkSize: Int = 1 << 20, maxInFlight: Int? = nil) {
        self.allowedColumns = allowedColumns
        self.format = format
        self.referenceDate = referenceDate
        self.lineNumberLimit = Swift.max(0, lineNumberLimit)
        self.chunkSize = Swift.max(4096, chunkSize)
        self.maxInFlight = Swift.max(1, maxInFlight ?? CSVChunkPipeline.defaultMaxInFlight)
    }

    /// Whether a header name is one of ``allowedColumns``, and which.
    /// - Parameter header: a header name as written.
    /// - Returns: the allowed name it matches, as given in the options.
    func allowance(for header: String) -> String? {
        if let exact = allowedColumns.first(where: { $0 == header }) { return exact }
        let loose = CSVFieldValue.trimmingSpacesAndTabs(header).lowercased()
        return allowedColumns.first { CSVFieldValue.trimmingSpacesAndTabs($0).lowercased() == loose }
    }
}
