import Testing
@testable import JigsawAudit

@Suite("Audit report: file lineage and its layout")
struct AuditLineageTests {
    private func digest(_ name: String) -> String { String(repeating: String(name.prefix(1)), count: 64) }

    private func data(_ path: String, _ content: String) -> AuditFileRecord {
        AuditFileRecord(path: path, size: 10, sha256: digest(content), rows: 1)
    }

    private func run(_ sequence: Int, _ command: String, reads: [AuditFileRecord], writes: [AuditFileRecord] = [], succeeded: Bool = true) -> AuditRecord {
        var record = AuditRecord(time: "2026-11-25T10:00:00.000Z", version: "0.1.0", user: "u", host: "h", command: command, arguments: [], workingDirectory: "/w")
        record.sequence = sequence
        record.inputs = reads
        record.outputs = writes
        record.outcome = succeeded ? .success : .failure
        return record
    }

    @Test("inputs link to the earlier output with the same content, whatever its name; keys by path; streams never")
    func linking() {
        let key = AuditFileRecord(path: "/w/k.key", kind: "key")
        let records = [
            run(1, "key new", reads: [], writes: [key]),
            run(2, "tokenise", reads: [data("/w/a.csv", "a"), key], writes: [data("/w/t.csv", "t")]),
            run(3, "link", reads: [data("/copies/t-renamed.csv", "t"), AuditFileRecord(path: "-")], writes: [AuditFileRecord(path: "-")]),
            run(4, "link", reads: [data("/w/t.csv", "t")], writes: [data("/w/never.csv", "n")], succeeded: false),
            run(5, "evaluate", reads: [AuditFileRecord(path: "-")]),
        ]
        let lineage = AuditLineage(records: records)
        let labels = lineage.files.map(\.label)
        #expect(labels == ["k.key", "a.csv", "t.csv", "standard input", "standard output", "standard input"])
        let tokens = lineage.files[2]
        #expect(tokens.producer == 1)
        #expect(tokens.consumers == [2, 3])
        #expect(tokens.otherPaths == ["/copies/t-renamed.csv"])
        #expect(lineage.files[0].producer == 0 && lineage.files[0].consumers == [1])
        #expect(lineage.runs[3].outputs.isEmpty, "a failed run wrote nothing")
        #expect(lineage.files[1].producer == nil)
        // Standard input is its own node per run, and counts as made outside the log for later steps.
        #expect(lineage.unrecordedInputs.map(\.run) == [2, 4])
    }

    @Test("a round trip to identical content links to the latest writer, so the graph has no cycle")
    func roundTrip() {
        let records = [
            run(1, "tokenise", reads: [data("/w/a.csv", "a")], writes: [data("/w/b.csv", "b")]),
            run(2, "restore", reads: [data("/w/b.csv", "b")], writes: [data("/w/a2.csv", "a")]),
            run(3, "link", reads: [data("/w/a.csv", "a")]),
        ]
        let lineage = AuditLineage(records: records)
        #expect(lineage.runs[2].inputs == [lineage.runs[1].outputs[0]])
        for edge in lineage.edges {
            if case .file(let file) = edge.from, case .run(let reader) = edge.to, let writer = lineage.files[file].producer {
                #expect(writer < reader)
            }
        }
        let layout = AuditLineageLayout(lineage)
        for route in layout.routes { #expect(layout.nodes[route.to].layer > layout.nodes[route.from].layer) }
    }

    @Test("names shared by different paths get their folder")
    func labels() {
        let lineage = AuditLineage(records: [
            run(1, "tokenise", reads: [data("/w/nhs/extract.csv", "n")], writes: [data("/w/nhs/tokens.csv", "x")]),
            run(2, "tokenise", reads: [data("/w/la/extract.csv", "l")], writes: [data("/w/la/tokens.csv", "y")]),
        ])
        #expect(lineage.files.map(\.label) == ["nhs/extract.csv", "nhs/tokens.csv", "la/extract.csv", "la/tokens.csv"])
    }

    @Test("ordering removes a crossing the log's order would draw")
    func crossings() {
        // Run 3 reads q and run 4 reads p, but p sits above q: drawn in log order the two arrows cross.
        let records = [
            run(1, "tokenise", reads: [data("/w/a.csv", "a"), data("/w/c.csv", "c")], writes: [data("/w/p.csv", "p"), data("/w/q.csv", "q")]),
            run(2, "link", reads: [data("/w/q.csv", "q")]),
            run(3, "link", reads: [data("/w/p.csv", "p")]),
        ]
        let layout = AuditLineageLayout(AuditLineage(records: records))
        #expect(layout.crossingCount == 0)
        let y = { (run: Int) in layout.nodes.first { $0.item == .run(run) }!.y }
        #expect(y(2) < y(1))
    }

    @Test("the sample project lays out in bands, without overlaps, the same every time")
    func sampleLayout() throws {
        let sample = try SampleAuditLog()
        let lineage = AuditLineage(records: try sample.verify().entries.map(\.record))
        let layout = AuditLineageLayout(lineage)
        for layer in layout.layers {
            let boxes = layer.map { (top: layout.nodes[$0].y - layout.nodes[$0].height / 2, bottom: layout.nodes[$0].y + layout.nodes[$0].height / 2) }
            for (upper, lower) in zip(boxes, boxes.dropFirst()) { #expect(upper.bottom < lower.top) }
        }
        for route in layout.routes {
            let chain = [route.from] + route.via + [route.to]
            for (a, b) in zip(chain, chain.dropFirst()) { #expect(layout.nodes[b].layer == layout.nodes[a].layer + 1) }
        }
        #expect(layout.nodes.allSatisfy { $0.y - $0.height / 2 >= AuditLineageLayout.margin - 0.001 })
        #expect(layout.nodes.allSatisfy { $0.y + $0.height / 2 <= layout.height })
        let again = AuditLineageLayout(lineage)
        #expect(again.nodes.map(\.y) == layout.nodes.map(\.y))
        #expect(again.layers == layout.layers)
        // The example-key trial shares nothing with the project: its band lies wholly below the project's.
        let trial = try #require(layout.nodes.first { $0.item == .run(7) })
        let project = layout.nodes.filter { if case .run(let position) = $0.item { position < 7 } else { false } }
        #expect(project.allSatisfy { $0.y < trial.y })
    }
}
