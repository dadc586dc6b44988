/// A key file that cannot be used, and why. Messages never contain key material.
public struct KeyFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong with the key file.
    public enum Code: String, Sendable {
        /// No key file was named (neither `--key` nor `JIGSAW_KEY_FILE`).
        case notGiven = "key.not-given"
        /// The file does not exist.
        case notFound = "key.not-found"
        /// The file cannot be read.
        case unreadable = "key.unreadable"
        /// The file is not a JSON object of the `jigsaw-key/1` format.
        case malformed = "key.malformed"
        /// The file has a field the format does not define.
        case unknownField = "key.unknown-field"
        /// A required field is missing.
        case missingField = "key.missing-field"
        /// A field has the wrong type or an unusable value.
        case invalidField = "key.invalid-field"
        /// The secret is not standard padded base64.
        case secretNotBase64 = "key.secret-not-base64"
        /// The secret is shorter than 32 bytes.
        case secretTooShort = "key.secret-too-short"
        /// A real key is readable by group or others.
        case permissions = "key.permissions"
        /// An example key was given without `--allow-example-key`.
        case exampleKey = "key.example-key"
        /// `key new` would overwrite an existing file.
        case exists = "key.exists"
        /// Writing a new key failed.
        case writeFailed = "key.write-failed"
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and what to do.
    public var message: String
    /// The key file concerned.
    public var file: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of problem.
    ///   - message: what is wrong and what to do.
    ///   - file: the key file concerned.
    public init(_ code: Code, _ message: String, file: String) {
        self.code = code
        self.message = message
        self.file = file
    }

    /// `file: message`.
    public var description: String { file.isEmpty ? message : "\(file): \(message)" }
}
