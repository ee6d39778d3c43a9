@testable import FactStore
import Foundation
import PassKit
import XCTest

/// `record` computes a run's metrics, fingerprints and row counts in Swift (`RunMetrics`); the
/// definition they must match is the SQL of `MetricsMaterializer`, which the migrations still
/// use. Each test records a run, keeps what `record` wrote, recomputes the same run with the SQL
/// on the same backend, and requires every row to be identical.
final class RunMetricsTests: XCTestCase {
    func testRecordedMetricsEqualTheSQLDefinitionOnEdgeCases() throws {
        try onEachBackend { _, location in
            try assertMetricsMatchSQL(Self.edgeCaseContent(), location: location)
        }
    }

    func testRecordedMetricsEqualTheSQLDefinitionWithoutAllocFacts() throws {
        try onEachBackend { _, location in
            var content = Self.edgeCaseContent()
            content.facts.removeAll { $0.kind == .alloc }
            try assertMetricsMatchSQL(content, location: location, source: "escapes")
        }
    }

    func testRecordedMetricsEqualTheSQLDefinitionWithoutHeapFacts() throws {
        try onEachBackend { _, location in
            var content = Self.edgeCaseContent()
            content.facts.removeAll { [.alloc, .escapes, .movedToHeap].contains($0.kind) }
            try assertMetricsMatchSQL(content, location: location, source: "none")
        }
    }

    func testRecordedMetricsEqualTheSQLDefinitionOnTheSampleRun() throws {
        try onEachBackend { _, location in
            try assertMetricsMatchSQL(StoreFixtures.sampleContent(), location: location)
        }
    }

    /// Records `content` as run 1, then recomputes run 1's metrics with `MetricsMaterializer`
    /// and compares every column of both tables and the run's counts.
    private func assertMetricsMatchSQL(_ content: RunContent, location: String, source: String = "alloc",
                                       file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try FactStore.open(path: location)
        XCTAssertEqual(try store.record(content), 1)
        let recorded = try snapshot(store)
        XCTAssertEqual(recorded.runs, [[source, "\(content.packages.count)", "\(content.functions.count)",
                                        "\(content.facts.count)", "\(content.diagnostics.count)"]], file: file, line: line)
        XCTAssertFalse(recorded.functions.isEmpty, file: file, line: line)
        try store.locked {
            try store.db.writeTransaction {
                try store.db.run("DELETE FROM function_metrics WHERE run_id = 1")
                try store.db.run("DELETE FROM package_metrics WHERE run_id = 1")
                try store.db.run("UPDATE runs SET heap_sites_source = 'x', package_count = -1, function_count = -1, fact_count = -1, diagnostic_count = -1")
                try MetricsMaterializer.materialize(run: 1, on: store.db)
                try MetricsMaterializer.fingerprint(run: 1, on: store.db)
            }
        }
        let bySQL = try snapshot(store)
        XCTAssertEqual(recorded.functions, bySQL.functions, file: file, line: line)
        XCTAssertEqual(recorded.packages, bySQL.packages, file: file, line: line)
        XCTAssertEqual(recorded.runs, bySQL.runs, file: file, line: line)
    }

    private func snapshot(_ store: FactStore) throws -> (functions: [[String?]], packages: [[String?]], runs: [[String?]]) {
        (try store.query("SELECT * FROM function_metrics ORDER BY run_id, function_id").rows,
         try store.query("SELECT * FROM package_metrics ORDER BY run_id, package").rows,
         try store.query("SELECT heap_sites_source, package_count, function_count, fact_count, diagnostic_count FROM runs").rows)
    }

