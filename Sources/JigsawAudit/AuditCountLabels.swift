internal import JigsawIdentifiers

/// Friendly labels and a sensible order for the count names commands record, and plain text for values.
///
/// Names are matched case-insensitively with `-` and `_` treated alike. A name with no label here (a column
/// name, a stage such as `exact:nhs_number`, a command's new count) is shown as recorded, never guessed at.
enum AuditCountLabels {
    /// Labels for known count names, in the order rows are listed (unknown names follow, sorted).
    private static let known: [(name: String, label: String)] = [
        ("files", "Files scanned"),
        ("findings", "Findings"),
        ("by_kind", "Findings by kind"),
        ("rows", "Rows"),
        ("rows_in", "Rows read"),
        ("rows_read", "Rows read"),
        ("input_rows", "Rows read"),
        ("rows_out", "Rows written"),
        ("rows_written", "Rows written"),
        ("output_rows", "Rows written"),
        ("rows_dropped", "Rows dropped"),
        ("rows_dropped_invalid", "Rows dropped for invalid identifiers"),
        ("rows_ragged", "Ragged rows"),
        ("token_bytes", "Token length (bytes)"),
        ("health_records", "Health records"),
        ("council_records", "Council records"),
        ("dropped", "Rows dropped"),
        ("dropped_rows", "Rows dropped"),
        ("ragged", "Ragged rows"),
        ("ragged_rows", "Ragged rows"),
        ("left", "Left records"),
        ("left_rows", "Left records"),
        ("left_records", "Left records"),
        ("right", "Right records"),
        ("right_rows", "Right records"),
        ("right_records", "Right records"),
        ("records", "Records"),
        ("valid", "Valid identifiers"),
        ("temporary", "Temporary UPNs"),
        ("blank", "Blank identifiers"),
        ("invalid", "Invalid identifiers"),
        ("invalid_by_reason", "Invalid identifiers by reason"),
        ("by_reason", "By reason"),
        ("reasons", "By reason"),
        ("by_column", "By column"),
        ("columns", "By column"),
        ("tokens", "Tokens written"),
        ("clks", "CLKs written"),
        ("clks_written", "CLKs written"),
        ("features", "By feature"),
        ("present", "Present"),
        ("missing", "Missing"),
        ("domain", "Identifier scheme"),
        ("encoded", "Rows encoded"),
        ("invalid_features", "Invalid feature values"),
        ("candidates", "Candidate pairs"),
        ("fuzzy_comparisons", "Dice comparisons"),
        ("links", "Links"),
        ("links_by_stage", "Links by stage"),
        ("by_stage", "Links by stage"),
        ("stages", "Links by stage"),
        ("unmatched_left", "Unmatched left records"),
        ("unmatched_right", "Unmatched right records"),
        ("threshold", "Threshold"),
        ("true_pairs", "True pairs"),
        ("true_positives", "True positives"),
        ("false_positives", "False positives"),
        ("false_negatives", "False negatives"),
        ("precision", "Precision"),
        ("recall", "Recall"),
        ("f1", "F1"),
        ("cells", "Cells"),
        ("suppressed", "Suppressed cells"),
        ("primary", "Primary suppressions"),
        ("secondary", "Secondary suppressions"),
        ("held", "Held from an earlier release"),
        ("preset", "Preset"),
        ("audit_components", "Audit components"),
        ("public_key_fingerprint", "Public key fingerprint"),
        ("rounded", "Rounded cells"),
        ("protected", "Protected cells"),
        ("disclosive", "Disclosive cells"),
        ("exact:", "exact"),  // rank of every `exact:<column>` stage, which keeps its own name
        ("fuzzy", "fuzzy (Dice similarity)"),
        ("nhs_number", "NHS numbers"),
        ("upn", "UPNs"),
    ]

    private static let index: [String: (rank: Int, label: String)] = {
        var out: [String: (rank: Int, label: String)] = [:]
        for (rank, entry) in known.enumerated() where out[entry.name] == nil {
            out[entry.name] = (rank, entry.label)
        }
        return out
    }()

    private static func normalised(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The label for a count name; identifier-check reasons (`check-digit`) get their usual phrase.
    static func label(_ name: String) -> String {
        if let reason = InvalidIdentifierReason(rawValue: name) { return reason.phrase }
        guard !name.hasPrefix("exact:") else { return name }
        return index[normalised(name)]?.label ?? name
    }

    /// Count names in display order: known names first in their fixed order, then the others by their
    /// UTF-8 bytes (so the order never depends on a dictionary's).
    static func ordered(_ names: some Sequence<String>) -> [String] {
        func rank(_ name: String) -> Int {
            if let reason = InvalidIdentifierReason(rawValue: name) {
                return known.count + InvalidIdentifierReason.allCases.firstIndex(of: reason)!
            }
            if name.hasPrefix("exact:") { return index["exact:"]!.rank }
            return index[normalised(name)]?.rank ?? Int.max
        }
        return Set(names).sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra < rb : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
    }

    /// A value as plain text: whole numbers with thousands separators, lists joined, objects as
    /// `label value, label value` in display order.
    static func text(_ value: AuditValue) -> String {
        switch value {
        case .integer(let number): return AuditReportText.count(number)
        case .string(let text): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .null: return "–"
        case .array(let items): return items.map(text).joined(separator: ", ")
        case .object(let members):
            return ordered(members.keys).map { "\(label($0)) \(text(members[$0]!))" }.joined(separator: ", ")
        }
    }
}
