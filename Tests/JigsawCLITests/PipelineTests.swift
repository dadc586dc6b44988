import Foundation
import Testing

/// The whole journey on a small synthetic set: synth → encode both sides (tokens, CLKs, keyed blocking
/// keys) → link with blocking → evaluate against the truth.
struct PipelineTests {
    @Test func synthEncodeLinkEvaluate() throws {
        let ws = try Workspace()
        let key = ["--key", "example.key", "--allow-example-key"]
        #expect(try ws.run(["synth", "--seed", "11", "--records", "600", "-o", "syn", "--quiet"]).status == 0)
        let initial = try ws.run(["schema", "init"])
        try ws.write("health.json", initial.stdout)
        try ws.write("council.json", initial.stdout
            .replacingOccurrences(of: #""column": "date_of_birth""#, with: #""column": "dob""#)
            .replacingOccurrences(of: "nhs-stated-gender", with: "school-census"))
        let health = try ws.run(["encode", "syn/health.csv", "-o", "h.csv", "--schema", "health.json", "--keep", "health_record_id",
                                 "--column", "nhs_number=nhs-number", "--quiet"] + key)
        let council = try ws.run(["encode", "syn/council.csv", "-o", "c.csv", "--schema", "council.json", "--keep", "child_id",
                                  "--keep", "send", "--column", "nhs_number=nhs-number", "--quiet"] + key)
        #expect(health.status == 0 && council.status == 0)
        let header = try ws.read("h.csv").split(whereSeparator: \.isNewline)[0]
        #expect(header == "health_record_id,nhs_number,clk,clk_schema,block_yob_surname_initial,block_yob_forename_initial,block_postcode_district_initial")
        // Blocking keys are keyed: no date of birth appears in the shareable file.
        let shareable = try ws.read("h.csv")
        #expect(shareable.firstMatch(of: /[12][0-9]{3}-[01][0-9]-[0-3][0-9]/) == nil)
        let linked = try ws.run(["link", "--left", "c.csv", "--right", "h.csv", "-o", "links.csv", "--left-id", "child_id",
                                 "--right-id", "health_record_id", "--token", "nhs_number", "--block", "block_yob_surname_initial",
                                 "--block", "block_yob_forename_initial", "--block", "block_postcode_district_initial", "--threshold", "0.75",
                                 "--carry-left", "send"])
        #expect(linked.status == 0)
        #expect(linked.stderr.contains("ruled out by blocking keys"))
        let scored = try ws.run(["evaluate", "--links", "links.csv", "--truth", "syn/truth.csv", "--format", "csv"])
        #expect(scored.status == 0)
        // The overall row: F1 on this synthetic set is high (exact NHS-number joins plus fuzzy CLKs).
        let overall = try #require(scored.stdout.split(separator: "\n").first { $0.hasPrefix("overall") })
        let f1 = Double(overall.split(separator: ",").last.map(String.init) ?? "") ?? 0
        #expect(f1 > 0.9, "F1 \(f1)")

        // Every step is in the audit log, which verifies, with its outputs unchanged, and holds no identifier.
        let verified = try ws.run(["audit", "verify", "jigsaw-audit.jsonl", "--check-files"])
        #expect(verified.status == 0, "\(verified.allOutput)")
        #expect(verified.stdout.contains("chain: intact"))
        let log = try ws.read("jigsaw-audit.jsonl")
        let commands = log.split(separator: "\n").compactMap { $0.firstMatch(of: /"command":"([a-z -]+)"/).map { String($0.1) } }
        #expect(commands == ["synth", "encode", "encode", "link", "evaluate"])
        let nhsNumbers = try ws.read("syn/health.csv").split(whereSeparator: \.isNewline).dropFirst()
            .map { String($0.split(separator: ",", omittingEmptySubsequences: false)[1]) }.filter { $0.count == 10 }
        #expect(nhsNumbers.count > 100)
        #expect(nhsNumbers.allSatisfy { !log.contains($0) })
    }
}
