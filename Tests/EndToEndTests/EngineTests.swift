import Foundation
import TestSupport
import XCTest

/// `--engine gc` through the whole spine: the driver runs the compiler once, the passes turn
/// its decisions into facts, attributed to the functions pass's records.
final class EngineTests: XCTestCase {
    func testGCEngineOnTheExamples() throws {
        _ = TestSupport.goToolchain   // installs Go when missing, as the differential tests do
        let cli = try CLI(self)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let r = try cli.run(["scan", CLI.examples, "--engine", "gc"], environment: env)
        XCTAssertEqual(r.status, 0, r.err)
        let tsv = try cli.run(["export"]).out
        // What `go build -gcflags=-m=2` says about the example (see Examples/escape.go, loops.go).
        for line in ["escape.go\t9\t6\tmoved-to-heap\tx\t",
                     "escape.go\t23\t13\tescapes\tmake([]byte, n)\t",
                     "escape.go\t28\t13\tno-escape\tmake([]byte, 64)\t",
                     "closures.go\t5\t2\tmoved-to-heap\tn\t",
                     "loops.go\t23\t6\tcannot-inline\tOverBudget\tfunction too complex: cost 91 exceeds budget 80"] {
            XCTAssertTrue(tsv.contains(line + "\n"), "missing \(line)\n\(tsv)")
        }
        let attributed = try cli.run(["query", "select function_id from facts where kind = 'moved-to-heap' and file = 'escape.go'"])
        XCTAssertEqual(attributed.out, "example.com/heapsight/examples.Foo\n")
        let run = try cli.run(["query", "select engine, go_version is not null from runs"])
        XCTAssertEqual(run.out, "gc\t1\n")
    }

