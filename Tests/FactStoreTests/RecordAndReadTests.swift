import FactStore
import Foundation
import PassKit
import XCTest

/// Recording a run and reading every part of it back.
final class RecordAndReadTests: XCTestCase {
    func testRecordedRunReadsBackField() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            let content = StoreFixtures.sampleContent(label: "v1", branch: "main")
            let id = try store.record(content)
            XCTAssertEqual(id, 1)

            let run = try XCTUnwrap(try store.run(id: id))
            XCTAssertEqual(run.record, content.run)
            XCTAssertEqual(run.packageCount, 2)
            XCTAssertEqual(run.functionCount, 3)
            XCTAssertEqual(run.factCount, content.facts.count)
            XCTAssertEqual(run.diagnosticCount, 1)

            XCTAssertEqual(try store.facts(run: id, includeExternal: true),
                           content.facts.sorted(by: Fact.canonicalOrder))
            XCTAssertEqual(try store.facts(run: id), content.facts.filter { !$0.external }.sorted(by: Fact.canonicalOrder))
            XCTAssertEqual(Set(try store.functions(run: id)), Set(content.functions))
            XCTAssertEqual(try store.packages(run: id), content.packages)
            XCTAssertEqual(try store.files(run: id), content.files)
            XCTAssertEqual(try store.diagnostics(run: id), content.diagnostics)
            XCTAssertEqual(try store.directives(run: id), content.directives)
            XCTAssertNil(try store.run(id: 99))
        }
    }

    func testExplanationsEncodedAheadAreStoredAsIfEncodedWhenRecorded() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            var content = StoreFixtures.sampleContent()
            content.facts[0].explanation = ["a \"quoted\" line", "tab\there, back\\slash, ünïcode", "\u{1}control"]
            try store.record(content)
            var ahead = content
            ahead.explanationTexts = content.facts.map { RunContent.explanationText($0.explanation) }
            try store.record(ahead)
            // A count that does not match the facts is not used: the facts are encoded instead.
            var stale = content
            stale.explanationTexts = [Array("[\"not this\"]".utf8)]
            try store.record(stale)
            let stored = try store.query("SELECT run_id, explanation FROM facts ORDER BY id").rows
            let runs = Dictionary(grouping: stored, by: { $0[0] }).mapValues { $0.map { $0[1] } }
            XCTAssertEqual(runs.count, 3)
            XCTAssertEqual(runs["1"], runs["2"])
            XCTAssertEqual(runs["1"], runs["3"])
            XCTAssertEqual(runs["1"]?.first, #"["a \"quoted\" line","tab\there, back\\slash, ünïcode","\u0001control"]"#)
            for id: Int64 in [2, 3] {
                XCTAssertEqual(try store.facts(run: id, includeExternal: true), content.facts.sorted(by: Fact.canonicalOrder))
            }
        }
    }

    /// The order a run's rows were written in does not show: facts alike but for their function,
    /// `external` or explanation come back in one order (a scan records packages in the order
    /// its jobs finish them best, which is not the loader's).
    func testFactsReadInOneOrderWhateverOrderTheyWereRecordedIn() throws {
        try onEachBackend { _, location in
            let store = try FactStore.open(path: location)
            var content = StoreFixtures.sampleContent()
            let twin = content.facts[0]
            var other = twin; other.function = nil
            var outside = twin; outside.external = true
            var explained = twin; explained.explanation = ["a line"]
            content.facts += [explained, outside, other]
            content.explanationTexts = []
            let first = try store.record(content)
            content.facts.reverse()
            let second = try store.record(content)
            let facts = try store.facts(run: first, includeExternal: true)
            XCTAssertEqual(facts, content.facts.sorted(by: Fact.canonicalOrder))
            XCTAssertEqual(try store.facts(run: second, includeExternal: true), facts)
        }
    }

    func testRunsAreNumberedInOrderAndNeverReused() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            let ids = try (0..<3).map { try store.record(StoreFixtures.sampleContent(day: $0)) }
            XCTAssertEqual(ids, [1, 2, 3])
            _ = try Prune.run(store, keep: 1, before: nil, includeLabelled: true)
            XCTAssertEqual(try store.runs().map(\.id), [3])
            XCTAssertEqual(try store.record(StoreFixtures.sampleContent(day: 4)), 4)
        }
    }

    func testInvalidStatusIsRefusedAndNothingIsWritten() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            var content = StoreFixtures.sampleContent()
            content.run.status = "done"
            XCTAssertThrowsError(try store.record(content)) { error in
                guard case FactStoreError.invalidRun = error else { return XCTFail("\(error)") }
            }
            XCTAssertEqual(try store.runs().count, 0)
        }
    }

    func testFailingWriteLeavesNoPartialRun() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            try store.record(StoreFixtures.sampleContent())
            // A trigger makes the fact insert fail half way through the run's rows.
            switch backend {
            case .sqlite:
                let raw = try RawSQLite(path: location)
                try raw.exec("CREATE TRIGGER boom BEFORE INSERT ON facts WHEN NEW.subject = 'buf' BEGIN SELECT RAISE(ABORT, 'boom'); END;")
                raw.close()
            case .postgres:
                try TestDatabases.admin(location, """
                    CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN IF NEW.subject = 'buf' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$
                    """)
                try TestDatabases.admin(location, "CREATE TRIGGER boom BEFORE INSERT ON facts FOR EACH ROW EXECUTE FUNCTION boom()")
            }
            XCTAssertThrowsError(try store.record(StoreFixtures.sampleContent()))
            XCTAssertEqual(try store.runs().map(\.id), [1])
            for table in ["packages", "files", "functions", "facts", "diagnostics", "function_metrics", "package_metrics"] {
                XCTAssertEqual(try store.query("SELECT count(*) FROM \(table) WHERE run_id <> 1").rows, [["0"]], table)
            }
        }
    }

    func testResolveRunByNumberLabelBranchAndLatest() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            try store.record(StoreFixtures.sampleContent(label: "v1.0", branch: "main", day: 0))
            try store.record(StoreFixtures.sampleContent(branch: "feature", day: 1))
            try store.record(StoreFixtures.sampleContent(branch: "main", day: 2))
            try store.record(StoreFixtures.sampleContent(label: "v1.0", branch: "feature", day: 3))
            XCTAssertEqual(try store.resolveRun("2"), 2)
            XCTAssertEqual(try store.resolveRun("latest"), 4)
            XCTAssertEqual(try store.resolveRun("main"), 3)
            XCTAssertEqual(try store.resolveRun("feature"), 4)
            XCTAssertEqual(try store.resolveRun("v1.0"), 4)
            XCTAssertThrowsError(try store.resolveRun("17")) { error in
                XCTAssertTrue("\(error)".contains("1–4"), "\(error)")
            }
            XCTAssertThrowsError(try store.resolveRun("release")) { error in
                guard case FactStoreError.unknownRun = error else { return XCTFail("\(error)") }
                XCTAssertTrue("\(error)".contains("main"), "\(error)")
            }
        }
    }

    func testExportIsCanonicalAndDeterministic() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            var content = StoreFixtures.sampleContent()
            content.facts.reverse()
            content.facts[0].subject = "tab\there"
            let id = try store.record(content)
            let tsv = try store.exportTSV(run: id)
            let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.last, "")
            XCTAssertEqual(lines.count - 1, content.facts.filter { !$0.external }.count)
            XCTAssertTrue(lines.allSatisfy { $0.isEmpty || $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
            XCTAssertEqual(lines.first, "a/a.go\t3\t6\tcan-inline\tF\tcost=12")
            let sortedLines = lines.dropLast().map(String.init)
            XCTAssertEqual(sortedLines, try store.facts(run: id).map(\.tsvLine))
            let json = try store.exportJSON(run: id)
            XCTAssertEqual(json, try store.exportJSON(run: id))
            let decoded = try JSONDecoder().decode([Fact].self, from: Data(json.utf8))
            XCTAssertEqual(decoded, try store.facts(run: id))
            XCTAssertTrue(json.contains("\"column\" : 6,\n    \"detail\" : \"cost=12\""), json)
        }
    }
}
