internal import ArgumentParser
internal import JigsawAudit
internal import JigsawBloom
internal import JigsawCSV
internal import JigsawDisclosure
internal import JigsawLinkage
internal import JigsawCrypto
internal import JigsawTokens
internal import JigsawAudit
internal import Foundation

/// Starts the `jigsaw` command line and turns every failure into a message and a documented exit status.
public enum JigsawMain {
    /// Exit statuses, as documented in `docs/cli.md`.
    public enum Status: Int32, Sendable {
        /// Success.
        case success = 0
        /// Findings: invalid identifiers (validate, or tokenise with `--on-invalid fail`), disclosive cells
        /// (audit-table).
        case findings = 1
        /// A usage error: unknown option, missing argument, contradictory options.
        case usage = 2
        /// An input or output error: missing file, malformed CSV, output exists.
        case inputOutput = 3
        /// A key error: missing, malformed, over-exposed or example key.
        case key = 4
        /// An internal error (OpenSSL failure).
        case `internal` = 5
    }

    /// Parses `CommandLine.arguments`, runs the command and exits with its status.
    public static func run() async -> Never {
        // A closed pipe (`jigsaw … -o - | head`) becomes a write error, so temporary files are cleaned up.
        signal(SIGPIPE, SIG_IGN)
        let status = await execute(Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }

    /// Parses and runs `arguments` in process, printing to standard output and error.
    /// - Parameter arguments: the arguments after the program name.
    /// - Returns: the exit status.
    public static func execute(_ arguments: [String]) async -> Int32 {
        do {
            var command = try JigsawCommand.parseAsRoot(arguments)
            try await CommandArguments.$current.withValue(arguments) {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
            return Status.success.rawValue
        } catch {
            return report(error)
        }
    }

    /// The exit status, stable error code (as recorded in audit logs) and message of `error`.
    static func classify(_ error: any Error) -> (status: Status, code: String, message: String) {
        switch error {
        case let error as CSVError:
            return (.inputOutput, error.code.rawValue, error.description)
        case let error as KeyFileError:
            return (.key, error.code.rawValue, error.description)
        case let error as TokenisationError:
            return (error.code == .invalidIdentifier ? .findings : .usage, error.code.rawValue, error.description)
        case let error as LinkError:
            return (error.code == .badOptions ? .usage : .inputOutput, error.code.rawValue, error.description)
        case let error as LinkageSchemaError:
            return (.inputOutput, "schema.invalid", error.description)
        case let error as DisclosureError:
            let status: Status = switch error.code {
            case .badOptions: .usage
            case .unprotectable: .findings
            case .solverFailure: .internal
            default: .inputOutput
            }
            return (status, error.code.rawValue, error.description)
        case let error as AuditError:
            return (error.code == .badOptions ? .usage : .inputOutput, error.code.rawValue, error.description)
        case let error as CryptoError:
            return (.internal, error.code.rawValue, error.description)
        case let error as CommandFailure:
            return (error.status, error.status == .usage ? "usage" : "command.\(error.status)", error.message)
        default:
            let code = JigsawCommand.exitCode(for: error)
            let status = Status(rawValue: code == .validationFailure ? Status.usage.rawValue : code.rawValue) ?? .internal
            return (status, status == .findings ? "findings" : (status == .usage ? "usage" : "exit.\(code.rawValue)"), JigsawCommand.fullMessage(for: error))
        }
    }

    /// Prints `error` on standard error (or help on standard output) and returns its exit status.
    static func report(_ error: any Error) -> Int32 {
        let known = error is CSVError || error is KeyFileError || error is TokenisationError || error is LinkError
            || error is LinkageSchemaError || error is DisclosureError || error is AuditError || error is CryptoError || error is CommandFailure
        guard known else {
            let code = JigsawCommand.exitCode(for: error)
            let text = JigsawCommand.fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { Console.out(text + "\n") }
                return 0
            }
            if code == .validationFailure {
                Console.err(text + "\n")
                return Status.usage.rawValue
            }
            if !text.isEmpty { Console.err(text + "\n") }
            return code.rawValue
        }
        let (status, _, message) = classify(error)
        Console.err("jigsaw: error: \(message)\n")
        return status.rawValue
    }
}

/// A failure a command reports with its own status and message.
struct CommandFailure: Error {
    var status: JigsawMain.Status
    var message: String

    /// A usage error found while running (after argument parsing), reported with status 2.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(status: .usage, message: message)
    }
}

/// Writes to standard output and error without buffering surprises.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (for progress lines).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// `1 token`, `1,234 tokens`; `1 child`, `2 children` when `plural` is given.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// `1234567` as `1,234,567`.
    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }
}
