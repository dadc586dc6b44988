import Foundation
import Testing
@testable import JigsawSynth

/// A fresh folder under the system's temporary directory, removed with everything in it on release.
final class TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jigsaw-synth-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` in the folder.
    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The names of the files in the folder, hidden ones included, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// The bytes of a file.
func readBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// A generated CSV file's rows (header first). The generator never writes quotes, commas inside
/// values or line breaks inside values, which the shape tests check, so splitting is enough.
func readRows(_ path: String) throws -> [[String]] {
    let text = String(decoding: try readBytes(path), as: UTF8.self)
    // "\r\n" is one Character in Swift, so split on either line ending.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    return lines.dropLast().map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}

/// 64-bit FNV-1a, to pin a file's exact bytes in a test without a crypto dependency.
func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01B3
    }
    return hash
}

/// Datasets shared by several tests (generation is deterministic, so sharing changes nothing).
enum Shared {
    /// 5,000 children in each extract at the default rates.
    static let large: SynthDataset = try! SynthDataset(configuration: SynthConfiguration(seed: 20_250_331, records: 5000))

    /// A configuration with every rate zero except those given.
    static func only(_ rates: [Corruption: Double], seed: UInt64 = 11, records: Int = 3000) -> SynthConfiguration {
        var configuration = SynthConfiguration(seed: seed, records: records)
        configuration.rates = .none
        for (kind, rate) in rates { configuration.rates[kind] = rate }
        return configuration
    }
}

/// Whether `observed` is within `sigmas` binomial standard errors (plus a small slack) of `rate`.
func isNear(_ observed: Double, _ rate: Double, trials: Int, sigmas: Double = 4.5) -> Bool {
    let standardError = (rate * (1 - rate) / Double(max(trials, 1))).squareRoot()
    return abs(observed - rate) <= sigmas * standardError + 0.003
}

/// Whether `postcode`, with its spaces removed, matches the pattern `normalisation.md` gives for a valid postcode.
func isValidPostcode(_ postcode: String) -> Bool {
    postcode.filter { $0 != " " }.wholeMatch(of: #/(GIR0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2})/#) != nil
}
