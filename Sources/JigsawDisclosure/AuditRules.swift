/// What an attacker is taken to know about a published table's symbols and rounded values, and what
/// protection each suppressed cell needs: the assumptions of the audit, stated in every report.
public struct AuditRules: Sendable, Equatable {
    /// What a suppressed cell must keep hidden.
    public enum Protection: Sendable, Equatable {
        /// Its value must not be pinned to a single number (the default).
        case noExactDisclosure
        /// Its feasible interval must be at least this wide (maximum − minimum).
        case minimumWidth(Int)
    }

    /// Which published numbers are rounded.
    public enum RoundingScope: Sendable, Equatable {
        /// Every published number except those of cells at one of these (dimension, level) pairs.
        case allExcept([LevelSelector])
        /// Only those of cells at one of these (dimension, level) pairs.
        case only([LevelSelector])
    }

    /// A level of a dimension: a cell is at it when its code in that dimension is at that depth (0 = root).
    public struct LevelSelector: Sendable, Equatable {
        /// The dimension's position.
        public var dimension: Int
        /// The level.
        public var level: Int

        /// Creates a selector.
        /// - Parameters:
        ///   - dimension: the dimension's position.
        ///   - level: the level, 0 for the root.
        public init(dimension: Int, level: Int) {
            self.dimension = dimension
            self.level = level
        }
    }

    /// The symbols that stand for a suppressed value (one symbol for primary and secondary suppressions).
    public var symbols: Set<String>
    /// What a suppressed value can be: `0...Int.max` when secondary suppression may hide any count, or
    /// the primary range (e.g. `1...7`) when only small counts are ever suppressed (the NHS rule).
    public var suppressedRange: ClosedRange<Int>
    /// Symbols meaning "rounds to zero" (`[low]`, `low`): a value from 1 up to below half the base.
    public var lowSymbols: Set<String>
    /// The rounding base of published numbers (round half up), or `nil` when they are exact.
    public var roundingBase: Int?
    /// Which numbers are rounded, when ``roundingBase`` is set.
    public var roundingScope: RoundingScope
    /// The least true value behind a rounded non-zero number (e.g. 8 when 1–7 are suppressed).
    public var roundedMinimum: Int
    /// Whether a published 0 is an exact zero even where numbers are rounded (zeros published as such).
    public var zeroIsExact: Bool
    /// What a suppressed cell needs.
    public var protection: Protection
    /// The small counts suppression protects (e.g. `1...7`), when known: a suppressed cell whose feasible
    /// interval lies wholly outside them (a zero pinned at 0 where zeros are published, a secondary cell
    /// pinned at 40) reveals no small count and is not disclosive. `nil`: every suppressed cell must meet
    /// the protection.
    public var protectedRange: ClosedRange<Int>?
    /// Whether to find integer-exact bounds (branch and bound, COIN-OR CBC) for cells the linear program
    /// finds protected: in tables of three or more dimensions they can be narrower.
    public var integerBounds = false

    /// Creates rules.
    /// - Parameters:
    ///   - symbols: the suppression symbols.
    ///   - suppressedRange: what a suppressed value can be.
    ///   - lowSymbols: "rounds to zero" symbols.
    ///   - roundingBase: the rounding base, if numbers are rounded.
    ///   - roundingScope: which numbers are rounded.
    ///   - roundedMinimum: the least true value behind a rounded non-zero number.
    ///   - zeroIsExact: whether a published 0 is exact where numbers are rounded.
    ///   - protection: what a suppressed cell needs.
    ///   - protectedRange: the small counts suppression protects, if known.
    public init(symbols: Set<String> = ["[c]"], suppressedRange: ClosedRange<Int> = 0...Int.max, lowSymbols: Set<String> = [],
                roundingBase: Int? = nil, roundingScope: RoundingScope = .allExcept([]), roundedMinimum: Int = 0,
                zeroIsExact: Bool = false, protection: Protection = .noExactDisclosure, protectedRange: ClosedRange<Int>? = nil) {
        self.symbols = symbols
        self.suppressedRange = suppressedRange
        self.lowSymbols = lowSymbols
        self.roundingBase = roundingBase
        self.roundingScope = roundingScope
        self.roundedMinimum = roundedMinimum
        self.zeroIsExact = zeroIsExact
        self.protection = protection
        self.protectedRange = protectedRange
    }

