/// A `strptime` date format, matched the way Python's `datetime.strptime` matches it, so that clkhash's
/// date features validate and format identically (`%Y%m%d` out).
///
/// Supported directives: `%Y %y %m %d %b %B %h %j %H %M %S %%`; spaces in the format match one or more
/// white-space characters; letters match case-insensitively (Python compiles the pattern with
/// IGNORECASE); numeric fields accept the same alternatives in the same order as Python's regular
/// expressions, with backtracking. Hand-written because no Swift package implements Python's
/// `strptime` semantics, and Foundation's date parsing differs (it is lenient and locale-driven).
public struct DatePattern: Sendable, Equatable {
    /// The format as written in the schema.
    public let format: String
    private let elements: [Element]

    private enum Element: Sendable, Equatable {
        case literal(UInt8)
        case whitespace
        case field(Field)
    }

    private enum Field: Sendable, Equatable {
        case year4, year2, month, day, monthAbbreviation, monthFullName, dayOfYear, hour24, minute, second
    }

    /// Parses a `strptime` format.
    /// - Parameter format: e.g. `%Y-%m-%d`.
    /// - Throws: a message naming the unsupported directive.
    public init(_ format: String) throws(LinkageSchemaError) {
        self.format = format
        var elements: [Element] = []
        let bytes = Array(format.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x25 {
                guard i + 1 < bytes.count else {
                    throw LinkageSchemaError(path: "", message: "date format \"\(format)\" ends with a lone %")
                }
                let directive = bytes[i + 1]
                i += 2
                switch directive {
                case UInt8(ascii: "Y"): elements.append(.field(.year4))
                case UInt8(ascii: "y"): elements.append(.field(.year2))
                case UInt8(ascii: "m"): elements.append(.field(.month))
                case UInt8(ascii: "d"): elements.append(.field(.day))
                case UInt8(ascii: "b"), UInt8(ascii: "h"): elements.append(.field(.monthAbbreviation))
                case UInt8(ascii: "B"): elements.append(.field(.monthFullName))
                case UInt8(ascii: "j"): elements.append(.field(.dayOfYear))
                case UInt8(ascii: "H"): elements.append(.field(.hour24))
                case UInt8(ascii: "M"): elements.append(.field(.minute))
                case UInt8(ascii: "S"): elements.append(.field(.second))
                case UInt8(ascii: "%"): elements.append(.literal(0x25))
                default:
                    throw LinkageSchemaError(path: "", message: "date format \"\(format)\" uses %\(Character(Unicode.Scalar(directive))), which Jigsaw does not support (supported: %Y %y %m %d %b %B %h %j %H %M %S %%)")
                }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                if elements.last != .whitespace { elements.append(.whitespace) }
                i += 1
            } else {
                elements.append(.literal(byte))
                i += 1
            }
        }
        self.elements = elements
    }

    /// The date's fields as parsed.
    private struct Parsed {
        var year = 1900, month = 1, day = 1, dayOfYear: Int?
    }

