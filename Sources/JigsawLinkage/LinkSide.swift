public import JigsawCSV
internal import Foundation

/// One side of a linkage, read into memory: record ids, token columns, CLKs and carried columns.
public struct LinkSide: Sendable {
    /// The file it came from.
    public let path: String
    /// Record ids in file order.
    public let ids: [String]
    /// For each token column (in priority order), each record's token (`nil` when blank).
    public let tokens: [[String?]]
    /// The CLKs, when a CLK column was read.
    public let filters: FilterStore?
    /// The schema fingerprint(s) recorded beside the CLKs (normally one).
    public let schemaFingerprints: Set<String>
    /// Carried columns' raw values, per carried column.
    public let carried: [[String]]
    /// The carried columns' names.
    public let carriedNames: [String]
    /// For each blocking-key column, each record's key (`nil` when blank).
    public let blockKeys: [[String?]]

    /// Reads a side from CSV.
    /// - Parameters:
    ///   - path: the file (or `-`).
    ///   - idColumn: the record id column.
    ///   - tokenColumns: token columns to join on, in priority order.
    ///   - clkColumn: the CLK column, or `nil` to link on tokens only.
    ///   - carry: columns to copy into the links.
    ///   - blockColumns: blocking-key columns (records are compared only within equal keys).
    ///   - dialect: the CSV dialect.
    /// - Returns: the side.
    /// - Throws: ``JigsawCSV/CSVError`` or ``LinkError`` naming file, line and column.
    public static func load(path: String, idColumn: String, tokenColumns: [String], clkColumn: String?, carry: [String],
                            blockColumns: [String] = [], dialect: CSVDialect = CSVDialect()) throws -> LinkSide {
        let reader = try CSVChunkReader(path: path, dialect: dialect)
        let header = try reader.readHeader()
        func column(_ name: String, _ role: String) throws -> Int {
            let exact = header.names.indices.filter { header.names[$0] == name }
            if exact.count > 1 {
                throw CSVError(.duplicateColumn, "the header names column \"\(name)\" more than once; rename one of them", file: path, line: 1)
            }
            guard let index = header.index(of: name) else {
                throw CSVError(.missingColumn, "the header has no column \"\(name)\" (\(role)); its first line has \(header.names.count) fields", file: path, line: 1)
            }
            return index
        }
        let idIndex = try column(idColumn, "the record id")
        let tokenIndices = try tokenColumns.map { try column($0, "a token column") }
        let clkIndex = try clkColumn.map { try column($0, "the CLK column") }
        let schemaIndex = clkColumn == nil ? nil : header.index(of: "clk_schema")
        let carryIndices = try carry.map { try column($0, "a carried column") }
        let blockIndices = try blockColumns.map { try column($0, "a blocking-key column") }
        var messageNames = header.names.map { _ in "" }
        for (index, name) in zip([idIndex] + tokenIndices + (clkIndex.map { [$0] } ?? []) + carryIndices,
                                 [idColumn] + tokenColumns + (clkColumn.map { [$0] } ?? []) + carry) {
            messageNames[index] = CSVRecordParser.isPrintableColumnName(name) ? header.names[index] : ""
        }

        var ids: [String] = []
        var tokens = [[String?]](repeating: [], count: tokenIndices.count)
        var filters: [[UInt8]] = []
        var fingerprints = Set<String>()
        var carried = [[String]](repeating: [], count: carryIndices.count)
        var blockKeys = [[String?]](repeating: [], count: blockIndices.count)
        var firstLine: [String: Int] = [:]
        var clkBytes: Int?
        try reader.forEachRecord(dialect: dialect, file: path, columnNames: messageNames) { record, fields, bytes in
            guard fields.count == header.names.count else {
                throw CSVError(.raggedRow, "the row has \(fields.count) fields but the header has \(header.names.count)", file: path, line: record.line)
            }
            func text(_ index: Int) -> String {
                CSVFieldValue.string(bytes, fields[index])
            }
            let id = CSVFieldValue.trimmingSpacesAndTabs(text(idIndex))
            guard !id.isEmpty else {
                throw LinkError(.blankID, "the record id is blank; every record needs an id", file: path, line: record.line,
                                column: CSVRecordParser.describeColumn(idIndex, names: messageNames))
            }
            if let earlier = firstLine[id] {
                throw LinkError(.duplicateID, "the record id on this line also appears on line \(earlier); ids must be unique", file: path, line: record.line,
                                column: CSVRecordParser.describeColumn(idIndex, names: messageNames))
            }
            firstLine[id] = record.line
            ids.append(id)
            for (k, index) in tokenIndices.enumerated() {
                let token = CSVFieldValue.trimmingSpacesAndTabs(text(index))
                tokens[k].append(token.isEmpty ? nil : token)
            }
            if let clkIndex {
                let encoded = text(clkIndex)
                guard let decoded = Data(base64Encoded: encoded) else {
                    throw LinkError(.badCLK, "the CLK is not standard base64", file: path, line: record.line,
                                    column: CSVRecordParser.describeColumn(clkIndex, names: messageNames))
                }
                if let clkBytes, clkBytes != decoded.count {
                    throw LinkError(.clkLength, "this CLK has \(decoded.count * 8) bits but earlier ones have \(clkBytes * 8); re-encode the file with one schema",
                                    file: path, line: record.line, column: CSVRecordParser.describeColumn(clkIndex, names: messageNames))
                }
                clkBytes = decoded.count
                filters.append([UInt8](decoded))
                if let schemaIndex { fingerprints.insert(text(schemaIndex)) }
            }
            for (k, index) in carryIndices.enumerated() { carried[k].append(text(index)) }
            for (k, index) in blockIndices.enumerated() {
                let key = CSVFieldValue.trimmingSpacesAndTabs(text(index))
                blockKeys[k].append(key.isEmpty ? nil : key)
            }
        }
        if fingerprints.count > 1 {
            throw LinkError(.schemaMismatch, "the file mixes CLKs from \(fingerprints.count) schemas (\(fingerprints.sorted().joined(separator: ", "))); encode it again with one schema", file: path)
        }
        let store = clkIndex == nil ? nil : FilterStore(filters: filters, bitCount: 8 * (clkBytes ?? 0))
        return LinkSide(path: path, ids: ids, tokens: tokens, filters: store, schemaFingerprints: fingerprints,
                        carried: carried, carriedNames: carry, blockKeys: blockKeys)
    }
}
