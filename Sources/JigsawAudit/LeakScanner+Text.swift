internal import JigsawCSV

extension LeakScanner {
    /// Scans a plain-text file line by line, chunks on all cores.
    func scanText(path: String, progress: (Int) -> Void) async throws -> ScanFileReport {
        let reader = try ScanChunkReader(path: path, chunkSize: options.chunkSize, quote: nil)
        return try await scanText(path: path, reader: reader, first: nil, progress: progress)
    }

    /// Scans the rest of `reader` as text, starting with `first` when given (a chunk already read).
    func scanText(path: String, reader: ScanChunkReader, first: ScanChunk?, progress: (Int) -> Void) async throws -> ScanFileReport {
        var total = ScanTally(limit: options.lineNumberLimit)
        var lineFeeds = 0
        if let first { reader.giveBack(first) }
        let patterns = self.patterns
        let limit = options.lineNumberLimit
        try await ScanPipeline.run(
            maxInFlight: options.maxInFlight,
            next: { storage in try reader.nextChunk(reusing: storage) },
            scan: { chunk in Self.scanLines(chunk, patterns: patterns, limit: limit) },
            deliver: { tally in
                // The chunk's lines count from 1 at its first line, which is line `lineFeeds + 1` of the file.
                total.append(tally, lineOffset: lineFeeds)
                lineFeeds += tally.lineFeeds
                progress(lineFeeds)
            })
        let lines = lineFeeds + (reader.lastByte == nil || reader.lastByte == Byte.lineFeed ? 0 : 1)
        let columns = total.columns.isEmpty || total.columns[0].isEmpty ? [] : [ScanColumn(name: "-", position: nil, findings: Self.findings(total.columns[0]))]
        return ScanFileReport(path: path, format: .text, rows: lines, bytes: reader.bytesRead, columns: columns, allowedColumns: [])
    }

    /// Scans one chunk of text as a whole (line feeds are boundaries, and no identifier holds one), then
    /// places each finding on its line, counted from 1 at the chunk's first line.
    /// - Complexity: O(*n*) in the chunk's length.
    static func scanLines(_ chunk: ScanChunk, patterns: IdentifierPatterns, limit: Int) -> ScanTally {
        var tally = ScanTally(limit: limit)
        var matches: [PatternMatch] = []
        chunk.withBytes { p, start, end in
            patterns.scan(p, from: start, to: end, compactDates: false, into: &matches)
            tally.lineFeeds = ByteSearch.count(Byte.lineFeed, in: p, from: start, to: end)
            var cursor = start
            var line = 1
            for match in matches {
                while cursor < match.start {
                    line &+= p[cursor] == Byte.lineFeed ? 1 : 0
                    cursor &+= 1
                }
                tally.record(match.kind, column: 0, line: line)
            }
        }
        return tally
    }
}
