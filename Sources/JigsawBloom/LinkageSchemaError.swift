/// A problem in a linkage schema, with the JSON path of the offending key (e.g.
/// `$.features[2].hashing.hash.prevent_singularity`).
public struct LinkageSchemaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The JSON path of the key concerned (`$` is the whole document).
    public var path: String
    /// What is wrong and what to do.
    public var message: String
    /// The schema file, when known.
    public var file: String?

    /// Creates an error.
    /// - Parameters:
    ///   - path: the JSON path.
    ///   - message: what is wrong.
    ///   - file: the schema file.
    public init(path: String, message: String, file: String? = nil) {
        self.path = path
        self.message = message
        self.file = file
    }

    /// `file: $.path: message`.
    public var description: String {
        let location = path.isEmpty ? "" : "\(path): "
        return (file.map { "\($0): " } ?? "") + location + message
    }
}
