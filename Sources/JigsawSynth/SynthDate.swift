/// A calendar date in the proleptic Gregorian calendar, as `jigsaw synth` writes dates of birth.
///
/// Plain arithmetic on day numbers, with no time zone or locale, so generated dates never depend on
/// where or when the generator runs.
public struct SynthDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2015.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// The reference date the generator uses unless told otherwise: 31 March 2025, the end of a
    /// financial year. Children are aged 0 to 17 on this date.
    public static let defaultReference = SynthDate(unchecked: 2025, 3, 31)

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date, or `nil` when there is no such day.
    /// - Parameters:
    ///   - year: the year, 1 to 9999.
    ///   - month: the month, 1 to 12.
    ///   - day: the day of the month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Parses `YYYY-MM-DD`, or returns `nil` when the text is not a real date in that form.
    /// - Parameter text: the text, e.g. `2025-03-31`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates the date a number of days after 1 January 1970.
    /// - Parameter dayNumber: days since 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1 January 1970 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date in `YYYY-MM-DD` form.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// The date with day and month exchanged, in `YYYY-MM-DD` form, as a day-first date typed month-first
    /// reads; `nil` unless the day is 12 or less and differs from the month.
    public var transposed: String? {
        guard day <= 12, day != month else { return nil }
        return Self.pad(year, 4) + "-" + Self.pad(day, 2) + "-" + Self.pad(month, 2)
    }

    /// The age in whole years on `date`.
    /// - Parameter date: the day the age is reckoned on.
    /// - Returns: completed years (negative when `date` is before this one).
    public func age(on date: SynthDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// Orders dates in time.
    public static func < (lhs: SynthDate, rhs: SynthDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
