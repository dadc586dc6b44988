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
/// With a clkhash v3 schema the bits are those of clkhash 0.18.3's `generate_clk_from_csv`. A feature's
/// bits depend only on its raw value (and, in a profile, the record's salt), so each feature keeps a
/// bounded cache from raw value to its partial filter: repeated names, dates and codes cost one lookup and
/// a few word ORs. Not `Sendable`: make one per task (they share the ``FeatureKeys``).
public final class ClkEncoder {
    /// The schema.
    public let schema: LinkageSchema
    /// Whether values are validated against their formats (clkhash's `validate=True`).
    public let validate: Bool
    private let hashers: [FeatureHasher?]
    private let regexes: [Regex<AnyRegexOutput>?]
    private var tokens = TokenList()
    /// The filter as 64-bit words; word `w` holds bytes `8w..<8w+8` in memory (little-endian) order, so
    /// bit `p` is bit `7 − p mod 8` of byte `p / 8`, as clkhash's `bitarray` numbers them.
    private var words: [UInt64]
    private let wordCount: Int
    private let hardening: HardeningLayer?
    private var valueCaches: [TokenHashCache<UInt64>]
    private let plainText: [Bool]
    /// Per feature: lookups and hits so far, and whether caching was given up for lack of repeats.
    private var lookups: [Int]
    private var hits: [Int]
    private var bypass: [Bool]
    private let salted: [Bool]
    private var key: [UInt8] = []
    private var folded: [UInt8]
    /// Tokens each feature contributed to the last record encoded (0 when missing or ignored, −1 when invalid).
    public private(set) var lastTokenCounts: [Int]

