import Testing
@testable import JigsawCSV

/// What reading a whole file through a ``CSVChunkReader`` produced.
private struct ChunkedRead {
    var header: CSVHeader
    var hasByteOrderMark: Bool
    var chunks: [CSVChunk]
}

/// A record in a form comparable across parses of different buffers.
private struct RecordSummary: Equatable {
    var line: Int
    var isBlank: Bool
    var values: [[UInt8]]
}

private func readChunks(_ path: String, dialect: CSVDialect = CSVDialect(), chunkSize: Int, maxRecordBytes: Int = 16 << 20)
    throws -> ChunkedRead
{
    let reader = try CSVChunkReader(path: path, dialect: dialect, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    let header = try reader.readHeader()
    var chunks: [CSVChunk] = []
    while let chunk = try reader.nextChunk() {
        chunks.append(chunk)
        // A reader that never ends would otherwise hang the test run.
        if chunks.count > 1_000_000 { Issue.record("the reader did not end"); break }
    }
    return ChunkedRead(header: header, hasByteOrderMark: reader.hasByteOrderMark, chunks: chunks)
}

private func summaries(_ bytes: [UInt8], dialect: CSVDialect = CSVDialect(), firstLine: Int, end: CSVBufferEnd) throws
    -> [RecordSummary]
{
    try parse(bytes, dialect: dialect, firstLine: firstLine, end: end).records.map {
        RecordSummary(line: $0.record.line, isBlank: $0.record.isBlank, values: $0.values)
    }
}

/// Checks everything a chunked read promises against a parse of the whole file:
/// - the header is the first record, without any byte-order mark;
/// - the chunks' bytes, concatenated, are the file after the header;
/// - every chunk but the last ends at a record boundary, and no chunk is empty;
/// - chunk indices count from 0 and each chunk's `firstLine` numbers its records as in the whole file.
private func verifyChunks(of file: [UInt8], read: ChunkedRead, dialect: CSVDialect = CSVDialect()) throws {
    let hasBOM = file.starts(with: [0xEF, 0xBB, 0xBF])
    #expect(read.hasByteOrderMark == hasBOM)
    let content = hasBOM ? Array(file.dropFirst(3)) : file
    let whole = try parse(content, dialect: dialect)
    let headerRecord = try #require(whole.records.first)
    #expect(read.header.rawBytes == Array(content[0..<headerRecord.record.end]))
    #expect(read.header.fields == headerRecord.fields)
    #expect(read.header.names == headerRecord.strings)
    #expect(read.header.lineEnding == Array(content[headerRecord.record.contentEnd..<headerRecord.record.end]))

    let body = Array(content[headerRecord.record.end...])
    #expect(read.chunks.flatMap(\.bytes) == body)
    #expect(read.chunks.map(\.index) == Array(0..<read.chunks.count))
    #expect(read.chunks.allSatisfy { !$0.bytes.isEmpty })
    #expect(read.chunks.allSatisfy { $0.bufferEnd == .endOfInput })

    let recordEnds = Set(whole.records.map { $0.record.end - headerRecord.record.end })
    var offset = 0
    var cutsInsideRecords = 0
    for chunk in read.chunks.dropLast() {
        offset += chunk.bytes.count
        if !recordEnds.contains(offset) { cutsInsideRecords += 1 }
    }
    #expect(cutsInsideRecords == 0)

    let expected = whole.records.dropFirst().map {
        RecordSummary(line: $0.record.line, isBlank: $0.record.isBlank, values: $0.values)
    }
    var chunked: [RecordSummary] = []
    var firstLinesMatch = true
    for chunk in read.chunks {
        let records = try summaries(chunk.bytes, dialect: dialect, firstLine: chunk.firstLine, end: chunk.bufferEnd)
        if let first = records.first, first.line != chunk.firstLine { firstLinesMatch = false }
        chunked += records
    }
    #expect(firstLinesMatch)
    #expect(chunked == expected)
}

/// A file with quoted header names, CRLF and LF endings, quoted delimiters, doubled quotes, multi-line
/// values (LF and CRLF inside quotes), a blank line, empty fields and a last line without a line ending.
private let sampleFile: [UInt8] = (
    "\"id\",\"full name\",note\r\n"
        + "1,plain,x\r\n"
        + "2,\"quoted, comma\",\"say \"\"hi\"\"\"\r\n"
        + "3,\"multi\nline\nvalue\",y\n"
        + "\r\n"
        + "4,,\r\n"
        + "5,\"a\r\nb\",last\r\n"
        + "\n"
        + "6,z,no line ending at the end"
).bytes

private let chunkSizes = [1, 2, 3, 7, 16, 64, 4096, 1 << 20]

@Suite("CSVChunkReader")
struct CSVChunkReaderTests {
    @Test("chunks reproduce the file after the header and number their lines", arguments: chunkSizes)
    func sampleFileInChunks(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(sampleFile, to: "sample.csv")
        let read = try readChunks(path, chunkSize: chunkSize)
        #expect(read.header.names == ["id", "full name", "note"])
        #expect(read.header.lineEnding == "\r\n".bytes)
        try verifyChunks(of: sampleFile, read: read)
    }

    @Test("a UTF-8 byte-order mark is detected and stripped", arguments: chunkSizes)
    func byteOrderMark(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let file: [UInt8] = [0xEF, 0xBB, 0xBF] + sampleFile
        let path = try folder.write(file, to: "bom.csv")
        let read = try readChunks(path, chunkSize: chunkSize)
        #expect(read.hasByteOrderMark)
        #expect(read.header.names == ["id", "full name", "note"])
        #expect(read.header.rawBytes.first == UInt8(ascii: "\""))
        try verifyChunks(of: file, read: read)
    }

    @Test("a byte-order mark later in the file is data, not a mark")
    func byteOrderMarkOnlyAtStart() throws {
        let folder = try TemporaryFolder()
        let file = "a\n".bytes + [0xEF, 0xBB, 0xBF] + "x\n".bytes
        let path = try folder.write(file, to: "late-bom.csv")
        let read = try readChunks(path, chunkSize: 64)
        #expect(!read.hasByteOrderMark)
        #expect(read.chunks.flatMap(\.bytes) == [0xEF, 0xBB, 0xBF] + "x\n".bytes)
    }

    @Test("a header longer than twice the chunk size is read whole, and the records after it are not lost",
          arguments: [1, 4, 16])
    func longHeader(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let names = (1...12).map { "column number \($0)" }
        let file = (names.joined(separator: ",") + "\n" + (1...12).map(String.init).joined(separator: ",") + "\n").bytes
        let path = try folder.write(file, to: "wide.csv")
        let read = try readChunks(path, chunkSize: chunkSize)
        #expect(read.header.names == names)
        #expect(read.chunks.flatMap(\.bytes) == (1...12).map(String.init).joined(separator: ",").bytes + [0x0A])
    }

    @Test("a header longer than the record limit is reported as too long, at line 1", .timeLimit(.minutes(1)),
          arguments: [(4, 16), (1, 8), (16, 64)])
    func headerTooLong(chunkSize: Int, maxRecordBytes: Int) throws {
        let folder = try TemporaryFolder()
        let plain = try folder.write((String(repeating: "name,", count: 40) + "last\n1\n").bytes, to: "wide.csv")
        let openQuote = try folder.write(("a,\"" + String(repeating: "never closed ", count: 40) + "\n1\n").bytes, to: "open.csv")
        for path in [plain, openQuote] {
            let reader = try CSVChunkReader(path: path, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
            let error = csvError { _ = try reader.readHeader() }
            #expect(error?.code == .recordTooLong)
            #expect(error?.line == 1)
        }
    }

    @Test("header names are unquoted but not trimmed, and the header may span lines", arguments: [1, 5, 64])
    func headerNames(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let file = "plain,\"with, comma\",\"say \"\"x\"\"\", spaced ,\"two\nlines\",\n1,2,3,4,5,6\n".bytes
        let path = try folder.write(file, to: "header.csv")
        let read = try readChunks(path, chunkSize: chunkSize)
        #expect(read.header.names == ["plain", "with, comma", "say \"x\"", " spaced ", "two\nlines", ""])
        #expect(read.header.lineEnding == [0x0A])
        #expect(read.chunks.first?.firstLine == 3)
        try verifyChunks(of: file, read: read)
    }

    @Test("a file that is only a header has no chunks", arguments: ["a,b\n", "a,b\r\n", "a,b"])
    func headerOnly(text: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(text.bytes, to: "header-only.csv")
        let read = try readChunks(path, chunkSize: 64)
        #expect(read.header.names == ["a", "b"])
        #expect(read.chunks.isEmpty)
        #expect(read.header.lineEnding == Array(text.bytes.dropFirst(3)))
    }

    @Test("tab-delimited files are chunked with their own dialect", arguments: [1, 7, 64])
    func tabDelimited(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let dialect = CSVDialect(delimiter: 0x09)
        let file = "a\tb\n1\t\"x\ty\"\n2\t\"multi\nline\"\n3\t,\n".bytes
        let path = try folder.write(file, to: "tabs.tsv")
        let read = try readChunks(path, dialect: dialect, chunkSize: chunkSize)
        #expect(read.header.names == ["a", "b"])
        try verifyChunks(of: file, read: read, dialect: dialect)
    }

    @Test("forEachRecord visits every non-blank record across chunks, with its line and fields")
    func forEachRecordSkipsBlankLines() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("id,name\n1,\"a\"\"b\"\n\n2,\"multi\nline\"\r\n\n3,c\n".bytes, to: "records.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 8)
        _ = try reader.readHeader()
        var seen: [(line: Int, id: String, name: String)] = []
        try reader.forEachRecord(dialect: CSVDialect(), file: path, columnNames: ["id", "name"]) { record, fields, bytes in
            seen.append((record.line, CSVFieldValue.string(bytes, fields[0]), CSVFieldValue.string(bytes, fields[1])))
        }
        #expect(seen.map(\.line) == [2, 4, 7])
        #expect(seen.map(\.id) == ["1", "2", "3"])
        #expect(seen.map(\.name) == ["a\"b", "multi\nline", "c"])
    }

    @Test("forEachRecord passes on a parse error with the file and line")
    func forEachRecordParseError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("id\n1\n\"open\n".bytes, to: "bad.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        _ = try reader.readHeader()
        var lines: [Int] = []
        let error = csvError { try reader.forEachRecord(dialect: CSVDialect(), file: path, columnNames: ["id"]) { record, _, _ in lines.append(record.line) } }
        #expect(lines == [2])
        #expect(error?.file == path)
        #expect(error?.line == 3)
    }

    @Test("an empty file has no header")
    func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write([], to: "empty.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        let error = csvError { _ = try reader.readHeader() }
        #expect(error?.code == .emptyFile)
        #expect(error?.file == path)
    }

    @Test("a file holding only a byte-order mark has no header")
    func onlyByteOrderMark() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write([0xEF, 0xBB, 0xBF], to: "bom-only.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        let error = csvError { _ = try reader.readHeader() }
        #expect(error?.code == .emptyFile)
    }

    @Test("a blank first line is an empty file", arguments: ["\na,b\n1,2\n", "\r\na,b\n", "\n"])
    func blankFirstLine(text: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(text.bytes, to: "blank-first.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 64)
        let error = csvError { _ = try reader.readHeader() }
        #expect(error?.code == .emptyFile)
        #expect(error?.line == 1)
    }

    @Test("a missing file is reported as not found")
    func fileNotFound() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/no-such-file.csv"
        let error = csvError { _ = try CSVChunkReader(path: path) }
        #expect(error?.code == .fileNotFound)
        #expect(error?.file == path)
    }

    @Test("a folder is not an input file")
    func folderIsNotAFile() throws {
        let folder = try TemporaryFolder()
        let error = csvError { _ = try CSVChunkReader(path: folder.path) }
        #expect(error?.code == .io)
    }

    @Test("a 100-record file with random quoted and multi-line fields parses identically at every chunk size")
    func randomFile() throws {
        var rng = SeededGenerator(seed: 0xC5F0_1000)
        let pieces: [String] = ["a", "b", "7", " ", ",", "\"", "\n", "\r\n", "\t", "\u{E9}"]
        // A one-byte header keeps this test about cutting records into chunks (headers are tested above).
        var file = "h\n".bytes
        var expected: [[[UInt8]]] = []
        for id in 0..<100 {
            var record: [[UInt8]] = [String(id).bytes]
            file += String(id).bytes
            for _ in 0..<3 {
                var value: [UInt8] = []
                for _ in 0..<Int.random(in: 0...8, using: &rng) { value += pieces.randomElement(using: &rng)!.bytes }
                file.append(0x2C)
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    // Quote some values that would not need it.
                    file.append(0x22)
                    for byte in value {
                        file.append(byte)
                        if byte == 0x22 { file.append(0x22) }
                    }
                    file.append(0x22)
                } else {
                    value.withUnsafeBytes { CSVFieldValue.appendField($0, to: &file, dialect: CSVDialect()) }
                }
                record.append(value)
            }
            file += id == 99 && Bool.random(using: &rng) ? [] : (Bool.random(using: &rng) ? "\r\n".bytes : "\n".bytes)
            expected.append(record)
        }
        let folder = try TemporaryFolder()
        let path = try folder.write(file, to: "random.csv")
        var firstLinesPerSize: [[Int]] = []
        for chunkSize in [1, 2, 3, 7, 13, 64, 100, 1000, 1 << 20] {
            let read = try readChunks(path, chunkSize: chunkSize)
            try verifyChunks(of: file, read: read)
            var values: [[[UInt8]]] = []
            var lines: [Int] = []
            for chunk in read.chunks {
                let result = try parse(chunk.bytes, firstLine: chunk.firstLine, end: chunk.bufferEnd)
                values += result.records.map(\.values)
                lines += result.lines
            }
            #expect(values == expected, "chunk size \(chunkSize)")
            firstLinesPerSize.append(lines)
        }
        #expect(Set(firstLinesPerSize).count == 1)
    }

    @Test("an unterminated quote with a small record limit ends in an error, not a hang",
          .timeLimit(.minutes(1)), arguments: [(8, 32), (1, 4), (64, 64), (4, 1 << 20)])
    func unterminatedQuoteWithSmallLimit(chunkSize: Int, maxRecordBytes: Int) throws {
        let folder = try TemporaryFolder()
        let file = ("h\nok\n\"" + String(repeating: "never closed, ", count: 40) + "\nmore\n").bytes
        let path = try folder.write(file, to: "open-quote.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        let header = try reader.readHeader()
        var failure: CSVError?
        var chunks = 0
        do {
            while let chunk = try reader.nextChunk() {
                chunks += 1
                _ = try parse(chunk.bytes, firstLine: chunk.firstLine, end: chunk.bufferEnd, columnNames: header.names)
                if chunks > 10_000 { break }
            }
        } catch let error as CSVError {
            failure = error
        }
        let code = try #require(failure?.code)
        #expect(code == .recordTooLong || code == .unterminatedQuote)
        #expect(failure?.line == 3)
    }

    @Test("a record longer than the limit is an error even when the cut falls just after a closing quote")
    func recordTooLongCutAfterClosingQuote() throws {
        let folder = try TemporaryFolder()
        // With chunk size 4 and a limit of 8 the reader cuts the second line after its eighth byte, the
        // closing quote; the record goes on for three more bytes.
        let file = "h\n\"abcdef\",x\n".bytes
        let path = try folder.write(file, to: "cut.csv")
        let reader = try CSVChunkReader(path: path, chunkSize: 4, maxRecordBytes: 8)
        _ = try reader.readHeader()
        var failure: CSVError?
        var records: [[String]] = []
        do {
            while let chunk = try reader.nextChunk() {
                records += try parse(chunk.bytes, firstLine: chunk.firstLine, end: chunk.bufferEnd).strings
            }
        } catch let error as CSVError {
            failure = error
        }
        #expect(failure?.code == .recordTooLong)
        #expect(!records.contains(["abcdef"]))
    }

    @Test("header lookup: exact first, then ignoring case and surrounding spaces when unambiguous")
    func headerIndex() {
        let header = CSVHeader(names: ["NHS Number", " upn ", "Name", "name "], rawBytes: [], fields: [], lineEnding: [])
        #expect(header.index(of: "NHS Number") == 0)
        #expect(header.index(of: "nhs number") == 0)
        #expect(header.index(of: "UPN") == 1)
        #expect(header.index(of: "Name") == 2)
        #expect(header.index(of: "NAME") == nil)
        #expect(header.index(of: "missing") == nil)
    }
}
