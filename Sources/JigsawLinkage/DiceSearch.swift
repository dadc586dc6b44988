internal import CJigsawDice

/// Finds every pair of filters whose Dice coefficient is at least a threshold, on all cores.
///
/// The right side is sorted by popcount once. Dice ≥ t needs `|B|` within
/// `[|A|·t/(2−t), |A|·(2−t)/t]` (since `|A∧B| ≤ min(|A|, |B|)`), so for each left filter only a contiguous
/// range of the sorted right side is compared; the bound is widened by one on each side and every pair is
/// then checked exactly, with anonlink's own pre-filter, so the candidates equal anonlink's
/// `find_candidate_pairs` with `dice_coefficient_accelerated`. Work is split into blocks of
/// left records processed concurrently, and the result is sorted in anonlink's order, so it is the same
/// whatever the number of cores.
public enum DiceSearch {
    /// Counts of the work done, for the run summary.
    public struct Statistics: Sendable, Equatable {
        /// Pairs whose filters were actually compared.
        public var comparisons = 0
        /// Pairs that the popcount bound ruled out without comparing.
        public var skipped = 0
    }

    /// All candidate pairs between `left` and `right` at `threshold`.
    /// - Parameters:
    ///   - left: the left filters.
    ///   - right: the right filters (same length as the left).
    ///   - threshold: the least Dice coefficient kept, in (0, 1].
    ///   - leftSubset: left positions to consider (`nil`: all).
    ///   - rightSubset: right positions to consider (`nil`: all).
    ///   - scoreFloor: when given, each left record's best and second-best similarity down to this floor
    ///     are kept (pairs below `threshold` are scored, not kept, so memory stays bounded).
    /// - Returns: the pairs in anonlink's order, the work counts, and the best scores when asked for
    ///   (indexed by left position; records not searched have none).
    public static func candidates(
        left: FilterStore, right: FilterStore, threshold: Double,
        leftSubset: [Int32]? = nil, rightSubset: [Int32]? = nil, scoreFloor: Double? = nil
    ) async -> (pairs: [CandidatePair], statistics: Statistics, bestScores: BestCandidateScores?) {
        let floor = scoreFloor.map { min($0, threshold) }
        let searchThreshold = floor ?? threshold
        precondition(left.bitCount == right.bitCount, "filters of different lengths")
        let lefts = leftSubset ?? (0..<Int32(left.count)).map { $0 }
        var rights = rightSubset ?? (0..<Int32(right.count)).map { $0 }
        rights.sort { right.popcounts[Int($0)] != right.popcounts[Int($1)] ? right.popcounts[Int($0)] < right.popcounts[Int($1)] : $0 < $1 }
        // Packed copy of the right side in popcount order, so each range is contiguous in memory.
        let sortedRight = SortedFilters(store: right, order: rights)
        let blockSize = 256
        let blocks = (lefts.count + blockSize - 1) / blockSize
        var results = [[CandidatePair]](repeating: [], count: blocks)
        var statistics = Statistics()
        var bestScores = floor.map { _ in BestCandidateScores(count: left.count) }
        await withTaskGroup(of: (Int, [CandidatePair], Statistics, BestCandidateScores?).self) { group in
            for block in 0..<blocks {
                let range = (block * blockSize)..<min(lefts.count, (block + 1) * blockSize)
                let slice = Array(lefts[range])
                group.addTask {
                    var found: [CandidatePair] = []
                    var stats = Statistics()
                    var scores = floor.map { _ in BestCandidateScores(count: slice.count) }
                    sortedRight.search(left: left, positions: slice, threshold: searchThreshold, into: &found, statistics: &stats,
                                       scores: &scores, keepAbove: floor == nil ? nil : threshold)
                    return (block, found, stats, scores)
                }
            }
            for await (block, found, stats, scores) in group {
                results[block] = found
                statistics.comparisons += stats.comparisons
                statistics.skipped += stats.skipped
                if let scores {
                    for (k, position) in lefts[(block * blockSize)...].prefix(scores.best.count).enumerated() {
                        bestScores?.set(record: Int(position), best: scores.best[k], secondBest: scores.secondBest[k])
                    }
                }
            }
        }
        var pairs = results.flatMap { $0 }
        pairs.sort(by: CandidatePair.precedes)
        return (pairs, statistics, bestScores)
    }
}

/// The right side in popcount order, packed contiguously.
final class SortedFilters: @unchecked Sendable {
    let order: [Int32]
    let popcounts: [UInt32]
    let words: UnsafeMutablePointer<UInt64>
    let wordsPerFilter: Int

