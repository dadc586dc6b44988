// The Swift standard library has no public Unicode normalisation (NFKC, NFKD, NFC) in Swift 6.3, so the
// non-ASCII path borrows Foundation's. Values made only of ASCII never reach it.
internal import Foundation

/// Normalises forenames and surnames before they are encoded (the Jigsaw profile; clkhash mode does none).
///
/// The steps, in order:
/// 1. Remove leading and trailing whitespace (Unicode White_Space). Nothing left is
///    ``MissingReason/blank``; more than ``maximumLength`` characters (grapheme clusters) left is
///    ``NormalisationFailure/tooLong``.
/// 2. Delete apostrophes (`'` `` ` `` `´` `‘` `’` `‛` `ʼ`), standalone accents and other modifier
///    symbols (such as `^` `¨` `¸`), control characters and invisible format characters (soft hyphen,
///    zero-width space, byte-order mark). This comes before step 3 because NFKC would turn `´` into a
///    space and an accent.
/// 3. Unicode NFKC, which folds compatibility forms such as fullwidth `Ｓｍｉｔｈ` and the ligature `ﬁ`.
/// 4. Full case folding, so `ß` becomes `ss` and `Σ` and `ς` both become `σ`.
/// 5. Strip diacritics: NFKD, then drop nonspacing and enclosing combining marks. Spacing marks, which
///    are vowel signs in Brahmic scripts rather than accents, are kept.
/// 6. Fold the letters that have no decomposition: `æ`→`ae`, `ø`→`o`, `ł`→`l`, `đ`→`d`, `ð`→`d`,
///    `þ`→`th`, `œ`→`oe`, `ħ`→`h`, `ı`→`i`, `ŧ`→`t`.
/// 7. Turn whitespace, hyphens and dashes (Unicode Pd), underscores, full stops and commas into
///    separators, and collapse each run of separators into one space, with none at either end.
/// 8. Recompose (NFC), so that, for example, Hangul syllables are kept whole.
/// 9. When titles are dropped, remove leading title words (``titles``). A name made only of titles is
///    ``MissingReason/placeholder``.
/// 10. A placeholder name (``placeholders``, any name starting with the words `infant of` or `baby of`,
///    or two or more `x`s) is ``MissingReason/placeholder``. Nothing left is ``MissingReason/blank``.
///
/// Particles (`van`, `de`, `mc`) and token order are kept. Values made only of ASCII take a byte-level
/// path that gives the same result without Unicode normalisation.
public struct NameNormaliser: Sendable {
    /// The most characters (grapheme clusters) a name may have once surrounding whitespace is removed.
    public static let maximumLength = 100

    /// The title words dropped from the start of a name when titles are dropped, in normalised form.
    public static let titles: [String] = [
        "mr", "mrs", "ms", "miss", "mx", "mister", "master", "dr", "doctor", "rev", "revd", "reverend",
        "prof", "professor", "sir", "lady", "dame", "lord",
    ]

    /// Normalised names that stand for no name and are ``MissingReason/placeholder``.
    public static let placeholders: [String] = [
        "unknown", "unk", "unkn", "not known", "notknown", "nk", "n/k", "not stated", "anonymous", "anon",
        "baby", "baby boy", "baby girl", "infant", "no one", "noone", "no name", "noname", "unnamed", "n/a",
    ]

    private static let titleBytes: [[UInt8]] = titles.map { Array($0.utf8) }
    private static let placeholderBytes: [[UInt8]] = placeholders.map { Array($0.utf8) }

    private let dropTitles: Bool

    /// Creates a name normaliser.
    /// - Parameter dropTitles: whether to drop leading titles such as `Mr` and `Dr`. Keep the default for
    ///   forenames and whole names; pass `false` for surnames, where `Master` or `Lady` may be the name.
    public init(dropTitles: Bool = true) {
        self.dropTitles = dropTitles
    }

    /// Normalises one forename or surname.
    /// - Parameter raw: the value as read.
    /// - Returns: `.value` with the normalised name, such as `smith jones` for `Smith-Jones`;
    ///   `.missing(.blank)` or `.missing(.placeholder)`; or `.invalid(.tooLong)`.
    /// - Complexity: O(*n*) in the value's length. An ASCII value allocates only its result.
    public func normalise(_ raw: String) -> NormalisedValue {
        normalise(raw, forceUnicodePath: false)
    }

