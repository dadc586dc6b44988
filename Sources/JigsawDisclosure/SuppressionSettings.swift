/// How a table is protected before publication: which counts are suppressed (primary), how zeros are
/// treated, what is rounded, which levels are exempt, the one symbol, and the protection every primary
/// cell must keep.
public struct SuppressionSettings: Sendable, Equatable {
    /// What happens to zero counts.
    public enum Zeros: String, Sendable, CaseIterable {
        /// Published as 0; may be suppressed as a secondary cell.
        case publish
        /// Suppressed as primary cells.
        case primary
        /// Published as 0 and never used as a secondary cell.
        case neverSecondary = "never-secondary"
    }

    /// Counts from 1 up that are suppressed as primary cells (e.g. `1...7`).
    public var threshold: ClosedRange<Int>
    /// Zero handling.
    public var zeros: Zeros
    /// The rounding base of published counts, if any (round half up).
    public var roundingBase: Int?
    /// Which counts are rounded.
    public var roundingScope: AuditRules.RoundingScope
    /// Levels never suppressed (primary or secondary), e.g. the national level.
    public var exempt: [AuditRules.LevelSelector]
    /// The symbol of every suppressed cell, primary and secondary alike.
    public var symbol: String
    /// What each primary cell must keep hidden.
    public var protection: AuditRules.Protection
    /// Whether the rule itself uses secondary suppression. When it does not (the NHS rule), a reader takes
    /// the symbol to mean a count in ``threshold``; if protection still needs secondary cells, they are added
    /// and reported as a departure from the rule, and the symbol can then stand for any count.
    public var ruleUsesSecondary: Bool
    /// Whether the audit finds integer-exact bounds (COIN-OR CBC) where the LP finds a cell protected.
    public var integerBounds = false
    /// Whether a person alone in a primary cell (a count of 1, who knows their own record) is taken into
    /// account: no equation may hold such a cell and only one other primary cell as its suppressed cells.
    public var singletons = true

    /// Creates settings.
    public init(threshold: ClosedRange<Int> = 1...9, zeros: Zeros = .publish, roundingBase: Int? = nil,
                roundingScope: AuditRules.RoundingScope = .allExcept([]), exempt: [AuditRules.LevelSelector] = [],
                symbol: String = "[c]", protection: AuditRules.Protection = .noExactDisclosure, ruleUsesSecondary: Bool = true) {
        self.threshold = threshold
        self.zeros = zeros
        self.roundingBase = roundingBase
        self.roundingScope = roundingScope
        self.exempt = exempt
        self.symbol = symbol
        self.protection = protection
        self.ruleUsesSecondary = ruleUsesSecondary
    }

    /// The settings of a UK preset (`suppression.md`), for a table whose geography is dimension `geography`.
    /// - Parameters:
    ///   - preset: the preset.
    ///   - geography: the position of the geography dimension (its root is the national level).
    /// - Returns: the settings.
    public static func preset(_ preset: AuditRules.Preset, geography: Int) -> SuppressionSettings {
        let national = AuditRules.LevelSelector(dimension: geography, level: 0)
        switch preset {
        case .nhs:
            return SuppressionSettings(threshold: 1...7, zeros: .publish, roundingBase: 5, roundingScope: .allExcept([national]),
                                       exempt: [national], symbol: "*", ruleUsesSecondary: false)
        case .dfeCIN:
            return SuppressionSettings(threshold: 1...5, zeros: .publish, roundingBase: 10,
                                       roundingScope: .only([national, AuditRules.LevelSelector(dimension: geography, level: 1)]), symbol: "c")
        case .ons105:
            return SuppressionSettings(threshold: 1...9, zeros: .primary, roundingBase: 5, roundingScope: .allExcept([]), symbol: "[c]")
        }
    }

    /// Where each preset's rule comes from, for the report.
    public static func source(of preset: AuditRules.Preset) -> String {
        switch preset {
        case .nhs: "NHS England (HES, ECDS): below national level 0 published, 1–7 suppressed, other counts rounded to the nearest 5; national counts exact"
        case .dfeCIN: "DfE Children in Need statistics: 1–5 suppressed with secondary suppression where needed; England and regional totals rounded to the nearest 10"
        case .ons105: "ONS (Census 2021 tables): counts under 10 suppressed, the rest rounded to the nearest 5"
        }
    }

    /// What a reader of the published table knows, given whether any secondary cell was suppressed.
    /// - Parameter secondaryUsed: whether any secondary cell was suppressed.
    /// - Returns: the audit rules.
    public func auditRules(secondaryUsed: Bool) -> AuditRules {
        // The small counts: the threshold, and with rounding also every count that would round to 0.
        let smallTop = max(threshold.upperBound, roundingBase.map { ($0 + 1) / 2 - 1 } ?? 0)
        let smallBottom = roundingBase == nil ? threshold.lowerBound : min(threshold.lowerBound, 1)
        let lowest = zeros == .primary ? 0 : (zeros == .neverSecondary || !secondaryUsed ? smallBottom : 0)
        let range = secondaryUsed || ruleUsesSecondary ? lowest...Int.max : lowest...smallTop
        var rules = AuditRules(symbols: [symbol], suppressedRange: range, roundingBase: roundingBase, roundingScope: roundingScope,
                               roundedMinimum: roundingBase == nil ? 0 : smallTop + 1, zeroIsExact: zeros != .primary,
                               protection: protection, protectedRange: zeros == .primary ? 0...smallTop : smallBottom...smallTop)
        rules.integerBounds = integerBounds
        return rules
    }

    /// `value` rounded half up to the base.
    func rounded(_ value: Int) -> Int {
        guard let base = roundingBase else { return value }
        return (value + base / 2) / base * base
    }
}
