#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A calendar date (proleptic Gregorian), used by ``LeakScanner`` as "today" when it decides whether a
/// date could be a date of birth.
public struct ScanDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, such as 2026.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Creates a date when `year`, `month` and `day` name a real day.
    /// - Parameters:
    ///   - year: the year, 1 to 9999.
    ///   - month: the month, 1 to 12.
    ///   - day: the day of the month.
    /// - Returns: `nil` when there is no such day (such as 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    /// - Parameter text: the date, such as `2026-06-30`.
    /// - Returns: `nil` unless `text` is a real date in that form.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(byte &- 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today's date in UTC.
    public static var today: ScanDate {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return ScanDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? ScanDate(unchecked: 1970, 1, 1)
    }

    /// The same day `years` years earlier (29 February becomes 28 February in a common year).
    /// - Parameter years: how many years back.
    /// - Returns: the earlier date.
    public func yearsEarlier(_ years: Int) -> ScanDate {
        let year = Swift.max(1, self.year - years)
        return ScanDate(unchecked: year, month, Swift.min(day, Self.daysIn(month: month, year: year)))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders dates in time.
    public static func < (lhs: ScanDate, rhs: ScanDate) -> Bool { lhs.ordinal < rhs.ordinal }

    /// A number that orders dates: `YYYYMMDD`.
    var ordinal: Int { year * 10_000 + month * 100 + day }

    /// A date known to be real.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in `month` of `year`.
    @inline(__always)
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
