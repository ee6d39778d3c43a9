import Foundation
import TestSupport
import XCTest

/// `//gcassert:bce` and `//heapsight:bce` are checked against the bounds checks the compiler
/// kept: the oracle is the compiler's own `-d=ssa/check_bce/debug=1` text for the same module,
/// read here independently (every `Found IsInBounds` / `Found IsSliceInBounds` line). Under the
/// native engine, or with the bounds pass disabled, the directives are not evaluated, and the
/// check fails instead of passing.
final class BoundsCheckDirectiveTests: XCTestCase {
    private static let source = """
    package b

    // Sum ranges over s: the compiler proves every index in range.
    //
    //gcassert:bce
    func Sum(s []int) int {
    \tt := 0
    \tfor i := range s {
    \t\tt += s[i] //gcassert:bce
    \t}
    \treturn t
    }

    func Fifth(s []int) int {
    \t//gcassert:bce
    \treturn s[5]
    }

    func Window(s []byte) []byte {
    \treturn s[1:7] //heapsight:bce
    }

    func Hinted(s []int) int {
    \t_ = s[3]
    \treturn s[0] + s[1] + s[2] + s[3] //gcassert:bce
    }

    func third(s []int) int { return s[2] }

    func Inlined(s []int) int {
    \treturn third(s) //gcassert:bce
    }
    """

    private func module(_ cli: CLI) throws -> [String: String] {
        try cli.write("m/go.mod", "module example.com/b\n\ngo 1.27\n")
        try cli.write("m/b.go", Self.source)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        return env
    }

    /// The lines of `b.go` where the compiler reports a bounds check it kept, read from its text.
    private func compilerBoundsCheckLines(_ cli: CLI) throws -> [Int: [String]] {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-d=ssa/check_bce/debug=1", "."],
                                    cwd: URL(fileURLWithPath: cli.path("m")), environment: go.environment())
        XCTAssertEqual(r.status, 0, r.err)
        var lines: [Int: [String]] = [:]
        for line in r.err.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, parts[0].hasSuffix("b.go"), let n = Int(parts[1]),
                  parts[3].hasPrefix(" Found Is") else { continue }
            lines[n, default: []].append(String(parts[3].dropFirst(" Found ".count)))
        }
        return lines
    }

    func testBCEDirectivesFailExactlyWhereTheCompilerKeptABoundsCheck() throws {
        let cli = try CLI(self)
        let env = try module(cli)
        let kept = try compilerBoundsCheckLines(cli)
        // The oracle's verdicts on the directive lines: Fifth (16), Window (20) and the call
        // inlined into Inlined (31) keep checks; Sum and Hinted (25) do not.
        XCTAssertEqual(Set(kept.keys).intersection([9, 16, 20, 25, 31]), [16, 20, 31], "\(kept)")
        XCTAssertNotNil(kept[24], "the hint itself keeps its check, on a line without a directive: \(kept)")

        let r = try cli.run(["check", "m", "--engine", "gc"], environment: env)
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("policy: 8 checks, 3 failed"), r.out)
        XCTAssertTrue(r.out.contains("b.go:15:2: [directive.bce] the compiler kept 1 bounds check(s) in the statement on line 16 of Fifth, which carries //gcassert:bce"), r.out)
        XCTAssertTrue(r.out.contains("b.go:16:10: bounds-check IsInBounds"), r.out)
        XCTAssertTrue(r.out.contains("b.go:20:16: [directive.bce] the compiler kept 1 bounds check(s) in the statement on line 20 of Window, which carries //heapsight:bce"), r.out)
        XCTAssertTrue(r.out.contains("bounds-check IsSliceInBounds"), r.out)
        XCTAssertTrue(r.out.contains("[directive.bce] the compiler kept 1 bounds check(s) in the statement on line 31 of Inlined"), r.out)
        XCTAssertFalse(r.out.contains("of Sum"), r.out)
        XCTAssertFalse(r.out.contains("of Hinted"), r.out)
        let junit = try String(contentsOfFile: cli.path("reports/junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("<testcase name=\"Sum directive.bce\""), junit)
        XCTAssertTrue(junit.contains("<testcase name=\"Fifth directive.bce statement 1\""), junit)
        let sarif = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: cli.path("reports/heapsight.sarif")))) as? [String: Any]
        let results = (sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        XCTAssertEqual(results.compactMap { $0["ruleId"] as? String }, ["directive.bce", "directive.bce", "directive.bce"])

        // With the violated directives removed, the remaining ones hold and the check passes.
        let held = Self.source.replacingOccurrences(of: "\t//gcassert:bce\n\treturn s[5]", with: "\treturn s[5]")
            .replacingOccurrences(of: " //heapsight:bce", with: "").replacingOccurrences(of: "third(s) //gcassert:bce", with: "third(s)")
        try cli.write("m/b.go", held)
        let passed = try cli.run(["check", "m", "--engine", "gc"], environment: env)
        XCTAssertEqual(passed.status, 0, passed.out + passed.err)
        XCTAssertTrue(passed.out.contains("policy: 5 checks, 0 failed"), passed.out)
    }

    func testBCEDirectivesAreNotEvaluatedWithoutTheCompilersBoundsChecks() throws {
        let cli = try CLI(self)
        let env = try module(cli)
        let native = try cli.run(["check", "m", "--engine", "native"], environment: env)
        XCTAssertEqual(native.status, 1, native.out + native.err)
        XCTAssertTrue(native.out.contains("policy: 8 checks, 6 failed (6 could not be evaluated)"), native.out)
        XCTAssertTrue(native.out.contains("b.go:5:1: [directive.bce, not evaluated] //gcassert:bce on Sum could not be evaluated: the bounds pass did not run under engine native (the native engine does not compute it yet; use --engine gc)"), native.out)

        try cli.write("m/heapsight.yml", "engine: gc\npasses:\n  bounds:\n    enabled: false\n")
        let disabled = try cli.run(["check", "m"], environment: env)
        XCTAssertEqual(disabled.status, 1, disabled.out + disabled.err)
        XCTAssertTrue(disabled.out.contains("(6 could not be evaluated)"), disabled.out)
        XCTAssertTrue(disabled.out.contains("b.go:20:16: [directive.bce, not evaluated] //heapsight:bce on the statement on line 20 of Window could not be evaluated: the bounds pass did not run under engine gc (disabled in heapsight.yml)"), disabled.out)
    }
}
