internal import CJigsawDice

/// Bloom filters (CLKs) packed one after another in 64-byte-aligned 64-bit words, with their popcounts,
/// ready for Dice comparisons.
///
/// Filters are stored in their serialised byte order (bit 0 is the most significant bit of byte 0); the
/// order of bits inside a word does not matter to popcounts of ANDs. Immutable once built, so one store is
/// shared read-only by every task: that is what its `@unchecked Sendable` relies on.
public final class FilterStore: @unchecked Sendable {
    /// Bits per filter.
    public let bitCount: Int
    /// 64-bit words per filter (the last one zero-padded).
    public let wordsPerFilter: Int
    /// The number of filters.
    public let count: Int
    /// Bits set in each filter.
    public let popcounts: [Int32]
    let words: UnsafeMutablePointer<UInt64>

    /// Packs filters given as serialised bytes.
    /// - Parameters:
    ///   - filters: each filter's bytes; all must have `(bitCount + 7) / 8` bytes.
    ///   - bitCount: bits per filter.
    /// - Precondition: every filter has the right length (callers check, with a message naming the row).
    public init(filters: [[UInt8]], bitCount: Int) {
        self.bitCount = bitCount
        wordsPerFilter = (bitCount + 63) / 64
        count = filters.count
        let total = max(1, wordsPerFilter * filters.count)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: total * 8, alignment: 64)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: total * 8)
        words = raw.bindMemory(to: UInt64.self, capacity: total)
        var counts: [Int32] = []
        counts.reserveCapacity(filters.count)
        for (index, filter) in filters.enumerated() {
            precondition(filter.count == (bitCount + 7) / 8, "filter length differs from the store's")
            let base = UnsafeMutableRawPointer(words + index * wordsPerFilter)
            filter.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            counts.append(Int32(cjigsaw_popcount(words + index * wordsPerFilter, wordsPerFilter)))
        }
        popcounts = counts
    }

    deinit {
        words.deallocate()
    }

    /// The words of filter `index`.
    @inline(__always)
    func filter(_ index: Int) -> UnsafePointer<UInt64> {
        UnsafePointer(words + index * wordsPerFilter)
    }

    /// Which popcount kernel this CPU uses: `avx512-vpopcntdq`, `popcnt` or `portable`.
    public static var kernelName: String {
        switch cjigsaw_dice_kernel() {
        case 2: "avx512-vpopcntdq"
        case 1: "popcnt"
        default: "portable"
        }
    }
}

/// popcount(a AND b) over `words` words, through the run-time-chosen kernel.
@inline(__always)
func cjigsawAndPopcount(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ words: Int, _ out: UnsafeMutablePointer<UInt32>) {
    cjigsaw_and_popcounts(a, b, words, 1, out)
}
