/// How ``LeakScanner`` reads a file: as CSV (findings per column, header-based kinds) or as plain text
/// (findings per file, column `-`).
public enum ScanInputFormat: Sendable, Hashable, CustomStringConvertible {
    /// Delimited text (RFC 4180) with a header line, split by `delimiter`.
    case csv(delimiter: UInt8)
    /// Any text, read line by line.
    case text

    /// The format a file's name suggests: `.csv` comma-separated, `.tsv` or `.tab` tab-separated, `.psv`
    /// pipe-separated (any case); anything else, standard input (`-`) included, plain text.
    /// - Parameter path: the file's path.
    /// - Returns: the format.
    public static func inferred(from path: String) -> ScanInputFormat {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if name.hasSuffix(".csv") { return .csv(delimiter: UInt8(ascii: ",")) }
        if name.hasSuffix(".tsv") || name.hasSuffix(".tab") { return .csv(delimiter: UInt8(ascii: "\t")) }
        if name.hasSuffix(".psv") { return .csv(delimiter: UInt8(ascii: "|")) }
        return .text
    }

    /// `csv` or `text`.
    public var description: String {
        switch self {
        case .csv: "csv"
        case .text: "text"
        }
    }
}
