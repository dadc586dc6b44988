import Foundation
@testable import JigsawAudit

/// A realistic audit log of a linkage project, written with ``AuditLog/append(_:signingKey:)`` over real
/// files in a temporary folder:
///
///  1. `key new` makes the shared key
///  2. `tokenise` of the NHS extract (partner A)
///  3. `tokenise` of the council extract (partner B; its path holds `<script>` and `&`; it records a warning)
///  4. `encode` of the NHS extract with a linkage schema
///  5. `link` that fails (its output exists)
///  6. `link` of the CLKs and the council tokens
///  7. `evaluate` against a truth file made elsewhere
///  8. `tokenise` of a demonstration file with the published example key
///  9. `suppress` of a table made elsewhere
/// 10. `audit-table` of the published table
/// 11. `scan` of the published table and the links, with findings
///
/// After the runs, the published table is edited, so `checkFiles` finds it changed.
struct SampleAuditLog {
    let folder: TemporaryFolder
    let log: AuditLog
    /// The council extract's file name, with characters HTML must escape.
    static let awkwardName = "council <script>x & y.csv"
    static let keyFingerprint = "3f6a0c9e1b2d4f58"
    static let schemaFingerprint = "c7d1e0a94b3f2e65"

    init() throws {
        folder = try TemporaryFolder()
        log = AuditLog(path: folder.path + "/jigsaw-audit.jsonl")
        let log = self.log
        var appended = 0
        func append(_ record: AuditRecord) throws {
            var record = record
            record.time = Self.time(appended)
            appended += 1
            try log.append(record)
        }
        let shared = AuditKeyRecord(id: "nhs-la-send-2026", fingerprint: Self.keyFingerprint, context: "send-2026", isExample: false)

        var keyNew = run("key new", user: "ig-lead", ["--id", "nhs-la-send-2026", "-o", "keys/send.key"])
        keyNew.outputs = [AuditFileRecord(path: folder.path + "/keys/send.key", kind: "key")]
        keyNew.key = shared
        try append(keyNew)

        let key = AuditFileRecord(path: folder.path + "/keys/send.key", kind: "key")
        let healthExtract = try file("nhs/health_extract_2026-11.csv", rows: 1_200)
        var health = run("tokenise", user: "analyst-nhs", ["nhs/health_extract_2026-11.csv", "-o", "nhs/health_tokens.csv", "--column", "nhs_number=nhs-number"])
        health.inputs = [healthExtract, key]
        health.outputs = [try file("nhs/health_tokens.csv", rows: 1_200)]
        health.key = shared
        health.counts = ["rows": .integer(1_200), "valid": .integer(1_188), "blank": .integer(5),
                         "invalid": .object(["check-digit": .integer(6), "bad-length": .integer(1)]), "tokens": .integer(1_188)]
        try append(health)

        var council = run("tokenise", user: "analyst-la", [Self.awkwardName, "-o", "la/council_tokens.csv"])
        council.host = "la-ig-02"
        council.inputs = [try file(Self.awkwardName, rows: 950), key]
        council.outputs = [try file("la/council_tokens.csv", rows: 948)]
        council.key = shared
        council.counts = ["rows": .integer(950), "valid": .integer(940), "invalid": .object(["check-digit": .integer(2)]),
                          "tokens": .integer(940), "dropped": .integer(2)]
        council.warnings = ["2 ragged rows dropped (--on-ragged drop-row)"]
        try append(council)

        var encode = run("encode", user: "analyst-nhs", ["nhs/health_extract_2026-11.csv", "-o", "nhs/health_clks.csv", "--schema", "schema.json"])
        encode.inputs = [healthExtract, try file("schema.json", rows: nil, kind: "schema"), key]
        encode.outputs = [try file("nhs/health_clks.csv", rows: 1_200)]
        encode.key = shared
        encode.schemaFingerprint = Self.schemaFingerprint
        encode.counts = ["rows": .integer(1_200), "clks": .integer(1_200), "invalid_features": .object(["date_of_birth": .integer(3)])]
        try append(encode)

        let clks = try file("nhs/health_clks.csv", rows: 1_200)
        let councilTokens = try file("la/council_tokens.csv", rows: 948)
        var failed = run("link", user: "linker", ["--left", "la/council_tokens.csv", "--right", "nhs/health_clks.csv", "-o", "links.csv"])
        failed.inputs = [councilTokens, clks]
        failed.outcome = .failure
        failed.errorCode = "csv.output-exists"
        try append(failed)

        var link = run("link", user: "linker", ["--left", "la/council_tokens.csv", "--right", "nhs/health_clks.csv", "-o", "links.csv", "--force"])
        link.inputs = [councilTokens, clks]
        link.outputs = [try file("links.csv", rows: 930)]
        link.schemaFingerprint = Self.schemaFingerprint
        link.counts = ["left": .integer(948), "right": .integer(1_200), "links": .integer(930),
                       "by_stage": .object(["exact:nhs_number": .integer(902), "fuzzy": .integer(28)]),
                       "unmatched_left": .integer(18), "threshold": .string("0.85")]
        try append(link)

        var evaluate = run("evaluate", user: "linker", ["--links", "links.csv", "--truth", "truth.csv"])
        evaluate.inputs = [try file("links.csv", rows: 930), try file("truth.csv", rows: 925)]
        evaluate.counts = ["links": .integer(930), "true_pairs": .integer(925), "true_positives": .integer(921),
                           "precision": .string("0.9903"), "recall": .string("0.9957")]
        try append(evaluate)

        var trial = run("tokenise", user: "trainee", ["examples/health.csv", "-o", "trial.csv", "--allow-example-key"])
        trial.inputs = [try file("examples/health.csv", rows: 12), AuditFileRecord(path: folder.path + "/keys-example/example.key", kind: "key")]
        trial.outputs = [try file("trial.csv", rows: 12)]
        trial.key = AuditKeyRecord(id: "jigsaw-example", fingerprint: "00112233445566ff", context: "", isExample: true)
        trial.counts = ["rows": .integer(12), "tokens": .integer(12)]
        try append(trial)

        var suppress = run("suppress", user: "analyst-la", ["table.csv", "--hierarchy", "hierarchy.json", "-o", "published.csv", "--report", "suppress-report.json"])
        suppress.inputs = [try file("table.csv", rows: 120), try file("hierarchy.json", rows: nil, kind: "hierarchy")]
        suppress.outputs = [try file("published.csv", rows: 120), try file("suppress-report.json", rows: nil, kind: "report")]
        suppress.counts = ["cells": .integer(120), "primary": .integer(6), "secondary": .integer(9)]
        try append(suppress)

        var audit = run("audit-table", user: "analyst-la", ["published.csv", "--hierarchy", "hierarchy.json"])
        audit.inputs = [try file("published.csv", rows: 120), try file("hierarchy.json", rows: nil, kind: "hierarchy")]
        audit.counts = ["cells": .integer(120), "suppressed": .integer(15), "disclosive": .integer(0)]
        try append(audit)

        var scan = run("scan", user: "ig-lead", ["published.csv", "links.csv"])
        scan.inputs = [try file("published.csv", rows: 120), try file("links.csv", rows: 930)]
        scan.counts = ["files": .integer(2), "findings": .integer(3), "by_kind": .object(["nhs-number": .integer(3)])]
        try append(scan)

        // Someone edits the published table after it was written.
        try folder.write("region,group,count\nchanged\n", to: "published.csv")
    }

