internal import ArgumentParser
internal import Foundation
internal import JigsawAudit
internal import JigsawCrypto

/// `jigsaw audit verify`: check a log's hash chain, signatures and, optionally, its outputs.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an audit log: every record unaltered, none removed or reordered, signatures valid, outputs unchanged.",
        discussion: "Exit status: 0 intact, 1 any break (the first bad record is named), 3 the log cannot be read. The log's head (last record's number and hash) is printed: note it somewhere the log's writers cannot change, and pass it later with --anchor to detect records removed from the end."
    )

    @Argument(help: ArgumentHelp("The audit log (JSON Lines).", valueName: "log"))
    var log: String

    @Flag(name: .long, help: "Re-hash every output still present and report any that changed since its record.")
    var checkFiles = false

    @Option(name: .long, help: ArgumentHelp("The Ed25519 public key (PEM) every record must be signed by.", valueName: "file"))
    var publicKey: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A record hash noted earlier that must still be in the log. Repeatable.", valueName: "hash"))
    var anchor: [String] = []

    func validate() throws {
        for hash in anchor where hash.count != 64 || !hash.lowercased().allSatisfy(\.isHexDigit) {
            throw ValidationError("--anchor expects a record hash: 64 hex digits")
        }
    }

    func run() async throws {
        let key = try publicKey.map { try AuditSigningKeyFile.loadPublic(path: $0) }
        let result = try AuditLogVerifier.verify(path: log, publicKey: key, checkFiles: checkFiles, anchors: anchor)
        // Times, paths and messages come from the log, which may be hostile: no control characters reach the terminal.
        Console.out(Self.describe(result, log: log, publicKey: key).map(printable).joined(separator: "\n") + "\n")
        if let first = result.firstProblem {
            throw CommandFailure(status: .findings, message: printable("\(log): the audit log does not verify: \(first.message)"))
        }
    }

    /// The report printed on standard output.
    static func describe(_ result: AuditLogVerification, log: String, publicKey: Ed25519PublicKey?) -> [String] {
        let entries = result.entries
        var lines = ["jigsaw audit verify: \(log): \(Console.count(entries.count, "record"))"
            + (entries.isEmpty ? "" : ", \(entries.first!.record.time) to \(entries.last!.record.time)")]
        let chainProblems = result.problems.filter { $0.kind != .fileChanged && $0.kind != .anchorMissing && $0.kind != .badSignature && $0.kind != .unsigned }
        lines.append("  chain: " + (chainProblems.first.map { "BROKEN: \($0.message)" } ?? "intact (every record's hash matches its content and links to the record before it)"))
        if let publicKey {
            let bad = result.problems.filter { $0.kind == .badSignature || $0.kind == .unsigned }.count
            lines.append("  signatures: " + (bad == 0
                ? "all \(Console.count(entries.count, "record")) signed by key \(publicKey.fingerprint), every signature valid"
                : "\(Console.count(bad, "record")) without a valid signature by key \(publicKey.fingerprint)"))
        } else if result.signedRecords > 0 {
            let signers = Set(entries.compactMap(\.record.signer)).sorted().joined(separator: ", ")
            lines.append("  signatures: \(Console.count(result.signedRecords, "record")) signed (key \(signers)) but NOT checked: pass --public-key FILE to check them")
        } else {
            lines.append("  signatures: none (records are unsigned; the chain alone cannot stop someone rewriting the whole log)")
        }
        if !result.fileChecks.isEmpty || !entries.isEmpty {
            let checks = result.fileChecks
            if checks.isEmpty && !entries.isEmpty {
                lines.append("  outputs: not checked (pass --check-files to re-hash them)")
            } else {
                let count = { (status: AuditFileCheck.Status) in checks.filter { $0.status == status }.count }
                lines.append("  outputs: \(Console.count(checks.count, "file")) re-hashed: \(count(.unchanged)) unchanged, \(count(.changed)) changed, \(count(.missing)) no longer present"
                             + (count(.unreadable) > 0 ? ", \(count(.unreadable)) unreadable" : ""))
                for check in checks where check.status == .missing { lines.append("    not present: \(check.path) (record \(check.sequence))") }
            }
        }
        if !anchor(result).isEmpty { lines.append(contentsOf: anchor(result)) }
        if let head = result.head, result.isIntact {
            lines.append("  head: record \(head.sequence), hash \(head.hash)")
            lines.append("    (note it where the log's writers cannot change it; pass it later as --anchor to detect records removed from the end)")
        }
        if !result.problems.isEmpty {
            lines.append("problems (\(result.problems.count)):")
            lines += result.problems.map { "  - " + $0.message }
        }
        return lines
    }

    private static func anchor(_ result: AuditLogVerification) -> [String] {
        result.problems.filter { $0.kind == .anchorMissing }.isEmpty ? [] : ["  anchors: MISSING (see problems)"]
    }
}
