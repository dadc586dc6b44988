/// Which file came from which run: the runs of an audit log and the files they read and wrote, as a graph.
///
/// A file is identified by its content: a run's input is linked to the most recent earlier run whose output
/// had the same SHA-256, whatever either file was called (a file copied or renamed between runs stays
/// linked). Files recorded without a digest (key files, which are secret) are linked by path instead, and
/// standard input and output (`-`) are never linked. Every edge goes from an earlier run to a later one, so
/// the graph has no cycles. Outputs of failed runs are left out: nothing was written.
public struct AuditLineage: Sendable, Equatable {
    /// One file content in the graph.
    public struct File: Sendable, Equatable {
        /// The path under which the file was first seen (`-` for standard input or output).
        public var path: String
        /// Other paths the same content was read under.
        public var otherPaths: [String]
        /// The short name to show: the file name, or its last two path components when another file in the
        /// graph has the same name.
        public var label: String
        /// The SHA-256 as hex, when recorded.
        public var sha256: String?
        /// The size in bytes, when recorded.
        public var size: Int?
        /// The CSV data rows, when recorded.
        public var rows: Int?
        /// What the file is when not data (`key`, `schema`, `hierarchy` …).
        public var kind: String?
        /// The run that wrote it (an index into the runs), or `nil` when it was made outside this log.
        public var producer: Int?
        /// The runs that read it, in log order.
        public var consumers: [Int]
        /// Its state when the log's outputs were re-hashed, if they were.
        public var check: AuditFileCheck.Status?

        /// Whether this is standard input or output rather than a file.
        public var isStandardStream: Bool { path == "-" }
    }

    /// One run and the files it read and wrote.
    public struct Run: Sendable, Equatable {
        /// The record's number in the log.
        public var sequence: Int
        /// The command that ran.
        public var command: String
        /// Whether it succeeded.
        public var succeeded: Bool
        /// The files read (indices into ``AuditLineage/files``), in record order, each once.
        public var inputs: [Int]
        /// The files written, in record order (none for a failed run).
        public var outputs: [Int]
    }

    /// Every file, in the order first seen.
    public var files: [File]
    /// Every run, in log order (the same order as the records given).
    public var runs: [Run]

    /// Builds the graph of `records`.
    /// - Parameters:
    ///   - records: the log's records, in log order.
    ///   - fileChecks: the outputs re-hashed, to mark files changed or missing since they were written.
    public init(records: [AuditRecord], fileChecks: [AuditFileCheck] = []) {
        files = []
        runs = []
        var latestByDigest: [String: Int] = [:]
        var latestByPath: [String: Int] = [:]
        var externalByDigest: [String: Int] = [:]
        var externalByPath: [String: Int] = [:]

        func newFile(_ record: AuditFileRecord, producer: Int?) -> Int {
            files.append(File(path: record.path, otherPaths: [], label: "", sha256: record.sha256, size: record.size,
                              rows: record.rows, kind: record.kind, producer: producer, consumers: [], check: nil))
            return files.count - 1
        }

        for (position, record) in records.enumerated() {
            var run = Run(sequence: record.sequence, command: record.command, succeeded: record.succeeded, inputs: [], outputs: [])
            for input in record.inputs {
                let index: Int
                if input.path == "-" {
                    index = newFile(input, producer: nil)
                } else if let digest = input.sha256 {
                    if let known = latestByDigest[digest] ?? externalByDigest[digest] {
                        index = known
                    } else {
                        index = newFile(input, producer: nil)
                        externalByDigest[digest] = index
                    }
                } else if let known = latestByPath[input.path] ?? externalByPath[input.path] {
                    index = known
                } else {
                    index = newFile(input, producer: nil)
                    externalByPath[input.path] = index
                }
                guard !run.inputs.contains(index) else { continue }
                run.inputs.append(index)
                files[index].consumers.append(position)
                if files[index].path != input.path && !files[index].otherPaths.contains(input.path) {
                    files[index].otherPaths.append(input.path)
                }
                if files[index].rows == nil { files[index].rows = input.rows }
            }
            if record.succeeded {
                for output in record.outputs {
                    let index = newFile(output, producer: position)
                    run.outputs.append(index)
                    guard output.path != "-" else { continue }
                    if let digest = output.sha256 {
                        latestByDigest[digest] = index
                    } else {
                        latestByPath[output.path] = index
                    }
                }
            }
            runs.append(run)
        }

        // The verifier re-hashes, for each path, what the last successful record writing it wrote.
        for check in fileChecks {
            let written = files.indices.last { index in
                guard let producer = files[index].producer else { return false }
                return files[index].path == check.path && records[producer].sequence == check.sequence
            }
            if let written { files[written].check = check.status }
        }

        // Labels: the file name, or more of the path where two different paths share a name.
        var pathsByName: [String: Set<String>] = [:]
        for file in files where !file.isStandardStream {
            pathsByName[AuditReportText.fileName(file.path), default: []].insert(file.path)
        }
        for index in files.indices {
            let file = files[index]
            if file.isStandardStream {
                files[index].label = file.producer == nil ? "standard input" : "standard output"
            } else {
                let name = AuditReportText.fileName(file.path)
                files[index].label = (pathsByName[name]?.count ?? 0) > 1 ? AuditReportText.shortPath(file.path) : name
            }
        }
    }

    /// Every edge: from a file to each run that read it, and from each run to the files it wrote.
    public var edges: [Edge] {
        var out: [Edge] = []
        for (position, run) in runs.enumerated() {
            out += run.inputs.map { Edge(from: .file($0), to: .run(position)) }
            out += run.outputs.map { Edge(from: .run(position), to: .file($0)) }
        }
        return out
    }

    /// A link in the graph.
    public struct Edge: Sendable, Equatable, Hashable {
        /// One end of an edge.
        public enum End: Sendable, Equatable, Hashable {
            /// A file, by index into ``AuditLineage/files``.
            case file(Int)
            /// A run, by index into ``AuditLineage/runs``.
            case run(Int)
        }

        /// Where the edge starts.
        public var from: End
        /// Where it ends.
        public var to: End
    }

    /// The commands whose inputs should come from earlier steps of the same pipeline; an input of theirs
    /// that no run of the log wrote was made elsewhere (by a partner, or by a run with the log turned off).
    public static let laterPipelineCommands: Set<String> = ["link", "evaluate", "suppress", "audit-table", "aggregate"]

    /// Data inputs of later pipeline steps (``laterPipelineCommands``) that no run of this log wrote: pairs of
    /// a run index and a file index, in log order.
    public var unrecordedInputs: [(run: Int, file: Int)] {
        var out: [(run: Int, file: Int)] = []
        for (position, run) in runs.enumerated() where Self.laterPipelineCommands.contains(AuditReport.canonicalCommand(run.command)) {
            for index in run.inputs where files[index].producer == nil && files[index].kind == nil {
                out.append((position, index))
            }
        }
        return out
    }
}
