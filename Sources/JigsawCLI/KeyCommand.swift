internal import ArgumentParser
internal import JigsawAudit
internal import JigsawTokens

/// `jigsaw key`: make key files and print their fingerprints.
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make a key file, or print a key's fingerprint.",
        subcommands: [KeyNewCommand.self, KeyFingerprintCommand.self]
    )
}

/// `jigsaw key new`: write a new 256-bit key file with mode 0600.
struct KeyNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new key file with a 256-bit secret from OpenSSL's random generator (mode 0600, never overwriting)."
    )

    @Option(name: .long, help: ArgumentHelp("A label for the key, e.g. nhs-la-send-2026; recorded in audit logs.", valueName: "id"))
    var id: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The key file to create.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Free text describing the key's agreement or purpose.", valueName: "text"))
    var description: String?

    @Flag(name: .long, help: "Mark the key as a published example (for documentation and tests only).")
    var example = false

    func validate() throws {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw ValidationError("--id must be a non-empty label without control characters")
        }
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("key new", output: output) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        guard output != "-" else { throw CommandFailure.usage("a key is never written to standard output; give a file path with -o") }
        let key = try KeyFile.generate(path: output, id: id, description: description, isExample: example)
        try key.write()
        let keys = try DerivedKeys(key: key)
        audit.wrote(output, kind: "key", hash: false)
        audit.usedKey(key, keys)
        Console.err("jigsaw key new: wrote \(output) (id \"\(id)\", mode 0600); fingerprint \(keys.fingerprint)\n")
        if example {
            Console.err("  Marked as an EXAMPLE key: jigsaw refuses it unless --allow-example-key is given. Never use it for real data.\n")
        } else {
            Console.err("  Keep this file secret. Share it only with partners under your data-sharing agreement.\n")
        }
    }
}

/// `jigsaw key fingerprint`: print the key's fingerprint for a context.
struct KeyFingerprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Print the key's fingerprint (16 hex digits) for a context, so partners can confirm they hold the same key."
    )

    @Option(name: .long, help: ArgumentHelp("The key file (default: the file named by JIGSAW_KEY_FILE).", valueName: "file"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("The context; each context has its own fingerprint.", valueName: "context"))
    var context: String = ""

    func run() async throws {
        // Fingerprinting reads no data, so an example key is allowed here (with the usual warning).
        let (_, keys) = try loadKey(path: key, context: context, allowExample: true)
        Console.out(keys.fingerprint + "\n")
    }
}
