import Foundation
import Testing
import JigsawCrypto
@testable import JigsawAudit

@Suite("Audit log: appending and verifying the hash chain")
struct AuditLogTests {
    /// A log of five records in a new folder.
    private func makeLog(signingKey: Ed25519SigningKey? = nil) throws -> (TemporaryFolder, AuditLog) {
        let folder = try TemporaryFolder()
        let log = AuditLog(path: folder.path + "/audit.jsonl")
        for i in 1...5 {
            try log.append(sampleRecord(counts: ["rows": .integer(i * 10), "invalid": .object(["check-digit": .integer(i)])]), signingKey: signingKey)
        }
        return (folder, log)
    }

    @Test("records are numbered from 1 and each chains to the hash of the one before")
    func chain() throws {
        let (folder, log) = try makeLog()
        defer { withExtendedLifetime(folder) {} }
        let result = try AuditLogVerifier.verify(path: log.path)
        #expect(result.isIntact)
        #expect(result.entries.map(\.record.sequence) == [1, 2, 3, 4, 5])
        #expect(result.entries[0].record.previousHash == AuditRecord.genesisHash)
        for (before, after) in zip(result.entries, result.entries.dropFirst()) {
            #expect(after.record.previousHash == before.storedHash)
            #expect(before.storedHash == before.computedHash)
        }
        #expect(result.entries[2].record.counts["rows"] == .integer(30))
        #expect(result.head?.sequence == 5)
    }

    @Test("a record reads back as written")
    func roundTrip() throws {
        let (folder, log) = try makeLog()
        defer { withExtendedLifetime(folder) {} }
        let entry = try #require(try AuditLogVerifier.verify(path: log.path).entries.first)
        var expected = sampleRecord(counts: ["rows": .integer(10), "invalid": .object(["check-digit": .integer(1)])])
        expected.sequence = 1
        #expect(entry.record == expected)
    }

    @Test("editing one byte of a record is detected at that record")
    func editedByte() throws {
        let (folder, log) = try makeLog()
        var bytes = try folder.read("audit.jsonl")
        var all = lines(of: bytes)
        // Change the 30 in record 3's counts to 31: still valid JSON, a different record.
        let text = String(decoding: all[2], as: UTF8.self).replacingOccurrences(of: "\"rows\":30", with: "\"rows\":31")
        all[2] = Array(text.utf8)
        bytes = JigsawAuditTests.log(from: all)
        let result = AuditLogVerifier.verify(bytes: bytes, path: log.path)
        #expect(!result.isIntact)
        #expect(result.firstProblem?.kind == .hashMismatch)
        #expect(result.firstProblem?.line == 3)
        #expect(result.problems.count == 1)
    }

