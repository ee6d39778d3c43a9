@testable import FactStore
import Foundation
import PassKit
import XCTest

/// A run written package by package while it is produced (`RunRecording`) leaves exactly the
/// rows `FactStore.record` leaves, shows nothing before it commits, and leaves nothing when it
/// is given up.
final class RunRecordingTests: XCTestCase {
    /// The tables a run writes rows to, each read in insertion order.
    private static let tables = [
        "runs", "packages", "files", "functions", "facts", "diagnostics", "directives", "pass_executions",
        "function_metrics", "package_metrics",
    ]

    /// The sample run cut into its two packages' parts, in the content's order.
    private func parts(of content: RunContent) -> [RunPart] {
        let texts = content.facts.map { RunContent.explanationText($0.explanation) }
        let cut = content.facts.firstIndex { $0.file == "b/b.go" }!
        return [
            RunPart(package: content.packages[0], files: [content.files[0]], functions: Array(content.functions[0..<2]),
                    facts: Array(content.facts[..<cut]), explanationTexts: Array(texts[..<cut])),
            RunPart(package: content.packages[1], files: [content.files[1]], functions: [content.functions[2]],
                    facts: Array(content.facts[cut...]), explanationTexts: Array(texts[cut...])),
        ]
    }

    private func dump(_ path: String) throws -> [String: [[String?]]] {
        let db = try RawSQLite(path: path)
        var out: [String: [[String?]]] = [:]
        for t in Self.tables {
            // Tables without a rowid are read in key order.
            out[t] = try (try? db.rows("SELECT * FROM \(t) ORDER BY rowid")) ?? db.rows("SELECT * FROM \(t)")
        }
        out["function_names"] = try db.rows("SELECT * FROM function_names ORDER BY 1")
        return out
    }

    /// True when another connection could take the write lock right now.
    private func writeLockIsFree(_ path: String) throws -> Bool {
        let other = try RawSQLite(path: path)
        try other.exec("PRAGMA busy_timeout = 0")
        do {
            try other.exec("BEGIN IMMEDIATE")
            try other.exec("ROLLBACK")
            return true
        } catch {
            return false
        }
    }

    func testStreamedRunHasTheRowsOfARecordedRun() throws {
        let dir = try StoreFixtures.tempDir(self)
        var content = StoreFixtures.sampleContent()
        content.passes = [PassExecution(package: "example.com/m/a", pass: "inlining", status: .ran, reason: "",
                                        factKinds: [.canInline, .cannotInline])]
        let recordedPath = dir.appendingPathComponent("recorded.db").path
        XCTAssertEqual(try FactStore.open(path: recordedPath).record(content), 1)

        let streamedPath = dir.appendingPathComponent("streamed.db").path
        let store = try FactStore.open(path: streamedPath)
        var early = content.run
        early.status = "partial"
        early.finishedAt = early.startedAt
        early.gitCommit = "not-known-yet"
        let recording = RunRecording(run: early, packageCount: 2) { store }
        XCTAssertEqual(recording.streams(waitingAtMost: 10), true)
        let parts = parts(of: content)
        // The second package finishes first; its rows wait for the first's.
        let second = Thread { recording.add(parts[1], at: 1) }
        second.start()
        while !second.isFinished { usleep(1_000) }
        XCTAssertTrue(recording.add(parts[0], at: 0), "the part is written from the recording")
        // The scan keeps no explanations of the parts the recording took: the rows still have them.
        var kept = content
        kept.explanationTexts = []
        for i in kept.facts.indices { kept.facts[i].explanation = [] }
        XCTAssertNotEqual(kept.facts, content.facts)
        XCTAssertEqual(try recording.finish(kept, store: store), 1)

        let streamed = try dump(streamedPath), recorded = try dump(recordedPath)
        XCTAssertEqual(streamed.keys.sorted(), recorded.keys.sorted())
        for table in recorded.keys.sorted() {
            XCTAssertFalse(recorded[table]!.isEmpty, table)
            XCTAssertEqual(streamed[table], recorded[table], table)
        }
        // The store's connection streamed with a small page cache and has the large one back.
        let connection = try XCTUnwrap(store.db as? SQLiteConnection)
        let cacheSize = try XCTUnwrap(connection.prepareFirst("PRAGMA cache_size").statement)
        XCTAssertTrue(try cacheSize.step())
        XCTAssertEqual(cacheSize.displayText(0), "-\(SQLiteConnection.queryCacheKiB)")
    }

