internal import JigsawCSV
extension ScanReport {
    /// The report for people: one line per file, then one per column with findings, giving each kind's
    /// count and first lines:
    ///
    /// ```
    /// extract.csv: 5 findings in 2 columns (csv, 40 rows)
    ///   column "nhs_number" (2): nhs-number: 3 (lines 2, 5, 9)
    ///   column "notes" (6): postcode: 1 (line 12); email: 1 (line 30)
    /// notes.txt: no findings (text, 12 lines)
    /// ```
    ///
    /// Allowed columns are listed under their file (`allowed, not scanned: "forename", "surname"`).
    /// Files that could not be read are not listed (their errors are in ``failures``).
    /// - Returns: the lines, each ending in a line feed.
    public func text() -> String {
        var out = ""
        for file in files {
            let rows = file.format == .text ? Self.count(file.rows, "line") : Self.count(file.rows, "row")
            let found = file.findingCount
            if found == 0 {
                out += "\(file.path): no findings (\(file.format), \(rows))\n"
            } else {
                out += "\(file.path): \(Self.count(found, "finding")) in \(Self.count(file.columns.count, "column")) (\(file.format), \(rows))\n"
            }
            for column in file.columns {
                let label = column.position.map { "column \"\(column.name)\" (\($0))" } ?? "column \(column.name)"
                let parts = column.findings.map { finding in
                    let lines = finding.lines.map(String.init).joined(separator: ", ") + (finding.moreLines ? ", ..." : "")
                    return "\(finding.kind.rawValue): \(Self.count(finding.count)) (\(finding.lines.count == 1 && !finding.moreLines ? "line" : "lines") \(lines))"
                }
                out += "  \(label): \(parts.joined(separator: "; "))\n"
            }
            if !file.allowedColumns.isEmpty {
                out += "  allowed, not scanned: " + file.allowedColumns.map { "\"\($0)\"" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    /// `1 row`, `1,234 rows`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(value == 1 ? noun : noun + "s")"
    }

    /// `1234567` as `1,234,567`.
    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }
}
