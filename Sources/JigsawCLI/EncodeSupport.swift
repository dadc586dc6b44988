internal import Foundation
internal import JigsawBloom
internal import JigsawCSV
internal import JigsawCrypto
internal import JigsawTokens

/// Reading linkage schema files for the commands.
enum SchemaFile {
    /// Reads and parses a schema file; errors name the file and the JSON path.
    static func load(_ path: String) throws -> LinkageSchema {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(FileManager.default.fileExists(atPath: path) ? .io : .fileNotFound,
                           FileManager.default.fileExists(atPath: path) ? "cannot read the schema file" : "no such schema file; check the path",
                           file: path)
        }
        return try LinkageSchemaParser.parse(Array(data), file: path)
    }
}

/// A raw clkhash secret in a file, as a partner would pass it to clkhash.
enum ClkhashSecretFile {
    /// Reads the secret: the file's bytes without trailing line endings (`\n` or `\r\n`), as a shell's
    /// `"$(cat file)"` would pass them to clkhash. Like a key file, it must not be readable by others.
    static func load(_ path: String) throws -> SecretBytes {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KeyFileError(.notFound, "no such clkhash secret file; check --clkhash-secret-file", file: path)
        }
        guard info.st_mode & 0o077 == 0 else {
            throw KeyFileError(.permissions, "is readable or writable by group or others; make it private with: chmod 600 \(path)", file: path)
        }
        guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
            throw KeyFileError(.unreadable, "cannot read the clkhash secret file", file: path)
        }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        // Like the shell's "$(cat file)": every trailing line feed goes (with a carriage return before
        // it, for files saved on Windows).
        while bytes.last == 0x0A {
            bytes.removeLast()
            if bytes.last == 0x0D { bytes.removeLast() }
        }
        guard !bytes.isEmpty else { throw KeyFileError(.invalidField, "the clkhash secret file is empty", file: path) }
        return SecretBytes(bytes)
    }
}

/// Comparing paths by the file they name.
enum SamePath {
    /// Whether two existing paths name the same file.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

/// The `--describe` diagnostics of `jigsaw encode`: distributions and warnings, never values.
enum EncodeDiagnostics {
    static func describe(_ tally: EncodeTally, schema: LinkageSchema) -> [String] {
        var lines = ["", "popcount of the CLKs (bits set out of \(schema.outputLength)):"]
        let histogram = tally.popcountHistogram
        guard tally.encoded > 0, let low = histogram.firstIndex(where: { $0 > 0 }), let high = histogram.lastIndex(where: { $0 > 0 }) else {
            return lines + ["  (no CLKs)"]
        }
        let bins = 16
        let width = max(1, (high - low + bins) / bins)
        var binCounts: [(Int, Int)] = []
        var start = low
        while start <= high {
            let end = min(start + width - 1, high)
            binCounts.append((start, histogram[start...end].reduce(0, +)))
            start += width
        }
        let peak = binCounts.map(\.1).max() ?? 1
        for (start, count) in binCounts {
            let label = width == 1 ? "\(start)" : "\(start)-\(min(start + width - 1, high))"
            let bar = String(repeating: "█", count: Int((Double(count) / Double(peak) * 40).rounded(.up)))
            lines.append("  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + bar + " \(Console.count(count))")
        }
        let mean = tally.sumPopcount / Double(tally.encoded)
        let variance = max(0, tally.sumPopcountSquared / Double(tally.encoded) - mean * mean)
        lines.append(String(format: "  mean %.1f bits (%.1f%% of the filter), standard deviation %.1f", mean, 100 * mean / Double(schema.outputLength), variance.squareRoot()))
        lines.append("missing values by feature:")
        for (index, feature) in tally.features.enumerated() where !schema.features[index].isIgnored {
            let share = 100 * Double(feature.missing + feature.invalidWritten) / Double(max(1, tally.encoded))
            lines.append(String(format: "  %@: %.1f%%", feature.identifier, share))
        }
        var warnings: [String] = []
        if !tally.clkDigests.isEmpty {
            if tally.encoded > tally.clkDigests.count {
                lines.append("(duplicates counted among the first \(Console.count(tally.clkDigests.count)) CLKs)")
            }
            var counts: [UInt64: Int] = [:]
            for digest in tally.clkDigests { counts[digest, default: 0] += 1 }
            let duplicated = counts.values.filter { $0 > 1 }.reduce(0, +)
            let largest = counts.values.max() ?? 0
            if largest > 1 && (Double(duplicated) / Double(tally.clkDigests.count) > 0.01 || largest >= 10) {
                warnings.append("\(Console.count(duplicated)) records share a CLK with another record (the largest group has \(Console.count(largest))); shared CLKs reveal equal records and often mean missing values. Check the extract for duplicates and empty features.")
            }
        }
        if let correlation = tally.popcountTokenCorrelation, correlation > 0.5 {
            warnings.append(String(format: "popcount follows the number of tokens (correlation %.2f), so a CLK's weight reveals how long a record's values are; consider bitsPerFeature strategies or balancing.", correlation))
        }
        if mean > 0.7 * Double(schema.outputLength) && schema.profile?.hardening.balance != true {
            warnings.append("CLKs are more than 70% full; similarities will be high for everyone. Lower the bits per token or raise l.")
        }
        if !warnings.isEmpty {
            lines.append("warnings:")
            lines += warnings.map { "  - " + $0 }
        }
        return lines
    }
}

/// A `line,column-or-feature,reason` report written through a buffer, committed only on success.
final class FindingsReport {
    private let file: AtomicOutputFile
    private var pending: [UInt8] = []

    init(path: String, force: Bool, inputs: [String], header: String) throws {
        file = try AtomicOutputFile(path: path, overwrite: force, inputs: inputs)
        pending.append(contentsOf: (header + "\n").utf8)
    }

    /// Adds one row: the line number, a name (quoted when needed) and a reason code.
    func add(line: Int, name: String, reason: String) throws {
        pending.append(contentsOf: "\(line),".utf8)
        Array(name.utf8).withUnsafeBytes { CSVFieldValue.appendField($0, to: &pending, dialect: CSVDialect()) }
        pending.append(contentsOf: ",\(reason)\n".utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try file.write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and moves the report into place.
    func commit() throws {
        try flush()
        try file.commit()
    }
}
