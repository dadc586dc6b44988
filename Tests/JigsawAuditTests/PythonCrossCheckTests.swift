import Foundation
import Testing
import JigsawCrypto
@testable import JigsawAudit

/// `Fixtures/audit-log/`, written by the independent Python generator `make_fixtures.py` (Python's `json`,
/// `hashlib` and `cryptography`, from the format description at the top of that script).
struct PythonAuditFixtures {
    /// `records.json`.
    struct Document: Decodable {
        var generator: String
        var signer: String
        var records: [Entry]
    }

    struct Entry: Decodable {
        var about: String
        var record: Body
        var hash_unsigned: String
        var hash_signed: String
    }

    /// A record body without `seq`, `tool`, `prev` and `signer`, which the log assigns.
    struct Body: Decodable {
        var time: String
        var version: String
        var user: String
        var host: String
        var command: String
        var arguments: [String]
        var cwd: String
        var inputs: [File]
        var outputs: [File]
        var key: Key?
        var schema: String?
        var counts: [String: AuditValue]
        var warnings: [String]
        var outcome: String
        var error: String?
    }

    struct File: Decodable {
        var path: String
        var size: Int?
        var sha256: String?
        var rows: Int?
        var kind: String?
    }

    struct Key: Decodable {
        var id: String
        var fingerprint: String
        var context: String
        var example: Bool
    }

    /// `known-discrepancies.json`.
    struct Discrepancies: Decodable {
        struct Case: Decodable {
            var about: String
            var python_canonical: String
        }
        var cases: [Case]
    }

    let document: Document
    let unsignedLog: [UInt8]
    let signedLog: [UInt8]
    let privateKeyPEM: [UInt8]
    let publicKeyPEM: [UInt8]

    init() throws {
        document = try JSONDecoder().decode(Document.self, from: Data(try Self.bytes("records", "json")))
        unsignedLog = try Self.bytes("expected-unsigned", "jsonl")
        signedLog = try Self.bytes("expected-signed", "jsonl")
        privateKeyPEM = try Self.bytes("signing-key", "pem")
        publicKeyPEM = try Self.bytes("signing-key.pub", "pem")
    }

    static func url(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/audit-log"),
                     "Fixtures/audit-log/\(name).\(ext) is not in the test bundle")
    }

    static func bytes(_ name: String, _ ext: String) throws -> [UInt8] {
        Array(try Data(contentsOf: try url(name, ext)))
    }

    /// The `AuditRecord` for a fixture body, built with the public initialisers (not by parsing a log line).
    static func record(_ body: Body) -> AuditRecord {
        var record = AuditRecord(time: body.time, version: body.version, user: body.user, host: body.host,
                                 command: body.command, arguments: body.arguments, workingDirectory: body.cwd)
        func file(_ f: File) -> AuditFileRecord {
            AuditFileRecord(path: f.path, size: f.size, sha256: f.sha256, rows: f.rows, kind: f.kind)
        }
        record.inputs = body.inputs.map(file)
        record.outputs = body.outputs.map(file)
        record.key = body.key.map { AuditKeyRecord(id: $0.id, fingerprint: $0.fingerprint, context: $0.context, isExample: $0.example) }
        record.schemaFingerprint = body.schema
        record.counts = body.counts
        record.warnings = body.warnings
        record.outcome = AuditOutcome(rawValue: body.outcome)!
        record.errorCode = body.error
        return record
    }

    var records: [AuditRecord] { document.records.map { Self.record($0.record) } }
}

/// One way of tampering with a log.
enum PythonLogTampering: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case editByte = "edit one byte of record 6"
    case deleteRecord = "delete record 4"
    case swapRecords = "swap records 3 and 4"
    case truncate = "truncate the last line"

    var testDescription: String { rawValue }

    func apply(to log: [UInt8]) -> [UInt8] {
        var all = lines(of: log)
        switch self {
        case .editByte:
            let text = String(decoding: all[5], as: UTF8.self)
            all[5] = Array(text.replacingOccurrences(of: "\"zero\":0", with: "\"zero\":1").utf8)
        case .deleteRecord:
            all.remove(at: 3)
        case .swapRecords:
            all.swapAt(2, 3)
        case .truncate:
            return Array(log.dropLast(40))
        }
        return JigsawAuditTests.log(from: all)
    }

    /// The first problem the verifier must report, and its line.
    var expected: (kind: AuditLogProblem.Kind, line: Int) {
        switch self {
        case .editByte: (.hashMismatch, 6)
        case .deleteRecord: (.sequence, 4)
        case .swapRecords: (.sequence, 3)
        case .truncate: (.tornLine, 12)
        }
    }
}

