import Foundation
import PassKit
import TestSupport
import XCTest
@testable import Reports

final class JUnitRendererTests: XCTestCase {
    let schema = try! String(contentsOf: TestSupport.repoRoot.appendingPathComponent("config/junit-strict.xsd"), encoding: .utf8)

    func testStrictValidatesAgainstShippedSchema() {
        let xml = JUnitRenderer(flavour: .strict).render(ReportFixture.model())
        XCTAssertEqual(XMLValidation.validate(xml: xml, schema: schema), [])
    }

    func testSchemaRejectsWhatJenkinsRejects() {
        let noErrors = """
        <testsuites><testsuite name="p" tests="1" failures="0"><testcase name="a"/></testsuite></testsuites>
        """
        XCTAssertFalse(XMLValidation.validate(xml: noErrors, schema: schema).isEmpty, "testsuite@errors is required")
        let extended = JUnitRenderer(flavour: .extended).render(ReportFixture.model())
        let problems = XMLValidation.validate(xml: extended, schema: schema)
        XCTAssertTrue(problems.contains { $0.contains("file") }, "the extended flavour adds file/line, which strict JUnit forbids: \(problems)")
        XCTAssertEqual(XMLValidation.wellFormedness(of: extended), [])
    }

    func testStructureAsConsumersReadIt() throws {
        let xml = JUnitRenderer(flavour: .extended).render(ReportFixture.model())
        let doc = try XCTUnwrap(ParsedDocument(xml: xml))
        XCTAssertEqual(doc.strings("/testsuites/testsuite/@name"), [ReportFixture.pkgA, ReportFixture.pkgB])
        XCTAssertEqual(doc.strings("/testsuites/@tests"), ["4"])
        XCTAssertEqual(doc.strings("/testsuites/@failures"), ["2"])
        XCTAssertEqual(doc.strings("/testsuites/testsuite[1]/@failures"), ["2"])
        XCTAssertEqual(doc.strings("/testsuites/testsuite[1]/@tests"), ["3"])
        XCTAssertEqual(doc.strings("//testcase[failure]/@name"), ["Total directive.noalloc", "Total escape.new"])
        XCTAssertEqual(doc.strings("//failure/@type"), ["directive.noalloc", "escape.new"])
        for message in doc.strings("//failure/@message") { XCTAssertFalse(message.contains("\n")) }
        let body = doc.strings("//testcase[@name='Total escape.new']/failure").first ?? ""
        XCTAssertTrue(body.hasPrefix("new heap escape in Total: moved to heap: it\n"), body)
        XCTAssertTrue(body.contains("cart/cart.go:8:8: from &it (address-of)"), body)
        XCTAssertEqual(doc.strings("//testcase[@name='Total escape.new']/@file"), ["cart/cart.go"])
        XCTAssertEqual(doc.strings("//testcase[@name='Total escape.new']/@line"), ["7"], "a failing case points at its violation")
        XCTAssertEqual(Set(doc.strings("//testcase/@classname")),
                       ["heapsight.example_com/shop/cart", "heapsight.example_com/shop/internal/fmtx"])
        XCTAssertEqual(doc.strings("/testsuites/testsuite[1]/properties/property[@name='go.version']/@value"), ["go1.27.3"])
        XCTAssertEqual(doc.strings("/testsuites/testsuite[1]/properties/property[@name='heapsight.baseline.run']/@value"), ["6"])
        let names = doc.strings("/testsuites/testsuite[1]/testcase/@name")
        XCTAssertEqual(names.count, Set(names).count, "case names are unique within a suite")
    }

    func testHostileTextNeverBreaksTheDocument() throws {
        var model = ReportFixture.model()
        let hostile = "a\u{0}b\u{1}c\u{1B}[31m \u{FFFE} </failure><x>&amp; ]]> \"'"
        let v = Violation(rule: "escape.new", package: ReportFixture.pkgA, function: nil, subject: hostile,
                          file: "cart/\u{7}.go", line: 1, column: 1, message: hostile + "\nsecond line",
                          details: [hostile], flow: [FlowStep(file: "x.go", line: 1, column: 1, message: hostile)])
        model.evaluation = PolicyEvaluation(checks: [PolicyCheck(package: ReportFixture.pkgA, function: nil, rule: "escape.new",
                                                                 name: hostile, file: "cart/\u{7}.go", line: 1, violations: [v])])
        for flavour in JUnitRenderer.Flavour.allCases {
            let xml = JUnitRenderer(flavour: flavour).render(model)
            XCTAssertEqual(XMLValidation.wellFormedness(of: xml), [], "\(flavour)")
            let doc = try XCTUnwrap(ParsedDocument(xml: xml))
            let message = try XCTUnwrap(doc.strings("//failure/@message").first)
            XCTAssertTrue(message.contains("</failure><x>&amp; ]]> \"'"), message)
            XCTAssertTrue(message.contains("a\u{FFFD}b\u{FFFD}c\u{FFFD}[31m"), message)
            XCTAssertFalse(message.contains("\n"))
        }
        XCTAssertEqual(XMLValidation.validate(xml: JUnitRenderer(flavour: .strict).render(model), schema: schema), [])
    }

    func testDeterministic() {
        let a = JUnitRenderer(flavour: .extended).render(ReportFixture.model())
        let b = JUnitRenderer(flavour: .extended).render(ReportFixture.model())
        XCTAssertEqual(a, b)
    }

    func testGoldenStrict() throws {
        try Golden.check(JUnitRenderer(flavour: .strict).render(ReportFixture.model()), "junit-strict.xml")
    }

    func testGoldenExtended() throws {
        try Golden.check(JUnitRenderer(flavour: .extended).render(ReportFixture.model()), "junit-extended.xml")
    }
}
