internal import JigsawIdentifiers

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
        // The rule itself is the normaliser's, applied to the upper-cased compact code.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length &+ 3) { code in
            for i in 0..<length { code[i] = Byte.upper(p[outward &+ i]) }
            for i in 0..<3 { code[length &+ i] = Byte.upper(p[inward &+ i]) }
            return PostcodeNormaliser.isValid(UnsafeBufferPointer(code))
        }
    }
}
