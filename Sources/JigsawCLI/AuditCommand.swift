internal import ArgumentParser

/// `jigsaw audit`: commands over the audit log. (A placeholder holding only `report` on this branch; the
/// group with `verify` and `keygen` replaces it at merge.)
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check and report on the audit log of Jigsaw runs.",
        subcommands: [AuditReportCommand.self]
    )
}
