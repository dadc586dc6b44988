public import JigsawCrypto
internal import Foundation
internal import JigsawCSV

/// A Jigsaw key file (`jigsaw-key/1`): a labelled secret shared by partners under a data-sharing agreement.
///
/// The file is one UTF-8 JSON object with `format`, `id` and `secret` (standard padded base64 of at least
/// 32 random bytes), and optionally `created`, `example` and `description`. Unknown fields are refused so
/// that a typo cannot silently change behaviour. A real key must not be readable by group or others.
public struct KeyFile: Sendable {
    /// The format tag every key file carries.
    public static let formatTag = "jigsaw-key/1"
    /// The shortest secret accepted, in bytes.
    public static let minimumSecretBytes = 32
    /// The environment variable naming a key file when `--key` is not given.
    public static let environmentVariable = "JIGSAW_KEY_FILE"

    /// The path the key was read from (or will be written to).
    public let path: String
    /// The key's human label, e.g. `nhs-la-send-2026`; appears in audit logs.
    public let id: String
    /// When the key was made (ISO 8601), if recorded.
    public let created: String?
    /// Whether the key is a published example, unfit for real data.
    public let isExample: Bool
    /// Free text about the key.
    public let keyDescription: String?
    /// The secret.
    public let secret: SecretBytes

    /// Creates a key file value.
    /// - Parameters:
    ///   - path: where it lives.
    ///   - id: its label.
    ///   - secret: the secret, at least 32 bytes.
    ///   - created: ISO 8601 creation time.
    ///   - isExample: whether it is a published example.
    ///   - description: free text.
    public init(path: String, id: String, secret: SecretBytes, created: String? = nil, isExample: Bool = false, description: String? = nil) {
        self.path = path
        self.id = id
        self.secret = secret
        self.created = created
        self.isExample = isExample
        self.keyDescription = description
    }

    private static let knownFields: Set<String> = ["format", "id", "secret", "created", "example", "description"]

    /// Reads and checks a key file.
    /// - Parameters:
    ///   - path: the file.
    ///   - allowExample: whether an example key may be used (`--allow-example-key`).
    /// - Returns: the key.
    /// - Throws: ``KeyFileError`` for a missing, unreadable, malformed, over-exposed or example key.
    public static func load(path: String, allowExample: Bool = false) throws(KeyFileError) -> KeyFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw KeyFileError(.notFound, "no such key file; check the path given with --key or \(environmentVariable)", file: path) }
            throw KeyFileError(.unreadable, "cannot read the key file: \(String(cString: strerror(errno)))", file: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw KeyFileError(.unreadable, "is not a regular file", file: path)
        }
        guard info.st_size <= 65_536 else {
            throw KeyFileError(.malformed, "is larger than 64 KiB; a key file is a small JSON object", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyFileError(.unreadable, "cannot read the key file (permission denied?)", file: path)
        }
        let key = try parse(Array(data), path: path)
        if key.isExample {
            guard allowExample else {
                throw KeyFileError(.exampleKey, "is an example key (\"example\": true), published and not secret; never use it for real data. Pass --allow-example-key to use it for demonstrations and tests", file: path)
            }
        } else if info.st_mode & 0o077 != 0 {
            throw KeyFileError(.permissions, "is readable or writable by group or others; make it private with: chmod 600 \(path)", file: path)
        }
        return key
    }

    /// Parses the JSON of a key file without touching the file system.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: the name used in errors.
    /// - Returns: the key.
    /// - Throws: ``KeyFileError`` for malformed content.
    public static func parse(_ bytes: [UInt8], path: String) throws(KeyFileError) -> KeyFile {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw KeyFileError(.malformed, "is not UTF-8 text; a key file is a JSON object", file: path)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw KeyFileError(.malformed, "is not valid JSON; a key file is one JSON object with format, id and secret", file: path)
        }
        guard let fields = object as? [String: Any] else {
            throw KeyFileError(.malformed, "is not a JSON object; a key file is one JSON object with format, id and secret", file: path)
        }
        if let unknown = fields.keys.filter({ !knownFields.contains($0) }).sorted().first {
            throw KeyFileError(.unknownField, "has an unknown field \"\(unknown)\" (allowed: \(knownFields.sorted().joined(separator: ", "))); fix the typo or remove it", file: path)
        }
        func string(_ name: String, required: Bool) throws(KeyFileError) -> String? {
            guard let value = fields[name] else {
                if required { throw KeyFileError(.missingField, "has no \"\(name)\" field", file: path) }
                return nil
            }
            guard let text = value as? String, !(value is NSNumber) else {
                throw KeyFileError(.invalidField, "field \"\(name)\" must be a string", file: path)
            }
            return text
        }
        let format = try string("format", required: true)
        guard format == formatTag else {
            throw KeyFileError(.invalidField, "field \"format\" must be \"\(formatTag)\"", file: path)
        }
        guard let id = try string("id", required: true), !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw KeyFileError(.invalidField, "field \"id\" must be a non-empty label without control characters", file: path)
        }
        let created = try string("created", required: false)
        let description = try string("description", required: false)
        var isExample = false
        if let value = fields["example"] {
            guard let number = value as? NSNumber, CFBooleanLike.isBoolean(number) else {
                throw KeyFileError(.invalidField, "field \"example\" must be true or false", file: path)
            }
            isExample = number.boolValue
        }
        guard let encoded = try string("secret", required: true) else {
            throw KeyFileError(.missingField, "has no \"secret\" field", file: path)
        }
        guard var decoded = Base64.decodeStrict(encoded) else {
            throw KeyFileError(.secretNotBase64, "field \"secret\" is not standard padded base64", file: path)
        }
        defer { for i in decoded.indices { decoded[i] = 0 } }
        guard decoded.count >= minimumSecretBytes else {
            throw KeyFileError(.secretTooShort, "field \"secret\" holds \(decoded.count) bytes; at least \(minimumSecretBytes) random bytes are required (make a new key with: jigsaw key new)", file: path)
        }
        return KeyFile(path: path, id: id, secret: SecretBytes(decoded), created: created, isExample: isExample, description: description)
    }

    /// The key file's JSON, with fields in a fixed order and a final newline.
    /// - Returns: UTF-8 bytes. They hold the secret: write them only to a private file.
    public func serialised() -> [UInt8] {
        var lines = ["  \"format\": \(JSONText.quoted(Self.formatTag))", "  \"id\": \(JSONText.quoted(id))"]
        if let created { lines.append("  \"created\": \(JSONText.quoted(created))") }
        if isExample { lines.append("  \"example\": true") }
        if let keyDescription { lines.append("  \"description\": \(JSONText.quoted(keyDescription))") }
        let secretText = secret.withUnsafeBytes { Base64.encode($0) }
        lines.append("  \"secret\": \"\(secretText)\"")
        return Array(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8)
    }
}

