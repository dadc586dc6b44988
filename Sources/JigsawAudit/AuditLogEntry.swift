internal import Foundation
public import JigsawCrypto

/// One line of an audit log: a record's canonical body, then its hash and, when signed, its signature.
///
/// The line is the body's canonical JSON (``AuditValue/canonicalBytes``) with `,"hash":"…"` and, when signed,
/// `,"signature":"…"` inserted before the closing brace. The hash is SHA-256 over the body's bytes; the
/// signature is Ed25519 over the same bytes, base64. So a line can be checked byte for byte: take off the two
/// trailing members, hash what is left.
public struct AuditLogEntry: Sendable {
    /// The record.
    public var record: AuditRecord
    /// The hash stored in the line (hex).
    public var storedHash: String
    /// The signature stored in the line, when signed.
    public var signature: [UInt8]?
    /// The body's bytes as they appear in the line (what the hash and signature cover).
    public var body: [UInt8]
    /// The line number in the log (from 1).
    public var line: Int

    /// The SHA-256 of ``body`` (hex), which an unaltered record's ``storedHash`` equals.
    public var computedHash: String { Hex.encode(SHA256Digest.hash(body)) }

    /// Serialises `record` as a log line (ending in a newline), signing it with `signingKey` when given.
    /// - Returns: the line and the record's hash.
    public static func line(for record: AuditRecord, signingKey: Ed25519SigningKey?) throws(CryptoError) -> (line: [UInt8], hash: String) {
        let body = record.body.canonicalBytes
        let hash = Hex.encode(SHA256Digest.hash(body))
        var line = Array(body.dropLast())
        line += Array(",\"hash\":\"\(hash)\"".utf8)
        if let signingKey {
            let signature = try signingKey.sign(body)
            line += Array(",\"signature\":\"\(Data(signature).base64EncodedString())\"".utf8)
        }
        line += Array("}\n".utf8)
        return (line, hash)
    }

    /// Reads one line (without its newline).
    /// - Parameters:
    ///   - bytes: the line.
    ///   - line: its line number, for messages.
    ///   - file: the log's path, for messages.
    /// - Throws: ``AuditError`` with `.badRecord` when the line is not a Jigsaw audit record.
    public init(parsing bytes: ArraySlice<UInt8>, line: Int, file: String) throws(AuditError) {
        func bad(_ message: String) -> AuditError {
            AuditError(.badRecord, "is not a Jigsaw audit record: \(message)", file: file, line: line)
        }
        let marker = Array(",\"hash\":\"".utf8)
        guard bytes.count > marker.count + 66, bytes.last == UInt8(ascii: "}"),
              let start = Self.lastRange(of: marker, in: bytes) else {
            throw bad("no \"hash\" member at the end of the line")
        }
        let hashStart = start + marker.count
        let hashEnd = hashStart + 64
        guard hashEnd < bytes.endIndex, bytes[hashEnd] == UInt8(ascii: "\""),
              bytes[hashStart..<hashEnd].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw bad("the hash is not 64 lowercase hex digits")
        }
        let rest = bytes[(hashEnd + 1)...]
        var signature: [UInt8]?
        if rest.count != 1 {
            let prefix = Array(",\"signature\":\"".utf8)
            guard rest.starts(with: prefix), rest.count > prefix.count + 2, rest[rest.endIndex - 2] == UInt8(ascii: "\""),
                  let decoded = Data(base64Encoded: Data(rest[(rest.startIndex + prefix.count)..<(rest.endIndex - 2)])) else {
                throw bad("unexpected text after the hash")
            }
            signature = Array(decoded)
        }
        storedHash = String(decoding: bytes[hashStart..<hashEnd], as: UTF8.self)
        self.signature = signature
        body = Array(bytes[..<start]) + [UInt8(ascii: "}")]
        self.line = line
        let parsed: AuditValue
        do {
            parsed = try AuditJSONReader.parse(body)
        } catch {
            throw bad("the record is not valid JSON (\(error.message) at byte \(error.offset + 1))")
        }
        guard let members = parsed.objectValue else { throw bad("the record is not a JSON object") }
        do {
            record = try AuditRecord(body: members)
        } catch {
            throw bad("member \"\(error.member)\" is missing or of the wrong type")
        }
    }

    static func lastRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.endIndex - needle.count
        while i >= haystack.startIndex {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
