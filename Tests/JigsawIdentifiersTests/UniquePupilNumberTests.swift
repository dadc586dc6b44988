import Testing
@testable import JigsawIdentifiers

@Suite("UniquePupilNumber")
struct UniquePupilNumberTests {
    private static let permanent = IdentifierCheck.valid(length: 13, temporary: false)
    private static let temporary = IdentifierCheck.valid(length: 13, temporary: true)

    /// Synthetic values whose check letters were computed with the spec's reference implementation.
    static let cases: [IdentifierCase] = [
        IdentifierCase("permanent", "Q999000000011", permanent, canonical: "Q999000000011"),
        IdentifierCase("another permanent", "R999123456780", permanent, canonical: "R999123456780"),
        IdentifierCase("temporary", "B99900000001A", temporary, canonical: "B99900000001A"),
        IdentifierCase("temporary ending in the last letter", "A99900000002Z", temporary, canonical: "A99900000002Z"),
        IdentifierCase("permanent in lower case", "q999000000011", permanent, canonical: "Q999000000011"),
        IdentifierCase("temporary in lower case", "u99912345678k", temporary, canonical: "U99912345678K"),
        IdentifierCase("temporary in mixed case", "b99900000001A", temporary, canonical: "B99900000001A"),
        IdentifierCase("surrounding spaces", "  R999000000029 ", permanent, canonical: "R999000000029"),
        IdentifierCase("surrounding tabs and spaces", "\t R999000000029\t", permanent, canonical: "R999000000029"),

        IdentifierCase("wrong check letter", "R999000000011", .invalid(.checkLetter)),
        IdentifierCase("wrong check letter, temporary", "C99900000001A", .invalid(.checkLetter)),
        IdentifierCase("wrong final digit", "Q999000000012", .invalid(.checkLetter)),
        IdentifierCase("final letter I", "B99900000001I", .invalid(.badCharacters)),
        IdentifierCase("final letter O", "B99900000001O", .invalid(.badCharacters)),
        IdentifierCase("final letter S", "B99900000001S", .invalid(.badCharacters)),
        IdentifierCase("final letter s in lower case", "B99900000001s", .invalid(.badCharacters)),
        IdentifierCase("first letter I", "I999000000011", .invalid(.badCharacters)),
        IdentifierCase("first letter O", "O999000000011", .invalid(.badCharacters)),
        IdentifierCase("first letter S", "S999000000011", .invalid(.badCharacters)),
        IdentifierCase("first character a digit", "9999000000011", .invalid(.badCharacters)),
        IdentifierCase("a letter among the digits", "Q9990000A0011", .invalid(.badCharacters)),

        IdentifierCase("twelve characters", "Q99900000001", .invalid(.badLength)),
        IdentifierCase("fourteen characters", "Q9990000000111", .invalid(.badLength)),
        IdentifierCase("one letter", "Q", .invalid(.badLength)),

        IdentifierCase("accented letter", "\u{C9}999000000011", .invalid(.badCharacters)),
        IdentifierCase("fullwidth digit", "Q99900000001\u{FF11}", .invalid(.badCharacters)),
        IdentifierCase("Arabic-Indic digit", "Q99900000001\u{661}", .invalid(.badCharacters)),
        IdentifierCase("inner space", "Q999000 000011", .invalid(.badCharacters)),
        IdentifierCase("hyphen", "Q999-000000011", .invalid(.badCharacters)),
        IdentifierCase("surrounding no-break spaces", "\u{A0}Q999000000011\u{A0}", .invalid(.badCharacters)),

        IdentifierCase("empty", "", .blank),
        IdentifierCase("spaces only", "   ", .blank),
        IdentifierCase("spaces and tabs", "\t \t", .blank),
    ]

    @Test("canonical form and reason", arguments: cases)
    func canonicalise(_ testCase: IdentifierCase) {
        let ok = testCase.holds(UniquePupilNumber.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("byte-level canonicalise writes output only when valid", arguments: cases)
    func canonicaliseBytes(_ testCase: IdentifierCase) {
        let ok = testCase.holdsAtByteLevel(UniquePupilNumber.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("the scheme dispatches to the UPN rules", arguments: cases)
    func throughScheme(_ testCase: IdentifierCase) {
        let ok = testCase.holdsAtByteLevel(IdentifierScheme.upn.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("the check alphabet is A–Z without I, O and S")
    func checkAlphabet() {
        #expect(UniquePupilNumber.checkAlphabet.count == 23)
        #expect(String(decoding: UniquePupilNumber.checkAlphabet, as: UTF8.self) == String(referenceUPNAlphabet))
        #expect(UniquePupilNumber.canonicalLength == 13)
    }

    @Test("for 5,000 random bodies exactly the computed check letter validates")
    func checkLetterProperty() {
        var rng = SeededGenerator(seed: 0x5550_4E00_2002)
        let lastChoices = Array("0123456789") + referenceUPNAlphabet
        var failures = 0
        for trial in 0..<5_000 {
            let digits = (0..<11).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }
            let last = lastChoices.randomElement(using: &rng)!
            let body = String(digits) + String(last)
            let expectedLetter = referenceUPNCheckLetter(body)
            let isTemporary = !last.isNumber
            for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
                // Alternate the case of the input; the canonical form is always upper case.
                let written = trial % 2 == 0 ? String(first) + body : (String(first) + body).lowercased()
                let result = UniquePupilNumber.canonicalise(written)
                let expected: IdentifierCheck
                if first == expectedLetter {
                    expected = .valid(length: 13, temporary: isTemporary)
                } else if "IOS".contains(first) {
                    expected = .invalid(.badCharacters)
                } else {
                    expected = .invalid(.checkLetter)
                }
                if result.check != expected { failures += 1 }
                if first == expectedLetter, result.canonical != String(first) + body { failures += 1 }
            }
        }
        #expect(failures == 0)
    }
}