    /// Parses `text` and returns the date as `YYYYMMDD` (Python's `strftime("%Y%m%d")`), or `nil` when it
    /// does not match the format or is not a real date.
    /// - Parameter text: the value.
    /// - Returns: the formatted date, or `nil`.
    public func reformat(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var parsed = Parsed()
        guard match(bytes, 0, 0, &parsed) else { return nil }
        var year = parsed.year, month = parsed.month, day = parsed.day
        if let dayOfYear = parsed.dayOfYear {
            // Python: with %j, month and day come from the day of the year.
            let days = Self.isLeap(year) ? 366 : 365
            guard dayOfYear <= 366 else { return nil }
            var remaining = dayOfYear
            if dayOfYear > days {
                // Python turns day 366 of a common year into 1 January of the next year.
                year += 1
                remaining = 1
            }
            month = 1
            while remaining > Self.daysIn(month: month, year: year) {
                remaining -= Self.daysIn(month: month, year: year)
                month += 1
            }
            day = remaining
        }
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year), year >= 1 else { return nil }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)\(monthText)\(dayText)"
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }

    /// Python's alternatives for each numeric field, in its order: `(pattern of digit counts…)`.
    private func candidates(_ field: Field, _ bytes: [UInt8], _ at: Int) -> [(value: Int, length: Int)] {
        func digits(_ count: Int) -> Int? {
            guard at + count <= bytes.count else { return nil }
            var value = 0
            for i in at..<(at + count) {
                let d = bytes[i] &- 0x30
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        var out: [(Int, Int)] = []
        switch field {
        case .year4:
            if let v = digits(4) { out.append((v, 4)) }
        case .year2:
            if let v = digits(2) { out.append((v < 69 ? 2000 + v : 1900 + v, 2)) }
        case .month:  // 1[0-2]|0[1-9]|[1-9]
            if let v = digits(2), (10...12).contains(v) { out.append((v, 2)) }
            if let v = digits(2), (1...9).contains(v), bytes[at] == 0x30 { out.append((v, 2)) }
            if let v = digits(1), (1...9).contains(v) { out.append((v, 1)) }
        case .day:  // 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
            if let v = digits(2), v == 30 || v == 31 { out.append((v, 2)) }
            if let v = digits(2), (10...29).contains(v) { out.append((v, 2)) }
            if let v = digits(2), (1...9).contains(v), bytes[at] == 0x30 { out.append((v, 2)) }
            if let v = digits(1), (1...9).contains(v) { out.append((v, 1)) }
            if at + 1 < bytes.count, bytes[at] == 0x20, let d = Optional(bytes[at + 1] &- 0x30), (1...9).contains(d) { out.append((Int(d), 2)) }
        case .dayOfYear:  // 36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]
            if let v = digits(3), (1...366).contains(v) { out.append((v, 3)) }
            if let v = digits(2), (1...99).contains(v), !(bytes[at] == 0x30 && v == 0) { out.append((v, 2)) }
            if let v = digits(1), (1...9).contains(v) { out.append((v, 1)) }
        case .hour24:  // 2[0-3]|[0-1]\d|\d
            if let v = digits(2), (0...23).contains(v) { out.append((v, 2)) }
            if let v = digits(1) { out.append((v, 1)) }
        case .minute, .second:  // [0-5]\d|\d  (seconds also 6[0-1])
            if let v = digits(2), (0...(field == .second ? 61 : 59)).contains(v) { out.append((v, 2)) }
            if let v = digits(1) { out.append((v, 1)) }
        case .monthAbbreviation, .monthFullName:
            // %b matches the three-letter abbreviations only, %B the full names only (C locale).
            for (index, name) in Self.monthNames.enumerated() {
                for length in [field == .monthFullName ? name.count : 3] where at + length <= bytes.count {
                    var equal = true
                    for k in 0..<length where bytes[at + k] | 0x20 != name[k] { equal = false; break }
                    if equal { out.append((index + 1, length)) }
                }
            }
        }
        return out
    }

    private func match(_ bytes: [UInt8], _ position: Int, _ element: Int, _ parsed: inout Parsed) -> Bool {
        if element == elements.count { return position == bytes.count }
        switch elements[element] {
        case .literal(let byte):
            guard position < bytes.count else { return false }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let equal = isLetter ? (bytes[position] | 0x20) == (byte | 0x20) : bytes[position] == byte
            return equal && match(bytes, position + 1, element + 1, &parsed)
        case .whitespace:
            var end = position
            while end < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[end]) { end += 1 }
            guard end > position else { return false }
            // \s+ is greedy: try the longest run first.
            var stop = end
            while stop > position {
                if match(bytes, stop, element + 1, &parsed) { return true }
                stop -= 1
            }
            return false
        case .field(let field):
            for candidate in candidates(field, bytes, position) {
                let saved = parsed
                switch field {
                case .year4, .year2: parsed.year = candidate.value
                case .month, .monthAbbreviation, .monthFullName: parsed.month = candidate.value
                case .day: parsed.day = candidate.value
                case .dayOfYear: parsed.dayOfYear = candidate.value
                case .hour24, .minute, .second: break
                }
                if match(bytes, position + candidate.length, element + 1, &parsed) { return true }
                parsed = saved
            }
            return false
        }
    }
}
