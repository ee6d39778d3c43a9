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
}
