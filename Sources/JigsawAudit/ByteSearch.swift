#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Finding and counting one byte value in a buffer with the C library's `memchr`, which compares many
/// bytes per instruction: much faster than a loop over bytes when the byte is rare (line feeds, quotes).
enum ByteSearch {
    /// The offset of the first `byte` in `from..<to`, or `to`.
    @inline(__always)
    static func first(_ byte: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let found = memchr(p + from, Int32(byte), to - from) else { return to }
        return UnsafeRawPointer(found) - UnsafeRawPointer(p)
    }

    /// How many `byte`s are in `from..<to`.
    /// - Complexity: O(*n*), at `memchr`'s speed between occurrences.
    static func count(_ byte: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        var i = first(byte, in: p, from: from, to: to)
        while i < to {
            n &+= 1
            i = first(byte, in: p, from: i &+ 1, to: to)
        }
        return n
    }
}
