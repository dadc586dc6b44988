extension IdentifierPatterns {
    /// An e-mail address around the `@` at `at`: a local part of up to 64 characters of RFC 5322 `atext`
    /// and dots (not starting or ending with a dot), then a domain of at least two labels of letters,
    /// digits and inner hyphens, whose last label is two or more letters.
    /// - Parameters:
    ///   - p: the bytes.
    ///   - at: where the `@` is.
    ///   - start: the start of the text.
    ///   - end: the end of the text.
    /// - Returns: the address's extent, or `nil`.
    func email(_ p: UnsafePointer<UInt8>, at: Int, from start: Int, to end: Int) -> PatternMatch? {
        let table = ByteClass.table
        var local = at
        while local > start && at &- local < 64 && table[Int(p[local &- 1])] & ByteClass.emailLocal != 0 { local &-= 1 }
        while local < at && p[local] == Byte.dot { local &+= 1 }
        guard local < at, p[at &- 1] != Byte.dot else { return nil }
        var i = at &+ 1
        var labels = 0
        var domainEnd = i
        var lastLabelIsWord = false
        while i < end {
            let labelStart = i
            var letters = true
            while i < end && (table[Int(p[i])] & ByteClass.alphanumeric != 0 || p[i] == Byte.hyphen) {
                if table[Int(p[i])] & ByteClass.letter == 0 { letters = false }
                i &+= 1
            }
            let length = i &- labelStart
            guard length > 0, length <= 63, p[labelStart] != Byte.hyphen, p[i &- 1] != Byte.hyphen else { break }
            labels &+= 1
            domainEnd = i
            lastLabelIsWord = letters && length >= 2
            guard i &+ 1 < end, p[i] == Byte.dot, table[Int(p[i &+ 1])] & ByteClass.alphanumeric != 0 else { break }
            i &+= 1
        }
        guard labels >= 2, lastLabelIsWord else { return nil }
        return PatternMatch(kind: .email, start: local, end: domainEnd)
    }
}
