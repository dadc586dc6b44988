import Foundation
import JigsawCrypto
import Testing
@testable import JigsawTokens

/// Key files: the `jigsaw-key/1` format, its refusals, and writing new keys.
struct KeyFileTests {
    static let secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

    private func parse(_ json: String) -> Result<KeyFile, KeyFileError> {
        Result { () throws(KeyFileError) in try KeyFile.parse(Array(json.utf8), path: "k.json") }
    }

    private func code(_ json: String) -> KeyFileError.Code? {
        if case .failure(let error) = parse(json) { return error.code }
        return nil
    }

    struct BadKey: CustomTestStringConvertible, Sendable {
        var label: String
        var json: String
        var expected: KeyFileError.Code
        var testDescription: String { label }
    }

    static let badKeys: [BadKey] = [
        BadKey(label: "not JSON", json: "format: jigsaw", expected: .malformed),
        BadKey(label: "a JSON array", json: "[1,2]", expected: .malformed),
        BadKey(label: "unknown field", json: #"{"format":"jigsaw-key/1","id":"a","secret":"\#(secret)","secrett":"x"}"#, expected: .unknownField),
        BadKey(label: "missing secret", json: #"{"format":"jigsaw-key/1","id":"a"}"#, expected: .missingField),
        BadKey(label: "missing id", json: #"{"format":"jigsaw-key/1","secret":"\#(secret)"}"#, expected: .missingField),
        BadKey(label: "missing format", json: #"{"id":"a","secret":"\#(secret)"}"#, expected: .missingField),
        BadKey(label: "wrong format", json: #"{"format":"jigsaw-key/2","id":"a","secret":"\#(secret)"}"#, expected: .invalidField),
        BadKey(label: "numeric id", json: #"{"format":"jigsaw-key/1","id":7,"secret":"\#(secret)"}"#, expected: .invalidField),
        BadKey(label: "empty id", json: #"{"format":"jigsaw-key/1","id":"","secret":"\#(secret)"}"#, expected: .invalidField),
        BadKey(label: "example as string", json: #"{"format":"jigsaw-key/1","id":"a","secret":"\#(secret)","example":"yes"}"#, expected: .invalidField),
        BadKey(label: "example as number", json: #"{"format":"jigsaw-key/1","id":"a","secret":"\#(secret)","example":1}"#, expected: .invalidField),
        BadKey(label: "secret not base64", json: #"{"format":"jigsaw-key/1","id":"a","secret":"not base64!!"}"#, expected: .secretNotBase64),
        BadKey(label: "secret url-safe alphabet", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh-_"}"#, expected: .secretNotBase64),
        BadKey(label: "secret unpadded", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}"#, expected: .secretNotBase64),
        BadKey(label: "secret 16 bytes", json: #"{"format":"jigsaw-key/1","id":"a","secret":"AAECAwQFBgcICQoLDA0ODw=="}"#, expected: .secretTooShort),
        BadKey(label: "secret as number", json: #"{"format":"jigsaw-key/1","id":"a","secret":12345}"#, expected: .invalidField),
    ]

    @Test(arguments: badKeys)
    func refusesMalformedKeys(_ bad: BadKey) {
        #expect(code(bad.json) == bad.expected)
        if case .failure(let error) = parse(bad.json) {
            // Messages never echo key material.
            #expect(!error.description.contains(Self.secret))
            #expect(!error.description.contains("AAECAwQF"))
        }
    }

    @Test func parsesAllFields() throws {
        let json = #"{"format":"jigsaw-key/1","id":"nhs-la-2026","secret":"\#(Self.secret)","created":"2026-01-02T03:04:05Z","example":false,"description":"test"}"#
        let key = try parse(json).get()
        #expect(key.id == "nhs-la-2026")
        #expect(key.created == "2026-01-02T03:04:05Z")
        #expect(key.isExample == false)
        #expect(key.keyDescription == "test")
        #expect(key.secret.count == 32)
        #expect(!String(describing: key.secret).contains("AAEC"))
    }

    @Test func serialisedRoundTrips() throws {
        let key = try KeyFile.generate(path: "x.key", id: "round \"trip\"", description: "line\nbreak", isExample: true)
        let again = try KeyFile.parse(key.serialised(), path: "x.key")
        #expect(again.id == key.id)
        #expect(again.keyDescription == key.keyDescription)
        #expect(again.isExample)
        #expect(again.secret.constantTimeEquals(key.secret))
        #expect(try DerivedKeys(key: again).fingerprint == DerivedKeys(key: key).fingerprint)
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jigsaw-keytests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func newKeysArePrivateAndNeverOverwritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.key").path
        let key = try KeyFile.generate(path: path, id: "test")
        try key.write()
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let loaded = try KeyFile.load(path: path)
        #expect(loaded.secret.count == 32)
        #expect(loaded.secret.constantTimeEquals(key.secret))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let second = try KeyFile.generate(path: path, id: "other")
        #expect(throws: KeyFileError.self) { try second.write() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.key"])
    }

    @Test func realKeysMustBePrivateAndExamplesNeedConsent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.key").path
        try Data(#"{"format":"jigsaw-key/1","id":"a","secret":"\#(Self.secret)"}"#.utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: real)
        #expect { try KeyFile.load(path: real) } throws: { ($0 as? KeyFileError)?.code == .permissions && "\($0)".contains("chmod 600") }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real)
        #expect(try KeyFile.load(path: real).id == "a")

        let example = folder.appendingPathComponent("example.key").path
        try Data(#"{"format":"jigsaw-key/1","id":"e","secret":"\#(Self.secret)","example":true}"#.utf8).write(to: URL(fileURLWithPath: example))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: example)
        #expect { try KeyFile.load(path: example) } throws: { ($0 as? KeyFileError)?.code == .exampleKey }
        #expect(try KeyFile.load(path: example, allowExample: true).isExample)

        #expect { try KeyFile.load(path: folder.appendingPathComponent("missing.key").path) } throws: { ($0 as? KeyFileError)?.code == .notFound }
    }
}
