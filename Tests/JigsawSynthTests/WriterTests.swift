import Foundation
import Testing
import JigsawCSV
@testable import JigsawSynth

@Suite("Writing the files")
struct WriterTests {
    private static let small = try! SynthDataset(configuration: SynthConfiguration(seed: 3, records: 50))
    private static let other = try! SynthDataset(configuration: SynthConfiguration(seed: 4, records: 50))

    @Test("existing files are refused without overwrite and left unchanged; with it they are replaced")
    func refusesToOverwrite() throws {
        let folder = try TemporaryFolder()
        let paths = try SynthWriter.write(Self.small, to: folder.path, overwrite: false)
        let before = try paths.map(readBytes)
        do {
            try SynthWriter.write(Self.other, to: folder.path, overwrite: false)
            Issue.record("an existing output was replaced without overwrite")
        } catch let error as CSVError {
            #expect(error.code == .outputExists)
            #expect(error.description.contains("--force"))
        }
        #expect(try paths.map(readBytes) == before)
        #expect(try folder.contents() == ["council.csv", "health.csv", "truth.csv"])

        try SynthWriter.write(Self.other, to: folder.path, overwrite: true)
        let after = try paths.map(readBytes)
        for (old, new) in zip(before, after) { #expect(old != new) }
    }

    @Test("one existing file stops the run before any other file is written")
    func oneExistingFileStopsAll() throws {
        let folder = try TemporaryFolder()
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder.file("truth.csv")))
        #expect(throws: CSVError.self) { try SynthWriter.write(Self.small, to: folder.path, overwrite: false) }
        #expect(try folder.contents() == ["truth.csv"])
        #expect(try readBytes(folder.file("truth.csv")) == Array("keep".utf8))
    }

    @Test("a missing folder is created, parents included")
    func createsFolder() throws {
        let folder = try TemporaryFolder()
        let nested = folder.file("a/b/out")
        try SynthWriter.write(Self.small, to: nested, overwrite: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: nested).sorted() == ["council.csv", "health.csv", "truth.csv"])
    }

    @Test("an output path that is a file is refused")
    func outputIsAFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("not-a-folder")
        try Data().write(to: URL(fileURLWithPath: file))
        #expect(throws: SynthError.self) { try SynthWriter.write(Self.small, to: file, overwrite: true) }
    }

    @Test("the written rows are the dataset's rows")
    func rowsMatchDataset() throws {
        let folder = try TemporaryFolder()
        try SynthWriter.write(Self.small, to: folder.path, overwrite: false)
        #expect(try readRows(folder.file("health.csv")).dropFirst().map { $0 } == Self.small.health.map(\.fields))
        #expect(try readRows(folder.file("council.csv")).dropFirst().map { $0 } == Self.small.council.map(\.fields))
        #expect(try readRows(folder.file("truth.csv")).dropFirst().map { $0 } == Self.small.truth.map { [$0.childID, $0.healthRecordID] })
    }
}
