public import JigsawIdentifiers

/// Jigsaw's own schema format (`"format": "jigsaw-profile/1"`): clkhash-style hashing per feature, plus a
/// normaliser per feature (following `normalisation.md`), derived features, and hardening of the whole
/// record. Every option is independently switchable, so the linkage-quality work can measure each.
public struct JigsawProfile: Sendable, Equatable {
    /// The profile features, in schema order (matching ``LinkageSchema/features``).
    public var features: [ProfileFeature]
    /// Record-level hardening applied after hashing.
    public var hardening: Hardening
    /// Blocking keys written beside each CLK (keyed with the key file's `block` subkey).
    public var blocking: [BlockingKeySpec] = []
}

/// A blocking key: parts of normalised feature values joined and keyed, so that two partners' records
/// with equal parts get equal keys, and `jigsaw link --block` compares only records sharing a key.
public struct BlockingKeySpec: Sendable, Equatable {
    /// The key's name; the output column is `block_<name>`.
    public var name: String
    /// The parts: a feature's index and what to take of its normalised value.
    public var parts: [(feature: Int, part: BlockingPart)]

    /// Creates a key specification.
    /// - Parameters:
    ///   - name: the key's name.
    ///   - parts: feature indices and parts.
    public init(name: String, parts: [(feature: Int, part: BlockingPart)]) {
        self.name = name
        self.parts = parts
    }

    /// Equal names and parts.
    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.parts.map(\.feature) == b.parts.map(\.feature) && a.parts.map(\.part) == b.parts.map(\.part)
    }
}

/// What a blocking key takes from a feature's normalised value.
public enum BlockingPart: String, Sendable, Equatable, CaseIterable {
    /// The whole normalised value.
    case value
    /// The year of a date of birth.
    case year
    /// The first letter of a name.
    case initial
    /// The postcode district (outward code).
    case district
    /// The postcode sector.
    case sector
}

/// How a profile feature gets its value from a record.
public struct ProfileFeature: Sendable, Equatable {
    /// The CSV column it reads.
    public var column: String
    /// How the column's value is normalised.
    public var normaliser: FeatureNormaliser
    /// What is derived from the normalised value, if anything.
    public var derivation: Derivation?
    /// Whether the feature's tokens are salted with the record's salt value.
    public var salted: Bool
    /// The position of the feature whose hashing keys this one uses (`"keysFrom"`), or `nil` for its own.
    /// Features sharing keys set the same bits for the same token, so a forename and surname that share
    /// keys still agree when the two names are swapped between records.
    public var keysFrom: Int? = nil
}

/// A normaliser from `normalisation.md`.
public enum FeatureNormaliser: Sendable, Equatable {
    /// Trimmed of surrounding spaces and tabs only.
    case none
    /// Names: NFKC, case folding, diacritics, punctuation and placeholders; `variants` also encodes each
    /// part of a multi-part name as well as the joined form; `dropTitles` removes leading titles (Mr, Dr,
    /// Master …), which only forenames should do (a surname may be "Master" or "Lady").
    case name(variants: Bool, dropTitles: Bool)
    /// Dates of birth in a declared source format, canonical `YYYY-MM-DD`.
    case dateOfBirth(format: DateOfBirthNormaliser.SourceFormat, pivotYear: Int?)
    /// Sex codes through a declared codebook to `M`, `F` or `I`.
    case sex(codebook: SexNormaliser.Codebook)
    /// UK postcodes, canonical `OUTWARD INWARD`; `ZZ99` pseudo-postcodes are missing.
    case postcode
}

/// A value derived from a normalised value.
public enum Derivation: String, Sendable, Equatable, CaseIterable {
    /// The first letter of a name.
    case initial
    /// American Soundex of a name.
    case soundex
    /// A date of birth as separate tokens: `y<year>`, `m<month>`, `d<day>` and the bare month and day,
    /// so a transposed day and month still share some tokens.
    case dateParts = "date-parts"
    /// The year of a date of birth.
    case year
    /// A postcode's sector (`OUTWARD` + first inward digit).
    case postcodeSector = "postcode-sector"
    /// A postcode's district (`OUTWARD`).
    case postcodeDistrict = "postcode-district"
}

/// Record-level hardening, each part independently switchable.
public struct Hardening: Sendable, Equatable {
    /// Salting: features marked `salted` hash each token together with this value of the record (e.g. the
    /// year of birth), so records with different salt values share no bits in those features.
    public var salt: SaltSource?
    /// Balanced Bloom filters (Schnell): append the complement and permute with a keyed permutation, so
    /// every CLK has exactly half its bits set.
    public var balance: Bool
    /// Keyed diffusion layer (Armknecht, Heng and Schnell, PoPETs 2023): each output bit is the XOR of
    /// `t` input bits chosen by a keyed generator.
    public var diffusion: DiffusionSpec?
    /// Randomised response (BLIP): each bit flipped with this probability, from a keyed generator seeded
    /// by the record's bits (so the same record always gets the same noise).
    public var flipProbability: Double?

    /// No hardening.
    public static let none = Hardening(salt: nil, balance: false, diffusion: nil, flipProbability: nil)
}

/// Where the salt value comes from.
public struct SaltSource: Sendable, Equatable {
    /// The feature whose normalised value supplies the salt.
    public var feature: String
    /// `year` (of a date of birth) or `value` (the whole normalised value).
    public var part: String
}

/// Parameters of the diffusion layer.
public struct DiffusionSpec: Sendable, Equatable {
    /// Input bits XOR-ed into each output bit.
    public var t: Int
    /// Output length in bits.
    public var length: Int
}

extension Hardening {
    /// The CLK length after hardening, given the length after hashing and folding.
    /// - Parameter hashedLength: `l`.
    /// - Returns: the final length in bits.
    public func outputLength(from hashedLength: Int) -> Int {
        var length = balance ? 2 * hashedLength : hashedLength
        if let diffusion { length = diffusion.length }
        return length
    }
}
