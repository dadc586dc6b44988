/// One identifier found in a run of text: its kind and where it lies (never its value).
struct PatternMatch: Sendable, Equatable {
    /// What was found.
    var kind: ScanKind
    /// Offset of its first byte.
    var start: Int
    /// Offset just past its last byte.
    var end: Int
}

/// Finds raw identifiers in bytes: NHS numbers, UPNs, postcodes, possible dates of birth, e-mail addresses
/// and UK telephone numbers, by hand-written matchers over the bytes (no regular expressions, no `String`).
///
/// ## Boundaries, and why tokens and CLKs are never flagged
///
/// The files this scanner guards are mostly keyed tokens (64 hex digits) and CLKs (standard base64,
/// 100–400 characters of `A–Z a–z 0–9 + / =`). Random base64 is full of short stretches that look like
/// identifiers: about one position in 150,000 reads as a postcode such as `+LS14AP/` once case is
/// ignored, so a million CLKs would give thousands of false alarms if `+` and `/` counted as separators.
/// Two rules make that impossible rather than unlikely:
///
/// 1. **Opaque tokens.** A run of 20 or more bytes from the token alphabet `A–Z a–z 0–9 + / = _ -`
///    (base64, base64url and hex) is one opaque token and is skipped whole. No identifier written in
///    an ordinary way is that long without a space or other punctuation (the longest, `+44-7700-900123`,
///    is 15), and a hex token or CLK is always at least 32 such bytes with no other byte inside.
/// 2. **Boundaries.** A match must start at the beginning of the text or just after a byte that is not a
///    letter, digit, `_`, `+`, `/` or `@`, and must end at the end of the text or just before a byte that
///    is not a letter, digit, `_`, `+`, `/`, `=` or `@`. So a match is never part of a longer run of letters
///    and digits, and never glued to base64 by its own separators; `+`, `/` and `=` are exactly the
///    bytes inside a base64 string that could otherwise frame a digit run such as `/4000640616/`. (`=`
///    may come before a match, as in `dob=2015-03-04`, because base64 only has `=` at its end.)
///    A full stop between digits is a decimal point, so `0.9434765919` (a score) is not an NHS number,
///    but `9434765919.0` (a number a spreadsheet wrote as a decimal) is.
///    A match that ends at a `-` must not continue into an opaque token.
///
/// The cost of these rules is recall on identifiers glued to other text by those bytes: an NHS number
/// in a URL path (`/patients/9434765919/`) or a name such as `nhs_9434765919` is not found. One exception
/// keeps `key=value` text: in a long run, a short value after a last `=` that follows a letter, digit or
/// `_` (`nhs_number=9434765919`) is scanned on its own, since base64 puts `=` only at its end.
///
/// E-mail addresses are found from their `@`, which never occurs in base64 or hex, so rule 1 does not
/// apply to them.
struct IdentifierPatterns: Sendable {
    /// A run of token bytes at least this long is one opaque token.
    static let opaqueLength = 20

    /// The earliest date that could be a date of birth, as `YYYYMMDD`.
    let earliest: Int
    /// The latest (the reference date), as `YYYYMMDD`.
    let latest: Int

    /// Creates the matchers for dates of birth up to `referenceDate` and at most 120 years before it.
    /// - Parameter referenceDate: "today".
    init(referenceDate: ScanDate) {
        latest = referenceDate.ordinal
        earliest = referenceDate.yearsEarlier(120).ordinal
    }

    /// Appends every identifier found in `start..<end` of `p` to `matches`, in order.
    /// - Parameters:
    ///   - p: the bytes.
    ///   - start: the first byte of the text (a field, a line).
    ///   - end: just past its last byte.
    ///   - compactDates: whether an eight-digit `YYYYMMDD` counts as a date (only in columns whose header
    ///     says they hold dates: in other columns, one eight-digit number in 2,000 would pass).
    ///   - matches: where the matches go.
    /// - Complexity: O(*n*) in the text's length; no allocation unless `matches` grows.
    @inline(__always)
    func scan(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, compactDates: Bool, into matches: inout [PatternMatch]) {
        let table = ByteClass.table
        var i = start
        while i < end {
            let byte = p[i]
            if table[Int(byte)] & ByteClass.token == 0 {
                if byte == Byte.at, let match = email(p, at: i, from: start, to: end) {
                    matches.append(match)
                    i = match.end
                    continue
                }
                if byte == Byte.openBracket, Self.leftBoundary(p, i, start), let stop = phone(p, i, end) {
                    matches.append(PatternMatch(kind: .phone, start: i, end: stop))
                    i = stop
                    continue
                }
                i &+= 1
                continue
            }
            // A run of token bytes: skipped whole when long enough to be an opaque token.
            var j = i &+ 1
            while j < end && table[Int(p[j])] & ByteClass.token != 0 { j &+= 1 }
            if j &- i >= Self.opaqueLength {
                // `key=value` glued by `=` (`nhs_number=9434765919`): base64 has `=` only as padding at its
                // end, so a short value after a last `=` that follows a letter, digit or `_` is scanned alone.
                var eq = j &- 1
                let limit = Swift.max(i, j &- Self.opaqueLength &- 1)
                while eq > limit && p[eq] != Byte.equals { eq &-= 1 }
                if eq > i && p[eq] == Byte.equals && eq &+ 1 < j && p[eq &- 1] != Byte.equals {
                    var k = eq &+ 1
                    while k < j {
                        if Self.leftBoundary(p, k, start), let match = self.match(p, k, end, compactDates: compactDates) {
                            matches.append(match)
                            k = match.end
                            continue
                        }
                        k &+= 1
                    }
                }
                i = j
                continue
            }
            var resume = j
            var k = i
            while k < j {
                if Self.leftBoundary(p, k, start), let match = self.match(p, k, end, compactDates: compactDates) {
                    matches.append(match)
                    resume = Swift.max(resume, match.end)
                    k = match.end
                    continue
                }
                k &+= 1
            }
            i = resume
        }
    }

