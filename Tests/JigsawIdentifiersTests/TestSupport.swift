import Testing
@testable import JigsawIdentifiers

/// A small seeded generator (SplitMix64), so every random test is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One table-driven identifier case. Its printed description is the label only, never the value, so no
/// identifier reaches a test name, a log or a failure message.
struct IdentifierCase: CustomTestStringConvertible, Sendable {
    var label: String
    var input: String
    var expected: IdentifierCheck
    /// The canonical form expected when `expected` is valid.
    var canonical: String?

    var testDescription: String { label }

    init(_ label: String, _ input: String, _ expected: IdentifierCheck, canonical: String? = nil) {
        self.label = label
        self.input = input
        self.expected = expected
        self.canonical = canonical
    }

    /// Runs `canonicalise` and compares with the expectation, without exposing the value.
    func holds(_ canonicalise: (String) -> (canonical: String?, check: IdentifierCheck)) -> Bool {
        let result = canonicalise(input)
        return result.check == expected && result.canonical == canonical
    }

    /// Runs a byte-level canonicaliser with an output buffer pre-filled with a sentinel, and checks that
    /// the canonical form is written on success and nothing is written otherwise.
    func holdsAtByteLevel(
        _ canonicalise: (UnsafeRawBufferPointer, UnsafeMutableRawBufferPointer) -> IdentifierCheck
    ) -> Bool {
        let raw = Array(input.utf8)
        var output = [UInt8](repeating: 0xA5, count: max(raw.count, 13))
        let check = raw.withUnsafeBytes { r in output.withUnsafeMutableBytes { canonicalise(r, $0) } }
        guard check == expected else { return false }
        if case .valid(let length, _) = check {
            return canonical.map { Array($0.utf8) } == Array(output[0..<length])
        }
        return output.allSatisfy { $0 == 0xA5 }
    }
}

/// The NHS modulus-11 check digit, computed independently of the code under test: weights 10 to 2 on the
/// first nine digits, 11 means 0, and `nil` for 10 (no valid number).
func referenceNHSCheckDigit(_ firstNine: [Int]) -> Int? {
    precondition(firstNine.count == 9)
    var total = 0
    for (index, digit) in firstNine.enumerated() { total += digit * (10 - index) }
    let check = (11 - total % 11) % 11
    return check == 10 ? nil : check
}

/// The UPN check alphabet, written out again here rather than taken from the code under test.
let referenceUPNAlphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

/// The UPN check letter for characters 2–13, computed independently of the code under test.
func referenceUPNCheckLetter(_ body: String) -> Character {
    let characters = Array(body)
    precondition(characters.count == 12)
    var total = 0
    for (offset, character) in characters.enumerated() {
        let value = character.wholeNumberValue ?? referenceUPNAlphabet.firstIndex(of: character)!
        total += value * (offset + 2)
    }
    return referenceUPNAlphabet[total % 23]
}
