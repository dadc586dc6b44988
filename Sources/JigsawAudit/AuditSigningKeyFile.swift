#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Foundation
public import JigsawCrypto

/// Reading the Ed25519 key files that sign and check audit-log records.
public enum AuditSigningKeyFile {
    /// Reads a private signing key (PKCS #8 PEM), which must not be readable by group or others.
    /// - Throws: ``AuditError`` with `.badSigningKey` naming the file.
    public static func loadPrivate(path: String) throws(AuditError) -> Ed25519SigningKey {
        var info = stat()
        guard stat(path, &info) == 0 else { throw AuditError(.badSigningKey, "no such signing key file; check --audit-signing-key or JIGSAW_AUDIT_SIGNING_KEY", file: path) }
        guard info.st_mode & 0o077 == 0 else {
            throw AuditError(.badSigningKey, "is readable or writable by group or others; make it private with: chmod 600 \(path)", file: path)
        }
        guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
            throw AuditError(.badSigningKey, "cannot read the signing key file", file: path)
        }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        do { return try Ed25519SigningKey(pem: bytes) } catch { throw AuditError(.badSigningKey, error.message, file: path) }
    }

    /// Reads a public key (PEM, `-----BEGIN PUBLIC KEY-----`).
    /// - Throws: ``AuditError`` with `.badSigningKey` naming the file.
    public static func loadPublic(path: String) throws(AuditError) -> Ed25519PublicKey {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw AuditError(.badSigningKey, FileManager.default.fileExists(atPath: path) ? "cannot read the public key file" : "no such public key file; check --public-key", file: path)
        }
        do { return try Ed25519PublicKey(pem: Array(bytes)) } catch { throw AuditError(.badSigningKey, error.message, file: path) }
    }
}
