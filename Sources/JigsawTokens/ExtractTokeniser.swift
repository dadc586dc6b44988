internal import JigsawCrypto
public import JigsawCSV
internal import JigsawIdentifiers

/// What to do with a present but invalid identifier.
public enum InvalidValuePolicy: String, Sendable, CaseIterable {
    /// Write an empty token and keep the row (the default).
    case blank
    /// Leave the whole row out of the output.
    case dropRow = "drop-row"
    /// Stop at the first invalid value; no output is written.
    case fail
}

/// What to do with a row whose field count differs from the header's.
public enum RaggedRowPolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the line (the default).
    case fail
    /// Leave the row out of the output and count it.
    case dropRow = "drop-row"
    /// Keep the row: missing identifier fields count as blank, extra fields pass through.
    case keep
}

/// Extra per-row work layered on tokenisation (for example, encoding a CLK from other columns).
///
/// For every data row that survives the identifier checks, ``prepare(fields:raw:line:)`` may compute
/// what it needs and may drop the row; for kept rows, ``append(to:delimiter:)`` writes the extension's own
/// fields after the row's kept columns (or, when ``replacesRow`` is set, instead of them and their line
/// ending). Make one per chunk: it is used from one task only.
public protocol ExtractRowExtension: AnyObject {
    /// Whether the extension writes the whole output row itself (e.g. a JSON array element).
    var replacesRow: Bool { get }
    /// Examines a row; returns `false` to leave the row out of the output.
    /// - Parameters:
    ///   - fields: the row's field extents within `raw`.
    ///   - raw: the chunk's bytes.
    ///   - line: the physical line where the row starts.
    func prepare(fields: [CSVField], raw: UnsafeRawBufferPointer, line: Int) throws -> Bool
    /// Appends the extension's fields for the row just prepared (each preceded by `delimiter`, unless
    /// ``replacesRow``).
    /// - Parameters:
    ///   - output: the chunk's output.
    ///   - delimiter: the output delimiter.
    func append(to output: ByteBuffer, delimiter: UInt8)
}

/// A column to tokenise and the domain of its values.
public struct TokenColumnSpec: Sendable, Equatable {
    /// The header name.
    public var name: String
    /// The token domain: `nhs-number`, `upn` or any other `[a-z0-9-]+` name.
    public var domain: String

    /// Creates a column specification.
    /// - Parameters:
    ///   - name: the header name.
    ///   - domain: the token domain.
    public init(name: String, domain: String) {
        self.name = name
        self.domain = domain
    }
}

/// The counts and findings of one chunk.
public struct ExtractChunkResult: Sendable {
    /// The chunk's counts.
    public var tally: ExtractTally
    /// Invalid values found, in input order (only when findings are collected).
    public var findings: [InvalidValueFinding]
}

/// Validates and (optionally) tokenises the identifier columns of a CSV extract, one chunk at a time.
///
/// Each named column is replaced in place by its token; every other column passes through byte for byte
/// unless dropped; line endings are kept. Chunks are independent, so ``process(_:into:)`` runs concurrently
/// on all cores, each call keying its own HMAC states from the shared subkey.
public struct ExtractTokeniser: Sendable {
    private struct ResolvedColumn: Sendable {
        var index: Int
        var domain: String
        var scheme: IdentifierScheme
    }

    /// The input's name for messages.
    public let file: String
    /// The input's dialect.
    public let dialect: CSVDialect
    /// The input's header.
    public let header: CSVHeader
    private let columns: [ResolvedColumn]
    private let tokenColumnOf: [Int]
    private let dropped: [Bool]
    private let tokenBytes: Int
    private let onInvalid: InvalidValuePolicy
    private let onRagged: RaggedRowPolicy
    private let collectFindings: Bool
    private let emitOutput: Bool
    private let dropExtraFields: Bool
    /// Header names that may appear in messages: only the columns the user named (by option or schema);
    /// every other column is described by position, so a file without a header line never has a value
    /// from its first row echoed.
    public let messageNames: [String]
    private let tokenSubkey: SecretBytes?

