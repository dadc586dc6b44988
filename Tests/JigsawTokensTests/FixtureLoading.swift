import Foundation
import Testing

/// Loads a JSON fixture bundled with this test target.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// `shared/spec/vectors.json`, as printed by `jigsaw_reference.py vectors`.
struct SpecVectors: Decodable {
    struct Case: Decodable {
        var domain: String
        var input: String
        var context: String
        var canonical: String?
        var token: String?
    }
    var secret_base64: String
    var fingerprint: String
    var `fingerprint_send-linkage-2026`: String
    var token_subkey_hex: String
    var cases: [Case]

    enum CodingKeys: String, CodingKey {
        case secret_base64, fingerprint, token_subkey_hex, cases
        case `fingerprint_send-linkage-2026` = "fingerprint_send-linkage-2026"
    }
}

/// `crosscheck.json`, from the independent Python generator `make_crosscheck.py`.
struct CrossCheck: Decodable {
    struct Key: Decodable {
        var secret_base64: String
        var fingerprints: [String: String]
    }
    struct Case: Decodable {
        var key: Int
        var domain: String
        var input: String
        var context: String
        var token_bytes: Int
        var canonical: String?
        var reason: String?
        var temporary: Bool
        var token: String?
    }
    var keys: [Key]
    var cases: [Case]
}
