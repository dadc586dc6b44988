import Foundation
import Testing
@testable import JigsawCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("AtomicOutputFile")
struct AtomicOutputFileTests {
    /// Temporary files live beside the destination, named `.<name>.jigsaw-XXXXXX`.
    private static func temporaryFiles(in folder: TemporaryFolder) throws -> [String] {
        try folder.contents().filter { $0.hasPrefix(".") && $0.contains(".jigsaw-") }
    }

    @Test("nothing appears at the destination until commit, then exactly the bytes written")
    func commitMovesIntoPlace() throws {
        let folder = try TemporaryFolder()
        let destination = "\(folder.path)/out.csv"
        let output = try AtomicOutputFile(path: destination, overwrite: false, inputs: [])
        try output.write("a,b\n".bytes)
        try output.write("1,2\n".bytes)
        #expect(!FileManager.default.fileExists(atPath: destination))
        #expect(try Self.temporaryFiles(in: folder).count == 1)
        try output.commit()
        #expect(try readBytes(destination) == "a,b\n1,2\n".bytes)
        #expect(try folder.contents() == ["out.csv"])
        #expect(output.path == destination)
    }

    @Test("an empty output can be committed")
    func emptyOutput() throws {
        let folder = try TemporaryFolder()
        let destination = "\(folder.path)/empty.csv"
        let output = try AtomicOutputFile(path: destination, overwrite: false, inputs: [])
        try output.commit()
        #expect(try readBytes(destination).isEmpty)
    }

    @Test("released without commit, it leaves neither the destination nor a temporary file")
    func releaseWithoutCommit() throws {
        let folder = try TemporaryFolder()
        let destination = "\(folder.path)/out.csv"
        do {
            let output = try AtomicOutputFile(path: destination, overwrite: false, inputs: [])
            try output.write("partial".bytes)
            #expect(try Self.temporaryFiles(in: folder).count == 1)
        }
        #expect(try folder.contents().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: destination))
    }

    @Test("an existing destination is refused at creation without overwrite, and left unchanged")
    func outputExists() throws {
        let folder = try TemporaryFolder()
        let destination = try folder.write("original".bytes, to: "out.csv")
        let error = csvError { _ = try AtomicOutputFile(path: destination, overwrite: false, inputs: []) }
        #expect(error?.code == .outputExists)
        #expect(error?.file == destination)
        #expect(try readBytes(destination) == "original".bytes)
        #expect(try folder.contents() == ["out.csv"])
    }

    @Test("with overwrite, an existing destination is replaced on commit and untouched before it")
    func overwrite() throws {
        let folder = try TemporaryFolder()
        let destination = try folder.write("original content".bytes, to: "out.csv")
        let output = try AtomicOutputFile(path: destination, overwrite: true, inputs: [])
        try output.write("new".bytes)
        #expect(try readBytes(destination) == "original content".bytes)
        try output.commit()
        #expect(try readBytes(destination) == "new".bytes)
        #expect(try folder.contents() == ["out.csv"])
    }

    @Test("with overwrite but without commit, an existing destination is untouched")
    func overwriteWithoutCommit() throws {
        let folder = try TemporaryFolder()
        let destination = try folder.write("original".bytes, to: "out.csv")
        do {
            let output = try AtomicOutputFile(path: destination, overwrite: true, inputs: [])
            try output.write("new".bytes)
        }
        #expect(try readBytes(destination) == "original".bytes)
        #expect(try folder.contents() == ["out.csv"])
    }

    @Test("a destination created during the run is not replaced without overwrite")
    func destinationAppearsMeanwhile() throws {
        let folder = try TemporaryFolder()
        let destination = "\(folder.path)/out.csv"
        let output = try AtomicOutputFile(path: destination, overwrite: false, inputs: [])
        try output.write("ours".bytes)
        try folder.write("theirs".bytes, to: "out.csv")
        let error = csvError { try output.commit() }
        #expect(error?.code == .outputExists)
        #expect(try readBytes(destination) == "theirs".bytes)
        #expect(try Self.temporaryFiles(in: folder).isEmpty)
    }

