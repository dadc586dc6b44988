import Testing
@testable import JigsawIdentifiers

@Suite("NHSNumber")
struct NHSNumberTests {
    private static let valid = IdentifierCheck.valid(length: 10, temporary: false)

    /// Synthetic numbers from the NHS test range 999 000 0000–999 999 9999.
    static let cases: [IdentifierCase] = [
        // Accepted written forms.
        IdentifierCase("plain ten digits", "9990000018", valid, canonical: "9990000018"),
        IdentifierCase("spaced form", "999 000 0026", valid, canonical: "9990000026"),
        IdentifierCase("hyphenated form", "999-000-0034", valid, canonical: "9990000034"),
        IdentifierCase("surrounding spaces", "  9990000042   ", valid, canonical: "9990000042"),
        IdentifierCase("surrounding tabs", "\t9990000050\t\t", valid, canonical: "9990000050"),
        IdentifierCase("surrounding spaces and tabs", " \t 999 000 0069\t ", valid, canonical: "9990000069"),
        IdentifierCase("hyphenated with surrounding tab", "\t999-000-0077 ", valid, canonical: "9990000077"),
        IdentifierCase("check digit 0 from remainder 11", "9990000085", valid, canonical: "9990000085"),

        // Separators.
        IdentifierCase("space then hyphen", "999 000-0018", .invalid(.badCharacters)),
        IdentifierCase("hyphen then space", "999-000 0018", .invalid(.badCharacters)),
        IdentifierCase("tabs as separators", "999\t000\t0018", .invalid(.badCharacters)),
        IdentifierCase("separators in the wrong places", "9990 000 018", .invalid(.badCharacters)),
        IdentifierCase("one separator only", "999 0000018", .invalid(.badCharacters)),
        IdentifierCase("doubled separators", "999  000  0018", .invalid(.badCharacters)),
        IdentifierCase("dots as separators", "999.000.0018", .invalid(.badCharacters)),
        IdentifierCase("slashes as separators", "999/000/0018", .invalid(.badCharacters)),
        IdentifierCase("spaced form with a digit missing", "999 000 001", .invalid(.badCharacters)),

        // Lengths.
        IdentifierCase("nine digits", "999000001", .invalid(.badLength)),
        IdentifierCase("eleven digits", "99900000180", .invalid(.badLength)),
        IdentifierCase("twelve digits", "999000001800", .invalid(.badLength)),
        IdentifierCase("one digit", "7", .invalid(.badLength)),
        IdentifierCase("twenty digits", "99900000189990000018", .invalid(.badLength)),

        // Characters.
        IdentifierCase("a letter in place of a digit", "99900000A8", .invalid(.badCharacters)),
        IdentifierCase("letter O for zero", "999O000018", .invalid(.badCharacters)),
        IdentifierCase("all letters", "abcdefghij", .invalid(.badCharacters)),
        IdentifierCase("Arabic-Indic digits", "\u{669}\u{669}\u{669}\u{660}\u{660}\u{660}\u{660}\u{660}\u{661}\u{668}",
                       .invalid(.badCharacters)),
        IdentifierCase("extended Arabic-Indic digits", "\u{6F9}\u{6F9}\u{6F9}\u{6F0}\u{6F0}\u{6F0}\u{6F0}\u{6F0}\u{6F1}\u{6F8}",
                       .invalid(.badCharacters)),
        IdentifierCase("fullwidth digits", "\u{FF19}\u{FF19}\u{FF19}\u{FF10}\u{FF10}\u{FF10}\u{FF10}\u{FF10}\u{FF11}\u{FF18}",
                       .invalid(.badCharacters)),
        IdentifierCase("one fullwidth digit among ASCII", "99900000\u{FF11}8", .invalid(.badCharacters)),
        IdentifierCase("surrounding no-break spaces", "\u{A0}9990000018\u{A0}", .invalid(.badCharacters)),
        IdentifierCase("trailing line feed", "9990000018\n", .invalid(.badCharacters)),
        IdentifierCase("leading plus sign", "+9990000018", .invalid(.badCharacters)),

        // Check digit.
        IdentifierCase("wrong check digit", "9990000019", .invalid(.checkDigit)),
        IdentifierCase("wrong check digit, spaced", "999 000 0027", .invalid(.checkDigit)),
        IdentifierCase("remainder 10 with final 0", "9990000000", .invalid(.checkDigit)),
        IdentifierCase("remainder 10 with final 1", "9990000141", .invalid(.checkDigit)),
        IdentifierCase("remainder 10 with final 9", "9990000289", .invalid(.checkDigit)),

        // Blank.
        IdentifierCase("empty", "", .blank),
        IdentifierCase("spaces only", "     ", .blank),
        IdentifierCase("tabs only", "\t\t", .blank),
        IdentifierCase("spaces and tabs", " \t \t ", .blank),
    ]

