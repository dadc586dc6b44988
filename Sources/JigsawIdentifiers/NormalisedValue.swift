/// The outcome of normalising one quasi-identifier value (a name, a date of birth, a sex code or a
/// postcode) before it is encoded.
///
/// Missing and invalid values are data, not errors: they are counted and reported by line, and never set
/// bits in an encoding. Neither ``MissingReason`` nor ``NormalisationFailure`` carries any part of the
/// value, so both are safe to count, log and report.
public enum NormalisedValue: Equatable, Sendable {
    /// The canonical form of a present value; never empty.
    case value(String)
    /// No value is present: the field is blank, holds a placeholder, or holds a source's "not known" code.
    case missing(MissingReason)
    /// A value is present but cannot be normalised.
    case invalid(NormalisationFailure)
}

/// Why a value counts as missing. Missing values never set bits and never match another missing value.
public enum MissingReason: String, Sendable, CaseIterable {
    /// Empty once surrounding whitespace (and, for names, punctuation that normalisation removes) is gone.
    case blank
    /// A stand-in for a value: a placeholder name such as "unknown" or "baby", a name made only of titles,
    /// or a placeholder date of birth such as `1900-01-01`.
    case placeholder
    /// A source's own code for "not known", "not stated" or "not specified".
    case notKnown = "not-known"
    /// An NHS pseudo-postcode (`ZZ99` followed by a digit and two letters), such as `ZZ99 3VZ` (no fixed
    /// abode) or `ZZ99 3WZ` (not known).
    case pseudoPostcode = "pseudo-postcode"
}

/// Why a present value could not be normalised. Carries no part of the value.
public enum NormalisationFailure: String, Sendable, CaseIterable {
    /// A code that the declared codebook does not define.
    case unknownCode = "unknown-code"
    /// The value does not have the declared or required shape.
    case badFormat = "bad-format"
    /// A well-formed date that does not exist, such as 31 April or 29 February in a common year.
    case impossibleDate = "impossible-date"
    /// A date after the normaliser's `today`.
    case futureDate = "future-date"
    /// A value longer than its field allows.
    case tooLong = "too-long"
}

/// Calls `body` with the UTF-8 bytes of `text`, without copying when the string is stored contiguously.
@inline(__always)
func withContiguousUTF8<Result>(_ text: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(text.utf8).withUnsafeBytes(body)
}
