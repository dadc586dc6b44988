public import JigsawCrypto

/// The per-feature hashing keys of a schema: HKDF over the secret yields `2 × F` keys of `keySize` bytes,
/// where F counts every feature, ignored ones included; feature *i* gets keys `2i` and `2i + 1`.
public struct FeatureKeys: Sendable {
    private let material: SecretBytes
    /// Bytes per key.
    public let keySize: Int
    /// The key of a profile's hardening layer (`nil` for clkhash schemas).
    public let hardeningKey: SecretBytes?

    /// Derives the keys for `schema` from `secret` (clkhash's `generate_key_lists`).
    /// - Parameters:
    ///   - secret: the secret bytes (a text secret is its UTF-8).
    ///   - schema: the schema, for its KDF settings and feature count.
    /// - Throws: ``CryptoError`` when OpenSSL fails.
    public init(secret: SecretBytes, schema: LinkageSchema) throws(CryptoError) {
        keySize = schema.kdf.keySize
        material = try HKDF.deriveKey(hash: schema.kdf.hash, inputKey: secret, salt: schema.kdf.salt,
                                      info: schema.kdf.info, outputCount: 2 * schema.features.count * keySize)
        hardeningKey = schema.profile == nil ? nil
            : try HKDF.deriveKey(hash: .sha256, inputKey: secret, info: Array("jigsaw-profile/1/hardening".utf8), outputCount: 32)
    }

    /// Calls `body` with key `index` (0 or 1) of feature `feature`.
    /// - Parameters:
    ///   - feature: the feature's position in the schema.
    ///   - index: 0 or 1.
    ///   - body: reads the key; the pointer must not escape.
    /// - Returns: what `body` returns.
    public func withKey<R>(feature: Int, index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try material.withUnsafeBytes { all in
            let start = (2 * feature + index) * keySize
            return try body(UnsafeRawBufferPointer(rebasing: all[start..<(start + keySize)]))
        }
    }
}
