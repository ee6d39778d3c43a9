import Foundation
import TestSupport
import XCTest

/// The acceptance criteria of the spine, exactly: scan the shipped example, scan again, list
/// runs, query, refuse a write, and find the external example pass's facts.
final class DoneWhenTests: XCTestCase {
    func testScanExamplesTwiceQueryAndRefuseWrites() throws {
        let cli = try CLI(self)
        let first = try cli.run(["scan", CLI.examples])
        XCTAssertEqual(first.status, 0, first.err)
        for line in ["packages   1", "files      3", "functions  ", "facts      ", "time       "] {
            XCTAssertTrue(first.out.contains(line), "summary lacks '\(line)':\n\(first.out)")
        }
        XCTAssertTrue(first.out.contains("run 1 (ok) recorded in reports/heapsight.db"), first.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.path("reports/heapsight.db")))

        let second = try cli.run(["scan", CLI.examples, "--label", "again"])
        XCTAssertEqual(second.status, 0, second.err)
        let runs = try cli.run(["runs"])
        XCTAssertEqual(runs.status, 0, runs.err)
        let rows = runs.out.split(separator: "\n")
        XCTAssertEqual(rows.count, 3, runs.out)
        XCTAssertTrue(rows[1].hasPrefix("1 ") && rows[2].hasPrefix("2 ") && rows[2].contains("again"), runs.out)

        let count = try cli.run(["query", "select count(*) from functions"])
        XCTAssertEqual(count.status, 0, count.err)
        let n = Int(count.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        XCTAssertGreaterThan(n, 0, count.out)

        let before = try cli.bytes("reports/heapsight.db")
        let delete = try cli.run(["query", "delete from runs"])
        XCTAssertEqual(delete.status, 2)
        XCTAssertTrue(delete.err.hasPrefix("heapsight: error: ") && delete.err.contains("read-only"), delete.err)
        XCTAssertEqual(try cli.bytes("reports/heapsight.db"), before, "a refused write must not change the file")
        XCTAssertEqual(try cli.run(["query", "select count(*) from runs"]).out, "2\n")

        // The example external pass (Examples/heapsight.yml) ran and its facts are stored.
        let plugin = try cli.run(["query", "select file, line, col, subject from facts where run_id = 2 and explanation like '%external pass fmt-calls%' order by file, line"])
        XCTAssertEqual(plugin.status, 0, plugin.err)
        XCTAssertTrue(plugin.out.split(separator: "\n").contains { $0.hasPrefix("escape.go\t") && $0.hasSuffix("\tfmt.Println(...)") },
                      plugin.out)
    }
}
