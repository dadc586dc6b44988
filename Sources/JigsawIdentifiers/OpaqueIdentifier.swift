/// Identifiers of any other domain (a council child ID, a ULN, a CHI number): opaque strings.
///
/// The canonical form is the value without leading and trailing spaces and tabs; an empty result is
/// blank. Whether the bytes are valid UTF-8 is the caller's check (the CSV layer reports it as an input
/// error, with line and column).
public enum OpaqueIdentifier {
    /// Trims `raw` and copies the result to `output`.
    /// - Parameters:
    ///   - raw: the value as read.
    ///   - output: at least `raw.count` writable bytes.
    /// - Returns: `.valid(length:temporary: false)` or `.blank`.
    /// - Complexity: O(*n*); no allocation.
    public static func canonicalise(_ raw: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> IdentifierCheck {
        let range = ASCII.trimmedRange(raw)
        if range.isEmpty { return .blank }
        UnsafeMutableRawBufferPointer(rebasing: output[0..<range.count]).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[range]))
        return .valid(length: range.count, temporary: false)
    }
}
