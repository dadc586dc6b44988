/// A failure inside OpenSSL's libcrypto.
///
/// These are rare (an allocation failure, a missing algorithm in a stripped-down OpenSSL build); the
/// message says which operation failed and carries OpenSSL's own error string, never key material.
public struct CryptoError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, as a stable machine-readable code.
    public enum Code: String, Sendable {
        /// Key derivation (HKDF) failed.
        case keyDerivation = "crypto.kdf"
        /// A message authentication code could not be computed.
        case mac = "crypto.mac"
        /// A digest could not be computed.
        case digest = "crypto.digest"
        /// The random number generator could not deliver bytes.
        case random = "crypto.random"
        /// An argument was outside what the algorithm accepts.
        case invalidArgument = "crypto.invalid-argument"
    }

    /// The kind of failure.
    public let code: Code
    /// A message a user or operator can act on.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: what happened and what to do.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code.rawValue): \(message)" }
}
