internal import Foundation
internal import JigsawCSV

/// Writes a ``SynthDataset`` into a folder as `health.csv`, `council.csv` and `truth.csv`.
///
/// The files are UTF-8 CSV with a header line. `health.csv` ends its lines with CRLF, as many NHS
/// exports do; `council.csv` and `truth.csv` with LF. Each file is written with `AtomicOutputFile`:
/// all three are opened before anything is written (so an existing file stops the run before any
/// output appears), and each appears only when complete.
public enum SynthWriter {
    /// The health extract's file name.
    public static let healthFile = "health.csv"
    /// The council extract's file name.
    public static let councilFile = "council.csv"
    /// The truth file's name.
    public static let truthFile = "truth.csv"

    /// Writes the three files into `folder`, creating it (and its parents) when missing.
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - folder: the output folder.
    ///   - overwrite: whether existing files may be replaced.
    /// - Returns: the paths written: health, council, truth.
    /// - Throws: ``SynthError`` (`.io`) when the folder cannot be made; `CSVError` (`.outputExists`)
    ///   when a file exists and `overwrite` is false, or (`.io`) when writing fails.
    @discardableResult
    public static func write(_ dataset: SynthDataset, to folder: String, overwrite: Bool) throws -> [String] {
        try makeFolder(folder)
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let paths = [base + healthFile, base + councilFile, base + truthFile]
        let files = try paths.map { try AtomicOutputFile(path: $0, overwrite: overwrite, inputs: []) }

        try writeRows(to: files[0], header: HealthRecord.header, crlf: true, rows: dataset.health.lazy.map(\.fields))
        try writeRows(to: files[1], header: CouncilRecord.header, crlf: false, rows: dataset.council.lazy.map(\.fields))
        try writeRows(to: files[2], header: TruthPair.header, crlf: false,
                      rows: dataset.truth.lazy.map { [$0.childID, $0.healthRecordID] })
        for file in files { try file.commit() }
        return paths
    }

    private static func makeFolder(_ folder: String) throws(SynthError) {
        guard !folder.isEmpty else { throw SynthError(.io, "give a folder for the output") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw SynthError(.io, "is not a folder; give a folder for the three files", path: folder) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SynthError(.io, "cannot create the folder: \(error.localizedDescription)", path: folder)
        }
    }

    private static func writeRows<Rows: Sequence<[String]>>(
        to file: AtomicOutputFile, header: [String], crlf: Bool, rows: Rows
    ) throws(CSVError) {
        let dialect = CSVDialect()
        let buffer = ByteBuffer(capacity: 1 << 20)
        func append(_ fields: [String]) {
            for (i, field) in fields.enumerated() {
                if i > 0 { buffer.append(dialect.delimiter) }
                var value = field
                value.withUTF8 { CSVFieldValue.appendField(UnsafeRawBufferPointer($0), to: buffer, dialect: dialect) }
            }
            if crlf { buffer.append(0x0D) }
            buffer.append(0x0A)
        }
        append(header)
        for row in rows {
            append(row)
            if buffer.count >= 1 << 20 {
                try file.write(buffer)
                buffer.removeAll()
            }
        }
        try file.write(buffer)
    }
}