    /// Plans a run against a header.
    /// - Parameters:
    ///   - file: the input's name for messages.
    ///   - header: the input's header.
    ///   - dialect: the input's dialect.
    ///   - specs: the identifier columns and their domains.
    ///   - drop: columns to leave out of the output.
    ///   - keys: derived keys to tokenise with, or `nil` to validate only (no output).
    ///   - tokenBytes: the token length in bytes (16...32).
    ///   - onInvalid: what to do with invalid values.
    ///   - onRagged: what to do with rows of the wrong width.
    ///   - collectFindings: whether to list each invalid value's line and reason.
    ///   - emitOutput: whether to write output rows (default: when keyed).
    ///   - keepOnly: when given, the output holds only these columns and the tokenised ones (in input
    ///     order); every other column, and any field beyond the header's width, is left out.
    ///   - referencedColumns: other columns the caller reads (e.g. a schema's feature columns), which may
    ///     be named in messages.
    /// - Throws: ``CSVError`` for columns missing from the header or named twice in it, and
    ///   ``TokenisationError`` for contradictory options.
    public init(
        file: String, header: CSVHeader, dialect: CSVDialect, columns specs: [TokenColumnSpec], drop: [String] = [],
        keys: DerivedKeys?, tokenBytes: Int = TokenDeriver.fullTokenBytes,
        onInvalid: InvalidValuePolicy = .blank, onRagged: RaggedRowPolicy = .fail, collectFindings: Bool = false,
        emitOutput: Bool? = nil, keepOnly: [String]? = nil, referencedColumns: [String] = []
    ) throws {
        self.emitOutput = emitOutput ?? (keys != nil)
        if self.emitOutput && keys == nil && !specs.isEmpty {
            throw TokenisationError(.badPlan, "tokenising columns needs a key file (--key or JIGSAW_KEY_FILE)", file: file)
        }
        self.file = file
        self.header = header
        self.dialect = dialect
        self.tokenBytes = tokenBytes
        self.onInvalid = onInvalid
        self.onRagged = onRagged
        self.collectFindings = collectFindings
        guard (TokenDeriver.minimumTokenBytes...TokenDeriver.fullTokenBytes).contains(tokenBytes) else {
            throw TokenisationError(.badPlan, "--token-bytes must be between \(TokenDeriver.minimumTokenBytes) and \(TokenDeriver.fullTokenBytes)", file: file)
        }
        func resolve(_ name: String) throws -> Int {
            let exact = header.names.indices.filter { header.names[$0] == name }
            if exact.count > 1 || (exact.isEmpty && header.looseMatchCount(of: name) > 1) {
                throw CSVError(.duplicateColumn, "the header names column \"\(name)\" more than once; rename one of them", file: file, line: 1)
            }
            guard let index = header.index(of: name) else {
                // The header's own names are not listed: in a file without a header line they are data.
                throw CSVError(.missingColumn, "the header has no column \"\(name)\"; its first line has \(header.names.count) fields (check the spelling, and that the file starts with a header line)", file: file, line: 1)
            }
            return index
        }
        var resolved: [ResolvedColumn] = []
        var tokenColumnOf = [Int](repeating: -1, count: header.names.count)
        for spec in specs {
            guard IdentifierScheme.isValidDomainName(spec.domain) else {
                throw TokenisationError(.badPlan, "domain \"\(spec.domain)\" is not a valid name; use lowercase letters, digits and hyphens", file: file)
            }
            let index = try resolve(spec.name)
            guard tokenColumnOf[index] < 0 else {
                throw TokenisationError(.badPlan, "column \"\(spec.name)\" is named twice with --column", file: file)
            }
            tokenColumnOf[index] = resolved.count
            resolved.append(ResolvedColumn(index: index, domain: spec.domain, scheme: IdentifierScheme(domain: spec.domain)))
        }
        var dropped = [Bool](repeating: keepOnly != nil, count: header.names.count)
        for name in keepOnly ?? [] {
            dropped[try resolve(name)] = false
        }
        for index in tokenColumnOf.indices where tokenColumnOf[index] >= 0 { dropped[index] = false }
        dropExtraFields = keepOnly != nil
        for name in drop {
            let index = try resolve(name)
            guard tokenColumnOf[index] < 0 else {
                throw TokenisationError(.badPlan, "column \"\(name)\" is both tokenised and dropped; choose one", file: file)
            }
            dropped[index] = true
        }
        var named = Set(specs.map(\.name) + drop + (keepOnly ?? []) + referencedColumns)
        named = Set(named.compactMap { header.index(of: $0) }.map { header.names[$0] })
        messageNames = header.names.map { named.contains($0) && CSVRecordParser.isPrintableColumnName($0) ? $0 : "" }
        self.columns = resolved
        self.tokenColumnOf = tokenColumnOf
        self.dropped = dropped
        self.tokenSubkey = try keys.map { try $0.subkey(.token) }
    }

    /// An empty tally for this plan's columns.
    public var emptyTally: ExtractTally {
        ExtractTally(columns: columns.map { ColumnTally(name: header.names[$0.index], domain: $0.domain) })
    }

