public import ArgumentParser

/// The `jigsaw` command: link children's records across health and local-authority data without
/// exchanging raw identifiers.
public struct JigsawCommand: AsyncParsableCommand {
    /// Creates the command (for argument-parser).
    public init() {}

    /// The command's name, summary and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "jigsaw",
        abstract: "Link children's records across health and council data without exchanging raw identifiers.",
        discussion: "Keys are read only from files (--key FILE or the JIGSAW_KEY_FILE environment variable), never from the command line. Exit status: 0 success, 1 findings (invalid identifiers, disclosive or unprotectable cells), 2 usage error, 3 input or output error, 4 key error, 5 internal error.",
        version: JigsawVersion.current,
        subcommands: [KeyCommand.self, ValidateCommand.self, TokeniseCommand.self, EncodeCommand.self, SchemaCommand.self, LinkCommand.self, EvaluateCommand.self, AggregateCommand.self, SynthCommand.self, SuppressCommand.self, AuditTableCommand.self, ReportCommand.self, ScanCommand.self, AuditCommand.self]
    )
}

/// The tool's version.
public enum JigsawVersion {
    /// The version string printed by `jigsaw --version` and recorded in outputs.
    public static let current = "0.1.0"
}
