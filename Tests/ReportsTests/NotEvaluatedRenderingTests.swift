import Foundation
import PassKit
import TestSupport
import XCTest
@testable import Reports

/// A rule that could not be evaluated is an error in every format: a JUnit `error` counted in
/// `errors` (not a passing case), a SARIF error result marked `notEvaluated`, and named as such in
/// the HTML and text reports.
final class NotEvaluatedRenderingTests: XCTestCase {
    let schema = try! String(contentsOf: TestSupport.repoRoot.appendingPathComponent("config/junit-strict.xsd"), encoding: .utf8)

    static func model() -> ReportModel {
        var model = ReportFixture.model()
        let pkg = ReportFixture.pkgB
        let v = Violation(rule: "alloc.budget", package: pkg, function: nil, subject: "\(pkg) alloc.budget", file: "", line: 0,
                          column: 0,
                          message: "the alloc.budget budget of \(pkg) (policy.budgets[0]) could not be evaluated: the allocations pass did not run under engine native",
                          details: ["rule alloc.budget needs facts that were not computed, so it is an error rather than a pass"],
                          notEvaluated: true)
        var checks = ReportFixture.violations()
        let i = checks.firstIndex { $0.package == pkg && $0.rule == "alloc.budget" }!
        checks[i].violations = [v]
        model.evaluation = PolicyEvaluation(checks: checks)
        return model
    }

    func testJUnitReportsAnError() throws {
        let xml = JUnitRenderer(flavour: .strict).render(Self.model())
        XCTAssertEqual(XMLValidation.validate(xml: xml, schema: schema), [])
        let doc = try XCTUnwrap(ParsedDocument(xml: xml))
        XCTAssertEqual(doc.strings("/testsuites/@errors"), ["1"])
        XCTAssertEqual(doc.strings("/testsuites/@failures"), ["2"])
        XCTAssertEqual(doc.strings("/testsuites/testsuite[2]/@errors"), ["1"])
        XCTAssertEqual(doc.strings("//testcase[error]/@name"), ["package alloc.budget"])
        XCTAssertEqual(doc.strings("//error/@type"), ["alloc.budget"])
        XCTAssertTrue(doc.strings("//error/@message").first?.contains("could not be evaluated: the allocations pass did not run under engine native") ?? false)
    }

    func testSARIFReportsAnErrorResultMarkedNotEvaluated() throws {
        let json = SARIFRenderer().render(Self.model())
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let results = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let marked = results.filter { ($0["properties"] as? [String: Bool])?["notEvaluated"] == true }
        XCTAssertEqual(marked.count, 1)
        XCTAssertEqual(marked.first?["level"] as? String, "error")
        XCTAssertEqual(marked.first?["ruleId"] as? String, "alloc.budget")
        XCTAssertTrue(((marked.first?["message"] as? [String: Any])?["text"] as? String)?.contains("could not be evaluated") ?? false)
    }

    /// Valid SARIF 2.1.0: against the subset schema the suite ships, and against the full OASIS
    /// schema when the shared folder beside the repository has it.
    func testSARIFWithANotEvaluatedResultIsValid() throws {
        let py = TestSupport.which("python3") ?? "/usr/bin/python3"
        try XCTSkipIf(try TestSupport.run(py, ["-c", "import jsonschema"]).status != 0, "python3 jsonschema is not installed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sarif = dir.appendingPathComponent("r.sarif")
        try Data(SARIFRenderer().render(Self.model()).utf8).write(to: sarif)
        let script = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('ok')"
        var schemas = [TestSupport.repoRoot.appendingPathComponent("Tests/ReportsTests/Fixtures/sarif-2.1.0-subset.schema.json").path]
        let full = TestSupport.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
        if FileManager.default.fileExists(atPath: full) { schemas.append(full) }
        for schema in schemas {
            let r = try TestSupport.run(py, ["-c", script, sarif.path, schema])
            XCTAssertEqual(r.status, 0, "\(schema): \(r.err)")
        }
    }

    func testTextAndHTMLNameIt() {
        let text = TextRenderer().render(Self.model())
        XCTAssertTrue(text.contains("policy: 4 checks, 3 failed (1 could not be evaluated)"), text)
        XCTAssertTrue(text.contains("[alloc.budget, not evaluated] the alloc.budget budget of"), text)
        let html = HTMLRenderer().render(Self.model())
        XCTAssertTrue(html.contains("3 of 4 checks fail (1 could not be evaluated: the facts they need were not computed)."))
        XCTAssertTrue(html.contains("class=\"not-evaluated\""))
    }
}
