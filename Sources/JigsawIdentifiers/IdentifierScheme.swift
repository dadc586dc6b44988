/// How the values of a tokenised column are checked and canonicalised.
public enum IdentifierScheme: Sendable, Equatable, Hashable {
    /// NHS numbers (domain `nhs-number`).
    case nhsNumber
    /// Unique Pupil Numbers (domain `upn`).
    case upn
    /// Any other domain: trimmed opaque strings.
    case opaque

    /// The scheme for a token domain name: `nhs-number` and `upn` are validated, every other domain is opaque.
    /// - Parameter domain: a domain name such as `nhs-number`.
    public init(domain: String) {
        switch domain {
        case "nhs-number": self = .nhsNumber
        case "upn": self = .upn
        default: self = .opaque
        }
    }

    /// Whether a domain name is well formed: one or more of `a-z`, `0-9` and `-`.
    /// - Parameter domain: the candidate name.
    /// - Returns: `true` when the name may be used as a token domain.
    public static func isValidDomainName(_ domain: String) -> Bool {
        !domain.isEmpty && domain.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Checks and canonicalises one value.
    /// - Parameters:
    ///   - raw: the value as read.
    ///   - output: at least `max(raw.count, 13)` writable bytes.
    /// - Returns: the outcome; on `.valid(length:…)` the canonical form is in `output[0..<length]`.
    /// - Complexity: O(*n*); no allocation.
    public func canonicalise(_ raw: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> IdentifierCheck {
        switch self {
        case .nhsNumber: NHSNumber.canonicalise(raw, into: output)
        case .upn: UniquePupilNumber.canonicalise(raw, into: output)
        case .opaque: OpaqueIdentifier.canonicalise(raw, into: output)
        }
    }

    /// The reasons a value of this scheme can be invalid, for reports that list every reason.
    public var possibleReasons: [InvalidIdentifierReason] {
        switch self {
        case .nhsNumber: [.badLength, .badCharacters, .placeholder, .checkDigit]
        case .upn: [.badLength, .badCharacters, .checkLetter]
        case .opaque: []
        }
    }
}
