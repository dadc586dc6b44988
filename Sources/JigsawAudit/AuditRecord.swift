/// One run of a Jigsaw command, as recorded in the audit log: what ran, on which files, with which key and
/// schema (fingerprints only), what it counted and how it ended.
///
/// A record never holds identifier values or key material: paths, sizes, digests, fingerprints, options and
/// counts only. ``sequence``, ``previousHash`` and ``signer`` are filled in by ``AuditLog/append(_:signingKey:)``.
public struct AuditRecord: Sendable, Equatable {
    /// The record's number in its log, from 1.
    public var sequence: Int
    /// When the run ended, UTC, ISO 8601 with milliseconds (`2026-11-25T22:10:00.123Z`).
    public var time: String
    /// The Jigsaw version that ran.
    public var version: String
    /// The user name the process ran as.
    public var user: String
    /// The host name.
    public var host: String
    /// The command, e.g. `tokenise` or `key new`.
    public var command: String
    /// The command's arguments as given (paths and settings; keys are never on the command line).
    public var arguments: [String]
    /// The working directory the arguments are relative to.
    public var workingDirectory: String
    /// The files read.
    public var inputs: [AuditFileRecord]
    /// The files written.
    public var outputs: [AuditFileRecord]
    /// The key used or made, by id and fingerprint.
    public var key: AuditKeyRecord?
    /// The linkage schema's fingerprint, when one was used.
    public var schemaFingerprint: String?
    /// The command's counts (rows, valid and invalid values by reason, tokens, links by stage, cells …).
    public var counts: [String: AuditValue]
    /// Things an auditor should see: an example key used, findings of a scan, a log turned off earlier.
    public var warnings: [String]
    /// How the run ended.
    public var outcome: AuditOutcome
    /// The error code when it failed (e.g. `csv.output-exists`).
    public var errorCode: String?

    /// Whether the command ran to the end (with or without findings) and wrote its outputs.
    public var succeeded: Bool { outcome != .failure }
    /// The hash of the record before this one (64 zeros for the first).
    public var previousHash: String
    /// The fingerprint of the Ed25519 key that signed the record, when signed.
    public var signer: String?

    /// A record with the run's identity filled in and nothing else.
    public init(time: String, version: String, user: String, host: String, command: String, arguments: [String], workingDirectory: String) {
        self.sequence = 0
        self.time = time
        self.version = version
        self.user = user
        self.host = host
        self.command = command
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.inputs = []
        self.outputs = []
        self.key = nil
        self.schemaFingerprint = nil
        self.counts = [:]
        self.warnings = []
        self.outcome = .success
        self.errorCode = nil
        self.previousHash = AuditRecord.genesisHash
        self.signer = nil
    }

    /// The `prev` of a log's first record.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The record as a JSON object (without its own hash and signature, which cover this).
    public var body: AuditValue {
        var members: [String: AuditValue] = [
            "seq": .integer(sequence),
            "time": .string(time),
            "tool": .string("jigsaw"),
            "version": .string(version),
            "user": .string(user),
            "host": .string(host),
            "command": .string(command),
            "arguments": .array(arguments.map { .string($0) }),
            "cwd": .string(workingDirectory),
            "inputs": .array(inputs.map(\.value)),
            "outputs": .array(outputs.map(\.value)),
            "key": key?.value ?? .null,
            "schema": schemaFingerprint.map { .string($0) } ?? .null,
            "counts": .object(counts),
            "warnings": .array(warnings.map { .string($0) }),
            "outcome": .string(outcome.rawValue),
            "error": errorCode.map { .string($0) } ?? .null,
            "prev": .string(previousHash),
        ]
        if let signer { members["signer"] = .string(signer) }
        return .object(members)
    }

