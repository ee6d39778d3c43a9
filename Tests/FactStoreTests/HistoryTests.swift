import FactStore
import Foundation
import PassKit
import XCTest

/// Trends, diffs and pruning over several recorded runs.
final class HistoryTests: XCTestCase {
    /// Run k has k heap allocations in G (in a loop) on top of the sample's facts.
    private func content(heapInG k: Int, day: Int, commit: String?, label: String? = nil) -> RunContent {
        var c = StoreFixtures.sampleContent(label: label, day: day)
        c.run.gitCommit = commit
        for i in 0..<k {
            c.facts.append(Fact(kind: .alloc, file: "a/a.go", line: 16, column: 3 + i, subject: "new(T) #\(i)",
                                detail: "new heap depth=2", function: "example.com/m/a.G"))
        }
        return c
    }

    private func seeded(_ location: String) throws -> FactStore {
        let store = try FactStore.open(path: location)
        try store.record(content(heapInG: 0, day: 0, commit: "c1"))
        try store.record(content(heapInG: 3, day: 0, commit: "c2"))
        try store.record(content(heapInG: 1, day: 1, commit: "c2"))
        var failed = content(heapInG: 50, day: 2, commit: "c3")
        failed.run.status = "failed"
        try store.record(failed)
        try store.record(content(heapInG: 2, day: 3, commit: nil, label: "v2"))
        return store
    }

    func testTrendPerRunWithChanges() throws {
        try onEachBackend { backend, location in
            let store = try seeded(location)
            let points = try store.trend(TrendQuery(metric: .heapSites))
            XCTAssertEqual(points.map(\.run), [1, 2, 3, 5])  // the failed run is left out
            XCTAssertEqual(points.map(\.value), [3, 6, 4, 5])  // F 1 + G 1 + b 1, plus k
            XCTAssertEqual(points.map(\.change), [nil, 3, -2, 1])
            XCTAssertEqual(points.last?.label, "v2")
            let loops = try store.trend(TrendQuery(metric: .heapSitesInLoops, packageGlob: "example.com/m/a"))
            XCTAssertEqual(loops.map(\.value), [1, 4, 2, 3])
            let last2 = try store.trend(TrendQuery(metric: .heapSites, last: 2))
            XCTAssertEqual(last2.map(\.run), [3, 5])
            XCTAssertEqual(last2.first?.change, -2)
        }
    }

