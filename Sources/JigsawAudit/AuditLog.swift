#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Foundation
public import JigsawCrypto

/// An append-only, hash-chained JSON Lines log of Jigsaw runs.
///
/// Each append takes an exclusive `flock` on the log, reads the last record's number and hash, writes the
/// new line with one `write` to a file opened with `O_APPEND`, and `fsync`s it before unlocking, so two runs
/// writing the same log never interleave and a record that was reported written survives a crash. A log
/// whose last line is incomplete (a write torn by a crash or a full disk) is never appended to: the torn
/// line is reported, so it cannot be silently absorbed into the chain.
public struct AuditLog: Sendable {
    /// The log file's path.
    public let path: String

    /// The default log's file name, placed in the output's folder.
    public static let defaultFileName = "jigsaw-audit.jsonl"

    /// A log at `path` (created on first append).
    public init(path: String) { self.path = path }

    /// Checks, before a command does any work, that the log can be appended to: its folder exists, and the
    /// log, if present, is a regular writable file whose last line is complete.
    /// - Throws: ``AuditError`` with `.io` or `.tornLine`.
    public func checkAppendable() throws(AuditError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw AuditError(.io, "the audit log is not a regular file", file: path) }
            guard access(path, W_OK) == 0 else { throw AuditError(.io, "the audit log is not writable (permission denied?)", file: path) }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw AuditError(.io, "cannot open the audit log: \(String(cString: strerror(errno)))", file: path) }
            defer { close(fd) }
            // A shared lock: a record being appended by another run is never mistaken for a torn line.
            guard flock(fd, LOCK_SH) == 0 else { throw AuditError(.io, "cannot lock the audit log: \(String(cString: strerror(errno)))", file: path) }
            defer { flock(fd, LOCK_UN) }
            var current = stat()
            guard fstat(fd, &current) == 0 else { throw AuditError(.io, "cannot read the audit log's size", file: path) }
            _ = try lastRecord(fd: fd, size: Int(current.st_size))
        } else {
            let folder = Self.folder(of: path)
            guard access(folder, W_OK) == 0 else {
                throw AuditError(.io, "cannot create the audit log: its folder \(folder) is missing or not writable; pass --audit-log FILE elsewhere", file: path)
            }
        }
    }

    /// Appends `record`, numbering it after the log's last record and chaining it to that record's hash.
    /// - Parameters:
    ///   - record: the run; its ``AuditRecord/sequence``, ``AuditRecord/previousHash`` and ``AuditRecord/signer``
    ///     are set here, and its ``AuditRecord/time`` too when it is empty (stamped under the lock, so times
    ///     never go backwards along the log).
    ///   - signingKey: an Ed25519 key to sign the record with, if any.
    /// - Returns: the record as written and its hash.
    /// - Throws: ``AuditError`` with `.io`, `.tornLine` or `.badRecord`.
    @discardableResult
    public func append(_ record: AuditRecord, signingKey: Ed25519SigningKey? = nil) throws(AuditError) -> (record: AuditRecord, hash: String) {
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw AuditError(.io, "cannot open the audit log for appending: \(String(cString: strerror(errno)))", file: path) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw AuditError(.io, "cannot lock the audit log: \(String(cString: strerror(errno)))", file: path) }
        defer { flock(fd, LOCK_UN) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw AuditError(.io, "cannot read the audit log's size", file: path) }
        var record = record
        if record.time.isEmpty { record.time = Self.timestamp() }
        if let last = try lastRecord(fd: fd, size: Int(info.st_size)) {
            guard last.record.sequence < Int.max else { throw AuditError(.badRecord, "the last record's number is too large to follow", file: path) }
            record.sequence = last.record.sequence + 1
            record.previousHash = last.storedHash
        } else {
            record.sequence = 1
            record.previousHash = AuditRecord.genesisHash
        }
        record.signer = nil
        if let signingKey {
            do { record.signer = try signingKey.publicKey.fingerprint } catch {
                throw AuditError(.badSigningKey, "cannot read the signing key's public half: \(error.message)", file: path)
            }
        }
        let line: [UInt8]
        let hash: String
        do { (line, hash) = try AuditLogEntry.line(for: record, signingKey: signingKey) } catch {
            throw AuditError(.badSigningKey, "cannot sign the record: \(error.message)", file: path)
        }
        var written = 0
        while written < line.count {
            let n = line.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                // A partial line would be a torn record: cut it off again so the log stays whole.
                _ = ftruncate(fd, info.st_size)
                throw AuditError(.io, "cannot write to the audit log: \(String(cString: strerror(errno)))", file: path)
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw AuditError(.io, "cannot flush the audit log to disk: \(String(cString: strerror(errno)))", file: path) }
        if !existed {
            let folder = open(Self.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 { _ = fsync(folder); close(folder) }
        }
        return (record, hash)
    }

    /// The last record of the open log, or `nil` when it is empty.
    private func lastRecord(fd: Int32, size: Int) throws(AuditError) -> AuditLogEntry? {
        guard size > 0 else { return nil }
        // Read backwards in blocks until the start of the last line is found.
        var tail: [UInt8] = []
        var offset = size
        let block = 65_536
        var lineStart: Int?
        while offset > 0 && lineStart == nil {
            let length = min(block, offset)
            offset -= length
            var chunk = [UInt8](repeating: 0, count: length)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
            guard n == length else { throw AuditError(.io, "cannot read the audit log", file: path) }
            tail = chunk + tail
            if tail.last != UInt8(ascii: "\n") {
                throw AuditError(.tornLine, "the audit log's last line is incomplete (a write was cut off); run `jigsaw audit verify \(path)`, keep a copy, and remove the incomplete line or start a new log before running again", file: path)
            }
            if let newline = tail.dropLast().lastIndex(of: UInt8(ascii: "\n")) { lineStart = newline + 1 }
            else if offset == 0 { lineStart = 0 }
        }
        let start = lineStart ?? 0
        do {
            return try AuditLogEntry(parsing: tail[start..<(tail.count - 1)], line: 0, file: path)
        } catch {
            // Count lines only now, to name the bad record; appends never read the whole log.
            var located = error
            located.line = try countLines(fd: fd, before: offset + start) + 1
            located.message += "; run `jigsaw audit verify \(path)` before appending to it"
            throw located
        }
    }

    /// The number of newlines before byte `end` (for naming the last record's line in messages).
    private func countLines(fd: Int32, before end: Int) throws(AuditError) -> Int {
        var count = 0
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while offset < end {
            let length = min(chunk.count, end - offset)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
            guard n == length else { throw AuditError(.io, "cannot read the audit log", file: path) }
            count += chunk[0..<length].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            offset += length
        }
        return count
    }

    /// The time now, UTC, ISO 8601 with milliseconds (`2026-11-25T22:10:00.123Z`).
    public static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
