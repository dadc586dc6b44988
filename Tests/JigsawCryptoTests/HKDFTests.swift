import Testing
@testable import JigsawCrypto

/// An RFC 5869 HKDF-SHA256 vector.
struct HKDFVector: CustomTestStringConvertible, Sendable {
    var name: String
    var inputKey: [UInt8]
    var salt: [UInt8]
    var info: [UInt8]
    var outputCount: Int
    var expectedHex: String

    var testDescription: String { name }

    static let rfc5869: [HKDFVector] = [
        HKDFVector(
            name: "RFC 5869 case 1",
            inputKey: [UInt8](repeating: 0x0B, count: 22),
            salt: Array(0x00...0x0C),
            info: Array(0xF0...0xF9),
            outputCount: 42,
            expectedHex: "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
        HKDFVector(
            name: "RFC 5869 case 3 (empty salt and info)",
            inputKey: [UInt8](repeating: 0x0B, count: 22),
            salt: [],
            info: [],
            outputCount: 42,
            expectedHex: "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
        // The token subkey of the spec's example secret, from jigsaw_reference.py (vectors.json).
        HKDFVector(
            name: "Jigsaw token subkey of the spec's example secret",
            inputKey: Array(0x00...0x1F),
            salt: [],
            info: Array("jigsaw/1/token/".utf8),
            outputCount: 32,
            expectedHex: "dd792ea6449b480d271e2800367b7ad0f2ec353adc10ba8f4342360cca6a91f7"),
    ]
}

@Suite("HKDF")
struct HKDFTests {
    @Test("known-answer vectors", arguments: HKDFVector.rfc5869)
    func knownAnswers(_ vector: HKDFVector) throws {
        let derived = try HKDF.deriveKey(
            hash: .sha256, inputKey: SecretBytes(vector.inputKey), salt: vector.salt, info: vector.info,
            outputCount: vector.outputCount)
        #expect(derived.count == vector.outputCount)
        #expect(derived.withUnsafeBytes { Array($0) }.hex == vector.expectedHex)
    }

    @Test("a shorter output is a prefix of a longer one")
    func shorterIsPrefix() throws {
        let vector = HKDFVector.rfc5869[0]
        let short = try HKDF.deriveKey(
            inputKey: SecretBytes(vector.inputKey), salt: vector.salt, info: vector.info, outputCount: 1)
        #expect(short.withUnsafeBytes { Array($0) }.hex == String(vector.expectedHex.prefix(2)))
    }

    @Test("different info gives unrelated keys")
    func infoSeparates() throws {
        let secret = SecretBytes(Array(0x00...0x1F))
        let a = try HKDF.deriveKey(inputKey: secret, info: Array("jigsaw/1/token/".utf8), outputCount: 32)
        let b = try HKDF.deriveKey(inputKey: secret, info: Array("jigsaw/1/token/other".utf8), outputCount: 32)
        #expect(!a.constantTimeEquals(b))
    }

    @Test(
        "output lengths outside 1...255×HashLen are rejected as invalid arguments",
        arguments: [(HKDF.Hash.sha256, 0), (.sha256, -1), (.sha256, 255 * 32 + 1), (.sha512, 0), (.sha512, 255 * 64 + 1)])
    func outputLengthBounds(hash: HKDF.Hash, outputCount: Int) {
        let error = #expect(throws: CryptoError.self) {
            try HKDF.deriveKey(hash: hash, inputKey: SecretBytes([1, 2, 3]), info: [], outputCount: outputCount)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.description.hasPrefix("crypto.invalid-argument: ") == true)
    }

    @Test("the largest allowed output lengths are accepted", arguments: [(HKDF.Hash.sha256, 255 * 32), (.sha512, 255 * 64)])
    func outputLengthMaximum(hash: HKDF.Hash, outputCount: Int) throws {
        let derived = try HKDF.deriveKey(hash: hash, inputKey: SecretBytes([1, 2, 3]), info: [], outputCount: outputCount)
        #expect(derived.count == outputCount)
    }
}
