/// Why a cell is suppressed.
public enum SuppressionKind: String, Sendable, Equatable {
    /// Its own count is small (or zero, when zeros are primary).
    case primary
    /// Suppressed to protect a primary cell.
    case secondary
    /// Suppressed because the earlier release (`--previous`) suppressed it.
    case held
}

/// A protected table ready to publish, with what was done and the audit that passed.
public struct SuppressionResult: Sendable {
    /// What each cell shows.
    public var published: PublishedTable
    /// The suppressed cells and why.
    public var kinds: [Int: SuppressionKind]
    /// The audit of the published table (every suppressed cell's interval).
    public var audit: AuditResult
    /// The attacker model the audit used.
    public var rules: AuditRules
    /// Departures from the preset's rule (e.g. secondary cells under a rule without secondary suppression).
    public var departures: [String]
    /// Rounds of the repair loop, and cells it added that the clean-up then released.
    public var repairRounds: Int, released: Int
}

/// Primary suppression, rounding and secondary suppression of a whole table at once (every dimension and
/// level of the hierarchy together), ending in the LP audit, which must pass before anything is returned.
///
/// 1. **Primary**: counts in the threshold (and zeros, when zeros are primary) are suppressed, except at
///    exempt levels; a rounded count that would round to 0 is suppressed too. Other counts are published,
///    rounded where the settings say.
/// 2. **Repair loop** (secondary suppression): the table is audited; for each primary cell still too
///    narrow, its candidates are the publishable cells of the nearest equations that pin a suppressed cell
///    linked to it (breadth first through shared equations); a weighted set cover then picks cells (count
///    plus one, tripled for a total, multiplied by one plus the number of the cell's equations with nothing
///    suppressed yet, divided by the failing primary cells it may help). Only failing cells are re-audited
///    (more suppression only widens intervals). Then the singleton rule adds cells where a person alone in a
///    primary cell could read another primary cell off an otherwise exact equation.
/// 3. **Clean-up** (within ``cleanupLimit`` and ``cleanupBudget``): each secondary cell, most costly first,
///    is published again if the audit still passes without it; then each is tried swapped for what the
///    repair loop picks without it, kept when the suppressed total falls.
/// 4. **Fail closed**: a primary cell with no candidate left is an error naming it; nothing is returned.
///
/// Deterministic: the same table and settings give the same result.
public enum Suppressor {
    /// The most secondary cells the clean-up tries to release (each try is one audit).
    public static let cleanupLimit = 200
    /// The clean-up runs only when secondary cells × suppressed cells is at most this (each try audits every
    /// primary cell, so on large tables it would cost minutes).
    public static let cleanupBudget = 20_000

