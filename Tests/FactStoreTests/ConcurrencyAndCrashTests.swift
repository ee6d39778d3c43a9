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
        let recorded = WriterOutput.factCounts(outputs.joined())
        XCTAssertEqual(recorded.count, 2 * runsEach)
        for run in runs { XCTAssertEqual(run.factCount, recorded[run.id], "run \(run.id)") }
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
        p.arguments = [path, "1000", "100000", "victim"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until run 1 is committed and recording of run 2 has begun, then kill the child
        // inside that transaction (recording 100k facts takes far longer than the pause).
        var text = ""
        while !text.contains("begin 2\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(text.contains("done 1 1 "), text)
        usleep(100_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let done = lines.filter { $0.hasPrefix("done") }.count
        XCTAssertEqual(lines.last, "begin 2", "killed between runs, not inside one")
        XCTAssertEqual(done, 1)
        // The killed transaction had written rows: its WAL frames exist but were never committed.
        XCTAssertGreaterThan(((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0, 0)

        let raw = try RawSQLite(path: path)
        XCTAssertEqual(try raw.rows("PRAGMA integrity_check"), [["ok"]])
        raw.close()
        let store = try FactStore.open(path: path)
        let runs = try store.runs()
        XCTAssertEqual(runs.count, done)
        let recorded = WriterOutput.factCounts(text)
        for run in runs { XCTAssertEqual(run.factCount, recorded[run.id], "run \(run.id)") }
        XCTAssertEqual(try store.query("SELECT count(*) FROM facts WHERE run_id NOT IN (SELECT id FROM runs)").rows, [["0"]])
        XCTAssertEqual(try store.query("SELECT count(DISTINCT run_id) FROM function_metrics").rows, [["\(done)"]])
        // The store keeps working after the crash.
        XCTAssertEqual(try store.record(StoreFixtures.sampleContent()), Int64(done + 1))
    }
}
