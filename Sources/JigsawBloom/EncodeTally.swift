/// Counts for one feature over a run.
public struct FeatureTally: Sendable, Equatable {
    /// The feature's identifier.
    public var identifier: String
    /// Records whose value produced at least one token.
    public var present = 0
    /// Records whose value was empty or produced no token (it sets no bits).
    public var missing = 0
    /// Invalid values, by reason (index in `FeatureInvalidReason.allCases`).
    public var invalidByReason = [Int](repeating: 0, count: FeatureInvalidReason.allCases.count)
    /// Invalid values in rows that were written (the rest were dropped with their rows).
    public var invalidWritten = 0

    /// All invalid values.
    public var invalid: Int { invalidByReason.reduce(0, +) }

    mutating func add(_ other: FeatureTally) {
        present += other.present
        missing += other.missing
        invalidWritten += other.invalidWritten
        for i in invalidByReason.indices { invalidByReason[i] += other.invalidByReason[i] }
    }
}

/// One invalid feature value's place and reason (never its content).
public struct FeatureFinding: Sendable, Equatable {
    /// The physical line where the record starts.
    public var line: Int
    /// The feature's identifier.
    public var feature: String
    /// Why the value is invalid.
    public var reason: FeatureInvalidReason
}

/// Encoding counts and the diagnostics behind `--describe` (none of which reveal a value).
public struct EncodeTally: Sendable, Equatable {
    /// Per-feature counts, in schema order (ignored features included, with zero counts).
    public var features: [FeatureTally]
    /// CLKs written.
    public var encoded = 0
    /// How many CLKs have each popcount (index = number of bits set).
    public var popcountHistogram: [Int]
    /// Sums for the correlation between a record's popcount and its number of tokens.
    public var sumPopcount = 0.0, sumTokens = 0.0, sumPopcountSquared = 0.0, sumTokensSquared = 0.0, sumProduct = 0.0
    /// 64-bit digests of the CLKs (only when duplicates are being counted, and only for the first
    /// ``digestLimit`` CLKs, so memory stays bounded).
    public var clkDigests: [UInt64] = []
    /// The most CLK digests kept for counting duplicates (16 MiB).
    public static let digestLimit = 2_000_000

    /// An empty tally for `schema`.
    /// - Parameter schema: the linkage schema.
    public init(schema: LinkageSchema) {
        features = schema.features.map { FeatureTally(identifier: $0.identifier) }
        popcountHistogram = [Int](repeating: 0, count: schema.outputLength + 1)
    }

    mutating func record(popcount: Int, tokens: Int) {
        encoded += 1
        popcountHistogram[popcount] += 1
        let x = Double(popcount), y = Double(tokens)
        sumPopcount += x
        sumTokens += y
        sumPopcountSquared += x * x
        sumTokensSquared += y * y
        sumProduct += x * y
    }

    /// Adds another chunk's counts.
    /// - Parameter other: the other tally.
    public mutating func add(_ other: EncodeTally) {
        for i in features.indices { features[i].add(other.features[i]) }
        encoded += other.encoded
        for i in popcountHistogram.indices { popcountHistogram[i] += other.popcountHistogram[i] }
        sumPopcount += other.sumPopcount
        sumTokens += other.sumTokens
        sumPopcountSquared += other.sumPopcountSquared
        sumTokensSquared += other.sumTokensSquared
        sumProduct += other.sumProduct
        clkDigests.append(contentsOf: other.clkDigests.prefix(max(0, Self.digestLimit - clkDigests.count)))
    }

    /// Pearson correlation between popcount and token count: near 1 means the popcount reveals how long
    /// a record's values are.
    public var popcountTokenCorrelation: Double? {
        let n = Double(encoded)
        guard n > 1 else { return nil }
        let covariance = sumProduct - sumPopcount * sumTokens / n
        let varianceX = sumPopcountSquared - sumPopcount * sumPopcount / n
        let varianceY = sumTokensSquared - sumTokens * sumTokens / n
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
