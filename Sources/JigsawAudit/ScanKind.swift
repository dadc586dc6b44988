/// A kind of raw identifier that ``LeakScanner`` looks for.
///
/// Six kinds are found from the values themselves, wherever they appear; two (``name`` and ``address``)
/// are found from a CSV column's header, because no pattern can tell a name from any other word.
public enum ScanKind: String, CaseIterable, Sendable, Comparable, Codable {
    /// A valid NHS number: ten digits, or 3-3-4 separated by spaces or hyphens, whose modulus-11 check
    /// digit holds.
    case nhsNumber = "nhs-number"
    /// A valid Unique Pupil Number: a check letter, eleven digits and a final digit or letter.
    case upn = "upn"
    /// A UK postcode, with or without the space between its outward and inward codes.
    case postcode = "postcode"
    /// A real calendar date, not in the future and not more than 120 years back: a possible date of birth.
    case date = "date"
    /// An e-mail address.
    case email = "email"
    /// A UK telephone number: `+44` or `0`, then ten digits.
    case phone = "phone"
    /// A value in a column whose header says it holds names (forename, surname, full name and so on).
    case name = "name"
    /// A value in a column whose header says it holds addresses.
    case address = "address"

    /// Whether the kind is found from a column's header rather than from the values.
    public var isFromHeader: Bool { self == .name || self == .address }

    /// A short phrase for people, such as "NHS numbers".
    public var phrase: String {
        switch self {
        case .nhsNumber: "NHS numbers"
        case .upn: "UPNs"
        case .postcode: "postcodes"
        case .date: "dates that could be dates of birth"
        case .email: "e-mail addresses"
        case .phone: "UK telephone numbers"
        case .name: "values in a name column"
        case .address: "values in an address column"
        }
    }

    /// Orders kinds by declaration, for stable reports.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }

    /// The kind's 0-based position in ``allCases``.
    var position: Int {
        switch self {
        case .nhsNumber: 0
        case .upn: 1
        case .postcode: 2
        case .date: 3
        case .email: 4
        case .phone: 5
        case .name: 6
        case .address: 7
        }
    }

    /// The number of kinds.
    static let count = 8
}
