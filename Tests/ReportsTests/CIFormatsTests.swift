import FactStore
import Foundation
import PassKit
@testable import Reports
import XCTest

/// GitLab Code Quality and the Markdown summary.
final class CIFormatsTests: XCTestCase {
    /// The fixture model with a heap profile: Total's `&it` and concat lines are heap sites,
    /// one line of Add is profiled but unknown to the passes, and one position is stale.
    static func profiledModel() -> ReportModel {
        var model = ReportFixture.model()
        let total = "\(ReportFixture.pkgA).Total"
        model.profileSites = [
            ProfileSite(file: "cart/cart.go", line: 8, symbol: total, functionID: total, inlined: false, status: .site,
                        weight: ProfileWeight(allocObjects: 4000, allocBytes: 32000)),
            ProfileSite(file: "cart/cart.go", line: 11, symbol: total, functionID: total, inlined: false, status: .site,
                        weight: ProfileWeight(allocObjects: 1000, allocBytes: 48000)),
            ProfileSite(file: "cart/cart.go", line: 14, symbol: "\(ReportFixture.pkgA).(*Cart).Add",
                        functionID: "\(ReportFixture.pkgA).(*Cart).Add", inlined: true, status: .unknown,
                        weight: ProfileWeight(allocObjects: 10, allocBytes: 1500)),
            ProfileSite(file: "/build/cart/old.go", line: 40, symbol: "\(ReportFixture.pkgA).Gone", functionID: nil,
                        inlined: false, status: .stale, weight: ProfileWeight(allocObjects: 1, allocBytes: 500)),
        ]
        model.profiles = [StoredProfile(id: 1, record: ProfileRecord(
            path: "mem.pprof", sha256: String(repeating: "e", count: 64), kind: .heap,
            sampleTypes: ["alloc_objects/count", "alloc_space/bytes", "inuse_objects/count", "inuse_space/bytes"],
            sampleCount: 90, attributedCount: 80, totalObjects: 6000, totalBytes: 100_000, totalCPUNanoseconds: 0,
            durationNanoseconds: 0, sites: []))]
        return model
    }

    func testMarkdownGolden() throws {
        try Golden.check(MarkdownRenderer().render(Self.profiledModel()), "summary.md")
    }