    @Test("the output may not be an input, however the path is written")
    func outputIsInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("id\n1\n".bytes, to: "in.csv")
        try FileManager.default.createDirectory(atPath: "\(folder.path)/sub", withIntermediateDirectories: false)
        try FileManager.default.linkItem(atPath: input, toPath: "\(folder.path)/hard-link.csv")
        try FileManager.default.createSymbolicLink(atPath: "\(folder.path)/symlink.csv", withDestinationPath: input)

        // A relative path from the current directory to the same file.
        let cwd = FileManager.default.currentDirectoryPath.split(separator: "/")
        let relative = String(repeating: "../", count: cwd.count) + input.drop { $0 == "/" }

        let aliases = [
            input, "\(folder.path)/./in.csv", "\(folder.path)//in.csv", "\(folder.path)/sub/../in.csv", relative,
            "\(folder.path)/hard-link.csv", "\(folder.path)/symlink.csv",
        ]
        for (index, destination) in aliases.enumerated() {
            for overwrite in [false, true] {
                let error = csvError { _ = try AtomicOutputFile(path: destination, overwrite: overwrite, inputs: ["-", input]) }
                #expect(error?.code == .outputIsInput, "alias \(index), overwrite \(overwrite)")
            }
            // The same check with the input written differently from the output.
            let error = csvError { _ = try AtomicOutputFile(path: input, overwrite: true, inputs: [destination]) }
            #expect(error?.code == .outputIsInput, "alias \(index) as the input")
        }
        #expect(try readBytes(input) == "id\n1\n".bytes)
        #expect(try Self.temporaryFiles(in: folder).isEmpty)
    }

    @Test("a different existing file is not mistaken for the input")
    func otherFileIsNotInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("same bytes".bytes, to: "in.csv")
        let destination = try folder.write("same bytes".bytes, to: "out.csv")
        let error = csvError { _ = try AtomicOutputFile(path: destination, overwrite: false, inputs: [input]) }
        #expect(error?.code == .outputExists)
        let output = try AtomicOutputFile(path: destination, overwrite: true, inputs: [input])
        try output.write("replaced".bytes)
        try output.commit()
        #expect(try readBytes(destination) == "replaced".bytes)
        #expect(try readBytes(input) == "same bytes".bytes)
    }

    /// Runs in a child process: closing a descriptor twice may close one that another thread has just opened.
    @Test("a failed commit closes its descriptor once, not again on release")
    func failedCommitClosesOnce() async {
        await #expect(processExitsWith: .success) {
            var folder: TemporaryFolder? = try! TemporaryFolder()
            let destination = "\(folder!.path)/out.csv"
            var output: AtomicOutputFile? = try! AtomicOutputFile(path: destination, overwrite: true, inputs: [])
            try! output!.write("data".bytes)
            // A folder appearing at the destination makes the final rename fail.
            try! FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
            do throws(CSVError) {
                try output!.commit()
                preconditionFailure("commit over a folder succeeded")
            } catch {
                precondition(error.code == .io)
            }
            // The descriptor the output used is free now, so the next open may be given its number.
            let other = open("/dev/null", O_RDONLY)
            precondition(other >= 0)
            output = nil
            let stillOpen = fcntl(other, F_GETFD) != -1
            let leftBehind = try! folder!.contents()
            folder = nil
            precondition(stillOpen, "releasing the output closed a descriptor it no longer owned")
            precondition(leftBehind == ["out.csv"], "temporary file left behind")
        }
    }

    @Test("a folder is not an output file")
    func folderDestination() throws {
        let folder = try TemporaryFolder()
        let error = csvError { _ = try AtomicOutputFile(path: folder.path, overwrite: true, inputs: []) }
        #expect(error?.code == .io)
    }

    @Test("an output in a missing folder fails at creation")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let error = csvError { _ = try AtomicOutputFile(path: "\(folder.path)/missing/out.csv", overwrite: false, inputs: []) }
        #expect(error?.code == .io)
    }
}
