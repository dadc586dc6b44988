extension IdentifierPatterns {
    /// A date at `k` that could be a date of birth: a real calendar day, not after the reference date and
    /// not more than 120 years before it.
    ///
    /// Forms, the separator the same in both places: `YYYY-MM-DD` (or `/` or `.`, one- or two-digit month
    /// and day), optionally followed by `T` and a time; `DD/MM/YYYY` (or `-` or `.`, one- or two-digit day
    /// and month), read day first and, failing that, month first; `12 May 2015`, `12-MAY-2015`,
    /// `3rd September 2019` (English month names or three-letter abbreviations, any case, separated by a
    /// space, `-` or `/`); and `YYYYMMDD` only when `compact` is set. Two-digit years are never read.
    /// - Parameters:
    ///   - p: the bytes.
    ///   - k: where the first digit is.
    ///   - run: the number of digits starting there.
    ///   - end: the end of the text.
    ///   - compact: whether `YYYYMMDD` is read.
    /// - Returns: the end of the date, or `nil`.
    func date(_ p: UnsafePointer<UInt8>, _ k: Int, run: Int, _ end: Int, compact: Bool) -> Int? {
        if run == 8 {
            guard compact, Self.rightBoundary(p, k &+ 8, end) else { return nil }
            let year = number(p, k, 4), month = number(p, k &+ 4, 2), day = number(p, k &+ 6, 2)
            return isBirthDate(year, month, day) ? k &+ 8 : nil
        }
        let afterFirst = k &+ run
        guard afterFirst < end else { return nil }
        let separator = p[afterFirst]
        if run == 4 {
            guard separator == Byte.hyphen || separator == Byte.slash || separator == Byte.dot,
                  let (month, afterMonth) = smallNumber(p, afterFirst &+ 1, end), afterMonth < end, p[afterMonth] == separator,
                  let (day, stop) = smallNumber(p, afterMonth &+ 1, end)
            else { return nil }
            let timeFollows = separator == Byte.hyphen && stop &+ 1 < end && p[stop] == UInt8(ascii: "T") && Byte.isDigit(p[stop &+ 1])
            guard timeFollows || Self.rightBoundary(p, stop, end) else { return nil }
            return isBirthDate(number(p, k, 4), month, day) ? stop : nil
        }
        let first = number(p, k, run)
        if separator == Byte.hyphen || separator == Byte.slash || separator == Byte.dot,
           let (second, afterSecond) = smallNumber(p, afterFirst &+ 1, end), afterSecond &+ 4 <= end, p[afterSecond] == separator {
            let stop = afterSecond &+ 5
            guard stop <= end, Byte.isDigit(p[afterSecond &+ 1]), Byte.isDigit(p[afterSecond &+ 2]),
                  Byte.isDigit(p[afterSecond &+ 3]), Byte.isDigit(p[afterSecond &+ 4]), Self.rightBoundary(p, stop, end)
            else { return nil }
            let year = number(p, afterSecond &+ 1, 4)
            return isBirthDate(year, second, first) || isBirthDate(year, first, second) ? stop : nil
        }
        // `12 May 2015`, `12-MAY-2015`, `3rd September 2019`.
        var cursor = afterFirst
        if cursor &+ 2 <= end, Self.isOrdinalSuffix(p[cursor], p[cursor &+ 1]) { cursor &+= 2 }
        guard cursor < end else { return nil }
        let gap = p[cursor]
        guard gap == Byte.space || gap == Byte.hyphen || gap == Byte.slash else { return nil }
        var letters = cursor &+ 1
        while letters < end && letters &- cursor <= 10 && ByteClass.table[Int(p[letters])] & ByteClass.letter != 0 { letters &+= 1 }
        guard let month = Self.month(p, from: cursor &+ 1, to: letters), letters &+ 5 <= end, p[letters] == gap,
              Byte.isDigit(p[letters &+ 1]), Byte.isDigit(p[letters &+ 2]), Byte.isDigit(p[letters &+ 3]), Byte.isDigit(p[letters &+ 4]),
              Self.rightBoundary(p, letters &+ 5, end)
        else { return nil }
        return isBirthDate(number(p, letters &+ 1, 4), month, first) ? letters &+ 5 : nil
    }

    /// Whether the day exists and lies in the window of possible dates of birth.
    @inline(__always)
    private func isBirthDate(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard month >= 1 && month <= 12 && day >= 1 && day <= ScanDate.daysIn(month: month, year: year) else { return false }
        let ordinal = year * 10_000 + month * 100 + day
        return ordinal >= earliest && ordinal <= latest
    }

    /// The value of `count` digits at `k` (known to be digits).
    @inline(__always)
    private func number(_ p: UnsafePointer<UInt8>, _ k: Int, _ count: Int) -> Int {
        var value = 0
        for i in 0..<count { value = value * 10 + Byte.digit(p[k &+ i]) }
        return value
    }

    /// One or two digits at `k` (not three), with the offset after them.
    @inline(__always)
    private func smallNumber(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int) -> (Int, Int)? {
        guard k < end, Byte.isDigit(p[k]) else { return nil }
        if k &+ 1 < end && Byte.isDigit(p[k &+ 1]) {
            if k &+ 2 < end && Byte.isDigit(p[k &+ 2]) { return nil }
            return (number(p, k, 2), k &+ 2)
        }
        return (Byte.digit(p[k]), k &+ 1)
    }

    /// `st`, `nd`, `rd` or `th`, any case.
    @inline(__always)
    private static func isOrdinalSuffix(_ a: UInt8, _ b: UInt8) -> Bool {
        switch (a | 0x20, b | 0x20) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            true
        default:
            false
        }
    }

    /// English month names and abbreviations, lower case, with their numbers.
    private static let monthNames: [([UInt8], Int)] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var all: [([UInt8], Int)] = []
        for (index, name) in names.enumerated() {
            all.append((Array(name.utf8), index + 1))
            if name.count > 3 { all.append((Array(name.utf8.prefix(3)), index + 1)) }
        }
        all.append((Array("sept".utf8), 9))
        return all
    }()

    /// The month named by the letters in `start..<stop`, any case.
    private static func month(_ p: UnsafePointer<UInt8>, from start: Int, to stop: Int) -> Int? {
        let length = stop &- start
        guard length >= 3 && length <= 9 else { return nil }
        for (name, number) in monthNames where name.count == length {
            var same = true
            for i in 0..<length where p[start &+ i] | 0x20 != name[i] {
                same = false
                break
            }
            if same { return number }
        }
        return nil
    }
}