    /// Tries every matcher that can start with the byte at `k`.
    @inline(__always)
    private func match(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int, compactDates: Bool) -> PatternMatch? {
        let byte = p[k]
        let kind = ByteClass.table[Int(byte)]
        if kind & ByteClass.digit != 0 {
            var d = k &+ 1
            while d < end && d &- k < 12 && Byte.isDigit(p[d]) { d &+= 1 }
            let run = d &- k
            if byte == Byte.zero, let stop = phone(p, k, end) { return PatternMatch(kind: .phone, start: k, end: stop) }
            if run == 10 || run == 3, let stop = nhsNumber(p, k, run: run, end) {
                return PatternMatch(kind: .nhsNumber, start: k, end: stop)
            }
            if run <= 2 || run == 4 || (run == 8 && compactDates), let stop = date(p, k, run: run, end, compact: compactDates) {
                return PatternMatch(kind: .date, start: k, end: stop)
            }
            return nil
        }
        if kind & ByteClass.letter != 0 {
            if let stop = upn(p, k, end) { return PatternMatch(kind: .upn, start: k, end: stop) }
            if let stop = postcode(p, k, end) { return PatternMatch(kind: .postcode, start: k, end: stop) }
            return nil
        }
        if byte == Byte.plus, let stop = phone(p, k, end) { return PatternMatch(kind: .phone, start: k, end: stop) }
        return nil
    }

    /// Whether an identifier may start at `k` (rule 2).
    @inline(__always)
    static func leftBoundary(_ p: UnsafePointer<UInt8>, _ k: Int, _ start: Int) -> Bool {
        if k == start { return true }
        let before = p[k &- 1]
        if ByteClass.table[Int(before)] & ByteClass.noLeft != 0 { return false }
        // After a decimal point: the digits are a fraction.
        if before == Byte.dot && k &- 2 >= start && Byte.isDigit(p[k &- 2]) { return false }
        return true
    }

    /// Whether an identifier may end just before `m` (rule 2, and the opaque-token check after a `-`).
    @inline(__always)
    static func rightBoundary(_ p: UnsafePointer<UInt8>, _ m: Int, _ end: Int) -> Bool {
        if m >= end { return true }
        let after = p[m]
        let table = ByteClass.table
        if table[Int(after)] & ByteClass.noRight != 0 { return false }
        if after == Byte.dot && m &+ 1 < end && Byte.isDigit(p[m &+ 1]) {
            // A decimal point: only `.0`, `.00` … leaves the number whole.
            var q = m &+ 1
            while q < end && p[q] == Byte.zero { q &+= 1 }
            return q >= end || table[Int(p[q])] & ByteClass.alphanumeric == 0
        }
        if after == Byte.hyphen {
            // The run of token bytes holding the match's end must not be an opaque token.
            var back = m
            while back > 0 && m &- back < opaqueLength && table[Int(p[back &- 1])] & ByteClass.token != 0 { back &-= 1 }
            var forward = m
            while forward < end && forward &- back < opaqueLength && table[Int(p[forward])] & ByteClass.token != 0 { forward &+= 1 }
            return forward &- back < opaqueLength
        }
        return true
    }
}

/// ASCII bytes the matchers name.
enum Byte {
    static let zero = UInt8(ascii: "0")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hyphen = UInt8(ascii: "-")
    static let slash = UInt8(ascii: "/")
    static let dot = UInt8(ascii: ".")
    static let plus = UInt8(ascii: "+")
    static let equals = UInt8(ascii: "=")
    static let at = UInt8(ascii: "@")
    static let openBracket = UInt8(ascii: "(")
    static let closeBracket = UInt8(ascii: ")")
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    @inline(__always)
    static func digit(_ byte: UInt8) -> Int { Int(byte &- zero) }

    /// The byte upper-cased when it is an ASCII letter.
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { byte &- 0x61 < 26 ? byte &- 0x20 : byte }
}
