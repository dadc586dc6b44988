/// What ``LeakScanner`` found in a set of files: per file, per column, per kind, a count and the first
/// line numbers; and the files it could not read. It holds no identifier value, so it can be printed,
/// logged or kept in the audit log as it is.
public struct ScanReport: Sendable, Equatable {
    /// The files read, in the order given.
    public var files: [ScanFileReport]
    /// The files that could not be read (missing, unreadable, malformed CSV), in the order given.
    public var failures: [AuditError]
    /// The ``ScanOptions/allowedColumns`` that matched no column of any file read (probably mistyped).
    public var unmatchedAllowedColumns: [String]

    /// Creates a report.
    /// - Parameters:
    ///   - files: the files read.
    ///   - failures: the files that could not be read.
    ///   - unmatchedAllowedColumns: allowed columns found in no file.
    public init(files: [ScanFileReport], failures: [AuditError] = [], unmatchedAllowedColumns: [String] = []) {
        self.files = files
        self.failures = failures
        self.unmatchedAllowedColumns = unmatchedAllowedColumns
    }

    /// Every finding in every file.
    public var findingCount: Int { files.reduce(0) { $0 + $1.findingCount } }

    /// Whether anything was found: a transfer should stop.
    public var hasFindings: Bool { findingCount > 0 }

    /// The count of each kind found, over all files.
    public var countsByKind: [ScanKind: Int] {
        var counts: [ScanKind: Int] = [:]
        for file in files {
            for (kind, count) in file.countsByKind { counts[kind, default: 0] += count }
        }
        return counts
    }

    /// Counts for the audit log, with no names and no values:
    /// `{"files": n, "files_with_findings": n, "unreadable": n, "findings": n, "by_kind": {"nhs-number": n, …}}`
    /// (`by_kind` lists only the kinds found).
    /// - Returns: the summary.
    public func auditSummary() -> [String: AuditValue] {
        [
            "files": .integer(files.count),
            "files_with_findings": .integer(files.filter { $0.findingCount > 0 }.count),
            "unreadable": .integer(failures.count),
            "findings": .integer(findingCount),
            "by_kind": .object(Dictionary(uniqueKeysWithValues: countsByKind.map { ($0.key.rawValue, AuditValue.integer($0.value)) })),
        ]
    }
}
