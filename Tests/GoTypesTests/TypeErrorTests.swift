import Foundation
import XCTest
import GoTypes
import TestSupport

/// Type errors in user code: every error go/types reports is reported at the same position,
/// and checking continues past each one.
final class TypeErrorTests: XCTestCase {
    static let source = """
    package fix

    import "strings"

    var a int = "x"

    const c uint8 = 256

    func f() string {
    \tvar s []int
    \ts = append(s, "y")
    \t_ = s
    \treturn strings.ToUpper(1)
    }

    func g() int {
    \tundefinedName()
    \tvar p *int
    \treturn p + 1
    }

    type T struct{ x int }

    func h(t T) string { return t.y }

    func k(a any) {
    \tx := 1
    \tvar y int
    \ty = 2
    \tswitch v := a.(type) {
    \tcase int:
    \t}
    \tfor i := range 3 {
    \t}
    }

    """

    func testErrorPositionsMatchGoTypes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-typeerrors-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "module example.com/fix\n\ngo 1.27\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try TypeErrorTests.source.write(to: dir.appendingPathComponent("fix.go"), atomically: true, encoding: .utf8)

        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("typesdump")
        let r = try TestSupport.run(oracle, [dir.path], environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        let want = Set(r.out.split(separator: "\n").filter { $0.hasPrefix("error ") }.compactMap { line -> String? in
            // "error fix.go:5:13: msg" -> "fix.go:5:13"
            line.dropFirst(6).split(separator: ":").prefix(3).joined(separator: ":")
        })
        XCTAssertGreaterThanOrEqual(want.count, 6, r.out)

        let outcome = try TypecheckRun.run(.init(paths: [dir.path], goroot: go.goroot))
        let got = Set(outcome.errors.map { line -> String in
            let parts = line.split(separator: ":")
            return ((String(parts[0]) as NSString).lastPathComponent) + ":" + parts[1] + ":" + parts[2]
        })
        XCTAssertEqual(got, want, "heapsight: \(outcome.errors)\ngo/types: \(r.out)")
        XCTAssertEqual(outcome.packages, 1)
        XCTAssertTrue(outcome.summary.hasPrefix("packages=1 errors=\(outcome.errors.count) seconds="))
    }
}
