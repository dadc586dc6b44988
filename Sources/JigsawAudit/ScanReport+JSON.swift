extension ScanReport {
    /// The whole report as one JSON value, for machines (`jigsaw scan --format json`); write it with
    /// ``AuditValue/canonicalBytes``.
    ///
    /// ```
    /// {"by_kind":{"nhs-number":3},"errors":[],"files":[{"allowed_columns":[],"bytes":2048,"by_kind":{"nhs-number":3},
    ///  "columns":[{"column":"nhs_number","findings":[{"count":3,"kind":"nhs-number","lines":[2,5,9],"more_lines":false}],
    ///  "position":2}],"delimiter":",","findings":3,"format":"csv","path":"extract.csv","rows":40}],"findings":3,
    ///  "unmatched_allowed_columns":[]}
    /// ```
    public var jsonValue: AuditValue {
        .object([
            "files": .array(files.map(\.jsonValue)),
            "errors": .array(failures.map(Self.jsonValue(of:))),
            "unmatched_allowed_columns": .array(unmatchedAllowedColumns.map(AuditValue.string)),
            "findings": .integer(findingCount),
            "by_kind": Self.jsonValue(countsByKind),
        ])
    }

    static func jsonValue(_ counts: [ScanKind: Int]) -> AuditValue {
        .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, AuditValue.integer($0.value)) }))
    }

    static func jsonValue(of error: AuditError) -> AuditValue {
        var members: [String: AuditValue] = ["code": .string(error.code.rawValue), "message": .string(error.message)]
        members["file"] = error.file.map(AuditValue.string) ?? .null
        members["line"] = error.line.map(AuditValue.integer) ?? .null
        members["column"] = error.column.map(AuditValue.string) ?? .null
        return .object(members)
    }
}

extension ScanFileReport {
    /// The file's report as one JSON value (see ``ScanReport/jsonValue``).
    public var jsonValue: AuditValue {
        var members: [String: AuditValue] = [
            "path": .string(path),
            "format": .string(format.description),
            "rows": .integer(rows),
            "bytes": .integer(bytes),
            "findings": .integer(findingCount),
            "by_kind": ScanReport.jsonValue(countsByKind),
            "columns": .array(columns.map(\.jsonValue)),
            "allowed_columns": .array(allowedColumns.map(AuditValue.string)),
        ]
        if case .csv(let delimiter) = format { members["delimiter"] = .string(String(decoding: [delimiter], as: UTF8.self)) }
        return .object(members)
    }
}

extension ScanColumn {
    /// The column's findings as one JSON value (see ``ScanReport/jsonValue``).
    public var jsonValue: AuditValue {
        .object([
            "column": .string(name),
            "position": position.map(AuditValue.integer) ?? .null,
            "findings": .array(findings.map { finding in
                .object([
                    "kind": .string(finding.kind.rawValue),
                    "count": .integer(finding.count),
                    "lines": .array(finding.lines.map(AuditValue.integer)),
                    "more_lines": .bool(finding.moreLines),
                ])
            }),
        ])
    }
}
