/// What `jigsaw synth` generates: the seed, the size and overlap of the two extracts, the councils,
/// the reference date and the corruption rates.
///
/// Each extract holds ``records`` distinct children (plus their duplicate records); ``overlap`` of
/// them are in both, so the population is `2 × records − round(overlap × records)` children.
public struct SynthConfiguration: Sendable, Equatable {
    /// The largest number of councils (``SynthCouncil/all``).
    public static let maximumCouncils = SynthCouncil.all.count

    /// The seed: the same seed and options give byte-identical extracts.
    public var seed: UInt64
    /// The number of distinct children in each extract, before duplicates.
    public var records: Int
    /// How many councils the children live in, 1 to ``maximumCouncils``.
    public var councils: Int = 3
    /// The share of each extract's children who are also in the other, 0 to 1.
    public var overlap: Double = 0.7
    /// The day the children's ages are reckoned on: everyone is 0 to 17 years old on it.
    public var referenceDate: SynthDate = .defaultReference
    /// The share of the council's children whose NHS number the council holds, 0 to 1.
    public var councilNHSShare: Double = 0.6
    /// The corruption rates.
    public var rates: CorruptionRates = CorruptionRates()

    /// Creates a configuration with the default councils, overlap, reference date, NHS-number share
    /// and rates.
    /// - Parameters:
    ///   - seed: the seed.
    ///   - records: the number of distinct children in each extract.
    public init(seed: UInt64, records: Int) {
        self.seed = seed
        self.records = records
    }

    /// The councils in use: the first ``councils`` of ``SynthCouncil/all``.
    public var councilList: [SynthCouncil] { Array(SynthCouncil.all.prefix(councils)) }

    /// The number of children in both extracts.
    public var childrenInBoth: Int { Int((overlap * Double(records)).rounded()) }

    /// The number of distinct children in the population.
    public var population: Int { 2 * records - childrenInBoth }

    /// Checks that the configuration can be generated.
    /// - Throws: ``SynthError`` with `.badOptions` saying which option to change.
    public func validate() throws(SynthError) {
        guard records >= 1 else { throw SynthError(.badOptions, "the number of records must be at least 1") }
        guard (1...Self.maximumCouncils).contains(councils) else {
            throw SynthError(.badOptions, "the number of councils must be between 1 and \(Self.maximumCouncils)")
        }
        guard (0...1).contains(overlap) else { throw SynthError(.badOptions, "the overlap must be between 0 and 1") }
        guard (0...1).contains(councilNHSShare) else {
            throw SynthError(.badOptions, "the share of council records with an NHS number must be between 0 and 1")
        }
        guard referenceDate.year >= 1918 else { throw SynthError(.badOptions, "the reference date must be in 1918 or later") }
        try rates.validate()
        let capacity = IdentifierMaker.nhsTestRangeCapacity
        guard population <= capacity else {
            throw SynthError(.badOptions, "\(records) records per extract with overlap \(overlap) need \(population) distinct children, but the NHS test range (999 000 0000 to 999 999 9999) holds only \(capacity) valid NHS numbers; lower the number of records or raise the overlap")
        }
    }
}
