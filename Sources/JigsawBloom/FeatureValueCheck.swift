/// Why a feature's value was rejected; counted and reported by line, never with the value.
public enum FeatureInvalidReason: String, Error, Sendable, CaseIterable {
    /// The value has a character its encoding cannot represent (e.g. non-ASCII under `ascii`).
    case encoding
    /// The value does not match the feature's regular expression.
    case pattern
    /// Shorter than `minLength`.
    case tooShort = "too-short"
    /// Longer than `maxLength`.
    case tooLong = "too-long"
    /// Not in the required case.
    case letterCase = "case"
    /// Not a base-10 integer.
    case notInteger = "not-integer"
    /// Below `minimum` or above `maximum`.
    case outOfRange = "out-of-range"
    /// Not a date in the declared format, or not a real date.
    case badDate = "bad-date"
    /// Not one of the enumerated values.
    case notInEnum = "not-in-enum"
    /// Not a number, for a numeric comparison.
    case notNumber = "not-number"
    /// Not in the declared format (Jigsaw profile normalisers).
    case badFormat = "bad-format"
    /// A code missing from the declared codebook (sex).
    case unknownCode = "unknown-code"
    /// A date that does not exist (31 April).
    case impossibleDate = "impossible-date"
    /// A date of birth in the future.
    case futureDate = "future-date"
    /// The bytes are not UTF-8 (reported as an input error naming line and column, not counted).
    case invalidUTF8 = "invalid-utf8"
}

extension FeatureSpec {
    /// Checks a value and returns the string to tokenise (clkhash's `validate` then `format_value`).
    /// - Parameters:
    ///   - value: the raw value as read.
    ///   - validate: whether to apply the format's checks (clkhash's `validate=True`).
    ///   - regex: the compiled `pattern`, when the format has one (compile once per task).
    /// - Returns: the formatted value, or the reason it is invalid.
    public func formatted(_ value: String, validate: Bool = true, regex: Regex<AnyRegexOutput>? = nil) -> Result<String, FeatureInvalidReason> {
        guard let format, let hashing else { return .success("") }
        if let missing = hashing.missingValue, missing.sentinel == value { return .success(missing.replaceWith) }
        if validate, hashing.encoding == .ascii, !value.utf8.allSatisfy({ $0 < 0x80 }) { return .failure(.encoding) }
        switch format {
        case .string(let rules):
            guard validate else { return .success(value) }
            if let pattern = rules.pattern {
                guard let compiled = regex ?? (try? Regex(pattern))?.matchingSemantics(.unicodeScalar),
                      (try? compiled.wholeMatch(in: value)) ?? nil != nil else {
                    return .failure(.pattern)
                }
                return .success(value)
            }
            let length = value.unicodeScalars.count
            if let minimum = rules.minLength, length < minimum { return .failure(.tooShort) }
            if let maximum = rules.maxLength, length > maximum { return .failure(.tooLong) }
            if rules.letterCase == "upper", value.uppercased() != value { return .failure(.letterCase) }
            if rules.letterCase == "lower", value.lowercased() != value { return .failure(.letterCase) }
            return .success(value)
        case .integer(let minimum, let maximum):
            guard let (text, number) = PythonNumber.integerText(value) else { return .failure(.notInteger) }
            if validate {
                // A value beyond 64 bits is beyond any bound on its side.
                let negative = text.hasPrefix("-")
                if let minimum, number.map({ $0 < minimum }) ?? negative { return .failure(.outOfRange) }
                if let maximum, number.map({ $0 > maximum }) ?? !negative { return .failure(.outOfRange) }
            }
            return .success(text)
        case .date(let pattern):
            guard let date = pattern.reformat(value) else { return .failure(.badDate) }
            return .success(date)
        case .enumeration(let values):
            if validate, !values.contains(value) { return .failure(.notInEnum) }
            return .success(value)
        }
    }
}
