internal import JigsawCSV

extension LeakScanner {
    /// Scans a CSV file: its header line, then chunks of records on all cores.
    func scanCSV(path: String, dialect: CSVDialect, progress: (Int) -> Void) async throws -> ScanFileReport {
        let reader = try ScanChunkReader(path: path, chunkSize: options.chunkSize, quote: dialect.quote)
        guard var first = try reader.nextChunk(reusing: nil) else {
            return ScanFileReport(path: path, format: .csv(delimiter: dialect.delimiter), rows: 0, bytes: 0, columns: [], allowedColumns: [])
        }
        guard let (header, headerEnd, headerLines) = try Self.header(of: first, dialect: dialect, path: path) else {
            // No header line (the first line is blank): nothing to name columns by, so the file is read as text.
            return try await scanText(path: path, reader: reader, first: first, progress: progress)
        }
        first.start = headerEnd
        let plan = ScanColumnPlan(header: header, options: options, patterns: patterns)
        var total = ScanTally(limit: options.lineNumberLimit)
        plan.scanHeader(header, patterns: patterns, into: &total)
        var lineFeeds = headerLines
        reader.giveBack(first)
        let patterns = self.patterns
        let limit = options.lineNumberLimit
        try await ScanPipeline.run(
            maxInFlight: options.maxInFlight,
            next: { storage in try reader.nextChunk(reusing: storage) },
            scan: { chunk in
                // The parser for quoted fields (to check them), for name and address columns (to look at every
                // value), and for a record over the limit (to say so); otherwise the faster scan of whole chunks.
                chunk.hasQuotes || plan.needsFields || chunk.bufferEnd != .endOfInput
                    ? Self.parseRecords(chunk, plan: plan, patterns: patterns, dialect: dialect, path: path, limit: limit)
                    : Self.scanUnquotedRecords(chunk, plan: plan, patterns: patterns, delimiter: dialect.delimiter, limit: limit)
            },
            deliver: { tally in
                // The chunk's lines count from 1 at its first line, which is line `lineFeeds + 1` of the file.
                if var error = tally.error {
                    error.line = error.line.map { $0 + lineFeeds }
                    throw error
                }
                total.append(tally, lineOffset: lineFeeds)
                lineFeeds += tally.lineFeeds
                progress(total.rows)
            })
        let columns = total.columns.enumerated().compactMap { index, entries -> ScanColumn? in
            entries.isEmpty ? nil : ScanColumn(name: plan.name(of: index), position: index + 1, findings: Self.findings(entries))
        }
        return ScanFileReport(path: path, format: .csv(delimiter: dialect.delimiter), rows: total.rows, bytes: reader.bytesRead,
                              columns: columns, allowedColumns: plan.allowedNames)
    }

    /// The header line parsed from the first chunk, where its record ends, and the line feeds it holds;
    /// `nil` when the first line is blank.
    private static func header(of chunk: ScanChunk, dialect: CSVDialect, path: String) throws(CSVError) -> (CSVHeader, Int, Int)? {
        let parsed: Result<(CSVHeader, Int, Int)?, CSVError> = chunk.buffer.withUnsafeBytes { raw in
            // A UTF-8 byte-order mark is not part of the first column's name.
            let bom = chunk.end >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0
            let bytes = UnsafeRawBufferPointer(rebasing: raw[bom..<chunk.end])
            var parser = CSVRecordParser(bytes: bytes, dialect: dialect, firstLine: 1, bufferEnd: chunk.bufferEnd, file: path, columnNames: [])
            var fields: [CSVField] = []
            do throws(CSVError) {
                guard let record = try parser.next(fields: &fields), !record.isBlank else { return .success(nil) }
                let rawBytes = Array(bytes[0..<record.end])
                let names = fields.map { String(decoding: CSVFieldValue.unquoted(rawBytes, $0), as: UTF8.self) }
                let header = CSVHeader(names: names, rawBytes: rawBytes, fields: fields, lineEnding: Array(rawBytes[record.contentEnd...]))
                return .success((header, bom + record.end, parser.line - 1))
            } catch {
                return .failure(error)
            }
        }
        return try parsed.get()
    }

    /// Scans a chunk with no quote in it, whose columns need no inspection one by one: the whole chunk is
    /// scanned as one text (delimiters and line feeds are boundaries, and no identifier holds one), and each
    /// finding is then placed in its line and column by counting line feeds and delimiters up to it.
    /// - Complexity: O(*n*) in the chunk's length.
    static func scanUnquotedRecords(_ chunk: ScanChunk, plan: ScanColumnPlan, patterns: IdentifierPatterns, delimiter: UInt8, limit: Int) -> ScanTally {
        var tally = ScanTally(limit: limit)
        var matches: [PatternMatch] = []
        chunk.withBytes { p, start, end in
            patterns.scan(p, from: start, to: end, compactDates: plan.hasDateColumns, into: &matches)
            // Lines and rows: a blank line (LF or CRLF alone) is not a row.
            var lineFeeds = 0
            var blank = 0
            var lineStart = start
            while true {
                let lineFeed = ByteSearch.first(Byte.lineFeed, in: p, from: lineStart, to: end)
                guard lineFeed < end else { break }
                lineFeeds &+= 1
                if lineFeed == lineStart || (lineFeed == lineStart &+ 1 && p[lineStart] == Byte.carriageReturn) { blank &+= 1 }
                lineStart = lineFeed &+ 1
            }
            tally.lineFeeds = lineFeeds
            tally.rows = lineFeeds - blank + (end > start && p[end - 1] != Byte.lineFeed ? 1 : 0)
            var cursor = start
            var line = 1
            var column = 0
            for match in matches {
                while cursor < match.start {
                    let byte = p[cursor]
                    if byte == Byte.lineFeed {
                        line += 1
                        column = 0
                    } else if byte == delimiter {
                        column += 1
                    }
                    cursor += 1
                }
                let rule = plan.rule(column)
                if rule.allowed { continue }
                if match.kind == .date && !rule.holdsDates && isCompactDate(p, match) {
                    // `YYYYMMDD` is read only in date columns.
                    continue
                }
                tally.record(match.kind, column: column, line: line)
            }
        }
        return tally
    }