    /// Normalises `raw`, optionally through the Unicode path even when it is ASCII (to test that both
    /// paths agree).
    func normalise(_ raw: String, forceUnicodePath: Bool) -> NormalisedValue {
        if !forceUnicodePath,
            let result = withContiguousUTF8(raw, { Self.normaliseASCII($0, dropTitles: dropTitles) })
        {
            return result
        }
        return Self.normaliseUnicode(raw, dropTitles: dropTitles)
    }

    /// The forms of a multi-part name to encode: the parts joined without spaces, then each part.
    ///
    /// Encoding all of them lets `Smith-Jones` match `Smith Jones` and `Smithjones` in full and `Jones` in
    /// part. Repeated parts are listed once.
    /// - Parameter normalised: a name as ``normalise(_:)`` returns it.
    /// - Returns: such as `["smithjones", "smith", "jones"]` for `smith jones`; `[name]` for a name of one
    ///   part; `[]` for an empty string.
    public static func variants(of normalised: String) -> [String] {
        let parts = normalised.split(separator: " ").map(String.init)
        guard parts.count > 1 else { return parts }
        var result = [parts.joined()]
        for part in parts where !result.contains(part) {
            result.append(part)
        }
        return result
    }

    /// The first initial of a normalised name.
    /// - Parameter normalised: a name as ``normalise(_:)`` returns it.
    /// - Returns: its first character, or `nil` when it is empty.
    public static func initial(of normalised: String) -> String? {
        normalised.first.map { String($0) }
    }

    // MARK: - ASCII path