    /// Facts that exercise every clause of the definitions: the word `heap` in any case and not
    /// as part of another word, `depth=` in any case with 0 and with numbers starting with 0 or
    /// not, facts outside any function, facts naming a function that is not recorded (package
    /// from the file, or none), a function recorded twice in two packages, external facts, a
    /// package without functions or facts, and non-ASCII text.
    static func edgeCaseContent() -> RunContent {
        var content = StoreFixtures.sampleContent()
        let h = StoreFixtures.function("H", package: "example.com/m/c", file: "c/c.go", start: 3, end: 30)
        precondition(h.id == "example.com/m/c.H")
        let twice = StoreFixtures.function("Twice", package: "example.com/m/a", file: "a/a.go", start: 40, end: 50)
        var twiceElsewhere = twice
        twiceElsewhere.package = "example.com/m/z"
        content.functions += [h, twice, twiceElsewhere]
        content.packages += [PackageRecord(importPath: "example.com/m/c", name: "c", directory: "c"),
                             PackageRecord(importPath: "example.com/m/empty", name: "empty", directory: "empty")]
        content.files.append(FileRecord(path: "c/c.go", package: "example.com/m/c", sha256: String(repeating: "c", count: 64),
                                        bytes: 900, lines: 40))
        func alloc(_ detail: String, function: String? = "example.com/m/c.H", file: String = "c/c.go", external: Bool = false) -> Fact {
            Fact(kind: .alloc, file: file, line: 5, column: 2, subject: "x", detail: detail, function: function,
                 explanation: ["flow: \"quoted\"\tand\\slashed", "ünïcode →"], external: external)
        }
        content.facts += [
            alloc("composite HEAP depth=3"), alloc("make-slice Heap Depth=0"), alloc("composite heaps depth=2"),
            alloc("heap depth=10"), alloc("heap depth=01"), alloc("composite heap"), alloc("call stack depth=4"),
            alloc("may heap? depth=2"), alloc("heap\tdepth=5"), alloc("new heap depth=2", function: nil),
            alloc("new heap depth=2", function: "example.com/m/c.unrecorded"),
            alloc("new heap depth=7", function: "example.com/m/nofile.F", file: "nowhere.go"),
            alloc("new heap depth=7", function: nil, file: "nowhere.go"),
            alloc("new heap depth=1", external: true), alloc("new heap depth=1", function: nil, external: true),
            alloc("make-map heap depth=1", function: twice.id),
            Fact(kind: .canInline, file: "c/c.go", line: 3, column: 6, subject: "H", detail: "cost=3", function: h.id),
            Fact(kind: .canInline, file: "c/c.go", line: 3, column: 6, subject: "H", detail: "cost=3 again", function: h.id),
            Fact(kind: .cannotInline, file: "c/c.go", line: 3, column: 6, subject: "H", detail: "", function: h.id),
            Fact(kind: .canInline, file: "c/c.go", line: 1, column: 1, subject: "init", detail: "cost=1"),
            Fact(kind: .leakParamContent, file: "c/c.go", line: 4, column: 9, subject: "p", function: h.id),
            Fact(kind: .escapes, file: "c/c.go", line: 6, column: 9, subject: "ü", function: h.id),
            Fact(kind: .movedToHeap, file: "a/a.go", line: 41, column: 2, subject: "v", function: twice.id),
            Fact(kind: .inlineCall, file: "c/c.go", line: 7, column: 3, subject: "example.com/m/a.F", function: h.id),
            Fact(kind: .noEscape, file: "c/c.go", line: 8, column: 3, subject: "[]int{...}", function: nil),
        ]
        return content
    }

    /// Function ids sort in byte order, as SQL orders text: not in Swift's order, which puts a
    /// decomposed "e\u{301}" beside the precomposed "\u{E9}".
    func testFunctionIDsSortInByteOrder() {
        let ids = ["p.F", "p.F.func1", "", "p.\u{E9}", "p.e\u{301}", "p.G", "q", "p.F\u{0}x", "p.\u{1F600}", "P.F"]
        let bytes = ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        XCTAssertEqual(ids.sorted(by: UTF8Order.precedes), bytes)
        XCTAssertEqual("p.e\u{301}", "p.\u{E9}")
        XCTAssertTrue(UTF8Order.precedes("p.e\u{301}", "p.\u{E9}"))
        for a in ids { XCTAssertFalse(UTF8Order.precedes(a, a)) }
    }
}