    @Test("canonical form and reason", arguments: cases)
    func canonicalise(_ testCase: IdentifierCase) {
        let ok = testCase.holds(NHSNumber.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("byte-level canonicalise writes output only when valid", arguments: cases)
    func canonicaliseBytes(_ testCase: IdentifierCase) {
        let ok = testCase.holdsAtByteLevel(NHSNumber.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("the scheme dispatches to the NHS rules", arguments: cases)
    func throughScheme(_ testCase: IdentifierCase) {
        let ok = testCase.holdsAtByteLevel(IdentifierScheme.nhsNumber.canonicalise)
        #expect(ok, "case \(testCase.label)")
    }

    @Test("one digit repeated ten times is a placeholder, although it passes modulus 11", arguments: 0...9)
    func placeholders(digit: Int) {
        let digits = [Int](repeating: digit, count: 10)
        // The premise: every such number passes the check digit, so only the placeholder rule rejects it.
        #expect(referenceNHSCheckDigit(Array(digits.prefix(9))) == digit)
        let plain = String(repeating: Character(String(digit)), count: 10)
        let spaced = "\(plain.prefix(3)) \(plain.dropFirst(3).prefix(3)) \(plain.suffix(4))"
        let hyphenated = String(spaced.map { $0 == " " ? "-" : $0 })
        for written in [plain, spaced, hyphenated, " \(plain)\t"] {
            let result = NHSNumber.canonicalise(written)
            let ok = result.check == .invalid(.placeholder) && result.canonical == nil
            #expect(ok, "placeholder of digit \(digit)")
        }
    }

    @Test("for 10,000 random nine-digit prefixes exactly the modulus-11 check digit validates")
    func checkDigitProperty() {
        var rng = SeededGenerator(seed: 0x4E48_5331_1001)
        var failures = 0
        var validCount = 0
        var output = [UInt8](repeating: 0, count: 16)
        for _ in 0..<10_000 {
            let prefix = (0..<9).map { _ in Int.random(in: 0...9, using: &rng) }
            let expectedCheck = referenceNHSCheckDigit(prefix)
            let allSame = Set(prefix).count == 1
            for last in 0...9 {
                let digits = prefix + [last]
                let raw = digits.map { UInt8(0x30 + $0) }
                let check = raw.withUnsafeBytes { r in output.withUnsafeMutableBytes { NHSNumber.canonicalise(r, into: $0) } }
                let expected: IdentifierCheck
                if allSame && last == prefix[0] {
                    expected = .invalid(.placeholder)
                } else if last == expectedCheck {
                    expected = .valid(length: 10, temporary: false)
                } else {
                    expected = .invalid(.checkDigit)
                }
                if check != expected { failures += 1 }
                if case .valid = check {
                    validCount += 1
                    if Array(output[0..<10]) != raw { failures += 1 }
                }
            }
        }
        #expect(failures == 0)
        // About 10 in 11 prefixes have a check digit; a sanity bound, not a timing or statistics test.
        #expect(validCount > 8_000 && validCount < 10_000)
    }

    @Test("canonical length")
    func canonicalLength() {
        #expect(NHSNumber.canonicalLength == 10)
    }
}
