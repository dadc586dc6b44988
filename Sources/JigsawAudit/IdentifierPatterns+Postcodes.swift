extension IdentifierPatterns {
    /// A UK postcode at `k`, with one space between outward and inward codes or none, bounded.
    ///
    /// The rule is the one ``JigsawIdentifiers/PostcodeNormaliser`` applies,
    /// `(GIR0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2})` once upper-cased: so inward
    /// letters are never C, I, K, M, O or V, and the NHS pseudo-postcodes `ZZ99 …` (no fixed abode, not
    /// known), which say nothing about where anyone lives, never match. Its letters must be all capitals
    /// or all small letters: people write `LS1 4AP` or `ls1 4ap`, while mixed case is what random text
    /// such as base64 looks like.
    /// - Parameters:
    ///   - p: the bytes.
    ///   - k: where the first letter is.
    ///   - end: the end of the text.
    /// - Returns: the end of the postcode, or `nil`.
    @inline(__always)
    func postcode(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int) -> Int? {
        let table = ByteClass.table
        var r = k
        while r < end && r &- k < 8 && table[Int(p[r])] & ByteClass.alphanumeric != 0 { r &+= 1 }
        let run = r &- k
        if run >= 2 && run <= 4 {
            // Spaced: OUTWARD, one space, INWARD.
            let stop = r &+ 4
            guard stop <= end, p[r] == Byte.space,
                  table[Int(p[r &+ 1])] & ByteClass.alphanumeric != 0,
                  table[Int(p[r &+ 2])] & ByteClass.alphanumeric != 0,
                  table[Int(p[r &+ 3])] & ByteClass.alphanumeric != 0,
                  Self.rightBoundary(p, stop, end),
                  Self.isPostcode(p, outward: k, length: run, inward: r &+ 1)
            else { return nil }
            return stop
        }
        if run >= 5 && run <= 7 {
            guard Self.rightBoundary(p, r, end), Self.isPostcode(p, outward: k, length: run &- 3, inward: r &- 3) else { return nil }
            return r
        }
        return nil
    }

    /// Whether an outward code of `length` bytes at `outward` and three inward bytes at `inward` make a
    /// postcode, with every letter in one case.
    private static func isPostcode(_ p: UnsafePointer<UInt8>, outward: Int, length: Int, inward: Int) -> Bool {
        var cases: UInt8 = 0
        for i in 0..<length { cases |= ByteClass.table[Int(p[outward &+ i])] }
        for i in 0..<3 { cases |= ByteClass.table[Int(p[inward &+ i])] }
        guard cases & ByteClass.letter != ByteClass.letter else { return false }
        let o0 = Byte.upper(p[outward]), o1 = Byte.upper(p[outward &+ 1])
        let i0 = p[inward], i1 = Byte.upper(p[inward &+ 1]), i2 = Byte.upper(p[inward &+ 2])
        if length == 3 && o0 == UInt8(ascii: "G") && o1 == UInt8(ascii: "I") && Byte.upper(p[outward &+ 2]) == UInt8(ascii: "R")
            && i0 == Byte.zero && i1 == UInt8(ascii: "A") && i2 == UInt8(ascii: "A") {
            return true
        }
        guard Byte.isDigit(i0), isInwardLetter(i1), isInwardLetter(i2), isFirstLetter(o0) else { return false }
        switch length {
        case 2:
            return Byte.isDigit(o1)
        case 3:
            let o2 = Byte.upper(p[outward &+ 2])
            return (isSecondLetter(o1) && Byte.isDigit(o2)) || (Byte.isDigit(o1) && (Byte.isDigit(o2) || isLetter(o2)))
        case 4:
            let o2 = Byte.upper(p[outward &+ 2]), o3 = Byte.upper(p[outward &+ 3])
            return isSecondLetter(o1) && Byte.isDigit(o2) && (Byte.isDigit(o3) || isLetter(o3))
        default:
            return false
        }
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// `[A-PR-UWYZ]`: not Q, V or X.
    @inline(__always)
    private static func isFirstLetter(_ byte: UInt8) -> Bool {
        isLetter(byte) && byte != UInt8(ascii: "Q") && byte != UInt8(ascii: "V") && byte != UInt8(ascii: "X")
    }

    /// `[A-HK-Y]`: not I, J or Z.
    @inline(__always)
    private static func isSecondLetter(_ byte: UInt8) -> Bool {
        isLetter(byte) && byte != UInt8(ascii: "I") && byte != UInt8(ascii: "J") && byte != UInt8(ascii: "Z")
    }

    /// `[ABD-HJLNP-UW-Z]`: not C, I, K, M, O or V.
    @inline(__always)
    private static func isInwardLetter(_ byte: UInt8) -> Bool {
        isLetter(byte) && byte != UInt8(ascii: "C") && byte != UInt8(ascii: "I") && byte != UInt8(ascii: "K")
            && byte != UInt8(ascii: "M") && byte != UInt8(ascii: "O") && byte != UInt8(ascii: "V")
    }
}