    /// Regressions come before other violations and hot sites; the ranking is by bytes.
    func testMarkdownOrdersRegressionsFirstThenHotSites() {
        let md = MarkdownRenderer().render(Self.profiledModel())
        let regressions = md.range(of: "### Regressions against")?.lowerBound
        let violations = md.range(of: "### Violations")?.lowerBound
        let hot = md.range(of: "### Top hot heap sites by alloc_space")?.lowerBound
        XCTAssertNotNil(regressions)
        XCTAssertNotNil(violations)
        XCTAssertNotNil(hot)
        if let regressions, let violations, let hot {
            XCTAssertLessThan(regressions, violations)
            XCTAssertLessThan(violations, hot)
        }
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| 1 |") || $0.hasPrefix("| 2 |") }
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows[0].contains("cart/cart.go:11"), "\(rows)")
        XCTAssertTrue(rows[0].contains("48.0%"), "\(rows)")
        XCTAssertTrue(rows[1].contains("cart/cart.go:8"), "\(rows)")
    }

    /// Thousands of violations still give a summary within GitHub's comment limit, which says
    /// what it left out.
    func testMarkdownStaysWithinGitHubsCommentLimit() {
        var model = Self.profiledModel()
        let many = (0..<5000).map { i in
            Violation(rule: "escape.new", package: ReportFixture.pkgA, function: "\(ReportFixture.pkgA).F\(i)",
                      subject: "x\(i)", file: "cart/cart.go", line: i + 1, column: 2,
                      message: "new heap escape in F\(i): \(String(repeating: "long message ", count: 4))")
        }
        model.evaluation = PolicyEvaluation(checks: [PolicyCheck(package: ReportFixture.pkgA, function: nil, rule: "escape.new",
                                                                 name: "many escape.new", violations: many)])
        let md = MarkdownRenderer().render(model)
        XCTAssertLessThanOrEqual(md.count, MarkdownRenderer.gitHubCommentLimit)
        XCTAssertTrue(md.contains("more lines left out to stay within 65536 characters"), String(md.suffix(300)))
    }

    /// Every issue has the fields GitLab documents, with the documented types and values;
    /// fingerprints are unique and do not change when the code moves.
    func testCodeQualityHasGitLabsRequiredFieldsAndStableFingerprints() throws {
        let model = Self.profiledModel()
        let issues = try decode(CodeQualityRenderer().render(model))
        XCTAssertEqual(issues.count, model.evaluation?.violations.count)
        XCTAssertFalse(issues.isEmpty)
        let severities: Set<String> = ["info", "minor", "major", "critical", "blocker"]
        for issue in issues {
            XCTAssertEqual(issue["type"] as? String, "issue")
            XCTAssertFalse((issue["description"] as? String ?? "").isEmpty, "\(issue)")
            XCTAssertNotNil(RuleCatalog.rule(id: issue["check_name"] as? String ?? ""), "\(issue)")
            XCTAssertFalse((issue["fingerprint"] as? String ?? "").isEmpty)
            XCTAssertTrue(severities.contains(issue["severity"] as? String ?? ""), "\(issue)")
            let location = issue["location"] as? [String: Any]
            let path = location?["path"] as? String ?? ""
            XCTAssertFalse(path.isEmpty || path.hasPrefix("/") || path.hasPrefix("./"), "repo-relative path: \(path)")
            let begin = (location?["lines"] as? [String: Any])?["begin"] as? Int ?? 0
            XCTAssertGreaterThanOrEqual(begin, 1)
        }
        let fingerprints = issues.map { $0["fingerprint"] as? String ?? "" }
        XCTAssertEqual(Set(fingerprints).count, fingerprints.count, "fingerprints are unique")

        var moved = model
        moved.evaluation = PolicyEvaluation(checks: (model.evaluation?.checks ?? []).map { c in
            var c = c
            c.violations = c.violations.map { v in var v = v; v.line += 7; return v }
            return c
        })
        let movedIssues = try decode(CodeQualityRenderer().render(moved))
        XCTAssertEqual(movedIssues.map { $0["fingerprint"] as? String ?? "" }, fingerprints)
        XCTAssertNotEqual(movedIssues.map { ($0["location"] as? [String: Any])?["lines"] as? [String: Int] },
                          issues.map { ($0["location"] as? [String: Any])?["lines"] as? [String: Int] })
    }

    /// Two violations with the same rule, function and subject still get different fingerprints.
    func testCodeQualityFingerprintsOfTwinViolationsDiffer() throws {
        var model = ReportFixture.model()
        let v = Violation(rule: "escape.new", package: ReportFixture.pkgA, function: "\(ReportFixture.pkgA).Total",
                          subject: "it", file: "cart/cart.go", line: 7, column: 9, message: "m")
        var w = v
        w.line = 9
        model.evaluation = PolicyEvaluation(checks: [PolicyCheck(package: ReportFixture.pkgA, function: nil, rule: "escape.new",
                                                                 name: "twins", violations: [v, w])])
        let fps = try decode(CodeQualityRenderer().render(model)).map { $0["fingerprint"] as? String ?? "" }
        XCTAssertEqual(fps.count, 2)
        XCTAssertNotEqual(fps[0], fps[1])
    }

    func decode(_ text: String) throws -> [[String: Any]] {
        let any = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(any as? [[String: Any]], "a JSON array of objects")
    }

    /// The remedy table covers every allocation kind the allocations pass emits.
    func testEveryAllocationKindHasASpecificRemedy() {
        let kinds = ["new", "composite", "var", "make-slice", "make-map", "make-chan", "closure", "method-value", "iface-conv",
                     "concat", "bytes-string", "string-bytes", "string-runes", "runes-string", "rune-string", "append-grow",
                     "map-grow", "go", "defer"]
        for k in kinds { XCTAssertNotEqual(Remedy.forAllocationKind(k), Remedy.escape, k) }
        XCTAssertEqual(Set(Remedy.all.map(\.id)).count, Remedy.all.count)
    }

    /// The HTML and text reports rank profiled positions heaviest first, with unknown and stale
    /// positions kept and marked.
    func testHTMLAndTextRankHotSites() throws {
        let model = Self.profiledModel()
        let html = HTMLRenderer().render(model)
        let table = try XCTUnwrap(html.range(of: "id=\"hot-table\"")).upperBound
        let rows = html[table...]
        let eleven = try XCTUnwrap(rows.range(of: "cart/cart.go:11</code>")).lowerBound
        let eight = try XCTUnwrap(rows.range(of: "cart/cart.go:8</code>")).lowerBound
        let fourteen = try XCTUnwrap(rows.range(of: "cart/cart.go:14</code>")).lowerBound
        XCTAssertLessThan(eleven, eight)
        XCTAssertLessThan(eight, fourteen)
        XCTAssertTrue(rows.contains("data-status=\"unknown\""))
        XCTAssertTrue(rows.contains("data-status=\"stale\""))
        XCTAssertTrue(rows.contains("/build/cart/old.go:40"))

        let text = TextRenderer().render(model)
        XCTAssertTrue(text.contains("hot heap sites by alloc_space:\n  46.9 KiB\t48.0%\tcart/cart.go:11\texample.com/shop/cart.Total\tconcat,escapes"), text)
        XCTAssertTrue(text.contains("profiled positions no pass reports as a heap site: 1"), text)
        XCTAssertTrue(text.contains("stale profile positions (not in the scanned source): 1"), text)
        XCTAssertFalse(TextRenderer().render(ReportFixture.model()).contains("profiles:"), "no profile section without profiles")
    }
}
