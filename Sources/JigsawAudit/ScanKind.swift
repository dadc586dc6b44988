/// A kind of raw identifier that ``LeakScanner`` looks for.
///
/// Six kinds are found from the values themselves, wherever they appear; two (``name`` and ``address``)
/// are found from a CSV column's header, because no pattern can tell a name from any other word.
public enum ScanKind: String, CaseIterable, Sendable, Comparable, Codable {
    /// A valid NHS number: ten digits, or `ddd ddd dddd` / `ddd-ddd-dddd`, whose modulus-11 check digit
    /// holds (one digit repeated ten times is a placeholder, not reported).
    case nhsNumber = "nhs-number"
    /// A valid Unique Pupil Number: a check letter, eleven digits and a final digit or letter (temporary),
    /// in either case, whose check letter holds.
    case upn = "upn"
    /// A UK postcode, with or without the space between its outward and inward codes, all in capitals or
    /// all in small letters (inward letters never C, I, K, M, O or V; `ZZ99` pseudo-postcodes not reported).
    case postcode = "postcode"
    /// A real calendar date, not after the reference date and not more than 120 years before it: a possible
    /// date of birth. Written `2015-03-04` (or with `/` or `.`, maybe followed by `T` and a time),
    /// `04/03/2015` (or `-` or `.`, one- or two-digit day and month, day first or else month first),
    /// `4 March 2015`, `04-MAR-2015`, `3rd Sept 2015`; or `20150304` in a column whose header says dates.
    case date = "date"
    /// An e-mail address: `local@domain.tld`.
    case email = "email"
    /// A UK telephone number: `+44` or `0`, then ten digits whose first is not 0, with single spaces or
    /// hyphens between digits and an optional bracketed area code or `(0)`, such as `020 7946 0000`,
    /// `(020) 7946 0000`, `+44 (0)20 7946 0000` or `07700 900123`.
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
