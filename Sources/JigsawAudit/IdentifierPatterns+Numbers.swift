internal import JigsawIdentifiers

extension IdentifierPatterns {
    /// An NHS number at `k`: ten digits, or `ddd ddd dddd` / `ddd-ddd-dddd`, bounded, whose check digit
    /// holds (``NHSNumber`` decides; one digit repeated ten times is a placeholder, not a number).
    /// - Parameters:
    ///   - p: the bytes.
    ///   - k: where the digits start.
    ///   - run: how many digits start there (10, or 3 for the separated form).
    ///   - end: the end of the text.
    /// - Returns: the end of the number, or `nil`.
    @inline(__always)
    func nhsNumber(_ p: UnsafePointer<UInt8>, _ k: Int, run: Int, _ end: Int) -> Int? {
        let stop: Int
        if run == 10 {
            stop = k &+ 10
        } else {
            stop = k &+ 12
            guard stop <= end else { return nil }
            let separator = p[k &+ 3]
            guard separator == Byte.space || separator == Byte.hyphen, p[k &+ 7] == separator,
                  Byte.isDigit(p[k &+ 4]), Byte.isDigit(p[k &+ 5]), Byte.isDigit(p[k &+ 6]),
                  Byte.isDigit(p[k &+ 8]), Byte.isDigit(p[k &+ 9]), Byte.isDigit(p[k &+ 10]), Byte.isDigit(p[k &+ 11])
            else { return nil }
        }
        guard Self.rightBoundary(p, stop, end) else { return nil }
        let check = withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { output in
            NHSNumber.canonicalise(UnsafeRawBufferPointer(start: p + k, count: stop &- k), into: output)
        }
        if case .valid = check { return stop }
        return nil
    }

    /// A UPN at `k`: a letter, eleven digits and a digit or letter, bounded, whose check letter holds
    /// (``UniquePupilNumber`` decides; either case).
    /// - Parameters:
    ///   - p: the bytes.
    ///   - k: where the letter is.
    ///   - end: the end of the text.
    /// - Returns: the end of the UPN, or `nil`.
    @inline(__always)
    func upn(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int) -> Int? {
        let stop = k &+ UniquePupilNumber.canonicalLength
        guard stop <= end else { return nil }
        for i in (k &+ 1)..<(stop &- 1) where !Byte.isDigit(p[i]) { return nil }
        guard ByteClass.table[Int(p[stop &- 1])] & ByteClass.alphanumeric != 0, Self.rightBoundary(p, stop, end) else { return nil }
        let check = withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { output in
            UniquePupilNumber.canonicalise(UnsafeRawBufferPointer(start: p + k, count: stop &- k), into: output)
        }
        if case .valid = check { return stop }
        return nil
    }
}
