internal import ArgumentParser

/// `jigsaw audit`: check and summarise the tamper-evident run log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify an audit log, write an IG report from it, or make a key to sign its records.",
        discussion: "Every command that reads identifiers or writes an output appends a hash-chained record to an audit log (jigsaw-audit.jsonl beside its output, --audit-log FILE or JIGSAW_AUDIT_LOG). These subcommands read logs; they never append to the log they read.",
        subcommands: [AuditVerifyCommand.self, AuditReportCommand.self, AuditKeygenCommand.self]
    )
}
