public import JigsawCrypto

/// A linkage schema: how each feature of a record is validated, tokenised and hashed into one CLK.
///
/// Parsed from clkhash's linkage-schema format (version 3) by ``LinkageSchemaParser``, which checks every
/// key and reports problems with their JSON path. In clkhash mode the bits are those clkhash 0.18.3 sets.
public struct LinkageSchema: Sendable, Equatable {
    /// The CLK length in bits after any XOR folding (`clkConfig.l`).
    public var length: Int
    /// XOR folds applied after hashing (`clkConfig.xor_folds`, the key clkhash actually reads).
    public var xorFolds: Int
    /// Key derivation for the per-feature keys.
    public var kdf: KeyDerivationSpec
    /// The features in column order, ignored ones included (they count for key derivation).
    public var features: [FeatureSpec]
    /// Things a user should know that do not stop encoding (e.g. an ignored `xorFolds` key).
    public var warnings: [String]
    /// The Jigsaw profile (normalisers, derivations, hardening), or `nil` for a clkhash schema.
    public var profile: JigsawProfile?

    /// Creates a schema.
    /// - Parameters:
    ///   - length: `l`, bits after folding.
    ///   - xorFolds: folds.
    ///   - kdf: key derivation.
    ///   - features: the features.
    ///   - warnings: non-fatal notes.
    ///   - profile: the Jigsaw profile, if any.
    public init(length: Int, xorFolds: Int, kdf: KeyDerivationSpec, features: [FeatureSpec], warnings: [String] = [], profile: JigsawProfile? = nil) {
        self.length = length
        self.xorFolds = xorFolds
        self.kdf = kdf
        self.features = features
        self.warnings = warnings
        self.profile = profile
    }

    /// The length of the filter before folding: `length × 2^xorFolds`.
    public var hashLength: Int { length << xorFolds }

    /// The length of an encoded CLK in bits, after folding and any hardening.
    public var outputLength: Int { profile?.hardening.outputLength(from: length) ?? length }
}

/// `clkConfig.kdf`: HKDF over the secret, giving two keys per feature.
public struct KeyDerivationSpec: Sendable, Equatable {
    /// The HKDF hash.
    public var hash: HKDF.Hash
    /// The salt, if any (absent means HashLen zero bytes).
    public var salt: [UInt8]
    /// The info, if any.
    public var info: [UInt8]
    /// Bytes per derived key (default 64).
    public var keySize: Int
}

/// One feature (column) of the schema.
public struct FeatureSpec: Sendable, Equatable {
    /// The feature's name (`identifier`), matched to a CSV column of the same name.
    public var identifier: String
    /// How values are validated and formatted; `nil` for an ignored feature.
    public var format: FeatureFormat?
    /// How tokens are hashed; `nil` for an ignored feature.
    public var hashing: HashingSpec?

    /// Whether the feature is ignored (read but not encoded).
    public var isIgnored: Bool { hashing == nil }
}

/// A feature's value format (`format`).
public enum FeatureFormat: Sendable, Equatable {
    /// Text, checked by length and case, or by a regular expression.
    case string(StringFormat)
    /// A base-10 integer within optional bounds; formatted as Python's `str(int(value))`.
    case integer(minimum: Int?, maximum: Int?)
    /// A date in a `strptime` format; formatted as `%Y%m%d`.
    case date(DatePattern)
    /// One of a fixed set of values.
    case enumeration(Set<String>)
}

/// The character encoding of a string feature's tokens.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// ASCII only; other characters are invalid.
    case ascii
    /// UTF-8 (the default).
    case utf8 = "utf-8"
    /// UTF-16 as Python writes it: a little-endian byte-order mark, then little-endian units.
    case utf16 = "utf-16"
    /// UTF-32 as Python writes it: a little-endian byte-order mark, then little-endian units.
    case utf32 = "utf-32"
}

/// Validation rules for a string feature.
public struct StringFormat: Sendable, Equatable {
    /// The token encoding.
    public var encoding: TextEncoding
    /// Required case, if any: `upper`, `lower` or `mixed` (no check).
    public var letterCase: String
    /// Minimum length in characters (Unicode scalars).
    public var minLength: Int?
    /// Maximum length in characters (Unicode scalars).
    public var maxLength: Int?
    /// A regular expression the whole value must match.
    public var pattern: String?
}

/// `hashing`: comparison, strategy, hash and missing values.
public struct HashingSpec: Sendable, Equatable {
    /// How a value is split into tokens.
    public var comparison: Comparison
    /// How many bits each token sets.
    public var strategy: InsertionStrategy
    /// Which hash turns tokens into bit positions.
    public var hash: HashFunction
    /// A sentinel meaning "missing", and what replaces it.
    public var missingValue: MissingValueSpec?
    /// How tokens are turned into bytes before hashing (the string format's encoding; UTF-8 otherwise).
    public var encoding: TextEncoding
    /// Whether a value may hold several variants separated by U+001F, each tokenised on its own (Jigsaw
    /// profiles only; clkhash treats every character literally).
    public var splitsVariants: Bool = false
}

/// `hashing.comparison`.
public enum Comparison: Sendable, Equatable {
    /// n-grams of the value (padded with n−1 spaces when n > 1), optionally positional.
    case ngram(n: Int, positional: Bool)
    /// The whole value as one token.
    case exact
    /// Neighbourhood tokens of a number (Vatsalan and Christen).
    case numeric(thresholdDistance: Double, resolution: Int, fractionalPrecision: Int)
}

/// `hashing.strategy`.
public enum InsertionStrategy: Sendable, Equatable {
    /// Every token sets `k` bits.
    case bitsPerToken(Int)
    /// The feature sets `total` bits spread over its tokens (the first `total mod T` get one more).
    case bitsPerFeature(Int)

    /// The number of bits for each of `tokenCount` tokens.
    /// - Parameter tokenCount: the number of tokens (at least 1).
    /// - Returns: `k` for token `index`.
    @inline(__always)
    public func bits(forToken index: Int, of tokenCount: Int) -> Int {
        switch self {
        case .bitsPerToken(let k): return k
        case .bitsPerFeature(let total):
            let k = total / tokenCount
            return index < total % tokenCount ? k + 1 : k
        }
    }
}

/// `hashing.hash`.
public enum HashFunction: Sendable, Equatable {
    /// Keyed BLAKE2b, 16-bit slices (clkhash's default); needs a power-of-two length.
    case blake
    /// HMAC-SHA1 + i × HMAC-MD5 (Schnell 2011); with `preventSingularity`, rehash while the step is 0.
    case doubleHash(preventSingularity: Bool)
}

/// `hashing.missingValue`.
public struct MissingValueSpec: Sendable, Equatable {
    /// The value meaning "missing"; it is not validated.
    public var sentinel: String
    /// What is encoded instead (default: the sentinel itself).
    public var replaceWith: String
}
