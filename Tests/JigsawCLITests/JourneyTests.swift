import Foundation
import Testing

/// The whole journey of `make demo` on a small synthetic set: each partner encodes, the health file is
/// scanned clean, the council links and evaluates, counts are aggregated, protected and re-audited, the
/// audit log verifies and both reports are written.
struct JourneyTests {
    @Test func theWholeJourney() throws {
        let ws = try Workspace()
        let key = ["--key", "example.key", "--allow-example-key"]
        func run(_ arguments: [String]) throws -> JigsawProcess.Outcome {
            try ws.run(arguments, environment: ["JIGSAW_AUDIT_LOG": ws.path("audit.jsonl")])
        }
        #expect(try run(["synth", "--seed", "2026", "--records", "8000", "--councils", "3", "-o", "syn", "--quiet"]).status == 0)
        let profile = try ws.run(["schema", "init"]).stdout
        try ws.write("health.json", profile)
        try ws.write("council.json", profile
            .replacingOccurrences(of: #""column": "date_of_birth""#, with: #""column": "dob""#)
            .replacingOccurrences(of: "nhs-stated-gender", with: "school-census"))

        let health = try run(["encode", "syn/health.csv", "-o", "health-shareable.csv", "--schema", "health.json", "--column", "nhs_number=nhs-number",
                              "--keep", "health_record_id", "--keep", "community_services", "--keep", "camhs", "--keep", "ae_attendance", "--quiet"] + key)
        #expect(health.status == 0, "\(health.stderr)")
        let scan = try run(["scan", "health-shareable.csv"])
        #expect(scan.status == 0, "the shareable file holds no raw identifiers: \(scan.stdout)")

        let council = try run(["encode", "syn/council.csv", "-o", "council-shareable.csv", "--schema", "council.json", "--column", "nhs_number=nhs-number",
                               "--keep", "child_id", "--keep", "council", "--keep", "region", "--keep", "send", "--keep", "child_in_need",
                               "--keep", "looked_after", "--keep", "free_school_meals", "--quiet"] + key)
        #expect(council.status == 0, "\(council.stderr)")
        let carried = ["council", "region", "send", "child_in_need", "looked_after", "free_school_meals"].flatMap { ["--carry-left", $0] }
            + ["camhs", "community_services", "ae_attendance"].flatMap { ["--carry-right", $0] }
        let link = try run(["link", "--left", "council-shareable.csv", "--right", "health-shareable.csv", "-o", "links.csv",
                            "--left-id", "child_id", "--right-id", "health_record_id", "--token", "nhs_number",
                            "--block", "block_yob_surname_initial", "--block", "block_yob_forename_initial",
                            "--block", "block_postcode_district_initial", "--threshold", "0.8", "--quiet"] + carried)
        #expect(link.status == 0, "\(link.stderr)")
        let scored = try run(["evaluate", "--links", "links.csv", "--truth", "syn/truth.csv", "--format", "csv", "--quiet"])
        let overall = try #require(scored.stdout.split(separator: "\n").first { $0.hasPrefix("overall") })
        let f1 = Double(overall.split(separator: ",").last.map(String.init) ?? "") ?? 0
        #expect(f1 > 0.95, "linkage F1 \(f1)")

        #expect(try run(["aggregate", "links.csv", "--by", "council,group,service", "-o", "leaves.csv", "--hierarchy-output", "hierarchy.json", "--quiet"]).status == 0)
        let suppressed = try run(["suppress", "leaves.csv", "--hierarchy", "hierarchy.json", "--preset", "dfe-cin", "-o", "published.csv",
                                  "--report", "suppression.json", "--quiet"])
        #expect(suppressed.status == 0, "\(suppressed.allOutput)")
        let audited = try run(["audit-table", "published.csv", "--hierarchy", "hierarchy.json", "--preset", "dfe-cin", "--quiet"])
        #expect(audited.status == 0, "the published table passes the audit: \(audited.stdout)")

        let verified = try ws.run(["audit", "verify", "audit.jsonl", "--check-files"])
        #expect(verified.status == 0, "\(verified.allOutput)")
        #expect(verified.stdout.contains("9 records"))
        let report = try ws.run(["audit", "report", "audit.jsonl", "-o", "ig-report.html", "--quiet"])
        #expect(report.status == 0)
        #expect(try ws.read("ig-report.html").contains("The log verifies"))

        let linkage = try ws.run(["report", "--links", "links.csv", "--threshold", "0.8", "--truth", "syn/truth.csv", "--by", "send",
                                  "--left", "council-shareable.csv", "--left-id", "child_id", "--council-column", "council",
                                  "--published", "published.csv", "--hierarchy", "hierarchy.json", "--symbol", "c",
                                  "--ig-report", "ig-report.html", "-o", "index.html", "--quiet"])
        #expect(linkage.status == 0, "\(linkage.stderr)")
        let page = try ws.read("index.html")
        for section in ["id=\"stages\"", "id=\"scores\"", "id=\"quality\"", "id=\"councils\"", "id=\"published\"", "href=\"ig-report.html\""] {
            #expect(page.contains(section), "\(section)")
        }
        #expect(!page.contains("<script"))
        #expect(!page.contains("C0000001") && !page.contains("H0000001"), "no record id reaches the report")
    }
}
