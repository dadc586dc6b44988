import Foundation
import JigsawCrypto
import JigsawTokens
import Testing
@testable import JigsawBloom

/// The known-answer vectors of `shared/spec/clkhash-compat.md` (clkhash 0.18.3, reproduced with hashlib).
struct KnownAnswerTests {
    static let wholeRecordSchema = #"""
    {
      "version": 3,
      "clkConfig": {
        "l": 1024,
        "kdf": {"type": "HKDF", "hash": "SHA256",
                "salt": "SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==",
                "info": "c2NoZW1hX2V4YW1wbGU=", "keySize": 64}
      },
      "features": [
        {"identifier": "id", "ignored": true},
        {"identifier": "name", "format": {"type": "string", "encoding": "utf-8"},
         "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 100}, "hash": {"type": "blakeHash"}}},
        {"identifier": "dob", "format": {"type": "date", "format": "%Y-%m-%d"},
         "hashing": {"comparison": {"type": "ngram", "n": 1, "positional": true}, "strategy": {"bitsPerToken": 10},
                     "hash": {"type": "doubleHash", "prevent_singularity": true}}},
        {"identifier": "postcode", "format": {"type": "string"},
         "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 20}, "hash": {"type": "doubleHash"},
                     "missingValue": {"sentinel": ""}}}
      ]
    }
    """#

    private func hex(_ bytes: UnsafeRawBufferPointer) -> String { Hex.encode(bytes) }

    @Test func hkdfKeys() throws {
        let schema = try LinkageSchemaParser.parse(Array(#"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"a","ignored":true},{"identifier":"b","ignored":true}]}"#.utf8))
        let keys = try FeatureKeys(secret: SecretBytes(Array("secret".utf8)), schema: schema)
        #expect(keys.withKey(feature: 0, index: 0) { hex($0) } == "2f34e5ff91ec85d53ca9b543683174d0cf550b60d5f52b24c97b386cfcf6cbbf9cfd42fd37e1e5a214d15f03058d7fee63dc28f564b7b9fe3da514f80daad4bf")
        #expect(keys.withKey(feature: 0, index: 1) { hex($0) } == "1babe30c1ef6188c41ffc98d6ed1e918d39b424ad8a36e114bae18307d53e7b2fd99c15e5ce299af170ab929b89e53c99a9f29100d185d1b221539d73c8f653f")
    }

    private func bits(_ hash: HashFunction, token: String, k: Int) throws -> [Int] {
        let schema = try LinkageSchemaParser.parse(Array(#"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"a","ignored":true},{"identifier":"b","ignored":true}]}"#.utf8))
        let keys = try FeatureKeys(secret: SecretBytes(Array("secret".utf8)), schema: schema)
        let hasher = try FeatureHasher(hash: hash, length: 1024, keys: keys, feature: 0)
        var words = [UInt64](repeating: 0, count: 16)
        try Array(token.utf8).withUnsafeBytes { t in
            try words.withUnsafeMutableBufferPointer { try hasher.insert(t, k: k, salt: nil, into: $0.baseAddress!) }
        }
        return (0..<1024).filter { p in words[p >> 6] & (1 << UInt64((((p >> 3) & 7) << 3) | (7 - (p & 7)))) != 0 }
    }

    @Test func doubleHashAndBlakeIndices() throws {
        #expect(try bits(.doubleHash(preventSingularity: false), token: " s", k: 5) == [141, 347, 550, 756, 962])
        #expect(try bits(.blake, token: " s", k: 5) == [56, 506, 564, 616, 665])
    }

    @Test func wholeRecords() throws {
        let schema = try LinkageSchemaParser.parse(Array(Self.wholeRecordSchema.utf8))
        let keys = try FeatureKeys(secret: SecretBytes(Array("correct horse battery staple".utf8)), schema: schema)
        let encoder = try ClkEncoder(schema: schema, keys: keys)
        let first = try encoder.encodeBase64(["0", "JANE SMITH", "1980-02-29", "SW1A 1AA"])
        #expect(first.problems.isEmpty)
        #expect(first.clk == "ACRAQBBoARAUCAgUFQIAhRAYiABEomAiBwAEJGACEAAEQQQwKEJAEgIEAQQBCgACIBEAITKBQGYBFRAAgUARAANAAJAgAQEBABgAYAECAUQBAHAIAwBJgagJgEAEAEjKEYRNAAEQ4AABiSADAWgABgEgAQIFUAEGEiElAAATAAA=")
        let second = try encoder.encodeBase64(["1", "JOHN SMITH", "1975-12-01", ""])
        #expect(second.problems.isEmpty)
        #expect(second.clk == "BCBASAAgABAAKCEEQwIAgQAYjABEpHACQwAEgGgCGAAEIBQACA1AIAIgAAQBCgcCIJFAYQYBIGAFBVEEgBAAAADQAqAAABgAAAoAoBECAAQBATA4AQgIgBAIgEBEAIwCGIRECAAEIAIBgCACEWICgQEgAQIEAAABgqClAACCAAA=")
    }
}
