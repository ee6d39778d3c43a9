import Foundation
import PassKit
import XCTest
@testable import Reports

final class HTMLRendererTests: XCTestCase {
    func parsed(_ model: ReportModel = ReportFixture.model()) throws -> (String, ParsedDocument) {
        let html = HTMLRenderer().render(model)
        return (html, try XCTUnwrap(ParsedDocument(html: html)))
    }

    func testSectionsAndCharts() throws {
        let (html, doc) = try parsed()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), String(html.prefix(40)))
        for id in ["overview", "policy", "packages", "functions", "diff", "source"] {
            XCTAssertEqual(doc.count("//section[@id='\(id)']"), 1, id)
        }
        XCTAssertGreaterThanOrEqual(doc.count("//section[@id='overview']//figure[@data-chart='trend']//*[local-name()='polyline']"), 3)
        XCTAssertEqual(doc.count("//section[@id='overview']//figure[@data-chart='trend']//*[local-name()='circle']"), 15)
        XCTAssertEqual(doc.strings("//div[@id='card-heap-share']/b"), ["50.0%"], "2 of 4 allocation sites go to the heap")
        XCTAssertEqual(doc.strings("//div[@id='card-policy']/b"), ["2 failed"])
    }

    func testNoNetworkResources() throws {
        let (_, doc) = try parsed()
        XCTAssertEqual(doc.count("//script[@src] | //link | //img | //iframe | //object"), 0)
        XCTAssertEqual(doc.count("//script"), 1, "only the report's own script")
        XCTAssertFalse(doc.strings("//style").joined().contains("url("))
    }

    func testGoSourceRendersAsText() throws {
        let (html, doc) = try parsed()
        let code = doc.strings("//table[@class='src']//td[@class='code']")
        XCTAssertTrue(code.contains("\treturn \"<script>alert(1)</script>\" + string(rune(s))"), code.joined(separator: "\n"))
        XCTAssertTrue(code.contains("// Total sums the items & returns a label."))
        XCTAssertTrue(code.contains("// \u{FFFD}\u{FFFD}\u{FFFD}"), "invalid UTF-8 and control bytes become U+FFFD: \(code.last ?? "")")
        XCTAssertFalse(html.contains("<script>alert"), "markup from Go source is escaped")
        XCTAssertTrue(doc.strings("//span[@data-kind='alloc']").contains { $0.contains("\"<script>\" + ... & \u{FFFD}\u{FFFD}") })
    }

    func testTablesCarryFilterAttributes() throws {
        let (_, doc) = try parsed()
        XCTAssertEqual(doc.strings("//table[@id='package-table']/tbody/tr/@data-pkg"), [ReportFixture.pkgA, ReportFixture.pkgB])
        XCTAssertEqual(doc.strings("//table[@id='function-table']/tbody/tr/td[1]/code"), ["(*Cart).Add", "Total", "Print"])
        let kinds = doc.strings("//table[@id='function-table']/tbody/tr[td[1]/code='Total']/@data-kinds")
        XCTAssertEqual(kinds, ["alloc cannot-inline escapes inline-call moved-to-heap"])
        XCTAssertEqual(doc.count("//input[@id='f-std'] | //input[@id='f-gen'] | //select[@id='f-kind'] | //input[@id='f-text']"), 4)
    }

    func testAlmostInlinableAndWhy() throws {
        let (_, doc) = try parsed()
        XCTAssertEqual(doc.strings("//div[@id='almost-inlinable']//li/code"), ["\(ReportFixture.pkgA).Total"], "cost 85 is within 10% over 80")
        XCTAssertTrue(doc.strings("//td[@class='facts']/div[@class='why']/div").contains("from &it (address-of) at ./cart/cart.go:8:8"))
        XCTAssertTrue(doc.strings("//span[@data-kind='cannot-inline']").contains { $0.contains("cost 85 / budget 80") })
    }

    func testDiffPage() throws {
        let (_, doc) = try parsed()
        XCTAssertEqual(doc.strings("//div[@id='diff-new']//tbody/tr/td[4]/code"), ["it"])
        XCTAssertEqual(doc.strings("//div[@id='diff-fixed']//tbody/tr/td[4]/code"), ["x"])
        XCTAssertEqual(doc.strings("//div[@id='diff-lost']//li/code"), ["\(ReportFixture.pkgA).Total"])
        let (_, none) = try parsed(ReportFixture.model(baseline: false))
        XCTAssertEqual(none.count("//section[@id='diff']//p[@class='muted']"), 1)
    }

    func testDeterministicAndGolden() throws {
        let a = HTMLRenderer().render(ReportFixture.model())
        XCTAssertEqual(a, HTMLRenderer().render(ReportFixture.model()))
        try Golden.check(a, "index.html")
    }
}
