import Foundation
import Testing

/// `jigsaw suppress` outputs checked by an independent solver: `Tests/JigsawDisclosureTests/Fixtures/
/// suppress/make_fixtures.py` protected 24 random tables (2-D, 3-D, hierarchical, sparse; four settings)
/// with this tool and audited every output with SciPy's linprog (HiGHS), finding every primary cell
/// protected. This test re-runs each case and requires the same published table, byte for byte, so the
/// committed verdict holds for what the code writes today.
struct SuppressCrossCheckTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            struct Verdict: Decodable { var interval: [Int?]; var protected: Bool }
            var name: String
            var dimensions: [String]
            var leaves: String
            var options: [String]
            var status: Int32
            var published: String?
            var primary: [String: Verdict]?
        }
        var cases: [Case]
    }

    static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("JigsawDisclosureTests/Fixtures/suppress/fixtures.json")

    @Test func outputsMatchTheIndependentlyAuditedOnes() throws {
        let data = try Data(contentsOf: Self.fixtureURL)
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rawCases = try #require(raw["cases"] as? [[String: Any]])
        #expect(fixture.cases.count == 24)
        var primaries = 0
        for (index, testCase) in fixture.cases.enumerated() {
            let ws = try Workspace()
            let tree = try #require(rawCases[index]["hierarchy"] as? [String: Any])
            let json = "{" + testCase.dimensions.map { name in
                "\"\(name)\": " + String(decoding: try! JSONSerialization.data(withJSONObject: tree[name]!, options: [.sortedKeys]), as: UTF8.self)
            }.joined(separator: ", ") + "}"
            try ws.write("h.json", json)
            try ws.write("leaves.csv", testCase.leaves)
            let outcome = try ws.run(["suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "out.csv", "--report", "r.json", "--quiet"] + testCase.options)
            #expect(outcome.status == testCase.status, "\(testCase.name): \(outcome.stderr)")
            guard let published = testCase.published, let verdict = testCase.primary else { continue }
            // The hierarchy's key order inside each dimension can differ from the generator's, so compare rows as sets.
            let written = try ws.read("out.csv")
            let rows = Set(written.split(separator: "\n").dropFirst())
            let expected = Set(published.split(separator: "\n").dropFirst())
            #expect(rows == expected, "\(testCase.name)")
            #expect(verdict.values.allSatisfy { $0.protected }, "\(testCase.name)")
            primaries += verdict.count
        }
        #expect(primaries == 256)
    }
}
