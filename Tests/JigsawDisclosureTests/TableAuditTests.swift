import Foundation
import Testing
import JigsawDisclosure

/// The hierarchy reader, the table grid and the LP audit, on the patterns `suppression.md` warns about.
struct TableAuditTests {
    // MARK: Helpers

    static func hierarchy(_ json: String) throws -> TableHierarchy {
        try TableHierarchy.parse(Array(json.utf8), file: "h.json")
    }

    /// Writes `rows` (codes per dimension, then the value) as a CSV and reads it back as a published table.
    static func table(_ hierarchy: TableHierarchy, _ rows: [[String]], rules: AuditRules = AuditRules()) throws -> PublishedTable {
        let grid = try TableGrid(hierarchy: hierarchy)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("published-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let header = hierarchy.dimensions.map(\.name) + ["count"]
        let text = ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try PublishedTable.read(path: path, grid: grid, valueColumn: nil, rules: rules)
    }

    /// A two-dimensional table with margins: `inner[r][c]`, rows R1…, columns C1…, totals `RT` and `CT`;
    /// cells in `suppressed` (1-based row, column) are published as `[c]`.
    static func marginTable(_ inner: [[Int]], suppressed: Set<[Int]>) throws -> PublishedTable {
        let rowCodes = inner.indices.map { "R\($0 + 1)" }, columnCodes = inner[0].indices.map { "C\($0 + 1)" }
        let h = try hierarchy(#"{"row": {"RT": [\#(rowCodes.map { "\"\($0)\"" }.joined(separator: ","))]}, "col": {"CT": [\#(columnCodes.map { "\"\($0)\"" }.joined(separator: ","))]}}"#)
        var rows: [[String]] = []
        for (r, values) in inner.enumerated() {
            for (c, value) in values.enumerated() {
                rows.append([rowCodes[r], columnCodes[c], suppressed.contains([r + 1, c + 1]) ? "[c]" : String(value)])
            }
            rows.append([rowCodes[r], "CT", String(values.reduce(0, +))])
        }
        for c in inner[0].indices { rows.append(["RT", columnCodes[c], String(inner.map { $0[c] }.reduce(0, +))]) }
        rows.append(["RT", "CT", String(inner.flatMap { $0 }.reduce(0, +))])
        return try table(h, rows)
    }

    static func cell(_ result: AuditResult, _ codes: String) throws -> AuditedCell {
        try #require(result.cells.first { $0.codes == codes })
    }

    // MARK: Hierarchy

    @Test func hierarchyKeepsFileOrderAndLevels() throws {
        let h = try Self.hierarchy(#"{"la": {"England": {"R2": ["LA03"], "R1": ["LA02", "LA01"]}}, "group": {"Total": ["G1", "G2"]}}"#)
        #expect(h.dimensions.map(\.name) == ["la", "group"])
        #expect(h.dimensions[0].nodes.map(\.code) == ["England", "R2", "LA03", "R1", "LA02", "LA01"])
        #expect(h.dimensions[0].nodes.map(\.level) == [0, 1, 2, 1, 2, 2])
        #expect(h.dimensions[0].nodes[3].children == [4, 5])
        let grid = try TableGrid(hierarchy: h)
        #expect(grid.cellCount == 18)
        // Per group code (3), two region equations and one national; per council code (6), one group equation.
        #expect(grid.equations().count == 3 * 3 + 6)
        #expect(grid.describe(grid.cell([5, 2])) == "la=LA01, group=G2")
    }

    struct BadHierarchy: CustomTestStringConvertible, Sendable {
        var label: String
        var json: String
        var code: DisclosureError.Code
        var line: Int
        var testDescription: String { label }
    }

    static let badHierarchies: [BadHierarchy] = [
        BadHierarchy(label: "code used twice", json: "{\"la\": {\"England\": {\"R1\": [\"LA01\"],\n \"R2\": [\"LA01\"]}}}", code: .duplicateCode, line: 2),
        BadHierarchy(label: "two roots", json: #"{"la": {"England": ["A"], "Wales": ["B"]}}"#, code: .badHierarchy, line: 1),
        BadHierarchy(label: "duplicate key", json: "{\"g\": {\"T\": {\"A\": [\"x\"],\n\"A\": [\"y\"]}}}", code: .duplicateCode, line: 2),
        BadHierarchy(label: "number as code", json: #"{"g": {"T": [1, 2]}}"#, code: .badHierarchy, line: 1),
        BadHierarchy(label: "empty list", json: #"{"g": {"T": []}}"#, code: .badHierarchy, line: 1),
        BadHierarchy(label: "five dimensions", json: #"{"a": {"A": ["a"]}, "b": {"B": ["b"]}, "c": {"C": ["c"]}, "d": {"D": ["d"]}, "e": {"E": ["e"]}}"#, code: .badHierarchy, line: 1),
        BadHierarchy(label: "not JSON", json: "{\"g\": {\"T\": [\"A\",]}}", code: .badHierarchy, line: 1),
    ]

    @Test(arguments: badHierarchies)
    func badHierarchiesAreNamed(_ bad: BadHierarchy) {
        #expect {
            _ = try Self.hierarchy(bad.json)
        } throws: { error in
            guard let error = error as? DisclosureError else { return false }
            return error.code == bad.code && error.line == bad.line && error.description.hasPrefix("h.json:\(bad.line): column ")
        }
    }

    @Test func tooManyCellsIsRefused() throws {
        let codes = (0..<400).map { "\"c\($0)\"" }.joined(separator: ",")
        let h = try Self.hierarchy(#"{"a": {"A": [\#(codes)]}, "b": {"B": [\#(codes)]}}"#)
        #expect(throws: DisclosureError.self) { _ = try TableGrid(hierarchy: h) }
    }

    // MARK: The audit

    @Test func roundedAndSuppressedCellsGiveTheirInterval() throws {
        // x3 = x1 + x2: x3 published 10, x2 rounded to 5 (so 3…7), x1 suppressed: x1 is 3…7.
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B"]}}"#)
        let rules = AuditRules(roundingBase: 5, roundingScope: .only([AuditRules.LevelSelector(dimension: 0, level: 1)]))
        let result = try TableAudit.run(try Self.table(h, [["T", "10"], ["A", "[c]"], ["B", "5"]], rules: rules), rules: rules)
        let a = try Self.cell(result, "g=A")
        #expect(a.minimum == 3 && a.maximum == 7 && a.isProtected)
        #expect(result.components == 1)
    }

    @Test func aLoneSuppressedCellInARowIsDisclosed() throws {
        let table = try Self.marginTable([[10, 3, 20], [15, 11, 25]], suppressed: [[1, 2]])
        let result = try TableAudit.run(table, rules: AuditRules())
        let cell = try Self.cell(result, "row=R1, col=C2")
        #expect(cell.minimum == 3 && cell.maximum == 3 && !cell.isProtected)
        #expect(result.disclosive.count == 1)
    }

    @Test func aCycleOfFourProtectsItsCells() throws {
        let table = try Self.marginTable([[10, 3, 20], [15, 11, 25]], suppressed: [[1, 1], [1, 2], [2, 1], [2, 2]])
        let result = try TableAudit.run(table, rules: AuditRules())
        #expect(result.disclosive.isEmpty)
        let primary = try Self.cell(result, "row=R1, col=C2")
        #expect(primary.minimum == 0 && primary.maximum == 13, "3 can trade places with the other cells of the cycle")
        let strict = try TableAudit.run(table, rules: AuditRules(protection: .minimumWidth(20)))
        #expect(!strict.disclosive.isEmpty, "a width of 20 is more than the cycle allows")
    }

    /// Two 2×2 cycles of suppressed cells joined through the primary cell: every row and column has 0 or at
    /// least 2 suppressed cells, yet adding and subtracting rows and columns pins the primary exactly.
    @Test func theBridgePatternIsCaught() throws {
        let inner = [[10, 12, 20, 30], [15, 11, 3, 25], [20, 30, 14, 16], [25, 18, 17, 22]]
        let cycles: Set<[Int]> = [[1, 1], [1, 2], [2, 1], [2, 2], [3, 3], [3, 4], [4, 3], [4, 4]]
        let result = try TableAudit.run(try Self.marginTable(inner, suppressed: cycles.union([[2, 3]])), rules: AuditRules())
        let primary = try Self.cell(result, "row=R2, col=C3")
        #expect(primary.minimum == 3 && primary.maximum == 3 && !primary.isProtected)
        #expect(result.disclosive.map(\.codes) == ["row=R2, col=C3"])
        // Row and column counting would have passed it: no row or column holds exactly one suppressed cell.
        let pattern = cycles.union([[2, 3]])
        for index in 1...4 {
            #expect(pattern.filter { $0[0] == index }.count != 1 && pattern.filter { $0[1] == index }.count != 1)
        }
    }

    /// A council × group table protected as a flat table is safe alone; published with its regions (sums of
    /// councils), the suppressed council cells are recovered exactly.
    @Test func aFlatProtectedTablePublishedWithItsRegionsIsCaught() throws {
        let h = try Self.hierarchy(#"{"la": {"England": {"R1": ["LA01", "LA02"], "R2": ["LA03", "LA04"]}}, "group": {"Total": ["G1", "G2"]}}"#)
        let counts: [String: [Int]] = ["LA01": [4, 30], "LA02": [12, 40], "LA03": [9, 25], "LA04": [20, 35]]
        var councilRows: [[String]] = []
        for la in ["LA01", "LA02", "LA03", "LA04"] {
            let values = counts[la]!
            councilRows.append([la, "G1", ["LA01", "LA03"].contains(la) ? "[c]" : String(values[0])])
            councilRows.append([la, "G2", ["LA01", "LA03"].contains(la) ? "[c]" : String(values[1])])
            councilRows.append([la, "Total", String(values.reduce(0, +))])
        }
        let england = (0..<2).map { g in counts.values.map { $0[g] }.reduce(0, +) }
        councilRows += [["England", "G1", String(england[0])], ["England", "G2", String(england[1])],
                        ["England", "Total", String(england.reduce(0, +))]]
        let flat = try TableAudit.run(try Self.table(h, councilRows), rules: AuditRules())
        #expect(flat.disclosive.isEmpty, "alone, the council table is protected by its cycle")
        var regionRows: [[String]] = []
        for (region, las) in [("R1", ["LA01", "LA02"]), ("R2", ["LA03", "LA04"])] {
            for g in 0..<2 { regionRows.append([region, "G\(g + 1)", String(las.map { counts[$0]![g] }.reduce(0, +))]) }
            regionRows.append([region, "Total", String(las.flatMap { counts[$0]! }.reduce(0, +))])
        }
        let together = try TableAudit.run(try Self.table(h, councilRows + regionRows), rules: AuditRules())
        #expect(Set(together.disclosive.map(\.codes)) == ["la=LA01, group=G1", "la=LA01, group=G2", "la=LA03, group=G1", "la=LA03, group=G2"])
        let la01 = try Self.cell(together, "la=LA01, group=G1")
        #expect(la01.minimum == 4 && la01.maximum == 4)
    }

    /// Under the NHS rule (1–7 → `*`, others rounded to 5 below national level, national exact), a group
    /// that is zero in every council but one, with the national figure exact, gives that council away.
    @Test func theNHSSingleCouncilCaseIsCaught() throws {
        let h = try Self.hierarchy(#"{"la": {"England": {"R1": ["LA01", "LA02"], "R2": ["LA03"]}}, "group": {"Total": ["G1", "G2", "G3"]}}"#)
        let leaves: [String: [Int]] = ["LA01": [40, 23, 3], "LA02": [52, 31, 0], "LA03": [61, 18, 0]]
        let grid = try TableGrid(hierarchy: h)
        let la = h.dimensions[0], group = h.dimensions[1]
        // The true count of every cell, leaves summed up both trees.
        func count(_ laNode: Int, _ groupNode: Int) -> Int {
            let laLeaves = leavesUnder(la, laNode), groupLeaves = leavesUnder(group, groupNode)
            return laLeaves.map { leaves[la.nodes[$0].code]! }.map { row in groupLeaves.map { row[$0 - 1] }.reduce(0, +) }.reduce(0, +)
        }
        var rows: [[String]] = []
        for l in la.nodes.indices {
            for g in group.nodes.indices {
                let value = count(l, g)
                let published: String
                if la.nodes[l].level == 0 { published = String(value) }
                else if value == 0 { published = "0" }
                else if value <= 7 { published = "*" }
                else { published = String(Int((Double(value) / 5).rounded(.toNearestOrAwayFromZero)) * 5) }
                rows.append([la.nodes[l].code, group.nodes[g].code, published])
            }
        }
        let rules = AuditRules.Preset.nhs.rules(geography: 0)
        let result = try TableAudit.run(try Self.table(h, rows, rules: rules), rules: rules)
        let la01 = try Self.cell(result, "la=LA01, group=G3")
        #expect(la01.minimum == 3 && la01.maximum == 3 && !la01.isProtected)
        #expect(result.disclosive.map(\.codes).contains("la=R1, group=G3"))
        #expect(grid.cellCount == 24)
    }

    @Test func cellsPinnedOutsideTheSmallCountsAreNotDisclosive() throws {
        // B is a suppressed zero beside a suppressed 3 and a published 5 in a total of 8: both are pinned...
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B", "C"]}}"#)
        let table = try Self.table(h, [["T", "8"], ["A", "5"], ["B", "[c]"], ["C", "[c]"]])
        let strict = try TableAudit.run(table, rules: AuditRules())
        #expect(strict.disclosive.isEmpty, "B + C = 3 leaves both free")
        let pinned = try Self.table(h, [["T", "5"], ["A", "5"], ["B", "[c]"], ["C", "[c]"]])
        #expect(try TableAudit.run(pinned, rules: AuditRules()).disclosive.count == 2, "B + C = 0 pins both at 0")
        // ...but a zero reveals no count of 1–5, so with the protected range known neither is disclosive.
        #expect(try TableAudit.run(pinned, rules: AuditRules(protectedRange: 1...5)).disclosive.isEmpty)
        #expect(try TableAudit.run(pinned, rules: AuditRules(protectedRange: 0...9)).disclosive.count == 2)
    }

    @Test func numbersThatCannotBeRoundedCountsAreAnError() throws {
        // Under the NHS reading, 13 is no multiple of 5 and 5 is below the least rounded count (8 → 10).
        let h = try Self.hierarchy(#"{"la": {"England": ["LA01", "LA02"]}}"#)
        let rules = AuditRules.Preset.nhs.rules(geography: 0)
        for value in ["13", "5"] {
            #expect {
                _ = try TableAudit.run(try Self.table(h, [["England", "20"], ["LA01", "*"], ["LA02", value]], rules: rules), rules: rules)
            } throws: { error in
                (error as? DisclosureError)?.code == .inconsistentTable && "\(error)".contains("la=LA02") && !"\(error)".contains("13")
            }
        }
        // A published 0 is exact when counts that round to 0 are never published as numbers.
        var custom = AuditRules(roundingBase: 5, roundingScope: .allExcept([AuditRules.LevelSelector(dimension: 0, level: 0)]), roundedMinimum: 8)
        custom.symbols = ["*"]
        let pinned = try TableAudit.run(try Self.table(h, [["England", "20"], ["LA01", "*"], ["LA02", "0"]], rules: custom), rules: custom)
        #expect(pinned.disclosive.map(\.codes) == ["la=LA01"])
    }

    @Test func contradictoryTotalsAreAnError() throws {
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B"]}}"#)
        #expect {
            _ = try TableAudit.run(try Self.table(h, [["T", "10"], ["A", "4"], ["B", "5"]]), rules: AuditRules())
        } throws: { error in
            (error as? DisclosureError)?.code == .inconsistentTable && "\(error)".contains("g=T")
        }
        // Infeasible only through the intervals: a suppressed cell under rule 1–7 cannot make up 20.
        let rules = AuditRules(suppressedRange: 1...7)
        #expect {
            _ = try TableAudit.run(try Self.table(h, [["T", "30"], ["A", "*"], ["B", "10"]], rules: AuditRules(symbols: ["*"], suppressedRange: 1...7)), rules: AuditRules(symbols: ["*"], suppressedRange: rules.suppressedRange))
        } throws: { error in
            (error as? DisclosureError)?.code == .inconsistentTable
        }
    }

    @Test func badTableRowsAreNamed() throws {
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B"]}}"#)
        #expect { _ = try Self.table(h, [["T", "10"], ["C", "4"]]) } throws: { error in
            guard let error = error as? DisclosureError else { return false }
            return error.code == .unknownCode && error.line == 3 && error.column == "g"
        }
        #expect { _ = try Self.table(h, [["T", "10"], ["T", "10"]]) } throws: { error in
            (error as? DisclosureError)?.code == .duplicateCell && (error as? DisclosureError)?.line == 3
        }
        for value in ["-1", "2.5", "x", ""] {
            #expect { _ = try Self.table(h, [["T", value]]) } throws: { error in
                guard let error = error as? DisclosureError else { return false }
                return error.code == .badValue && error.line == 2 && error.column == "count" && !error.message.contains("\"\(value)\"")
            }
        }
    }

    @Test func absentCellsAreUnknownNotZero() throws {
        let h = try Self.hierarchy(#"{"g": {"T": ["A", "B", "C"]}}"#)
        // B and C are suppressed and A is absent: nothing pins B.
        let result = try TableAudit.run(try Self.table(h, [["T", "10"], ["B", "[c]"], ["C", "[c]"]]), rules: AuditRules())
        #expect(result.absentCells == 1)
        #expect(result.disclosive.isEmpty)
    }
}

/// The leaves under `node` (the node itself when it is a leaf).
private func leavesUnder(_ dimension: TableDimension, _ node: Int) -> [Int] {
    let children = dimension.nodes[node].children
    return children.isEmpty ? [node] : children.flatMap { leavesUnder(dimension, $0) }
}
