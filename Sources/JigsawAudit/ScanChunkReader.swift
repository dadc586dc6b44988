#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import JigsawCSV

/// Reads a file (or standard input) in chunks that no identifier straddles, with bounded memory, reading
/// straight into the chunk's buffer.
///
/// A CSV chunk ends just after a line feed outside quotes, so it holds whole records (quotes are
/// counted: under RFC 4180 a line feed is outside quotes when an even number of quotes precede it in the
/// chunk). A text chunk ends just after its last line feed; a line longer than the chunk is cut where no
/// identifier can be: after a byte no identifier or e-mail address contains (a quote, comma, semicolon,
/// colon, bracket, tab or carriage return), or in the middle of a run of at least 40 token bytes, whose
/// halves are still opaque tokens. Line numbers are not counted here: the scanning tasks count line feeds
/// in parallel, and chunks are numbered from line 1.
final class ScanChunkReader {
    /// The longest CSV record accepted, as for ``CSVChunkReader``.
    static let maximumRecord = 16 << 20
    /// The longest stretch of text without a place to cut that is accepted.
    static let maximumUncuttable = 64 << 20

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// A chunk already read and handed back (the first, after its header was looked at), returned next.
    private var returned: ScanChunk?
    private let path: String
    private let chunkSize: Int
    /// The CSV quote, or `nil` for text.
    private let quote: UInt8?
    /// Bytes read past the last cut, carried into the next chunk.
    private var pending: [UInt8] = []
    private var atEnd = false
    /// The bytes read so far.
    private(set) var bytesRead = 0
    /// The last byte read, to know whether the input ended with a line feed.
    private(set) var lastByte: UInt8?

