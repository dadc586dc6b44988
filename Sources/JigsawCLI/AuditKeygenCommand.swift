internal import ArgumentParser
internal import JigsawAudit
internal import JigsawCrypto
internal import JigsawCSV

/// `jigsaw audit keygen`: make an Ed25519 key pair for signing audit-log records.
struct AuditKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a new Ed25519 signing key (PEM, mode 0600, never overwriting) and its public key, for signed audit logs.",
        discussion: "Give the private key to the machine that runs Jigsaw (--audit-signing-key FILE or JIGSAW_AUDIT_SIGNING_KEY) and the public key to whoever checks the log (jigsaw audit verify --public-key). The files are standard PKCS #8 / SubjectPublicKeyInfo PEM, readable by `openssl pkey`."
    )

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The private key file to create.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The public key file to create (default: the private key's name with .pub.pem).", valueName: "file"))
    var publicOutput: String?

    @OptionGroup var auditLogOptions: AuditLogOptions

    /// The public key's path.
    var publicPath: String {
        if let publicOutput { return publicOutput }
        return output.hasSuffix(".pem") ? String(output.dropLast(4)) + ".pub.pem" : output + ".pub.pem"
    }

    func run() async throws {
        guard output != "-" else { throw CommandFailure.usage("a signing key is never written to standard output; give a file path with -o") }
        guard publicPath != output else { throw CommandFailure.usage("--public-output names the private key file; give it its own path") }
        let key = try Ed25519SigningKey.generate()
        try await auditLogOptions.record("audit keygen", output: output, signingKey: key) { audit in
            let publicKey = try key.publicKey
            var secret = try key.privateKeyPEM()
            defer { for i in secret.indices { secret[i] = 0 } }
            let publicFile = try AtomicOutputFile(path: publicPath, overwrite: false, inputs: [])
            try PrivateFile.create(path: output, bytes: secret)
            try publicFile.write(try publicKey.pem())
            try publicFile.commit()
            audit.wrote(output, kind: "signing-key", hash: false)
            audit.wrote(publicPath, kind: "public-key")
            audit.count("public_key_fingerprint", .string(publicKey.fingerprint))
            Console.err("jigsaw audit keygen: wrote \(output) (private, mode 0600) and \(publicPath) (public); key fingerprint \(publicKey.fingerprint)\n")
            Console.err("  Keep the private key on the machine that runs Jigsaw; give the public key to whoever verifies the log.\n")
        }
    }
}
