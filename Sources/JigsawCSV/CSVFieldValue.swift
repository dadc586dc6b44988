/// Reading a field's value out of its raw extent.
public enum CSVFieldValue {
    /// The field's value with its quotes removed and doubled quotes undoubled (allocates; for headers
    /// and occasional use).
    /// - Parameters:
    ///   - bytes: the buffer holding the field.
    ///   - field: the field's extent.
    /// - Returns: the value's bytes.
    public static func unquoted(_ bytes: [UInt8], _ field: CSVField) -> [UInt8] {
        bytes.withUnsafeBytes { raw in
            var out = [UInt8](repeating: 0, count: field.end - field.start)
            let n = out.withUnsafeMutableBytes { unquote(raw, field, into: $0) }
            return Array(out[0..<n])
        }
    }

    /// The field's value as text, with quotes removed and doubled quotes undoubled, and any bytes that are not
    /// UTF-8 replaced by U+FFFD (as `String(decoding:as:)` does). For per-row use: an unquoted field is decoded
    /// straight from the buffer, a quoted one through one buffer of its length.
    /// - Parameters:
    ///   - bytes: the buffer holding the field.
    ///   - field: the field's extent.
    /// - Returns: the value.
    public static func string(_ bytes: UnsafeRawBufferPointer, _ field: CSVField) -> String {
        if !field.quoted { return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self) }
        return withUnsafeTemporaryAllocation(byteCount: max(1, field.end - field.start), alignment: 1) { scratch in
            let n = unquote(bytes, field, into: scratch)
            return String(decoding: UnsafeRawBufferPointer(rebasing: scratch[0..<n]), as: UTF8.self)
        }
    }

    /// The field's value as text, like ``string(_:_:)``, or `nil` when its bytes are not valid UTF-8.
    /// - Parameters:
    ///   - bytes: the buffer holding the field.
    ///   - field: the field's extent.
    /// - Returns: the value, or `nil` for invalid UTF-8.
    public static func validatedString(_ bytes: UnsafeRawBufferPointer, _ field: CSVField) -> String? {
        if !field.quoted { return String(validating: UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self) }
        return withUnsafeTemporaryAllocation(byteCount: max(1, field.end - field.start), alignment: 1) { scratch in
            let n = unquote(bytes, field, into: scratch)
            return String(validating: UnsafeRawBufferPointer(rebasing: scratch[0..<n]), as: UTF8.self)
        }
    }

    /// Writes the field's value, with quotes removed and doubled quotes undoubled, into `output`.
    /// - Parameters:
    ///   - bytes: the buffer holding the field.
    ///   - field: the field's extent.
    ///   - output: at least `field.end - field.start` writable bytes.
    /// - Returns: the number of bytes written.
    /// - Complexity: O(*n*) in the field's length; no allocation.
    @inline(__always)
    public static func unquote(_ bytes: UnsafeRawBufferPointer, _ field: CSVField, into output: UnsafeMutableRawBufferPointer) -> Int {
        if !field.quoted {
            let n = field.end - field.start
            if n > 0 { output.baseAddress!.copyMemory(from: bytes.baseAddress! + field.start, byteCount: n) }
            return n
        }
        var n = 0
        var i = field.start + 1
        let end = field.end - 1
        while i < end {
            let byte = bytes[i]
            output[n] = byte
            n += 1
            i += byte == 0x22 ? 2 : 1
        }
        return n
    }

    /// Whether `bytes` are well-formed UTF-8.
    /// - Parameter bytes: the bytes to check.
    /// - Returns: `true` for valid UTF-8 (ASCII is checked without decoding).
    public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false; break }
        if ascii { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Whether a value must be quoted when written: it holds the delimiter, a quote, CR or LF.
    /// - Parameters:
    ///   - bytes: the value.
    ///   - dialect: the output dialect.
    /// - Returns: `true` when the value needs quotes.
    public static func needsQuotes(_ bytes: UnsafeRawBufferPointer, dialect: CSVDialect) -> Bool {
        for byte in bytes where byte == dialect.delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            return true
        }
        return false
    }

    /// Appends `value` to a byte buffer as one CSV field, quoting it when needed.
    /// - Parameters:
    ///   - value: the value's bytes.
    ///   - output: the buffer to append to.
    ///   - dialect: the output dialect.
    public static func appendField(_ value: UnsafeRawBufferPointer, to output: ByteBuffer, dialect: CSVDialect) {
        guard needsQuotes(value, dialect: dialect) else {
            output.append(value)
            return
        }
        output.append(0x22)
        for byte in value {
            output.append(byte)
            if byte == 0x22 { output.append(0x22) }
        }
        output.append(0x22)
    }

    /// Appends `value` to `output` as one CSV field, quoting it when needed.
    /// - Parameters:
    ///   - value: the value's bytes.
    ///   - output: the buffer to append to.
    ///   - dialect: the output dialect.
    public static func appendField(_ value: UnsafeRawBufferPointer, to output: inout [UInt8], dialect: CSVDialect) {
        let buffer = ByteBuffer(capacity: value.count + 2)
        appendField(value, to: buffer, dialect: dialect)
        buffer.withUnsafeBytes { output.append(contentsOf: $0) }
    }

    /// One comma-separated row of `fields` with a `\n` ending, each field quoted (RFC 4180) when it holds a
    /// comma, a quote or a line break: for the small text outputs commands write whole.
    /// - Parameter fields: the fields.
    /// - Returns: the row.
    public static func textRow(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            var quoted = "\""
            for character in field {
                if character == "\"" { quoted.append("\"") }
                quoted.append(character)
            }
            return quoted + "\""
        }.joined(separator: ",") + "\n"
    }

    /// `text` without spaces and tabs at either end: the one trimming rule for ids, tokens, keys and codes
    /// read from CSV (other white space, such as a no-break space, is part of the value).
    /// - Parameter text: the value.
    /// - Returns: the trimmed value.
    public static func trimmingSpacesAndTabs(_ text: String) -> String {
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = text.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        return String(text[first...last])
    }
}
