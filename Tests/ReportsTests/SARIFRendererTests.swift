import Foundation
import PassKit
import TestSupport
import XCTest
@testable import Reports

final class SARIFRendererTests: XCTestCase {
    func json(_ model: ReportModel) throws -> [String: Any] {
        let text = SARIFRenderer().render(model)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testRequiredStructureOfSARIF210() throws {
        let log = try json(ReportFixture.model())
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "heapsight")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, RuleCatalog.all.map(\.id))
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            XCTAssertNotNil((rule["fullDescription"] as? [String: Any])?["text"] as? String)
        }
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2, "violations only: passing checks and plain facts are not results")
        for r in results {
            let id = try XCTUnwrap(r["ruleId"] as? String)
            let index = try XCTUnwrap(r["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, id)
            XCTAssertNotNil((r["message"] as? [String: Any])?["text"] as? String)
            let loc = try XCTUnwrap((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try XCTUnwrap((loc["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertFalse(uri.hasPrefix("/"), "URIs are relative to the source root")
            let region = try XCTUnwrap(loc["region"] as? [String: Any])
            XCTAssertGreaterThanOrEqual(region["startLine"] as? Int ?? 0, 1)
            XCTAssertGreaterThanOrEqual(region["startColumn"] as? Int ?? 0, 1)
            XCTAssertEqual((r["partialFingerprints"] as? [String: String])?[SARIFRenderer.fingerprintKey]?.count, 16)
        }
        let escape = try XCTUnwrap(results.first { $0["ruleId"] as? String == "escape.new" })
        let flow = try XCTUnwrap(((escape["codeFlows"] as? [[String: Any]])?.first?["threadFlows"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])
        XCTAssertEqual(flow.count, 1)
        let step = try XCTUnwrap((flow[0]["location"] as? [String: Any])?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((step["region"] as? [String: Any])?["startLine"] as? Int, 8)
        XCTAssertEqual((step["region"] as? [String: Any])?["startColumn"] as? Int, 8)
    }

    func testFingerprintIgnoresLinesAndSeparatesSubjects() {
        var a = Violation(rule: "escape.new", package: "p", function: "p.F", subject: "x", file: "a.go", line: 3, column: 2, message: "m")
        var b = a
        b.line = 40
        b.message = "other words"
        XCTAssertEqual(SARIFRenderer.fingerprint(a), SARIFRenderer.fingerprint(b))
        b.subject = "y"
        XCTAssertNotEqual(SARIFRenderer.fingerprint(a), SARIFRenderer.fingerprint(b))
        a.subject = "xp"; b.subject = "x"; b.function = "p.Fp"  // field boundaries matter
        XCTAssertNotEqual(SARIFRenderer.fingerprint(a), SARIFRenderer.fingerprint(b))
    }

    func testValidatesAgainstSchemaWithJSONSchema() throws {
        let py = TestSupport.which("python3") ?? "/usr/bin/python3"
        let probe = try TestSupport.run(py, ["-c", "import jsonschema"])
        try XCTSkipIf(probe.status != 0, "python3 jsonschema is not installed (pip install jsonschema)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sarif = dir.appendingPathComponent("r.sarif")
        try Data(SARIFRenderer().render(ReportFixture.model()).utf8).write(to: sarif)
        let schema = TestSupport.repoRoot.appendingPathComponent("Tests/ReportsTests/Fixtures/sarif-2.1.0-subset.schema.json").path
        let script = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('ok')"
        let r = try TestSupport.run(py, ["-c", script, sarif.path, schema])
        XCTAssertEqual(r.status, 0, r.err)
        // The schema itself must reject a broken log, or the check proves nothing.
        try Data(#"{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"message":{"text":"x"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}"#.utf8).write(to: sarif)
        XCTAssertNotEqual(try TestSupport.run(py, ["-c", script, sarif.path, schema]).status, 0)
    }

    func testGolden() throws {
        try Golden.check(SARIFRenderer().render(ReportFixture.model()), "heapsight.sarif")
    }
}
