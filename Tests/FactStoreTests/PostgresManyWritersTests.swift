@testable import FactStore
import Foundation
import PassKit
import XCTest

/// Many processes writing one PostgreSQL store at once, a pruner and a trend reader beside
/// them, and writers killed with SIGKILL in the middle of a run.
final class PostgresManyWritersTests: XCTestCase {
    /// Old unlabelled runs the pruner deletes one by one while the writers write.
    static let seeded = 20
    static let writers = 8, runsEach = 25, factsEach = 200

    func testEightWritersAPrunerAndATrendReaderLoseNothing() throws {
        let url = try TestDatabases.create(self)
        let store = try FactStore.open(path: url)
        for k in 0..<Self.seeded { try store.record(StoreFixtures.sampleContent(day: -3_000 + k)) }
        let children = try (0..<Self.writers).map {
            try WriterProcess([url, "\(Self.runsEach)", "\(Self.factsEach)", "w\($0)"])
        }
        let stop = Flag()
        let shared = SharedResults()
        let pruner = Thread {
            do {
                let own = try FactStore.open(path: url)
                for k in 0..<Self.seeded {
                    let cutoff = Date(timeIntervalSince1970: 1_780_000_000 + Double(-3_000 + k) * 86_400 + 1)
                    shared.pruned += try Prune.run(own, keep: nil, before: cutoff, includeLabelled: false).deleted
                    usleep(100_000)
                }
            } catch { shared.prunerError = "\(error)" }
        }
        let reader = Thread {
            do {
                let own = try FactStore.openReadOnly(path: url)
                var seen = 0
                while !stop.isSet {
                    let points = try own.trend(TrendQuery(metric: .facts))
                    let written = points.filter { $0.label != nil }
                    // A run is visible whole or not at all: every writer run has at least its base facts.
                    for p in written where p.value < Self.factsEach { shared.readerFailures.append("run \(p.run) has \(p.value) facts") }
                    if zip(points, points.dropFirst()).contains(where: { $0.run >= $1.run }) { shared.readerFailures.append("runs out of order") }
                    if written.count < seen { shared.readerFailures.append("runs disappeared: \(seen) → \(written.count)") }
                    seen = written.count
                    shared.reads += 1
                }
            } catch { shared.readerFailures.append("\(error)") }
            stop.done()
        }
        pruner.start()
        reader.start()
        var doneLines = ""
        for (i, child) in children.enumerated() {
            let (out, err, status) = child.finish()
            XCTAssertEqual(status, 0, "writer \(i): \(err)")
            doneLines += out
        }
        while !pruner.isFinished { usleep(50_000) }
        stop.set()
        stop.waitDone()
        XCTAssertNil(shared.prunerError)
        XCTAssertEqual(shared.readerFailures, [])
        XCTAssertGreaterThan(shared.reads, 0)
        XCTAssertEqual(shared.pruned, (1...Int64(Self.seeded)).map { $0 })

        let runs = try store.runs()
        XCTAssertEqual(runs.count, Self.writers * Self.runsEach)
        XCTAssertEqual(Set(runs.map(\.id)).count, runs.count)
        let expected = Set((0..<Self.writers).flatMap { w in (1...Self.runsEach).map { "w\(w)-\($0)" } })
        XCTAssertEqual(Set(runs.compactMap(\.record.label)), expected)
        // Each writer's runs were numbered in the order it committed them.
        for w in 0..<Self.writers {
            let mine = runs.filter { $0.record.label!.hasPrefix("w\(w)-") }
            XCTAssertEqual(mine.map { Int($0.record.label!.split(separator: "-")[1])! }, Array(1...Self.runsEach))
        }
        let counts = WriterOutput.factCounts(doneLines)
        XCTAssertEqual(counts.count, runs.count)
        for run in runs { XCTAssertEqual(run.factCount, counts[run.id], "run \(run.id)") }
        try assertNoOrphans(store)

        // The same runs recorded one after another into SQLite give the same trends and diffs.
        let file = try StoreFixtures.tempDir(self).appendingPathComponent("serial.db").path
        let serial = try FactStore.open(path: file)
        for k in 0..<Self.seeded { try serial.record(StoreFixtures.sampleContent(day: -3_000 + k)) }
        _ = try Prune.run(serial, keep: nil, before: Date(timeIntervalSince1970: 1_770_000_000), includeLabelled: false)
        let replay = try WriterProcess(["--runs", file, "\(Self.factsEach)"] + runs.map { $0.record.label! })
        XCTAssertEqual(replay.finish().status, 0)
        XCTAssertEqual(try serial.runs().map(\.id), runs.map(\.id))
        try StoreAnswers.assertSameHistory(store, serial)
    }

    func testWritersKilledAtRandomMomentsLeaveNoPartialRun() throws {
        let url = try TestDatabases.create(self)
        let store = try FactStore.open(path: url)
        var output = ""
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2 {
            let children = try (0..<3).map { try WriterProcess([url, "1000", "5000", "k\(round)x\($0)"]) }
            for child in children {
                let begun = Int.random(in: 1...3, using: &generator)
                output += child.read(until: "begin \(begun)")
                let pause = UInt32.random(in: 0...200_000, using: &generator)
                usleep(pause)
                kill(child.process.processIdentifier, SIGKILL)
                let rest = child.finish()
                XCTAssertEqual(child.process.terminationReason, .uncaughtSignal, "round \(round): killed after begin \(begun) + \(pause) µs")
                output += rest.out
            }
        }
        // The killed sessions' transactions end when the server notices the closed connections.
        let deadline = Date().addingTimeInterval(30)
        while try store.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").rows != [["0"]], Date() < deadline {
            usleep(100_000)
        }
        XCTAssertEqual(try store.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").rows, [["0"]])
        let runs = try store.runs()
        XCTAssertGreaterThan(runs.count, 0)
        let counts = WriterOutput.factCounts(output)
        for run in runs {
            // Every run is whole: its counts agree with its rows, and its metrics exist.
            if let n = counts[run.id] { XCTAssertEqual(run.factCount, n, "run \(run.id)") }
            XCTAssertEqual(try store.query("SELECT count(*) FROM facts WHERE run_id = \(run.id)").rows, [["\(run.factCount)"]])
            XCTAssertEqual(try store.query("SELECT count(*) FROM function_metrics WHERE run_id = \(run.id)").rows, [["100"]])
        }
        XCTAssertEqual(Set(runs.map(\.id)).count, runs.count)
        try assertNoOrphans(store)
        // The store keeps working: a new run gets a number above every earlier one.
        let id = try store.record(StoreFixtures.sampleContent())
        XCTAssertGreaterThan(id, runs.map(\.id).max()!)
    }

    /// No row of any run table belongs to a run that does not exist, and every function name
    /// is still used.
    private func assertNoOrphans(_ store: FactStore) throws {
        for table in FactStore.runTables {
            XCTAssertEqual(try store.query("SELECT count(*) FROM \(table) WHERE run_id NOT IN (SELECT id FROM runs)").rows,
                           [["0"]], table)
        }
    }
}

/// What the pruner and reader threads found (each field written by one thread, read after it ended).
final class SharedResults: @unchecked Sendable {
    var pruned: [Int64] = []
    var prunerError: String?
    var reads = 0
    var readerFailures: [String] = []
}

/// A flag one thread sets and another polls, with a completion signal.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private let finished = DispatchSemaphore(value: 0)

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    func done() { finished.signal() }
    func waitDone() { finished.wait() }
}
