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

    /// `int(text, 10)`: surrounding white space, an optional sign, decimal digits (any script's, as
    /// Python accepts) with single underscores between them. Returns the canonical decimal text (Python's
    /// `str(int(text))`) and the value when it fits in 64 bits; `nil` where Python raises.
    static func integerText(_ text: String) -> (text: String, value: Int?)? {
        var scalars = Array(trimmed(text).unicodeScalars)
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars.removeFirst()
        }
        guard let first = scalars.first, let last = scalars.last, first != "_", last != "_" else { return nil }
        var digits: [UInt8] = []
        var previousUnderscore = false
        for scalar in scalars {
            if scalar == "_" {
                guard !previousUnderscore else { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
                  value >= 0, value <= 9 else { return nil }
            digits.append(UInt8(value))
        }
        while digits.count > 1 && digits.first == 0 { digits.removeFirst() }
        let isZero = digits == [0]
        let canonical = (negative && !isZero ? "-" : "") + String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        var value = 0
        for digit in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { return (canonical, nil) }
            value = sum
        }
        return (canonical, negative ? -value : value)
    }

    /// `int(text, 10)` when the value fits in 64 bits.
    static func integer(_ text: String) -> Int? {
        integerText(text)?.value
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
