#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A growable byte buffer that is handed between tasks and reused, so steady-state processing
/// allocates nothing and touches no fresh pages.
///
/// `Array<UInt8>` would copy on first write whenever a second reference exists (as it does when an array
/// is captured by a task's closure), and a fresh array per chunk costs page faults on every run; this
/// class avoids both. It is `@unchecked Sendable` under one rule, kept by ``CSVChunkPipeline``: exactly
/// one task uses a buffer at a time, and buffers change hands only through the task group, which orders
/// the accesses.
public final class ByteBuffer: @unchecked Sendable {
    private var storage: UnsafeMutableRawPointer
    /// The number of bytes in use.
    public private(set) var count = 0
    /// The number of bytes that fit without reallocating.
    public private(set) var capacity: Int

    /// Creates an empty buffer.
    /// - Parameter capacity: the initial capacity in bytes.
    public init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 64)
        storage = .allocate(byteCount: self.capacity, alignment: 64)
    }

    deinit {
        storage.deallocate()
    }

    /// Empties the buffer, keeping its capacity.
    public func removeAll() { count = 0 }

    /// Ensures room for `extra` more bytes.
    /// - Parameter extra: the bytes about to be appended.
    @inline(__always)
    public func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 64)
        bigger.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }

    /// Appends bytes.
    /// - Parameter bytes: the bytes to append.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        (storage + count).copyMemory(from: bytes.baseAddress!, byteCount: n)
        count += n
    }

    /// Appends one byte.
    /// - Parameter byte: the byte.
    @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        storage.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// Appends the contents of an array.
    /// - Parameter bytes: the bytes.
    public func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Gives `body` room to write up to `maximum` bytes at the end, then keeps as many as it reports.
    /// - Parameters:
    ///   - maximum: the most bytes `body` may write.
    ///   - body: writes into the buffer it is given and returns how many bytes it wrote.
    /// - Returns: what `body` returns as the count.
    @inline(__always)
    @discardableResult
    public func appendInPlace(maximum: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows -> Int {
        reserve(maximum)
        let n = try body(UnsafeMutableRawBufferPointer(start: storage + count, count: maximum))
        count += n
        return n
    }

    /// Removes the byte at `index`, shifting the rest down.
    /// - Parameter index: a position below ``count``.
    public func removeByte(at index: Int) {
        precondition(index < count)
        (storage + index).copyMemory(from: storage + index + 1, byteCount: count - index - 1)
        count -= 1
    }

    /// Calls `body` with the bytes in use.
    /// - Parameter body: reads the bytes; the pointer must not escape.
    /// - Returns: what `body` returns.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// A copy of the bytes in use.
    public var array: [UInt8] { withUnsafeBytes { Array($0) } }
}
