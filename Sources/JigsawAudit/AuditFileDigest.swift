#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import JigsawCrypto

/// The size and SHA-256 of a file, read in 1 MiB blocks (for the audit log and `audit verify --check-files`).
public struct AuditFileDigest: Sendable, Equatable {
    /// The size in bytes.
    public var size: Int
    /// The SHA-256 as lowercase hex.
    public var sha256: String

    /// Reads and hashes the regular file at `path`.
    /// - Throws: ``AuditError`` with `.io` when it cannot be read or is not a regular file.
    public init(path: String) throws(AuditError) {
        // O_NONBLOCK: opening a named pipe must not wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw AuditError(.io, "cannot read the file to take its SHA-256: \(String(cString: strerror(errno)))", file: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw AuditError(.io, "is not a regular file (a pipe, device or folder), so it has no content to hash", file: path)
        }
        let stream: SHA256Stream
        do { stream = try SHA256Stream() } catch { throw AuditError(.io, error.message, file: path) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw AuditError(.io, "cannot read the file to take its SHA-256: \(String(cString: strerror(errno)))", file: path) }
            if n == 0 { break }
            stream.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            total += n
        }
        size = total
        sha256 = Hex.encode(stream.finalize())
    }
}
