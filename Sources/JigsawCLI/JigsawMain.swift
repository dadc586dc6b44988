internal import ArgumentParser
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
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return Status.success.rawValue
        } catch {
            return report(error)
        }
    }

    /// Prints `error` on standard error (or help on standard output) and returns its exit status.
    static func report(_ error: any Error) -> Int32 {
        let (status, message): (Status, String)
        switch error {
        case let error as CSVError:
            (status, message) = (.inputOutput, error.description)
        case let error as KeyFileError:
            (status, message) = (.key, error.description)
        case let error as TokenisationError:
            (status, message) = (error.code == .invalidIdentifier ? .findings : .usage, error.description)
        case let error as LinkError:
            (status, message) = (error.code == .badOptions ? .usage : .inputOutput, error.description)
        case let error as LinkageSchemaError:
            (status, message) = (.inputOutput, error.description)
        case let error as DisclosureError:
            let disclosureStatus: JigsawMain.Status = switch error.code {
            case .badOptions: .usage
            case .unprotectable: .findings
            case .solverFailure: .internal
            default: .inputOutput
            }
            (status, message) = (disclosureStatus, error.description)
        case let error as CryptoError:
            (status, message) = (.internal, error.description)
        case let error as AuditError:
            (status, message) = (error.code == .badOptions ? .usage : .inputOutput, error.description)
        case let error as CommandFailure:
            (status, message) = (error.status, error.message)
        default:
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
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }
}
