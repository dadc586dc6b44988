internal import JigsawCSV

/// Finds raw identifiers in files that should hold none: the check before a tokenised or encoded file
/// leaves its controller.
///
/// It looks for valid NHS numbers and UPNs (check digit and check letter verified, so most random numbers
/// are not taken for them), UK postcodes, dates that could be dates of birth, e-mail addresses and UK
/// telephone numbers anywhere in the text (``ScanKind`` lists the forms), and, in CSV files, for values in
/// columns whose header says they hold names or addresses.
///
/// Hex tokens and base64 CLKs are never flagged, by two rules. A run of 20 or more bytes of
/// `A–Z a–z 0–9 + / = _ -` is one opaque token and is skipped whole: every token and CLK is one, and no
/// identifier written in an ordinary way is that long without a space or other punctuation. And an
/// identifier must stand on its own: not inside a longer run of letters and digits, and not joined to its
/// surroundings by `_`, `+`, `/` or `@` (nor followed by `=`), the bytes that frame digit runs inside
/// base64. The price is that an identifier glued to other text that way (`/patients/9434765919/`,
/// `nhs_9434765919`) is not found.
///
/// A CSV file is reported per column, by the header's name (or `column N` when the name is blank or
/// could itself be a value: more than 64 characters, no letter, four digits in a row, an `@`, or an
/// identifier found in it, as in a file without a header line); a text file as one column named `-`.
/// Reports give kinds, counts and line numbers, never values, and so do errors.
///
/// Files are read in chunks of about 1 MiB, scanned on all cores and counted in file order, so memory
/// stays bounded whatever the file's size and results do not depend on the number of cores.
public struct LeakScanner: Sendable {
    /// The options.
    public let options: ScanOptions
    let patterns: IdentifierPatterns

    /// Creates a scanner.
    /// - Parameter options: what to look at and how to report.
    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
        patterns = IdentifierPatterns(referenceDate: options.referenceDate)
    }

    /// Scans files one after another, carrying on past files that cannot be read.
    /// - Parameters:
    ///   - paths: the files (`-` for standard input).
    ///   - progress: called on the caller's task with the rows or lines scanned so far, over all files.
    /// - Returns: the report, with the files that could not be read as its ``ScanReport/failures``.
    public func scan(paths: [String], progress: (Int) -> Void = { _ in }) async -> ScanReport {
        var files: [ScanFileReport] = []
        var failures: [AuditError] = []
        var rowsBefore = 0
        for path in paths {
            do {
                let file = try await scan(path: path) { progress(rowsBefore + $0) }
                rowsBefore += file.rows
                files.append(file)
            } catch {
                failures.append(error)
            }
        }
        let used = Set(files.flatMap(\.allowedColumns))
        return ScanReport(files: files, failures: failures,
                          unmatchedAllowedColumns: options.allowedColumns.filter { !used.contains($0) })
    }

    /// Scans one file.
    /// - Parameters:
    ///   - path: the file (`-` for standard input).
    ///   - progress: called on the caller's task with the rows or lines scanned so far.
    /// - Returns: the file's report.
    /// - Throws: ``AuditError``: `.io` when the file cannot be opened or read, `.badInput` when a CSV file is
    ///   malformed (an unclosed quote, text after a closing quote, a record over 16 MiB) or a text line
    ///   cannot be split. Messages name the file, line and column, never a value.
    public func scan(path: String, progress: (Int) -> Void = { _ in }) async throws(AuditError) -> ScanFileReport {
        let format = options.format ?? ScanInputFormat.inferred(from: path)
        try ScanFileSniffer.check(path)
        do {
            switch format {
            case .csv(let delimiter):
                return try await scanCSV(path: path, dialect: CSVDialect(delimiter: delimiter), progress: progress)
            case .text:
                return try await scanText(path: path, progress: progress)
            }
        } catch let error as AuditError {
            throw error
        } catch let error as CSVError {
            throw Self.auditError(error)
        } catch {
            throw AuditError(.io, "cannot scan: \(error)", file: path)
        }
    }

    /// The kinds of identifier found in one piece of text, in order (for checking a message or a field
    /// before it is written anywhere). Header-based kinds are never returned.
    /// - Parameter text: the text.
    /// - Returns: the kind of each identifier found, one entry per identifier.
    public func kinds(in text: String) -> [ScanKind] {
        var bytes = Array(text.utf8)
        var matches: [PatternMatch] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            patterns.scan(base, from: 0, to: buffer.count, compactDates: false, into: &matches)
        }
        bytes.removeAll()
        return matches.map(\.kind)
    }

    /// A CSV reading error as the module's error, keeping its location and never a value.
    static func auditError(_ error: CSVError) -> AuditError {
        switch error.code {
        case .fileNotFound, .io:
            return AuditError(.io, error.message, file: error.file, line: error.line, column: error.column)
        default:
            return AuditError(.badInput, error.message + "; to scan the file as plain text instead, read it with --text",
                              file: error.file, line: error.line, column: error.column)
        }
    }
}