    /// Normalises a value made only of ASCII bytes, or returns `nil` when it holds any other byte.
    private static func normaliseASCII(_ bytes: UnsafeRawBufferPointer, dropTitles: Bool) -> NormalisedValue? {
        for byte in bytes where byte >= 0x80 { return nil }
        var start = 0
        var end = bytes.count
        while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        if start == end { return .missing(.blank) }
        var length = end - start
        if length > maximumLength {
            // A carriage return followed by a line feed is one character.
            var index = start
            while index + 1 < end {
                if bytes[index] == 0x0D && bytes[index + 1] == 0x0A {
                    length -= 1
                    index += 2
                } else {
                    index += 1
                }
            }
            if length > maximumLength { return .invalid(.tooLong) }
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { out in
            var count = 0
            var pendingSpace = false
            for index in start..<end {
                var byte = bytes[index]
                switch byte {
                case 0x09...0x0D, 0x20, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ","):
                    pendingSpace = count > 0
                    continue
                case 0x00...0x08, 0x0E...0x1F, 0x7F, UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "^"):
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    byte |= 0x20
                default:
                    break
                }
                if pendingSpace {
                    out[count] = ASCII.space
                    count += 1
                    pendingSpace = false
                }
                out[count] = byte
                count += 1
            }
            return finish(UnsafeBufferPointer(rebasing: out[0..<count]), dropTitles: dropTitles)
        }
    }

    @inline(__always)
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == ASCII.space || byte &- ASCII.tab < 5 }

    // MARK: - Unicode path

    /// Normalises any value through Unicode normalisation and case folding.
    private static func normaliseUnicode(_ raw: String, dropTitles: Bool) -> NormalisedValue {
        let scalars = raw.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, scalars[lower].properties.isWhitespace { lower = scalars.index(after: lower) }
        while lower < upper {
            let before = scalars.index(before: upper)
            guard scalars[before].properties.isWhitespace else { break }
            upper = before
        }
        if lower == upper { return .missing(.blank) }
        let trimmed = Substring(scalars[lower..<upper])
        var characters = 0
        for _ in trimmed {
            characters += 1
            if characters > maximumLength { return .invalid(.tooLong) }
        }

        // Step 2: deletions that must precede NFKC.
        var kept = String.UnicodeScalarView()
        for scalar in trimmed.unicodeScalars where !isDeleted(scalar) {
            kept.append(scalar)
        }
        // Steps 3 and 4: NFKC, then full case folding.
        var folded = String.UnicodeScalarView()
        for scalar in String(kept).precomposedStringWithCompatibilityMapping.unicodeScalars {
            appendCaseFolded(scalar, to: &folded)
        }
        // Steps 5 to 7: NFKD; drop marks; fold letters without decompositions; separators. Deletions and
        // case folding are applied again to what NFKC and NFKD produced (a fullwidth apostrophe, say).
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var refolded = String.UnicodeScalarView()
        for scalar in String(folded).decomposedStringWithCompatibilityMapping.unicodeScalars {
            if isSeparator(scalar) {
                pendingSpace = !output.isEmpty
                continue
            }
            if isDeleted(scalar) || isCombiningMark(scalar) { continue }
            refolded.removeAll(keepingCapacity: true)
            appendCaseFolded(scalar, to: &refolded)
            for letter in refolded where !isCombiningMark(letter) {
                if pendingSpace {
                    output.append(" ")
                    pendingSpace = false
                }
                if let replacement = letterWithoutDecomposition(letter) {
                    output.append(contentsOf: replacement.unicodeScalars)
                } else {
                    output.append(letter)
                }
            }
        }
        // Step 8: recompose.
        let bytes = Array(String(output).precomposedStringWithCanonicalMapping.utf8)
        return bytes.withUnsafeBufferPointer { finish($0, dropTitles: dropTitles) }
    }

    /// Whether a scalar is deleted: an apostrophe, a modifier symbol, or a control or format character
    /// that is not whitespace.
    private static func isDeleted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2BC, 0x2018, 0x2019, 0x201B:
            return true
        default:
            let properties = scalar.properties
            switch properties.generalCategory {
            case .modifierSymbol, .format: return true
            case .control: return !properties.isWhitespace
            default: return false
            }
        }
    }

    /// Whether a scalar separates words: whitespace, a hyphen or dash, an underscore, a full stop or a comma.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "_", ".", ",": return true
        default: return scalar.properties.isWhitespace || scalar.properties.generalCategory == .dashPunctuation
        }
    }

    /// Whether a scalar is a nonspacing or enclosing combining mark (a diacritic, once decomposed).
    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Appends the full case folding of `scalar` (Unicode CaseFolding.txt, statuses C and F).
    ///
    /// The standard library exposes upper- and lower-case mappings but not case folding. For every scalar
    /// that changes when case folded, full folding is the lower case of the upper case, repeated until
    /// stable (`ẞ` → `ß` → `ss`), except where the lower case of the upper case is the scalar itself
    /// (lower-case Cherokee), which folds to its upper case.
    private static func appendCaseFolded(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView, depth: Int = 0) {
        guard depth < 3, scalar.properties.changesWhenCaseFolded else {
            output.append(scalar)
            return
        }
        let upperCase = scalar.properties.uppercaseMapping.unicodeScalars
        var lowerCase = String.UnicodeScalarView()
        for unit in upperCase {
            lowerCase.append(contentsOf: unit.properties.lowercaseMapping.unicodeScalars)
        }
        if lowerCase.count == 1, lowerCase.first == scalar {
            output.append(contentsOf: upperCase)
            return
        }
        for unit in lowerCase {
            appendCaseFolded(unit, to: &output, depth: depth + 1)
        }
    }

    /// The ASCII spelling of a lower-case letter that has no Unicode decomposition, or `nil`.
    private static func letterWithoutDecomposition(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0xDF: "ss"  // ß, in case folding has not already replaced it
        case 0xE6: "ae"  // æ
        case 0xF0: "d"  // ð
        case 0xF8: "o"  // ø
        case 0xFE: "th"  // þ
        case 0x111: "d"  // đ
        case 0x127: "h"  // ħ
        case 0x131: "i"  // ı
        case 0x142: "l"  // ł
        case 0x153: "oe"  // œ
        case 0x167: "t"  // ŧ
        default: nil
        }
    }

    // MARK: - Titles and placeholders

    /// Applies steps 9 and 10 to a name already reduced to words separated by single spaces.
    private static func finish(_ name: UnsafeBufferPointer<UInt8>, dropTitles: Bool) -> NormalisedValue {
        if name.isEmpty { return .missing(.blank) }
        var start = 0
        if dropTitles {
            while start < name.count {
                var end = start
                while end < name.count, name[end] != ASCII.space { end += 1 }
                guard isOneOf(titleBytes, name[start..<end]) else { break }
                start = end + 1
            }
            if start >= name.count { return .missing(.placeholder) }
        }
        let rest = UnsafeBufferPointer(rebasing: name[start...])
        if isPlaceholder(rest) { return .missing(.placeholder) }
        return .value(String(decoding: rest, as: UTF8.self))
    }

    private static func isOneOf(_ candidates: [[UInt8]], _ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        candidates.contains { $0.count == word.count && $0.elementsEqual(word) }
    }

    private static func isPlaceholder(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if isOneOf(placeholderBytes, name[...]) { return true }
        if name.count >= 2, name.allSatisfy({ $0 == UInt8(ascii: "x") }) { return true }
        for prefix in ["infant of", "baby of"] {
            let count = prefix.utf8.count
            if name.count >= count, name.prefix(count).elementsEqual(prefix.utf8),
                name.count == count || name[count] == ASCII.space
            {
                return true
            }
        }
        return false
    }
}
