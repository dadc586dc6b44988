/// A JSON value inside an audit record, with the one canonical serialisation the record hash is taken over.
///
/// Numbers are whole numbers only (counts, sizes, sequence numbers); settings such as thresholds are kept
/// as the strings the user typed, so no floating-point formatting can change a hash.
public enum AuditValue: Sendable, Equatable, Codable {
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// A list.
    case array([AuditValue])
    /// An object; serialised with its keys sorted.
    case object([String: AuditValue])

    /// Decodes any JSON value whose numbers are whole.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AuditValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: AuditValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value with whole numbers")
        }
    }

    /// Encodes the value (for callers that want `JSONEncoder`; the log itself uses ``canonicalBytes``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The canonical serialisation: no white space, object keys sorted by their UTF-8 bytes (which is
    /// Unicode code-point order), strings escaped only where JSON requires (`"`, `\`, control characters;
    /// `\b \f \n \r \t` by name, others as `\u00XX`), non-ASCII written as UTF-8.
    ///
    /// It is byte-for-byte what Python writes with
    /// `json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`, so anyone can check a
    /// record's hash without Jigsaw.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        Self.write(self, to: &out)
        return out
    }

    static func write(_ value: AuditValue, to out: inout [UInt8]) {
        switch value {
        case .string(let text):
            writeString(text, to: &out)
        case .integer(let number):
            out += Array(String(number).utf8)
        case .bool(let flag):
            out += Array((flag ? "true" : "false").utf8)
        case .null:
            out += Array("null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The string, when this is one.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    /// The whole number, when this is one.
    public var integerValue: Int? { if case .integer(let value) = self { value } else { nil } }
    /// The members, when this is an object.
    public var objectValue: [String: AuditValue]? { if case .object(let value) = self { value } else { nil } }
    /// The items, when this is a list.
    public var arrayValue: [AuditValue]? { if case .array(let value) = self { value } else { nil } }
}
