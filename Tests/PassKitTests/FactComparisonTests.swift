import XCTest
import PassKit

final class FactComparisonTests: XCTestCase {
    private func fact(_ kind: FactKind, _ line: Int, _ subject: String, detail: String = "") -> Fact {
        Fact(kind: kind, file: "a.go", line: line, column: 2, subject: subject, detail: detail)
    }

    func testIdenticalRunsScoreOne() {
        let facts = [fact(.escapes, 1, "x"), fact(.escapes, 1, "x"), fact(.canInline, 2, "F", detail: "cost=3")]
        let c = FactComparison(a: facts, b: facts.reversed())
        XCTAssertEqual(c.disagreements, [])
        XCTAssertEqual(c.kinds.map(\.kind), [.canInline, .escapes])
        for score in c.kinds { XCTAssertEqual(score.f1, 1) }
        XCTAssertEqual(c.total.truePositives, 3)
    }

    func testMultisetCountsDuplicates() {
        let a = [fact(.inlineCall, 1, "f")]
        let b = [fact(.inlineCall, 1, "f"), fact(.inlineCall, 1, "f")]
        let c = FactComparison(a: a, b: b)
        let score = c.kinds[0]
        XCTAssertEqual(score.truePositives, 1)
        XCTAssertEqual(score.falsePositives, 0)
        XCTAssertEqual(score.falseNegatives, 1)
        XCTAssertEqual(score.precision, 1)
        XCTAssertEqual(score.recall, 0.5)
        XCTAssertEqual(score.f1, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(c.disagreements.map { [$0.countA, $0.countB] }, [[1, 2]])
    }

    func testDetailAndPositionMatterButExplanationDoesNot() {
        var explained = fact(.escapes, 3, "x")
        explained.explanation = ["x escapes to heap in F:"]
        explained.function = "m.F"
        let a = [fact(.canInline, 1, "F", detail: "cost=3"), explained, fact(.noEscape, 4, "y")]
        let b = [fact(.canInline, 1, "F", detail: "cost=4"), fact(.escapes, 3, "x"), fact(.noEscape, 5, "y")]
        let c = FactComparison(a: a, b: b)
        XCTAssertEqual(c.kinds.first { $0.kind == .escapes }?.f1, 1)
        XCTAssertEqual(c.kinds.first { $0.kind == .canInline }?.truePositives, 0)
        XCTAssertEqual(c.disagreements.count, 4)
        XCTAssertEqual(c.disagreements.map(\.key.line), [1, 1, 4, 5], "sorted canonically")
        XCTAssertEqual(c.disagreements[0].key.detail, "cost=3")
    }

    func testEmptySidesAreDefined() {
        let c = FactComparison(a: [], b: [fact(.escapes, 1, "x")])
        XCTAssertEqual(c.kinds[0].precision, 1)
        XCTAssertEqual(c.kinds[0].recall, 0)
        XCTAssertEqual(c.kinds[0].f1, 0)
        XCTAssertEqual(FactComparison(a: [], b: []).kinds, [])
    }
}

final class FactComparisonReportTests: XCTestCase {
    func testReportOfIdenticalRunsShowsF1OfOne() {
        let facts = [Fact(kind: .escapes, file: "a.go", line: 1, column: 2, subject: "x")]
        let text = FactComparison(a: facts, b: facts).report(labelA: "run 1", labelB: "run 2", limit: 10)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "A = run 1, B = run 2 (B taken as the truth; facts compared as a multiset)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("escapes") && $0.hasSuffix("1.0000  1.0000  1.0000") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("total") && $0.hasSuffix("1.0000") }, text)
        XCTAssertEqual(lines.last, "no disagreements")
    }

    func testReportListsDisagreementsUpToTheLimit() {
        let a = [Fact(kind: .escapes, file: "a.go", line: 1, column: 2, subject: "x"),
                 Fact(kind: .canInline, file: "a.go", line: 5, column: 6, subject: "F", detail: "cost=3")]
        let b = [Fact(kind: .noEscape, file: "a.go", line: 1, column: 2, subject: "x")]
        let text = FactComparison(a: a, b: b).report(labelA: "A", labelB: "B", limit: 2)
        XCTAssertTrue(text.contains("3 disagreements (first 2):\n"), text)
        XCTAssertTrue(text.contains("  a.go:1:2  only in A  escapes x\n"), text)
        XCTAssertTrue(text.contains("  a.go:1:2  only in B  no-escape x\n"), text)
        XCTAssertFalse(text.contains("cost=3"), "beyond the limit")
    }
}