    /// The output's first bytes: the byte-order mark if the input had one, and the header without dropped columns.
    /// - Parameter byteOrderMark: whether to start with a UTF-8 byte-order mark.
    /// - Returns: the bytes to write before the first chunk.
    /// - Parameters:
    ///   - byteOrderMark: whether to start with a UTF-8 byte-order mark.
    ///   - extraNames: names of fields an ``ExtractRowExtension`` appends to each row.
    /// - Returns: the bytes to write before the first chunk.
    public func outputHeader(byteOrderMark: Bool, extraNames: [String] = []) -> [UInt8] {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        var first = true
        for (index, field) in header.fields.enumerated() where !dropped[index] {
            if !first { out.append(dialect.delimiter) }
            first = false
            out.append(contentsOf: header.rawBytes[field.start..<field.end])
        }
        for name in extraNames {
            if !first { out.append(dialect.delimiter) }
            first = false
            Array(name.utf8).withUnsafeBytes { value in
                let buffer = ByteBuffer(capacity: value.count + 2)
                CSVFieldValue.appendField(value, to: buffer, dialect: dialect)
                buffer.withUnsafeBytes { out.append(contentsOf: $0) }
            }
        }
        out.append(contentsOf: header.lineEnding.isEmpty && !extraNames.isEmpty ? [0x0A] : header.lineEnding)
        return out
    }

    private func describe(_ index: Int) -> String {
        CSVRecordParser.describeColumn(index, names: messageNames)
    }

    /// Processes one chunk: checks every identifier and, when keyed, appends the chunk's output rows.
    /// - Parameters:
    ///   - chunk: whole records from ``CSVChunkReader``.
    ///   - output: where output rows are appended (untouched when validating only).
    /// - Returns: the chunk's counts and findings.
    /// - Throws: ``CSVError`` for malformed CSV, ragged rows (under `fail`) or invalid UTF-8 in an
    ///   identifier column; ``TokenisationError`` for an invalid value under `--on-invalid fail`.
    /// - Complexity: O(*n*) in the chunk's size.
    public func process(_ chunk: CSVChunk, into output: ByteBuffer, rowExtension: (any ExtractRowExtension)? = nil) throws -> ExtractChunkResult {
        let derivers = tokenSubkey.map { key in columns.map { TokenDeriver(domain: $0.domain, tokenSubkey: key, tokenBytes: tokenBytes) } }
        let emit = emitOutput
        var tally = emptyTally
        var findings: [InvalidValueFinding] = []
        let headerWidth = header.names.count
        let hexWidth = 2 * tokenBytes
        var scratch = FieldScratch(tokenColumns: columns.count, hexWidth: hexWidth)
        var tokenLength = [Int](repeating: 0, count: columns.count)

        try chunk.buffer.withUnsafeBytes { raw in
            var parser = CSVRecordParser(bytes: raw, dialect: dialect, firstLine: chunk.firstLine,
                                         bufferEnd: chunk.bufferEnd, file: file, columnNames: messageNames)
            var fields: [CSVField] = []
            fields.reserveCapacity(headerWidth + 4)
            rows: while let record = try parser.next(fields: &fields) {
                if record.isBlank {
                    // Blank lines pass through, except where an extension writes whole rows (JSON).
                    if emit && rowExtension?.replacesRow != true {
                        output.append(UnsafeRawBufferPointer(rebasing: raw[record.start..<record.end]))
                    }
                    continue
                }
                tally.rows += 1
                if fields.count != headerWidth {
                    tally.raggedRows += 1
                    switch onRagged {
                    case .fail:
                        throw CSVError(.raggedRow, "the row has \(fields.count) fields but the header has \(headerWidth); fix the row, or pass --on-ragged drop-row or keep", file: file, line: record.line)
                    case .dropRow:
                        continue rows
                    case .keep:
                        break
                    }
                }
                var dropRow = false
                for (k, column) in columns.enumerated() {
                    tokenLength[k] = 0
                    tally.columns[k].rows += 1
                    guard column.index < fields.count else {
                        tally.columns[k].blank += 1
                        continue
                    }
                    let field = fields[column.index]
                    scratch.ensureValueCapacity(field.end - field.start)
                    let length = CSVFieldValue.unquote(raw, field, into: scratch.value)
                    let valueBytes = UnsafeRawBufferPointer(rebasing: scratch.value[0..<length])
                    let check = column.scheme.canonicalise(valueBytes, into: scratch.canonical)
                    if column.scheme == .opaque || check == .invalid(.badCharacters) {
                        guard CSVFieldValue.isValidUTF8(valueBytes) else {
                            throw CSVError(.invalidUTF8, "the value is not valid UTF-8 text; re-export the file as UTF-8", file: file, line: record.line, column: describe(column.index))
                        }
                    }
                    switch check {
                    case .valid(let canonicalLength, let temporary):
                        tally.columns[k].valid += 1
                        if temporary { tally.columns[k].temporary += 1 }
                        if let derivers {
                            derivers[k].writeToken(
                                canonical: UnsafeRawBufferPointer(rebasing: scratch.canonical[0..<canonicalLength]),
                                into: scratch.token(k))
                            tokenLength[k] = hexWidth
                        }
                    case .blank:
                        tally.columns[k].blank += 1
                    case .invalid(let reason):
                        tally.columns[k].invalidByReason[InvalidIdentifierReason.allCases.firstIndex(of: reason)!] += 1
                        if collectFindings {
                            findings.append(InvalidValueFinding(line: record.line, column: header.names[column.index], reason: reason))
                        }
                        switch onInvalid {
                        case .blank: break
                        case .dropRow: dropRow = true
                        case .fail:
                            throw TokenisationError(.invalidIdentifier, "invalid \(column.domain) value (\(reason.phrase)); with --on-invalid fail nothing is written", file: file, line: record.line, column: describe(column.index), reason: reason)
                        }
                    }
                }
                if dropRow {
                    tally.rowsDroppedInvalid += 1
                    continue rows
                }
                if let rowExtension, try !rowExtension.prepare(fields: fields, raw: raw, line: record.line) {
                    tally.rowsDroppedInvalid += 1
                    continue rows
                }
                guard emit else { continue }
                tally.rowsWritten += 1
                if let rowExtension, rowExtension.replacesRow {
                    rowExtension.append(to: output, delimiter: dialect.delimiter)
                    continue rows
                }
                var first = true
                // With keepOnly, every kept column is written even when the row is short, so the columns
                // an extension appends stay under their headers.
                let width = dropExtraFields ? headerWidth : fields.count
                for index in 0..<width {
                    if index < headerWidth ? dropped[index] : dropExtraFields { continue }
                    if !first { output.append(dialect.delimiter) }
                    first = false
                    guard index < fields.count else { continue }
                    let field = fields[index]
                    let k = index < headerWidth ? tokenColumnOf[index] : -1
                    if k >= 0 {
                        output.append(UnsafeRawBufferPointer(rebasing: scratch.token(k)[0..<tokenLength[k]]))
                    } else {
                        output.append(UnsafeRawBufferPointer(rebasing: raw[field.start..<field.end]))
                    }
                }
                if let rowExtension {
                    if first {
                        // No kept column: the extension's first field needs no leading delimiter.
                        let mark = output.count
                        rowExtension.append(to: output, delimiter: dialect.delimiter)
                        output.removeByte(at: mark)
                    } else {
                        rowExtension.append(to: output, delimiter: dialect.delimiter)
                    }
                }
                let ending = UnsafeRawBufferPointer(rebasing: raw[record.contentEnd..<record.end])
                if ending.isEmpty && rowExtension != nil {
                    output.append(UInt8(0x0A))  // a last line without a line ending still ends this output row
                } else {
                    output.append(ending)
                }
            }
        }
        return ExtractChunkResult(tally: tally, findings: findings)
    }
}