    /// Whether a date match is `YYYYMMDD`: eight digits.
    private static func isCompactDate(_ p: UnsafePointer<UInt8>, _ match: PatternMatch) -> Bool {
        guard match.end - match.start == 8 else { return false }
        for i in match.start..<match.end where !Byte.isDigit(p[i]) { return false }
        return true
    }

    /// Scans a chunk record by record with the strict RFC 4180 parser: for chunks with quoted fields, and
    /// for files with name or address columns, whose every value is looked at.
    /// - Complexity: O(*n*) in the chunk's length.
    static func parseRecords(_ chunk: ScanChunk, plan: ScanColumnPlan, patterns: IdentifierPatterns, dialect: CSVDialect,
                             path: String, limit: Int) -> ScanTally {
        var tally = ScanTally(limit: limit)
        var fields: [CSVField] = []
        fields.reserveCapacity(plan.rules.count + 4)
        var matches: [PatternMatch] = []
        chunk.buffer.withUnsafeBytes { whole in
            let raw = UnsafeRawBufferPointer(rebasing: whole[chunk.start..<chunk.end])
            guard let start = raw.baseAddress else { return }
            let base = start.assumingMemoryBound(to: UInt8.self)
            var parser = CSVRecordParser(bytes: raw, dialect: dialect, firstLine: 1, bufferEnd: chunk.bufferEnd,
                                         file: path, columnNames: plan.names)
            do throws(CSVError) {
                while let record = try parser.next(fields: &fields) {
                    if record.isBlank { continue }
                    tally.rows += 1
                    // Lines advance only inside quoted fields, so until one is met every finding is on the record's first line.
                    var quotedSoFar = false
                    for index in fields.indices {
                        let field = fields[index]
                        let rule = plan.rule(index)
                        if rule.allowed { continue }
                        quotedSoFar = quotedSoFar || field.quoted
                        let from = field.quoted ? field.start + 1 : field.start
                        let to = field.quoted ? field.end - 1 : field.end
                        if let kind = rule.kind, holdsValue(base, from, to) {
                            tally.record(kind, column: index, line: line(of: from, in: record, base, quotedSoFar))
                        }
                        patterns.scan(base, from: from, to: to, compactDates: rule.holdsDates, into: &matches)
                        if !matches.isEmpty {
                            for match in matches {
                                tally.record(match.kind, column: index, line: line(of: match.start, in: record, base, quotedSoFar))
                            }
                            matches.removeAll(keepingCapacity: true)
                        }
                    }
                }
                tally.lineFeeds = parser.line - 1
            } catch {
                tally.error = LeakScanner.auditError(error)
            }
        }
        return tally
    }

    /// The physical line of byte `offset` of `record`, counted from the chunk's first line.
    @inline(__always)
    private static func line(of offset: Int, in record: CSVRecord, _ base: UnsafePointer<UInt8>, _ mayHaveLineBreaks: Bool) -> Int {
        guard mayHaveLineBreaks else { return record.line }
        var line = record.line
        for i in record.start..<offset where base[i] == Byte.lineFeed { line += 1 }
        return line
    }

    /// Whether a value in a name or address column is really there: not blank, not a null marker
    /// (`NULL`, `None`, `N/A`, `NA`, `-`, `?`), and not a single opaque token (a tokenised or encoded name).
    @inline(__always)
    static func holdsValue(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var start = from
        var end = to
        while start < end && (base[start] == Byte.space || base[start] == Byte.tab) { start += 1 }
        while end > start && (base[end - 1] == Byte.space || base[end - 1] == Byte.tab) { end -= 1 }
        let length = end - start
        if length == 0 { return false }
        if length <= 4 {
            var folded: UInt32 = 0
            for i in start..<end { folded = folded << 8 | UInt32(base[i] | (ByteClass.table[Int(base[i])] & ByteClass.upper != 0 ? 0x20 : 0)) }
            return !nullMarkers.contains(folded)
        }
        if length < IdentifierPatterns.opaqueLength { return true }
        for i in start..<end where ByteClass.table[Int(base[i])] & ByteClass.token == 0 { return true }
        return false
    }

    /// `null`, `none`, `n/a`, `na`, `-` and `?`, packed as ``holdsValue(_:_:_:)`` packs a value of up to four bytes.
    private static let nullMarkers: Set<UInt32> = Set(["null", "none", "n/a", "na", "-", "?"].map { marker in
        marker.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    })

    /// A column's tally entries as public findings.
    static func findings(_ entries: [ScanTally.Entry]) -> [ScanFinding] {
        zip(ScanKind.allCases, entries).compactMap { kind, entry in
            entry.count == 0 ? nil : ScanFinding(kind: kind, count: entry.count, lines: entry.lines, moreLines: entry.moreLines)
        }
    }
}
