import FactStore
import Foundation
import PassKit
import XCTest

/// Real processes writing the same database: two at once, and one killed mid-transaction.
final class ConcurrencyAndCrashTests: XCTestCase {
    func testTwoProcessesWritingAtOnceBothSucceed() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let writer = StoreFixtures.writerExecutable
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: writer), writer)
        let runsEach = 4, factsEach = 5_000
        let children = try ["left", "right"].map { label -> (Process, Pipe, Pipe) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: writer)
            p.arguments = [path, "\(runsEach)", "\(factsEach)", label]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            return (p, out, err)
        }
        var outputs: [String] = []
        for (p, out, err) in children {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, errText)
            outputs.append(text)
        }
        let store = try FactStore.openReadOnly(path: path)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.id), Array(1...Int64(2 * runsEach)))
        XCTAssertEqual(Set(runs.compactMap(\.record.label)).count, 2 * runsEach)
        for run in runs { XCTAssertEqual(run.factCount, factsEach, "run \(run.id)") }
        // Both writers really interleaved: each one's runs are not all before the other's.
        let leftIDs = runs.filter { $0.record.label!.hasPrefix("left") }.map(\.id)
        XCTAssertEqual(leftIDs.count, runsEach)
        XCTAssertTrue(outputs.allSatisfy { $0.contains("done \(runsEach) ") })
        XCTAssertEqual(try store.query("PRAGMA integrity_check").rows, [["ok"]])
    }

    func testWriterKilledMidTransactionLeavesNoPartialRun() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: StoreFixtures.writerExecutable)
        p.arguments = [path, "1000", "60000", "victim"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until at least one run is committed, so the child is now inside the next one.
        let deadline = Date().addingTimeInterval(120)
        var committed = 0
        while Date() < deadline {
            if let store = try? FactStore.openReadOnly(path: path), let n = try? store.runs().count, n >= 1 {
                committed = n
                break
            }
            usleep(50_000)
        }
        XCTAssertGreaterThanOrEqual(committed, 1)
        usleep(150_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let done = lines.filter { $0.hasPrefix("done") }.count
        XCTAssertTrue(lines.last?.hasPrefix("begin") == true, "killed between runs, not inside one: \(lines.suffix(2))")

        let raw = try RawSQLite(path: path)
        XCTAssertEqual(try raw.rows("PRAGMA integrity_check"), [["ok"]])
        raw.close()
        let store = try FactStore.open(path: path)
        let runs = try store.runs()
        XCTAssertEqual(runs.count, done)
        for run in runs { XCTAssertEqual(run.factCount, 60_000, "run \(run.id)") }
        XCTAssertEqual(try store.query("SELECT count(*) FROM facts WHERE run_id NOT IN (SELECT id FROM runs)").rows, [["0"]])
        XCTAssertEqual(try store.query("SELECT count(DISTINCT run_id) FROM function_metrics").rows, [["\(done)"]])
        // The store keeps working after the crash.
        XCTAssertEqual(try store.record(StoreFixtures.sampleContent()), Int64(done + 1))
    }
}
