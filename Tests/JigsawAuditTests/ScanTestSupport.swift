import Foundation
import Testing
@testable import JigsawAudit

/// SplitMix64, so the generated token and CLK files are the same on every run.
struct ScanRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (count + 7) / 8 * 8)
        out.withUnsafeMutableBytes { raw in
            for i in 0..<raw.count / 8 { raw.storeBytes(of: next(), toByteOffset: i * 8, as: UInt64.self) }
        }
        return Array(out.prefix(count))
    }

    /// 64 lowercase hex digits: a keyed token as `jigsaw tokenise` writes it.
    mutating func token() -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for _ in 0..<4 {
            let word = next()
            for shift in stride(from: 60, through: 0, by: -4) { out.append(hex[Int((word >> UInt64(shift)) & 15)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard base64 of `count` random bytes: a CLK as `jigsaw encode` writes it.
    mutating func clk(_ count: Int) -> String {
        Data(bytes(count)).base64EncodedString()
    }
}

/// Synthetic identifiers with valid (or deliberately broken) check digits, made here rather than taken
/// from anywhere: NHS numbers from the 999 test range, UPNs with made-up digits.
enum SyntheticIdentifier {
    /// A valid NHS number in the test range, ten digits, from `n` (0 ≤ n < 1,000,000).
    static func nhsNumber(_ n: Int) -> String {
        var k = n
        while true {
            let nine = "999" + String(format: "%06d", k % 1_000_000)
            let total = nine.utf8.enumerated().reduce(0) { $0 + Int($1.element - 48) * (10 - $1.offset) }
            var check = 11 - total % 11
            if check == 11 { check = 0 }
            if check != 10 { return nine + String(check) }
            k += 1
        }
    }

    /// The same number with its check digit changed, so it must not be flagged.
    static func brokenNHSNumber(_ n: Int) -> String {
        let valid = nhsNumber(n)
        let last = Int(valid.utf8.last! - 48)
        return String(valid.dropLast()) + String((last + 1) % 10)
    }

    /// `999 123 4567` or `999-123-4567`.
    static func grouped(_ number: String, _ separator: String) -> String {
        let d = Array(number)
        return String(d[0..<3]) + separator + String(d[3..<6]) + separator + String(d[6..<10])
    }

    static let upnAlphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// A valid UPN: the check letter for eleven digits made from `n` and a final digit (or, when
    /// `temporary`, a final letter).
    static func upn(_ n: Int, temporary: Bool = false) -> String {
        let body = String(format: "%011d", (n &* 7_919 &+ 12_345) % 100_000_000_000)
        let last: Character = temporary ? upnAlphabet[n % 23] : Character(String(n % 10))
        var total = 0
        for (i, c) in body.enumerated() { total += Int(String(c))! * (i + 2) }
        total += (temporary ? upnAlphabet.firstIndex(of: last)! : Int(String(last))!) * 13
        return String(upnAlphabet[total % 23]) + body + String(last)
    }

    /// The same UPN with the wrong check letter.
    static func brokenUPN(_ n: Int) -> String {
        let valid = upn(n)
        let index = upnAlphabet.firstIndex(of: valid.first!)!
        return String(upnAlphabet[(index + 1) % 23]) + valid.dropFirst()
    }
}

/// The fixture written by `Fixtures/scan/make_identifiers.py`: identifiers made by an implementation
/// independent of Jigsaw's, each with the kind the scanner must report (or none).
struct IdentifierFixture: Decodable {
    struct Case: Decodable {
        var kind: String
        var text: String
        var expected: String?
        var note: String
    }
    var reference_date: String
    var cases: [Case]

    static func load() throws -> IdentifierFixture {
        let url = try #require(Bundle.module.url(forResource: "identifiers", withExtension: "json", subdirectory: "Fixtures/scan"))
        return try JSONDecoder().decode(IdentifierFixture.self, from: Data(contentsOf: url))
    }
}

extension LeakScanner {
    /// A scanner with "today" fixed, for tests.
    static func fixed(allow: [String] = [], format: ScanInputFormat? = nil, chunkSize: Int = 1 << 20) -> LeakScanner {
        LeakScanner(options: ScanOptions(allowedColumns: allow, format: format, referenceDate: ScanDate(iso: "2026-06-30")!,
                                         chunkSize: chunkSize))
    }
}

extension ScanFileReport {
    /// The finding of `kind` in the column named `name`, if any.
    func finding(_ kind: ScanKind, in name: String) -> ScanFinding? {
        columns.first { $0.name == name }?.findings.first { $0.kind == kind }
    }
}
