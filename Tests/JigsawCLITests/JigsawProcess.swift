import Foundation
import Testing

/// Runs the built `jigsaw` executable as a separate process, as a user would.
struct JigsawProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
        /// Everything the run printed, for checks that no raw identifier escaped.
        var allOutput: String { stdout + "\n" + stderr }
    }

    /// The `jigsaw` binary beside this test bundle in the build folder.
    static let binary: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("jigsaw")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        // swift test's runner lives in the same build folder as the products.
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return arg0.deletingLastPathComponent().appendingPathComponent("jigsaw")
    }()

    /// Runs `jigsaw` with `arguments` in `folder`.
    static func run(_ arguments: [String], in folder: URL, stdin: Data? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "JIGSAW_KEY_FILE")
        env.removeValue(forKey: "JIGSAW_AUDIT_LOG")
        env.removeValue(forKey: "JIGSAW_AUDIT_SIGNING_KEY")
        for (name, value) in environment { env[name] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errReader.isExecuting || !errReader.isFinished { usleep(1000) }
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self),
                       stdoutBytes: outData)
    }
}

/// A private temporary folder holding the example key, removed at the end of the test.
final class Workspace {
    let url: URL
    static let exampleKeyJSON = #"{"format":"jigsaw-key/1","id":"cli-test-example","secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","example":true}"#

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jigsaw-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write("example.key", Self.exampleKeyJSON)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String, mode: Int? = nil) throws -> String {
        try write(name, Data(text.utf8), mode: mode)
    }

    @discardableResult
    func write(_ name: String, _ data: Data, mode: Int? = nil) throws -> String {
        let target = url.appendingPathComponent(name)
        try data.write(to: target)
        if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target.path) }
        return target.path
    }

    func read(_ name: String) throws -> String {
        try String(decoding: Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Every file in the folder, hidden ones included (to catch stray temporary files), apart from the audit
    /// log every run appends to (its own tests check it).
    func files() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: url.path)).subtracting(["jigsaw-audit.jsonl"]) }

    func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> JigsawProcess.Outcome {
        try JigsawProcess.run(arguments, in: url, stdin: stdin, environment: environment)
    }
}

/// Synthetic identifiers used by these tests: NHS numbers in the NHS test range and made-up UPNs.
/// They are asserted never to appear in anything the tool prints.
enum Synthetic {
    /// A valid NHS number (test range) written three ways, and its canonical form.
    static let nhsSpaced = "999 000 0018"
    static let nhsHyphen = "999-000-0018"
    static let nhsPlain = "9990000018"
    /// A second valid NHS number.
    static let nhsOther = "9990000026"
    /// An NHS number whose check digit fails.
    static let nhsBad = "9990000019"
    /// A valid permanent UPN and a valid temporary one.
    static let upn = "H801200001001"
    static let upnTemporary = "G80120000101A"
    /// A UPN whose check letter fails.
    static let upnBad = "H801200001002"

    static let all = [nhsSpaced, nhsHyphen, nhsPlain, nhsOther, nhsBad, upn, upnTemporary, upnBad]

    /// Whether `text` contains any raw identifier above (digits compared with separators removed too).
    static func leaks(in text: String) -> Bool {
        let squashed = text.filter { $0 != " " && $0 != "-" }
        return all.contains { text.contains($0) || squashed.contains($0.filter { $0 != " " && $0 != "-" }) }
    }
}
