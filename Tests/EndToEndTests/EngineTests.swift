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
}

