internal import ArgumentParser
internal import Foundation
internal import JigsawAudit
internal import JigsawCrypto
internal import JigsawTokens
internal import JigsawIdentifiers

/// Where a command records its run: `--audit-log FILE`, `JIGSAW_AUDIT_LOG`, or `jigsaw-audit.jsonl` beside
/// the output; `--no-audit-log` turns recording off (and says so on standard error).
struct AuditLogOptions: ParsableArguments {
    /// The environment variable naming the audit log.
    static let logVariable = "JIGSAW_AUDIT_LOG"
    /// The environment variable naming the Ed25519 key that signs records.
    static let signingKeyVariable = "JIGSAW_AUDIT_SIGNING_KEY"

    @Option(name: .long, help: ArgumentHelp("The audit log to append this run's record to (default: JIGSAW_AUDIT_LOG, else jigsaw-audit.jsonl in the output's folder).", valueName: "file"))
    var auditLog: String?

    @Flag(name: .long, help: "Do not record this run in an audit log (noted on standard error).")
    var noAuditLog = false

    @Option(name: .long, help: ArgumentHelp("An Ed25519 private key (PEM) to sign the record with (default: JIGSAW_AUDIT_SIGNING_KEY, else unsigned).", valueName: "file"))
    var auditSigningKey: String?

    func validate() throws {
        if noAuditLog && auditLog != nil { throw ValidationError("--no-audit-log and --audit-log contradict each other; give one") }
        if auditLog?.isEmpty == true { throw ValidationError("--audit-log needs a file path") }
        if auditSigningKey?.isEmpty == true { throw ValidationError("--audit-signing-key needs a file path") }
    }