    init(store: FilterStore, order: [Int32]) {
        self.order = order
        wordsPerFilter = store.wordsPerFilter
        popcounts = order.map { UInt32(store.popcounts[Int($0)]) }
        let total = max(1, order.count * wordsPerFilter)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: total * 8, alignment: 64)
        words = raw.bindMemory(to: UInt64.self, capacity: total)
        for (slot, index) in order.enumerated() {
            (words + slot * wordsPerFilter).initialize(from: store.filter(Int(index)), count: wordsPerFilter)
        }
    }

    deinit {
        words.deallocate()
    }

    /// First slot whose popcount is at least `value`.
    private func lowerBound(_ value: Int) -> Int {
        var low = 0, high = popcounts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(popcounts[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Rows per tile: 2,048 filters of 1,024 bits is 256 KiB, which stays in a core's L2 cache while a
    /// block of left filters is compared with it (both cores then share L3 bandwidth far less).
    static let tileBytes = 1 << 18

    func search(left: FilterStore, positions: [Int32], threshold: Double, into found: inout [CandidatePair], statistics: inout DiceSearch.Statistics,
                scores: inout BestCandidateScores?, keepAbove linkThreshold: Double? = nil) {
        let bits = left.bitCount
        var need = [UInt32](repeating: UInt32.max, count: bits + 1)
        let tileRows = max(64, Self.tileBytes / max(8, wordsPerFilter * 8))
        var hitRows = [UInt32](repeating: 0, count: max(1, min(popcounts.count, tileRows)))
        var hitCommon = hitRows
        // Each left filter's range of right popcounts, and anonlink's pre-filter bound.
        var ranges: [(start: Int, end: Int, bound: Double)] = []
        ranges.reserveCapacity(positions.count)
        for position in positions {
            let a = Int(left.popcounts[Int(position)])
            // At threshold 0 every pair qualifies (as in anonlink), so the range is everything.
            let start = threshold > 0 ? lowerBound(max(0, Int((Double(a) * threshold / (2 - threshold)).rounded(.down)) - 1)) : 0
            let end = threshold > 0 ? lowerBound(Int(min((Double(a) * (2 - threshold) / threshold).rounded(.up), Double(Int32.max))) + 2) : popcounts.count
            // anonlink 0.15.3's accelerated kernel also skips pairs with |a − b| > trunc(2a·(1/t − 1)); its
            // rounding can drop a pair whose similarity equals the threshold exactly. The same test is
            // applied here so that the candidate set is anonlink's, pair for pair.
            let bound = threshold > 0 ? (Double(2 * a) * (1.0 / threshold - 1.0)).rounded(.towardZero) : .infinity
            ranges.append((start, max(start, end), bound))
            statistics.skipped += popcounts.count - max(0, end - start)
            statistics.comparisons += max(0, end - start)
        }
        var tileStart = 0
        while tileStart < popcounts.count {
            let tileEnd = min(popcounts.count, tileStart + tileRows)
            for (k, position) in positions.enumerated() {
                let start = max(ranges[k].start, tileStart), end = min(ranges[k].end, tileEnd)
                guard start < end else { continue }
                let a = Int(left.popcounts[Int(position)])
                // need[b]: the fewest common bits for which 2c / (a + b) ≥ t in double precision, as the
                // similarity is computed below; rows short of it are rejected inside the kernel.
                for b in Int(popcounts[start])...Int(popcounts[end - 1]) {
                    need[b] = Self.leastCommon(a: a, b: b, threshold: threshold, bound: ranges[k].bound)
                }
                let hits = need.withUnsafeBufferPointer { needs in
                    popcounts.withUnsafeBufferPointer { pops in
                        hitRows.withUnsafeMutableBufferPointer { rowsOut in
                            hitCommon.withUnsafeMutableBufferPointer { commonOut in
                                cjigsaw_dice_scan(left.filter(Int(position)), words + start * wordsPerFilter, pops.baseAddress! + start,
                                                  wordsPerFilter, end - start, needs.baseAddress!, rowsOut.baseAddress!, commonOut.baseAddress!)
                            }
                        }
                    }
                }
                for hit in 0..<hits {
                    let slot = start + Int(hitRows[hit])
                    let total = a + Int(popcounts[slot])
                    let similarity = total == 0 ? 0 : 2.0 * Double(hitCommon[hit]) / Double(total)
                    scores?.add(similarity, forRecord: k)
                    if let linkThreshold {
                        // Searching below the link threshold for the best scores: keep exactly the pairs a
                        // search at the link threshold keeps (anonlink's pre-filter included).
                        let b = Int(popcounts[slot])
                        let bound = (Double(2 * a) * (1.0 / linkThreshold - 1.0)).rounded(.towardZero)
                        if similarity < linkThreshold || Double(abs(a - b)) > bound { continue }
                    }
                    found.append(CandidatePair(similarity: similarity, left: position, right: order[slot]))
                }
            }
            tileStart = tileEnd
        }
    }

    /// The fewest common bits `c` with `2c / (a + b) ≥ t` (double precision) that anonlink would also
    /// consider, or `UInt32.max` when no `c ≤ min(a, b)` qualifies.
    static func leastCommon(a: Int, b: Int, threshold: Double, bound: Double) -> UInt32 {
        if Double(abs(a - b)) > bound { return .max }
        let total = a + b
        if total == 0 { return threshold <= 0 ? 0 : .max }
        let most = min(a, b)
        var c = max(0, Int((threshold * Double(total) / 2).rounded(.up)))
        while c > 0 && 2.0 * Double(c - 1) / Double(total) >= threshold { c -= 1 }
        while c <= most && !(2.0 * Double(c) / Double(total) >= threshold) { c += 1 }
        return c > most ? .max : UInt32(c)
    }
}