    @Test("every single-byte change anywhere in the log breaks verification")
    func everyByte() throws {
        let (folder, log) = try makeLog()
        let original = try folder.read("audit.jsonl")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = original
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            var replacement = UInt8.random(in: 0...255, using: &generator)
            if replacement == bytes[position] { replacement ^= 1 }
            bytes[position] = replacement
            #expect(!AuditLogVerifier.verify(bytes: bytes, path: log.path).isIntact, "byte \(position) changed")
        }
    }

    @Test("deleting a record from the middle is detected at the record after it")
    func deletedRecord() throws {
        let (folder, log) = try makeLog()
        var all = lines(of: try folder.read("audit.jsonl"))
        all.remove(at: 1)
        let result = AuditLogVerifier.verify(bytes: JigsawAuditTests.log(from: all), path: log.path)
        #expect(result.firstProblem?.kind == .sequence)
        #expect(result.firstProblem?.line == 2)
        #expect(result.firstProblem?.sequence == 3)
    }

    @Test("swapping two records is detected at the first of them")
    func swappedRecords() throws {
        let (folder, log) = try makeLog()
        var all = lines(of: try folder.read("audit.jsonl"))
        all.swapAt(1, 2)
        let result = AuditLogVerifier.verify(bytes: JigsawAuditTests.log(from: all), path: log.path)
        #expect(result.firstProblem?.line == 2)
        #expect(result.firstProblem?.kind == .sequence)
    }

    @Test("a renumbered record whose hash was recomputed still fails to chain")
    func rewrittenRecord() throws {
        let (folder, log) = try makeLog()
        let entries = try AuditLogVerifier.verify(path: log.path).entries
        // An editor without a signing key rewrites record 3 completely (valid hash) but cannot fix record 4's prev.
        var forged = entries[2].record
        forged.counts["rows"] = .integer(999)
        let line = try AuditLogEntry.line(for: forged, signingKey: nil).line
        var all = lines(of: try folder.read("audit.jsonl"))
        all[2] = Array(line.dropLast())
        let result = AuditLogVerifier.verify(bytes: JigsawAuditTests.log(from: all), path: log.path)
        #expect(result.firstProblem?.kind == .chain)
        #expect(result.firstProblem?.line == 4)
    }

    @Test("a truncated last line is reported as torn, and appending to such a log is refused")
    func tornLastLine() throws {
        let (folder, log) = try makeLog()
        var bytes = try folder.read("audit.jsonl")
        bytes.removeLast(40)
        try folder.replace("audit.jsonl", with: bytes)
        let result = try AuditLogVerifier.verify(path: log.path)
        #expect(result.firstProblem?.kind == .tornLine)
        #expect(result.firstProblem?.line == 5)
        #expect(result.entries.count == 4)
        #expect(throws: AuditError.self) { try log.checkAppendable() }
        do {
            try log.append(sampleRecord())
            Issue.record("appended to a torn log")
        } catch {
            #expect(error.code == .tornLine)
        }
        #expect(try folder.read("audit.jsonl") == bytes, "the torn log is left as it was")
    }

    @Test("a removed tail is caught only against an anchor noted earlier")
    func anchors() throws {
        let (folder, log) = try makeLog()
        let head = try #require(try AuditLogVerifier.verify(path: log.path).head)
        var all = lines(of: try folder.read("audit.jsonl"))
        all.removeLast()
        let bytes = JigsawAuditTests.log(from: all)
        #expect(AuditLogVerifier.verify(bytes: bytes, path: log.path).isIntact)
        let anchored = AuditLogVerifier.verify(bytes: bytes, path: log.path, anchors: [head.hash])
        #expect(anchored.firstProblem?.kind == .anchorMissing)
    }

    @Test("signed records verify with the right public key and fail with another")
    func signatures() throws {
        let key = try Ed25519SigningKey.generate()
        let (folder, log) = try makeLog(signingKey: key)
        let good = try AuditLogVerifier.verify(path: log.path, publicKey: key.publicKey)
        #expect(good.isIntact)
        #expect(good.signedRecords == 5)
        #expect(good.entries.allSatisfy { $0.record.signer == (try? key.publicKey.fingerprint) })
        let other = try Ed25519SigningKey.generate()
        #expect(try AuditLogVerifier.verify(path: log.path, publicKey: other.publicKey).firstProblem?.kind == .badSignature)
        // Without the key, an unsigned log rewritten wholesale passes the chain check but not the signature check.
        var rewritten: [UInt8] = []
        var previous = AuditRecord.genesisHash
        for entry in good.entries {
            var record = entry.record
            record.counts["rows"] = .integer(0)
            record.signer = nil
            record.previousHash = previous
            let (line, hash) = try AuditLogEntry.line(for: record, signingKey: nil)
            rewritten += line
            previous = hash
        }
        try folder.replace("audit.jsonl", with: rewritten)
        #expect(try AuditLogVerifier.verify(path: log.path).isIntact)
        #expect(try AuditLogVerifier.verify(path: log.path, publicKey: key.publicKey).firstProblem?.kind == .unsigned)
    }

    @Test("a stripped signature is caught even without the public key")
    func strippedSignature() throws {
        let key = try Ed25519SigningKey.generate()
        let (folder, log) = try makeLog(signingKey: key)
        var all = lines(of: try folder.read("audit.jsonl"))
        let text = String(decoding: all[2], as: UTF8.self)
        all[2] = Array(text.replacing(/,"signature":"[^"]*"/, with: "").utf8)
        let result = AuditLogVerifier.verify(bytes: JigsawAuditTests.log(from: all), path: log.path)
        #expect(result.firstProblem?.kind == .badSignature)
        #expect(result.firstProblem?.line == 3)
    }

    @Test("a record numbered at the edge of the integers is unreadable, not a crash")
    func hugeSequence() throws {
        var record = sampleRecord()
        record.sequence = Int.max
        let line = try AuditLogEntry.line(for: record, signingKey: nil).line
        let result = AuditLogVerifier.verify(bytes: line, path: "x.jsonl")
        #expect(result.firstProblem?.kind == .unreadable)
        let folder = try TemporaryFolder()
        try folder.replace("audit.jsonl", with: line)
        #expect(throws: AuditError.self) { try AuditLog(path: folder.path + "/audit.jsonl").append(sampleRecord()) }
    }

    @Test("an empty time is stamped under the lock, and times never go backwards")
    func timesInOrder() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/audit.jsonl"
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    for _ in 0..<10 {
                        var record = sampleRecord()
                        record.time = ""
                        _ = try? AuditLog(path: path).append(record)
                    }
                }
            }
        }
        let times = try AuditLogVerifier.verify(path: path).entries.map(\.record.time)
        #expect(times.count == 60)
        #expect(times == times.sorted())
        #expect(times.allSatisfy { $0.count == 24 && $0.hasSuffix("Z") })
    }

    @Test("keys round-trip through PEM")
    func pem() throws {
        let key = try Ed25519SigningKey.generate()
        let again = try Ed25519SigningKey(pem: try key.privateKeyPEM())
        #expect(try again.publicKey == key.publicKey)
        let publicKey = try Ed25519PublicKey(pem: try key.publicKey.pem())
        #expect(try publicKey == key.publicKey)
        #expect(throws: CryptoError.self) { try Ed25519SigningKey(pem: Array("not a key".utf8)) }
    }

    @Test("concurrent appends never interleave and keep one unbroken chain")
    func concurrentAppends() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/audit.jsonl"
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for i in 0..<25 {
                        // Each append opens its own descriptor, as separate processes would.
                        _ = try? AuditLog(path: path).append(sampleRecord(counts: ["task": .integer(task), "i": .integer(i)]))
                    }
                }
            }
        }
        let result = try AuditLogVerifier.verify(path: path)
        #expect(result.isIntact)
        #expect(result.entries.count == 200)
    }

    @Test("outputs changed after the run are reported; missing ones are listed, not failed")
    func checkFiles() throws {
        let folder = try TemporaryFolder()
        let output = try folder.write("token\nabc\n", to: "out.csv")
        let gone = try folder.write("x\n", to: "gone.csv")
        let log = AuditLog(path: folder.path + "/audit.jsonl")
        for path in [output, gone] {
            let digest = try AuditFileDigest(path: path)
            try log.append(sampleRecord(output: AuditFileRecord(path: path, size: digest.size, sha256: digest.sha256, rows: 1)))
        }
        #expect(try AuditLogVerifier.verify(path: log.path, checkFiles: true).isIntact)
        try FileManager.default.removeItem(atPath: gone)
        let missing = try AuditLogVerifier.verify(path: log.path, checkFiles: true)
        #expect(missing.isIntact)
        #expect(missing.fileChecks.map(\.status) == [.unchanged, .missing])
        _ = try folder.write("token\nabd\n", to: "out.csv")
        let changed = try AuditLogVerifier.verify(path: log.path, checkFiles: true)
        #expect(changed.firstProblem?.kind == .fileChanged)
        #expect(changed.firstProblem?.sequence == 1)
    }

    @Test("file digests equal SHA-256 of the content")
    func fileDigest() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("abc", to: "abc.txt")
        let digest = try AuditFileDigest(path: path)
        #expect(digest.size == 3)
        #expect(digest.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("canonical JSON sorts keys by code point and escapes like Python's json.dumps")
    func canonical() {
        let value = AuditValue.object(["b": .integer(-2), "a": .array([.bool(true), .null]), "é": .string("q\"\\\n\t\u{01}/ü"), "Z": .string("")])
        #expect(String(decoding: value.canonicalBytes, as: UTF8.self) == "{\"Z\":\"\",\"a\":[true,null],\"b\":-2,\"é\":\"q\\\"\\\\\\n\\t\\u0001/ü\"}")
    }
}
