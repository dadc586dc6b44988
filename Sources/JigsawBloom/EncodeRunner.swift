public import JigsawCSV
public import JigsawCrypto
internal import Foundation
public import JigsawTokens

/// What an encode run found.
public struct EncodeSummary: Sendable {
    /// Row and identifier-token counts.
    public var extract: ExtractTally
    /// Feature counts and diagnostics.
    public var encoding: EncodeTally
}

/// Runs `jigsaw encode` over a whole file: one pass that keeps chosen columns, tokenises identifier
/// columns and adds each record's CLK, on all cores, with the output moved into place only on success.
public enum EncodeRunner {
    /// Encodes `input` into `output`.
    /// - Parameters:
    ///   - input: the input path, or `-`.
    ///   - output: the output path, or `-`.
    ///   - overwrite: whether an existing output may be replaced.
    ///   - dialect: the CSV dialect.
    ///   - schema: the linkage schema; each non-ignored feature reads the column of the same name.
    ///   - featureKeys: the per-feature keys from the CLK secret.
    ///   - tokenColumns: identifier columns to tokenise (needs `tokenKeys`).
    ///   - tokenKeys: keys for tokens, or `nil` when no column is tokenised.
    ///   - keep: columns passed through unchanged (e.g. a local record id).
    ///   - format: CSV or anonlink JSON.
    ///   - tokenBytes: token length.
    ///   - onInvalid: what to do with invalid identifiers and feature values.
    ///   - onRagged: what to do with rows of the wrong width.
    ///   - countDuplicates: whether to collect CLK digests (for `--describe`).
    ///   - schemaFile: the schema's file name, for messages.
    ///   - protectedPaths: other files the run reads (key, schema, secret), which the output may never replace.
    ///   - finding: called with each invalid feature value, in input order (for `--report`); when `nil`,
    ///     findings are not collected at all, so memory does not grow with the file.
    ///   - blockKey: the key file's `block` subkey, needed when a profile defines blocking keys.
    ///   - progress: called with the running row count.
    /// - Returns: the counts.
    /// - Throws: ``CSVError``, ``TokenisationError``, ``LinkageSchemaError`` or a crypto error.
    public static func encode(
        input: String, output: String, overwrite: Bool = false, dialect: CSVDialect = CSVDialect(),
        schema: LinkageSchema, featureKeys: FeatureKeys, tokenColumns: [TokenColumnSpec] = [], tokenKeys: DerivedKeys? = nil,
        keep: [String] = [], format: EncodeOutputFormat = .csv, tokenBytes: Int = TokenDeriver.fullTokenBytes,
        onInvalid: InvalidValuePolicy = .blank, onRagged: RaggedRowPolicy = .fail, countDuplicates: Bool = false,
        schemaFile: String? = nil, protectedPaths: [String] = [],
        finding: ((FeatureFinding) throws -> Void)? = nil, blockKey: SecretBytes? = nil,
        progress: (Int) -> Void = { _ in }
    ) async throws -> EncodeSummary {
        // Smaller chunks than tokenising: encoding costs more per byte, so finer chunks balance the cores better.
        let reader = try CSVChunkReader(path: input, dialect: dialect, chunkSize: 1 << 16)
        let destination = try AtomicOutputFile(path: output, overwrite: overwrite, inputs: [input] + protectedPaths)
        let header = try reader.readHeader()
        var featureColumns: [Int?] = []
        for (position, feature) in schema.features.enumerated() {
            let column = schema.profile?.features[position].column ?? feature.identifier
            let index = header.index(of: column)
            if !feature.isIgnored, header.names.filter({ $0 == column }).count > 1 {
                throw CSVError(.duplicateColumn, "the header names column \"\(column)\" (read by feature \"\(feature.identifier)\") more than once; rename one of them", file: input, line: 1)
            }
            if index == nil && !feature.isIgnored {
                throw LinkageSchemaError(path: "$.features[\(position)]", message: "feature \"\(feature.identifier)\" reads column \"\(column)\", which is not in \(input == "-" ? "<stdin>" : input); rename the column or change the schema", file: schemaFile)
            }
            featureColumns.append(feature.isIgnored ? nil : index)
        }
        if let blocking = schema.profile?.blocking, !blocking.isEmpty, blockKey == nil {
            throw LinkageSchemaError(path: "$.blocking", message: "blocking keys are keyed with the key file's block subkey; give --key (a clkhash secret alone cannot key them)", file: schemaFile)
        }
        let plan = try ExtractTokeniser(
            file: input, header: header, dialect: dialect, columns: tokenColumns, keys: tokenKeys,
            tokenBytes: tokenBytes, onInvalid: onInvalid, onRagged: onRagged, emitOutput: true, keepOnly: keep,
            referencedColumns: featureColumns.compactMap { $0 }.map { header.names[$0] })
        let fingerprint = schema.fingerprint
        var extract = plan.emptyTally
        var encoding = EncodeTally(schema: schema)
        switch format {
        case .csv:
            try destination.write(plan.outputHeader(byteOrderMark: reader.hasByteOrderMark,
                                                    extraNames: ["clk", "clk_schema"] + (schema.profile?.blocking ?? []).map { "block_\($0.name)" }))
        case .anonlink:
            try destination.write(Array("{\n  \"clks\": [".utf8))
        }
        var wroteRecord = false
        let columns = featureColumns
        let collect = finding != nil
        let pool = EncoderPool()
        // Four small chunks per core in flight: the reading task shares a core with the workers, and finer
        // chunks keep both cores busy to the end of the file.
        try await CSVChunkPipeline.run(reader: reader, maxInFlight: 2 * CSVChunkPipeline.defaultMaxInFlight, transform: { chunk, output in
            // Encoders are reused across chunks so their token caches stay warm.
            let encoder = try pool.take() ?? ClkEncoder(schema: schema, keys: featureKeys)
            defer { pool.give(encoder) }
            let row = ClkRowExtension(encoder: encoder, featureColumns: columns, format: format, onInvalid: onInvalid,
                                      fingerprint: fingerprint, file: input, messageNames: plan.messageNames, countDuplicates: countDuplicates,
                                      collectFindings: collect, blockKey: blockKey)
            let result = try plan.process(chunk, into: output, rowExtension: row)
            return (result, row.tally, row.findings)
        }) { result, output in
            if format == .anonlink && !wroteRecord && output.count > 0 {
                output.removeByte(at: 0)  // the first element takes no separating comma
                wroteRecord = true
            }
            try destination.write(output)
            extract.add(result.0.tally)
            encoding.add(result.1)
            if let finding { for item in result.2 { try finding(item) } }
            progress(extract.rows)
        }
        if format == .anonlink {
            try destination.write(Array("\n  ],\n  \"schema_fingerprint\": \"\(fingerprint)\"\n}\n".utf8))
        }
        try destination.commit()
        return EncodeSummary(extract: extract, encoding: encoding)
    }
}

/// Encoders waiting between chunks. `@unchecked Sendable` under one rule: an encoder is used by one task
/// at a time, and it changes hands only through this lock.
final class EncoderPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ClkEncoder] = []

    func take() -> ClkEncoder? {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast()
    }

    func give(_ encoder: ClkEncoder) {
        lock.lock()
        idle.append(encoder)
        lock.unlock()
    }
}
