/// The seeded pseudo-random generator behind every draw `jigsaw synth` makes: xoshiro256** (Blackman and
/// Vigna, 2018) with its state filled by SplitMix64.
///
/// Output depends only on the seed and the stream, never on the machine, the toolchain or the time, so
/// the same seed gives byte-identical extracts everywhere. The generator's own ``below(_:)``,
/// ``unit()`` and ``chance(_:)`` are used instead of the standard library's `random(in:using:)` family,
/// whose algorithms are not promised to stay the same between Swift releases. Not for secrets.
public struct SynthRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator for one stream of one seed.
    ///
    /// Different streams of the same seed are independent, so one part of the generation (the
    /// population, say) draws the same numbers whatever another part (the corruption) does.
    /// - Parameters:
    ///   - seed: the seed.
    ///   - stream: the stream's number.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var state = seed ^ (stream &* 0xD134_2543_DE82_EF95)
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        // Discard one output per stream so stream 0 of seed s is not SplitMix64 of s itself.
        _ = splitMix()
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    /// - Returns: a uniformly distributed value.
    public mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    /// A uniformly distributed integer in `0..<bound` (Lemire's multiply-and-reject method).
    /// - Parameter bound: the exclusive upper bound, at least 1.
    /// - Returns: the integer.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniformly distributed value in `[0, 1)` with 53 random bits.
    /// - Returns: the value.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Draws `true` with probability `probability`.
    /// - Parameter probability: the probability, from 0 (never) to 1 (always).
    /// - Returns: the outcome.
    public mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && unit() < probability
    }

    /// One element of a non-empty array, each equally likely.
    /// - Parameter elements: the choices.
    /// - Returns: the chosen element.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// The index of a choice drawn with the given relative weights.
    /// - Parameter weights: non-negative weights with a positive sum.
    /// - Returns: an index into `weights`.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// Shuffles `elements` in place (Fisher–Yates with ``below(_:)``).
    /// - Parameter elements: the array to shuffle.
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { elements.swapAt(i, j) }
        }
    }
}
