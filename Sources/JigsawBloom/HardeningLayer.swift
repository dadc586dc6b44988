internal import JigsawCrypto

/// Applies a profile's record-level hardening to a folded CLK: balancing, then diffusion, then BLIP.
///
/// All randomness is keyed: permutations and diffusion taps come from HMAC-SHA256 counter streams under
/// a hardening key derived from the CLK secret, so partners with the same key and profile get the same
/// transformation, and an outsider cannot invert it. BLIP's flips are seeded by the record's own bits, so
/// encoding is deterministic. Not `Sendable`: one per task.
final class HardeningLayer {
    private let hardening: Hardening
    private let inputLength: Int
    private let permutation: [Int32]
    private let taps: [Int32]
    private let blipMac: PrekeyedHMAC?
    private var work: [UInt8]
    private var second: [UInt8]

    init(hardening: Hardening, inputLength: Int, key: SecretBytes) {
        self.hardening = hardening
        self.inputLength = inputLength
        let balancedLength = hardening.balance ? 2 * inputLength : inputLength
        let streamKey = key.withUnsafeBytes { PrekeyedHMAC(.sha256, key: $0) }
        if hardening.balance {
            var stream = KeyedStream(mac: streamKey, label: "balance")
            var order = (0..<balancedLength).map { Int32($0) }
            for i in stride(from: balancedLength - 1, to: 0, by: -1) {
                let j = Int(stream.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            permutation = order
        } else {
            permutation = []
        }
        if let diffusion = hardening.diffusion {
            var stream = KeyedStream(mac: streamKey, label: "diffusion")
            var table: [Int32] = []
            table.reserveCapacity(diffusion.length * diffusion.t)
            for _ in 0..<diffusion.length {
                var chosen = Set<Int32>()
                while chosen.count < diffusion.t {
                    chosen.insert(Int32(stream.next() % UInt64(balancedLength)))
                }
                table.append(contentsOf: chosen.sorted())
            }
            taps = table
        } else {
            taps = []
        }
        blipMac = hardening.flipProbability == nil ? nil : key.withUnsafeBytes { PrekeyedHMAC(.sha256, key: $0) }
        let outputLength = hardening.outputLength(from: inputLength)
        work = [UInt8](repeating: 0, count: (max(balancedLength, outputLength) + 7) / 8)
        second = work
    }

    @inline(__always)
    private static func bit(_ bytes: [UInt8], _ i: Int) -> Bool { bytes[i >> 3] & (0x80 >> UInt8(i & 7)) != 0 }

    @inline(__always)
    private static func set(_ bytes: inout [UInt8], _ i: Int) { bytes[i >> 3] |= 0x80 >> UInt8(i & 7) }

    /// Hardens `filter` (`inputLength` bits, MSB-first) into `output` (the profile's output length).
    func apply(_ filter: [UInt8], into output: UnsafeMutableRawBufferPointer) -> Int {
        var length = inputLength
        for i in work.indices { work[i] = 0 }
        for i in 0..<((inputLength + 7) / 8) { work[i] = filter[i] }
        if hardening.balance {
            // The filter followed by its complement, then a keyed permutation: exactly inputLength bits set.
            for i in second.indices { second[i] = 0 }
            for position in 0..<(2 * inputLength) {
                let source = Int(permutation[position])
                let value = source < inputLength ? Self.bit(work, source) : !Self.bit(work, source - inputLength)
                if value { Self.set(&second, position) }
            }
            swap(&work, &second)
            length = 2 * inputLength
        }
        if let diffusion = hardening.diffusion {
            for i in second.indices { second[i] = 0 }
            for out in 0..<diffusion.length {
                var parity = false
                for k in 0..<diffusion.t where Self.bit(work, Int(taps[out * diffusion.t + k])) { parity.toggle() }
                if parity { Self.set(&second, out) }
            }
            swap(&work, &second)
            length = diffusion.length
        }
        if let probability = hardening.flipProbability, let blipMac {
            // Randomised response: a keyed stream seeded by the record's bits decides each flip.
            let threshold = UInt16(min(65_535, (probability * 65_536).rounded()))
            var seedInput = Array("blip".utf8)
            seedInput.append(contentsOf: work[0..<((length + 7) / 8)])
            var seed = [UInt8](repeating: 0, count: 32)
            seedInput.withUnsafeBytes { m in seed.withUnsafeMutableBytes { blipMac.authenticate(m, into: $0) } }
            let recordMac = seed.withUnsafeBytes { PrekeyedHMAC(.sha256, key: $0) }
            var stream = KeyedStream(mac: recordMac, label: "flips")
            var pool: UInt64 = 0
            var left = 0
            for i in 0..<length {
                if left == 0 { pool = stream.next(); left = 4 }
                let draw = UInt16(truncatingIfNeeded: pool)
                pool >>= 16
                left -= 1
                if draw < threshold { work[i >> 3] ^= 0x80 >> UInt8(i & 7) }
            }
        }
        var popcount = 0
        let byteCount = (length + 7) / 8
        for i in 0..<byteCount {
            var byte = work[i]
            if i == byteCount - 1 && length % 8 != 0 { byte &= UInt8(0xFF) << UInt8(8 - length % 8) }
            output[i] = byte
            popcount += byte.nonzeroBitCount
        }
        return popcount
    }
}

/// A keyed pseudo-random stream: HMAC-SHA256(key, label ‖ counter), read as little-endian 64-bit words.
struct KeyedStream {
    private let mac: PrekeyedHMAC
    private let label: [UInt8]
    private var counter: UInt64 = 0
    private var block = [UInt8](repeating: 0, count: 32)
    private var offset = 32

    init(mac: PrekeyedHMAC, label: String) {
        self.mac = mac
        self.label = Array(label.utf8)
    }

    mutating func next() -> UInt64 {
        if offset == 32 {
            var message = label
            withUnsafeBytes(of: counter.littleEndian) { message.append(contentsOf: $0) }
            counter += 1
            message.withUnsafeBytes { m in block.withUnsafeMutableBytes { mac.authenticate(m, into: $0) } }
            offset = 0
        }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(block[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return value
    }
}
