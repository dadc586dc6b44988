import Foundation
import Testing
@testable import JigsawAudit

@Suite("Audit records: the JSON reader")
struct AuditJSONReaderTests {
    private func parse(_ text: String) throws -> AuditValue {
        try AuditJSONReader.parse(Array(text.utf8))
    }

    @Test("reads every JSON shape a record uses")
    func shapes() throws {
        let value = try parse(#" {"a": [1, -2, 0, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value == .object(["a": .array([.integer(1), .integer(-2), .integer(0), .bool(true), .bool(false), .null]),
                                  "b": .object(["c": .string("d")]), "e": .string("")]))
        #expect(try parse("9223372036854775807") == .integer(Int.max))
        #expect(try parse("-9223372036854775808") == .integer(Int.min))
    }

    @Test("decodes escapes, including surrogate pairs")
    func escapes() throws {
        #expect(try parse(#""q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#) == .string("q\"\\/\u{08}\u{0C}\n\r\té😀"))
    }

    @Test("rejects what a record never holds", arguments: [
        "1.5", "1e3", "01", "-", "9223372036854775808", "\"a", "{\"a\":1,\"a\":2}", "[1,]", "{\"a\" 1}",
        "\"\u{01}\"", "\"\\ud800\"", "\"\\x\"", "tru", "{} x", String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
    ])
    func rejects(_ text: String) {
        #expect(throws: AuditJSONReader.Failure.self) { try AuditJSONReader.parse(Array(text.utf8)) }
    }

    @Test("reads back exactly what the canonical writer wrote, for random values")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "Z", "\"", "\\", "\n", "\u{01}", "é", "😀", "/", " ", "中"]
        func random(_ depth: Int) -> AuditValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator) {
            case 0: return .integer(Int.random(in: Int.min...Int.max, using: &generator))
            case 1: return .string(String((0..<Int.random(in: 0..<8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            case 2: return .bool(Bool.random(using: &generator))
            case 3: return .null
            case 4: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in random(depth + 1) })
            default:
                var members: [String: AuditValue] = [:]
                for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                    members[String((0..<3).map { _ in alphabet.randomElement(using: &generator)! })] = random(depth + 1)
                }
                return .object(members)
            }
        }
        for _ in 0..<500 {
            let value = random(0)
            #expect(try AuditJSONReader.parse(value.canonicalBytes) == value)
        }
    }
}
