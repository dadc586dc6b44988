/// A cache from token bytes to their hash results (bit-position material), with no allocation per
/// lookup: open addressing over 64-bit FNV-1a digests, token bytes and results kept in flat arenas.
///
/// Hand-written because `Dictionary<[UInt8], …>` allocates an array per lookup and hashes with SipHash,
/// which measured as a third of encoding time. Cleared when it reaches its entry limit, so memory stays
/// bounded; clearing only costs recomputation, never different bits.
struct TokenHashCache<Value: FixedWidthInteger> {
    private var slots: [Int32]
    private var digests: [UInt64]
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var valueStart: [Int32] = []
    private var valueCount: [Int32] = []
    private var keyBytes: [UInt8] = []
    private(set) var values: [Value] = []
    private let limit: Int
    /// The most result values kept, whatever the entry count.
    private let valueLimit: Int

    init(limit: Int = 1 << 16, valueLimit: Int = 1 << 20) {
        self.limit = limit
        self.valueLimit = valueLimit
        slots = [Int32](repeating: -1, count: 1024)
        digests = [UInt64](repeating: 0, count: 1024)
    }

    /// The stored values' range in ``values`` for `token`, if cached.
    @inline(__always)
    func lookup(_ token: UnsafeRawBufferPointer, digest: UInt64) -> Range<Int>? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: digest) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if digests[slot] == digest && Int(keyLength[entry]) == token.count {
                let start = Int(keyStart[entry])
                var equal = true
                keyBytes.withUnsafeBufferPointer { stored in
                    for i in 0..<token.count where stored[start + i] != token[i] { equal = false; break }
                }
                if equal {
                    let valueBegin = Int(valueStart[entry])
                    return valueBegin..<(valueBegin + Int(valueCount[entry]))
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `result` for `token` (replacing nothing: call only after a failed lookup, or to extend).
    mutating func insert(_ token: UnsafeRawBufferPointer, digest: UInt64, result: [Value]) -> Range<Int> {
        if keyStart.count >= limit || values.count + result.count > valueLimit { removeAll() }
        if 2 * (keyStart.count + 1) > slots.count { grow() }
        let entry = Int32(keyStart.count)
        keyStart.append(Int32(keyBytes.count))
        keyLength.append(Int32(token.count))
        keyBytes.append(contentsOf: token)
        valueStart.append(Int32(values.count))
        valueCount.append(Int32(result.count))
        values.append(contentsOf: result)
        place(entry, digest: digest)
        let begin = values.count - result.count
        return begin..<values.count
    }

    private mutating func place(_ entry: Int32, digest: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: digest) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
        digests[slot] = digest
    }

    private mutating func grow() {
        let oldSlots = slots, oldDigests = digests
        slots = [Int32](repeating: -1, count: oldSlots.count * 2)
        digests = [UInt64](repeating: 0, count: oldSlots.count * 2)
        for (slot, entry) in oldSlots.enumerated() where entry >= 0 { place(entry, digest: oldDigests[slot]) }
    }

    /// Forgets everything (keeping capacity).
    mutating func removeAll() {
        for i in slots.indices { slots[i] = -1 }
        keyStart.removeAll(keepingCapacity: true)
        keyLength.removeAll(keepingCapacity: true)
        valueStart.removeAll(keepingCapacity: true)
        valueCount.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }
}

/// 64-bit FNV-1a of `bytes`: a fast, well-spread digest for cache keys (not for security).
@inline(__always)
func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}
