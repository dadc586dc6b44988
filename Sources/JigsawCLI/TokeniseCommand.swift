internal import Foundation
internal import ArgumentParser
internal import JigsawTokens
internal import JigsawAudit

/// `jigsaw tokenise`: replace identifier columns by keyed tokens.
struct TokeniseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenise",
        abstract: "Replace identifier columns of a CSV extract by keyed HMAC-SHA256 tokens.",
        discussion: "Each --column COLUMN=DOMAIN is replaced in place by its token; every other column passes through unchanged unless dropped. DOMAIN nhs-number and upn are validated and canonicalised; any other [a-z0-9-]+ domain is an opaque string trimmed of surrounding spaces and tabs. Counts, the key id, fingerprint and context are printed on standard error.",
        aliases: ["tokenize", "pseudonymise", "pseudonymize"]
    )

    @Argument(help: ArgumentHelp("The input CSV, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The output CSV, or - for standard output.", valueName: "output"))
    var output: String

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A column to leave out of the output. Repeatable.", valueName: "column"))
    var drop: [String] = []

    @Flag(name: .long, help: "Replace the output if it exists.")
    var force = false

    @Flag(name: .long, help: "No progress line and no summary on standard error.")
    var quiet = false

    @OptionGroup var tokenOptions: TokenOptions
    @OptionGroup var keyOptions: KeyOptions
    @OptionGroup var csvOptions: CSVInputOptions
    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("tokenise", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        audit.read(input)
        let columns = try parseColumnSpecs(tokenOptions.column, noun: "domain")
        let dialect = try csvOptions.dialect()
        let onRagged = try csvOptions.raggedPolicy()
        let (keyFile, keys) = try keyOptions.load()
        audit.usedKey(keyFile, keys)
        let progress = ProgressLine(verb: "tokenising", enabled: !quiet)
        let tally = try await ExtractRunner.tokenise(
            input: input, output: output, overwrite: force, dialect: dialect, columns: columns, drop: drop,
            keys: keys, tokenBytes: tokenOptions.tokenBytes, onInvalid: tokenOptions.invalidPolicy,
            onRagged: onRagged, protectedPaths: [keyOptions.path].compactMap { $0 }, progress: progress.update(rows:))
        progress.finish()
        audit.read(input, rows: tally.rows)
        audit.wrote(output, rows: tally.rowsWritten)
        audit.count("rows_read", tally.rows)
        audit.count("rows_written", tally.rowsWritten)
        audit.count("rows_dropped_invalid", tally.rowsDroppedInvalid)
        audit.count("rows_ragged", tally.raggedRows)
        audit.count("token_bytes", tokenOptions.tokenBytes)
        audit.count("columns", .object(Dictionary(tally.columns.map { ($0.name, auditCounts($0)) }, uniquingKeysWith: { a, _ in a })))
        guard !quiet else { return }
        var lines = ["jigsaw tokenise: \(Console.count(tally.rows, "row")) read, \(Console.count(tally.rowsWritten)) written"
            + (tally.rowsDroppedInvalid > 0 ? ", \(Console.count(tally.rowsDroppedInvalid)) dropped for invalid identifiers" : "")
            + (tally.raggedRows > 0 ? ", \(Console.count(tally.raggedRows)) ragged (\(onRagged.rawValue))" : "")]
        lines.append("  key \"\(keyFile.id)\", fingerprint \(keys.fingerprint), context \"\(keys.context)\"\(keyFile.isExample ? " (EXAMPLE KEY)" : ""), tokens of \(tokenOptions.tokenBytes) bytes")
        lines += tally.columns.map { summaryLine($0, validWord: "token") }
        Console.err(lines.joined(separator: "\n") + "\n")
    }
}
