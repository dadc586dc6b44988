public import JigsawCSV

/// Runs a whole validation or tokenisation of a CSV file: read, plan against the header, process
/// chunks on all cores, write in order, and move the output into place only on success.
public enum ExtractRunner {
    /// Tokenises the identifier columns of `input` into `output`.
    /// - Parameters:
    ///   - input: the input path, or `-` for standard input.
    ///   - output: the output path, or `-` for standard output.
    ///   - overwrite: whether an existing output may be replaced (`--force`).
    ///   - dialect: the CSV dialect (input and output).
    ///   - columns: identifier columns and their domains.
    ///   - drop: columns to leave out.
    ///   - keys: the derived keys.
    ///   - tokenBytes: the token length in bytes.
    ///   - onInvalid: what to do with invalid identifiers.
    ///   - onRagged: what to do with rows of the wrong width.
    ///   - protectedPaths: other files the run reads (key file, schema), which the output may never replace.
    ///   - progress: called with the running row count after each chunk.
    /// - Returns: the run's counts.
    /// - Throws: ``CSVError``, ``TokenisationError`` or a crypto error; on any error no output file is
    ///   left (standard output, `-`, cannot be taken back).
    public static func tokenise(
        input: String, output: String, overwrite: Bool = false, dialect: CSVDialect = CSVDialect(),
        columns: [TokenColumnSpec], drop: [String] = [], keys: DerivedKeys,
        tokenBytes: Int = TokenDeriver.fullTokenBytes, onInvalid: InvalidValuePolicy = .blank,
        onRagged: RaggedRowPolicy = .fail, protectedPaths: [String] = [], progress: (Int) -> Void = { _ in }
    ) async throws -> ExtractTally {
        let reader = try CSVChunkReader(path: input, dialect: dialect)
        let destination = try AtomicOutputFile(path: output, overwrite: overwrite, inputs: [input] + protectedPaths)
        let header = try reader.readHeader()
        let plan = try ExtractTokeniser(
            file: input, header: header, dialect: dialect, columns: columns, drop: drop, keys: keys,
            tokenBytes: tokenBytes, onInvalid: onInvalid, onRagged: onRagged)
        var tally = plan.emptyTally
        try destination.write(plan.outputHeader(byteOrderMark: reader.hasByteOrderMark))
        try await CSVChunkPipeline.run(reader: reader, transform: { try plan.process($0, into: $1) }) { result, output in
            try destination.write(output)
            tally.add(result.tally)
            progress(tally.rows)
        }
        try destination.commit()
        return tally
    }

    /// Validates the identifier columns of `input`, reporting each invalid value's line and reason.
    /// - Parameters:
    ///   - input: the input path, or `-` for standard input.
    ///   - dialect: the CSV dialect.
    ///   - columns: identifier columns and their schemes (as token domains).
    ///   - onRagged: what to do with rows of the wrong width.
    ///   - finding: called for each invalid value, in input order.
    ///   - progress: called with the running row count after each chunk.
    /// - Returns: the run's counts.
    /// - Throws: ``CSVError`` or ``TokenisationError``.
    public static func validate(
        input: String, dialect: CSVDialect = CSVDialect(), columns: [TokenColumnSpec],
        onRagged: RaggedRowPolicy = .fail, finding: (InvalidValueFinding) throws -> Void = { _ in },
        progress: (Int) -> Void = { _ in }
    ) async throws -> ExtractTally {
        let reader = try CSVChunkReader(path: input, dialect: dialect)
        let header = try reader.readHeader()
        let plan = try ExtractTokeniser(
            file: input, header: header, dialect: dialect, columns: columns, keys: nil,
            onRagged: onRagged, collectFindings: true)
        var tally = plan.emptyTally
        try await CSVChunkPipeline.run(reader: reader, transform: { try plan.process($0, into: $1) }) { result, _ in
            tally.add(result.tally)
            for item in result.findings { try finding(item) }
            progress(tally.rows)
        }
        return tally
    }
}
