extension IdentifierPatterns {
    /// A UK telephone number at `k`: `+44` or `0`, then ten digits of which the first is not 0, bounded.
    ///
    /// Written the usual ways: `07700 900123`, `07700-900-123`, `+44 7700 900123`, `+447700900123`,
    /// `020 7946 0000`, `(020) 7946 0000`, `+44 (0)20 7946 0000`, also `+44 020 …` (a trunk 0 kept after
    /// the country code). Between digits there may be a single space or hyphen, at most four times, and
    /// an area code in brackets may close before a space.
    /// - Parameters:
    ///   - p: the bytes.
    ///   - k: where the `+`, `(` or `0` is.
    ///   - end: the end of the text.
    /// - Returns: the end of the number, or `nil`.
    func phone(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int) -> Int? {
        var i = k
        var bracketOpen = false
        switch p[k] {
        case Byte.plus:
            guard k &+ 3 <= end, p[k &+ 1] == UInt8(ascii: "4"), p[k &+ 2] == UInt8(ascii: "4") else { return nil }
            i = k &+ 3
            if i < end && (p[i] == Byte.space || p[i] == Byte.hyphen) { i &+= 1 }
            if i &+ 3 <= end && p[i] == Byte.openBracket && p[i &+ 1] == Byte.zero && p[i &+ 2] == Byte.closeBracket {
                i &+= 3
                if i < end && p[i] == Byte.space { i &+= 1 }
            } else if i < end && p[i] == Byte.zero {
                i &+= 1
            }
        case Byte.openBracket:
            guard k &+ 2 < end, p[k &+ 1] == Byte.zero else { return nil }
            i = k &+ 2
            bracketOpen = true
        default:
            i = k &+ 1
        }
        guard i < end, Byte.isDigit(p[i]), p[i] != Byte.zero else { return nil }
        var digits = 0
        var separators = 0
        while digits < 10 {
            guard i < end else { return nil }
            let byte = p[i]
            if Byte.isDigit(byte) {
                digits &+= 1
                i &+= 1
            } else if (byte == Byte.space || byte == Byte.hyphen) && separators < 4 && Byte.isDigit(p[i &- 1])
                        && i &+ 1 < end && Byte.isDigit(p[i &+ 1]) {
                separators &+= 1
                i &+= 1
            } else if byte == Byte.closeBracket && bracketOpen && Byte.isDigit(p[i &- 1]) {
                bracketOpen = false
                i &+= 1
                if i < end && p[i] == Byte.space { i &+= 1 }
            } else {
                return nil
            }
        }
        guard !bracketOpen, Self.rightBoundary(p, i, end) else { return nil }
        return i
    }
}
