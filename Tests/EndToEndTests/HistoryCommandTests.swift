import FactStore
import Foundation
import PassKit
import TestSupport
import XCTest

/// `trend`, `diff` and `prune` run as the built binary over stores prepared through FactStore.
final class HistoryCommandTests: XCTestCase {
    static var heapsight: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("heapsight").path
            if FileManager.default.isExecutableFile(atPath: candidate),
               !FileManager.default.fileExists(atPath: candidate + "/Package.swift") { return candidate }
            dir.deleteLastPathComponent()
        }
        return TestSupport.repoRoot.appendingPathComponent(".build/debug/heapsight").path
    }

    private func tempDB() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.appendingPathComponent("h.db").path
    }

    private func run(_ args: [String]) throws -> TestSupport.ProcessResult {
        try TestSupport.run(Self.heapsight, args)
    }

    private func content(heap: Int, day: Int, label: String? = nil, branch: String? = nil, lineShift: Int = 0) -> RunContent {
        let start = Date(timeIntervalSince1970: 1_780_000_000 + Double(day) * 86_400)
        let f = FunctionRecord(id: "example.com/m.Hot", package: "example.com/m", receiver: "", name: "Hot", file: "m.go",
                               line: 3 + lineShift, column: 6, startLine: 3 + lineShift, startColumn: 1,
                               endLine: 20 + lineShift, endColumn: 1, lineCount: 18, statementCount: 4,
                               directives: [], isLiteral: false, parent: nil)
        var facts = [Fact(kind: heap > 1 ? .cannotInline : .canInline, file: "m.go", line: 3 + lineShift, column: 6,
                          subject: "Hot", detail: heap > 1 ? "function too complex: cost 90 exceeds budget 80" : "cost=30",
                          function: f.id)]
        for i in 0..<heap {
            facts.append(Fact(kind: .alloc, file: "m.go", line: 5 + i + lineShift, column: 9, subject: "&T{} \(i)",
                              detail: "composite heap depth=1", function: f.id))
        }
        return RunContent(
            run: RunRecord(startedAt: start, finishedAt: start.addingTimeInterval(3), roots: ["."], gitCommit: "c0ffee\(day)",
                           gitBranch: branch, gitDirty: false, label: label, engine: "gc", toolVersion: "test",
                           goos: "linux", goarch: "amd64", configHash: "x"),
            packages: [PackageRecord(importPath: "example.com/m", name: "m", directory: ".")],
            functions: [f], facts: facts)
    }

    private func seeded() throws -> String {
        let db = try tempDB()
        let store = try FactStore.open(path: db)
        try store.record(content(heap: 1, day: 0, label: "v1", branch: "main"))
        try store.record(content(heap: 3, day: 1, branch: "feature"))
        try store.record(content(heap: 2, day: 2, branch: "main", lineShift: 9))
        return db
    }

    func testTrendTableCsvAndJson() throws {
        let db = try seeded()
        let table = try run(["trend", "--db", db])
        XCTAssertEqual(table.status, 0, table.err)
        let lines = table.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, table.out)
        XCTAssertTrue(lines[0].hasPrefix("run  started"), lines[0])
        XCTAssertTrue(lines[2].hasSuffix("3      +2"), lines[2])
        XCTAssertEqual(lines[4], "heap-sites: ▁█▄  1 → 2 (+1) over 3 rows")
        let csv = try run(["trend", "--db", db, "--metric", "not-inlinable", "--function", "*.Hot", "--format", "csv"])
        XCTAssertEqual(csv.out, """
            run,key,started_at,git_commit,git_branch,label,value,change
            1,1,2026-05-28T20:26:40.000Z,c0ffee0,main,v1,0,
            2,2,2026-05-29T20:26:40.000Z,c0ffee1,feature,,1,1
            3,3,2026-05-30T20:26:40.000Z,c0ffee2,main,,1,0

            """)
        let byCommit = try run(["trend", "--db", db, "--by", "commit"])
        XCTAssertEqual(byCommit.out.split(separator: "\n").first, "commit   run  started           branch   label  heap-sites  change")
        XCTAssertTrue(byCommit.out.contains("\nc0ffee1  2    2026-05-29 20:26  feature                  3      +2\n"), byCommit.out)
        let json = try run(["trend", "--db", db, "--last", "1", "--format", "json", "--by", "day"])
        XCTAssertEqual(json.out, """
            [
              {"change": -1, "git_branch": "main", "git_commit": "c0ffee2", "key": "2026-05-30", "label": null, "run": 3, "started_at": "2026-05-30T20:26:40.000Z", "value": 2}
            ]

            """)
        let again = try run(["trend", "--db", db])
        XCTAssertEqual(again.out, table.out)
    }

    func testTrendErrors() throws {
        let db = try seeded()
        let badMetric = try run(["trend", "--db", db, "--metric", "speed"])
        XCTAssertEqual(badMetric.status, 2)
        XCTAssertTrue(badMetric.err.contains("heap-sites"), badMetric.err)
        let missing = try run(["trend", "--db", db + ".nope"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("heapsight: error: no heapsight database"), missing.err)
    }

    func testDiffByRunLabelAndBranch() throws {
        let db = try seeded()
        let d = try run(["diff", "--db", db, "v1", "feature"])
        XCTAssertEqual(d.status, 0, d.err)
        XCTAssertEqual(d.out, """
            run 1 → run 2: 3 appeared, 1 disappeared in 1 function

            example.com/m.Hot
              + m.go:3:6  cannot-inline  Hot  function too complex: cost 90 exceeds budget 80
              + m.go:6:9  alloc  &T{} 1  composite heap depth=1
              + m.go:7:9  alloc  &T{} 2  composite heap depth=1
              - m.go:3:6  can-inline  Hot  cost=30

            """)
        // Run 3 moved Hot nine lines down: against run 2 only &T{} 2 disappeared.
        let moved = try run(["diff", "--db", db, "2", "main", "--format", "tsv", "--exit-code"])
        XCTAssertEqual(moved.status, 1)
        XCTAssertEqual(moved.out, "-\texample.com/m.Hot\tm.go\t7\t9\talloc\t&T{} 2\tcomposite heap depth=1\n")
        let none = try run(["diff", "--db", db, "3", "latest", "--exit-code"])
        XCTAssertEqual(none.status, 0)
        XCTAssertEqual(none.out, "run 3 → run 3: no facts appeared or disappeared\n")
        let unknown = try run(["diff", "--db", db, "release", "latest"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("no run matches 'release'"), unknown.err)
    }

    func testPruneKeepsLabelledRunsAndRefusesNoLimit() throws {
        let db = try seeded()
        let usage = try run(["prune", "--db", db])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.err.contains("--keep"), usage.err)
        let badDate = try run(["prune", "--db", db, "--before", "yesterday"])
        XCTAssertEqual(badDate.status, 2)
        let dry = try run(["prune", "--db", db, "--keep", "1", "--dry-run"])
        XCTAssertEqual(dry.out, "would delete 1 run (2); kept 2\n")
        let done = try run(["prune", "--db", db, "--keep", "1"])
        XCTAssertEqual(done.status, 0, done.err)
        XCTAssertTrue(done.out.hasPrefix("deleted 1 run (2); kept 2\ndatabase: "), done.out)
        XCTAssertEqual(try FactStore.openReadOnly(path: db).runs().map(\.id), [1, 3])
        let all = try run(["prune", "--db", db, "--before", "2030-01-01", "--include-labelled"])
        XCTAssertTrue(all.out.hasPrefix("deleted 2 runs (1, 3); kept 0"), all.out)
    }
}
