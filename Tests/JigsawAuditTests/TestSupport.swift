import Foundation
@testable import JigsawAudit

/// A fresh folder under the system's temporary directory, removed with everything in it on release.
final class TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jigsaw-audit-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to a file in the folder and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = "\(path)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)")))
    }

    func replace(_ name: String, with bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
    }
}

/// A record of a made-up run over `output`, with counts.
func sampleRecord(command: String = "tokenise", output: AuditFileRecord? = nil, counts: [String: AuditValue] = ["rows": .integer(3)]) -> AuditRecord {
    var record = AuditRecord(time: "2026-11-25T22:00:00.000Z", version: "0.1.0", user: "analyst", host: "ig-laptop",
                             command: command, arguments: ["extract.csv", "-o", "shareable.csv"], workingDirectory: "/data")
    record.inputs = [AuditFileRecord(path: "/data/extract.csv", size: 120, sha256: String(repeating: "a", count: 64), rows: 3)]
    if let output { record.outputs = [output] }
    record.key = AuditKeyRecord(id: "nhs-la-2026", fingerprint: "0123456789abcdef", context: "send", isExample: false)
    record.counts = counts
    return record
}

/// The log's lines (each without its newline).
func lines(of bytes: [UInt8]) -> [[UInt8]] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
}

/// Joins lines back into a log.
func log(from lines: [[UInt8]]) -> [UInt8] {
    lines.flatMap { $0 + [0x0A] }
}
