import Foundation
import PassKit
import XCTest
@testable import Reports

final class TextAndDiffTests: XCTestCase {
    func testBaselineDiffMatchesByFunctionAndSubjectNotLine() {
        let base = [
            Fact(kind: .escapes, file: "a.go", line: 3, column: 2, subject: "x", function: "p.F"),
            Fact(kind: .escapes, file: "a.go", line: 4, column: 2, subject: "x", function: "p.F"),
            Fact(kind: .canInline, file: "a.go", line: 1, column: 6, subject: "F", detail: "cost=10", function: "p.F"),
            Fact(kind: .cannotInline, file: "a.go", line: 9, column: 6, subject: "G", detail: "function too complex: cost 90 exceeds budget 80", function: "p.G"),
        ]
        var cur = base.map { f -> Fact in var f = f; f.line += 10; return f }  // code moved down
        XCTAssertEqual(BaselineDiff(baseline: ReportFixture.run(id: 1), baselineFacts: base, currentFacts: cur).newEscapes, [])
        cur.append(Fact(kind: .escapes, file: "a.go", line: 30, column: 2, subject: "x", function: "p.F"))  // a third x
        cur[2] = Fact(kind: .cannotInline, file: "a.go", line: 11, column: 6, subject: "F", detail: "function too complex: cost 81 exceeds budget 80", function: "p.F")
        cur[3] = Fact(kind: .canInline, file: "a.go", line: 19, column: 6, subject: "G", detail: "cost=70", function: "p.G")
        let d = BaselineDiff(baseline: ReportFixture.run(id: 1), baselineFacts: base, currentFacts: cur)
        XCTAssertEqual(d.newEscapes.map(\.line), [30])
        XCTAssertEqual(d.fixedEscapes, [])
        XCTAssertEqual(d.lostInlining.map(\.function), ["p.F"])
        XCTAssertEqual(d.gainedInlining.map(\.function), ["p.G"])
    }

    func testBaselineDiffUsesTheDiffCommandsIdentityRule() {
        // A function moved to another file is the same function: no new or fixed escapes.
        let base = [Fact(kind: .escapes, file: "a.go", line: 3, column: 2, subject: "&T{...}", function: "p.F"),
                    Fact(kind: .escapes, file: "a.go", line: 1, column: 9, subject: "T{...}")]
        let moved = [Fact(kind: .escapes, file: "b.go", line: 40, column: 8, subject: "&T{...}", function: "p.F"),
                     Fact(kind: .escapes, file: "a.go", line: 2, column: 9, subject: "T{...}")]
        let d = BaselineDiff(baseline: ReportFixture.run(id: 1), baselineFacts: base, currentFacts: moved)
        XCTAssertEqual(d.newEscapes, [])
        XCTAssertEqual(d.fixedEscapes, [])
        // A package-level fact belongs to its file: the same subject in another file is new.
        let other = [moved[0], Fact(kind: .escapes, file: "c.go", line: 2, column: 9, subject: "T{...}")]
        let e = BaselineDiff(baseline: ReportFixture.run(id: 1), baselineFacts: base, currentFacts: other)
        XCTAssertEqual(e.newEscapes.map(\.file), ["c.go"])
        XCTAssertEqual(e.fixedEscapes.map(\.file), ["a.go"])
    }

    func testAllocationDetailParsing() {
        let d = AllocationDetail("make-slice heap depth=2")
        XCTAssertEqual(d.kind, "make-slice")
        XCTAssertEqual(d.placement, .heap)
        XCTAssertEqual(d.depth, 2)
        XCTAssertEqual(AllocationDetail("garbage").placement, .stack, "malformed details never count as heap")
        XCTAssertEqual(Fact(kind: .cannotInline, file: "", line: 0, column: 0, subject: "F",
                            detail: "function too complex: cost 112 exceeds budget 80").inlineCost?.cost, 112)
    }

    func testFlowParsing() {
        let steps = ReportFormatting.flow(fromExplanation: ["flow: {heap} ← &x:", "  from &x (address-of) at ./a/b.go:12:5"])
        XCTAssertEqual(steps[1], FlowStep(file: "a/b.go", line: 12, column: 5, message: "from &x (address-of)"))
        XCTAssertEqual(steps[0].line, 0)
    }

    func testTextGolden() throws {
        let text = TextRenderer().render(ReportFixture.model())
        XCTAssertTrue(text.contains("policy: 4 checks, 2 failed"))
        try Golden.check(text, "report.txt")
    }
}
