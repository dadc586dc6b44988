/// Normalises UK postcodes to the canonical `OUTWARD INWARD` form.
///
/// All whitespace (Unicode White_Space, so no-break spaces too) is removed and ASCII letters are
/// upper-cased. The result must match
/// `^(GIR0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2})$`, checked by hand over the
/// bytes; the inward code is its last three characters. Any other character, including a non-ASCII
/// letter or digit, is ``NormalisationFailure/badFormat``.
///
/// NHS pseudo-postcodes — `ZZ99`, a digit and two letters, such as `ZZ99 3VZ` (no fixed abode) or
/// `ZZ99 3WZ` (not known) — are ``MissingReason/pseudoPostcode``: they say nothing about where a person
/// lives and must not match each other.
///
/// Encode the full postcode, its sector (``sector(of:)``) and its district (``district(of:)``) as
/// separate features so that a move within an area still scores.
public struct PostcodeNormaliser: Sendable {
    /// The longest postcode without its space, such as `EC1A1BB`.
    private static let maximumCompactLength = 7

    /// Creates a postcode normaliser.
    public init() {}

    /// Normalises one postcode.
    /// - Parameter raw: the value as read.
    /// - Returns: `.value` with the canonical `OUTWARD INWARD`, such as `LS1 4AP`; `.missing(.blank)` when
    ///   only whitespace is present; `.missing(.pseudoPostcode)` for a `ZZ99` pseudo-postcode;
    ///   `.invalid(.badFormat)` otherwise.
    /// - Complexity: O(*n*) in the value's length; a value holding only ASCII allocates only its result.
    public func normalise(_ raw: String) -> NormalisedValue {
        let result = withContiguousUTF8(raw) { bytes -> NormalisedValue? in
            for byte in bytes where byte >= 0x80 { return nil }
            return Self.normaliseASCII(bytes)
        }
        if let result { return result }
        // Non-ASCII bytes: drop Unicode whitespace; anything else non-ASCII is not a postcode.
        var kept = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars where !scalar.properties.isWhitespace {
            guard scalar.isASCII else { return .invalid(.badFormat) }
            kept.append(scalar)
        }
        return withContiguousUTF8(String(kept)) { Self.normaliseASCII($0) }
    }

    /// The sector of a canonical postcode: its outward code, a space and the first character of its
    /// inward code.
    /// - Parameter canonical: a postcode in the form ``normalise(_:)`` returns.
    /// - Returns: such as `LS1 4` for `LS1 4AP`, or `nil` when `canonical` is not a canonical postcode.
    public static func sector(of canonical: String) -> String? {
        guard let outward = outwardLength(ofCanonical: canonical) else { return nil }
        return String(canonical.prefix(outward + 2))
    }

    /// The district of a canonical postcode: its outward code.
    /// - Parameter canonical: a postcode in the form ``normalise(_:)`` returns.
    /// - Returns: such as `LS1` for `LS1 4AP`, or `nil` when `canonical` is not a canonical postcode.
    public static func district(of canonical: String) -> String? {
        guard let outward = outwardLength(ofCanonical: canonical) else { return nil }
        return String(canonical.prefix(outward))
    }

    /// Normalises a value made only of ASCII bytes.
    private static func normaliseASCII(_ bytes: UnsafeRawBufferPointer) -> NormalisedValue {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumCompactLength + 1) { compact in
            var count = 0
            for byte in bytes {
                if byte == ASCII.space || byte &- ASCII.tab < 5 { continue }
                // One more than the longest postcode is enough to know the value is too long.
                guard count <= maximumCompactLength else { return .invalid(.badFormat) }
                compact[count] = byte &- 0x61 < 26 ? byte &- 0x20 : byte
                count += 1
            }
            if count == 0 { return .missing(.blank) }
            let code = UnsafeBufferPointer(rebasing: compact[0..<count])
            if isPseudoPostcode(code) { return .missing(.pseudoPostcode) }
            guard isValid(code) else { return .invalid(.badFormat) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 1) { out in
                let outward = count - 3
                for i in 0..<outward { out[i] = code[i] }
                out[outward] = ASCII.space
                for i in outward..<count { out[i + 1] = code[i] }
                return .value(String(decoding: UnsafeBufferPointer(out), as: UTF8.self))
            }
        }
    }

    /// Whether an upper-case compact code is `ZZ99`, a digit and two letters.
    private static func isPseudoPostcode(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        code.count == 7 && code[0] == UInt8(ascii: "Z") && code[1] == UInt8(ascii: "Z")
            && code[2] == UInt8(ascii: "9") && code[3] == UInt8(ascii: "9")
            && ASCII.isDigit(code[4]) && isLetter(code[5]) && isLetter(code[6])
    }

    /// Whether an upper-case compact code matches
    /// `^(GIR0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2})$` (the raw-identifier scanner
    /// applies the same rule).
    package static func isValid(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = code.count
        guard (5...7).contains(count) else { return false }
        if code.elementsEqual("GIR0AA".utf8) { return true }
        // Inward code: [0-9][ABD-HJLNP-UW-Z]{2}.
        guard ASCII.isDigit(code[count - 3]), isInwardLetter(code[count - 2]), isInwardLetter(code[count - 1])
        else { return false }
        // Outward code: [A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?, two to four characters.
        guard isFirstLetter(code[0]) else { return false }
        switch count - 3 {
        case 2:
            return ASCII.isDigit(code[1])
        case 3:
            return (isSecondLetter(code[1]) && ASCII.isDigit(code[2]))
                || (ASCII.isDigit(code[1]) && (ASCII.isDigit(code[2]) || isLetter(code[2])))
        default:
            return isSecondLetter(code[1]) && ASCII.isDigit(code[2]) && (ASCII.isDigit(code[3]) || isLetter(code[3]))
        }
    }

    /// The length of the outward code of a canonical postcode, or `nil` when `text` is not canonical.
    private static func outwardLength(ofCanonical text: String) -> Int? {
        withContiguousUTF8(text) { bytes -> Int? in
            let count = bytes.count
            guard (6...8).contains(count), bytes[count - 4] == ASCII.space else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count - 1) { compact -> Int? in
                var n = 0
                for (index, byte) in bytes.enumerated() where index != count - 4 {
                    // Canonical means already upper-case, with no other space.
                    guard isLetter(byte) || ASCII.isDigit(byte) else { return nil }
                    compact[n] = byte
                    n += 1
                }
                return isValid(UnsafeBufferPointer(compact)) ? count - 4 : nil
            }
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
        switch byte {
        case UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "D")...UInt8(ascii: "H"), UInt8(ascii: "J"),
             UInt8(ascii: "L"), UInt8(ascii: "N"), UInt8(ascii: "P")...UInt8(ascii: "U"), UInt8(ascii: "W")...UInt8(ascii: "Z"):
            true
        default:
            false
        }
    }
}
