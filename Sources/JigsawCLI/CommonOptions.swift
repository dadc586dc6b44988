internal import ArgumentParser
internal import JigsawIdentifiers
internal import JigsawCSV
internal import JigsawTokens
internal import Foundation

/// Options naming the key file; the secret itself is never accepted on the command line.
struct KeyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The key file (default: the file named by JIGSAW_KEY_FILE).", valueName: "file"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("The context (linkage purpose or recipient) the tokens are for; different contexts give unjoinable tokens.", valueName: "context"))
    var context: String = ""

    @Flag(name: .long, help: "Allow a key marked \"example\": true. Example keys are published: never use one on real data.")
    var allowExampleKey = false

    /// The key file's path, from `--key` or `JIGSAW_KEY_FILE` (for protecting it from being overwritten).
    var path: String? { key ?? ProcessInfo.processInfo.environment[KeyFile.environmentVariable] }

    /// Loads the key named by `--key` or `JIGSAW_KEY_FILE` and derives its subkeys for `--context`.
    func load() throws -> (KeyFile, DerivedKeys) {
        try loadKey(path: key, context: context, allowExample: allowExampleKey)
    }
}

/// Loads the key at `path` (or the one named by `JIGSAW_KEY_FILE`), warning on stderr when it is an
/// example key, and derives its subkeys for `context`.
func loadKey(path given: String?, context: String, allowExample: Bool) throws -> (KeyFile, DerivedKeys) {
    let path = given ?? ProcessInfo.processInfo.environment[KeyFile.environmentVariable]
    guard let path, !path.isEmpty else {
        throw KeyFileError(.notGiven, "no key file given; pass --key FILE or set \(KeyFile.environmentVariable) (secrets are never taken on the command line)", file: "")
    }
    let file = try KeyFile.load(path: path, allowExample: allowExample)
    if file.isExample {
        Console.err("jigsaw: warning: \(path) is an EXAMPLE key; its tokens are not secret. Never use it on real data.\n")
    }
    return (file, try DerivedKeys(key: file, context: context))
}

/// Options shared by the commands that write tokens: the columns, token length and invalid-value policy.
struct TokenOptions: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A column to tokenise and its domain, e.g. nhs_number=nhs-number. Repeatable.", valueName: "column=domain"))
    var column: [String] = []

    @Option(name: .long, help: ArgumentHelp("Token length in bytes, 16 to 32 (default 32: 64 hex digits).", valueName: "n"))
    var tokenBytes: Int = TokenDeriver.fullTokenBytes

    @Option(name: .long, help: ArgumentHelp("Invalid values: blank (default: an empty token, or no bits from that feature), drop-row, or fail (stop, write nothing).", valueName: "policy"))
    var onInvalid: String = InvalidValuePolicy.blank.rawValue

    func validate() throws {
        guard (TokenDeriver.minimumTokenBytes...TokenDeriver.fullTokenBytes).contains(tokenBytes) else {
            throw ValidationError("--token-bytes must be between \(TokenDeriver.minimumTokenBytes) and \(TokenDeriver.fullTokenBytes)")
        }
        guard InvalidValuePolicy(rawValue: onInvalid) != nil else {
            throw ValidationError("--on-invalid must be one of: \(InvalidValuePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The policy for invalid values (checked by ``validate()``).
    var invalidPolicy: InvalidValuePolicy { InvalidValuePolicy(rawValue: onInvalid) ?? .blank }
}

/// Options describing the CSV input.
struct CSVInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Field delimiter: comma (default), tab, pipe or semicolon.", valueName: "delimiter"))
    var delimiter: String = ","

    @Option(name: .long, help: ArgumentHelp("Rows with the wrong number of fields: fail (default), drop-row or keep.", valueName: "policy"))
    var onRagged: String = RaggedRowPolicy.fail.rawValue

    func dialect() throws -> CSVDialect {
        guard let dialect = CSVDialect(delimiterName: delimiter) else {
            throw CommandFailure.usage("--delimiter must be comma, tab, pipe or semicolon (or the character itself)")
        }
        return dialect
    }

    func raggedPolicy() throws -> RaggedRowPolicy {
        guard let policy = RaggedRowPolicy(rawValue: onRagged) else {
            throw CommandFailure.usage("--on-ragged must be one of: \(RaggedRowPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return policy
    }
}

/// Parses `COLUMN=DOMAIN` arguments.
func parseColumnSpecs(_ values: [String], noun: String) throws -> [TokenColumnSpec] {
    guard !values.isEmpty else { throw CommandFailure.usage("name at least one column with --column COLUMN=\(noun.uppercased())") }
    return try values.map { text in
        guard let equals = text.lastIndex(of: "="), equals != text.startIndex else {
            throw CommandFailure.usage("--column expects COLUMN=\(noun.uppercased()), e.g. nhs_number=nhs-number")
        }
        let name = String(text[..<equals])
        let domain = String(text[text.index(after: equals)...])
        guard !domain.isEmpty else { throw CommandFailure.usage("--column \(name)= is missing the \(noun)") }
        return TokenColumnSpec(name: name, domain: domain)
    }
}

/// `text` with every control character (C0, DEL, C1) and bidirectional override written as `\u{…}`, for
/// printing strings read from files (an audit log, a header) without letting them rewrite the terminal.
func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
            out += "\\u{" + String(v, radix: 16) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Prints a progress line on a terminal at most twice a second.
final class ProgressLine {
    private let enabled: Bool
    private let verb: String
    private var last = Date()
    private var shown = false

    init(verb: String, enabled: Bool) {
        self.verb = verb
        self.enabled = enabled && Console.stderrIsTerminal
    }

    func update(rows: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.5 else { return }
        last = now
        shown = true
        Console.err("\r\(verb): \(Console.count(rows)) rows")
    }

    func finish() {
        if shown { Console.err("\r\u{1B}[K") }
    }
}

/// Describes a column tally in one line for the stderr summary.
func summaryLine(_ column: ColumnTally, validWord: String) -> String {
    var text = "  column \"\(column.name)\" (\(column.domain)): \(Console.count(column.valid, validWord))"
    if column.temporary > 0 { text += " (\(Console.count(column.temporary)) temporary UPNs)" }
    text += ", \(Console.count(column.blank)) blank, \(Console.count(column.invalid)) invalid"
    let reasons = InvalidIdentifierReasonList.nonZero(column)
    if !reasons.isEmpty { text += " [" + reasons.joined(separator: "; ") + "]" }
    return text
}

enum InvalidIdentifierReasonList {
    static func nonZero(_ column: ColumnTally) -> [String] {
        zip(ColumnTally.reasons, column.invalidByReason).filter { $0.1 > 0 }.map { "\($0.0.rawValue) \(Console.count($0.1))" }
    }
}
