import Foundation
import Testing
import JigsawDisclosure

/// Primary and secondary suppression with rounding, checked by the audit: the NHS single-council case
/// fixed, fail-closed behaviour, and randomised tables whose every output must pass the audit.
struct SuppressorTests {
    static func hierarchy(_ json: String) throws -> TableHierarchy { try TableHierarchy.parse(Array(json.utf8), file: "h.json") }

    /// A table from leaf counts given per leaf code combination (other leaves zero).
    static func table(_ hierarchy: TableHierarchy, _ leaves: [[String]: Int]) throws -> CountTable {
        let grid = try TableGrid(hierarchy: hierarchy)
        var counts = [Int](repeating: 0, count: grid.cellCount)
        for (codes, count) in leaves {
            let nodes = try hierarchy.dimensions.enumerated().map { try #require($1.position(of: codes[$0])) }
            counts[grid.cell(nodes)] = count
        }
        return CountTable.summing(grid: grid, leafCounts: counts)
    }

    @Test func totalsAreSummedAlongEveryDimension() throws {
        let h = try Self.hierarchy(#"{"la": {"E": {"R1": ["A", "B"], "R2": ["C"]}}, "g": {"T": ["G1", "G2"]}}"#)
        let table = try Self.table(h, [["A", "G1"]: 1, ["A", "G2"]: 2, ["B", "G1"]: 4, ["C", "G2"]: 8])
        let grid = table.grid
        func count(_ la: String, _ g: String) -> Int { table.counts[grid.cell([h.dimensions[0].position(of: la)!, h.dimensions[1].position(of: g)!])] }
        #expect(count("E", "T") == 15 && count("R1", "T") == 7 && count("R1", "G1") == 5 && count("E", "G2") == 10 && count("C", "G1") == 0)
    }

    @Test func theNHSSingleCouncilCaseIsFixed() throws {
        let h = try Self.hierarchy(#"{"la": {"England": {"R1": ["LA01", "LA02"], "R2": ["LA03"]}}, "group": {"Total": ["G1", "G2", "G3"]}}"#)
        let table = try Self.table(h, [["LA01", "G1"]: 40, ["LA01", "G2"]: 23, ["LA01", "G3"]: 3, ["LA02", "G1"]: 52, ["LA02", "G2"]: 31,
                                       ["LA03", "G1"]: 61, ["LA03", "G2"]: 18])
        let settings = SuppressionSettings.preset(.nhs, geography: 0)
        let result = try Suppressor.run(table, settings: settings)
        let grid = table.grid
        // Every cell of 1–7 below national level is suppressed; national figures are exact.
        for cell in 0..<grid.cellCount {
            let level = h.dimensions[0].nodes[grid.nodes(of: cell)[0]].level
            if level == 0 { #expect(result.published.entries[cell] == .number(table.counts[cell])) }
            if level > 0 && (1...7).contains(table.counts[cell]) { #expect(result.kinds[cell] == .primary) }
        }
        #expect(result.kinds.values.contains(.secondary), "the national G3 figure forces secondary suppression")
        #expect(result.departures.count == 1)
        // An independent re-audit of what would be published, as a reader sees it.
        let audit = try TableAudit.run(result.published, rules: settings.auditRules(secondaryUsed: true))
        #expect(audit.disclosive.isEmpty)
        #expect(audit.cells.count == result.kinds.count)
    }

    @Test func aPersonAloneInACellCannotWorkOutAnotherSmallCount() throws {
        // Row R1 holds 1 (one person) and 3: suppressed alone together, the person in R1C1 would read R1C2
        // off the row total. The singleton rule adds a third suppressed cell to the row.
        let h = try Self.hierarchy(#"{"r": {"RT": ["R1", "R2"]}, "c": {"CT": ["C1", "C2", "C3"]}}"#)
        let table = try Self.table(h, [["R1", "C1"]: 1, ["R1", "C2"]: 3, ["R1", "C3"]: 20, ["R2", "C1"]: 15, ["R2", "C2"]: 12, ["R2", "C3"]: 30])
        let grid = table.grid
        func cell(_ r: String, _ c: String) -> Int { grid.cell([h.dimensions[0].position(of: r)!, h.dimensions[1].position(of: c)!]) }
        var settings = SuppressionSettings(threshold: 1...4)
        let protected = try Suppressor.run(table, settings: settings)
        let row = ["C1", "C2", "C3", "CT"].map { cell("R1", $0) }.filter { protected.published.entries[$0] == .suppressed }
        #expect(row.count >= 3, "the one person in R1C1 must not be able to work out R1C2")
        settings.singletons = false
        let ignored = try Suppressor.run(table, settings: settings)
        #expect(["C1", "C2", "C3", "CT"].map { cell("R1", $0) }.filter { ignored.published.entries[$0] == .suppressed }.count == 2)
    }

    @Test func aRegionOfOneCouncilIsNotAnotherPersonsCount() throws {
        // R1 holds one council, so R1's cell equals LA01's: the one person in LA01/G1 learns only their own
        // count from it. Before, the singleton rule called this unprotectable and wrote nothing.
        let h = try Self.hierarchy(#"{"la": {"England": {"R1": ["LA01"], "R2": ["LA02", "LA03"]}}, "group": {"Total": ["G1", "G2", "G3"]}}"#)
        let table = try Self.table(h, [["LA01", "G1"]: 1, ["LA01", "G2"]: 30, ["LA01", "G3"]: 25, ["LA02", "G1"]: 12, ["LA02", "G2"]: 3,
                                       ["LA02", "G3"]: 40, ["LA03", "G1"]: 22, ["LA03", "G2"]: 35, ["LA03", "G3"]: 5])
        let settings = SuppressionSettings(threshold: 1...7)
        let result = try Suppressor.run(table, settings: settings)
        let audit = try TableAudit.run(result.published, rules: settings.auditRules(secondaryUsed: true))
        #expect(audit.disclosive.isEmpty)
        let grid = table.grid
        func cell(_ la: String, _ g: String) -> Int { grid.cell([h.dimensions[0].position(of: la)!, h.dimensions[1].position(of: g)!]) }
        #expect(result.published.entries[cell("LA01", "G1")] == .suppressed)
        #expect(result.published.entries[cell("R1", "G1")] == .suppressed)
        // A sibling's count is still protected: the row R1 = LA01 + LA04 with LA01 = 1 and LA04 = 3.
        let h2 = try Self.hierarchy(#"{"la": {"England": {"R1": ["LA01", "LA04"], "R2": ["LA02", "LA03"]}}, "group": {"Total": ["G1", "G2"]}}"#)
        let table2 = try Self.table(h2, [["LA01", "G1"]: 1, ["LA04", "G1"]: 3, ["LA01", "G2"]: 30, ["LA04", "G2"]: 25, ["LA02", "G1"]: 12,
                                         ["LA02", "G2"]: 40, ["LA03", "G1"]: 22, ["LA03", "G2"]: 35])
        let result2 = try Suppressor.run(table2, settings: settings)
        let grid2 = table2.grid
        func cell2(_ la: String, _ g: String) -> Int { grid2.cell([h2.dimensions[0].position(of: la)!, h2.dimensions[1].position(of: g)!]) }
        let hiddenInR1 = ["LA01", "LA04", "R1"].map { cell2($0, "G1") }.filter { result2.published.entries[$0] == .suppressed }
        #expect(hiddenInR1.count == 3, "the person in LA01 must not read LA04's 3 off R1")
    }

    @Test func exemptLevelsMustBeExact() throws {
        let h = try Self.hierarchy(#"{"la": {"England": {"R1": ["LA01"]}}}"#)
        let table = try Self.table(h, [["LA01"]: 3])
        let settings = SuppressionSettings(threshold: 1...7, roundingBase: 5, exempt: [AuditRules.LevelSelector(dimension: 0, level: 0)])
        #expect { _ = try Suppressor.run(table, settings: settings) } throws: { error in
            (error as? DisclosureError)?.code == .badOptions && "\(error)".contains("la=England")
        }
    }

    @Test func countsThatRoundToZeroAreProtectedToo() throws {
        // Threshold 1–3 with rounding to 10: a 4 would be published as 0, so it is suppressed, and the audit
        // must protect it like the threshold's counts (the small counts reach 4).
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B"]}}"#)
        let table = try Self.table(h, [["A"]: 4, ["B"]: 36])
        let settings = SuppressionSettings(threshold: 1...3, roundingBase: 10, roundingScope: .only([AuditRules.LevelSelector(dimension: 0, level: 1)]))
        let rules = settings.auditRules(secondaryUsed: false)
        #expect(rules.protectedRange == 1...4 && rules.roundedMinimum == 5)
        let result = try Suppressor.run(table, settings: settings)
        let grid = table.grid
        let a = grid.cell([h.dimensions[0].position(of: "A")!])
        #expect(result.kinds[a] == .primary)
        let audited = try #require(result.audit.cells.first { $0.cell == a })
        #expect(audited.isProtected && audited.maximum.map { $0 > audited.minimum } ?? true)
    }

    @Test func aPrimaryCellThatCannotBeProtectedFailsClosed() throws {
        // T = A + B, A = 3 is primary, B = 0 may not be secondary and T is exempt: A is always T − B.
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B"]}}"#)
        let table = try Self.table(h, [["A"]: 3])
        let settings = SuppressionSettings(threshold: 1...7, zeros: .neverSecondary, exempt: [AuditRules.LevelSelector(dimension: 0, level: 0)])
        #expect { _ = try Suppressor.run(table, settings: settings) } throws: { error in
            (error as? DisclosureError)?.code == .unprotectable && "\(error)".contains("g=A")
        }
    }

    @Test func anEarlierReleaseIsHeldFixed() throws {
        // Rows R1, R2 × columns C1…C3 with margins; R1C1 = 3 is the only small count.
        let h = try Self.hierarchy(#"{"r": {"RT": ["R1", "R2"]}, "c": {"CT": ["C1", "C2", "C3"]}}"#)
        let table = try Self.table(h, [["R1", "C1"]: 3, ["R1", "C2"]: 12, ["R1", "C3"]: 30, ["R2", "C1"]: 14, ["R2", "C2"]: 9, ["R2", "C3"]: 40])
        let grid = table.grid
        let settings = SuppressionSettings(threshold: 1...5)
        let first = try Suppressor.run(table, settings: settings)
        func cell(_ r: String, _ c: String) -> Int { grid.cell([h.dimensions[0].position(of: r)!, h.dimensions[1].position(of: c)!]) }
        // The cheapest protection is the 2×2 cycle R1/R2 × C1/C2 (12 and 9 are the smallest partners).
        #expect(Set(first.kinds.keys) == [cell("R1", "C1"), cell("R1", "C2"), cell("R2", "C1"), cell("R2", "C2")])
        // An earlier release that published C2 and hid C3 instead: now C3 stays hidden and C2 may not be used.
        var earlierEntries = first.published.entries
        for r in ["R1", "R2"] {
            earlierEntries[cell(r, "C2")] = .number(table.counts[cell(r, "C2")])
            earlierEntries[cell(r, "C3")] = .suppressed
        }
        let earlier = PublishedTable(grid: grid, entries: earlierEntries)
        let second = try Suppressor.run(table, settings: settings, previous: earlier)
        #expect(second.kinds[cell("R1", "C3")] == .held && second.kinds[cell("R2", "C3")] == .held)
        #expect(second.published.entries[cell("R1", "C2")] == .number(12) && second.published.entries[cell("R2", "C2")] == .number(9))
        #expect(try TableAudit.run(second.published, rules: settings.auditRules(secondaryUsed: true)).disclosive.isEmpty)
        // A small count the earlier release published cannot be hidden now.
        var leaked = earlierEntries
        leaked[cell("R1", "C1")] = .number(3)
        #expect { _ = try Suppressor.run(table, settings: settings, previous: PublishedTable(grid: grid, entries: leaked)) } throws: { error in
            (error as? DisclosureError)?.code == .unprotectable && "\(error)".contains("r=R1, c=C1") && "\(error)".contains("earlier release")
        }
    }

    /// Random tables (two and three dimensions, flat and hierarchical) under several settings: every small
    /// count outside exempt levels is suppressed, every published number is the count (rounded where
    /// asked), the output passes the audit, and two runs agree.
    @Test(arguments: Array(UInt64(1)...UInt64(24)))
    func randomTablesAreProtected(seed: UInt64) throws {
        var generator = HistogramlessRandom(state: seed)
        let shapes = [
            #"{"la": {"E": {"N": ["L1", "L2", "L3"], "S": ["L4", "L5"]}}, "g": {"T": ["G1", "G2", "G3"]}}"#,
            #"{"r": {"RT": ["R1", "R2", "R3", "R4"]}, "c": {"CT": ["C1", "C2", "C3", "C4"]}}"#,
            #"{"la": {"E": {"N": ["L1", "L2"], "S": ["L3", "L4"]}}, "g": {"T": ["G1", "G2"]}, "s": {"A": ["F", "M"]}}"#,
        ]
        let h = try Self.hierarchy(shapes[Int(seed) % shapes.count])
        let grid = try TableGrid(hierarchy: h)
        var counts = [Int](repeating: 0, count: grid.cellCount)
        let choices = [0, 0, 1, 2, 3, 4, 6, 9, 12, 20, 35, 60]
        for cell in 0..<grid.cellCount where grid.isInner(cell) { counts[cell] = choices[Int(generator.next() % UInt64(choices.count))] }
        let table = CountTable.summing(grid: grid, leafCounts: counts)
        let national = AuditRules.LevelSelector(dimension: 0, level: 0)
        let settingsList: [SuppressionSettings] = [
            SuppressionSettings(threshold: 1...4),
            SuppressionSettings(threshold: 1...4, zeros: .primary, roundingBase: 5, protection: .minimumWidth(2)),
            SuppressionSettings(threshold: 1...7, zeros: .neverSecondary, roundingBase: 5, roundingScope: .allExcept([national]),
                                exempt: [national], symbol: "*", ruleUsesSecondary: false),
            SuppressionSettings(threshold: 1...5, roundingBase: 10, roundingScope: .only([national])),
        ]
        let settings = settingsList[Int(seed / 3) % settingsList.count]
        var attempt: SuppressionResult?
        do {
            attempt = try Suppressor.run(table, settings: settings)
        } catch {
            // Allowed only when exemptions or zeros rule out every candidate; then nothing is published.
            #expect(error.code == .unprotectable && (!settings.exempt.isEmpty || settings.zeros == .neverSecondary), "\(error)")
            return
        }
        let result = try #require(attempt)
        let rules = settings.auditRules(secondaryUsed: result.kinds.values.contains(.secondary))
        for cell in 0..<grid.cellCount {
            let nodes = grid.nodes(of: cell)
            let exempt = settings.exempt.contains { h.dimensions[$0.dimension].nodes[nodes[$0.dimension]].level == $0.level }
            let count = table.counts[cell]
            if !exempt && (settings.threshold.contains(count) || (count == 0 && settings.zeros == .primary)) {
                #expect(result.published.entries[cell] == .suppressed, "seed \(seed): \(grid.describe(cell)) is small")
            }
            if case .number(let value) = result.published.entries[cell] {
                let expected = rules.roundingBase != nil && rules.isRounded(nodes, in: h) ? (count + settings.roundingBase! / 2) / settings.roundingBase! * settings.roundingBase! : count
                #expect(value == expected, "seed \(seed): \(grid.describe(cell))")
            }
        }
        let audit = try TableAudit.run(result.published, rules: rules)
        let primaries = Set(result.kinds.filter { $0.value == .primary }.map(\.key))
        #expect(audit.disclosive.filter { primaries.contains($0.cell) }.isEmpty, "seed \(seed)")
        // No equation leaves a primary cell to the one person of a singleton primary cell.
        for equation in grid.equations() {
            let hidden = ([equation.total] + equation.parts).filter { result.published.entries[$0] == .suppressed }
            let lone = hidden.filter { result.kinds[$0] == .primary && table.counts[$0] == 1 && grid.isInner($0) }
            let othersExact = ([equation.total] + equation.parts).allSatisfy {
                result.published.entries[$0] == .suppressed || !rules.isRounded(grid.nodes(of: $0), in: h)
            }
            // A total holding only the singleton's one person (the same count) tells them nothing new.
            let onlyThemselves = hidden.count == 2 && lone.count == 1 && hidden.contains(equation.total)
                && equation.total != lone[0] && table.counts[equation.total] == 1
            if hidden.count == 2, !lone.isEmpty, othersExact, !onlyThemselves {
                #expect(hidden.contains { result.kinds[$0] != .primary }, "seed \(seed): \(grid.describe(equation.total))")
            }
        }
        let again = try Suppressor.run(table, settings: settings)
        #expect(again.published.entries == result.published.entries && again.kinds == result.kinds)
    }
}

/// SplitMix64, so the random tables are the same on every run.
struct HistogramlessRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