    /// Reads a record back from its JSON object.
    /// - Throws: a message naming the first member that is missing or of the wrong type.
    public init(body: [String: AuditValue]) throws(AuditRecordFormatError) {
        func string(_ name: String) throws(AuditRecordFormatError) -> String {
            guard let value = body[name]?.stringValue else { throw AuditRecordFormatError(member: name) }
            return value
        }
        func optionalString(_ name: String) throws(AuditRecordFormatError) -> String? {
            switch body[name] {
            case .none, .some(.null): return nil
            case .some(.string(let value)): return value
            default: throw AuditRecordFormatError(member: name)
            }
        }
        func files(_ name: String) throws(AuditRecordFormatError) -> [AuditFileRecord] {
            guard let items = body[name]?.arrayValue else { throw AuditRecordFormatError(member: name) }
            var out: [AuditFileRecord] = []
            for item in items {
                guard let object = item.objectValue, let file = AuditFileRecord(object) else { throw AuditRecordFormatError(member: name) }
                out.append(file)
            }
            return out
        }
        guard let sequence = body["seq"]?.integerValue, sequence >= 1, sequence < Int.max else { throw AuditRecordFormatError(member: "seq") }
        guard let arguments = body["arguments"]?.arrayValue?.compactMap(\.stringValue) else { throw AuditRecordFormatError(member: "arguments") }
        self.init(time: try string("time"), version: try string("version"), user: try string("user"), host: try string("host"),
                  command: try string("command"), arguments: arguments, workingDirectory: try string("cwd"))
        self.sequence = sequence
        self.inputs = try files("inputs")
        self.outputs = try files("outputs")
        switch body["key"] {
        case .none, .some(.null): key = nil
        case .some(.object(let object)):
            guard let record = AuditKeyRecord(object) else { throw AuditRecordFormatError(member: "key") }
            key = record
        default: throw AuditRecordFormatError(member: "key")
        }
        schemaFingerprint = try optionalString("schema")
        guard let counts = body["counts"]?.objectValue else { throw AuditRecordFormatError(member: "counts") }
        self.counts = counts
        guard let warnings = body["warnings"]?.arrayValue?.compactMap(\.stringValue) else { throw AuditRecordFormatError(member: "warnings") }
        self.warnings = warnings
        guard let outcome = AuditOutcome(rawValue: try string("outcome")) else { throw AuditRecordFormatError(member: "outcome") }
        self.outcome = outcome
        errorCode = try optionalString("error")
        previousHash = try string("prev")
        signer = try optionalString("signer")
    }
}

/// How a run ended.
public enum AuditOutcome: String, Sendable {
    /// It did what was asked.
    case success
    /// It ran to the end and reported findings (exit status 1): invalid identifiers, disclosive cells,
    /// raw identifiers found by a scan.
    case findings
    /// It stopped with an error and wrote no output.
    case failure
}

/// A record member that is missing or of the wrong type.
public struct AuditRecordFormatError: Error, Sendable {
    /// The member's name.
    public var member: String
}

/// A file a run read or wrote.
public struct AuditFileRecord: Sendable, Equatable {
    /// The absolute path at the time of the run (`-` for standard input or output).
    public var path: String
    /// The size in bytes, when known.
    public var size: Int?
    /// The SHA-256 of the content as hex, when taken (never for key files, which are secret).
    public var sha256: String?
    /// The CSV data rows (header excluded), when the command counted them.
    public var rows: Int?
    /// What the file is when not data: `key`, `signing-key`, `schema`, `hierarchy`, `report` ….
    public var kind: String?

    /// Creates a file record.
    public init(path: String, size: Int? = nil, sha256: String? = nil, rows: Int? = nil, kind: String? = nil) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.rows = rows
        self.kind = kind
    }

    var value: AuditValue {
        var members: [String: AuditValue] = ["path": .string(path)]
        members["size"] = size.map { .integer($0) } ?? .null
        members["sha256"] = sha256.map { .string($0) } ?? .null
        members["rows"] = rows.map { .integer($0) } ?? .null
        if let kind { members["kind"] = .string(kind) }
        return .object(members)
    }

    init?(_ object: [String: AuditValue]) {
        guard let path = object["path"]?.stringValue else { return nil }
        self.path = path
        size = object["size"]?.integerValue
        sha256 = object["sha256"]?.stringValue
        rows = object["rows"]?.integerValue
        kind = object["kind"]?.stringValue
    }
}

/// The key a run used or made: its id, fingerprint and context (never the secret).
public struct AuditKeyRecord: Sendable, Equatable {
    /// The key's id (its label).
    public var id: String
    /// The key's fingerprint for ``context``.
    public var fingerprint: String
    /// The context the tokens were made for.
    public var context: String
    /// Whether the key is a published example.
    public var isExample: Bool

    /// Creates a key record.
    public init(id: String, fingerprint: String, context: String, isExample: Bool) {
        self.id = id
        self.fingerprint = fingerprint
        self.context = context
        self.isExample = isExample
    }

    var value: AuditValue {
        .object(["id": .string(id), "fingerprint": .string(fingerprint), "context": .string(context), "example": .bool(isExample)])
    }

    init?(_ object: [String: AuditValue]) {
        guard let id = object["id"]?.stringValue, let fingerprint = object["fingerprint"]?.stringValue,
              let context = object["context"]?.stringValue, case .bool(let example)? = object["example"] else { return nil }
        self.init(id: id, fingerprint: fingerprint, context: context, isExample: example)
    }
}
