public import JigsawCSV

/// Counts children in a links file (as `jigsaw link` writes it, with council and health columns carried
/// across) by council, group and service, ready for `Suppressor`.
///
/// Each distinct child id (the left id) is counted once, from its first row; later rows with the same id
/// are checked but not counted, and reported in ``LinkedCounts/repeatedRows``. The `group` and `service`
/// dimensions are **mutually exclusive**: a child is counted in the first category of
/// ``groups`` (or ``services``) whose column holds a true value, in priority order, and in `none` when no
/// column does. This is the DfE "highest level of need" convention, and it is what makes the table
/// additive: every total is the sum of its parts, as the suppression audit requires. A child who is both
/// looked after and on free school meals is counted under `looked_after` only.
public struct ChildAggregation: Sendable {
    /// The dimensions of the table, in column order (1 to 3, each at most once).
    public var dimensions: [AggregationDimension]
    /// The column holding each child's id.
    public var idColumn = "left_id"
    /// The column holding the council's code (the `council` dimension's leaves).
    public var councilColumn = "council"
    /// The column holding the council's region.
    public var regionColumn = "region"
    /// The council groups, in priority order.
    public var groups = AggregationCategory.councilGroups
    /// The health services, in priority order.
    public var services = AggregationCategory.healthServices

    /// Creates an aggregation with the default columns and categories.
    /// - Parameter dimensions: the dimensions, in column order.
    public init(dimensions: [AggregationDimension]) {
        self.dimensions = dimensions
    }

