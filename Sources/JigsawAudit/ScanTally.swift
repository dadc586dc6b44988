/// What one chunk (or the whole file so far) has found: per column and kind, a count and the first few
/// distinct line numbers. Never a value.
struct ScanTally: Sendable {
    /// One column's findings of one kind.
    struct Entry: Sendable, Equatable {
        var count = 0
        /// Distinct line numbers in ascending order, at most the limit.
        var lines: [Int] = []
        /// Whether findings were on more lines than are listed.
        var moreLines = false
    }

    /// Per column (0-based), per kind (``ScanKind/position``); a column's array is empty until it has a finding.
    var columns: [[Entry]] = []
    /// CSV data rows (or, for text, nothing: see ``lineFeeds``).
    var rows = 0
    /// Line feeds in a text chunk, to place the next chunk's lines.
    var lineFeeds = 0
    /// Bytes scanned.
    var bytes = 0
    /// What stopped the chunk's scan (a malformed record), its line counted from the chunk's first line.
    var error: AuditError?
    /// The most line numbers kept per column and kind.
    let limit: Int

    /// Creates an empty tally.
    /// - Parameter limit: the most line numbers kept per column and kind.
    init(limit: Int) {
        self.limit = limit
    }

    /// Counts one finding.
    /// - Parameters:
    ///   - kind: what was found.
    ///   - column: the 0-based column (0 for text).
    ///   - line: the line it is on (relative to the chunk for text).
    mutating func record(_ kind: ScanKind, column: Int, line: Int) {
        if column >= columns.count { columns.append(contentsOf: repeatElement([], count: column + 1 - columns.count)) }
        if columns[column].isEmpty { columns[column] = Array(repeating: Entry(), count: ScanKind.count) }
        columns[column][kind.position].count += 1
        Self.note(line, in: &columns[column][kind.position], limit: limit)
    }

    /// Adds a later chunk's tally, its line numbers moved on by `lineOffset`.
    /// - Parameters:
    ///   - other: the tally of the chunk after everything added so far.
    ///   - lineOffset: what to add to its line numbers.
    mutating func append(_ other: ScanTally, lineOffset: Int) {
        rows += other.rows
        bytes += other.bytes
        for (column, entries) in other.columns.enumerated() where !entries.isEmpty {
            if column >= columns.count { columns.append(contentsOf: repeatElement([], count: column + 1 - columns.count)) }
            if columns[column].isEmpty { columns[column] = Array(repeating: Entry(), count: ScanKind.count) }
            for (kind, entry) in entries.enumerated() where entry.count > 0 {
                columns[column][kind].count += entry.count
                for line in entry.lines { Self.note(line + lineOffset, in: &columns[column][kind], limit: limit) }
                if entry.moreLines { columns[column][kind].moreLines = true }
            }
        }
    }

    /// Whether anything was found.
    var isEmpty: Bool { columns.allSatisfy(\.isEmpty) }

    private static func note(_ line: Int, in entry: inout Entry, limit: Int) {
        if entry.lines.last == line { return }
        if entry.lines.count < limit {
            entry.lines.append(line)
        } else {
            entry.moreLines = true
        }
    }
}