    /// The number of bytes of an encoded CLK: `ceil(outputLength / 8)`.
    public var byteCount: Int { (schema.outputLength + 7) / 8 }

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
            hashers.append(try FeatureHasher(hash: hashing.hash, length: schema.hashLength, keys: keys, feature: schema.profile?.features[index].keysFrom ?? index))
        }
        self.hashers = hashers
        regexes = schema.features.map { feature in
            if case .string(let rules)? = feature.format, let pattern = rules.pattern {
                return (try? Regex(pattern))?.matchingSemantics(.unicodeScalar)
            }
            return nil
        }
        wordCount = (schema.hashLength + 63) / 64
        words = [UInt64](repeating: 0, count: wordCount)
        folded = [UInt8](repeating: 0, count: wordCount * 8)
        if let profile = schema.profile, profile.hardening != .none, let key = keys.hardeningKey {
            hardening = HardeningLayer(hardening: profile.hardening, inputLength: schema.length, key: key)
        } else {
            hardening = nil
        }
        salted = schema.features.indices.map { schema.profile?.features[$0].salted ?? false }
        plainText = schema.features.map(Self.isPlainText)
        // About 1 MiB of cached partial filters per feature.
        valueCaches = schema.features.map { _ in TokenHashCache<UInt64>(limit: 1 << 14, valueLimit: 1 << 17) }
        lastTokenCounts = [Int](repeating: 0, count: schema.features.count)
        lookups = [Int](repeating: 0, count: schema.features.count)
        hits = lookups
        bypass = [Bool](repeating: false, count: schema.features.count)
    }

    /// Encodes one record from its raw values.
    /// - Parameters:
    ///   - values: the record's values in schema order (ignored features included; missing trailing values
    ///     count as empty).
    ///   - output: ``byteCount`` writable bytes for the CLK.
    ///   - problems: receives each feature whose value was invalid; such a feature sets no bits.
    ///   - salt: the record's salt value, for the features a profile salts.
    /// - Returns: the number of bits set in the CLK.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    @discardableResult
    public func encode(_ values: [String], into output: UnsafeMutableRawBufferPointer, problems: inout [FeatureProblem], salt: [UInt8]? = nil) throws(CryptoError) -> Int {
        var failure: CryptoError?
        var raw: [UnsafeRawBufferPointer] = []
        // Keep the strings' UTF-8 alive while their bytes are read.
        let utf8 = values.map { Array($0.utf8) }
        func run(_ index: Int) {
            if index == utf8.count {
                do throws(CryptoError) { try encodeRaw(raw, problems: &problems, salt: salt) } catch { failure = error }
                return
            }
            utf8[index].withUnsafeBytes { bytes in
                raw.append(bytes)
                run(index + 1)
            }
        }
        run(0)
        if let failure { throw failure }
        return finish(into: output)
    }

    /// Encodes one record from its raw UTF-8 values (the fast path used for CSV input), leaving the
    /// result to ``finish(into:)``.
    /// - Parameters:
    ///   - values: the record's raw values in schema order, as UTF-8 bytes (missing trailing ones are empty).
    ///   - problems: receives invalid features (``FeatureInvalidReason/invalidUTF8`` for bytes that are not UTF-8).
    ///   - salt: the record's salt value, for the features a profile salts.
    /// - Throws: ``CryptoError`` if OpenSSL fails.
    func encodeRaw(_ values: [UnsafeRawBufferPointer], problems: inout [FeatureProblem], salt: [UInt8]?) throws(CryptoError) {
        for i in 0..<wordCount { words[i] = 0 }
        // Plain flags per feature: copying a FeatureSpec per record would retain and release its strings.
        for index in 0..<hashers.count {
            guard hashers[index] != nil else {
                lastTokenCounts[index] = 0
                continue
            }
            let raw = index < values.count ? values[index] : UnsafeRawBufferPointer(start: nil, count: 0)
            if bypass[index] {
                // Values of this feature rarely repeat (e.g. full postcodes): compute straight into the filter.
                let entry = try partialFilter(of: schema.features[index], index: index, raw: raw, salt: salted[index] ? (salt ?? []) : nil)
                apply(entry[...], index: index, problems: &problems)
                continue
            }
            // The cache key is the raw value, followed for a salted feature by U+001F and the salt.
            let range: Range<Int>
            if salted[index] {
                key.removeAll(keepingCapacity: true)
                key.append(contentsOf: raw)
                key.append(0x1F)
                key.append(contentsOf: salt ?? [])
                let saltedKey = key
                var failure: CryptoError?
                var found: Range<Int>?
                saltedKey.withUnsafeBytes { bytes in
                    do throws(CryptoError) { found = try cachedEntry(index, key: bytes, raw: raw, salt: salt ?? []) } catch { failure = error }
                }
                if let failure { throw failure }
                range = found!
            } else {
                range = try cachedEntry(index, key: raw, raw: raw, salt: nil)
            }
            apply(valueCaches[index].values[range], index: index, problems: &problems)
        }
    }

    /// The cache entry for a feature value, computed and stored on a miss.
    @inline(__always)
    private func cachedEntry(_ index: Int, key: UnsafeRawBufferPointer, raw: UnsafeRawBufferPointer, salt: [UInt8]?) throws(CryptoError) -> Range<Int> {
        let digest = fnv1a(key)
        lookups[index] += 1
        if let range = valueCaches[index].lookup(key, digest: digest) {
            hits[index] += 1
            return range
        }
        let entry = try partialFilter(of: schema.features[index], index: index, raw: raw, salt: salt)
        if lookups[index] == 8192 && hits[index] < 2048 { bypass[index] = true }
        return valueCaches[index].insert(key, digest: digest, result: entry)
    }

    /// ORs a cache entry's partial filter into the record's filter, or records its problem.
    @inline(__always)
    private func apply(_ entry: ArraySlice<UInt64>, index: Int, problems: inout [FeatureProblem]) {
        let header = entry[entry.startIndex]
        let reason = Int(header >> 32) - 1
        lastTokenCounts[index] = reason >= 0 ? -1 : Int(header & 0xFFFF_FFFF)
        if reason >= 0 {
            problems.append(FeatureProblem(feature: index, reason: FeatureInvalidReason.allCases[reason]))
            return
        }
        guard entry.count > 1 else { return }
        entry.withUnsafeBufferPointer { partial in
            words.withUnsafeMutableBufferPointer { filter in
                for w in 0..<(partial.count - 1) { filter[w] |= partial[w + 1] }
            }
        }
    }

    /// A feature's cache entry: a header word (token count; reason index + 1 in the high half, 0 when
    /// valid) followed, for a valid value, by its partial filter's words.
    private func partialFilter(of feature: FeatureSpec, index: Int, raw: UnsafeRawBufferPointer, salt: [UInt8]?) throws(CryptoError) -> [UInt64] {
        func invalid(_ reason: FeatureInvalidReason) -> [UInt64] {
            [UInt64(FeatureInvalidReason.allCases.firstIndex(of: reason)! + 1) << 32]
        }
        guard let hashing = feature.hashing, let hasher = hashers[index] else { return [0] }
        if plainText[index] {
            // Fast path for UTF-8 text checked only by length, tokenised as n-grams: no String is built.
            guard raw.count == 0 || Self.isValidUTF8(raw) else { return invalid(.invalidUTF8) }
            if validate, case .string(let rules)? = feature.format {
                var scalars = 0
                for byte in raw where byte & 0xC0 != 0x80 { scalars += 1 }
                if let minimum = rules.minLength, scalars < minimum { return invalid(.tooShort) }
                if let maximum = rules.maxLength, scalars > maximum { return invalid(.tooLong) }
            }
            tokens.removeAll()
            if raw.count > 0, case .ngram(let n, let positional) = hashing.comparison {
                tokens.appendUTF8NGrams(raw, n: n, positional: positional)
            }
        } else {
            guard let text = String(validating: raw, as: UTF8.self) else { return invalid(.invalidUTF8) }
            let formatted: String
            switch feature.formatted(text, validate: validate, regex: regexes[index]) {
            case .success(let value): formatted = value
            case .failure(let reason): return invalid(reason)
            }
            guard hashing.comparison.tokenise(formatted, encoding: hashing.encoding, into: &tokens, splitsVariants: hashing.splitsVariants) else {
                return invalid(.notNumber)
            }
        }
        let count = tokens.count
        guard count > 0 else { return [0] }
        var entry = [UInt64](repeating: 0, count: 1 + wordCount)
        entry[0] = UInt64(count)
        var failure: CryptoError?
        entry.withUnsafeMutableBufferPointer { filter in
            tokens.bytes.withUnsafeBytes { all in
                for t in 0..<count {
                    let k = hashing.strategy.bits(forToken: t, of: count)
                    do throws(CryptoError) {
                        try hasher.insert(UnsafeRawBufferPointer(rebasing: all[tokens.range(t)]), k: k, salt: salt, into: filter.baseAddress! + 1)
                    } catch {
                        failure = error
                        return
                    }
                }
            }
        }
        if let failure { throw failure }
        return entry
    }

    @inline(__always)
    private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte >= 0x80 { return String(validating: bytes, as: UTF8.self) != nil }
        return true
    }

    /// Whether a feature is UTF-8 (or ASCII-free) text with at most length rules, no sentinel, and n-gram
    /// tokens: such values need no `String` to be checked and tokenised.
    private static func isPlainText(_ feature: FeatureSpec) -> Bool {
        guard case .string(let rules)? = feature.format, let hashing = feature.hashing,
              rules.pattern == nil, rules.letterCase == "mixed", rules.encoding == .utf8,
              hashing.missingValue == nil, !hashing.splitsVariants,
              case .ngram = hashing.comparison else { return false }
        return true
    }

    /// Folds, hardens and writes the CLK of the record just encoded by ``encodeRaw(_:problems:salt:)``.
    /// - Parameter output: ``byteCount`` writable bytes.
    /// - Returns: the number of bits set.
    func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
        if schema.xorFolds == 0 && hardening == nil && schema.length % 64 == 0 {
            // The common case: the words' bytes are the CLK's bytes.
            var popcount = 0
            words.withUnsafeBufferPointer { filter in
                for w in 0..<wordCount {
                    let word = filter[w]
                    popcount += word.nonzeroBitCount
                    output.storeBytes(of: word.littleEndian, toByteOffset: 8 * w, as: UInt64.self)
                }
            }
            return popcount
        }
        folded.withUnsafeMutableBytes { bytes in
            words.withUnsafeBytes { source in
                for w in 0..<wordCount {
                    bytes.storeBytes(of: source.load(fromByteOffset: 8 * w, as: UInt64.self).littleEndian, toByteOffset: 8 * w, as: UInt64.self)
                }
            }
        }
        // XOR-fold `xorFolds` times: first half XOR second half.
        var bits = schema.hashLength
        for _ in 0..<schema.xorFolds {
            let half = bits / 2
            if half % 8 == 0 {
                for i in 0..<(half / 8) { folded[i] ^= folded[half / 8 + i] }
            } else {
                for i in 0..<half {
                    let j = i + half
                    if folded[j >> 3] & (0x80 >> UInt8(j & 7)) != 0 { folded[i >> 3] ^= 0x80 >> UInt8(i & 7) }
                }
            }
            bits = half
        }
        if let hardening { return hardening.apply(folded, into: output) }
        var popcount = 0
        let count = (schema.length + 7) / 8
        for i in 0..<count {
            var byte = folded[i]
            if i == count - 1 && schema.length % 8 != 0 { byte &= UInt8(0xFF) << UInt8(8 - schema.length % 8) }
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
