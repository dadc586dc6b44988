#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
public import JigsawCrypto
internal import Foundation

/// Something wrong with an audit log: a record altered, removed, reordered, torn, unsigned, or an output
/// that no longer matches its record.
public struct AuditLogProblem: Sendable, Equatable {
    /// What kind of break.
    public enum Kind: String, Sendable {
        /// The line is not a readable record.
        case unreadable
        /// The log ends in an incomplete line.
        case tornLine = "torn-line"
        /// The record's content does not match its hash: it was edited.
        case hashMismatch = "hash-mismatch"
        /// The record's number is not one more than the record before it: records were removed or reordered.
        case sequence
        /// The record's `prev` is not the hash of the record before it.
        case chain
        /// A signature was required (`--public-key`) but the record has none.
        case unsigned
        /// The signature is not valid for the record, or was made with another key.
        case badSignature = "bad-signature"
        /// An output's content differs from the digest recorded when it was written.
        case fileChanged = "file-changed"
        /// A record hash noted earlier (`--anchor`) is not in the log: records were removed from its end.
        case anchorMissing = "anchor-missing"
    }

    /// The kind of break.
    public var kind: Kind
    /// The log line, when the problem is in one record.
    public var line: Int?
    /// The record's number as stored, when readable.
    public var sequence: Int?
    /// What is wrong, for a person.
    public var message: String
}

/// An output's state now compared with the digest recorded when it was written.
public struct AuditFileCheck: Sendable, Equatable {
    /// What was found.
    public enum Status: String, Sendable {
        /// Same size and SHA-256.
        case unchanged
        /// The content differs.
        case changed
        /// The file is no longer there (moved, deleted, or on another machine).
        case missing
        /// The path exists but is not a regular file, or cannot be read.
        case unreadable
    }

    /// The path recorded.
    public var path: String
    /// The record that last wrote it.
    public var sequence: Int
    /// What was found.
    public var status: Status
}

/// The outcome of checking an audit log.
public struct AuditLogVerification: Sendable {
    /// Every readable record, in file order.
    public var entries: [AuditLogEntry]
    /// Every break found, in file order (anchors last).
    public var problems: [AuditLogProblem]
    /// The number of records carrying a signature.
    public var signedRecords: Int
    /// Whether signatures were checked against a public key.
    public var signaturesChecked: Bool
    /// The outputs re-hashed (with `checkFiles`).
    public var fileChecks: [AuditFileCheck]

    /// Whether the log is intact: no break and no changed output.
    public var isIntact: Bool { problems.isEmpty }
    /// The first break, if any.
    public var firstProblem: AuditLogProblem? { problems.first }
    /// The last record's number and hash, to note down and pass later as an anchor.
    public var head: (sequence: Int, hash: String)? { entries.last.map { ($0.record.sequence, $0.storedHash) } }
}

/// Checks an audit log's hash chain, its signatures and, optionally, its outputs.
public enum AuditLogVerifier {
    /// Reads and checks the log at `path`.
    /// - Parameters:
    ///   - path: the log.
    ///   - publicKey: when given, every record must be signed by this key.
    ///   - checkFiles: re-hash every output still present and compare it with its record.
    ///   - anchors: record hashes noted earlier, each of which must still be in the log.
    /// - Throws: ``AuditError`` with `.io` when the log cannot be read at all.
    public static func verify(path: String, publicKey: Ed25519PublicKey? = nil, checkFiles: Bool = false, anchors: [String] = []) throws(AuditError) -> AuditLogVerification {
        let bytes = try readWholeFile(path)
        return verify(bytes: bytes, path: path, publicKey: publicKey, checkFiles: checkFiles, anchors: anchors)
    }

