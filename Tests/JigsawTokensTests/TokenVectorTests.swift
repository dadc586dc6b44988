import Foundation
import JigsawCrypto
import JigsawIdentifiers
import Testing
@testable import JigsawTokens

/// Tokens and fingerprints against the spec's reference vectors and the independent Python cross-check.
/// Failure messages name case numbers only, never the identifier values.
struct TokenVectorTests {
    private func key(_ base64: String) throws -> KeyFile {
        let json = "{\"format\":\"jigsaw-key/1\",\"id\":\"fixture\",\"secret\":\"\(base64)\"}"
        return try KeyFile.parse(Array(json.utf8), path: "fixture.key")
    }

    @Test func specVectorsFingerprintsAndSubkey() throws {
        let vectors = try loadFixture("spec-vectors", as: SpecVectors.self)
        let file = try key(vectors.secret_base64)
        #expect(try DerivedKeys(key: file).fingerprint == vectors.fingerprint)
        #expect(try DerivedKeys(key: file, context: "send-linkage-2026").fingerprint == vectors.`fingerprint_send-linkage-2026`)
        let subkey = try DerivedKeys(key: file).subkey(.token)
        #expect(subkey.withUnsafeBytes { Hex.encode($0) } == vectors.token_subkey_hex)
    }

    @Test func specVectorsTokens() throws {
        let vectors = try loadFixture("spec-vectors", as: SpecVectors.self)
        let file = try key(vectors.secret_base64)
        #expect(vectors.cases.count == 16)
        for (number, item) in vectors.cases.enumerated() {
            let keys = try DerivedKeys(key: file, context: item.context)
            let deriver = TokenDeriver(domain: item.domain, tokenSubkey: try keys.subkey(.token))
            let (token, _) = deriver.token(for: item.input)
            let matches = token == item.token
            #expect(matches, "spec vector case \(number)")
        }
    }

    @Test func independentPythonCrossCheck() throws {
        let fixture = try loadFixture("crosscheck", as: CrossCheck.self)
        #expect(fixture.cases.count > 3_000)
        let files = try fixture.keys.map { try key($0.secret_base64) }
        // Fingerprints for every key and context.
        for (k, entry) in fixture.keys.enumerated() {
            for (context, expected) in entry.fingerprints {
                #expect(try DerivedKeys(key: files[k], context: context).fingerprint == expected, "key \(k)")
            }
        }
        // Derivers keyed once per (key, context, domain, length), as in a real run.
        var derivers: [String: TokenDeriver] = [:]
        var mismatches: [Int] = []
        for (number, item) in fixture.cases.enumerated() {
            let cacheKey = "\(item.key)|\(item.context)|\(item.domain)|\(item.token_bytes)"
            let deriver: TokenDeriver
            if let cached = derivers[cacheKey] {
                deriver = cached
            } else {
                let keys = try DerivedKeys(key: files[item.key], context: item.context)
                deriver = TokenDeriver(domain: item.domain, tokenSubkey: try keys.subkey(.token), tokenBytes: item.token_bytes)
                derivers[cacheKey] = deriver
            }
            let (token, check) = deriver.token(for: item.input)
            var reason: String?
            var temporary = false
            switch check {
            case .valid(_, let isTemporary): temporary = isTemporary
            case .blank: reason = "blank"
            case .invalid(let why): reason = why.rawValue
            }
            if token != item.token || reason != item.reason || temporary != item.temporary {
                mismatches.append(number)
            }
        }
        #expect(mismatches.isEmpty, "cross-check cases that differ (by number): \(mismatches.prefix(20))")
    }

    @Test func contextsAndDomainsSeparateTokens() throws {
        let vectors = try loadFixture("spec-vectors", as: SpecVectors.self)
        let file = try key(vectors.secret_base64)
        let plain = TokenDeriver(domain: "child-id", tokenSubkey: try DerivedKeys(key: file).subkey(.token))
        let other = TokenDeriver(domain: "child-id", tokenSubkey: try DerivedKeys(key: file, context: "cin-2025").subkey(.token))
        let otherDomain = TokenDeriver(domain: "la-ref", tokenSubkey: try DerivedKeys(key: file).subkey(.token))
        let a = plain.token(for: "C-000123").token
        #expect(a != nil)
        #expect(a != other.token(for: "C-000123").token)
        #expect(a != otherDomain.token(for: "C-000123").token)
        #expect(a == plain.token(for: " \tC-000123\t ").token)
    }

    @Test(arguments: [16, 20, 31, 32])
    func shortTokensArePrefixes(bytes: Int) throws {
        let vectors = try loadFixture("spec-vectors", as: SpecVectors.self)
        let subkey = try DerivedKeys(key: try key(vectors.secret_base64)).subkey(.token)
        let full = TokenDeriver(domain: "child-id", tokenSubkey: subkey).token(for: "C-42").token!
        let short = TokenDeriver(domain: "child-id", tokenSubkey: subkey, tokenBytes: bytes).token(for: "C-42").token!
        #expect(short.count == 2 * bytes)
        #expect(full.hasPrefix(short))
    }
}
