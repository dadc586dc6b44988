internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawBloom
internal import JigsawCrypto
internal import JigsawCSV
internal import JigsawTokens

/// `jigsaw encode`: one pass from an extract to a shareable file of kept columns, tokens and CLKs.
struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode records as Bloom-filter CLKs (clkhash-compatible), with optional tokens, in one pass.",
        discussion: "Each feature of a clkhash schema reads the CSV column of the same name; a Jigsaw profile names its column per feature. The output holds only the columns named with --keep, the tokenised --column columns, and the CLK (clk, standard base64) with the schema fingerprint (clk_schema); raw quasi-identifiers are never passed through unless kept. The CLK secret is the key file's clk subkey, or with --clkhash-secret-file a raw clkhash secret.",
        aliases: ["encode-clk"]
    )

    @Argument(help: ArgumentHelp("The input CSV, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The output file, or - for standard output.", valueName: "output"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The linkage schema: a clkhash v3 schema or a Jigsaw profile (see jigsaw schema init).", valueName: "schema.json"))
    var schema: String

    @Option(name: .long, help: ArgumentHelp("A file holding a raw clkhash secret (as given to clkhash), used instead of the key file's clk subkey.", valueName: "file"))
    var clkhashSecretFile: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A column to pass through unchanged, e.g. a local record id. Repeatable.", valueName: "column"))
    var keep: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: csv (default) or anonlink ({\"clks\": [...]} JSON).", valueName: "format"))
    var format: String = EncodeOutputFormat.csv.rawValue

    @Option(name: .long, help: ArgumentHelp("Write the line, feature and reason of each invalid feature value to this CSV.", valueName: "file.csv"))
    var report: String?

    @Flag(name: .long, help: "Print diagnostics on standard error: popcount histogram, missing values per feature, and warnings.")
    var describe = false

    @Flag(name: .long, help: "Replace the output if it exists.")
    var force = false

    @Flag(name: .long, help: "No progress line and no summary on standard error.")
    var quiet = false

    @OptionGroup var tokenOptions: TokenOptions
    @OptionGroup var keyOptions: KeyOptions
    @OptionGroup var csvOptions: CSVInputOptions

    func validate() throws {
        guard EncodeOutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be csv or anonlink")
        }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("encode", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(input)
        audit.read(schema, kind: "schema")
        let dialect = try csvOptions.dialect()
        let onRagged = try csvOptions.raggedPolicy()
        let tokenColumns = tokenOptions.column.isEmpty ? [] : try parseColumnSpecs(tokenOptions.column, noun: "domain")
        let outputFormat = EncodeOutputFormat(rawValue: format)!
        if outputFormat == .anonlink && (!tokenColumns.isEmpty || !keep.isEmpty) {
            throw CommandFailure.usage("--format anonlink writes CLKs only; drop --column and --keep, or use --format csv")
        }
        let linkageSchema = try SchemaFile.load(schema)
        audit.record.schemaFingerprint = linkageSchema.fingerprint
        for warning in linkageSchema.warnings { Console.err("jigsaw: warning: \(schema): \(warning)\n") }

        var keyFile: KeyFile?
        var tokenKeys: DerivedKeys?
        let needsBlockKey = !(linkageSchema.profile?.blocking.isEmpty ?? true)
        if clkhashSecretFile == nil || !tokenColumns.isEmpty || needsBlockKey {
            let (file, keys) = try keyOptions.load()
            keyFile = file
            tokenKeys = keys
            audit.usedKey(file, keys)
        }
        let secret: SecretBytes
        let secretSource: String
        if let clkhashSecretFile {
            secret = try ClkhashSecretFile.load(clkhashSecretFile)
            secretSource = "clkhash secret from \(clkhashSecretFile)"
        } else {
            secret = try tokenKeys!.subkey(.clk)
            secretSource = "key \"\(keyFile!.id)\", fingerprint \(tokenKeys!.fingerprint), context \"\(tokenKeys!.context)\"\(keyFile!.isExample ? " (EXAMPLE KEY)" : "")"
        }
        let featureKeys = try FeatureKeys(secret: secret, schema: linkageSchema)
        let blockKey = needsBlockKey ? try tokenKeys?.subkey(.block) : nil

        // The outputs may never replace anything this run reads: input, key, schema, secret, or each other.
        let protected = [schema, keyOptions.path, clkhashSecretFile].compactMap { $0 }
        if let report, report != "-", report == output || SamePath.sameFile(report, output) {
            throw CommandFailure.usage("--report names the same file as -o; give the report its own path")
        }
        let reportFile = try report.map { try FindingsReport(path: $0, force: force, inputs: [input] + protected, header: "line,feature,reason") }
        let progress = ProgressLine(verb: "encoding", enabled: !quiet)
        let summary = try await EncodeRunner.encode(
            input: input, output: output, overwrite: force, dialect: dialect, schema: linkageSchema, featureKeys: featureKeys,
            tokenColumns: tokenColumns, tokenKeys: tokenColumns.isEmpty ? nil : tokenKeys, keep: keep, format: outputFormat,
            tokenBytes: tokenOptions.tokenBytes, onInvalid: tokenOptions.invalidPolicy, onRagged: onRagged,
            countDuplicates: describe, schemaFile: schema, protectedPaths: protected,
            finding: reportFile.map { file in
                { finding in try file.add(line: finding.line, name: finding.feature, reason: finding.reason.rawValue) }
            },
            blockKey: blockKey,
            progress: progress.update(rows:))
        progress.finish()
        try reportFile?.commit()
        audit.read(input, rows: summary.extract.rows)
        audit.wrote(output, rows: summary.encoding.encoded)
        audit.wrote(report, kind: "findings")
        if clkhashSecretFile != nil { audit.warn("CLKs made with a raw clkhash secret file, not a Jigsaw key (no fingerprint recorded for them)") }
        audit.count("rows_read", summary.extract.rows)
        audit.count("clks_written", summary.encoding.encoded)
        audit.count("rows_dropped_invalid", summary.extract.rowsDroppedInvalid)
        audit.count("rows_ragged", summary.extract.raggedRows)
        audit.count("columns", .object(Dictionary(summary.extract.columns.map { ($0.name, auditCounts($0)) }, uniquingKeysWith: { a, _ in a })))
        var features: [String: AuditValue] = [:]
        for (index, feature) in summary.encoding.features.enumerated() where !linkageSchema.features[index].isIgnored {
            var members: [String: AuditValue] = ["present": .integer(feature.present), "missing": .integer(feature.missing), "invalid": .integer(feature.invalid)]
            let reasons = zip(FeatureInvalidReason.allCases, feature.invalidByReason).filter { $0.1 > 0 }
            if !reasons.isEmpty { members["invalid_by_reason"] = .object(Dictionary(uniqueKeysWithValues: reasons.map { ($0.0.rawValue, AuditValue.integer($0.1)) })) }
            features[feature.identifier] = .object(members)
        }
        audit.count("features", .object(features))
        if quiet {
            // --describe was asked for explicitly, so it is shown even when the summary is not.
            if describe { Console.err(EncodeDiagnostics.describe(summary.encoding, schema: linkageSchema).joined(separator: "\n") + "\n") }
            return
        }
        var lines = ["jigsaw encode: \(Console.count(summary.extract.rows, "row")) read, \(Console.count(summary.encoding.encoded, "CLK")) written"
            + (summary.extract.rowsDroppedInvalid > 0 ? ", \(Console.count(summary.extract.rowsDroppedInvalid)) dropped for invalid values" : "")
            + (summary.extract.raggedRows > 0 ? ", \(Console.count(summary.extract.raggedRows)) ragged (\(onRagged.rawValue))" : "")]
        lines.append("  \(secretSource)")
        if clkhashSecretFile != nil, let tokenKeys, let keyFile, !tokenColumns.isEmpty {
            lines.append("  tokens: key \"\(keyFile.id)\", fingerprint \(tokenKeys.fingerprint), context \"\(tokenKeys.context)\"")
        }
        lines.append("  schema \(schema): fingerprint \(linkageSchema.fingerprint), \(linkageSchema.outputLength) bits")
        lines += summary.extract.columns.map { summaryLine($0, validWord: "token") }
        for (index, feature) in summary.encoding.features.enumerated() where !linkageSchema.features[index].isIgnored {
            var line = "  feature \"\(feature.identifier)\": \(Console.count(feature.present)) present, \(Console.count(feature.missing)) missing, \(Console.count(feature.invalid)) invalid"
            let reasons = zip(FeatureInvalidReason.allCases, feature.invalidByReason).filter { $0.1 > 0 }.map { "\($0.0.rawValue) \(Console.count($0.1))" }
            if !reasons.isEmpty { line += " [" + reasons.joined(separator: "; ") + "]" }
            lines.append(line)
        }
        if describe { lines += EncodeDiagnostics.describe(summary.encoding, schema: linkageSchema) }
        Console.err(lines.joined(separator: "\n") + "\n")
    }
}