    /// Checks a log's content (for tests and callers that already hold it).
    ///
    /// Lines are parsed, hashed and their signatures checked in parallel across the cores; the chain is
    /// then followed in order.
    public static func verify(bytes: [UInt8], path: String, publicKey: Ed25519PublicKey? = nil, checkFiles: Bool = false, anchors: [String] = []) -> AuditLogVerification {
        var result = AuditLogVerification(entries: [], problems: [], signedRecords: 0, signaturesChecked: publicKey != nil, fileChecks: [])
        // Complete lines (each ends in a newline); a tail without one is a torn line.
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                guard let newline = buffer[start...].firstIndex(of: 0x0A) else { break }
                lines.append(start..<newline)
                start = newline + 1
            }
        }
        let torn = start < bytes.count

        let checked = checkLines(bytes, lines: lines, path: path, publicKey: publicKey)
        var previous: (sequence: Int, hash: String)? = nil
        let signerFingerprint = publicKey?.fingerprint
        for (index, line) in checked.enumerated() {
            let lineNumber = index + 1
            let entry: AuditLogEntry
            switch line.entry {
            case .failure(let error):
                result.problems.append(AuditLogProblem(kind: .unreadable, line: lineNumber, sequence: nil, message: "line \(lineNumber) \(error.message)"))
                continue
            case .success(let parsed):
                entry = parsed
            }
            let sequence = entry.record.sequence
            let expected = (previous?.sequence ?? 0) + 1
            let name = "record \(sequence) (line \(lineNumber))"
            if line.computedHash != entry.storedHash {
                result.problems.append(AuditLogProblem(kind: .hashMismatch, line: lineNumber, sequence: sequence,
                    message: "\(name) has been altered: its content does not match its hash"))
            } else if sequence != expected {
                result.problems.append(AuditLogProblem(kind: .sequence, line: lineNumber, sequence: sequence,
                    message: "\(name) should be record \(expected): records were removed or reordered before it"))
            } else if entry.record.previousHash != (previous?.hash ?? AuditRecord.genesisHash) {
                result.problems.append(AuditLogProblem(kind: .chain, line: lineNumber, sequence: sequence,
                    message: "\(name) does not chain to the record before it (its \"prev\" is not that record's hash)"))
            } else if (entry.signature == nil) != (entry.record.signer == nil) || (entry.signature.map { $0.count != 64 } ?? false) {
                result.problems.append(AuditLogProblem(kind: .badSignature, line: lineNumber, sequence: sequence,
                    message: entry.signature == nil
                        ? "\(name) names a signing key but carries no signature: its signature was removed"
                        : "\(name) carries a signature that does not fit its record (no signing key named, or not an Ed25519 signature)"))
            } else if let signerFingerprint {
                if entry.signature == nil {
                    result.problems.append(AuditLogProblem(kind: .unsigned, line: lineNumber, sequence: sequence,
                        message: "\(name) is not signed, but a signature by key \(signerFingerprint) was required"))
                } else if entry.record.signer != signerFingerprint || !line.signatureValid {
                    result.problems.append(AuditLogProblem(kind: .badSignature, line: lineNumber, sequence: sequence,
                        message: "\(name) has no valid signature by key \(signerFingerprint)"))
                }
            }
            if entry.signature != nil { result.signedRecords += 1 }
            previous = (sequence, entry.storedHash)
            result.entries.append(entry)
        }
        if torn {
            let lineNumber = lines.count + 1
            result.problems.append(AuditLogProblem(kind: .tornLine, line: lineNumber, sequence: nil,
                message: "line \(lineNumber) is incomplete (no newline at the end of the log): a write was cut off or the log was truncated"))
        }
        for anchor in anchors where !result.entries.contains(where: { $0.storedHash == anchor.lowercased() }) {
            result.problems.append(AuditLogProblem(kind: .anchorMissing, line: nil, sequence: nil,
                message: "no record has the hash \(anchor) noted earlier: records were removed from the end of the log, or it is another log"))
        }
        if checkFiles {
            checkOutputs(&result)
        }
        return result
    }

    /// One line parsed, hashed and (with a key) its signature checked.
    private struct CheckedLine: Sendable {
        var entry: Result<AuditLogEntry, AuditError>
        var computedHash: String
        var signatureValid: Bool
    }

    /// Parses, hashes and checks the signatures of `lines` on every core.
    private static func checkLines(_ bytes: [UInt8], lines: [Range<Int>], path: String, publicKey: Ed25519PublicKey?) -> [CheckedLine] {
        let placeholder = CheckedLine(entry: .failure(AuditError(.badRecord, "")), computedHash: "", signatureValid: false)
        var checked = [CheckedLine](repeating: placeholder, count: lines.count)
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, lines.count / 64))
        checked.withUnsafeMutableBufferPointer { output in
            nonisolated(unsafe) let output = output
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < lines.count {
                    let entry = Result { () throws(AuditError) -> AuditLogEntry in
                        try AuditLogEntry(parsing: bytes[lines[index]], line: index + 1, file: path)
                    }
                    var line = CheckedLine(entry: entry, computedHash: "", signatureValid: false)
                    if case .success(let parsed) = entry {
                        line.computedHash = parsed.computedHash
                        if let publicKey, let signature = parsed.signature {
                            line.signatureValid = publicKey.isValidSignature(signature, of: parsed.body)
                        }
                    }
                    output[index] = line
                    index += workers
                }
            }
        }
        return checked
    }

    /// Re-hashes, for every output path, the content written by the last successful record that wrote it.
    private static func checkOutputs(_ result: inout AuditLogVerification) {
        var latest: [String: (entry: AuditLogEntry, file: AuditFileRecord)] = [:]
        var order: [String] = []
        for entry in result.entries where entry.record.succeeded {
            for file in entry.record.outputs where file.path != "-" {
                if latest[file.path] == nil { order.append(file.path) }
                latest[file.path] = (entry, file)
            }
        }
        for path in order {
            guard let (entry, file) = latest[path], let recorded = file.sha256 else { continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.fileChecks.append(AuditFileCheck(path: path, sequence: entry.record.sequence, status: .missing))
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFREG, let now = try? AuditFileDigest(path: path) else {
                result.fileChecks.append(AuditFileCheck(path: path, sequence: entry.record.sequence, status: .unreadable))
                result.problems.append(AuditLogProblem(kind: .fileChanged, line: entry.line, sequence: entry.record.sequence,
                    message: "\(path), written by record \(entry.record.sequence) (line \(entry.line)), is no longer a readable regular file"))
                continue
            }
            let same = now.sha256 == recorded && now.size == (file.size ?? now.size)
            result.fileChecks.append(AuditFileCheck(path: path, sequence: entry.record.sequence, status: same ? .unchanged : .changed))
            if !same {
                result.problems.append(AuditLogProblem(kind: .fileChanged, line: entry.line, sequence: entry.record.sequence,
                    message: "\(path) has changed since record \(entry.record.sequence) (line \(entry.line)) wrote it: its SHA-256 is not the one recorded"))
            }
        }
    }

    static func readWholeFile(_ path: String) throws(AuditError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AuditError(.io, "cannot open the audit log: \(String(cString: strerror(errno)))", file: path) }
        defer { close(fd) }
        // A shared lock: a record being appended is read whole or not at all.
        _ = flock(fd, LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw AuditError(.io, "cannot read the audit log: \(String(cString: strerror(errno)))", file: path) }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return out
    }
}
