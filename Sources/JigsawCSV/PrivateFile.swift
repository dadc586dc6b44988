#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Creating a new private file (mode 0600) for secrets: key files and signing keys.
public enum PrivateFile {
    /// Writes `bytes` to a new file at `path` with mode 0600, never replacing an existing file.
    ///
    /// The bytes go to a private temporary file in the same folder, are flushed, then linked into place;
    /// `link` fails if the destination exists, so even a file created meanwhile is never replaced, and a
    /// reader never sees a partly written secret.
    /// - Parameters:
    ///   - path: the new file.
    ///   - bytes: the content.
    /// - Throws: ``CSVError`` with `.outputExists` or `.io`.
    public static func create(path: String, bytes: [UInt8]) throws(CSVError) {
        if access(path, F_OK) == 0 {
            throw CSVError(.outputExists, "already exists; a secret file is never overwritten (choose another path)", file: path)
        }
        TemporaryFileRegistry.prepare()
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        var template = Array("\(folder.isEmpty ? "/" : folder)/.jigsaw-secret-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CSVError(.io, "cannot create a file in \(folder): \(String(cString: strerror(errno)))", file: path)
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        TemporaryFileRegistry.register(temporary)
        defer { TemporaryFileRegistry.unregister(temporary) }
        fchmod(fd, 0o600)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(temporary)
            throw CSVError(.io, "cannot write the file: \(String(cString: strerror(errno)))", file: path)
        }
        guard link(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            if code == EEXIST { throw CSVError(.outputExists, "already exists; a secret file is never overwritten", file: path) }
            throw CSVError(.io, "cannot create the file: \(String(cString: strerror(code)))", file: path)
        }
        unlink(temporary)
    }
}
