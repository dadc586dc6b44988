/// How often each ``Corruption`` was applied, and how many units it could have applied to, in one
/// extract: the observed rate is `applied / eligible`.
public struct CorruptionTally: Sendable, Equatable {
    private var appliedCounts = [Int](repeating: 0, count: Corruption.allCases.count)
    private var eligibleCounts = [Int](repeating: 0, count: Corruption.allCases.count)

    /// An empty tally.
    public init() {}

    /// The number of units a kind of corruption was applied to.
    /// - Parameter kind: the kind.
    /// - Returns: the count.
    public func applied(_ kind: Corruption) -> Int { appliedCounts[Self.index(kind)] }

    /// The number of units a kind of corruption could have applied to.
    /// - Parameter kind: the kind.
    /// - Returns: the count.
    public func eligible(_ kind: Corruption) -> Int { eligibleCounts[Self.index(kind)] }

    /// The share of eligible units a kind of corruption was applied to, or `nil` when none was eligible.
    /// - Parameter kind: the kind.
    /// - Returns: `applied / eligible`.
    public func observedRate(_ kind: Corruption) -> Double? {
        let eligible = eligible(kind)
        return eligible == 0 ? nil : Double(applied(kind)) / Double(eligible)
    }

    /// The two tallies added together (e.g. both extracts).
    /// - Parameter other: another tally.
    /// - Returns: the sum.
    public func merged(with other: CorruptionTally) -> CorruptionTally {
        var sum = self
        for i in sum.appliedCounts.indices {
            sum.appliedCounts[i] += other.appliedCounts[i]
            sum.eligibleCounts[i] += other.eligibleCounts[i]
        }
        return sum
    }

    /// Counts one eligible unit, and whether the corruption was applied to it.
    mutating func count(_ kind: Corruption, applied: Bool) {
        let i = Self.index(kind)
        eligibleCounts[i] += 1
        if applied { appliedCounts[i] += 1 }
    }

    private static func index(_ kind: Corruption) -> Int {
        switch kind {
        case .variant: 0
        case .hyphen: 1
        case .typo: 2
        case .swap: 3
        case .dobSwap: 4
        case .move: 5
        case .format: 6
        case .missing: 7
        case .nhsSpaced: 8
        case .duplicate: 9
        }
    }
}
