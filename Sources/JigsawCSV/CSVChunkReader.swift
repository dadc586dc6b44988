/// A run of whole records cut from the input, ready to be processed independently of its neighbours.
public struct CSVChunk: Sendable {
    /// The records' bytes, ending at a record boundary (or wherever the input ends). The buffer is
    /// recycled by ``CSVChunkPipeline`` once the chunk has been processed.
    public var buffer: ByteBuffer
    /// A copy of the records' bytes.
    public var bytes: [UInt8] { buffer.array }
    /// 0-based position of this chunk in the input.
    public var index: Int
    /// The physical line of the chunk's first byte.
    public var firstLine: Int
    /// What the end of `bytes` means to a parser.
    public var bufferEnd: CSVBufferEnd

    /// Creates a chunk (the reader makes them; tests and benchmarks may too).
    /// - Parameters:
    ///   - buffer: whole records.
    ///   - index: 0-based position in the input.
    ///   - firstLine: the physical line of the first byte.
    ///   - bufferEnd: what the end of the bytes means.
    public init(buffer: ByteBuffer, index: Int, firstLine: Int, bufferEnd: CSVBufferEnd) {
        self.buffer = buffer
        self.index = index
        self.firstLine = firstLine
        self.bufferEnd = bufferEnd
    }
}

/// The header line of a CSV file.
public struct CSVHeader: Sendable {
    /// Column names as written (unquoted, not trimmed).
    public var names: [String]
    /// The header's bytes exactly as read, including its line ending (without any byte-order mark).
    public var rawBytes: [UInt8]
    /// The header's field extents within `rawBytes`.
    public var fields: [CSVField]
    /// The header's line ending: CRLF or LF (or empty when the file is just a header without one).
    public var lineEnding: [UInt8]

    /// Creates a header (the reader makes them; tests and benchmarks may too).
    /// - Parameters:
    ///   - names: column names.
    ///   - rawBytes: the header's bytes as read.
    ///   - fields: field extents within `rawBytes`.
    ///   - lineEnding: the header's line ending.
    public init(names: [String], rawBytes: [UInt8], fields: [CSVField], lineEnding: [UInt8]) {
        self.names = names
        self.rawBytes = rawBytes
        self.fields = fields
        self.lineEnding = lineEnding
    }

    /// The 0-based index of a column, matching names exactly or, failing that, ignoring surrounding
    /// spaces and case.
    /// - Parameter name: the column name to find.
    /// - Returns: the index, or `nil`.
    public func index(of name: String) -> Int? {
        if let exact = names.firstIndex(of: name) { return exact }
        let wanted = name.trimmingSpaces.lowercased()
        let matches = names.indices.filter { names[$0].trimmingSpaces.lowercased() == wanted }
        return matches.count == 1 ? matches[0] : nil
    }

