/// The probability of each ``Corruption``, per unit it applies to: the knobs of `jigsaw synth`.
///
/// | knob | option | default |
/// |---|---|---|
/// | ``variant`` | `--variant-rate` | 0.10 |
/// | ``hyphen`` | `--hyphen-rate` | 0.30 |
/// | ``typo`` | `--typo-rate` | 0.03 |
/// | ``swap`` | `--swap-rate` | 0.01 |
/// | ``dobSwap`` | `--dob-swap-rate` | 0.03 |
/// | ``move`` | `--move-rate` | 0.08 |
/// | ``format`` | `--format-rate` | 0.10 |
/// | ``missing`` | `--missing-rate` | 0.02 |
/// | ``nhsSpaced`` | `--nhs-spaced-rate` | 0.25 |
/// | ``duplicate`` | `--duplicate-rate` | 0.02 |
///
/// The defaults are round figures of the order reported for English health and education records
/// (a few per cent of names mistyped or given in another form, some per cent of families moving in a
/// year); they are meant to make linkage realistically hard, not to reproduce one source's figures.
public struct CorruptionRates: Sendable, Equatable {
    /// ``Corruption/variant``: per name field whose value has a variant.
    public var variant = 0.10
    /// ``Corruption/hyphen``: per record of a child with a double-barrelled surname.
    public var hyphen = 0.30
    /// ``Corruption/typo``: per name field.
    public var typo = 0.03
    /// ``Corruption/swap``: per record.
    public var swap = 0.01
    /// ``Corruption/dobSwap``: per record whose day of birth is 12 or less and differs from its month.
    public var dobSwap = 0.03
    /// ``Corruption/move``: per record.
    public var move = 0.08
    /// ``Corruption/format``: per record.
    public var format = 0.10
    /// ``Corruption/missing``: per field that can be missing.
    public var missing = 0.02
    /// ``Corruption/nhsSpaced``: per health record with an NHS number.
    public var nhsSpaced = 0.25
    /// ``Corruption/duplicate``: per record.
    public var duplicate = 0.02

    /// The default rates (see the table above).
    public init() {}

    /// Every rate zero: each record holds its child's true values, in their usual form.
    public static let none: CorruptionRates = {
        var rates = CorruptionRates()
        for kind in Corruption.allCases { rates[kind] = 0 }
        return rates
    }()

    /// The rate of one kind of corruption.
    /// - Parameter kind: the kind.
    public subscript(kind: Corruption) -> Double {
        get {
            switch kind {
            case .variant: variant
            case .hyphen: hyphen
            case .typo: typo
            case .swap: swap
            case .dobSwap: dobSwap
            case .move: move
            case .format: format
            case .missing: missing
            case .nhsSpaced: nhsSpaced
            case .duplicate: duplicate
            }
        }
        set {
            switch kind {
            case .variant: variant = newValue
            case .hyphen: hyphen = newValue
            case .typo: typo = newValue
            case .swap: swap = newValue
            case .dobSwap: dobSwap = newValue
            case .move: move = newValue
            case .format: format = newValue
            case .missing: missing = newValue
            case .nhsSpaced: nhsSpaced = newValue
            case .duplicate: duplicate = newValue
            }
        }
    }

    /// Checks that every rate is a probability.
    /// - Throws: ``SynthError`` with `.badOptions` naming the first rate outside 0...1.
    public func validate() throws(SynthError) {
        for kind in Corruption.allCases where !(0...1).contains(self[kind]) {
            throw SynthError(.badOptions, "the \(kind.rawValue) rate must be between 0 and 1")
        }
    }
}