    func testTrendByFunctionGlobAndPackageGlob() throws {
        try onEachBackend { backend, location in
            let store = try seeded(location)
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, functionGlob: "*.G")).map(\.value), [1, 4, 2, 3])
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, packageGlob: "*/b")).map(\.value), [1, 1, 1, 1])
            XCTAssertEqual(try store.trend(TrendQuery(metric: .functions, packageGlob: "example.com/m/*")).map(\.value), [3, 3, 3, 3])
            XCTAssertEqual(try store.trend(TrendQuery(metric: .functions, functionGlob: "example.com/m/a.*")).map(\.value), [2, 2, 2, 2])
            XCTAssertEqual(try store.trend(TrendQuery(metric: .inlinable, functionGlob: "*.F")).map(\.value), [1, 1, 1, 1])
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, functionGlob: "nothing*")).map(\.value), [0, 0, 0, 0])
        }
    }

    func testTrendByCommitAndDayTakesTheNewestRun() throws {
        try onEachBackend { backend, location in
            let store = try seeded(location)
            let byCommit = try store.trend(TrendQuery(metric: .heapSites, grouping: .commit))
            XCTAssertEqual(byCommit.map(\.key), ["c1", "c2"])
            XCTAssertEqual(byCommit.map(\.run), [1, 3])
            XCTAssertEqual(byCommit.map(\.change), [nil, 1])
            let byDay = try store.trend(TrendQuery(metric: .heapSites, grouping: .day))
            XCTAssertEqual(byDay.map(\.run), [2, 3, 5])
            XCTAssertEqual(byDay.map(\.key), ["2026-05-28", "2026-05-29", "2026-05-31"])
        }
    }

    func testBackfilledRunsTakeTheirPlaceInHistoryByCommitDate() throws {
        try onEachBackend { backend, location in
            let store = try seeded(location)
            // Recorded last, but committed before everything else (as `backfill` records it).
            var old = content(heapInG: 9, day: 9, commit: "c0")
            old.run.gitCommittedAt = Date(timeIntervalSince1970: 1_700_000_000)
            let id = try store.record(old)
            XCTAssertEqual(try store.run(id: id)?.record.gitCommittedAt, old.run.gitCommittedAt)
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, grouping: .commit)).map(\.key), ["c0", "c1", "c2"])
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, grouping: .day)).first?.key, "2023-11-14")
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites)).last?.run, id)
            try store.annotate(run: 1, gitBranch: "main", gitCommittedAt: Date(timeIntervalSince1970: 1_600_000_000))
            XCTAssertEqual(try store.resolveRun("main"), 1)
            XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, grouping: .commit)).map(\.key), ["c1", "c0", "c2"])
        }
    }

    func testDiffIsEmptyWhenCodeMovesOrIsReformatted() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            let a = try store.record(StoreFixtures.sampleContent())
            // Seven lines inserted above the functions; columns changed by a reformat.
            var moved = StoreFixtures.sampleContent(shift: 7)
            for i in moved.facts.indices where moved.facts[i].file == "a/a.go" { moved.facts[i].column += 4 }
            let b = try store.record(moved)
            XCTAssertTrue(try store.diff(base: a, head: b).isEmpty)
        }
    }

    func testDiffReportsAppearedAndDisappearedPerFunction() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            let a = try store.record(StoreFixtures.sampleContent())
            var next = StoreFixtures.sampleContent(shift: 2)
            // F stops inlining; G gains a second identical allocation; Run loses its no-escape.
            next.facts[0] = Fact(kind: .cannotInline, file: "a/a.go", line: 5, column: 6, subject: "F",
                                 detail: "marked go:noinline", function: "example.com/m/a.F")
            next.facts.append(Fact(kind: .alloc, file: "a/a.go", line: 19, column: 12, subject: "make([]int, n)",
                                   detail: "make-slice heap depth=1", function: "example.com/m/a.G"))
            next.facts.removeAll { $0.kind == .noEscape }
            next.facts.append(Fact(kind: .alloc, file: "b/b.go", line: 3, column: 9, subject: "map[string]int{}", detail: "make-map heap depth=0"))
            let b = try store.record(next)
            let diff = try store.diff(base: a, head: b)
            XCTAssertEqual(diff.changes.map(\.function), ["example.com/m/a.F", "example.com/m/a.G", "example.com/m/b.(*T).Run", "file:b/b.go"])
            XCTAssertEqual(diff.changes[3].appeared.map(\.subject), ["map[string]int{}"])
            XCTAssertEqual(diff.changes[0].appeared.map(\.kind), [.cannotInline])
            XCTAssertEqual(diff.changes[0].disappeared.map(\.kind), [.canInline])
            XCTAssertEqual(diff.changes[1].appeared.map(\.line), [19])  // the later of the two equal facts
            XCTAssertEqual(diff.changes[1].disappeared, [])
            XCTAssertEqual(diff.changes[2].disappeared.map(\.subject), ["[]byte{...}"])
            XCTAssertEqual(diff.appearedCount, 3)
            XCTAssertEqual(diff.disappearedCount, 2)
            // The store's SQL path agrees with the in-memory comparison of the same facts.
            XCTAssertEqual(diff, RunDiff.compare(base: a, head: b, baseFacts: try store.facts(run: a), headFacts: try store.facts(run: b)))
            XCTAssertEqual(try store.diff(base: a, head: b, includeExternal: true),
                           RunDiff.compare(base: a, head: b, baseFacts: try store.facts(run: a, includeExternal: true),
                                           headFacts: try store.facts(run: b, includeExternal: true)))
            // Reversed, appeared and disappeared swap.
            let back = try store.diff(base: b, head: a)
            XCTAssertEqual(back.appearedCount, 2)
            XCTAssertEqual(back.disappearedCount, 3)
            XCTAssertEqual(back.changes[0].appeared.map(\.kind), [.canInline])
        }
    }

    func testPruneKeepsNewestAndLabelledAndReclaimsSpace() throws {
        try onEachBackend { backend, location in
            let store = try seeded(location)
            let dry = try Prune.run(store, keep: 1, before: nil, includeLabelled: false, dryRun: true)
            XCTAssertEqual(dry.deleted, [1, 2, 3, 4])
            XCTAssertEqual(try store.runs().count, 5)
            let outcome = try Prune.run(store, keep: 2, before: nil, includeLabelled: false)
            XCTAssertEqual(outcome.deleted, [1, 2, 3])
            XCTAssertEqual(try store.runs().map(\.id), [4, 5])
            for table in FactStoreTablesWithRuns.all {
                XCTAssertEqual(try store.query("SELECT count(*) FROM \(table) WHERE run_id < 4").rows, [["0"]], table)
            }
            if backend == .sqlite { XCTAssertEqual(try store.query("PRAGMA integrity_check").rows, [["ok"]]) }
            // --before a date; labelled runs survive unless included.
            let cutoff = Date(timeIntervalSince1970: 1_780_000_000 + 10 * 86_400)
            XCTAssertEqual(try Prune.run(store, keep: nil, before: cutoff, includeLabelled: false).deleted, [4])
            XCTAssertEqual(try Prune.run(store, keep: nil, before: cutoff, includeLabelled: true).deleted, [5])
            XCTAssertEqual(try store.runs().count, 0)
        }
    }

    func testPruneReclaimsSpace() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        var big = StoreFixtures.sampleContent()
        big.facts += (0..<40_000).map { i in
            Fact(kind: .escapes, file: "a/a.go", line: 5, column: 9, subject: "&T{} number \(i) with a long subject",
                 function: "example.com/m/a.F")
        }
        try store.record(big)
        try store.record(StoreFixtures.sampleContent(day: 1))
        let outcome = try Prune.run(store, keep: 1, before: nil, includeLabelled: false)
        XCTAssertEqual(outcome.deleted, [1])
        XCTAssertLessThan(outcome.bytesAfter, outcome.bytesBefore / 4)
        // What is left is about the size of a store that only ever held the run kept.
        let freshPath = try StoreFixtures.tempDir(self).appendingPathComponent("fresh.db").path
        let fresh = try FactStore.open(path: freshPath)
        try fresh.record(StoreFixtures.sampleContent(day: 1))
        XCTAssertLessThanOrEqual(outcome.bytesAfter, fresh.fileSize() + 4 * 65_536)
    }
}

/// The tables that hang off a run.
enum FactStoreTablesWithRuns {
    static let all = ["packages", "files", "functions", "facts", "diagnostics", "function_metrics", "package_metrics",
                          "directives"]
}
