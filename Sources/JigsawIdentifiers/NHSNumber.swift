/// NHS numbers: validation and canonical form (Jigsaw token spec v1, "NHS numbers").
///
/// Accepted written forms, after removing leading and trailing spaces and tabs: `dddddddddd`,
/// `ddd ddd dddd` and `ddd-ddd-dddd` in ASCII digits. The canonical form is the ten digits. A number is
/// valid when its modulus-11 check digit holds (weights 10 to 2 on digits 1–9; a remainder giving 11
/// means 0, one giving 10 is never valid) and it is not one digit repeated ten times (such numbers pass
/// the check but are placeholders, `9999999999` commonly meaning "unknown"). Non-ASCII digits are
/// invalid, never folded to ASCII.
public enum NHSNumber {
    /// The length of the canonical form.
    public static let canonicalLength = 10

    /// Checks `raw` and, when valid, writes its ten canonical digits to `output`.
    /// - Parameters:
    ///   - raw: the value as read (any bytes).
    ///   - output: at least 10 writable bytes; written only when the result is `.valid`.
    /// - Returns: `.valid(length: 10, temporary: false)`, `.blank` or `.invalid(reason)`.
    /// - Complexity: O(*n*) in the value's length; no allocation.
    public static func canonicalise(_ raw: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> IdentifierCheck {
        let range = ASCII.trimmedRange(raw)
        if range.isEmpty { return .blank }
        let start = range.lowerBound
        let count = range.count
        // Separated form: positions 4 and 8 (1-based) hold the same separator, a space or a hyphen.
        let separated = count == 12 && raw[start + 3] == raw[start + 7]
            && (raw[start + 3] == ASCII.space || raw[start + 3] == 0x2D)
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { d -> IdentifierCheck in
            var n = 0
            var index = start
            let end = range.upperBound
            while index < end {
                let byte = raw[index]
                let position = index - start
                index += 1
                if separated && (position == 3 || position == 7) { continue }
                guard ASCII.isDigit(byte) else { return .invalid(.badCharacters) }
                if n < 10 { d[n] = byte }
                n += 1
            }
            guard n == 10 else { return .invalid(.badLength) }
            var allSame = true
            var total = 0
            for i in 0..<9 {
                total += Int(d[i] &- ASCII.zero) * (10 - i)
                if d[i] != d[0] { allSame = false }
            }
            if d[9] != d[0] { allSame = false }
            if allSame { return .invalid(.placeholder) }
            var check = 11 - total % 11
            if check == 11 { check = 0 }
            guard check != 10, check == Int(d[9] &- ASCII.zero) else { return .invalid(.checkDigit) }
            for i in 0..<10 { output[i] = d[i] }
            return .valid(length: 10, temporary: false)
        }
    }

    /// Checks a value given as a `String` (for tools and tests; the hot path takes bytes).
    /// - Parameter text: the value.
    /// - Returns: the canonical digits when valid, and the check's outcome.
    public static func canonicalise(_ text: String) -> (canonical: String?, check: IdentifierCheck) {
        canonicaliseString(text, outputCapacity: canonicalLength, canonicalise)
    }
}

/// Runs a byte-level canonicaliser on a `String`.
package func canonicaliseString(
    _ text: String,
    outputCapacity: Int,
    _ body: (UnsafeRawBufferPointer, UnsafeMutableRawBufferPointer) -> IdentifierCheck
) -> (canonical: String?, check: IdentifierCheck) {
    var utf8 = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: Swift.max(outputCapacity, utf8.count))
    let check = utf8.withUnsafeBytes { raw in output.withUnsafeMutableBytes { body(raw, $0) } }
    utf8.removeAll()
    if case .valid(let length, _) = check {
        return (String(decoding: output[0..<length], as: UTF8.self), check)
    }
    return (nil, check)
}
