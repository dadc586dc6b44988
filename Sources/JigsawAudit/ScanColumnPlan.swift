internal import JigsawCSV

/// How each column of a CSV file is scanned, decided once from its header: skipped (allowed), counted
/// whole (a name or address column), with `YYYYMMDD` read as a date (a date column), and the name it is
/// reported by.
struct ScanColumnPlan: Sendable {
    /// One column's treatment.
    struct Rule: Sendable {
        /// Listed in ``ScanOptions/allowedColumns``: not scanned.
        var allowed = false
        /// `.name` or `.address` when the header says so: every value counts.
        var kind: ScanKind?
        /// Whether `YYYYMMDD` counts as a date.
        var holdsDates = false
    }

    /// The rules, by 0-based column.
    var rules: [Rule]
    /// The names columns are reported by, by 0-based column.
    var names: [String]
    /// The allowed names (as the options give them) that matched a column.
    var allowedNames: [String]
    /// Whether some column's every value must be looked at (a name or address column).
    var needsFields: Bool { rules.contains { $0.kind != nil } }
    /// Whether some column holds dates, so `YYYYMMDD` is read.
    var hasDateColumns: Bool { rules.contains { $0.holdsDates && !$0.allowed } }

    /// Plans the scan of a file with `header`.
    /// - Parameters:
    ///   - header: the file's header line.
    ///   - options: the scan's options.
    ///   - patterns: the matchers, to tell whether a header name is itself an identifier.
    init(header: CSVHeader, options: ScanOptions, patterns: IdentifierPatterns) {
        rules = []
        names = []
        var allowed: [String] = []
        for name in header.names {
            var rule = Rule()
            if let allowance = options.allowance(for: name) {
                rule.allowed = true
                if !allowed.contains(allowance) { allowed.append(allowance) }
            } else {
                let heading = ColumnHeading(name)
                rule.kind = heading.kind
                rule.holdsDates = heading.holdsDates
            }
            rules.append(rule)
        }
        // A first line with any field that looks like a value is a file without a header line: then every
        // column is named by position, so that a name or address beside an NHS number is never printed as if
        // it were a column's name.
        let isHeader = header.names.indices.allSatisfy { index in
            CSVRecordParser.isPrintableColumnName(header.names[index]) && Self.findings(inHeaderField: index, header, patterns).isEmpty
        }
        names = header.names.indices.map { isHeader ? header.names[$0] : Self.positionalName($0) }
        allowedNames = allowed
    }

    /// The rule for column `index` (the default for columns beyond the header's).
    @inline(__always)
    func rule(_ index: Int) -> Rule {
        index < rules.count ? rules[index] : Rule()
    }

    /// The name column `index` is reported by.
    /// - Parameter index: the 0-based column.
    /// - Returns: the header's name, or `column N`.
    func name(of index: Int) -> String {
        index < names.count ? names[index] : Self.positionalName(index)
    }

    /// `column N`, for a column reported by position.
    static func positionalName(_ index: Int) -> String { "column \(index + 1)" }

    /// Identifiers in the header line's field `index` (a file without a header line has values there).
    /// - Returns: the matches, offsets within the header's raw bytes.
    static func findings(inHeaderField index: Int, _ header: CSVHeader, _ patterns: IdentifierPatterns) -> [PatternMatch] {
        var matches: [PatternMatch] = []
        let field = header.fields[index]
        header.rawBytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            patterns.scan(base, from: field.quoted ? field.start + 1 : field.start, to: field.quoted ? field.end - 1 : field.end,
                          compactDates: false, into: &matches)
        }
        return matches
    }

    /// Counts the identifiers in the header line (line 1, or later lines of a quoted name) into `tally`.
    /// - Parameters:
    ///   - header: the header.
    ///   - patterns: the matchers.
    ///   - tally: where findings go.
    func scanHeader(_ header: CSVHeader, patterns: IdentifierPatterns, into tally: inout ScanTally) {
        for index in header.fields.indices where !(index < rules.count && rules[index].allowed) {
            for match in Self.findings(inHeaderField: index, header, patterns) {
                let line = 1 + header.rawBytes[0..<match.start].reduce(0) { $0 + ($1 == Byte.lineFeed ? 1 : 0) }
                tally.record(match.kind, column: index, line: line)
            }
        }
    }
}
