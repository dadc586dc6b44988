/// Tokens of one feature value, as bytes in the feature's encoding, stored flat and reused per value.
struct TokenList {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    /// Scratch for the UTF-8 fast path: the padded value and its scalar boundaries.
    private var padded: [UInt8] = []
    private var boundaries: [Int] = []

    /// Appends every n-gram of `value` (padded with n−1 spaces when n > 1) as UTF-8 bytes, without
    /// building scalars or strings; positional n-grams get their `"<index> "` prefix written as digits.
    mutating func appendUTF8NGrams(_ value: String, n: Int, positional: Bool) {
        var copy = value
        copy.withUTF8 { appendUTF8NGrams(UnsafeRawBufferPointer($0), n: n, positional: positional) }
    }

    /// Appends every n-gram of a value given as valid UTF-8 bytes; see ``appendUTF8NGrams(_:n:positional:)-(String,_,_)``.
    mutating func appendUTF8NGrams(_ value: UnsafeRawBufferPointer, n: Int, positional: Bool) {
        padded.removeAll(keepingCapacity: true)
        boundaries.removeAll(keepingCapacity: true)
        let pad = n > 1 ? n - 1 : 0
        for _ in 0..<pad {
            boundaries.append(padded.count)
            padded.append(0x20)
        }
        for byte in value {
            if byte & 0xC0 != 0x80 { boundaries.append(padded.count) }
            padded.append(byte)
        }
        for _ in 0..<pad {
            boundaries.append(padded.count)
            padded.append(0x20)
        }
        boundaries.append(padded.count)
        let scalars = boundaries.count - 1
        guard scalars >= n else { return }
        for i in 0...(scalars - n) {
            if positional {
                var number = i + 1
                var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
                var count = 0
                withUnsafeMutableBytes(of: &digits) { d in
                    repeat {
                        d[count] = UInt8(0x30 + number % 10)
                        number /= 10
                        count += 1
                    } while number > 0 && count < 8
                    for j in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[j]) }
                }
                bytes.append(0x20)
            }
            bytes.append(contentsOf: padded[boundaries[i]..<boundaries[i + n]])
            ends.append(bytes.count)
        }
    }

    var count: Int { ends.count }

    mutating func append(contentsOf other: TokenList) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.map { $0 + base })
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// Appends one token made of `prefix` (ASCII) followed by `scalars` in `encoding`.
    mutating func append(prefix: String = "", _ scalars: ArraySlice<Unicode.Scalar>, encoding: TextEncoding) {
        switch encoding {
        case .utf16: bytes.append(contentsOf: [0xFF, 0xFE])
        case .utf32: bytes.append(contentsOf: [0xFF, 0xFE, 0x00, 0x00])
        case .ascii, .utf8: break
        }
        for byte in prefix.utf8 { appendScalar(Unicode.Scalar(byte), encoding) }
        for scalar in scalars { appendScalar(scalar, encoding) }
        ends.append(bytes.count)
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar, _ encoding: TextEncoding) {
        switch encoding {
        case .ascii, .utf8:
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        case .utf16:
            for unit in UTF16.encode(scalar)! {
                bytes.append(UInt8(unit & 0xFF))
                bytes.append(UInt8(unit >> 8))
            }
        case .utf32:
            let value = scalar.value
            bytes.append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
        }
    }
}

extension Comparison {
    /// Separates the variants of a profile feature's value (U+001F, the ASCII unit separator).
    static let variantSeparator: Unicode.Scalar = "\u{1F}"

    /// Splits a formatted value into tokens (clkhash's comparators' `tokenize`).
    /// - Parameters:
    ///   - value: the formatted value.
    ///   - encoding: how tokens become bytes.
    ///   - tokens: emptied, then filled.
    /// - Returns: `false` when a numeric comparison meets a value that is not a number.
    func tokenise(_ value: String, encoding: TextEncoding, into tokens: inout TokenList, splitsVariants: Bool = false) -> Bool {
        tokens.removeAll()
        if value.isEmpty { return true }
        if splitsVariants && value.unicodeScalars.contains(Self.variantSeparator) {
            // Each variant (a name part, a date part) is tokenised on its own; the tokens accumulate.
            var all = TokenList()
            for part in value.unicodeScalars.split(separator: Self.variantSeparator) {
                var partTokens = TokenList()
                guard tokenise(String(String.UnicodeScalarView(part)), encoding: encoding, into: &partTokens) else { return false }
                all.append(contentsOf: partTokens)
            }
            tokens = all
            return true
        }
        switch self {
        case .ngram(let n, let positional) where encoding == .utf8 || encoding == .ascii:
            tokens.appendUTF8NGrams(value, n: n, positional: positional)
        case .ngram(let n, let positional):
            var scalars = Array(value.unicodeScalars)
            if n > 1 {
                let pad = [Unicode.Scalar](repeating: " ", count: n - 1)
                scalars = pad + scalars + pad
            }
            guard scalars.count >= n else { return true }
            for i in 0...(scalars.count - n) {
                tokens.append(prefix: positional ? "\(i + 1) " : "", scalars[i..<(i + n)], encoding: encoding)
            }
        case .exact:
            let scalars = Array(value.unicodeScalars)
            tokens.append(scalars[...], encoding: encoding)
        case .numeric(let thresholdDistance, let resolution, let precision):
            guard let words = Self.numericTokens(value, thresholdDistance: thresholdDistance, resolution: resolution, precision: precision) else {
                return false
            }
            for word in words { tokens.append(Array(word.unicodeScalars)[...], encoding: encoding) }
        }
        return true
    }

    /// clkhash's `NumericComparison.tokenize`, with Python's integer and rounding semantics.
    static func numericTokens(_ word: String, thresholdDistance: Double, resolution: Int, precision: Int) -> [String]? {
        let scale = (0..<precision).reduce(1) { value, _ in value * 10 }
        let interval = Int((thresholdDistance * Double(scale)).rounded(.toNearestOrEven))
        // Values beyond 64-bit arithmetic (Python would use big integers) are reported as not numbers
        // rather than trapping.
        var v: Int
        if let integer = PythonNumber.integer(word) {
            let (scaled, overflow) = integer.multipliedReportingOverflow(by: precision > 0 ? scale : 1)
            guard !overflow else { return nil }
            v = scaled
        } else if let real = PythonNumber.double(word) {
            let product = precision > 0 ? (real * Double(scale)).rounded(.toNearestOrEven) : real.rounded(.towardZero)
            guard product.isFinite, abs(product) < 9.0e15 else { return nil }
            v = Int(product)
        } else {
            return nil
        }
        let (doubled, overflow) = v.multipliedReportingOverflow(by: 2 * resolution)
        let (span, spanOverflow) = interval.multipliedReportingOverflow(by: resolution + 1)
        guard !overflow, !spanOverflow, span < Int.max / 4, doubled.magnitude < UInt(Int.max / 4 - span) else { return nil }
        v = doubled
        var residue = v % interval
        if residue < 0 { residue += interval }  // Python's modulo is never negative for a positive divisor
        if residue != 0 {
            if Double(residue) < Double(interval) / 2 { v -= residue } else { v += interval - residue }
        }
        return (-resolution...resolution).map { String(v + $0 * interval) }
    }
}
