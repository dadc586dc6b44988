/// Unique Pupil Numbers (DfE): validation and canonical form (Jigsaw token spec v1).
///
/// After removing leading and trailing spaces and tabs and upper-casing ASCII letters, a UPN has 13
/// characters: a check letter, eleven ASCII digits, and a final digit (a permanent UPN) or letter of the
/// check alphabet (a temporary UPN, whose letter counts as its index in that alphabet). The check letter
/// is the alphabet's letter at `(Σ value(character n) × n for n = 2...13) mod 23`. The alphabet
/// `ABCDEFGHJKLMNPQRTUVWXYZ` omits I, O and S. Any non-ASCII character makes the value invalid.
public enum UniquePupilNumber {
    /// The length of the canonical form.
    public static let canonicalLength = 13

    /// The check alphabet: 23 letters without I, O and S.
    public static let checkAlphabet: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// Maps an upper-case ASCII letter to its index in ``checkAlphabet`` (or -1).
    private static let letterValue: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, letter) in checkAlphabet.enumerated() { table[Int(letter)] = Int8(index) }
        return table
    }()

    /// Checks `raw` and, when valid, writes its 13 canonical characters to `output`.
    /// - Parameters:
    ///   - raw: the value as read (any bytes).
    ///   - output: at least 13 writable bytes; written only when the result is `.valid`.
    /// - Returns: `.valid(length: 13, temporary:)`, `.blank` or `.invalid(reason)`.
    /// - Complexity: O(*n*) in the value's length; no allocation.
    public static func canonicalise(_ raw: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> IdentifierCheck {
        let range = ASCII.trimmedRange(raw)
        if range.isEmpty { return .blank }
        // Characters first: only ASCII letters and digits can appear in a UPN.
        for index in range {
            let byte = raw[index]
            let isUpper = byte &- 0x41 < 26
            let isLower = byte &- 0x61 < 26
            guard isUpper || isLower || ASCII.isDigit(byte) else { return .invalid(.badCharacters) }
        }
        guard range.count == canonicalLength else { return .invalid(.badLength) }
        var total = 0
        let first = upper(raw[range.lowerBound])
        guard letterValue[Int(first)] >= 0 else { return .invalid(.badCharacters) }
        for n in 2...12 {
            let byte = raw[range.lowerBound + n - 1]
            guard ASCII.isDigit(byte) else { return .invalid(.badCharacters) }
            total += Int(byte &- ASCII.zero) * n
        }
        let last = upper(raw[range.lowerBound + 12])
        let temporary: Bool
        if ASCII.isDigit(last) {
            total += Int(last &- ASCII.zero) * 13
            temporary = false
        } else {
            let value = letterValue[Int(last)]
            guard value >= 0 else { return .invalid(.badCharacters) }
            total += Int(value) * 13
            temporary = true
        }
        guard checkAlphabet[total % 23] == first else { return .invalid(.checkLetter) }
        for i in 0..<canonicalLength { output[i] = upper(raw[range.lowerBound + i]) }
        return .valid(length: canonicalLength, temporary: temporary)
    }

    @inline(__always)
    private static func upper(_ byte: UInt8) -> UInt8 { byte &- 0x61 < 26 ? byte &- 0x20 : byte }

    /// Checks a value given as a `String` (for tools and tests; the hot path takes bytes).
    /// - Parameter text: the value.
    /// - Returns: the canonical form when valid, and the check's outcome.
    public static func canonicalise(_ text: String) -> (canonical: String?, check: IdentifierCheck) {
        canonicaliseString(text, outputCapacity: canonicalLength, canonicalise)
    }
}
