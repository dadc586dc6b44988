import Foundation
import Testing
import JigsawDisclosure

/// `ChildAggregation`: each child once, in the first category of each dimension; additive output; the
/// geography tree; errors by file, line and column, never by value.
struct AggregationTests {
    /// Writes `text` to a new temporary file and returns its path.
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let header = "left_id,right_id,council,region,send,child_in_need,looked_after,free_school_meals,camhs,community_services,ae_attendance\n"

    @Test(arguments: [
        ("1", true), ("y", true), ("YES", true), ("True", true), ("k", true), ("E", true), (" 1\t", true),
        ("", false), ("0", false), ("n", false), ("No", false), ("FALSE", false), ("  ", false),
    ])
    func flagValues(text: String, expected: Bool) {
        let value = Array(text.utf8).withUnsafeBytes { AggregationCategory.read($0, rule: .flag) }
        #expect(value == expected)
    }

    @Test(arguments: ["2", "maybe", "x", "yess", "-1", "1.0", "unknown"])
    func unknownFlagValuesAreRejected(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { AggregationCategory.read($0, rule: .flag) } == nil)
    }

    @Test(arguments: [("K", true), ("E", true), ("S", true), ("", false), ("N", false), ("0", false), ("no", false)])
    func sendStatusValues(text: String, expected: Bool) {
        #expect(Array(text.utf8).withUnsafeBytes { AggregationCategory.read($0, rule: .sendStatus) } == expected)
    }

    @Test func eachChildIsCountedInItsHighestPriorityGroupAndService() throws {
        let path = try Self.file(Self.header + """
            c1,h1,E09000001,London,E,1,1,1,1,1,1
            c2,h2,E09000001,London,K,1,0,1,0,1,1
            c3,h3,E09000001,London,N,0,0,1,0,0,1
            c4,h4,E09000001,London,,0,0,0,0,0,0
            c5,h5,E09000001,London,K,0,0,1,0,0,0

            """)
        let counts = try ChildAggregation(dimensions: [.group, .service]).count(path: path)
        #expect(counts.count(["looked_after", "camhs"]) == 1)
        #expect(counts.count(["child_in_need", "community_services"]) == 1)
        #expect(counts.count(["free_school_meals", "ae_attendance"]) == 1)
        #expect(counts.count(["none", "none"]) == 1)
        #expect(counts.count(["send", "none"]) == 1, "SEN support outranks free school meals")
        #expect(counts.children == 5 && counts.leafCounts.reduce(0, +) == 5)
        #expect(counts.leafCounts.count == 5 * 4)
    }

    @Test func overriddenGroupsSetThePriority() throws {
        let path = try Self.file(Self.header + "c1,h1,E09000001,London,E,1,1,1,1,1,1\n")
        var aggregation = ChildAggregation(dimensions: [.group])
        aggregation.groups = [AggregationCategory(name: "fsm", column: "free_school_meals"), AggregationCategory(name: "cla", column: "looked_after")]
        let counts = try aggregation.count(path: path)
        #expect(counts.leafCodes == [["fsm", "cla", "none"]])
        #expect(counts.leafCounts == [1, 0, 0])
    }

    @Test func aRepeatedChildIdIsCountedOnceFromItsFirstRow() throws {
        let path = try Self.file(Self.header + """
            c1,h1,E09000001,London,,0,0,0,0,0,0
            c1,h9,E09000001,London,,0,1,0,0,0,0
            c2,h2,E09000001,London,,0,1,0,0,0,0

            """)
        let counts = try ChildAggregation(dimensions: [.group]).count(path: path)
        #expect(counts.rows == 3 && counts.children == 2 && counts.repeatedRows == 1)
        #expect(counts.count(["none"]) == 1 && counts.count(["looked_after"]) == 1)
    }

    @Test func geographyIsCouncilWithinRegionWithinEnglandSortedByCode() throws {
        let path = try Self.file(Self.header + """
            c1,h1,E09000033,London,,0,0,0,0,0,0
            c2,h2,E08000003,North West,,0,0,0,0,0,0
            c3,h3,E09000001,London,,0,0,0,0,0,0
            c4,h4,E09000033,London,,0,0,0,0,0,0

            """)
        let counts = try ChildAggregation(dimensions: [.council]).count(path: path)
        let council = counts.hierarchy.dimensions[0]
        #expect(council.name == "council")
        #expect(council.nodes.map(\.code) == ["England", "London", "E09000001", "E09000033", "North West", "E08000003"])
        #expect(council.nodes.map(\.level) == [0, 1, 2, 2, 1, 2])
        #expect(counts.leafCounts == [1, 2, 1])
        let json = String(decoding: counts.hierarchyJSON(), as: UTF8.self)
        #expect(json.contains(#""England": {"#) && json.contains(#""London": ["E09000001", "E09000033"]"#))
        #expect(try TableHierarchy.parse(counts.hierarchyJSON(), file: "h.json") == counts.hierarchy)
    }

    @Test func outputIsAdditiveAndReadBackBySuppress() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/aggregate/links", withExtension: "csv"))
        let counts = try ChildAggregation(dimensions: [.council, .group, .service]).count(path: url.path)
        #expect(counts.children == 400 && counts.repeatedRows == 3)
        let hierarchy = try TableHierarchy.parse(counts.hierarchyJSON(), file: "h.json")
        #expect(hierarchy == counts.hierarchy)
        let leaves = try Self.file(String(decoding: counts.leavesCSV(), as: UTF8.self))
        let table = try CountTable.read(path: leaves, grid: TableGrid(hierarchy: hierarchy), countColumn: nil)
        let grid = table.grid
        // The grand total is every child; each total equals the sum of its parts along every dimension.
        #expect(table.counts[grid.cell([0, 0, 0])] == 400)
        for equation in grid.equations() {
            #expect(table.counts[equation.total] == equation.parts.reduce(0) { $0 + table.counts[$1] })
        }
    }

    @Test(arguments: [
        ([AggregationDimension.council, .group, .service], "expected-council-group-service"),
        ([AggregationDimension.service, .group], "expected-service-group"),
    ])
    func countsAgreeWithPython(dimensions: [AggregationDimension], expected: String) throws {
        let links = try #require(Bundle.module.url(forResource: "Fixtures/aggregate/links", withExtension: "csv"))
        let want = try #require(Bundle.module.url(forResource: "Fixtures/aggregate/\(expected)", withExtension: "csv"))
        let counts = try ChildAggregation(dimensions: dimensions).count(path: links.path)
        #expect(String(decoding: counts.leavesCSV(), as: UTF8.self) == (try String(contentsOf: want, encoding: .utf8)))
    }

    @Test func aFlagThatIsNotYesOrNoNamesLineAndColumnButNotTheValue() throws {
        let path = try Self.file(Self.header + "c1,h1,E09000001,London,,0,0,0,0,0,0\nc2,h2,E09000001,London,,0,0,0,SECRETVALUE,0,0\n")
        let error = try #require(throws: DisclosureError.self) { try ChildAggregation(dimensions: [.service]).count(path: path) }
        #expect(error.code == .badValue && error.line == 3 && error.file == path)
        #expect(error.column?.contains("camhs") == true)
        #expect(!error.description.contains("SECRETVALUE"))
    }

    @Test func aCouncilInTwoRegionsNamesTheLine() throws {
        let path = try Self.file(Self.header + "c1,h1,E09000001,London,,0,0,0,0,0,0\nc2,h2,E09000001,North West,,0,0,0,0,0,0\n")
        let error = try #require(throws: DisclosureError.self) { try ChildAggregation(dimensions: [.council]).count(path: path) }
        #expect(error.line == 3 && error.description.contains("line 2") && error.description.contains("one region"))
        #expect(!error.description.contains("E09000001") && !error.description.contains("North West"))
    }

    @Test func aMissingColumnIsNamedWithTheFile() throws {
        let path = try Self.file("left_id,council,region\nc1,E09000001,London\n")
        let error = try #require(throws: DisclosureError.self) { try ChildAggregation(dimensions: [.council, .group]).count(path: path) }
        #expect(error.code == .missingColumn && error.file == path && error.description.contains("\"looked_after\""))
    }

    @Test func blankIdsAndWrongWidthsAreRefused() throws {
        let blank = try Self.file(Self.header + " ,h1,E09000001,London,,0,0,0,0,0,0\n")
        let error = try #require(throws: DisclosureError.self) { try ChildAggregation(dimensions: [.group]).count(path: blank) }
        #expect(error.line == 2 && error.column?.contains("left_id") == true)
        let ragged = try Self.file(Self.header + "c1,h1,E09000001\n")
        #expect(throws: DisclosureError.self) { try ChildAggregation(dimensions: [.group]).count(path: ragged) }
    }

    @Test func reservedOrRepeatedNamesAreBadOptions() {
        var aggregation = ChildAggregation(dimensions: [.group])
        aggregation.groups = [AggregationCategory(name: "none", column: "x")]
        #expect(throws: DisclosureError.self) { try aggregation.validate() }
        aggregation.groups = [AggregationCategory(name: "a", column: "x"), AggregationCategory(name: "a", column: "y")]
        #expect(throws: DisclosureError.self) { try aggregation.validate() }
        #expect(throws: DisclosureError.self) { try ChildAggregation(dimensions: [.group, .group]).validate() }
        #expect(throws: DisclosureError.self) { try ChildAggregation(dimensions: []).validate() }
    }
}
