internal import Foundation

/// An open-addressing hash table of byte strings, each numbered in order of first insertion, with the
/// keys packed one after another in a single arena: one allocation per growth, never one per key.
struct ByteKeyTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    /// An empty table sized for about `capacity` keys before it grows.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of distinct keys.
    var count: Int { hashes.count }

    /// The key numbered `index`, as bytes.
    func key(_ index: Int) -> [UInt8] { Array(arena[starts[index]..<starts[index + 1]]) }

    /// The number of `key`, inserting it first when it is new.
    /// - Parameter key: the bytes.
    /// - Returns: the key's number and whether this call inserted it.
    /// - Complexity: O(*n*) in the key's length, amortised.
    mutating func insert(_ key: UnsafeRawBufferPointer) -> (index: Int, inserted: Bool) {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        let hash = hasher.finalize()
        var slot = hash & mask
        while true {
            let occupant = Int(slots[slot])
            if occupant < 0 { break }
            if hashes[occupant] == hash && equals(occupant, key) { return (occupant, false) }
            slot = (slot + 1) & mask
        }
        let index = hashes.count
        slots[slot] = Int32(truncatingIfNeeded: index)
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private func equals(_ index: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[index], length = starts[index + 1] - start
        guard length == key.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index)
        }
    }
}
