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