    /// The log's path for a run whose main output is `output` (`nil` or `-` when it writes none).
    func logPath(output: String?) -> String? {
        if noAuditLog { return nil }
        if let auditLog { return auditLog }
        if let fromEnvironment = ProcessInfo.processInfo.environment[Self.logVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        guard let output, output != "-" else { return AuditLog.defaultFileName }
        guard let slash = output.lastIndex(of: "/") else { return AuditLog.defaultFileName }
        return String(output[...slash]) + AuditLog.defaultFileName
    }

    /// Runs `body` and appends its record — success, findings or failure — to the audit log.
    ///
    /// The log is checked before any work (a torn or unwritable log stops the command at once), the signing
    /// key is loaded before any work, and files are hashed after the run. When the record cannot be appended
    /// after a successful run, the command fails with an audit error (its outputs are already written).
    /// - Parameters:
    ///   - command: the command's name as typed (`tokenise`, `key new`).
    ///   - output: the main output, which decides the default log's folder.
    ///   - quiet: whether to leave out the line naming the log and record on standard error.
    ///   - signingKey: a key to sign with when none is configured (`audit keygen` signs its own record with
    ///     the key it makes, so a log started by it verifies against that key from its first record).
    ///   - body: the command's work, which notes its files, key and counts on the ``AuditRun``.
    func record(_ command: String, output: String?, quiet: Bool = false, signingKey fallbackKey: Ed25519SigningKey? = nil,
                _ body: (AuditRun) async throws -> Void) async throws {
        guard let path = logPath(output: output) else {
            Console.err("jigsaw: note: --no-audit-log: this run of `jigsaw \(command)` is not recorded in any audit log\n")
            try await body(AuditRun(command: command))
            return
        }
        let log = AuditLog(path: path)
        if let output, output != "-", AuditRun.absolutePath(output) == AuditRun.absolutePath(path) || SamePath.sameFile(output, path) {
            throw CommandFailure.usage("the output \(output) is the audit log \(path); give the output or the log (--audit-log) another path")
        }
        try log.checkAppendable()
        let signingKey = try loadSigningKey()
        let run = AuditRun(command: command)
        do {
            try await body(run)
        } catch {
            let classified = JigsawMain.classify(error)
            run.record.outcome = classified.status == .findings ? .findings : (classified.status == .success ? .success : .failure)
            if run.record.outcome == .failure { run.record.errorCode = classified.code }
            do {
                try append(run, to: log, signingKey: signingKey, quiet: quiet)
            } catch let appendError {
                Console.err("jigsaw: warning: this failed run could not be recorded: \(appendError)\n")
            }
            throw error
        }
        // The fallback key signs only a successful run's record: after a failure it was never saved.
        try append(run, to: log, signingKey: signingKey ?? fallbackKey, quiet: quiet)
    }

    private func append(_ run: AuditRun, to log: AuditLog, signingKey: Ed25519SigningKey?, quiet: Bool) throws {
        var record = run.record
        record.time = ""  // stamped by the log under its lock, so times never go backwards
        record.inputs = run.inputs.map { AuditRun.describe($0) }
        record.outputs = run.outputs.map { AuditRun.describe($0) }
        let written = try log.append(record, signingKey: signingKey)
        if !quiet {
            Console.err("  audit log: \(log.path), record \(written.record.sequence)\(signingKey == nil ? "" : " (signed)")\n")
        }
    }

    private func loadSigningKey() throws -> Ed25519SigningKey? {
        let environment = ProcessInfo.processInfo.environment[Self.signingKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = auditSigningKey ?? environment else { return nil }
        return try AuditSigningKeyFile.loadPrivate(path: path)
    }
}

/// What a command notes about its run while it works: files read and written, key, schema, counts, warnings.
final class AuditRun {
    /// A file noted by the command; hashed when the record is written.
    struct File {
        var path: String
        var rows: Int?
        var kind: String?
        /// Whether the content may be hashed (never for secret key files).
        var hash: Bool
    }

    var record: AuditRecord
    private(set) var inputs: [File] = []
    private(set) var outputs: [File] = []

    init(command: String) {
        let environment = ProcessInfo.processInfo.environment
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? environment["USER"] ?? "unknown"
        record = AuditRecord(time: AuditLog.timestamp(), version: JigsawVersion.current, user: user,
                             host: String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                             command: command, arguments: CommandArguments.current, workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Notes a file read (again with `rows` once they are known).
    func read(_ path: String?, rows: Int? = nil, kind: String? = nil, hash: Bool = true) {
        guard let path else { return }
        note(&inputs, File(path: path, rows: rows, kind: kind, hash: hash))
    }

    /// Notes a file written.
    func wrote(_ path: String?, rows: Int? = nil, kind: String? = nil, hash: Bool = true) {
        guard let path else { return }
        note(&outputs, File(path: path, rows: rows, kind: kind, hash: hash))
    }

    private func note(_ files: inout [File], _ file: File) {
        if let index = files.firstIndex(where: { $0.path == file.path }) {
            files[index].rows = file.rows ?? files[index].rows
            files[index].kind = file.kind ?? files[index].kind
        } else {
            files.append(file)
        }
    }

    /// Notes the key used (id, fingerprint, context and whether it is an example; never the secret).
    func usedKey(_ file: KeyFile, _ keys: DerivedKeys) {
        record.key = AuditKeyRecord(id: file.id, fingerprint: keys.fingerprint, context: keys.context, isExample: file.isExample)
    }

    /// Adds a warning for the auditor.
    func warn(_ text: String) {
        if !record.warnings.contains(text) { record.warnings.append(text) }
    }

    /// Sets a count.
    func count(_ name: String, _ value: Int) { record.counts[name] = .integer(value) }

    /// Sets a group of counts.
    func count(_ name: String, _ values: [String: Int]) { record.counts[name] = .object(values.mapValues { .integer($0) }) }

    /// Sets a structured count.
    func count(_ name: String, _ value: AuditValue) { record.counts[name] = value }

    /// The file's record: absolute path, size and SHA-256 (when it can be read and may be hashed).
    static func describe(_ file: File) -> AuditFileRecord {
        guard file.path != "-" else { return AuditFileRecord(path: "-", rows: file.rows, kind: file.kind ?? "standard stream") }
        let absolute = absolutePath(file.path)
        var info = stat()
        if stat(absolute, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            // A pipe (`<(…)`, /dev/stdin) or device: its content was consumed by the run and cannot be hashed.
            return AuditFileRecord(path: absolute, rows: file.rows, kind: file.kind ?? "pipe or device")
        }
        var size: Int?
        var digest: String?
        if file.hash, let taken = try? AuditFileDigest(path: absolute) {
            size = taken.size
            digest = taken.sha256
        } else if stat(absolute, &info) == 0 {
            size = Int(info.st_size)
        }
        return AuditFileRecord(path: absolute, size: size, sha256: digest, rows: file.rows, kind: file.kind)
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved (symbolic links kept).
    static func absolutePath(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: joined).standardized.path
    }
}

/// The current command line's arguments (after `jigsaw`), set by ``JigsawMain/execute(_:)``.
enum CommandArguments {
    @TaskLocal static var current: [String] = []
}

/// Counts of a tokenised or validated column for the audit log.
func auditCounts(_ column: ColumnTally) -> AuditValue {
    var members: [String: AuditValue] = [
        "domain": .string(column.domain), "valid": .integer(column.valid), "invalid": .integer(column.invalid), "blank": .integer(column.blank),
    ]
    if column.temporary > 0 { members["temporary"] = .integer(column.temporary) }
    let reasons = zip(ColumnTally.reasons, column.invalidByReason).filter { $0.1 > 0 }
    if !reasons.isEmpty { members["invalid_by_reason"] = .object(Dictionary(uniqueKeysWithValues: reasons.map { ($0.0.rawValue, AuditValue.integer($0.1)) })) }
    return .object(members)
}
