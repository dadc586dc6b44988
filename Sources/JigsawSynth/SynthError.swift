/// A failure generating or writing synthetic extracts.
///
/// Modelled, like the other Jigsaw error types, on swift-nio's `FileSystemError`: a stable code, a
/// message a user can act on, and the path concerned. An output that exists without `overwrite` is
/// reported by `JigsawCSV`'s `CSVError` (`.outputExists`), as for every other Jigsaw output.
public struct SynthError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The options cannot be met: a rate outside 0...1, too few or too many records or councils.
        case badOptions = "synth.bad-options"
        /// The output folder could not be created or is not a folder.
        case io = "synth.io"
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String
    /// The path concerned, if any.
    public var path: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: what happened and what to do.
    ///   - path: the path concerned, if any.
    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// `path: message`, or the message alone.
    public var description: String {
        path.map { "\($0): \(message)" } ?? message
    }
}
