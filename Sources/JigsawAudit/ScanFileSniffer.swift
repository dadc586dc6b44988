#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Refuses files the scanner cannot read as UTF-8 text, so that they are never reported clean.
///
/// A UTF-16 export (Excel's "Unicode Text", PowerShell's `>`), a compressed file or a spreadsheet would hold
/// its identifiers in bytes the byte-level patterns never match: scanning it would find nothing and exit 0.
/// Such files are recognised by their first bytes and fail with status 3 instead.
enum ScanFileSniffer {
    /// Signatures of formats that are not plain text, with their names.
    private static let signatures: [(bytes: [UInt8], name: String)] = [
        ([0xFF, 0xFE], "UTF-16 (little-endian) text"),
        ([0xFE, 0xFF], "UTF-16 (big-endian) text"),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 text"),
        ([0x1F, 0x8B], "gzip-compressed"),
        ([0x50, 0x4B, 0x03, 0x04], "zip (or .xlsx/.docx)"),
        ([0x50, 0x4B, 0x05, 0x06], "zip"),
        ([0x25, 0x50, 0x44, 0x46], "PDF"),
        ([0x50, 0x41, 0x52, 0x31], "Parquet"),
        ([0xD0, 0xCF, 0x11, 0xE0], "legacy Office (.xls/.doc)"),
        ([0x42, 0x5A, 0x68], "bzip2-compressed"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A], "xz-compressed"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed"),
        ([0x37, 0x7A, 0xBC, 0xAF], "7-zip"),
    ]

    /// Throws when the file at `path` starts like a binary, compressed or UTF-16/32 file, or holds a NUL byte
    /// in its first 64 KiB. Standard input (`-`) and unreadable files are left to the reader.
    static func check(_ path: String) throws(AuditError) {
        guard path != "-" else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        var head = [UInt8](repeating: 0, count: 65_536)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return }
        head.removeSubrange(n...)
        let advice = "it cannot be scanned and must not be treated as clean; export it as UTF-8 CSV or text and scan that"
        for (bytes, name) in signatures where head.starts(with: bytes) {
            throw AuditError(.badInput, "is a \(name) file, not UTF-8 text: \(advice)", file: path, line: 1)
        }
        if let nul = head.firstIndex(of: 0) {
            let line = head[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw AuditError(.badInput, "holds a NUL byte, so it is binary (or UTF-16/32 without a byte-order mark), not UTF-8 text: \(advice)", file: path, line: line)
        }
    }
}