    func testOpenRecordingIsInvisibleUntilFinishAndLetsTheScanRead() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        let content = StoreFixtures.sampleContent()
        let recording = RunRecording(run: content.run, packageCount: 2) { store }
        XCTAssertEqual(recording.streams(waitingAtMost: 10), true)
        let parts = parts(of: content)
        recording.add(parts[0], at: 0)
        // The scan reads cached summaries from the same store while the transaction is open.
        XCTAssertEqual(try store.cachedSummaries(kinds: [(name: "escape.leak-tags", version: 1)]).count, 0)
        XCTAssertFalse(try writeLockIsFree(path))
        XCTAssertEqual(try FactStore.openReadOnly(path: path).runs().count, 0)
        recording.add(parts[1], at: 1)
        XCTAssertEqual(try recording.finish(content, store: store), 1)
        XCTAssertTrue(try writeLockIsFree(path))
        let runs = try FactStore.openReadOnly(path: path).runs()
        XCTAssertEqual(runs.map(\.id), [1])
        XCTAssertEqual(runs.first?.factCount, content.facts.count)
    }

    func testCancelledRecordingLeavesTheStoreAsItWas() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        try store.record(StoreFixtures.sampleContent(day: 0))
        let before = try dump(path)
        let content = StoreFixtures.sampleContent(day: 1)
        let recording = RunRecording(run: content.run, packageCount: 2) { store }
        XCTAssertEqual(recording.streams(waitingAtMost: 10), true)
        for (i, part) in parts(of: content).enumerated() { recording.add(part, at: i) }
        recording.cancel()
        XCTAssertTrue(try writeLockIsFree(path))
        XCTAssertEqual(try dump(path), before)
        XCTAssertEqual(try FactStore.openReadOnly(path: path).query("PRAGMA integrity_check").rows, [["ok"]])
        // The next run gets the next number, as if the cancelled one had never begun.
        XCTAssertEqual(try store.record(content), 2)
    }

    func testStoreHeldByAnotherWriterIsRecordedAtFinish() throws {
        let dir = try StoreFixtures.tempDir(self)
        let path = dir.appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        let other = try RawSQLite(path: path)
        try other.exec("BEGIN IMMEDIATE")
        let content = StoreFixtures.sampleContent()
        let recording = RunRecording(run: content.run, packageCount: 2) { store }
        XCTAssertEqual(recording.streams(waitingAtMost: 10), false)
        for (i, part) in parts(of: content).enumerated() {
            XCTAssertFalse(recording.add(part, at: i), "the scan must keep the whole part for the recording at finish")
        }
        // The other writer commits a moment later; the run then queues as any write does.
        let release = Thread {
            usleep(200_000)
            try? other.exec("COMMIT")
        }
        release.start()
        XCTAssertEqual(try recording.finish(content, store: store), 1)
        let recordedPath = dir.appendingPathComponent("recorded.db").path
        try FactStore.open(path: recordedPath).record(content)
        XCTAssertEqual(try dump(path), try dump(recordedPath))
    }

    func testFinishWithoutEveryPartFailsAndRecordsNothing() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        let content = StoreFixtures.sampleContent()
        let recording = RunRecording(run: content.run, packageCount: 2) { store }
        XCTAssertEqual(recording.streams(waitingAtMost: 10), true)
        recording.add(parts(of: content)[0], at: 0)
        XCTAssertThrowsError(try recording.finish(content, store: store)) { error in
            guard case FactStoreError.invalidRun(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("2 packages, 1 were recorded"), reason)
        }
        XCTAssertTrue(try writeLockIsFree(path))
        XCTAssertEqual(try FactStore.openReadOnly(path: path).runs().count, 0)
    }

    func testInvalidStatusIsRefusedBeforeAnythingIsWritten() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        var content = StoreFixtures.sampleContent()
        let recording = RunRecording(run: content.run, packageCount: 2) { store }
        for (i, part) in parts(of: content).enumerated() { recording.add(part, at: i) }
        content.run.status = "finished"
        XCTAssertThrowsError(try recording.finish(content, store: store))
        XCTAssertTrue(try writeLockIsFree(path))
        XCTAssertEqual(try FactStore.openReadOnly(path: path).runs().count, 0)
    }
}
