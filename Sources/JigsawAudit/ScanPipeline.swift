internal import JigsawCSV

/// A piece of a file cut where no identifier can straddle the cut: whole CSV records, or whole lines
/// (or, for a very long line, a cut at a byte no identifier contains).
struct ScanChunk: Sendable {
    /// The bytes, recycled once scanned (they may run on past ``end``).
    var buffer: ByteBuffer
    /// Where the chunk's bytes start in ``buffer`` (past the header line, in a CSV file's first chunk).
    var start = 0
    /// Just past the chunk's last byte in ``buffer``.
    var end: Int
    /// What the end of the bytes means to the CSV parser.
    var bufferEnd: CSVBufferEnd
    /// Whether the chunk holds a quote (CSV only; without one, records are split at line feeds and fields
    /// at delimiters, with no parser needed).
    var hasQuotes: Bool

    /// Creates a chunk.
    init(buffer: ByteBuffer, start: Int = 0, end: Int, bufferEnd: CSVBufferEnd, hasQuotes: Bool) {
        self.buffer = buffer
        self.start = start
        self.end = end
        self.bufferEnd = bufferEnd
        self.hasQuotes = hasQuotes
    }

    /// Calls `body` with the chunk's bytes: the buffer's base and the chunk's range in it.
    func withBytes<R>(_ body: (UnsafePointer<UInt8>, Int, Int) throws -> R) rethrows -> R {
        try buffer.withUnsafeBytes { raw in
            // An empty buffer still needs a valid pointer to read nothing from.
            let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
            return try body(base, start, end)
        }
    }
}

/// Scans chunks on all cores and hands their tallies back in file order, with a bounded number in
/// flight so memory stays bounded however large the file; buffers are recycled.
enum ScanPipeline {
    /// Runs `scan` over every chunk `next` gives and `deliver`s each result in order.
    /// - Parameters:
    ///   - maxInFlight: the most chunks being scanned or waiting to be delivered.
    ///   - next: reads the next chunk into the buffer given (or a new one), or returns `nil` at the end.
    ///   - scan: the per-chunk work; runs concurrently.
    ///   - deliver: receives each result in chunk order, on the caller's task.
    /// - Throws: the first error in file order, from reading, scanning or delivering.
    static func run<Result: Sendable>(
        maxInFlight: Int,
        next: (ByteBuffer?) throws -> ScanChunk?,
        scan: @escaping @Sendable (ScanChunk) throws -> Result,
        deliver: (Result) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Result?, (any Error)?, ByteBuffer).self) { group in
            var inFlight = 0
            var issued = 0
            var nextToDeliver = 0
            var exhausted = false
            var readError: (any Error)?
            var finished: [Int: (Result?, (any Error)?)] = [:]
            var spare: [ByteBuffer] = []
            while true {
                while !exhausted && inFlight < maxInFlight {
                    let chunk: ScanChunk?
                    do {
                        chunk = try next(spare.popLast())
                    } catch {
                        readError = error
                        chunk = nil
                    }
                    guard let chunk else {
                        exhausted = true
                        break
                    }
                    let index = issued
                    issued += 1
                    inFlight += 1
                    group.addTask {
                        do {
                            return (index, try scan(chunk), nil, chunk.buffer)
                        } catch {
                            return (index, nil, error, chunk.buffer)
                        }
                    }
                }
                if inFlight == 0 {
                    if let readError { throw readError }
                    return
                }
                guard let (index, result, error, buffer) = try await group.next() else { return }
                spare.append(buffer)
                finished[index] = (result, error)
                while let (result, error) = finished.removeValue(forKey: nextToDeliver) {
                    inFlight -= 1
                    nextToDeliver += 1
                    if let error { throw error }
                    if let result { try deliver(result) }
                }
            }
        }
    }
}
