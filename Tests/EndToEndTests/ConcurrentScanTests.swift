import FactStore
import Foundation
import TestSupport
import XCTest

/// Two `heapsight scan` processes recording into the same database at the same time.
final class ConcurrentScanTests: XCTestCase {
    func testTwoScansAtOnceAreBothRecorded() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-concurrent-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        var trees: [URL] = []
        for name in ["one", "two"] {
            let tree = base.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
            try "module example.com/\(name)\n\ngo 1.22\n".write(to: tree.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
            let funcs = (0..<(name == "one" ? 40 : 60)).map { "func F\($0)(x int) int { return x + \($0) }\n" }.joined()
            try "package \(name)\n\n\(funcs)".write(to: tree.appendingPathComponent("\(name).go"), atomically: true, encoding: .utf8)
            trees.append(tree)
        }
        let db = base.appendingPathComponent("h.db").path
        let processes = try trees.map { tree -> (Process, Pipe) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: HistoryCommandTests.heapsight)
            p.arguments = ["scan", "--db", db, "--quiet", "--label", tree.lastPathComponent, tree.path]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            return (p, err)
        }
        for (p, err) in processes {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, message)
        }
        let store = try FactStore.openReadOnly(path: db)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.id), [1, 2])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: runs.map { ($0.record.label ?? "", $0.functionCount) }), ["one": 40, "two": 60])
        XCTAssertEqual(try store.query("PRAGMA integrity_check").rows, [["ok"]])
    }
}
