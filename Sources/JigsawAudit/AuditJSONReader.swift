/// Reads one JSON value of an audit record into an ``AuditValue``.
///
/// Written here rather than using Foundation because `JSONDecoder` into a dynamic value tries each type in
/// turn and was measured at about 120 µs a record — slower than the Python verifier — while a direct
/// byte-level reader takes a few microseconds. It is strict RFC 8259 JSON with one narrowing: numbers must be
/// whole (records hold counts, sizes and sequence numbers only), and an object may not repeat a key.
struct AuditJSONReader {
    private let bytes: [UInt8]
    private var offset: Int

    /// A problem at a byte offset.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// Reads `bytes` as exactly one JSON value (white space around it allowed).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> AuditValue {
        var reader = AuditJSONReader(bytes: bytes, offset: 0)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw Failure(message: "unexpected text after the JSON value", offset: reader.offset) }
        return value
    }

    private mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D || bytes[offset] == 0x09 {
            offset += 1
        }
    }

    private func fail(_ message: String) -> Failure { Failure(message: message, offset: offset) }

    private mutating func value(depth: Int) throws(Failure) -> AuditValue {
        guard depth < 64 else { throw fail("JSON nested more than 64 deep") }
        guard offset < bytes.count else { throw fail("the JSON ends too early") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [String: AuditValue] = [:]
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let key = try string()
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
                offset += 1
                skipSpace()
                let item = try value(depth: depth + 1)
                guard members.updateValue(item, forKey: key) == nil else { throw fail("a member name is repeated") }
                skipSpace()
                guard offset < bytes.count else { throw fail("the JSON ends inside an object") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                guard bytes[offset] == UInt8(ascii: "}") else { throw fail("expected ',' or '}' in an object") }
                offset += 1
                return .object(members)
            }
        case UInt8(ascii: "["):
            offset += 1
            var items: [AuditValue] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard offset < bytes.count else { throw fail("the JSON ends inside a list") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                guard bytes[offset] == UInt8(ascii: "]") else { throw fail("expected ',' or ']' in a list") }
                offset += 1
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .integer(try integer())
        default:
            throw fail("unexpected character")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count, bytes[offset..<(offset + expected.count)].elementsEqual(expected) else {
            throw fail("unexpected character")
        }
        offset += expected.count
    }

    private mutating func integer() throws(Failure) -> Int {
        let start = offset
        let negative = bytes[offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        guard offset < bytes.count, (0x30...0x39).contains(bytes[offset]) else { throw fail("a number needs digits") }
        if bytes[offset] == 0x30, offset + 1 < bytes.count, (0x30...0x39).contains(bytes[offset + 1]) {
            throw fail("a number may not start with 0")
        }
        var magnitude: UInt64 = 0
        while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[offset] - 0x30))
            guard !overflow1, !overflow2 else { throw Failure(message: "a number is too large", offset: start) }
            magnitude = sum
            offset += 1
        }
        if offset < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset]) {
            throw Failure(message: "numbers in an audit record are whole", offset: start)
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Failure(message: "a number is too large", offset: start) }
            return magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw Failure(message: "a number is too large", offset: start) }
        return Int(magnitude)
    }

    private mutating func string() throws(Failure) -> String {
        offset += 1
        let start = offset
        // Fast path: no escapes.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: bytes[start..<offset], as: UTF8.self)
                offset += 1
                guard let text else { throw Failure(message: "a string is not valid UTF-8", offset: start) }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw fail("a control character inside a string must be escaped") }
            offset += 1
        }
        var out = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw Failure(message: "a string is not valid UTF-8", offset: start) }
                return text
            case UInt8(ascii: "\\"):
                guard offset + 1 < bytes.count else { throw fail("the JSON ends inside a string") }
                let escape = bytes[offset + 1]
                offset += 2
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw fail("a lone surrogate in a \\u escape")
                        }
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("a lone surrogate in a \\u escape")
                    }
                    out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    throw fail("an unknown escape in a string")
                }
            default:
                guard byte >= 0x20 else { throw fail("a control character inside a string must be escaped") }
                out.append(byte)
                offset += 1
            }
        }
        throw fail("the JSON ends inside a string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw fail("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}
