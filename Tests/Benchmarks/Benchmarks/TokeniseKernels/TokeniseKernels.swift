// In-process benchmarks of the tokenisation kernels: HMAC per item, identifier checks, and a whole
// chunk through the tokeniser. The end-to-end comparison with a Python peer is compare.sh beside this.
import Benchmark
import JigsawCrypto
import JigsawCSV
import JigsawIdentifiers
import JigsawTokens

/// Synthetic NHS numbers in the NHS test range with valid check digits.
func syntheticNHSNumbers(_ count: Int) -> [[UInt8]] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in
        while true {
            var digits = [9, 9, 9] + (0..<6).map { _ in Int.random(in: 0...9, using: &generator) }
            let total = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
            let check = (11 - total % 11) % 11
            if check == 10 { continue }
            digits.append(check)
            return digits.map { UInt8(48 + $0) }
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
                                          scalingFactor: .mega, maxDuration: .seconds(3))
    let numbers = syntheticNHSNumbers(1_000_000)
    let secret = SecretBytes((0..<32).map { UInt8($0) })

    Benchmark("HMAC-SHA256 per NHS number, pre-keyed midstate copy") { benchmark in
        let mac = HMACSHA256(key: secret)
        var out = [UInt8](repeating: 0, count: 32)
        for number in numbers {
            number.withUnsafeBytes { m in out.withUnsafeMutableBytes { mac.authenticate(m, into: $0) } }
        }
        blackHole(out)
    }

    Benchmark("HMAC-SHA256 per NHS number, OpenSSL one-shot HMAC()") { benchmark in
        var last: [UInt8] = []
        for number in numbers { last = HMACSHA256.oneShot(key: secret, message: number) }
        blackHole(last)
    }

    Benchmark("NHS number validation and canonical form") { benchmark in
        var valid = 0
        var canonical = [UInt8](repeating: 0, count: 16)
        canonical.withUnsafeMutableBytes { out in
            for number in numbers {
                if case .valid = number.withUnsafeBytes({ NHSNumber.canonicalise($0, into: out) }) { valid += 1 }
            }
        }
        blackHole(valid)
    }

    // One 512 KiB chunk of a five-column extract through the tokeniser (one core): scale is rows.
    let rows = 7_000
    var text = "record_id,nhs_number,upn,la_code,note\n"
    for i in 0..<rows {
        let nhs = String(decoding: numbers[i], as: UTF8.self)
        text += "R\(10_000_000 + i),\(nhs),H801200001001,E0900000\(i % 10),\(i % 5 == 0 ? "\"a, b\"" : "note")\n"
    }
    let bytes = Array(text.utf8)
    let headerEnd = bytes.firstIndex(of: 0x0A)! + 1
    Benchmark("Tokenise a 7,000-row chunk: NHS number + UPN columns, one core",
              configuration: .init(scalingFactor: .one)) { benchmark in
        let header = CSVHeader(names: ["record_id", "nhs_number", "upn", "la_code", "note"],
                               rawBytes: Array(bytes[0..<headerEnd]), fields: [], lineEnding: [0x0A])
        let key = KeyFile(path: "bench", id: "bench", secret: secret)
        let plan = try ExtractTokeniser(file: "bench.csv", header: header, dialect: CSVDialect(),
                                        columns: [TokenColumnSpec(name: "nhs_number", domain: "nhs-number"),
                                                  TokenColumnSpec(name: "upn", domain: "upn")],
                                        keys: try DerivedKeys(key: key))
        let input = ByteBuffer(capacity: bytes.count)
        bytes[headerEnd...].withUnsafeBytes { input.append($0) }
        let chunk = CSVChunk(buffer: input, index: 0, firstLine: 2, bufferEnd: .endOfInput)
        let output = ByteBuffer(capacity: 3 * bytes.count)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            output.removeAll()
            blackHole(try plan.process(chunk, into: output))
        }
    }
}