    /// Checks the dimensions and categories.
    /// - Throws: ``DisclosureError/Code/badOptions`` for no dimension, a repeated dimension, no category, an
    ///   empty or repeated category name, or a name equal to `none` or the dimension's root code.
    public func validate() throws(DisclosureError) {
        guard (1...3).contains(dimensions.count), Set(dimensions).count == dimensions.count else {
            throw DisclosureError(.badOptions, "count by 1 to 3 different dimensions among council, group and service")
        }
        for (dimension, categories) in [(AggregationDimension.group, groups), (.service, services)] where dimensions.contains(dimension) {
            guard !categories.isEmpty else { throw DisclosureError(.badOptions, "the \(dimension.rawValue) dimension needs at least one category") }
            var names = Set<String>()
            for category in categories {
                guard !category.name.isEmpty, !category.column.isEmpty else {
                    throw DisclosureError(.badOptions, "a \(dimension.rawValue) category needs a name and a column (NAME=COLUMN)")
                }
                guard category.name != AggregationCategory.noneCode, category.name != dimension.rootCode else {
                    throw DisclosureError(.badOptions, "the \(dimension.rawValue) category name \"\(category.name)\" is reserved (\"\(AggregationCategory.noneCode)\" and \"\(dimension.rootCode)\" are written by the tool)")
                }
                guard names.insert(category.name).inserted else {
                    throw DisclosureError(.badOptions, "the \(dimension.rawValue) category \"\(category.name)\" is given twice")
                }
                guard category.name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                    throw DisclosureError(.badOptions, "a \(dimension.rawValue) category name cannot hold control characters")
                }
            }
        }
    }

    /// Reads a links file and counts each child once in its cell.
    /// - Parameters:
    ///   - path: the links file (`-` for standard input).
    ///   - dialect: its CSV dialect.
    /// - Returns: the counts of every leaf cell, zeros included, and the hierarchy.
    /// - Throws: ``DisclosureError`` for bad options, a missing or repeated column (naming it and the file), a
    ///   row of the wrong width, a blank id, council or region, a council in two regions, or a flag value the
    ///   rule does not know (naming file, line and column, never the value); ``JigsawCSV/CSVError`` for
    ///   unreadable CSV.
    /// - Complexity: O(*n*) in the file's size, one pass, memory proportional to the distinct ids.
    public func count(path: String, dialect: CSVDialect = CSVDialect()) throws -> LinkedCounts {
        try validate()
        let reader = try CSVChunkReader(path: path, dialect: dialect)
        let header = try reader.readHeader()
        func column(_ name: String, _ role: String) throws(DisclosureError) -> Int {
            if header.names.filter({ $0 == name }).count > 1 {
                throw DisclosureError(.missingColumn, "the header names column \"\(name)\" more than once; rename one of them", file: path, line: 1)
            }
            guard let index = header.index(of: name) else {
                // Only names that could be column names are listed: a file without a header line has values there.
                let names = header.names.filter { CSVRecordParser.isPrintableColumnName($0) }
                let listed = names.count == header.names.count ? "; columns are \(names.joined(separator: ", "))" : " (its first line has \(header.names.count) fields; does the file have a header line?)"
                throw DisclosureError(.missingColumn, "has no column \"\(name)\" (\(role))\(listed)", file: path, line: 1)
            }
            return index
        }
        let byCouncil = dimensions.contains(.council), byGroup = dimensions.contains(.group), byService = dimensions.contains(.service)
        let idIndex = try column(idColumn, "the child's id")
        let councilIndex = byCouncil ? try column(councilColumn, "the council") : -1
        let regionIndex = byCouncil ? try column(regionColumn, "the council's region") : -1
        let groupColumns = byGroup ? try groups.map { category throws(DisclosureError) in try column(category.column, "group \(category.name)") } : []
        let serviceColumns = byService ? try services.map { category throws(DisclosureError) in try column(category.column, "service \(category.name)") } : []
        let groupRules = byGroup ? groups.map(\.rule) : [], serviceRules = byService ? services.map(\.rule) : []
        let serviceCount = byService ? services.count + 1 : 1
        let cellsPerCouncil = (byGroup ? groups.count + 1 : 1) * serviceCount

        var ids = ByteKeyTable(capacity: 1 << 16), councils = ByteKeyTable(), regions = ByteKeyTable()
        var councilRegion: [Int] = [], councilLine: [Int] = [], regionLine: [Int] = []
        var tally = [Int](repeating: 0, count: byCouncil ? 0 : cellsPerCouncil)
        var rows = 0, children = 0, repeated = 0
        let scratch = FieldScratch()
        let width = header.names.count

        try reader.forEachRecord(dialect: reader.dialect, file: path, columnNames: header.names) { record, fields, raw in
            guard fields.count == width else {
                throw DisclosureError(.badValue, "has \(fields.count) fields where the header has \(width)", file: path, line: record.line)
            }
            rows += 1
            func fail(_ message: String, _ index: Int) -> DisclosureError {
                DisclosureError(.badValue, message, file: path, line: record.line, column: CSVRecordParser.describeColumn(index, names: header.names))
            }
            let id = trimmed(scratch.bytes(raw, fields[idIndex]))
            guard !id.isEmpty else { throw fail("the child's id is blank; every row needs one", idIndex) }
            let isNew = ids.insert(id).inserted
            var councilNumber = 0
            if byCouncil {
                let regionNumber = try Self.code(scratch.bytes(raw, fields[regionIndex]), in: &regions, what: "region", index: regionIndex, fail: fail)
                if regionNumber.inserted { regionLine.append(record.line) }
                let council = try Self.code(scratch.bytes(raw, fields[councilIndex]), in: &councils, what: "council", index: councilIndex, fail: fail)
                councilNumber = council.index
                if council.inserted {
                    councilRegion.append(regionNumber.index)
                    councilLine.append(record.line)
                    tally.append(contentsOf: repeatElement(0, count: cellsPerCouncil))
                } else if councilRegion[councilNumber] != regionNumber.index {
                    throw fail("this council was given a different region on line \(councilLine[councilNumber]); a council must be in one region", regionIndex)
                }
            }
            var group = groupRules.count
            for (position, index) in groupColumns.enumerated() {
                guard let value = AggregationCategory.read(scratch.bytes(raw, fields[index]), rule: groupRules[position]) else {
                    throw fail(Self.flagMessage, index)
                }
                if value && position < group { group = position }
            }
            var service = serviceRules.count
            for (position, index) in serviceColumns.enumerated() {
                guard let value = AggregationCategory.read(scratch.bytes(raw, fields[index]), rule: serviceRules[position]) else {
                    throw fail(Self.flagMessage, index)
                }
                if value && position < service { service = position }
            }
            if isNew {
                children += 1
                tally[councilNumber * cellsPerCouncil + group * serviceCount + service] += 1
            } else {
                repeated += 1
            }
        }

        if byCouncil && councils.count == 0 {
            throw DisclosureError(.badValue, "has no rows, so there are no councils to count by", file: path, line: 1)
        }
        // The dimensions' leaves in hierarchy order, and where each leaf's count sits in `tally`.
        var trees: [TableDimension] = [], slots: [[Int]] = []
        for dimension in dimensions {
            switch dimension {
            case .council:
                let (tree, order) = try geography(councils: councils, regions: regions, councilRegion: councilRegion,
                                                  councilLine: councilLine, regionLine: regionLine, path: path)
                trees.append(tree)
                slots.append(order.map { $0 * cellsPerCouncil })
            case .group:
                trees.append(Self.flat(dimension, groups))
                slots.append((0...groups.count).map { $0 * serviceCount })
            case .service:
                trees.append(Self.flat(dimension, services))
                slots.append(Array(0...services.count))
            }
        }
        var leafCounts: [Int] = []
        func walk(_ depth: Int, _ offset: Int) {
            guard depth < slots.count else { leafCounts.append(tally.isEmpty ? 0 : tally[offset]); return }
            for slot in slots[depth] { walk(depth + 1, offset + slot) }
        }
        walk(0, 0)
        return LinkedCounts(hierarchy: TableHierarchy(dimensions: trees), leafCounts: leafCounts,
                            rows: rows, children: children, repeatedRows: repeated)
    }

    static let flagMessage = "not a yes/no value (1/0, y/n, yes/no, true/false, K/E; for SEND also S/A/P; blank is no)"

    /// The number of a council or region code, checking it is present, UTF-8 and free of control characters.
    private static func code(_ bytes: UnsafeRawBufferPointer, in table: inout ByteKeyTable, what: String, index: Int,
                             fail: (String, Int) -> DisclosureError) throws(DisclosureError) -> (index: Int, inserted: Bool) {
        let value = trimmed(bytes)
        guard !value.isEmpty else { throw fail("the \(what) is blank; every row needs one", index) }
        let result = table.insert(value)
        if result.inserted {
            guard CSVFieldValue.isValidUTF8(value), !value.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
                throw fail("the \(what) code is not UTF-8 text without control characters", index)
            }
        }
        return result
    }

    /// A dimension of `categories` and `none` under the root.
    private static func flat(_ dimension: AggregationDimension, _ categories: [AggregationCategory]) -> TableDimension {
        let codes = categories.map(\.name) + [AggregationCategory.noneCode]
        var nodes = [TableDimension.Node(code: dimension.rootCode, parent: nil, children: Array(1...codes.count), level: 0)]
        for code in codes { nodes.append(TableDimension.Node(code: code, parent: 0, children: [], level: 1)) }
        return TableDimension(name: dimension.rawValue, nodes: nodes)
    }

    /// England, its regions sorted by code, and each region's councils sorted by code; with the councils'
    /// numbers in leaf order.
    private func geography(councils: ByteKeyTable, regions: ByteKeyTable, councilRegion: [Int], councilLine: [Int],
                           regionLine: [Int], path: String) throws(DisclosureError) -> (TableDimension, [Int]) {
        let root = AggregationDimension.council.rootCode
        let councilCodes = (0..<councils.count).map { String(decoding: councils.key($0), as: UTF8.self) }
        let regionCodes = (0..<regions.count).map { String(decoding: regions.key($0), as: UTF8.self) }
        let councilNames = Dictionary(councilCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (region, code) in regionCodes.enumerated() {
            if code == root || councilNames[code] != nil {
                let clash = code == root ? "the root code of the geography" : "a council's code (first on line \(councilLine[councilNames[code]!]))"
                throw DisclosureError(.duplicateCode, "the region first on this line has the same code as \(clash); each code must appear once in the hierarchy",
                                      file: path, line: regionLine[region], column: regionColumn)
            }
        }
        for (council, code) in councilCodes.enumerated() where code == root {
            throw DisclosureError(.duplicateCode, "the council first on this line has the same code as the root of the geography",
                                  file: path, line: councilLine[council], column: councilColumn)
        }
        var nodes = [TableDimension.Node(code: root, parent: nil, children: [], level: 0)]
        var order: [Int] = []
        for region in regionCodes.indices.sorted(by: { regionCodes[$0] < regionCodes[$1] }) {
            let members = councilCodes.indices.filter { councilRegion[$0] == region }.sorted { councilCodes[$0] < councilCodes[$1] }
            guard !members.isEmpty else { continue }
            nodes.append(TableDimension.Node(code: regionCodes[region], parent: 0, children: [], level: 1))
            let regionNode = nodes.count - 1
            nodes[0].children.append(regionNode)
            for council in members {
                nodes.append(TableDimension.Node(code: councilCodes[council], parent: regionNode, children: [], level: 2))
                nodes[regionNode].children.append(nodes.count - 1)
                order.append(council)
            }
        }
        return (TableDimension(name: AggregationDimension.council.rawValue, nodes: nodes), order)
    }
}

/// `bytes` without spaces and tabs at either end.
@inline(__always)
private func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var start = 0, end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
}

/// One reusable buffer for unquoting quoted fields, so no row allocates.
private final class FieldScratch {
    private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 1)

    /// The field's value: a view of `raw` when unquoted, else unquoted into the scratch buffer (valid until
    /// the next call).
    func bytes(_ raw: UnsafeRawBufferPointer, _ field: CSVField) -> UnsafeRawBufferPointer {
        guard field.quoted else { return UnsafeRawBufferPointer(rebasing: raw[field.start..<field.end]) }
        if buffer.count < field.end - field.start {
            buffer.deallocate()
            buffer = .allocate(byteCount: field.end - field.start, alignment: 1)
        }
        let n = CSVFieldValue.unquote(raw, field, into: buffer)
        return UnsafeRawBufferPointer(rebasing: buffer[0..<n])
    }

    deinit { buffer.deallocate() }
}
