import Testing
@testable import JigsawCrypto

/// A published HMAC-SHA256 vector.
struct HMACVector: CustomTestStringConvertible, Sendable {
    var name: String
    var key: [UInt8]
    var message: [UInt8]
    var expectedHex: String

    var testDescription: String { name }

    /// RFC 4231 section 4: test cases 1, 2 and 6 (a key longer than the 64-byte block), and 7 (key and
    /// data both longer than a block).
    static let rfc4231: [HMACVector] = [
        HMACVector(
            name: "RFC 4231 case 1",
            key: [UInt8](repeating: 0x0B, count: 20),
            message: Array("Hi There".utf8),
            expectedHex: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        HMACVector(
            name: "RFC 4231 case 2",
            key: Array("Jefe".utf8),
            message: Array("what do ya want for nothing?".utf8),
            expectedHex: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        HMACVector(
            name: "RFC 4231 case 6 (key longer than a block)",
            key: [UInt8](repeating: 0xAA, count: 131),
            message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            expectedHex: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        HMACVector(
            name: "RFC 4231 case 7 (key and data longer than a block)",
            key: [UInt8](repeating: 0xAA, count: 131),
            message: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            expectedHex: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    /// Edge cases computed with Python's `hmac` module (an independent implementation).
    static let python: [HMACVector] = [
        HMACVector(
            name: "empty key and empty message",
            key: [],
            message: [],
            expectedHex: "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
        HMACVector(
            name: "key of exactly one block (64 bytes)",
            key: Array(0..<64),
            message: Array("abc".utf8),
            expectedHex: "6ab541b4869dca71c4ca11d8bb1b02533b789a557583161429292c7404bc21f6"),
        HMACVector(
            name: "key one byte longer than a block (65 bytes)",
            key: Array(0..<65),
            message: Array("abc".utf8),
            expectedHex: "dfbffee4671bad00ed5d1e1999d55ed3b0cc774ac357f9ebf649c1612414fcec"),
    ]
}

@Suite("HMACSHA256")
struct HMACSHA256Tests {
    @Test("known-answer vectors, keyed midstate and one-shot", arguments: HMACVector.rfc4231 + HMACVector.python)
    func knownAnswers(_ vector: HMACVector) {
        let key = SecretBytes(vector.key)
        let mac = HMACSHA256(key: key)
        #expect(mac.authenticate(vector.message).hex == vector.expectedHex)
        #expect(HMACSHA256.oneShot(key: key, message: vector.message).hex == vector.expectedHex)
    }

    @Test("midstate copy equals OpenSSL's one-shot HMAC for 500 random keys (0–200 bytes) and messages (0–300 bytes)")
    func randomKeysAndMessages() {
        var rng = SeededGenerator(seed: 0x4A16_5A57_0001)
        var mismatches: [Int] = []
        for trial in 0..<500 {
            // Key lengths cycle through 0...200, so the block-size edges (64, 65) and hashed keys are all covered.
            let key = SecretBytes(rng.bytes(count: trial % 201))
            let message = rng.bytes(count: Int.random(in: 0...300, using: &rng))
            let mac = HMACSHA256(key: key)
            if mac.authenticate(message) != HMACSHA256.oneShot(key: key, message: message) {
                mismatches.append(trial)
            }
        }
        #expect(mismatches.isEmpty, "trials that differ: \(mismatches)")
    }

    @Test("an absorbed prefix authenticates prefix followed by message, for 500 random cases")
    func randomPrefixes() {
        var rng = SeededGenerator(seed: 0x4A16_5A57_0002)
        var mismatches: [Int] = []
        for trial in 0..<500 {
            let key = SecretBytes(rng.bytes(count: (trial * 7) % 201))
            let prefix = rng.bytes(count: Int.random(in: 0...100, using: &rng))
            let message = rng.bytes(count: Int.random(in: 0...300, using: &rng))
            let mac = HMACSHA256(key: key)
            mac.absorbPrefix(prefix)
            if mac.authenticate(message) != HMACSHA256.oneShot(key: key, message: prefix + message) {
                mismatches.append(trial)
            }
        }
        #expect(mismatches.isEmpty, "trials that differ: \(mismatches)")
    }

    @Test("prefixes absorbed in pieces, and through the raw-pointer overload, concatenate")
    func prefixInPieces() {
        let key = SecretBytes(Array("prefix key".utf8))
        let first = Array("nhs-".utf8)
        let second = Array("number:".utf8)
        let message = Array("synthetic value".utf8)
        let mac = HMACSHA256(key: key)
        mac.absorbPrefix(first)
        second.withUnsafeBytes { mac.absorbPrefix($0) }
        #expect(mac.authenticate(message) == HMACSHA256.oneShot(key: key, message: first + second + message))
    }

    @Test("one keyed instance authenticates many messages without carrying state between them")
    func reuse() {
        var rng = SeededGenerator(seed: 0x4A16_5A57_0003)
        let key = SecretBytes(rng.bytes(count: 32))
        let plain = HMACSHA256(key: key)
        let prefixed = HMACSHA256(key: key)
        let prefix = Array("upn:".utf8)
        prefixed.absorbPrefix(prefix)
        var mismatches: [Int] = []
        var messages: [[UInt8]] = []
        for trial in 0..<1000 {
            let message = rng.bytes(count: Int.random(in: 0...80, using: &rng))
            messages.append(message)
            let ok = plain.authenticate(message) == HMACSHA256.oneShot(key: key, message: message)
                && prefixed.authenticate(message) == HMACSHA256.oneShot(key: key, message: prefix + message)
            if !ok { mismatches.append(trial) }
        }
        // Going back to the earliest messages gives the same codes again.
        for (trial, message) in messages.prefix(50).enumerated()
        where plain.authenticate(message) != HMACSHA256.oneShot(key: key, message: message) {
            mismatches.append(trial)
        }
        #expect(mismatches.isEmpty, "trials that differ: \(mismatches)")
    }

    @Test("key lengths around the 64-byte block", arguments: [0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 200, 1000])
    func keyLengthsAroundBlock(length: Int) {
        var rng = SeededGenerator(seed: UInt64(length) &+ 0x4A16_5A57_0100)
        let key = SecretBytes(rng.bytes(count: length))
        let message = rng.bytes(count: 55)
        #expect(HMACSHA256(key: key).authenticate(message) == HMACSHA256.oneShot(key: key, message: message))
    }

    @Test("different keys give different codes")
    func differentKeys() {
        let message = Array("the same message".utf8)
        let a = HMACSHA256(key: SecretBytes([UInt8](repeating: 1, count: 32))).authenticate(message)
        let b = HMACSHA256(key: SecretBytes([UInt8](repeating: 2, count: 32))).authenticate(message)
        #expect(a != b)
    }

    @Test("the pointer overload writes exactly the first 32 bytes of a longer output buffer")
    func pointerOverload() {
        let vector = HMACVector.rfc4231[0]
        let mac = HMACSHA256(key: SecretBytes(vector.key))
        var output = [UInt8](repeating: 0xEE, count: 40)
        vector.message.withUnsafeBytes { message in
            output.withUnsafeMutableBytes { mac.authenticate(message, into: $0) }
        }
        #expect(Array(output[0..<32]).hex == vector.expectedHex)
        #expect(output[32...].allSatisfy { $0 == 0xEE })
        #expect(HMACSHA256.byteCount == 32)
    }
}