/// Per-chunk working memory: one unquoted value, its canonical form, and each column's token in hex.
/// Sized for ordinary fields and grown only for an unusually long one; wiped when released.
private struct FieldScratch: ~Copyable {
    private var storage: UnsafeMutableRawBufferPointer
    private var valueCapacity: Int
    private let tokenColumns: Int
    private let hexWidth: Int

    init(tokenColumns: Int, hexWidth: Int) {
        self.tokenColumns = tokenColumns
        self.hexWidth = hexWidth
        valueCapacity = 4096
        storage = .allocate(byteCount: 2 * valueCapacity + tokenColumns * hexWidth, alignment: 16)
    }

    deinit {
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        storage.deallocate()
    }

    /// Makes room for a value of `length` bytes (and its canonical form).
    mutating func ensureValueCapacity(_ length: Int) {
        guard length + 16 > valueCapacity else { return }
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        storage.deallocate()
        valueCapacity = 2 * (length + 16)
        storage = .allocate(byteCount: 2 * valueCapacity + tokenColumns * hexWidth, alignment: 16)
    }

    var value: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(rebasing: storage[0..<valueCapacity]) }
    var canonical: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(rebasing: storage[valueCapacity..<(2 * valueCapacity)]) }
    func token(_ k: Int) -> UnsafeMutableRawBufferPointer {
        let start = 2 * valueCapacity + k * hexWidth
        return UnsafeMutableRawBufferPointer(rebasing: storage[start..<(start + hexWidth)])
    }
}
