import Testing
@testable import JigsawCrypto

/// HMAC-SHA1/MD5/SHA256 midstate copies against OpenSSL's one-shot `HMAC()`, and keyed BLAKE2b against
/// values computed with Python's `hashlib.blake2b` (as clkhash calls it).
struct PrekeyedHMACAndBLAKE2bTests {
    static let algorithms: [PrekeyedHMAC.Algorithm] = [.sha1, .md5, .sha256]

    @Test(arguments: [0, 1, 2])
    func midstateCopiesMatchOneShot(_ which: Int) {
        let algorithm = Self.algorithms[which]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let key = (0..<Int.random(in: 0...150, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let message = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let suffix: [UInt8] = round % 3 == 0 ? [UInt8(round % 256)] : []
            let mac = key.withUnsafeBytes { PrekeyedHMAC(algorithm, key: $0) }
            var out = [UInt8](repeating: 0, count: algorithm.byteCount)
            message.withUnsafeBytes { m in
                suffix.withUnsafeBytes { s in out.withUnsafeMutableBytes { mac.authenticate(m, suffix: s, into: $0) } }
            }
            #expect(out == PrekeyedHMAC.oneShot(algorithm, key: key, message: message + suffix), "round \(round)")
            // Reuse gives the same answer.
            var again = [UInt8](repeating: 0, count: algorithm.byteCount)
            (message + suffix).withUnsafeBytes { m in again.withUnsafeMutableBytes { mac.authenticate(m, into: $0) } }
            #expect(again == out)
        }
    }

    private func blake(key: [UInt8], salt: [UInt8], message: [UInt8]) throws -> String {
        let mac = try key.withUnsafeBytes { try KeyedBLAKE2b(key: $0) }
        var out = [UInt8](repeating: 0, count: 64)
        try message.withUnsafeBytes { m in
            try salt.withUnsafeBytes { s in try out.withUnsafeMutableBytes { try mac.authenticate(m, salt: s, into: $0) } }
        }
        return out.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func blake2bMatchesPythonHashlib() throws {
        #expect(try blake(key: Array(0..<64), salt: Array("0".utf8), message: Array(" s".utf8))
                == "390f178c8e39e4380bc191aff6b2f87fd9c45304e9a8ae10154520f8e11167568bb5a1bbbb81fb985214c0a4d4f00b2288ac8da120241889fd6cffcd2031a529")
        #expect(try blake(key: [0], salt: Array("12".utf8), message: [])
                == "c05187bb9de690e204eeae790a16d24da6b601b0e65c04666f05dd8167734b999f9cf1b484f42ca6fd0fd043a35f6fc598c5622e4faac7d00cf781fc0c521a8e")
        #expect(try blake(key: [UInt8](repeating: 0x6B, count: 64), salt: [], message: Array("é".utf8))
                == "0dee742faa5ee3177c930f8d06a5354aab532268d0e855de809ef4693857251c672d1af35b00e9b49a203a7be3dcf9f8eefa965be0a01d56a1ed78c8b8bd3dac")
    }

    @Test func blake2bReusedWithNewSalts() throws {
        let key = Array<UInt8>(0..<64)
        let mac = try key.withUnsafeBytes { try KeyedBLAKE2b(key: $0) }
        var first = [UInt8](repeating: 0, count: 64)
        var second = [UInt8](repeating: 0, count: 64)
        let message = Array(" s".utf8)
        try message.withUnsafeBytes { m in
            try Array("1".utf8).withUnsafeBytes { s in try second.withUnsafeMutableBytes { try mac.authenticate(m, salt: s, into: $0) } }
            try Array("0".utf8).withUnsafeBytes { s in try first.withUnsafeMutableBytes { try mac.authenticate(m, salt: s, into: $0) } }
        }
        #expect(try blake(key: key, salt: Array("0".utf8), message: message) == first.map { String(format: $0) }.joined())
        #expect(first != second)
    }

    @Test func blake2bRefusesLongKeys() {
        #expect(throws: CryptoError.self) { try [UInt8](repeating: 1, count: 65).withUnsafeBytes { try KeyedBLAKE2b(key: $0) } }
    }
}

private extension String {
    init(format byte: UInt8) {
        let hex = String(byte, radix: 16)
        self = hex.count == 1 ? "0" + hex : hex
    }
}
