/// The separator and quote of a delimited file (RFC 4180 with a choice of delimiter).
public struct CSVDialect: Sendable, Equatable {
    /// The field separator: comma by default, tab or pipe for other exports.
    public var delimiter: UInt8
    /// The quote character, always `"`.
    public let quote: UInt8 = 0x22

    /// Creates a dialect.
    /// - Parameter delimiter: the field separator byte.
    public init(delimiter: UInt8 = 0x2C) {
        self.delimiter = delimiter
    }

    /// Parses a `--delimiter` option: `,`, `comma`, `tab` or `\t`, `|` or `pipe`, `;` or `semicolon`.
    /// - Parameter text: the option's value.
    /// - Returns: the dialect, or `nil` for an unsupported delimiter.
    public init?(delimiterName text: String) {
        switch text {
        case ",", "comma": self.init(delimiter: 0x2C)
        case "\t", "tab", "\\t": self.init(delimiter: 0x09)
        case "|", "pipe": self.init(delimiter: 0x7C)
        case ";", "semicolon": self.init(delimiter: 0x3B)
        default: return nil
        }
    }
}
