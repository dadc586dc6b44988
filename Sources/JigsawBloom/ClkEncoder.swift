public import JigsawCrypto
internal import JigsawTokens

/// A feature value that could not be encoded, by feature position and reason (never the value).
public struct FeatureProblem: Sendable, Equatable {
    /// The feature's position in the schema.
    public var feature: Int
    /// Why the value was rejected.
    public var reason: FeatureInvalidReason
}

/// Encodes records into CLKs: each feature's value is validated, formatted, tokenised and hashed into one
/// Bloom filter of `length × 2^xorFolds` bits, which is then XOR-folded to `length` bits.
///
/// With a clkhash v3 schema the bits are those of clkhash 0.18.3's `generate_clk_from_csv`. Not
/// `Sendable`: make one per task (they share the ``FeatureKeys``).
public final class ClkEncoder {
    /// The schema.
    public let schema: LinkageSchema
    /// Whether values are validated against their formats (clkhash's `validate=True`).
    public let validate: Bool
    private let hashers: [FeatureHasher?]
    private let regexes: [Regex<AnyRegexOutput>?]
    private var tokens = TokenList()
    private var filter: [UInt8]
    /// Tokens each feature contributed to the last record encoded (0 when missing or ignored, −1 when invalid).
    public private(set) var lastTokenCounts: [Int]

    /// The number of bytes of an encoded CLK: `ceil(length / 8)`.
    public var byteCount: Int { (schema.length + 7) / 8 }

    /// Prepares an encoder.
    /// - Parameters:
    ///   - schema: the linkage schema.
    ///   - keys: the per-feature keys.
    ///   - validate: whether to check values against their formats.
    /// - Throws: ``CryptoError`` when a key cannot be set up.
    public init(schema: LinkageSchema, keys: FeatureKeys, validate: Bool = true) throws(CryptoError) {
        self.schema = schema
        self.validate = validate
        var hashers: [FeatureHasher?] = []
        for (index, feature) in schema.features.enumerated() {
            guard let hashing = feature.hashing else {
                hashers.append(nil)
                continue
            }
            hashers.append(try FeatureHasher(hash: hashing.hash, length: schema.hashLength, keys: keys, feature: index))
        }
        self.hashers = hashers
        regexes = schema.features.map { feature in
            if case .string(let rules)? = feature.format, let pattern = rules.pattern { return try? Regex(pattern) }
            return nil
        }
        filter = [UInt8](repeating: 0, count: (schema.hashLength + 7) / 8)
        lastTokenCounts = [Int](repeating: 0, count: schema.features.count)
    }

    /// Encodes one record.
    /// - Parameters:
    ///   - values: the record's values in schema order (ignored features included; missing trailing values
    ///     count as empty).
    ///   - output: ``byteCount`` writable bytes for the CLK.
    ///   - problems: receives each feature whose value was invalid; such a feature sets no bits.
    /// - Returns: the number of bits set in the CLK.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    @discardableResult
    public func encode(_ values: [String], into output: UnsafeMutableRawBufferPointer, problems: inout [FeatureProblem]) throws(CryptoError) -> Int {
        for i in filter.indices { filter[i] = 0 }
        for i in lastTokenCounts.indices { lastTokenCounts[i] = 0 }
        for (index, feature) in schema.features.enumerated() {
            guard let hashing = feature.hashing, let hasher = hashers[index] else { continue }
            let raw = index < values.count ? values[index] : ""
            let formatted: String
            switch feature.formatted(raw, validate: validate, regex: regexes[index]) {
            case .success(let value): formatted = value
            case .failure(let reason):
                problems.append(FeatureProblem(feature: index, reason: reason))
                lastTokenCounts[index] = -1
                continue
            }
            guard hashing.comparison.tokenise(formatted, encoding: hashing.encoding, into: &tokens) else {
                problems.append(FeatureProblem(feature: index, reason: .notNumber))
                lastTokenCounts[index] = -1
                continue
            }
            let count = tokens.count
            lastTokenCounts[index] = count
            guard count > 0 else { continue }
            var failure: CryptoError?
            tokens.bytes.withUnsafeBytes { all in
                filter.withUnsafeMutableBufferPointer { bits in
                    for t in 0..<count {
                        let k = hashing.strategy.bits(forToken: t, of: count)
                        do throws(CryptoError) {
                            try hasher.insert(UnsafeRawBufferPointer(rebasing: all[tokens.range(t)]), k: k, into: bits.baseAddress!)
                        } catch {
                            failure = error
                            return
                        }
                    }
                }
            }
            if let failure { throw failure }
        }
        return fold(into: output)
    }

    /// XOR-folds the filter `xorFolds` times (first half XOR second half) and copies `length` bits out.
    private func fold(into output: UnsafeMutableRawBufferPointer) -> Int {
        var bits = schema.hashLength
        for _ in 0..<schema.xorFolds {
            let half = bits / 2
            if half % 8 == 0 {
                for i in 0..<(half / 8) { filter[i] ^= filter[half / 8 + i] }
            } else {
                for i in 0..<half {
                    let j = i + half
                    if filter[j >> 3] & (0x80 >> UInt8(j & 7)) != 0 { filter[i >> 3] ^= 0x80 >> UInt8(i & 7) }
                }
            }
            bits = half
        }
        var popcount = 0
        for i in 0..<byteCount {
            var byte = filter[i]
            if i == byteCount - 1 && schema.length % 8 != 0 {
                byte &= UInt8(0xFF) << UInt8(8 - schema.length % 8)
            }
            output[i] = byte
            popcount += byte.nonzeroBitCount
        }
        return popcount
    }

    /// Encodes one record to standard base64 (convenience for tools and tests).
    /// - Parameter values: the record's values in schema order.
    /// - Returns: the CLK in base64 and the problems found.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    public func encodeBase64(_ values: [String]) throws(CryptoError) -> (clk: String, problems: [FeatureProblem]) {
        var problems: [FeatureProblem] = []
        var out = [UInt8](repeating: 0, count: byteCount)
        var failure: CryptoError?
        out.withUnsafeMutableBytes { buffer in
            do throws(CryptoError) { try encode(values, into: buffer, problems: &problems) } catch { failure = error }
        }
        if let failure { throw failure }
        return (Base64.encode(out), problems)
    }
}