/// Distinguishes JSON booleans from numbers in `JSONSerialization` output.
enum CFBooleanLike {
    static func isBoolean(_ number: NSNumber) -> Bool {
        // JSONSerialization gives booleans as NSNumber with the objCType "c" (char) on every platform.
        String(cString: number.objCType) == "c" && (number == NSNumber(value: true) || number == NSNumber(value: false))
    }
}

extension KeyFile {
    /// Makes a new key with a 256-bit secret from OpenSSL's CSPRNG.
    /// - Parameters:
    ///   - path: where it will be written.
    ///   - id: its label.
    ///   - description: free text.
    ///   - isExample: whether to mark it as a published example.
    /// - Returns: the key (not yet written).
    /// - Throws: ``CryptoError`` when the random generator fails, ``KeyFileError`` for a bad id.
    public static func generate(path: String, id: String, description: String? = nil, isExample: Bool = false) throws -> KeyFile {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw KeyFileError(.invalidField, "the key id must be a non-empty label without control characters", file: path)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return KeyFile(path: path, id: id, secret: try SecureRandom.secret(count: 32),
                       created: formatter.string(from: Date()), isExample: isExample, description: description)
    }

    /// Writes the key to ``path`` with mode 0600, never replacing an existing file.
    ///
    /// The key is written to a private temporary file in the same folder, flushed, then linked into
    /// place; `link` fails if the destination exists, so even a file created meanwhile is never replaced.
    /// - Throws: ``KeyFileError`` with `.exists` or `.writeFailed`.
    public func write() throws(KeyFileError) {
        var bytes = serialised()
        defer { for i in bytes.indices { bytes[i] = 0 } }
        do {
            try PrivateFile.create(path: path, bytes: bytes)
        } catch {
            if error.code == .outputExists { throw KeyFileError(.exists, "already exists; a key file is never overwritten (choose another path)", file: path) }
            throw KeyFileError(.writeFailed, "cannot write the key file: \(error.message)", file: path)
        }
    }

}
