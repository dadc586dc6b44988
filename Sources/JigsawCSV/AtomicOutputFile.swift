#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// An output written to a temporary file beside its destination and moved into place only on success.
///
/// Until ``commit()`` the destination is untouched; if the process fails or the object is released
/// without committing, the temporary file is removed, so a failed run never leaves partial output.
/// An existing destination is replaced only when `overwrite` is true, and never when it is one of the
/// inputs. The path `-` writes to standard output, which cannot be made atomic.
public final class AtomicOutputFile {
    /// The destination as given.
    public let path: String
    private var descriptor: Int32
    private var temporaryPath: String?
    private let overwrite: Bool
    private var committed = false

    /// Creates the temporary file for `path`.
    /// - Parameters:
    ///   - path: the destination, or `-` for standard output.
    ///   - overwrite: whether an existing destination may be replaced.
    ///   - inputs: paths being read in the same run, which the destination may not be.
    /// - Throws: ``CSVError`` with `.outputExists`, `.outputIsInput` or `.io`.
    public init(path: String, overwrite: Bool, inputs: [String]) throws(CSVError) {
        self.path = path
        self.overwrite = overwrite
        if path == "-" {
            descriptor = 1
            temporaryPath = nil
            return
        }
        var target = stat()
        if stat(path, &target) == 0 {
            for input in inputs where input != "-" {
                var source = stat()
                if stat(input, &source) == 0 && source.st_dev == target.st_dev && source.st_ino == target.st_ino {
                    throw CSVError(.outputIsInput, "the output is the input file; choose another output path so the input is never overwritten", file: path)
                }
            }
            if (target.st_mode & S_IFMT) == S_IFDIR {
                throw CSVError(.io, "is a folder; give a file path for the output", file: path)
            }
            if (target.st_mode & S_IFMT) != S_IFREG {
                // A device, pipe or socket would be replaced by a regular file; write to standard output
                // (-o -) and redirect instead.
                throw CSVError(.io, "is not a regular file (a device, pipe or socket); use -o - and redirect standard output instead", file: path)
            }
            if !overwrite {
                throw CSVError(.outputExists, "already exists; choose another path or pass --force to replace it", file: path)
            }
        }
        TemporaryFileRegistry.prepare()
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).jigsaw-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            throw CSVError(.io, "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))", file: path)
        }
        // mkstemp creates mode 0600, so a partial output is private while it is written; commit()
        // gives the finished file the mode an ordinary new file would have.
        descriptor = fd
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        temporaryPath = temporary
        TemporaryFileRegistry.register(temporary)
    }

    deinit {
        if let temporaryPath, !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
            TemporaryFileRegistry.unregister(temporaryPath)
        }
    }

    /// The permission bits an ordinary new file gets under the process's umask (read once; the umask
    /// is set back at once, before any other file is created).
    private static let ordinaryFileMode: mode_t = {
        let mask = umask(0o077)
        umask(mask)
        return 0o666 & ~mask
    }()

    /// Appends bytes to the output.
    /// - Parameter bytes: the bytes to write.
    /// - Throws: ``CSVError`` with `.io` when the write fails (a full disk, say).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(CSVError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw CSVError(.io, "write failed: \(String(cString: strerror(errno)))", file: path)
            }
            offset += n
        }
    }

    /// Appends bytes to the output.
    /// - Parameter bytes: the bytes to write.
    /// - Throws: ``CSVError`` when the write fails.
    public func write(_ bytes: [UInt8]) throws(CSVError) {
        var failure: CSVError?
        bytes.withUnsafeBytes { raw in
            do throws(CSVError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends the bytes of a buffer to the output.
    /// - Parameter buffer: the bytes to write.
    /// - Throws: ``CSVError`` when the write fails.
    public func write(_ buffer: ByteBuffer) throws(CSVError) {
        var failure: CSVError?
        buffer.withUnsafeBytes { raw in
            do throws(CSVError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Flushes the output to disk and moves it into place.
    /// - Throws: ``CSVError`` when syncing or renaming fails, or when the destination appeared meanwhile.
    public func commit() throws(CSVError) {
        guard let temporaryPath else { committed = true; return }
        fchmod(descriptor, Self.ordinaryFileMode)
        guard fsync(descriptor) == 0 else {
            throw CSVError(.io, "cannot flush to disk: \(String(cString: strerror(errno)))", file: path)
        }
        close(descriptor)
        descriptor = -1
        if overwrite {
            guard rename(temporaryPath, path) == 0 else {
                throw CSVError(.io, "cannot move the finished output into place: \(String(cString: strerror(errno)))", file: path)
            }
        } else {
            // link() fails if the destination exists, so a file created meanwhile is never replaced.
            guard link(temporaryPath, path) == 0 else {
                let code = errno
                unlink(temporaryPath)
                TemporaryFileRegistry.unregister(temporaryPath)
                committed = true
                if code == EEXIST {
                    throw CSVError(.outputExists, "appeared while the run was going on; nothing was written", file: path)
                }
                throw CSVError(.io, "cannot move the finished output into place: \(String(cString: strerror(code)))", file: path)
            }
            unlink(temporaryPath)
        }
        TemporaryFileRegistry.unregister(temporaryPath)
        committed = true
    }
}
