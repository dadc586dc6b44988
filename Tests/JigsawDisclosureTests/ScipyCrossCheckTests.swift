import Foundation
import Testing
import JigsawDisclosure

/// The audit's intervals against an independent implementation: SciPy's linprog (HiGHS) on equations
/// built by `Fixtures/scipy/make_fixtures.py` from the hierarchy itself (40 random tables, 794 suppressed
/// cells: pinned, bounded and unbounded).
struct ScipyCrossCheckTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var name: String
            var dimensions: [String]
            var rows: [[String]]
            var intervals: [String: [Int?]]
        }
        var cases: [Case]
    }

    static func load() throws -> (fixture: Fixture, raw: [String: Any]) {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/scipy/fixtures", withExtension: "json"))
        let data = try Data(contentsOf: url)
        let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try JSONDecoder().decode(Fixture.self, from: data), raw)
    }

    @Test func intervalsEqualSciPys() throws {
        let (fixture, raw) = try Self.load()
        let rawCases = try #require(raw["cases"] as? [[String: Any]])
        #expect(fixture.cases.count == 40)
        var compared = 0
        for (index, testCase) in fixture.cases.enumerated() {
            // The hierarchy object, re-serialised in the dimensions' order (JSONSerialization does not keep it).
            let tree = try #require(rawCases[index]["hierarchy"] as? [String: Any])
            let json = "{" + testCase.dimensions.map { name in
                let data = try! JSONSerialization.data(withJSONObject: tree[name]!, options: [.sortedKeys])
                return "\"\(name)\": " + String(decoding: data, as: UTF8.self)
            }.joined(separator: ", ") + "}"
            let hierarchy = try TableHierarchy.parse(Array(json.utf8), file: testCase.name)
            let grid = try TableGrid(hierarchy: hierarchy)
            var entries = [PublishedTable.Entry](repeating: .absent, count: grid.cellCount)
            for row in testCase.rows {
                let nodes = try hierarchy.dimensions.enumerated().map { try #require($1.position(of: row[$0])) }
                entries[grid.cell(nodes)] = row.last == "[c]" ? .suppressed : .number(Int(row.last!)!)
            }
            let result = try TableAudit.run(PublishedTable(grid: grid, entries: entries), rules: AuditRules())
            #expect(result.cells.count == testCase.intervals.count, "\(testCase.name)")
            for cell in result.cells {
                let key = grid.nodes(of: cell.cell).enumerated().map { hierarchy.dimensions[$0].nodes[$1].code }.joined(separator: ",")
                let expected = try #require(testCase.intervals[key], "\(testCase.name) \(key)")
                #expect(cell.minimum == expected[0] && cell.maximum == expected[1], "\(testCase.name) \(key)")
                compared += 1
            }
        }
        #expect(compared == 794)
    }
}

/// Integer-exact bounds (COIN-OR CBC) against brute force: every whole-number completion of small
/// three-dimensional tables is enumerated and each suppressed cell's least and greatest value taken.
struct IntegerBoundsTests {
    @Test(arguments: Array(UInt64(1)...UInt64(6)))
    func integerBoundsEqualEnumeration(seed: UInt64) throws {
        let h = try TableHierarchy.parse(Array(#"{"a": {"A": ["a1", "a2"]}, "b": {"B": ["b1", "b2"]}, "c": {"C": ["c1", "c2"]}}"#.utf8), file: "h.json")
        let grid = try TableGrid(hierarchy: h)
        var generator = HistogramlessRandom(state: seed)
        let inner = (0..<grid.cellCount).filter { grid.isInner($0) }
        var leaves = [Int](repeating: 0, count: grid.cellCount)
        for cell in inner { leaves[cell] = Int(generator.next() % 3) }
        let table = CountTable.summing(grid: grid, leafCounts: leaves)
        var hidden: [Int] = []
        while hidden.count < 5 {
            let cell = inner[Int(generator.next() % UInt64(inner.count))]
            if !hidden.contains(cell) { hidden.append(cell) }
        }
        hidden.sort()
        var entries = table.counts.map { PublishedTable.Entry.number($0) }
        for cell in hidden { entries[cell] = .suppressed }
        var rules = AuditRules()
        rules.integerBounds = true
        let result = try TableAudit.run(PublishedTable(grid: grid, entries: entries), rules: rules)
        #expect(result.solver.contains("CBC"))
        // Brute force: each hidden leaf from 0 to 6; keep the assignments that satisfy every equation.
        let equations = grid.equations()
        var low = [Int](repeating: Int.max, count: hidden.count), high = [Int](repeating: Int.min, count: hidden.count)
        var values = table.counts
        var assignment = [Int](repeating: 0, count: hidden.count)
        while true {
            for (index, cell) in hidden.enumerated() { values[cell] = assignment[index] }
            if equations.allSatisfy({ values[$0.total] == $0.parts.map { values[$0] }.reduce(0, +) }) {
                for index in hidden.indices { low[index] = min(low[index], assignment[index]); high[index] = max(high[index], assignment[index]) }
            }
            var position = 0
            while position < assignment.count && assignment[position] == 6 { assignment[position] = 0; position += 1 }
            if position == assignment.count { break }
            assignment[position] += 1
        }
        for (index, cell) in hidden.enumerated() {
            let audited = try #require(result.cells.first { $0.cell == cell })
            #expect(audited.minimum == low[index] && audited.maximum == high[index], "seed \(seed) \(audited.codes)")
        }
    }
}
