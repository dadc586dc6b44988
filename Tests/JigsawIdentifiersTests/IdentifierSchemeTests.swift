import Testing
@testable import JigsawIdentifiers

@Suite("IdentifierScheme")
struct IdentifierSchemeTests {
    @Test("well-formed domain names", arguments: ["nhs-number", "upn", "a", "council-child-id", "uln2", "0", "-", "a--b"])
    func validDomainNames(name: String) {
        #expect(IdentifierScheme.isValidDomainName(name))
    }

    @Test(
        "malformed domain names",
        arguments: ["", "NHS-number", "Upn", "nhs_number", "nhs number", "nhs:number", " upn", "upn ", "upn\n", "caf\u{E9}",
                    "nhs\u{2011}number", "a.b", "a/b"])
    func invalidDomainNames(name: String) {
        #expect(!IdentifierScheme.isValidDomainName(name))
    }

    @Test("domain names select the scheme")
    func schemeForDomain() {
        #expect(IdentifierScheme(domain: "nhs-number") == .nhsNumber)
        #expect(IdentifierScheme(domain: "upn") == .upn)
        #expect(IdentifierScheme(domain: "uln") == .opaque)
        #expect(IdentifierScheme(domain: "NHS-number") == .opaque)
        #expect(IdentifierScheme(domain: "") == .opaque)
    }

    @Test("possible reasons per scheme")
    func possibleReasons() {
        #expect(Set(IdentifierScheme.nhsNumber.possibleReasons) == [.badLength, .badCharacters, .placeholder, .checkDigit])
        #expect(Set(IdentifierScheme.upn.possibleReasons) == [.badLength, .badCharacters, .checkLetter])
        #expect(IdentifierScheme.opaque.possibleReasons.isEmpty)
    }
}

@Suite("OpaqueIdentifier")
struct OpaqueIdentifierTests {
    static let cases: [IdentifierCase] = [
        IdentifierCase("plain", "C-1234", .valid(length: 6, temporary: false), canonical: "C-1234"),
        IdentifierCase("surrounding spaces and tabs", " \t C-1234\t  ", .valid(length: 6, temporary: false), canonical: "C-1234"),
        IdentifierCase("inner spaces kept", "  a b\tc ", .valid(length: 5, temporary: false), canonical: "a b\tc"),
        IdentifierCase("line feed is not trimmed", "x\n", .valid(length: 2, temporary: false), canonical: "x\n"),
        IdentifierCase("no-break space is not trimmed", "\u{A0}x", .valid(length: 3, temporary: false), canonical: "\u{A0}x"),
        IdentifierCase("non-ASCII kept byte for byte", " caf\u{E9} ", .valid(length: 5, temporary: false), canonical: "caf\u{E9}"),
        IdentifierCase("empty", "", .blank),
        IdentifierCase("spaces and tabs only", " \t\t ", .blank),
    ]

    @Test("trims spaces and tabs only", arguments: cases)
    func canonicalise(_ testCase: IdentifierCase) {
        let ok = testCase.holdsAtByteLevel(OpaqueIdentifier.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("the scheme dispatches to the opaque rules", arguments: cases)
    func throughScheme(_ testCase: IdentifierCase) {
        let ok = testCase.holdsAtByteLevel(IdentifierScheme.opaque.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("bytes that are not UTF-8 are copied unchanged")
    func invalidUTF8() {
        let raw: [UInt8] = [0x20, 0xFF, 0xC3, 0x09]
        var output = [UInt8](repeating: 0, count: raw.count)
        let check = raw.withUnsafeBytes { r in output.withUnsafeMutableBytes { OpaqueIdentifier.canonicalise(r, into: $0) } }
        #expect(check == .valid(length: 2, temporary: false))
        #expect(output[0..<2] == [0xFF, 0xC3])
    }
}

@Suite("InvalidIdentifierReason")
struct InvalidIdentifierReasonTests {
    @Test("raw values are the stable report names")
    func rawValues() {
        #expect(InvalidIdentifierReason.allCases.map(\.rawValue)
            == ["bad-length", "bad-characters", "check-digit", "check-letter", "placeholder"])
    }

    @Test("ordering follows declaration order")
    func ordering() {
        #expect(InvalidIdentifierReason.allCases.sorted() == InvalidIdentifierReason.allCases)
        #expect(InvalidIdentifierReason.badLength < .placeholder)
        #expect(!(InvalidIdentifierReason.checkDigit < .checkDigit))
    }

    @Test("every reason has a distinct phrase")
    func phrases() {
        let phrases = InvalidIdentifierReason.allCases.map(\.phrase)
        #expect(Set(phrases).count == phrases.count)
        #expect(phrases.allSatisfy { !$0.isEmpty })
    }
}
