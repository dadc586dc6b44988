#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A file descriptor opened for reading: a named file, or standard input for `-`.
final class ByteSource {
    let descriptor: Int32
    let displayName: String
    private let ownsDescriptor: Bool

    init(path: String) throws(CSVError) {
        displayName = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT {
                throw CSVError(.fileNotFound, "no such file; check the path", file: path)
            }
            throw CSVError(.io, "cannot open for reading: \(String(cString: strerror(code)))", file: path)
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CSVError(.io, "is a folder, not a file", file: path)
        }
        descriptor = fd
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads up to `count` bytes into `buffer`; returns 0 at the end of input.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CSVError(.io, "read failed: \(String(cString: strerror(errno)))", file: displayName)
        }
    }
}
