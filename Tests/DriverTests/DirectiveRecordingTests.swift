import FactStore
import PassKit
import XCTest
@testable import Driver

/// The scan reads directives once, from the trees its passes used, placed on the function
/// records the functions pass found, and records them with the run.
final class DirectiveRecordingTests: XCTestCase {
    func testTheScanRecordsPlacedAndInvalidDirectives() throws {
        let fx = try ScanFixture([
            "go.mod": "module example.com/d\n\ngo 1.27\n",
            "d.go": """
            package d

            //heapsight:noalloc
            func F() {
            \t//heapsight:noescape
            \tgo func() { println() }()
            }

            //heapsight:noaloc
            func G() {} //gcassert:bce
            """,
        ])
        let outcome = try runScan(fx.request())
        let found = try XCTUnwrap(try fx.store().directives(run: outcome.runID))
        XCTAssertEqual(found.directives.map { "\($0.line):\($0.column) \($0.text) \($0.target)" }, [
            "3:1 //heapsight:noalloc function(\"example.com/d.F\")",
            "5:2 //heapsight:noescape statement(function: \"example.com/d.F\", line: 6)",
            "10:13 //gcassert:bce function(\"example.com/d.G\")",
        ], "the statement that starts the closure belongs to F, not to F.func1")
        XCTAssertEqual(found.problems.map { "\($0.line):\($0.column) \($0.text)" }, ["9:1 //heapsight:noaloc"])
        XCTAssertEqual(found.notes, [])
    }
}