    /// The UK presets of `suppression.md`, for a table whose geography is dimension `geography`.
    public enum Preset: String, Sendable, CaseIterable {
        /// NHS England (HES, ECDS): below national level 0 published, 1–7 → `*`, other counts rounded to the
        /// nearest 5; national counts exact; no secondary suppression.
        case nhs
        /// DfE Children in Need: 1–5 → `c`, secondary suppression where needed, England and regional
        /// figures rounded to the nearest 10.
        case dfeCIN = "dfe-cin"
        /// ONS (Census 2021): counts under 10 suppressed, the rest rounded to the nearest 5.
        case ons105 = "ons-10-5"

        /// The rules an attacker can read off a table published under the preset.
        /// - Parameter geography: the position of the geography dimension (root = national).
        /// - Returns: the rules.
        public func rules(geography: Int) -> AuditRules {
            switch self {
            case .nhs:
                AuditRules(symbols: ["*"], suppressedRange: 1...7, roundingBase: 5,
                           roundingScope: .allExcept([LevelSelector(dimension: geography, level: 0)]),
                           roundedMinimum: 8, zeroIsExact: true, protectedRange: 1...7)
            case .dfeCIN:
                AuditRules(symbols: ["c"], lowSymbols: ["low"], roundingBase: 10,
                           roundingScope: .only([LevelSelector(dimension: geography, level: 0), LevelSelector(dimension: geography, level: 1)]),
                           roundedMinimum: 6, zeroIsExact: true, protectedRange: 1...5)
            case .ons105:
                AuditRules(symbols: ["[c]"], roundingBase: 5, roundingScope: .allExcept([]), roundedMinimum: 10, protectedRange: 0...9)
            }
        }
    }

    /// Whether a published number of a cell is rounded under these rules.
    /// - Parameters:
    ///   - nodes: the cell's node per dimension.
    ///   - hierarchy: the table's hierarchy.
    /// - Returns: `true` when rounded.
    public func isRounded(_ nodes: [Int], in hierarchy: TableHierarchy) -> Bool {
        guard roundingBase != nil else { return false }
        func matches(_ selectors: [LevelSelector]) -> Bool {
            selectors.contains { hierarchy.dimensions[$0.dimension].nodes[nodes[$0.dimension]].level == $0.level }
        }
        switch roundingScope {
        case .allExcept(let exact): return !matches(exact)
        case .only(let rounded): return matches(rounded)
        }
    }

    /// The true values a published rounded number can stand for, or `nil` when no count could have been
    /// published as it (not a multiple of the base, or a non-zero number below what a rounded count can be).
    /// - Parameter value: the published number.
    /// - Returns: the interval.
    func roundedInterval(_ value: Int) -> ClosedRange<Int>? {
        guard let base = roundingBase else { return value...value }
        guard value % base == 0 else { return nil }
        // A published 0 is exact when zeros are published as such, or when the counts that would round to 0
        // are never published as numbers (they are below the least rounded count).
        if value == 0 && (zeroIsExact || roundedMinimum > 0) { return 0...0 }
        // Round half up: x rounds to r when r − b/2 ≤ x < r + b/2.
        let low = max(0, value - base / 2), high = value + (base + 1) / 2 - 1
        let least = value == 0 ? low : max(low, roundedMinimum)
        return least <= high ? least...high : nil
    }

    /// The values a "rounds to zero" symbol stands for.
    var lowInterval: ClosedRange<Int> {
        let base = roundingBase ?? 2
        return 1...max(1, (base + 1) / 2 - 1)
    }
}