    /// `heapsight scan Examples` as Examples/heapsight.yml configures it (the native engine),
    /// with no `go` command on PATH, so no compiler can run: only GOROOT's sources are read.
    /// Its escape facts, explanations included, equal what the compiler says through the gc
    /// engine on the same module.
    func testNativeEngineScansTheExamplesWithoutTheCompiler() throws {
        let go = TestSupport.goToolchain
        let cli = try CLI(self)
        var withGo = ProcessInfo.processInfo.environment
        withGo["PATH"] = (go.go as NSString).deletingLastPathComponent + ":" + (withGo["PATH"] ?? "/usr/bin:/bin")
        let gc = try cli.run(["scan", CLI.examples, "--engine", "gc", "--db", "gc.db", "--quiet"], environment: withGo)
        XCTAssertEqual(gc.status, 0, gc.err)

        var noGo = ProcessInfo.processInfo.environment
        let path = (noGo["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .filter { !FileManager.default.isExecutableFile(atPath: "\($0)/go") }.joined(separator: ":")
        noGo["PATH"] = path
        noGo["GOROOT"] = go.goroot
        // A build cache of its own that any go command would write to.
        let cache = cli.directory.appendingPathComponent("gocache")
        noGo["GOCACHE"] = cache.path
        let native = try cli.run(["scan", CLI.examples, "--db", "native.db", "--quiet"], environment: noGo)
        XCTAssertEqual(native.status, 0, native.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "a go command ran during the native scan")
        // Every pass ran but the bounds pass, which only the compiler can answer (its rule is
        // "could not be evaluated" under native when a //gcassert:bce asks for it).
        XCTAssertEqual(try cli.run(["query", "--db", "native.db", "select engine, skipped from runs"]).out,
                       "native\t[\"bounds: the native engine does not compute it yet; use --engine gc\"]\n")

        let sql = """
            select file, line, col, kind, subject, detail, explanation from facts
            where kind in ('moved-to-heap', 'escapes', 'no-escape', 'leak-param', 'leak-param-content', 'leak-result')
            order by file, line, col, kind, subject
            """
        let expected = try cli.run(["query", "--db", "gc.db", sql])
        let actual = try cli.run(["query", "--db", "native.db", sql])
        XCTAssertEqual(expected.status, 0, expected.err)
        XCTAssertEqual(actual.status, 0, actual.err)
        XCTAssertTrue(expected.out.contains("escape.go\t9\t6\tmoved-to-heap\tx\t"), expected.out)
        XCTAssertTrue(expected.out.contains("flow: ~r0 ← &x:"), expected.out)
        XCTAssertEqual(actual.out, expected.out, "the native engine's escape facts and flows differ from the compiler's")
    }

    /// Where several analyses print at one position (each shape instance of a generic body, a
    /// method and its wrappers, a parameter leaking to two results), each verdict carries the
    /// explanation of the analysis that printed it, as the compiler's text orders them, and the
    /// native engine attaches its own the same way. Before, every verdict at a position got
    /// every block printed there: N instances of one generic body stored N verdicts of N blocks.
    func testEachVerdictCarriesTheExplanationOfItsOwnAnalysis() throws {
        let go = TestSupport.goToolchain
        let cli = try CLI(self)
        let module = cli.directory.appendingPathComponent("segments")
        try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
        try "module example.com/segments\n\ngo 1.27\n".write(to: module.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try Self.segmentsSource.write(to: module.appendingPathComponent("seg.go"), atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (go.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let gc = try cli.run(["scan", module.path, "--engine", "gc", "--db", "gc.db", "--quiet"], environment: env)
        XCTAssertEqual(gc.status, 0, gc.err)
        let native = try cli.run(["scan", module.path, "--engine", "native", "--db", "native.db", "--quiet"], environment: env)
        XCTAssertEqual(native.status, 0, native.err)

        let sql = """
            select line, col, kind, subject, detail, explanation from facts
            where kind in ('moved-to-heap', 'escapes', 'leak-param', 'leak-param-content', 'leak-result')
            order by line, col, kind, subject, detail, explanation
            """
        let expected = try cli.run(["query", "--db", "gc.db", sql])
        XCTAssertEqual(expected.status, 0, expected.err)
        let rows = expected.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        func explanation(_ row: [String]) throws -> [String] {
            try JSONDecoder().decode([String].self, from: Data(row[5].utf8))
        }
        func headers(_ row: [String]) throws -> [String] {
            try explanation(row).filter { !$0.hasPrefix(" ") }
        }

        // The compiler's verdicts on Pair's map literal in its three instance wrappers: one
        // block each, naming that instance.
        let pair = rows.filter { $0[0] == "8" && $0[1] == "6" && $0[2] == "escapes" }
        XCTAssertEqual(pair.count, 3, expected.out)
        XCTAssertEqual(try Set(pair.map { try headers($0) }), Set(["T0", "T1", "T2"].map {
            ["map[go.shape.struct { example.com/segments.a int }]go.shape.*uint8{...} escapes to heap in "
                + "Pair[example.com/segments.\($0),*example.com/segments.\($0)]:"]
        }), expected.out)
        // The method's leak, without the blocks its wrappers print at the same parameter.
        let keep = try XCTUnwrap(rows.first { $0[0] == "27" && $0[2] == "leak-result" }, expected.out)
        XCTAssertEqual(try headers(keep), ["parameter p leaks to ~r0 for V.Keep with derefs=0:"])
        // Two leaks of one parameter printed together share their blocks.
        let cut = rows.filter { $0[0] == "34" && $0[2] == "leak-result" }
        XCTAssertEqual(cut.count, 2, expected.out)
        for row in cut {
            XCTAssertEqual(try headers(row), ["parameter s leaks to after for Cut with derefs=0:",
                                              "parameter s leaks to before for Cut with derefs=0:"])
        }

        let actual = try cli.run(["query", "--db", "native.db", sql])
        XCTAssertEqual(actual.status, 0, actual.err)
        XCTAssertEqual(actual.out, expected.out, "the native engine's explanations differ from the compiler's")
    }

    private static let segmentsSource = """
        package segments

        type T0 struct{ a int }
        type T1 struct{ a int }
        type T2 struct{ a int }

        // Pair is analysed once per shape instance; its verdicts repeat at one position.
        func Pair[K comparable, V any](k K, v V) map[K]V { return map[K]V{k: v} }

        func U0() int { t := T0{a: 1}; m := Pair(t, &t); return len(m) + t.a }
        func U1() int { t := T1{a: 2}; m := Pair(t, &t); return len(m) + t.a }
        func U2() int { t := T2{a: 3}; m := Pair(t, &t); return len(m) + t.a }

        type Box struct{ p *int }

        var sink *Box

        // NewBox is inlined into each caller, where its literal is analysed again.
        func NewBox(p *int) *Box { return &Box{p: p} }

        func UseA() { x := 1; sink = NewBox(&x) }
        func UseB() { y := 2; sink = NewBox(&y) }

        type V struct{ s []int }

        // Keep's parameter leaks; the wrappers of W's promoted method explain their own leaks.
        func (v V) Keep(p *int) *int { return p }

        type W struct{ V }

        var Keeper interface{ Keep(*int) *int } = &W{}

        // Cut's parameter leaks to both results: two verdicts, one explanation.
        func Cut(s string) (before, after string) { return s[:1], s[1:] }

        """
}
