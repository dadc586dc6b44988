/// The counts of one command's runs side by side: a row per count, nested counts (invalid identifiers by
/// reason, links by stage) listed under their group, and a column per run.
///
/// Counts are whatever each command recorded; nothing is assumed about their names, so a command added
/// later is reported too.
public struct AuditCountTable: Sendable, Equatable {
    /// One count across the runs.
    public struct Row: Sendable, Equatable {
        /// The count's names from the top of the run's counts, e.g. `["invalid", "check-digit"]`.
        public var path: [String]
        /// A label for people (see the report guide for the names known).
        public var label: String
        /// The value in each run (in the order of ``AuditCountTable/runs``); `nil` where a run has no such
        /// count, and for a group's own row.
        public var values: [AuditValue?]
        /// Whether the row heads a group of nested counts.
        public var isGroup: Bool

        /// How deep the count is nested (0 at the top).
        public var depth: Int { path.count - 1 }
    }

    /// The command, as recorded (aliases such as `tokenize` are grouped under `tokenise`).
    public var command: String
    /// The runs, as indices into the report's runs, in log order.
    public var runs: [Int]
    /// The counts, in display order.
    public var rows: [Row]

    /// One table per command that recorded counts, in the order each command first ran.
    /// - Parameter records: the log's records, in log order.
    /// - Returns: the tables.
    public static func tables(for records: [AuditRecord]) -> [AuditCountTable] {
        var order: [String] = []
        var runsByCommand: [String: [Int]] = [:]
        for (position, record) in records.enumerated() where !record.counts.isEmpty {
            let command = AuditReport.canonicalCommand(record.command)
            if runsByCommand[command] == nil { order.append(command) }
            runsByCommand[command, default: []].append(position)
        }
        return order.map { command in
            let runs = runsByCommand[command]!
            return AuditCountTable(command: command, runs: runs, rows: rows(runs.map { records[$0].counts }, path: []))
        }
    }

    private static func rows(_ objects: [[String: AuditValue]?], path: [String]) -> [Row] {
        var out: [Row] = []
        for name in AuditCountLabels.ordered(objects.compactMap { $0 }.flatMap(\.keys)) {
            let values = objects.map { $0?[name] }
            let members = values.map { $0?.objectValue }
            let isGroup = members.contains { $0 != nil }
            // A scalar where other runs hold a group is still shown, on the group's row.
            let shown = values.map { value -> AuditValue? in value?.objectValue == nil ? value : nil }
            out.append(Row(path: path + [name], label: AuditCountLabels.label(name), values: shown, isGroup: isGroup))
            if isGroup { out += rows(members, path: path + [name]) }
        }
        return out
    }
}
