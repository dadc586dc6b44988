/// A key that runs of a log used or made, and which runs.
public struct AuditKeyUse: Sendable, Equatable {
    /// The key's id, fingerprint (for its context), context and example flag.
    public var key: AuditKeyRecord
    /// The runs, as indices into the report's runs, in log order.
    public var runs: [Int]

    /// One entry per distinct key record (id, fingerprint, context and example flag), in order of first use.
    /// - Parameter records: the log's records, in log order.
    /// - Returns: the keys and their runs.
    public static func uses(in records: [AuditRecord]) -> [AuditKeyUse] {
        var out: [AuditKeyUse] = []
        for (position, record) in records.enumerated() {
            guard let key = record.key else { continue }
            if let known = out.firstIndex(where: { $0.key == key }) {
                out[known].runs.append(position)
            } else {
                out.append(AuditKeyUse(key: key, runs: [position]))
            }
        }
        return out
    }
}

/// A linkage schema that runs of a log used, by fingerprint, and which runs.
public struct AuditSchemaUse: Sendable, Equatable {
    /// The schema's fingerprint.
    public var fingerprint: String
    /// The runs, as indices into the report's runs, in log order.
    public var runs: [Int]

    /// One entry per distinct schema fingerprint, in order of first use.
    /// - Parameter records: the log's records, in log order.
    /// - Returns: the schemas and their runs.
    public static func uses(in records: [AuditRecord]) -> [AuditSchemaUse] {
        var out: [AuditSchemaUse] = []
        for (position, record) in records.enumerated() {
            guard let fingerprint = record.schemaFingerprint else { continue }
            if let known = out.firstIndex(where: { $0.fingerprint == fingerprint }) {
                out[known].runs.append(position)
            } else {
                out.append(AuditSchemaUse(fingerprint: fingerprint, runs: [position]))
            }
        }
        return out
    }
}
