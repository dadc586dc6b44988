internal import CJigsawCrypto

/// An Ed25519 private key (RFC 8032) held by OpenSSL, for signing audit-log records.
///
/// Keys are read from and written as PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`), the form
/// `openssl genpkey -algorithm ed25519` writes, so a key can be made and inspected with OpenSSL's own
/// command line as well as with `jigsaw audit keygen`. The key never prints itself.
public final class Ed25519SigningKey: @unchecked Sendable, CustomStringConvertible {
    private let key: OpaquePointer

    private init(key: OpaquePointer) { self.key = key }

    deinit { EVP_PKEY_free(key) }

    /// A new random key from OpenSSL's generator.
    /// - Throws: ``CryptoError`` when OpenSSL cannot make one.
    public static func generate() throws(CryptoError) -> Ed25519SigningKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else {
            throw CryptoError(.random, "OpenSSL could not start Ed25519 key generation: \(openSSLErrorString())")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &key) == 1, let key else {
            throw CryptoError(.random, "OpenSSL could not generate an Ed25519 key: \(openSSLErrorString())")
        }
        return Ed25519SigningKey(key: key)
    }

    /// Reads a PKCS #8 PEM private key and checks that it is an Ed25519 key.
    /// - Parameter pem: the PEM text's bytes (the caller should clear its copy afterwards).
    /// - Throws: ``CryptoError`` with `.invalidArgument` when the text is not an Ed25519 private key.
    public init(pem: [UInt8]) throws(CryptoError) {
        let loaded: OpaquePointer? = pem.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let loaded else {
            ERR_clear_error()
            throw CryptoError(.invalidArgument, "is not a PEM private key (expected -----BEGIN PRIVATE KEY----- from `jigsaw audit keygen` or `openssl genpkey -algorithm ed25519`)")
        }
        guard EVP_PKEY_get_base_id(loaded) == EVP_PKEY_ED25519 else {
            EVP_PKEY_free(loaded)
            throw CryptoError(.invalidArgument, "is a private key but not an Ed25519 key")
        }
        key = loaded
    }

    /// The key as PKCS #8 PEM text (secret: write it only to a private file).
    public func privateKeyPEM() throws(CryptoError) -> [UInt8] {
        try writePEM { bio in PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) }
    }

    /// The public half.
    public var publicKey: Ed25519PublicKey {
        get throws(CryptoError) {
            var raw = [UInt8](repeating: 0, count: 32)
            var length = 32
            guard EVP_PKEY_get_raw_public_key(key, &raw, &length) == 1, length == 32 else {
                throw CryptoError(.invalidArgument, "OpenSSL could not read the Ed25519 public key: \(openSSLErrorString())")
            }
            return try Ed25519PublicKey(raw: raw)
        }
    }

    /// Signs `message` (Ed25519 signs the message itself, not a separate digest).
    /// - Parameter message: the bytes to sign.
    /// - Returns: the 64-byte signature.
    public func sign(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError(.mac, "OpenSSL could not allocate a signing context") }
        defer { EVP_MD_CTX_free(context) }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let ok = message.withUnsafeBufferPointer { input in
            EVP_DigestSignInit(context, nil, nil, nil, key) == 1
                && EVP_DigestSign(context, &signature, &length, input.baseAddress, input.count) == 1
        }
        guard ok, length == 64 else {
            throw CryptoError(.mac, "OpenSSL could not make an Ed25519 signature: \(openSSLErrorString())")
        }
        return signature
    }

    /// A redacted description.
    public var description: String { "Ed25519SigningKey(redacted)" }
}

/// An Ed25519 public key, for checking audit-log signatures.
public struct Ed25519PublicKey: Sendable, Equatable {
    /// The 32-byte raw public key (RFC 8032).
    public let raw: [UInt8]
    /// OpenSSL's form of the key, made once: building it per signature doubled the cost of checking one.
    private let openSSL: OpenSSLPublicKey

    /// A key from its 32 raw bytes.
    /// - Throws: ``CryptoError`` with `.invalidArgument` when `raw` is not 32 bytes or not a valid key.
    public init(raw: [UInt8]) throws(CryptoError) {
        guard raw.count == 32 else { throw CryptoError(.invalidArgument, "an Ed25519 public key has 32 bytes, not \(raw.count)") }
        guard let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
            throw CryptoError(.invalidArgument, "OpenSSL rejected the Ed25519 public key: \(openSSLErrorString())")
        }
        self.raw = raw
        openSSL = OpenSSLPublicKey(key)
    }

    /// Two keys are equal when their raw bytes are.
    public static func == (a: Ed25519PublicKey, b: Ed25519PublicKey) -> Bool { a.raw == b.raw }

    /// Reads a PEM public key (`-----BEGIN PUBLIC KEY-----`, as `openssl pkey -pubout` writes).
    /// - Throws: ``CryptoError`` with `.invalidArgument` when the text is not an Ed25519 public key.
    public init(pem: [UInt8]) throws(CryptoError) {
        let loaded: OpaquePointer? = pem.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PUBKEY(bio, nil, nil, nil)
        }
        guard let loaded else {
            ERR_clear_error()
            throw CryptoError(.invalidArgument, "is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)")
        }
        defer { EVP_PKEY_free(loaded) }
        guard EVP_PKEY_get_base_id(loaded) == EVP_PKEY_ED25519 else {
            throw CryptoError(.invalidArgument, "is a public key but not an Ed25519 key")
        }
        var raw = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(loaded, &raw, &length) == 1, length == 32 else {
            throw CryptoError(.invalidArgument, "OpenSSL could not read the Ed25519 public key: \(openSSLErrorString())")
        }
        try self.init(raw: raw)
    }

    /// The key as PEM text (`-----BEGIN PUBLIC KEY-----`).
    public func pem() throws(CryptoError) -> [UInt8] {
        try writePEM { bio in PEM_write_bio_PUBKEY(bio, openSSL.key) }
    }

    /// A short fingerprint: the first 16 hex digits of SHA-256 over the raw key.
    public var fingerprint: String {
        Hex.encode(Array(SHA256Digest.hash(raw).prefix(8)))
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by this key.
    /// Safe to call from several threads at once.
    public func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard signature.count == 64 else { return false }
        let key = openSSL.key
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        let ok = message.withUnsafeBufferPointer { input in
            EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1
                && EVP_DigestVerify(context, signature, 64, input.baseAddress, input.count) == 1
        }
        ERR_clear_error()
        return ok
    }
}

/// Owns an OpenSSL public key; OpenSSL 3 allows concurrent verification with one `EVP_PKEY`.
private final class OpenSSLPublicKey: @unchecked Sendable {
    let key: OpaquePointer
    init(_ key: OpaquePointer) { self.key = key }
    deinit { EVP_PKEY_free(key) }
}

/// Runs `write` on a memory BIO and returns what it wrote.
private func writePEM(_ write: (OpaquePointer) -> Int32) throws(CryptoError) -> [UInt8] {
    guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError(.invalidArgument, "OpenSSL could not allocate a buffer") }
    defer { BIO_free(bio) }
    guard write(bio) == 1 else { throw CryptoError(.invalidArgument, "OpenSSL could not write PEM: \(openSSLErrorString())") }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = BIO_read(bio, &buffer, Int32(buffer.count))
        if n <= 0 { break }
        out += buffer[0..<Int(n)]
    }
    buffer.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    return out
}