    /// Protects `table` under `settings`.
    /// - Parameters:
    ///   - table: the true counts.
    ///   - settings: the rule.
    /// - Returns: the table to publish, with the audit that passed.
    /// - Throws: ``DisclosureError`` with code `unprotectable` when a primary cell cannot be protected, or the
    ///   audit's errors.
    ///   - previous: an earlier release of the same table, held fixed: every cell it suppressed stays
    ///     suppressed, and a cell it published with the value this release would publish is known to a
    ///     reader, so it is never chosen as a secondary cell, and a primary cell it published is an error
    ///     (the earlier release already gave it away). A cell whose value changed is a new figure.
    public static func run(_ table: CountTable, settings: SuppressionSettings, previous: PublishedTable? = nil) throws(DisclosureError) -> SuppressionResult {
        let grid = table.grid
        let hierarchy = grid.hierarchy
        let counts = table.counts
        var entries = [PublishedTable.Entry](repeating: .absent, count: grid.cellCount)
        var kinds: [Int: SuppressionKind] = [:]
        var forbidden = [Bool](repeating: false, count: grid.cellCount)
        let roundingRules = settings.auditRules(secondaryUsed: false)
        for cell in 0..<grid.cellCount {
            let nodes = grid.nodes(of: cell)
            let exempt = settings.exempt.contains { hierarchy.dimensions[$0.dimension].nodes[nodes[$0.dimension]].level == $0.level }
            let count = counts[cell]
            let rounded = roundingRules.isRounded(nodes, in: hierarchy)
            if exempt && rounded {
                // A rounded exempt small count would be read as a large one: exempt levels must be exact.
                throw DisclosureError(.badOptions, "the exempt cell \(grid.describe(cell)) would be rounded; exempt levels must be published exactly (add them to --exact, or leave them out of --round-at)")
            }
            let value = rounded ? settings.rounded(count) : count
            let small = count == 0 ? settings.zeros == .primary : settings.threshold.contains(count) || value == 0
            if small && !exempt {
                entries[cell] = .suppressed
                kinds[cell] = .primary
            } else {
                entries[cell] = .number(value)
            }
            forbidden[cell] = exempt || (count == 0 && settings.zeros == .neverSecondary)
            switch previous?.entries[cell] {
            case .suppressed?, .low?:
                if kinds[cell] == nil {
                    entries[cell] = .suppressed
                    kinds[cell] = .held
                }
            case .number(let earlier)? where entries[cell] == .number(earlier):
                forbidden[cell] = true
            case .number(let earlier)? where kinds[cell] == .primary && earlier == (rounded ? settings.rounded(count) : count):
                throw DisclosureError(.unprotectable, "the cell \(grid.describe(cell)) is small now, but the earlier release (--previous) published it with the same value; suppressing it cannot hide it")
            default:
                break
            }
        }

        // The equations holding each cell, for the repair loop.
        let equations = grid.equations()
        var equationsOf = [[Int]](repeating: [], count: grid.cellCount)
        for (index, equation) in equations.enumerated() {
            equationsOf[equation.total].append(index)
            for part in equation.parts { equationsOf[part].append(index) }
        }
        func cost(_ cell: Int) -> (Int, Int, Int) { (grid.isInner(cell) ? 0 : 1, counts[cell] + 1, cell) }
        /// Audits the table as it stands: the primary cells in `cells` (all primary cells when `nil`), or
        /// every suppressed cell when `everything`.
        func audit(_ cells: Set<Int>? = nil, everything: Bool = false) throws(DisclosureError) -> (AuditResult, AuditRules) {
            let rules = settings.auditRules(secondaryUsed: kinds.values.contains { $0 != .primary })
            let primaries = kinds
            let filter: ((Int) -> Bool)? = everything ? nil : { cell in primaries[cell] == .primary && (cells?.contains(cell) ?? true) }
            return (try TableAudit.run(PublishedTable(grid: grid, entries: entries), rules: rules, only: filter), rules)
        }
        func failingPrimaries(_ result: AuditResult) -> [Int] {
            result.cells.filter { !$0.isProtected && kinds[$0.cell] == .primary }.map(\.cell)
        }

        /// The cell to suppress next for a primary cell that is still pinned. A cell is pinned through
        /// equations in which it is the only suppressed cell (after the others are known), so from the
        /// primary the suppressed cells linked to it through shared equations are visited breadth first, and
        /// the nearest equations holding a single suppressed cell give the candidates; failing those, the
        /// equations of the linked cells with the fewest suppressed cells. The cheapest candidate wins.
        func secondaryCandidates(for primary: Int) -> [Int] {
            var visited: Set<Int> = [primary]
            var frontier = [primary]
            var fallback: (suppressed: Int, cell: Int)?
            while !frontier.isEmpty {
                var singles: [Int] = []
                var next: [Int] = []
                for cell in frontier {
                    for index in equationsOf[cell] {
                        let members = [equations[index].total] + equations[index].parts
                        let hidden = members.filter { entries[$0] == .suppressed }
                        let open = members.filter { entries[$0] != .suppressed && !forbidden[$0] }
                        if hidden.count == 1 { singles.append(contentsOf: open) }
                        if let best = open.min(by: { cost($0) < cost($1) }),
                           fallback == nil || hidden.count < fallback!.suppressed
                            || (hidden.count == fallback!.suppressed && cost(best) < cost(fallback!.cell)) {
                            fallback = (hidden.count, best)
                        }
                        for other in hidden where visited.insert(other).inserted { next.append(other) }
                    }
                }
                if !singles.isEmpty { return Array(Set(singles)).sorted() }
                frontier = next.sorted()
            }
            return fallback.map { [$0.cell] } ?? []
        }
        /// What suppressing a cell costs, per failing primary cell it may help: its count (plus one, so
        /// zeros are not free), tripled for a total (inner cells are preferred), and doubled for each of its
        /// equations with no suppressed cell yet (there it would stand alone and be worked out, so more cells
        /// would follow).
        func weight(_ cell: Int, helps: Int) -> Double {
            let alone = equationsOf[cell].filter { index in
                !([equations[index].total] + equations[index].parts).contains { entries[$0] == .suppressed }
            }.count
            return Double(counts[cell] + 1) * (grid.isInner(cell) ? 1 : 3) * Double(1 + alone) / Double(max(1, helps))
        }

        var (result, rules) = try audit()
        var rounds = 0
        /// Adds secondary cells until every primary cell passes (the repair loop).
        func repair() throws(DisclosureError) {
            while case let failing = failingPrimaries(result), !failing.isEmpty {
                rounds += 1
                // Candidates of every failing primary cell, then a weighted set cover: a cell that helps
                // several failing primary cells at once is worth more than the cheapest cell for each one.
                var candidates: [Int: [Int]] = [:]
                var helps: [Int: Int] = [:]
                for primary in failing {
                    let found = secondaryCandidates(for: primary)
                    guard !found.isEmpty else {
                        throw DisclosureError(.unprotectable, "the cell \(grid.describe(primary)) cannot be protected: every cell of the equations linked to it is already suppressed, exempt, or a zero that may not be used; relax --exempt or the zero handling")
                    }
                    candidates[primary] = found
                    for cell in found { helps[cell, default: 0] += 1 }
                }
                var covered = Set<Int>()
                for primary in failing where !covered.contains(primary) {
                    // Each candidate's weight once (it scans the cell's equations), then the least, first cell on ties.
                    let choice = candidates[primary]!.map { (weight: weight($0, helps: helps[$0]!), cell: $0) }
                        .min { $0.weight != $1.weight ? $0.weight < $1.weight : $0.cell < $1.cell }!.cell
                    entries[choice] = .suppressed
                    kinds[choice] = .secondary
                    for other in failing where candidates[other]!.contains(choice) { covered.insert(other) }
                }
                // Suppressing more cells only widens intervals (the reader knows less), so the primary cells
                // that passed stay protected: only the failing ones are audited again.
                (result, rules) = try audit(Set(failing))
            }
            // Then the singleton rule; suppressing more cells keeps every primary cell's protection.
            while let exposure = singletonExposure() {
                let members = [equations[exposure.equation].total] + equations[exposure.equation].parts
                guard let choice = members.filter({ entries[$0] != .suppressed && !forbidden[$0] }).min(by: { cost($0) < cost($1) }) else {
                    throw DisclosureError(.unprotectable, "the cell \(grid.describe(exposure.other)) cannot be protected from the one person in \(grid.describe(exposure.singleton)), who knows their own count: every other cell of the equation holding both is exempt or a zero that may not be used")
                }
                entries[choice] = .suppressed
                kinds[choice] = .secondary
            }
        }
        /// Singletons: a person alone in a primary cell knows its count, so an equation in which that cell and
        /// one other primary cell are the only suppressed cells, and every other cell is published exactly
        /// (not rounded), gives the other away to them. Returns such an equation (the singleton and the other
        /// cell), if any. A total that holds nobody but the singleton (a region of one council, say: the same
        /// count) is not exposed: what the person reads off is their own count, nothing about anyone else.
        let roundedCell = (0..<grid.cellCount).map { roundingRules.isRounded(grid.nodes(of: $0), in: hierarchy) }
        let singletons = settings.singletons ? (0..<grid.cellCount).filter { kinds[$0] == .primary && counts[$0] == 1 && grid.isInner($0) } : []
        func singletonExposure() -> (equation: Int, singleton: Int, other: Int)? {
            for singleton in singletons where kinds[singleton] == .primary {
                for index in equationsOf[singleton] {
                    let members = [equations[index].total] + equations[index].parts
                    let hidden = members.filter { entries[$0] == .suppressed }
                    if hidden.count == 2, let other = hidden.first(where: { $0 != singleton }), kinds[other] == .primary,
                       !(other == equations[index].total && counts[other] == counts[singleton]),
                       members.allSatisfy({ entries[$0] == .suppressed || !roundedCell[$0] }) {
                        return (index, singleton, other)
                    }
                }
            }
            return nil
        }
        func publish(_ cell: Int) {
            let nodes = grid.nodes(of: cell)
            entries[cell] = .number(roundingRules.isRounded(nodes, in: hierarchy) ? settings.rounded(counts[cell]) : counts[cell])
            kinds[cell] = nil
        }
        func secondaryValue() -> Int { kinds.filter { $0.value == .secondary }.map { counts[$0.key] }.reduce(0, +) }
        try repair()

        // Clean-up, within a budget (each try is an audit): release each secondary cell the protection does
        // not need, most costly first; then try swapping each remaining one, most costly first, for what the
        // repair loop picks without it, keeping the swap when the suppressed total falls.
        var released = 0
        let secondaries = kinds.filter { $0.value == .secondary }.map(\.key).sorted { cost($0) > cost($1) }
        let suppressedCount = kinds.count
        if secondaries.count <= cleanupLimit && secondaries.count * suppressedCount <= cleanupBudget {
            for cell in secondaries {
                let saved = (entries, kinds, result, rules)
                publish(cell)
                let (trial, trialRules) = try audit()
                if failingPrimaries(trial).isEmpty && singletonExposure() == nil {
                    (result, rules) = (trial, trialRules)
                    released += 1
                } else {
                    (entries, kinds, result, rules) = saved
                }
            }
            for cell in kinds.filter({ $0.value == .secondary }).map(\.key).sorted(by: { cost($0) > cost($1) }) where kinds[cell] == .secondary {
                let saved = (entries, kinds, result, rules, rounds)
                let before = secondaryValue()
                publish(cell)
                forbidden[cell] = true
                (result, rules) = try audit()
                do throws(DisclosureError) {
                    try repair()
                } catch where error.code == .unprotectable {
                    (entries, kinds, result, rules, rounds) = saved
                }
                forbidden[cell] = false
                if kinds[cell] == nil && secondaryValue() >= before { (entries, kinds, result, rules, rounds) = saved }
            }
        }
        // The final audit: every suppressed cell's interval, secondary cells included, for the report (with no
        // secondary cells, the last audit already covered every suppressed cell).
        if kinds.values.contains(where: { $0 != .primary }) { (result, rules) = try audit(everything: true) }

        var departures: [String] = []
        if !settings.ruleUsesSecondary, kinds.values.contains(where: { $0 != .primary }) {
            let count = kinds.values.filter { $0 != .primary }.count
            departures.append("the rule has no secondary suppression, but \(count) secondary or held cell\(count == 1 ? " was" : "s were") needed (to protect primary cells that the rest of the table gives away, or held from the earlier release); \"\(settings.symbol)\" can therefore stand for any count, not only \(settings.threshold.lowerBound)–\(settings.threshold.upperBound)")
        }
        let unsafe = failingPrimaries(result)
        guard unsafe.isEmpty else {
            throw DisclosureError(.unprotectable, "the audit still finds \(unsafe.count) primary cell\(unsafe.count == 1 ? "" : "s") unprotected, e.g. \(grid.describe(unsafe[0])); nothing was written")
        }
        return SuppressionResult(published: PublishedTable(grid: grid, entries: entries), kinds: kinds, audit: result, rules: rules,
                                 departures: departures, repairRounds: rounds, released: released)
    }
}
