/// Normalises dates of birth to `YYYY-MM-DD` from one declared source format.
///
/// The format is declared, never guessed: UK sources write the day first, and a value in any other shape
/// — the other order of day and month, one-digit days or months, a time after the date, other separators,
/// non-ASCII digits — is ``NormalisationFailure/badFormat``. Only leading and trailing spaces and tabs are
/// removed first.
///
/// A field outside its range (a month other than 01–12, a day other than 01–31, year 0000) also means
/// the value is not in the declared format, most often because day and month are the other way round,
/// so it too is ``NormalisationFailure/badFormat``. A day past the end of its month, such as 31 April or
/// 29 February in a common year, is ``NormalisationFailure/impossibleDate`` (Gregorian leap years). A
/// date after `today` is ``NormalisationFailure/futureDate``; `today` itself is accepted.
///
/// `1900-01-01` and `1901-01-01` are common placeholders; by default they are
/// ``MissingReason/placeholder``. Encode the year, month and day as separate tokens (see
/// ``parts(of:)``) so that a transposed day and month still partly match.
public struct DateOfBirthNormaliser: Sendable {
    /// The written forms a source may declare. The raw value spells the layout.
    public enum SourceFormat: String, Sendable, CaseIterable {
        /// ISO 8601 calendar date, `yyyy-mm-dd`.
        case iso = "yyyy-mm-dd"
        /// Day first with slashes, `dd/mm/yyyy`.
        case dayFirstSlash = "dd/mm/yyyy"
        /// Day first with hyphens, `dd-mm-yyyy`.
        case dayFirstDash = "dd-mm-yyyy"
        /// Eight digits, `yyyymmdd`.
        case compact = "yyyymmdd"
        /// Day first with a two-digit year, `dd/mm/yy`; needs a pivot year.
        case dayFirstTwoDigitYear = "dd/mm/yy"
    }

    private let layout: [UInt8]
    private let pivot: Int?
    private let today: (year: Int, month: Int, day: Int)
    private let placeholdersAreMissing: Bool

    /// Creates a normaliser for one source's declared format.
    /// - Parameters:
    ///   - format: the written form every value of the source has.
    ///   - pivotYear: required for ``SourceFormat/dayFirstTwoDigitYear`` and ignored otherwise. Only its
    ///     last two digits, `p = pivotYear mod 100`, matter: a two-digit year `yy` below `p` means `20yy`,
    ///     and one at or above `p` means `19yy`. With a pivot of 2025, `00`–`24` are 2000–2024 and `25`–`99`
    ///     are 1925–1999. Without a pivot every two-digit-year value is ``NormalisationFailure/badFormat``.
    ///   - today: the latest date accepted; later dates are ``NormalisationFailure/futureDate``. Pass it in
    ///     so that results do not depend on when they are computed.
    ///   - placeholdersAreMissing: whether `1900-01-01` and `1901-01-01` are
    ///     ``MissingReason/placeholder`` (the default) or values.
    public init(
        format: SourceFormat,
        pivotYear: Int? = nil,
        today: (year: Int, month: Int, day: Int),
        placeholdersAreMissing: Bool = true
    ) {
        self.layout = Array(format.rawValue.utf8)
        self.pivot = pivotYear.map { ($0 % 100 + 100) % 100 }
        self.today = today
        self.placeholdersAreMissing = placeholdersAreMissing
    }

    /// Normalises one date of birth.
    /// - Parameter raw: the value as read.
    /// - Returns: `.value` with the canonical `YYYY-MM-DD`; `.missing(.blank)` when only spaces and tabs
    ///   are present; `.missing(.placeholder)` for a placeholder date; otherwise `.invalid` with
    ///   `.badFormat`, `.impossibleDate` or `.futureDate`.
    /// - Complexity: O(*n*) in the value's length.
    public func normalise(_ raw: String) -> NormalisedValue {
        withContiguousUTF8(raw) { bytes in
            let range = ASCII.trimmedRange(bytes)
            if range.isEmpty { return .missing(.blank) }
            guard range.count == layout.count else { return .invalid(.badFormat) }
            var year = 0
            var month = 0
            var day = 0
            var yearDigits = 0
            for (offset, expected) in layout.enumerated() {
                let byte = bytes[range.lowerBound + offset]
                switch expected {
                case UInt8(ascii: "y"), UInt8(ascii: "m"), UInt8(ascii: "d"):
                    guard ASCII.isDigit(byte) else { return .invalid(.badFormat) }
                    let digit = Int(byte &- ASCII.zero)
                    if expected == UInt8(ascii: "y") {
                        year = year * 10 + digit
                        yearDigits += 1
                    } else if expected == UInt8(ascii: "m") {
                        month = month * 10 + digit
                    } else {
                        day = day * 10 + digit
                    }
                default:
                    guard byte == expected else { return .invalid(.badFormat) }
                }
            }
            if yearDigits == 2 {
                guard let pivot else { return .invalid(.badFormat) }
                year += year < pivot ? 2000 : 1900
            }
            guard year >= 1, (1...12).contains(month), (1...31).contains(day) else { return .invalid(.badFormat) }
            guard day <= Self.daysIn(month: month, year: year) else { return .invalid(.impossibleDate) }
            guard (year, month, day) <= today else { return .invalid(.futureDate) }
            if placeholdersAreMissing, month == 1, day == 1, year == 1900 || year == 1901 {
                return .missing(.placeholder)
            }
            return .value(Self.canonical(year: year, month: month, day: day))
        }
    }

    /// Splits a canonical date into the tokens to encode separately.
    /// - Parameter canonical: a date in the form `YYYY-MM-DD`, as ``normalise(_:)`` returns.
    /// - Returns: the year, month and day as written, such as `("2014", "03", "07")`, or `nil` when
    ///   `canonical` is not four ASCII digits, a hyphen, two digits, a hyphen and two digits.
    public static func parts(of canonical: String) -> (year: String, month: String, day: String)? {
        let bytes = Array(canonical.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        for index in [0, 1, 2, 3, 5, 6, 8, 9] where !ASCII.isDigit(bytes[index]) { return nil }
        return (
            String(decoding: bytes[0..<4], as: UTF8.self),
            String(decoding: bytes[5..<7], as: UTF8.self),
            String(decoding: bytes[8..<10], as: UTF8.self)
        )
    }

    /// The number of days in a month of the Gregorian calendar.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 4, 6, 9, 11: 30
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        default: 31
        }
    }

    /// `YYYY-MM-DD` for a valid date with a year from 1 to 9999.
    private static func canonical(year: Int, month: Int, day: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { out in
            out[0] = ASCII.zero + UInt8(year / 1000)
            out[1] = ASCII.zero + UInt8(year / 100 % 10)
            out[2] = ASCII.zero + UInt8(year / 10 % 10)
            out[3] = ASCII.zero + UInt8(year % 10)
            out[4] = UInt8(ascii: "-")
            out[5] = ASCII.zero + UInt8(month / 10)
            out[6] = ASCII.zero + UInt8(month % 10)
            out[7] = UInt8(ascii: "-")
            out[8] = ASCII.zero + UInt8(day / 10)
            out[9] = ASCII.zero + UInt8(day % 10)
            return String(decoding: UnsafeBufferPointer(out), as: UTF8.self)
        }
    }
}
