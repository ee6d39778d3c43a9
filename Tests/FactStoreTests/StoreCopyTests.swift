import FactStore
import Foundation
import PassKit
import XCTest

/// `heapsight store copy`: a history moved from SQLite to PostgreSQL and back answers every
/// query as before, and copying again adds nothing.
final class StoreCopyTests: XCTestCase {
    /// A history with labels, branches, commits, a failed run, profiles and a pruned run (so
    /// that run numbers have a gap).
    private func history(_ location: String) throws -> FactStore {
        let store = try FactStore.open(path: location)
        for k in 0..<6 {
            var c = StoreFixtures.sampleContent(label: k % 3 == 0 ? "v\(k)" : nil, branch: k % 2 == 0 ? "main" : "dev", day: k, shift: k)
            c.run.gitCommit = String(format: "%040x", k + 1)
            c.run.status = k == 4 ? "failed" : "ok"
            c.facts += (0..<k).map { i in
                Fact(kind: .alloc, file: "a/a.go", line: 16, column: 3 + i, subject: "new(T) #\(i)", detail: "new heap depth=2",
                     function: "example.com/m/a.G")
            }
            if k == 5 { c.profiles = ProfileStoreTests.sampleProfiles() }
            try store.record(c)
        }
        _ = try Prune.run(store, keep: 5, before: nil, includeLabelled: true)
        return store
    }

    func testCopyToPostgresAndBackGivesTheSameAnswers() throws {
        let file = try StoreFixtures.tempDir(self).appendingPathComponent("team.db").path
        let original = try history(file)
        XCTAssertEqual(try original.runs().map(\.id), [2, 3, 4, 5, 6])
        let url = try TestDatabases.create(self)
        let shared = try FactStore.open(path: url)

        let first = try StoreCopy.run(from: original, to: shared)
        XCTAssertEqual(first.copied.map(\.source), [2, 3, 4, 5, 6])
        XCTAssertEqual(first.copied.map(\.destination), [2, 3, 4, 5, 6])
        XCTAssertEqual(first.skipped, [])
        try StoreAnswers.assertSameHistory(original, shared)

        let again = try StoreCopy.run(from: original, to: shared)
        XCTAssertEqual(again.copied, [])
        XCTAssertEqual(again.skipped, [2, 3, 4, 5, 6])
        XCTAssertEqual(try shared.runs().count, 5)

        let back = try FactStore.open(path: try StoreFixtures.tempDir(self).appendingPathComponent("back.db").path)
        XCTAssertEqual(try StoreCopy.run(from: shared, to: back).copied.count, 5)
        try StoreAnswers.assertSameHistory(shared, back)
        try StoreAnswers.assertSameHistory(original, back)
    }

    func testCopyIntoAStoreWithItsOwnRunsTakesTheNextNumbers() throws {
        let file = try StoreFixtures.tempDir(self).appendingPathComponent("runner.db").path
        let runner = try history(file)
        let url = try TestDatabases.create(self)
        let shared = try FactStore.open(path: url)
        for day in 20..<28 { try shared.record(StoreFixtures.sampleContent(label: "other-\(day)", day: day)) }
        let outcome = try StoreCopy.run(from: runner, to: shared)
        XCTAssertEqual(outcome.copied.map(\.destination), [9, 10, 11, 12, 13])
        XCTAssertEqual(try shared.runs().count, 13)
        for c in outcome.copied {
            XCTAssertEqual(try shared.facts(run: c.destination, includeExternal: true), try runner.facts(run: c.source, includeExternal: true))
            XCTAssertEqual(try shared.diff(base: c.destination, head: 13).changes, try runner.diff(base: c.source, head: 6).changes)
        }
    }
}
