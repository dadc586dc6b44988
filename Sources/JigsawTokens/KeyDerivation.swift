public import JigsawCrypto

/// The purposes a key file's secret is split into (token spec v1): each gets its own HKDF subkey.
public enum KeyPurpose: String, Sendable, CaseIterable {
    /// HMAC key for identifier tokens.
    case token
    /// The key's public fingerprint (first 8 bytes, as hex).
    case fingerprint
    /// The secret handed to the Bloom-filter encoder.
    case clk
    /// HMAC key for blocking keys.
    case block
}

/// Subkeys and fingerprints derived from a key file for one context.
///
/// `subkey(purpose, context) = HKDF-SHA256(ikm: secret, salt: "", info: "jigsaw/1/<purpose>/<context>", L: 32)`.
/// Two contexts give unrelated subkeys, so one master key can serve several data-sharing agreements
/// whose tokens cannot be joined.
public struct DerivedKeys: Sendable {
    /// The context (linkage purpose or recipient); empty by default.
    public let context: String
    /// The key file's label.
    public let keyID: String
    /// Whether the key is a published example.
    public let isExample: Bool
    /// 16 lowercase hex digits identifying key and context without revealing either.
    public let fingerprint: String
    private let secret: SecretBytes

    /// Derives the fingerprint for `key` in `context`.
    /// - Parameters:
    ///   - key: the key file.
    ///   - context: the context; empty by default.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    public init(key: KeyFile, context: String = "") throws(CryptoError) {
        self.secret = key.secret
        self.context = context
        self.keyID = key.id
        self.isExample = key.isExample
        let fingerprintKey = try Self.subkey(secret: key.secret, purpose: .fingerprint, context: context)
        self.fingerprint = fingerprintKey.withUnsafeBytes { Hex.encode(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
    }

    /// The 32-byte subkey for `purpose`.
    /// - Parameter purpose: what the subkey is for.
    /// - Returns: the subkey.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    public func subkey(_ purpose: KeyPurpose) throws(CryptoError) -> SecretBytes {
        try Self.subkey(secret: secret, purpose: purpose, context: context)
    }

    /// `HKDF-SHA256(secret, salt: "", info: "jigsaw/1/<purpose>/<context>", 32)`.
    /// - Parameters:
    ///   - secret: the key file's secret.
    ///   - purpose: the purpose.
    ///   - context: the context.
    /// - Returns: the subkey.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    public static func subkey(secret: SecretBytes, purpose: KeyPurpose, context: String) throws(CryptoError) -> SecretBytes {
        try HKDF.deriveKey(hash: .sha256, inputKey: secret, info: Array("jigsaw/1/\(purpose.rawValue)/\(context)".utf8), outputCount: 32)
    }
}
