import FactStore
import Foundation
import TestSupport
import XCTest

/// The identity rule with the real compiler's facts: code moved down and reformatted gives an
/// empty diff; a real change shows up under its function only.
final class DiffIdentityTests: XCTestCase {
    static let original = """
        package shapes

        type Point struct{ X, Y int }

        func NewPoint(x, y int) *Point {
        \treturn &Point{X: x, Y: y}
        }

        func Sum(ps []Point) int {
        \tbuf := make([]int, 0, len(ps))
        \tfor _, p := range ps {
        \t\tbuf = append(buf, p.X+p.Y)
        \t}
        \ttotal := 0
        \tfor _, v := range buf {
        \t\ttotal += v
        \t}
        \treturn total
        }

        func Keep(n int) func() int {
        \tcount := n
        \treturn func() int { count++; return count }
        }

        """

    /// The same code after an edit above it and a reformat: a comment block, blank lines, a
    /// call split over lines, and wider spacing that moves columns.
    static let reformatted = """
        // Package shapes has points.
        //
        // It was reformatted by hand.
        package shapes

        type Point struct {
        \tX, Y int
        }


        func NewPoint(x, y int) *Point {
        \treturn   &Point{
        \t\tX: x,
        \t\tY: y,
        \t}
        }

        func Sum(ps []Point) int {
        \tbuf := make([]int,
        \t\t0,
        \t\tlen(ps))
        \tfor _, p := range ps {
        \t\tbuf = append(buf, p.X+p.Y)
        \t}
        \ttotal := 0
        \tfor _, v := range buf { total += v }
        \treturn total
        }

        func Keep(n int) func() int {
        \tcount := n
        \treturn   func() int { count++; return count }
        }

        """

    func testDiffAcrossAReformatIsEmptyAndARealChangeIsAttributed() throws {
        _ = TestSupport.goToolchain
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-identity-\(UUID().uuidString)")
        let tree = base.appendingPathComponent("shapes")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        try "module example.com/shapes\n\ngo 1.22\n".write(to: tree.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        let db = base.appendingPathComponent("h.db").path
        func scan(_ source: String) throws {
            try source.write(to: tree.appendingPathComponent("shapes.go"), atomically: true, encoding: .utf8)
            let r = try TestSupport.run(HistoryCommandTests.heapsight, ["scan", "--engine", "gc", "--quiet", "--db", db, tree.path],
                                        environment: env)
            XCTAssertEqual(r.status, 0, r.err)
        }
        try scan(Self.original)
        try scan(Self.reformatted)
        let store = try FactStore.openReadOnly(path: db)
        let before = try store.facts(run: 1), after = try store.facts(run: 2)
        // The compiler did report facts, and the reformat really moved them.
        XCTAssertGreaterThanOrEqual(before.count, 6, FactExport.tsv(before))
        XCTAssertTrue(before.contains { $0.kind == .movedToHeap && $0.subject == "count" }, FactExport.tsv(before))
        XCTAssertEqual(before.count, after.count)
        XCTAssertTrue(Set(before.map(\.line)).isDisjoint(with: Set(after.map(\.line))) || before.map(\.column) != after.map(\.column))
        XCTAssertNotEqual(FactExport.tsv(before), FactExport.tsv(after))

        let same = try TestSupport.run(HistoryCommandTests.heapsight, ["diff", "--db", db, "1", "2", "--exit-code"])
        XCTAssertEqual(same.status, 0, same.out + same.err)
        XCTAssertEqual(same.out, "run 1 → run 2: no facts appeared or disappeared\n")

        // A real change: NewPoint now also allocates a label that escapes.
        try scan(Self.reformatted.replacingOccurrences(of: "func NewPoint(x, y int) *Point {\n", with: "var sink *string\n\nfunc NewPoint(x, y int) *Point {\n\tlabel := \"p\"\n\tsink = &label\n"))
        let changed = try TestSupport.run(HistoryCommandTests.heapsight, ["diff", "--db", db, "2", "3", "--format", "tsv"])
        XCTAssertEqual(changed.status, 0, changed.err)
        let lines = changed.out.split(separator: "\n").map(String.init)
        XCTAssertFalse(lines.isEmpty)
        // Everything that changed is NewPoint's: the new escape, and its inlining cost.
        for line in lines { XCTAssertTrue(line.dropFirst(2).hasPrefix("example.com/shapes.NewPoint\t"), line) }
        XCTAssertTrue(lines.contains { $0.contains("\tmoved-to-heap\tlabel\t") }, changed.out)
    }
}
