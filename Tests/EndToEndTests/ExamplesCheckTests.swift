import Foundation
import Reports
import TestSupport
import XCTest

/// The acceptance test: `heapsight check Examples` writes the three reports and exits 1
/// because Examples carries one deliberately violated directive, and exits 0 once that directive
/// is removed (on a temporary copy, with the native engine that Examples/heapsight.yml selects).
final class ExamplesCheckTests: XCTestCase {
    func testCheckExamplesFailsOnTheViolatedDirectiveAndPassesWithoutIt() throws {
        _ = TestSupport.goToolchain
        let cli = try CLI(self)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let copy = cli.directory.appendingPathComponent("Examples")
        try FileManager.default.copyItem(atPath: CLI.examples, toPath: copy.path)

        // Examples/heapsight.yml selects the native engine, so no flag is needed.
        let r = try cli.run(["check", "Examples"], environment: env)
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("policy: 4 checks, 1 failed"), r.out)
        XCTAssertTrue(r.out.contains("[directive.noalloc] Scratch has 1 heap allocation site(s) but carries //heapsight:noalloc"), r.out)
        for name in ["junit.xml", "heapsight.sarif", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: cli.path("reports/\(name)")), name)
        }
        let junit = try String(contentsOfFile: cli.path("reports/junit.xml"), encoding: .utf8)
        XCTAssertEqual(XMLValidation.wellFormedness(of: junit), [])
        XCTAssertTrue(junit.contains("<testcase name=\"Scratch directive.noalloc\" classname=\"heapsight.example_com/heapsight/examples\" time=\"0\" file=\"escape.go\" line=\"46\">"), junit)
        XCTAssertTrue(junit.contains("escape.go:48:2: from return make([]int, n) (return)"), "the body carries the flow: \(junit)")
        XCTAssertTrue(junit.contains("<testcase name=\"Double directive.inline\""), "the gcassert directive is checked and holds")

        let strict = try cli.run(["report", "--format", "junit-strict", "-o", "strict.xml"], environment: env)
        XCTAssertEqual(strict.status, 0, strict.err)
        let schema = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("config/junit-strict.xsd"), encoding: .utf8)
        XCTAssertEqual(XMLValidation.validate(xml: try String(contentsOfFile: cli.path("strict.xml"), encoding: .utf8), schema: schema), [])

        let sarif = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: cli.path("reports/heapsight.sarif")))) as? [String: Any]
        let results = (sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        XCTAssertEqual(results.map { $0["ruleId"] as? String }, ["directive.noalloc"])

        let file = copy.appendingPathComponent("escape.go")
        let source = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(source.contains("//heapsight:noalloc\nfunc Scratch"))
        try source.replacingOccurrences(of: "//heapsight:noalloc\nfunc Scratch", with: "func Scratch")
            .write(to: file, atomically: true, encoding: .utf8)
        let fixed = try cli.run(["check", "Examples", "--engine", "gc", "--baseline", "1"], environment: env)
        XCTAssertEqual(fixed.status, 0, fixed.out + fixed.err)
        XCTAssertTrue(fixed.out.contains("failed 0") || fixed.out.contains(" 0 failed"), fixed.out)
    }

    /// With the gc engine and no Go toolchain, no allocation analysis runs, so the deliberately
    /// violated `//heapsight:noalloc` cannot be checked: the check exits 1 and every report names
    /// it as not evaluated, rather than passing it (the example plugin's own `alloc` facts change
    /// nothing).
    func testCheckExamplesWithoutAToolchainSaysWhatItCouldNotEvaluate() throws {
        let cli = try CLI(self)
        try FileManager.default.copyItem(atPath: CLI.examples, toPath: cli.path("Examples"))
        // Examples/heapsight.yml (the example plugin) with the gc engine and a go command that
        // does not exist.
        let config = try String(contentsOfFile: cli.path("Examples/heapsight.yml"), encoding: .utf8)
        XCTAssertTrue(config.contains("\nengine: native\n"))
        try cli.write("Examples/heapsight.yml", config.replacingOccurrences(of: "\nengine: native\n", with: "\nengine: gc\n")
                      + "\ngo:\n  command: /nonexistent/go\n")
        let r = try cli.run(["check", "Examples"])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("policy: 4 checks, 2 failed (2 could not be evaluated)"), r.out)
        XCTAssertTrue(r.out.contains("escape.go:46:1: [directive.noalloc, not evaluated] //heapsight:noalloc on Scratch could not be evaluated: the allocations pass did not run under engine gc (no Go toolchain)"), r.out)
        let junit = try String(contentsOfFile: cli.path("reports/junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("<error message=\"//heapsight:noalloc on Scratch could not be evaluated: the allocations pass did not run under engine gc (no Go toolchain)"), junit)
        XCTAssertTrue(junit.contains("errors=\"2\""), junit)
        let sarif = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: cli.path("reports/heapsight.sarif")))) as? [String: Any]
        let results = (sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(results.compactMap { $0["ruleId"] as? String }), ["directive.noalloc", "directive.inline"])
        XCTAssertTrue(results.allSatisfy { ($0["properties"] as? [String: Bool]) == ["notEvaluated": true] })
        let html = try String(contentsOfFile: cli.path("reports/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("could not be evaluated: the allocations pass did not run under engine gc (no Go toolchain)"))
        // `report` re-evaluates the stored run the same way (and exits 0: it does not gate).
        let report = try cli.run(["report"])
        XCTAssertEqual(report.status, 0, report.err)
        XCTAssertTrue(report.out.contains("[directive.noalloc, not evaluated]"), report.out)
    }
}