    /// How many columns match `name` once surrounding spaces and case are ignored.
    /// - Parameter name: the column name.
    /// - Returns: the number of loosely matching columns.
    public func looseMatchCount(of name: String) -> Int {
        let wanted = name.trimmingSpaces.lowercased()
        return names.filter { $0.trimmingSpaces.lowercased() == wanted }.count
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

/// Reads a CSV file (or standard input) as a header and then chunks of whole records, with bounded memory.
///
/// The reader only finds record boundaries (a line feed outside quotes) and counts lines; parsing the
/// fields is left to whoever processes a chunk, so chunks can be parsed on all cores at once. Memory is
/// bounded by the chunk size plus the longest record (at most `maxRecordBytes`).
public final class CSVChunkReader {
    private let source: ByteSource
    /// The dialect used to find boundaries.
    public let dialect: CSVDialect
    private let chunkSize: Int
    private let maxRecordBytes: Int

    private var buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var scanned = 0
    private var inQuote = false
    private var linesScanned = 0
    private var boundary = 0
    private var linesAtBoundary = 0
    private var atEnd = false
    private var nextLine = 1
    private var nextIndex = 0

    /// Whether the input began with a UTF-8 byte-order mark (which is not part of the header).
    public private(set) var hasByteOrderMark = false
    /// The file's name as given (`-` for standard input).
    public var path: String { source.displayName }

    /// Opens `path` (or standard input for `-`).
    /// - Parameters:
    ///   - path: the file, or `-`.
    ///   - dialect: delimiter and quote.
    ///   - chunkSize: the target number of bytes per chunk.
    ///   - maxRecordBytes: the longest record accepted.
    /// - Throws: ``CSVError`` when the file cannot be opened.
    public init(path: String, dialect: CSVDialect = CSVDialect(), chunkSize: Int = 1 << 19, maxRecordBytes: Int = 16 << 20) throws(CSVError) {
        source = try ByteSource(path: path)
        self.dialect = dialect
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
        buffer = .allocate(byteCount: chunkSize * 2, alignment: 64)
    }

    deinit {
        buffer.deallocate()
    }

    /// Reads and parses the header line.
    /// - Returns: the header.
    /// - Throws: ``CSVError/Code/emptyFile`` for an empty file, or a parse or read error.
    public func readHeader() throws(CSVError) -> CSVHeader {
        var fields: [CSVField] = []
        while true {
            let end: CSVBufferEnd = atEnd ? .endOfInput : .moreFollows
            var parser = CSVRecordParser(
                bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]), dialect: dialect,
                firstLine: 1, bufferEnd: filled >= maxRecordBytes ? .recordTooLong(limit: maxRecordBytes) : end,
                file: path, columnNames: [])
            if let record = try parser.next(fields: &fields) {
                if record.isBlank {
                    throw CSVError(.emptyFile, "the first line is blank; a header line naming the columns is expected",
                                   file: path, line: 1)
                }
                let raw = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<record.end]))
                let names = fields.map { field in
                    String(decoding: CSVFieldValue.unquoted(raw, field), as: UTF8.self)
                }
                let header = CSVHeader(names: names, rawBytes: raw, fields: fields,
                                       lineEnding: Array(raw[record.contentEnd..<record.end]))
                consume(record.end, lines: parser.line - 1)
                return header
            }
            if atEnd {
                throw CSVError(.emptyFile, "the file is empty; a header line naming the columns is expected", file: path)
            }
            if filled == buffer.count {
                guard filled < maxRecordBytes else {
                    throw CSVError(.recordTooLong, "the header line is longer than \(describeBytes(maxRecordBytes)); is a quote left unterminated?", file: path, line: 1)
                }
                grow()
            }
            try fill()
            if nextIndex == 0 && !hasByteOrderMark && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                hasByteOrderMark = true
                consume(3, lines: 0)
            }
        }
    }

    /// Returns the next chunk of whole records, or `nil` at the end of the input.
    /// - Parameter storage: a buffer to fill (emptied first), so steady-state reading allocates nothing.
    /// - Returns: a chunk of about `chunkSize` bytes.
    /// - Throws: ``CSVError`` when reading fails.
    public func nextChunk(reusing storage: ByteBuffer? = nil) throws(CSVError) -> CSVChunk? {
        while true {
            if boundary >= chunkSize { return emit(upTo: boundary, lines: linesAtBoundary, end: .endOfInput, into: storage) }
            if atEnd {
                if filled == 0 { return nil }
                return emit(upTo: filled, lines: linesScanned, end: .endOfInput, into: storage)
            }
            if filled == buffer.count {
                if boundary > 0 { return emit(upTo: boundary, lines: linesAtBoundary, end: .endOfInput, into: storage) }
                if filled >= maxRecordBytes {
                    return emit(upTo: filled, lines: linesScanned, end: .recordTooLong(limit: maxRecordBytes), into: storage)
                }
                grow()
            }
            try fill()
        }
    }

    private func grow() {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: Swift.min(buffer.count * 2, maxRecordBytes + chunkSize), alignment: 64)
        bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
        buffer.deallocate()
        buffer = bigger
    }

    /// Reads more bytes after `filled` and extends the boundary scan over them.
    private func fill() throws(CSVError) {
        let n = try source.read(into: buffer.baseAddress! + filled, count: buffer.count - filled)
        if n == 0 { atEnd = true; return }
        filled += n
        scan()
    }

    /// Finds line feeds outside quotes. Under strict RFC 4180 a quote only opens or closes a field or
    /// is doubled inside one, so toggling on every quote tracks the quoted state exactly for valid
    /// input; invalid input is caught when the chunk is parsed.
    private func scan() {
        let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let quote = dialect.quote
        var quoted = inQuote
        var lines = linesScanned
        var lastBoundary = boundary
        var linesAtLast = linesAtBoundary
        var i = scanned
        let end = filled
        while i < end {
            let byte = p[i]
            i += 1
            if byte == quote {
                quoted.toggle()
            } else if byte == 0x0A {
                lines += 1
                if !quoted {
                    lastBoundary = i
                    linesAtLast = lines
                }
            }
        }
        scanned = end
        inQuote = quoted
        linesScanned = lines
        boundary = lastBoundary
        linesAtBoundary = linesAtLast
    }

    private func emit(upTo end: Int, lines: Int, end bufferEnd: CSVBufferEnd, into storage: ByteBuffer?) -> CSVChunk {
        let target = storage ?? ByteBuffer(capacity: end)
        target.removeAll()
        target.append(UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
        let chunk = CSVChunk(buffer: target, index: nextIndex, firstLine: nextLine, bufferEnd: bufferEnd)
        nextIndex += 1
        consume(end, lines: lines)
        return chunk
    }

    /// Drops the first `count` bytes (holding `lines` line feeds) and rescans what remains.
    private func consume(_ count: Int, lines: Int) {
        nextLine += lines
        let remaining = filled - count
        if remaining > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + count, byteCount: remaining)
        }
        filled = remaining
        scanned = 0
        inQuote = false
        linesScanned = 0
        boundary = 0
        linesAtBoundary = 0
        scan()
    }
}

extension CSVChunkReader {
    /// Parses the rest of the input on this thread and calls `body` for every record that is not blank, for
    /// readers that keep what they read (the linker's sides, the evaluator's files) rather than stream it.
    /// - Parameters:
    ///   - dialect: the input's dialect.
    ///   - file: the path named in parse errors (`-` for standard input).
    ///   - columnNames: the header names that parse errors may print (see ``CSVRecordParser``).
    ///   - body: called with the record, its fields, and the bytes the fields index into (valid only during the call).
    /// - Throws: the parser's ``CSVError``s, or whatever `body` throws.
    public func forEachRecord(dialect: CSVDialect, file: String, columnNames: [String],
                              _ body: (_ record: CSVRecord, _ fields: [CSVField], _ bytes: UnsafeRawBufferPointer) throws -> Void) throws {
        var fields: [CSVField] = []
        while let chunk = try nextChunk() {
            try chunk.buffer.withUnsafeBytes { raw in
                var parser = CSVRecordParser(bytes: raw, dialect: dialect, firstLine: chunk.firstLine, bufferEnd: chunk.bufferEnd,
                                             file: file, columnNames: columnNames)
                while let record = try parser.next(fields: &fields) {
                    if record.isBlank { continue }
                    try body(record, fields, raw)
                }
            }
        }
    }
}
