/// Number parsing as Python's `int(text, 10)` and `float(text)` do it, for clkhash's integer features and
/// numeric comparisons (written by hand: Swift's parsers differ on white space, `+`, and `_`).
enum PythonNumber {
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    private static func trimmed(_ text: String) -> Substring {
        var view = Substring(text)
        while let first = view.unicodeScalars.first, isSpace(first) { view = Substring(view.unicodeScalars.dropFirst()) }
        while let last = view.unicodeScalars.last, isSpace(last) { view = Substring(view.unicodeScalars.dropLast()) }
        return view
    }

    /// `int(text, 10)`: surrounding white space, an optional sign, ASCII digits with single underscores
    /// between them. `nil` where Python raises (or the value does not fit in 64 bits).
    static func integer(_ text: String) -> Int? {
        var bytes = Array(trimmed(text).utf8)
        var negative = false
        if let first = bytes.first, first == 0x2B || first == 0x2D {
            negative = first == 0x2D
            bytes.removeFirst()
        }
        guard let first = bytes.first, let last = bytes.last, first != 0x5F, last != 0x5F else { return nil }
        var value = 0
        var previousUnderscore = false
        for byte in bytes {
            if byte == 0x5F {
                guard !previousUnderscore else { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// `float(text)` for finite decimal numbers (with optional exponent and underscores between digits).
    static func double(_ text: String) -> Double? {
        let core = String(trimmed(text)).replacingUnderscoresBetweenDigits()
        guard let core, !core.isEmpty else { return nil }
        let lower = core.lowercased()
        if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"].contains(lower) { return nil }
        guard core.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x65 || $0 == 0x45 }) else { return nil }
        return Double(core)
    }
}

extension String {
    /// Removes underscores that stand between two digits; `nil` if any other underscore is present.
    fileprivate func replacingUnderscoresBetweenDigits() -> String? {
        let bytes = Array(utf8)
        var out: [UInt8] = []
        for (i, byte) in bytes.enumerated() {
            if byte == 0x5F {
                guard i > 0, i + 1 < bytes.count, bytes[i - 1] &- 0x30 < 10, bytes[i + 1] &- 0x30 < 10 else { return nil }
                continue
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
