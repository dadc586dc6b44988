/// Why an identifier value was rejected. Carries no part of the value, so it is safe to count, log and report.
public enum InvalidIdentifierReason: String, CaseIterable, Sendable, Comparable {
    /// The value has the wrong number of characters for its scheme.
    case badLength = "bad-length"
    /// The value holds a character its scheme does not allow (a letter, a non-ASCII digit, a misplaced separator).
    case badCharacters = "bad-characters"
    /// An NHS number whose modulus-11 check digit does not hold.
    case checkDigit = "check-digit"
    /// A UPN whose check letter does not match its digits.
    case checkLetter = "check-letter"
    /// A placeholder that passes the check digit but means "unknown" (an NHS number of one digit repeated).
    case placeholder = "placeholder"

    /// Orders reasons by declaration, for stable reports.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// A short phrase for people, e.g. "check digit fails".
    public var phrase: String {
        switch self {
        case .badLength: "wrong length"
        case .badCharacters: "characters not allowed"
        case .checkDigit: "check digit fails"
        case .checkLetter: "check letter fails"
        case .placeholder: "placeholder (one digit repeated)"
        }
    }
}

/// The outcome of checking one identifier value.
public enum IdentifierCheck: Equatable, Sendable {
    /// Valid; the canonical form has `length` bytes. `temporary` marks a temporary UPN.
    case valid(length: Int, temporary: Bool)
    /// Empty once surrounding spaces and tabs are removed.
    case blank
    /// Present but invalid, for `reason`.
    case invalid(InvalidIdentifierReason)
}

/// Helpers shared by the identifier schemes.
package enum ASCII {
    package static let space: UInt8 = 0x20
    package static let tab: UInt8 = 0x09
    package static let zero: UInt8 = 0x30
    package static let nine: UInt8 = 0x39

    /// The range of `bytes` without leading and trailing spaces and tabs.
    @inline(__always)
    package static func trimmedRange(_ bytes: UnsafeRawBufferPointer) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        return start..<end
    }

    @inline(__always)
    package static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }
}