    /// The runs' commands in log order.
    static let commands = ["key new", "tokenise", "tokenise", "encode", "link", "link", "evaluate", "tokenise", "suppress", "audit-table", "scan"]

    func verify(checkFiles: Bool = true) throws -> AuditLogVerification {
        try AuditLogVerifier.verify(path: log.path, checkFiles: checkFiles)
    }

    /// A run with no time yet (set on appending).
    private func run(_ command: String, user: String, _ arguments: [String]) -> AuditRecord {
        return AuditRecord(time: "", version: "0.1.0", user: user, host: user == "analyst-nhs" ? "nhs-ig-01" : "ig-laptop",
                           command: command, arguments: arguments, workingDirectory: folder.path)
    }

    /// The time of the `index`th run (from 0): every 25 minutes from 09:00 on 25 November 2026.
    static func time(_ index: Int) -> String {
        let minutes = 9 * 60 + 25 * index
        let (hour, minute) = (minutes / 60, minutes % 60)
        return "2026-11-25T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00.000Z"
    }

    /// Writes (or rewrites) a file under the folder with content depending on its name, and records it.
    private func file(_ name: String, rows: Int?, kind: String? = nil) throws -> AuditFileRecord {
        let path = folder.path + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            try folder.write("header\n" + String(repeating: "\(name)\n", count: rows ?? 1), to: name)
        }
        let digest = try AuditFileDigest(path: path)
        return AuditFileRecord(path: path, size: digest.size, sha256: digest.sha256, rows: rows, kind: kind)
    }
}
