internal import ArgumentParser
internal import JigsawBloom

/// `jigsaw schema`: fingerprints and the default schema.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the default schema, a schema's fingerprint, or check a schema file.",
        subcommands: [SchemaInitCommand.self, SchemaFingerprintCommand.self, SchemaCheckCommand.self]
    )
}

/// `jigsaw schema fingerprint`.
struct SchemaFingerprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Print the 16-hex-digit fingerprint of a schema's canonical form; partners with equal fingerprints encode identically."
    )

    @Argument(help: ArgumentHelp("The linkage schema.", valueName: "schema.json"))
    var schema: String

    func run() async throws {
        let parsed = try SchemaFile.load(schema)
        for warning in parsed.warnings { Console.err("jigsaw: warning: \(schema): \(warning)\n") }
        Console.out(parsed.fingerprint + "\n")
    }
}

/// `jigsaw schema check`.
struct SchemaCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a schema file and describe its features."
    )

    @Argument(help: ArgumentHelp("The linkage schema.", valueName: "schema.json"))
    var schema: String

    func run() async throws {
        let parsed = try SchemaFile.load(schema)
        for warning in parsed.warnings { Console.err("jigsaw: warning: \(schema): \(warning)\n") }
        var lines = ["\(schema): valid; fingerprint \(parsed.fingerprint); \(parsed.outputLength) bits"
            + (parsed.xorFolds > 0 ? " (hashed into \(parsed.hashLength), folded \(Console.count(parsed.xorFolds, "time")))" : "")]
        for feature in parsed.features {
            guard let hashing = feature.hashing else {
                lines.append("  \(feature.identifier): ignored")
                continue
            }
            let comparison: String = switch hashing.comparison {
            case .ngram(let n, let positional): "\(positional ? "positional " : "")\(n)-grams"
            case .exact: "exact"
            case .numeric(let distance, let resolution, _): "numeric (threshold \(distance), resolution \(resolution))"
            }
            let strategy: String = switch hashing.strategy {
            case .bitsPerToken(let k): "\(k) bits per token"
            case .bitsPerFeature(let total): "\(total) bits per feature"
            }
            let hash: String = switch hashing.hash {
            case .blake: "blakeHash"
            case .doubleHash(let singular): singular ? "doubleHash (non-singular)" : "doubleHash"
            }
            lines.append("  \(feature.identifier): \(comparison), \(strategy), \(hash)")
        }
        Console.out(lines.joined(separator: "\n") + "\n")
    }
}

/// `jigsaw schema init`.
struct SchemaInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print Jigsaw's default profile for children's records (redirect it to a file and edit the column names, date format and sex codebook to match your extract)."
    )

    func run() async throws {
        Console.out(DefaultSchemas.childrensProfile + "\n")
    }
}
