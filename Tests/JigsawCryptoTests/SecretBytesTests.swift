import Foundation
import Testing
@testable import JigsawCrypto

struct BodyFailure: Error, Equatable {}

@Suite("SecretBytes")
struct SecretBytesTests {
    /// The spec's example secret, bytes 0x00…0x1f.
    private static let exampleBytes: [UInt8] = Array(0x00...0x1F)

    /// Every way a secret can reach text: interpolation, description, reflection and `dump`.
    private static func renderings(of secret: SecretBytes) -> [String] {
        var dumped = ""
        dump(secret, to: &dumped)
        return [
            "\(secret)", secret.description, secret.debugDescription, String(describing: secret),
            String(reflecting: secret), "\([secret])", dumped,
        ]
    }

    @Test("description and debugDescription are redacted")
    func redactedDescription() {
        let secret = SecretBytes(Self.exampleBytes)
        #expect(secret.description == "SecretBytes(32 bytes, redacted)")
        #expect(secret.debugDescription == secret.description)
    }

    @Test("no rendering contains the secret as hex, upper-case hex, base64 or text")
    func noRenderingLeaks() {
        let secret = SecretBytes(Self.exampleBytes)
        let hex = Self.exampleBytes.hex
        let forbidden = [
            hex, hex.uppercased(), Data(Self.exampleBytes).base64EncodedString(),
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
        ]
        for text in Self.renderings(of: secret) {
            let leaks = forbidden.contains { text.contains($0) }
            #expect(!leaks)
        }

        let phrase = "correct horse battery staple"
        let textual = SecretBytes(Array(phrase.utf8))
        let base64 = Data(phrase.utf8).base64EncodedString()
        for text in Self.renderings(of: textual) {
            let leaks = text.contains(phrase) || text.contains(base64) || text.contains(Array(phrase.utf8).hex)
            #expect(!leaks)
        }
    }

    @Test("holds exactly the bytes it was given")
    func holdsBytes() {
        let secret = SecretBytes(Self.exampleBytes)
        #expect(secret.count == 32)
        #expect(secret.withUnsafeBytes { Array($0) } == Self.exampleBytes)

        let fromSlice = SecretBytes(Self.exampleBytes[4..<8])
        #expect(fromSlice.withUnsafeBytes { Array($0) } == [4, 5, 6, 7])

        let empty = SecretBytes([UInt8]())
        #expect(empty.count == 0)
        #expect(empty.withUnsafeBytes { $0.count } == 0)
    }

    @Test("the initialiser with a body fills the secret")
    func initialiserWithBody() {
        let filled = SecretBytes(count: 4) { (buffer: UnsafeMutableRawBufferPointer) in
            for i in 0..<buffer.count { buffer[i] = UInt8(0xA0 + i) }
        }
        #expect(filled.count == 4)
        #expect(filled.withUnsafeBytes { Array($0) } == [0xA0, 0xA1, 0xA2, 0xA3])
    }

    /// Runs in a child process: freeing the storage twice corrupts the heap and would end the whole test run.
    @Test("the initialiser rethrows the body's typed error and frees its storage exactly once")
    func initialiserWithThrowingBody() async {
        await #expect(processExitsWith: .success) {
            for _ in 0..<1_000 {
                do throws(BodyFailure) {
                    _ = try SecretBytes(count: 16) { (_: UnsafeMutableRawBufferPointer) throws(BodyFailure) in
                        throw BodyFailure()
                    }
                    preconditionFailure("the body's error was not rethrown")
                } catch {
                    precondition(error == BodyFailure())
                }
                // Allocations of the same size reuse what the failed initialiser freed; a block freed twice
                // is handed out twice.
                let a = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
                let b = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
                precondition(a != b, "one heap block handed out twice")
                a.deallocate()
                b.deallocate()
            }
        }
    }

    @Test("constantTimeEquals compares contents, not identity")
    func constantTimeEquals() {
        let a = SecretBytes(Self.exampleBytes)
        let b = SecretBytes(Self.exampleBytes)
        var changed = Self.exampleBytes
        changed[31] ^= 0x01
        var changedFirst = Self.exampleBytes
        changedFirst[0] ^= 0x80
        #expect(a.constantTimeEquals(b))
        #expect(a.constantTimeEquals(a))
        #expect(!a.constantTimeEquals(SecretBytes(changed)))
        #expect(!a.constantTimeEquals(SecretBytes(changedFirst)))
        #expect(!a.constantTimeEquals(SecretBytes(Self.exampleBytes.dropLast())))
        #expect(!SecretBytes(Self.exampleBytes.dropLast()).constantTimeEquals(a))
        #expect(SecretBytes([UInt8]()).constantTimeEquals(SecretBytes([UInt8]())))
        #expect(!SecretBytes([UInt8]()).constantTimeEquals(a))
    }
}

@Suite("SecureRandom")
struct SecureRandomTests {
    @Test("32-byte secrets are distinct and of the requested length")
    func distinctSecrets() throws {
        var seen = Set<[UInt8]>()
        for _ in 0..<100 {
            let secret = try SecureRandom.secret(count: 32)
            #expect(secret.count == 32)
            seen.insert(secret.withUnsafeBytes { Array($0) })
        }
        #expect(seen.count == 100)
        // 32 zero bytes would mean the buffer was never filled.
        #expect(!seen.contains([UInt8](repeating: 0, count: 32)))
    }

    @Test("lengths other than 32, including zero", arguments: [0, 1, 16, 64, 1000])
    func otherLengths(count: Int) throws {
        let secret = try SecureRandom.secret(count: count)
        #expect(secret.count == count)
        #expect(secret.withUnsafeBytes { $0.count } == count)
    }
}

@Suite("CryptoError")
struct CryptoErrorTests {
    @Test("description is code then message", arguments: [
        (CryptoError.Code.keyDerivation, "crypto.kdf"), (.mac, "crypto.mac"), (.digest, "crypto.digest"),
        (.random, "crypto.random"), (.invalidArgument, "crypto.invalid-argument"),
    ])
    func description(code: CryptoError.Code, rawValue: String) {
        let error = CryptoError(code, "something failed")
        #expect(code.rawValue == rawValue)
        #expect(error.description == "\(rawValue): something failed")
    }
}
