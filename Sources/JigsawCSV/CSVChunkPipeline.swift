/// Processes chunks of a CSV file on all cores and hands the results back in input order.
///
/// The caller's task reads chunks and keeps at most `maxInFlight` of them in child tasks; finished
/// results are delivered strictly in chunk order, so output is deterministic whatever the core count.
/// Memory stays bounded by `maxInFlight` chunks and their results.
public enum CSVChunkPipeline {
    /// The number of chunks to keep in flight by default: two per active core.
    public static var defaultMaxInFlight: Int {
        2 * max(1, Int(ProcessInfoLite.activeProcessorCount))
    }

    /// Runs `process` over every chunk of `reader` and delivers each result to `deliver`, in order.
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
        try await withThrowingTaskGroup(of: (Int, Swift.Result<Result, any Error>).self) { group in
            var inFlight = 0
            var nextToDeliver = 0
            var exhausted = false
            var finished: [Int: Swift.Result<Result, any Error>] = [:]
            while true {
                while !exhausted && inFlight < maxInFlight {
                    guard let chunk = try reader.nextChunk() else {
                        exhausted = true
                        break
                    }
                    group.addTask { (chunk.index, Swift.Result { try process(chunk) }) }
                    inFlight += 1
                }
                if inFlight == 0 { break }
                guard let (index, result) = try await group.next() else { break }
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToDeliver) {
                    inFlight -= 1
                    nextToDeliver += 1
                    try deliver(ready.get())
                }
            }
        }
    }
}
