import Foundation
import Reports
import TestSupport
import XCTest

/// `heapsight check` and `heapsight report` run as a user would: the binary in a scratch folder.
final class CheckCommandTests: XCTestCase {
    let module = "module example.com/chk\n\ngo 1.22\n"
    let source = """
    package chk

    // Add adds.
    //heapsight:noaloc
    func Add(a, b int) int { return a + b }

    // Name returns a name.
    func Name(s string) string {
    \treturn "<script>" + s + "&amp;"
    }

    """
    let schema = try! String(contentsOf: TestSupport.repoRoot.appendingPathComponent("config/junit-strict.xsd"), encoding: .utf8)

    func testInvalidDirectiveFailsTheCheckAndReportsAreWritten() throws {
        let cli = try CLI(self)
        try cli.write("tree/go.mod", module)
        try cli.write("tree/chk.go", source)
        let r = try cli.run(["check", "tree", "--db", "h.db"])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("[directive.invalid]"), r.out)
        XCTAssertTrue(r.out.contains("did you mean `//heapsight:noalloc`"), r.out)
        let junit = try String(contentsOf: cli.directory.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
        XCTAssertEqual(XMLValidation.wellFormedness(of: junit), [])
        XCTAssertTrue(junit.contains("type=\"directive.invalid\""), junit)
        XCTAssertTrue(junit.contains("file=\"chk.go\" line=\"4\""), "extended flavour by default: \(junit)")
        let sarif = try Data(contentsOf: cli.directory.appendingPathComponent("reports/heapsight.sarif"))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["ruleId"] as? String }, ["directive.invalid"])
        let html = try String(contentsOf: cli.directory.appendingPathComponent("reports/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("&lt;script&gt;"), "Go source is escaped in the annotated source")
        XCTAssertFalse(html.contains("\"<script>\""))

        // Fixing the directive makes the check pass; the store keeps both runs.
        try cli.write("tree/chk.go", source.replacingOccurrences(of: "//heapsight:noaloc\n", with: ""))
        let fixed = try cli.run(["check", "tree", "--db", "h.db", "--quiet"])
        XCTAssertEqual(fixed.status, 0, fixed.out + fixed.err)

        // Any stored run renders in every format; strict JUnit validates against the shipped XSD.
        let strict = try cli.run(["report", "--db", "h.db", "--run", "1", "--format", "junit-strict", "-o", "out/strict.xml"])
        XCTAssertEqual(strict.status, 0, strict.err)
        let strictXML = try String(contentsOf: cli.directory.appendingPathComponent("out/strict.xml"), encoding: .utf8)
        XCTAssertEqual(XMLValidation.validate(xml: strictXML, schema: schema), [])
        XCTAssertTrue(strictXML.contains("failures=\"1\""), "run 1 is checked against its recorded directives although the source changed since: \(strictXML)")
        XCTAssertTrue(strictXML.contains("type=\"directive.invalid\""), strictXML)
        let old = try cli.run(["report", "--db", "h.db", "--run", "1", "--format", "text"])
        XCTAssertTrue(old.out.contains("did you mean `//heapsight:noalloc`"), old.out)
        XCTAssertFalse(old.out.contains("directives not checked"), old.out)
        // Same stored run, same bytes.
        for format in ["html", "sarif", "junit"] {
            let a = try cli.run(["report", "--db", "h.db", "--run", "2", "--format", format, "--baseline", "1"])
            let b = try cli.run(["report", "--db", "h.db", "--run", "2", "--format", format, "--baseline", "1"])
            XCTAssertEqual(a.status, 0, a.err)
            XCTAssertEqual(a.stdout, b.stdout, format)
        }
        let text = try cli.run(["report", "--db", "h.db", "--format", "text", "--baseline", "1"])
        XCTAssertEqual(text.status, 0, text.err)
        XCTAssertTrue(text.out.contains("heapsight run #2"), text.out)
        XCTAssertTrue(text.out.contains("against baseline #1"), text.out)
    }

    func testBadArgumentsAreUsageErrors() throws {
        let cli = try CLI(self)
        let r = try cli.run(["report", "--format", "pdf"])
        XCTAssertEqual(r.status, 2, r.err)
        let missing = try cli.run(["report", "--db", "none.db"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no heapsight database at none.db; run `heapsight scan` first, or pass --db FILE"), missing.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("none.db")), "report never creates a database")
        try cli.write("tree/go.mod", module)
        try cli.write("tree/chk.go", "package chk\n")
        try cli.write("tree/heapsight.yml", "policy:\n  budgets:\n    - max-heap-site: 1\n")
        let bad = try cli.run(["check", "tree", "--db", "h.db"])
        XCTAssertEqual(bad.status, 2, bad.out + bad.err)
        XCTAssertTrue(bad.err.contains("policy.budgets[0].max-heap-site"), bad.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("h.db").path),
                       "a bad policy is reported before anything is scanned")
    }

    func testPackageThatFailsToCompileFailsTheCheckLoudly() throws {
        _ = TestSupport.goToolchain
        let cli = try CLI(self)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        try cli.write("m/go.mod", "module example.com/bad\n\ngo 1.22\n")
        try cli.write("m/a/a.go", "package a\n\n//heapsight:noalloc\nfunc A() int { return undefinedThing }\n")
        try cli.write("m/b/b.go", "package b\n\nfunc B() *int { x := 1; return &x }\n")
        let r = try cli.run(["check", "m", "--engine", "gc"], environment: env)
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("a/a.go:4:23: [package.failed] package example.com/bad/a could not be analysed"), r.out)
        XCTAssertTrue(r.out.contains("undefined: undefinedThing"), r.out)
        let junit = try String(contentsOfFile: cli.path("reports/junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("<testcase name=\"package package.failed\" classname=\"heapsight.example_com/bad/b\" time=\"0\"/>"), junit)
    }
}