    /// Opens `path`, or standard input for `-`.
    /// - Parameters:
    ///   - path: the file.
    ///   - chunkSize: the target bytes per chunk.
    ///   - quote: the CSV quote, or `nil` to read text.
    /// - Throws: ``AuditError`` (`.io`) when it cannot be opened.
    init(path: String, chunkSize: Int, quote: UInt8?) throws(AuditError) {
        self.path = path
        self.chunkSize = chunkSize
        self.quote = quote
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = try openForReading(path)
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Hands `chunk` back, to be the next one ``nextChunk(reusing:)`` returns.
    func giveBack(_ chunk: ScanChunk) {
        returned = chunk
    }

    /// The next chunk, or `nil` at the end of the input.
    /// - Parameter storage: a buffer to fill (emptied first).
    /// - Returns: whole records or lines (or a safely cut piece of a long line).
    /// - Throws: ``AuditError`` when reading fails or a text line cannot be cut.
    func nextChunk(reusing storage: ByteBuffer?) throws(AuditError) -> ScanChunk? {
        if let chunk = returned {
            returned = nil
            return chunk
        }
        let target = storage ?? ByteBuffer(capacity: chunkSize + chunkSize / 2)
        target.removeAll()
        pending.withUnsafeBytes { target.append($0) }
        pending.removeAll(keepingCapacity: true)
        var searched = 0
        while true {
            if atEnd {
                guard target.count > 0 else { return nil }
                return ScanChunk(buffer: target, end: target.count, bufferEnd: .endOfInput,
                                 hasQuotes: quote.map { q in target.withUnsafeBytes { Self.count(q, in: $0, 0, $0.count) } > 0 } ?? false)
            }
            // Look for a cut once the chunk is full, then again after each further chunk's worth of bytes
            // (a record or line that long is rare; searching after every read would be quadratic).
            if target.count - searched >= chunkSize {
                if let (cut, hasQuotes) = findCut(in: target) {
                    target.withUnsafeBytes { pending.append(contentsOf: $0[cut...]) }
                    return ScanChunk(buffer: target, end: cut, bufferEnd: .endOfInput, hasQuotes: hasQuotes)
                }
                searched = target.count
                if let quote, target.count >= Self.maximumRecord + chunkSize {
                    // No record ends within the limit: the parser reports the record that is too long.
                    let hasQuotes = target.withUnsafeBytes { Self.count(quote, in: $0, 0, $0.count) } > 0
                    return ScanChunk(buffer: target, end: target.count, bufferEnd: .recordTooLong(limit: Self.maximumRecord), hasQuotes: hasQuotes)
                }
                if quote == nil && target.count >= Self.maximumUncuttable {
                    throw AuditError(.badInput, "a line runs for more than 64 MiB with no space, punctuation or line break where it could be split; is this a binary file?", file: path)
                }
            }
            try fill(target)
        }
    }

    /// Where to end the chunk (just past the cut) and whether the chunk holds a quote, or `nil` when
    /// there is no safe place yet.
    private func findCut(in target: ByteBuffer) -> (Int, Bool)? {
        target.withUnsafeBytes { raw -> (Int, Bool)? in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var lineFeed = raw.count
            while lineFeed > 0 && p[lineFeed - 1] != Byte.lineFeed { lineFeed -= 1 }
            guard let quote else {
                if lineFeed > 0 { return (lineFeed, false) }
                return Self.safeCut(p, raw.count).map { ($0, false) }
            }
            // Quotes before the last line feed; walk back a line at a time until their number is even.
            var quotes = Self.count(quote, in: raw, 0, lineFeed)
            while lineFeed > 0 {
                if quotes & 1 == 0 { return (lineFeed, quotes > 0) }
                lineFeed -= 1
                while lineFeed > 0 && p[lineFeed - 1] != Byte.lineFeed {
                    if p[lineFeed - 1] == quote { quotes -= 1 }
                    lineFeed -= 1
                }
            }
            return nil
        }
    }

    /// The number of `byte`s in `raw[from..<to]`.
    @inline(__always)
    private static func count(_ byte: UInt8, in raw: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Int {
        guard let base = raw.baseAddress else { return 0 }
        return ByteSearch.count(byte, in: base.assumingMemoryBound(to: UInt8.self), from: from, to: to)
    }

    /// The last place in a long text line where no identifier can be cut, or `nil`.
    private static func safeCut(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        let table = ByteClass.table
        var tokenRun = 0
        var x = count
        while x > 0 {
            let byte = p[x - 1]
            if table[Int(byte)] & ByteClass.cut != 0 { return x }
            if table[Int(byte)] & ByteClass.token != 0 {
                tokenRun += 1
                if tokenRun >= 2 * IdentifierPatterns.opaqueLength { return x - 1 + IdentifierPatterns.opaqueLength }
            } else {
                tokenRun = 0
            }
            x -= 1
        }
        return nil
    }

    /// Reads more bytes onto the end of `target`.
    private func fill(_ target: ByteBuffer) throws(AuditError) {
        let want = Swift.max(64 << 10, chunkSize - target.count)
        var failure: Int32 = 0
        while true {
            let n = target.appendInPlace(maximum: want) { raw -> Int in
                let n = read(descriptor, raw.baseAddress, raw.count)
                if n < 0 { failure = errno }
                return Swift.max(0, n)
            }
            if n == 0 && failure == EINTR { failure = 0; continue }
            guard failure == 0 else { throw AuditError(.io, "cannot read: \(String(cString: strerror(failure)))", file: path) }
            if n == 0 {
                atEnd = true
            } else {
                bytesRead += n
                lastByte = target.withUnsafeBytes { $0[$0.count - 1] }
            }
            return
        }
    }
}

/// Opens a file for reading, refusing folders.
/// - Parameter path: the file.
/// - Returns: the descriptor.
/// - Throws: ``AuditError`` (`.io`) naming the file, never its content.
func openForReading(_ path: String) throws(AuditError) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
        let code = errno
        if code == ENOENT { throw AuditError(.io, "no such file; check the path", file: path) }
        throw AuditError(.io, "cannot open for reading: \(String(cString: strerror(code)))", file: path)
    }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw AuditError(.io, "is a folder, not a file", file: path)
    }
    return fd
}