@Suite("Audit log: byte-identical with an independent Python implementation of the format")
struct PythonCrossCheckTests {
    let fixtures: PythonAuditFixtures

    init() throws { fixtures = try PythonAuditFixtures() }

    /// The fixture's signing key (test-only, from a published seed).
    func signingKey() throws -> Ed25519SigningKey { try Ed25519SigningKey(pem: fixtures.privateKeyPEM) }

    func publicKey() throws -> Ed25519PublicKey { try Ed25519PublicKey(pem: fixtures.publicKeyPEM) }

    /// Appends every fixture record to a new log and returns its bytes and the hashes `append` reported.
    func appendAll(signingKey: Ed25519SigningKey?) throws -> (bytes: [UInt8], hashes: [String]) {
        let folder = try TemporaryFolder()
        let log = AuditLog(path: folder.path + "/audit.jsonl")
        var hashes: [String] = []
        for record in fixtures.records {
            hashes.append(try log.append(record, signingKey: signingKey).hash)
        }
        return (try folder.read("audit.jsonl"), hashes)
    }

    /// Expects `actual` to equal `expected` byte for byte, naming the first line that differs.
    func expectIdentical(_ actual: [UInt8], _ expected: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let mine = lines(of: actual), theirs = lines(of: expected)
        let index = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, theirs.count)
        let about = index < fixtures.document.records.count ? fixtures.document.records[index].about : "(past the last record)"
        let swiftLine = index < mine.count ? String(decoding: mine[index], as: UTF8.self) : "(none)"
        let pythonLine = index < theirs.count ? String(decoding: theirs[index], as: UTF8.self) : "(none)"
        Issue.record("line \(index + 1) differs (\(about)):\nSwift:  \(swiftLine)\nPython: \(pythonLine)", sourceLocation: sourceLocation)
    }

    @Test("the fixtures cover a dozen records")
    func fixtureShape() {
        #expect(fixtures.document.records.count == 12)
        #expect(lines(of: fixtures.unsignedLog).count == 12)
        #expect(lines(of: fixtures.signedLog).count == 12)
    }

    @Test("each record's canonical body is the one Python hashed")
    func canonicalBodies() throws {
        var previous = AuditRecord.genesisHash
        for (i, (entry, line)) in zip(fixtures.document.records, lines(of: fixtures.unsignedLog)).enumerated() {
            var record = PythonAuditFixtures.record(entry.record)
            record.sequence = i + 1
            record.previousHash = previous
            let body = record.body.canonicalBytes
            let pythonBody = Array(line[..<(line.count - 75)]) + [UInt8(ascii: "}")]
            #expect(body == pythonBody, "record \(i + 1): \(entry.about)\nSwift:  \(String(decoding: body, as: UTF8.self))\nPython: \(String(decoding: pythonBody, as: UTF8.self))")
            #expect(Hex.encode(SHA256Digest.hash(body)) == entry.hash_unsigned, "record \(i + 1): \(entry.about)")
            previous = entry.hash_unsigned
        }
    }

    @Test("appending the records unsigned writes Python's log byte for byte")
    func unsignedLog() throws {
        let (bytes, hashes) = try appendAll(signingKey: nil)
        expectIdentical(bytes, fixtures.unsignedLog)
        #expect(hashes == fixtures.document.records.map(\.hash_unsigned))
    }

    @Test("appending the records signed with the fixture key writes Python's signed log byte for byte")
    func signedLog() throws {
        let key = try signingKey()
        #expect(try key.publicKey == publicKey())
        #expect(try key.publicKey.fingerprint == fixtures.document.signer)
        let (bytes, hashes) = try appendAll(signingKey: key)
        expectIdentical(bytes, fixtures.signedLog)
        #expect(hashes == fixtures.document.records.map(\.hash_signed))
    }

    @Test("appending to a log Python started continues its chain", arguments: [false, true])
    func continuePythonLog(signed: Bool) throws {
        let key = signed ? try signingKey() : nil
        let expected = signed ? fixtures.signedLog : fixtures.unsignedLog
        let folder = try TemporaryFolder()
        try folder.replace("audit.jsonl", with: JigsawAuditTests.log(from: Array(lines(of: expected).prefix(6))))
        let log = AuditLog(path: folder.path + "/audit.jsonl")
        for record in fixtures.records.dropFirst(6) {
            try log.append(record, signingKey: key)
        }
        expectIdentical(try folder.read("audit.jsonl"), expected)
    }

    @Test("the verifier accepts Python's logs and reads back every record as built")
    func verifierAcceptsPythonLogs() throws {
        let key = try publicKey()
        let unsigned = try AuditLogVerifier.verify(path: try PythonAuditFixtures.url("expected-unsigned", "jsonl").path)
        let signed = try AuditLogVerifier.verify(path: try PythonAuditFixtures.url("expected-signed", "jsonl").path, publicKey: key)
        #expect(unsigned.isIntact, "\(unsigned.problems)")
        #expect(signed.isIntact, "\(signed.problems)")
        #expect(signed.signaturesChecked && signed.signedRecords == 12)
        #expect(unsigned.signedRecords == 0)
        #expect(unsigned.head?.hash == fixtures.document.records.last?.hash_unsigned)
        #expect(signed.head?.hash == fixtures.document.records.last?.hash_signed)

        var previousUnsigned = AuditRecord.genesisHash, previousSigned = AuditRecord.genesisHash
        for (i, entry) in fixtures.document.records.enumerated() where i < unsigned.entries.count && i < signed.entries.count {
            var expected = PythonAuditFixtures.record(entry.record)
            expected.sequence = i + 1
            expected.previousHash = previousUnsigned
            #expect(unsigned.entries[i].record == expected, "unsigned record \(i + 1): \(entry.about)")
            expected.previousHash = previousSigned
            expected.signer = fixtures.document.signer
            #expect(signed.entries[i].record == expected, "signed record \(i + 1): \(entry.about)")
            previousUnsigned = entry.hash_unsigned
            previousSigned = entry.hash_signed
        }
    }

    @Test("the verifier rejects a tampered copy of Python's unsigned log", arguments: PythonLogTampering.allCases)
    func tamperedUnsigned(_ tampering: PythonLogTampering) throws {
        let result = AuditLogVerifier.verify(bytes: tampering.apply(to: fixtures.unsignedLog), path: "expected-unsigned.jsonl")
        #expect(result.firstProblem?.kind == tampering.expected.kind)
        #expect(result.firstProblem?.line == tampering.expected.line)
    }

    @Test("the verifier rejects a tampered copy of Python's signed log", arguments: PythonLogTampering.allCases)
    func tamperedSigned(_ tampering: PythonLogTampering) throws {
        let result = AuditLogVerifier.verify(bytes: tampering.apply(to: fixtures.signedLog), path: "expected-signed.jsonl", publicKey: try publicKey())
        #expect(result.firstProblem?.kind == tampering.expected.kind)
        #expect(result.firstProblem?.line == tampering.expected.line)
    }

    @Test("a signature removed from, or never added to, Python's log fails against the public key")
    func unsignedAgainstKey() throws {
        let key = try publicKey()
        var all = lines(of: fixtures.signedLog)
        let text = String(decoding: all[4], as: UTF8.self)
        let cut = try #require(text.range(of: ",\"signature\":\"", options: .backwards))
        all[4] = Array((text[..<cut.lowerBound] + "}").utf8)
        let stripped = AuditLogVerifier.verify(bytes: JigsawAuditTests.log(from: all), path: "expected-signed.jsonl", publicKey: key)
        // The record still names its signer, so the removal itself is the problem, key or no key.
        #expect(stripped.firstProblem?.kind == .badSignature)
        #expect(stripped.firstProblem?.message.contains("its signature was removed") == true)
        #expect(stripped.firstProblem?.line == 5)
        let unsigned = AuditLogVerifier.verify(bytes: fixtures.unsignedLog, path: "expected-unsigned.jsonl", publicKey: key)
        #expect(unsigned.firstProblem?.kind == .unsigned)
        #expect(unsigned.firstProblem?.line == 1)
    }

    @Test("objects with canonically equivalent keys cannot be reproduced (AuditValue keys are Swift Strings)")
    func canonicallyEquivalentKeys() throws {
        let document = try JSONDecoder().decode(PythonAuditFixtures.Discrepancies.self,
                                                from: Data(try PythonAuditFixtures.bytes("known-discrepancies", "json")))
        #expect(!document.cases.isEmpty)
        for item in document.cases {
            withKnownIssue("\(item.about)") {
                let value = try JSONDecoder().decode(AuditValue.self, from: Data(item.python_canonical.utf8))
                let swift = value.canonicalBytes, python = Array(item.python_canonical.utf8)
                #expect(swift == python, "UTF-8 bytes\nSwift:  \(Hex.encode(swift))\nPython: \(Hex.encode(python))")
            }
        }
    }
}
