/// Maps a source's sex or gender code to `M`, `F` or `I` (indeterminate), or to missing.
///
/// Each source has its own codebook, declared up front and never guessed. The code is matched after
/// removing leading and trailing spaces and tabs, ignoring the case of ASCII letters; anything the
/// codebook does not define is ``NormalisationFailure/unknownCode``. Codes meaning not known, not stated
/// or not specified are ``MissingReason/notKnown``: they are never encoded and never match.
///
/// | codebook | `M` | `F` | `I` | not known |
/// |---|---|---|---|---|
/// | ``Codebook/nhsStatedGender`` | 1 | 2 | 9 | X |
/// | ``Codebook/iso5218`` | 1 | 2 | | 0, 9 |
/// | ``Codebook/cinCensus2024`` | M | F | | U |
/// | ``Codebook/ssda903`` | 1 | 2 | | |
/// | ``Codebook/schoolCensus`` | M | F | | |
public struct SexNormaliser: Sendable {
    /// The codebooks Jigsaw knows, one per kind of source.
    public enum Codebook: String, Sendable, CaseIterable {
        /// NHS Data Dictionary, person stated gender code: 1 male, 2 female, 9 indeterminate, X not known.
        case nhsStatedGender = "nhs-stated-gender"
        /// ISO/IEC 5218, the older NHS person gender code: 0 not known, 1 male, 2 female, 9 not
        /// specified. The DfE Children in Need census to 2022/23 uses the same codes.
        case iso5218 = "iso-5218"
        /// DfE Children in Need census from 2024/25: M, F, U (unknown).
        case cinCensus2024 = "cin-2024"
        /// DfE SSDA903, children looked after: 1 male, 2 female.
        case ssda903 = "ssda903"
        /// DfE school census: M, F.
        case schoolCensus = "school-census"
    }

    private let codebook: Codebook

    /// Creates a normaliser for one source's codebook.
    /// - Parameter codebook: the codebook the source uses.
    public init(codebook: Codebook) {
        self.codebook = codebook
    }

    /// Maps one source code to `M`, `F` or `I`, or says why it cannot.
    /// - Parameter raw: the code as read.
    /// - Returns: `.value("M")`, `.value("F")` or `.value("I")`; `.missing(.notKnown)` for the codebook's
    ///   not-known codes; `.missing(.blank)` when only spaces and tabs are present;
    ///   `.invalid(.unknownCode)` for anything else.
    /// - Complexity: O(*n*) in the value's length; no allocation.
    public func normalise(_ raw: String) -> NormalisedValue {
        withContiguousUTF8(raw) { bytes in
            let range = ASCII.trimmedRange(bytes)
            if range.isEmpty { return .missing(.blank) }
            guard range.count == 1 else { return .invalid(.unknownCode) }
            var code = bytes[range.lowerBound]
            if code &- 0x61 < 26 { code &-= 0x20 }
            return Self.map(code, in: codebook)
        }
    }

    private static let male = NormalisedValue.value("M")
    private static let female = NormalisedValue.value("F")
    private static let indeterminate = NormalisedValue.value("I")

    /// Maps one upper-cased ASCII code byte through `codebook`.
    private static func map(_ code: UInt8, in codebook: Codebook) -> NormalisedValue {
        switch (codebook, code) {
        case (.nhsStatedGender, UInt8(ascii: "1")): male
        case (.nhsStatedGender, UInt8(ascii: "2")): female
        case (.nhsStatedGender, UInt8(ascii: "9")): indeterminate
        case (.nhsStatedGender, UInt8(ascii: "X")): .missing(.notKnown)

        case (.iso5218, UInt8(ascii: "0")): .missing(.notKnown)
        case (.iso5218, UInt8(ascii: "1")): male
        case (.iso5218, UInt8(ascii: "2")): female
        case (.iso5218, UInt8(ascii: "9")): .missing(.notKnown)

        case (.cinCensus2024, UInt8(ascii: "M")): male
        case (.cinCensus2024, UInt8(ascii: "F")): female
        case (.cinCensus2024, UInt8(ascii: "U")): .missing(.notKnown)

        case (.ssda903, UInt8(ascii: "1")): male
        case (.ssda903, UInt8(ascii: "2")): female

        case (.schoolCensus, UInt8(ascii: "M")): male
        case (.schoolCensus, UInt8(ascii: "F")): female

        default: .invalid(.unknownCode)
        }
    }
}
