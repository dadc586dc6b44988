import Foundation
import Testing
@testable import JigsawCSV

private struct ChunkFailure: Error, Equatable {
    var index: Int
}

/// What one processed chunk reports back.
private struct ChunkSummary: Sendable, Equatable {
    var index: Int
    var firstLine: Int
    var bytes: [UInt8]
}

/// A pause of 0–2 ms that differs from chunk to chunk, so chunks finish out of order. Correctness does not
/// depend on it: the assertions hold whatever the timing.
private func pause(for index: Int, scale: Double = 1) {
    var rng = SeededGenerator(seed: UInt64(index) &+ 0x5EED)
    Thread.sleep(forTimeInterval: Double.random(in: 0...0.002, using: &rng) * scale)
}

/// A file of `records` numbered records after a header, some of them spanning lines.
private func makeFile(records: Int) -> [UInt8] {
    var text = "n,text\n"
    for n in 0..<records {
        text += n % 5 == 0 ? "\(n),\"line\nbreak, \"\"quoted\"\"\"\n" : "\(n),plain value \(n)\n"
    }
    return text.bytes
}

@Suite("CSVChunkPipeline")
struct CSVChunkPipelineTests {
    @Test("results are delivered in input order whatever order the chunks finish in", arguments: [1, 2, 3, 8, 64])
    func deliveredInOrder(maxInFlight: Int) async throws {
        let folder = try TemporaryFolder()
        let file = makeFile(records: 300)
        let path = try folder.write(file, to: "in.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        let header = try reader.readHeader()
        var delivered: [ChunkSummary] = []
        try await CSVChunkPipeline.run(reader: reader, maxInFlight: maxInFlight, process: { chunk in
            pause(for: chunk.index)
            return ChunkSummary(index: chunk.index, firstLine: chunk.firstLine, bytes: chunk.bytes)
        }, deliver: { summary in
            delivered.append(summary)
        })
        #expect(delivered.count > 10)
        #expect(delivered.map(\.index) == Array(0..<delivered.count))
        #expect(header.rawBytes + delivered.flatMap(\.bytes) == file)

        // Each chunk's first line is one past the lines before it.
        var line = 2
        var linesAgree = true
        for summary in delivered {
            if summary.firstLine != line { linesAgree = false }
            line += summary.bytes.count { $0 == 0x0A }
        }
        #expect(linesAgree)
    }

    @Test("an empty body delivers nothing")
    func emptyBody() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a,b\n".bytes, to: "in.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        _ = try reader.readHeader()
        var deliveries = 0
        try await CSVChunkPipeline.run(reader: reader, process: { $0.index }, deliver: { _ in deliveries += 1 })
        #expect(deliveries == 0)
    }

    @Test("the first failure in input order is thrown, after every earlier result is delivered", arguments: [2, 4, 16])
    func firstErrorInInputOrder(maxInFlight: Int) async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(makeFile(records: 300), to: "in.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        _ = try reader.readHeader()
        var delivered: [Int] = []
        let error = await #expect(throws: ChunkFailure.self) {
            try await CSVChunkPipeline.run(reader: reader, maxInFlight: maxInFlight, process: { chunk in
                switch chunk.index {
                case 3:
                    // Fails late, after chunk 4 has already failed.
                    pause(for: chunk.index, scale: 10)
                    throw ChunkFailure(index: 3)
                case 4:
                    throw ChunkFailure(index: 4)
                case 9:
                    throw ChunkFailure(index: 9)
                default:
                    pause(for: chunk.index)
                    return chunk.index
                }
            }, deliver: { index in
                delivered.append(index)
            })
        }
        #expect(error == ChunkFailure(index: 3))
        #expect(delivered == [0, 1, 2])
    }

    @Test("a failure in delivery stops the run with that failure")
    func deliveryFailure() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(makeFile(records: 300), to: "in.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        _ = try reader.readHeader()
        var delivered: [Int] = []
        let error = await #expect(throws: ChunkFailure.self) {
            try await CSVChunkPipeline.run(reader: reader, maxInFlight: 4, process: { chunk in
                pause(for: chunk.index)
                if chunk.index == 6 { throw ChunkFailure(index: 6) }
                return chunk.index
            }, deliver: { index in
                if index == 2 { throw ChunkFailure(index: 102) }
                delivered.append(index)
            })
        }
        #expect(error == ChunkFailure(index: 102))
        #expect(delivered == [0, 1])
    }

    @Test("parse errors found while processing carry their physical line")
    func parseErrorsInChunks() async throws {
        let folder = try TemporaryFolder()
        var file = makeFile(records: 100)
        file += "bad,unquoted\"quote\n".bytes
        file += makeFile(records: 20).dropFirst("n,text\n".utf8.count)
        let path = try folder.write(file, to: "in.csv")
        let expectedLine = makeFile(records: 100).count { $0 == 0x0A } + 1
        let reader = try CSVChunkReader(path: path, chunkSize: 32)
        let header = try reader.readHeader()
        let names = header.names
        let error = await #expect(throws: CSVError.self) {
            try await CSVChunkPipeline.run(reader: reader, maxInFlight: 4, process: { chunk in
                try parse(chunk.bytes, firstLine: chunk.firstLine, end: chunk.bufferEnd, file: "in.csv", columnNames: names)
                    .records.count
            }, deliver: { _ in })
        }
        #expect(error?.code == .unexpectedQuote)
        #expect(error?.line == expectedLine)
        #expect(error?.column == "\"text\" (column 2)")
    }
}
