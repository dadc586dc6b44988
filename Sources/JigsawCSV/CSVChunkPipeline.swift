/// Processes chunks of a CSV file on all cores and hands the results back in input order.
///
/// The caller's task reads chunks and keeps at most `maxInFlight` of them in child tasks; finished
/// results are delivered strictly in chunk order, so output is deterministic whatever the core count.
/// Input and output buffers are recycled, so memory stays bounded by `maxInFlight` chunks and their
/// outputs however large the file, and the steady state allocates nothing.
public enum CSVChunkPipeline {
    /// The number of chunks to keep in flight by default: two per active core.
    public static var defaultMaxInFlight: Int {
        2 * max(1, ProcessInfoLite.activeProcessorCount)
    }

    private struct Finished<Result: Sendable>: Sendable {
        var outcome: Swift.Result<Result, any Error>
        var input: ByteBuffer
        var output: ByteBuffer
    }

    /// Runs `transform` over every chunk of `reader`, each writing into its own output buffer, and
    /// delivers each result with its output to `deliver`, in chunk order.
    /// - Parameters:
    ///   - reader: the source, positioned after its header.
    ///   - maxInFlight: the most chunks being processed or waiting to be delivered at once.
    ///   - transform: the per-chunk work, given the chunk and an empty output buffer; runs concurrently,
    ///     so it must create its own mutable state, and must not keep either buffer.
    ///   - deliver: receives each result and its output, in chunk order, on the caller's task; it must
    ///     not keep the buffer, which is reused.
    /// - Throws: the first error in input order, from reading, processing or delivering.
    public static func run<Result: Sendable>(
        reader: CSVChunkReader,
        maxInFlight: Int = defaultMaxInFlight,
        transform: @escaping @Sendable (CSVChunk, ByteBuffer) throws -> Result,
        deliver: (Result, ByteBuffer) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Finished<Result>).self) { group in
            var inFlight = 0
            var nextToDeliver = 0
            var exhausted = false
            var finished: [Int: Finished<Result>] = [:]
            var spareInputs: [ByteBuffer] = []
            var spareOutputs: [ByteBuffer] = []
            // A read error comes after every chunk already read, so it is thrown only once those are
            // delivered: an earlier chunk's error takes precedence.
            var readError: (any Error)?
            while true {
                while !exhausted && inFlight < maxInFlight {
                    let next: CSVChunk?
                    do {
                        next = try reader.nextChunk(reusing: spareInputs.popLast())
                    } catch {
                        readError = error
                        next = nil
                    }
                    guard let chunk = next else {
                        exhausted = true
                        break
                    }
                    let output = spareOutputs.popLast() ?? ByteBuffer(capacity: 3 * chunk.buffer.count + 4096)
                    output.removeAll()
                    group.addTask {
                        let outcome = Swift.Result { try transform(chunk, output) }
                        return (chunk.index, Finished(outcome: outcome, input: chunk.buffer, output: output))
                    }
                    inFlight += 1
                }
                if inFlight == 0 {
                    if let readError { throw readError }
                    break
                }
                guard let (index, result) = try await group.next() else { break }
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToDeliver) {
                    inFlight -= 1
                    nextToDeliver += 1
                    try deliver(ready.outcome.get(), ready.output)
                    spareInputs.append(ready.input)
                    spareOutputs.append(ready.output)
                }
            }
        }
    }

    /// Runs `process` over every chunk of `reader` and delivers each result to `deliver`, in order
    /// (for work that produces no output bytes).
    /// - Parameters:
    ///   - reader: the source, positioned after its header.
    ///   - maxInFlight: the most chunks being processed or waiting to be delivered at once.
    ///   - process: the per-chunk work; runs concurrently, so it must create its own mutable state.
    ///   - deliver: receives each result in chunk order, on the caller's task.
    /// - Throws: the first error in input order, from reading, processing or delivering.
    public static func run<Result: Sendable>(
        reader: CSVChunkReader,
        maxInFlight: Int = defaultMaxInFlight,
        process: @escaping @Sendable (CSVChunk) throws -> Result,
        deliver: (Result) throws -> Void
    ) async throws {
        try await run(reader: reader, maxInFlight: maxInFlight,
                      transform: { chunk, _ in try process(chunk) },
                      deliver: { result, _ in try deliver(result) })
    }
}
