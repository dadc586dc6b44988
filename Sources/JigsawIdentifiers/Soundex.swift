/// American Soundex, one of the variables UK hashed linkage derives from a name before encoding.
///
/// The code is the first letter, upper-cased, followed by three digits: b f p v → 1; c g j k q s x z → 2;
/// d t → 3; l → 4; m n → 5; r → 6. Adjacent letters with the same digit are coded once, including the
/// first letter and the one after it; a vowel (a e i o u y) between two such letters separates them, so
/// the digit is written again; h and w do not separate them. The code is padded with zeros or cut to four
/// characters.
///
/// Only the ASCII letters of the name are coded; every other character, spaces included, is skipped as
/// though absent, so `smith jones` has the code of `smithjones`. Pass a name that ``NameNormaliser`` has
/// normalised, which has already folded accented letters to ASCII.
public enum Soundex {
    /// The digit for each letter a–z: 0 for a vowel, 7 for h and w (coded as nothing, separating nothing).
    private static let digits: [UInt8] = [
        0, 1, 2, 3, 0, 1, 2, 7, 0, 2, 2, 4, 5, 5, 0, 1, 2, 6, 2, 3, 0, 1, 7, 2, 0, 2,
    ]

    /// The Soundex code of the ASCII letters of a normalised name.
    /// - Parameter normalised: a name, normally the output of ``NameNormaliser/normalise(_:)``.
    /// - Returns: a letter and three digits, such as `R163` for `robert`, or `nil` when the name has no
    ///   ASCII letter.
    /// - Complexity: O(*n*) in the name's length.
    public static func code(_ normalised: String) -> String? {
        withContiguousUTF8(normalised) { bytes -> String? in
            var code: (UInt8, UInt8, UInt8, UInt8) = (0, 0x30, 0x30, 0x30)
            return withUnsafeMutableBytes(of: &code) { out -> String? in
                var count = 0
                var previous: UInt8 = 0
                for byte in bytes {
                    let lower = byte | 0x20
                    guard lower &- 0x61 < 26 else { continue }
                    let digit = digits[Int(lower &- 0x61)]
                    if count == 0 {
                        out[0] = lower &- 0x20
                        count = 1
                        previous = digit == 7 ? 0 : digit
                        continue
                    }
                    switch digit {
                    case 7:
                        continue
                    case 0:
                        previous = 0
                    default:
                        if digit != previous {
                            out[count] = 0x30 + digit
                            count += 1
                        }
                        previous = digit
                    }
                    if count == 4 { break }
                }
                guard count > 0 else { return nil }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
