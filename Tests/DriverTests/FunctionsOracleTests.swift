import FactStore
import Foundation
import PassKit
import TestSupport
import XCTest
@testable import Driver

/// The `functions` pass against the compiler: every function the compiler names in its
/// inlining verdicts (`-m=2`) must be a record with the same id and reference position, and
/// every record must be a function the compiler names.
final class FunctionsOracleTests: XCTestCase {
    /// `path:line:col: can inline NAME ...` / `cannot inline NAME: ...`, names normalised: an
    /// instantiation (`Map[int,string]`, `List[go.shape.int]`) becomes the generic body's `[...]`.
    func compilerFunctions(module: URL) throws -> Set<String> {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-gcflags=-m=2", "-o", "/dev/null", "."], cwd: module,
                                    environment: go.environment())
        XCTAssertEqual(r.status, 0, r.err)
        var out: Set<String> = []
        let pattern = try NSRegularExpression(pattern: #"^\./([^:]+):(\d+):(\d+): (?:can|cannot) inline ([^ :]+)"#)
        for line in r.err.split(separator: "\n").map(String.init) {
            guard let m = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            func g(_ i: Int) -> String { String(line[Range(m.range(at: i), in: line)!]) }
            var name = g(4)
            // Wrappers the compiler synthesises are not source functions.
            if name.contains(".deferwrap") || name.contains(".gowrap") { continue }
            name = name.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "[...]", options: .regularExpression)
            out.insert("\(g(1)):\(g(2)):\(g(3)) \(name)")
        }
        return out
    }

    func testFunctionIdsAndPositionsMatchTheCompiler() throws {
        let module = TestSupport.repoRoot.appendingPathComponent("Tests/DriverTests/Fixtures/functions")
        let expected = try compilerFunctions(module: module)
        XCTAssertGreaterThan(expected.count, 25)
        let fx = try ScanFixture([:])
        var request = fx.request()
        request.paths = [module.path]
        let outcome = try runScan(request)
        let records = try fx.store().functions(run: outcome.runID)
        let prefix = "example.com/functions."
        let actual = Set(records.map { "\($0.file):\($0.line):\($0.column) \($0.id.dropFirst(prefix.count))" })
        XCTAssertEqual(expected.subtracting(actual).sorted(), [], "named by the compiler, missing or different here")
        XCTAssertEqual(actual.subtracting(expected).sorted(), [], "recorded here, not named by the compiler")
    }

    func testRecordDetails() throws {
        let module = TestSupport.repoRoot.appendingPathComponent("Tests/DriverTests/Fixtures/functions")
        let fx = try ScanFixture([:])
        var request = fx.request()
        request.paths = [module.path]
        let runID = try runScan(request).runID
        let records = try fx.store().functions(run: runID)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        let total = try XCTUnwrap(byID["example.com/functions.Total"])
        XCTAssertEqual(total.directives, ["//go:noinline"])
        XCTAssertEqual(total.startLine, 21 + 1)
        XCTAssertEqual(total.endLine, 32)
        XCTAssertEqual(total.endColumn, 1)
        XCTAssertEqual(total.lineCount, 11)
        // defer, for-range, +=, return (the literal's if and assignment count for the literal).
        XCTAssertEqual(total.statementCount, 4)
        let literal = try XCTUnwrap(byID["example.com/functions.Total.func1"])
        XCTAssertTrue(literal.isLiteral)
        XCTAssertEqual(literal.parent, total.id)
        XCTAssertEqual(literal.statementCount, 2)
        let scale = try XCTUnwrap(byID["example.com/functions.(*Rect).Scale"])
        XCTAssertEqual(scale.receiver, "*(Rect)")
        XCTAssertEqual(scale.statementCount, 2)
        XCTAssertEqual(byID["example.com/functions.Rect.Area"]?.receiver, "Rect")
        XCTAssertEqual(byID["example.com/functions.(*List[...]).Push"]?.receiver, "*List[T]")
        // switch; return, goto, x++ in its cases; select; labeled statement, for, if, /=,
        // continue, break; labeled statement, return.
        let sw = try XCTUnwrap(byID["example.com/functions.Switch"])
        XCTAssertEqual(sw.statementCount, 13)
        XCTAssertEqual(byID["example.com/functions.Sorted.func2.1"]?.parent, "example.com/functions.Sorted.func2")
    }
}
