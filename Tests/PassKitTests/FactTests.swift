import XCTest
@testable import PassKit

final class FactTests: XCTestCase {
    func testTSVLineKeepsOneFactPerLine() {
        let f = Fact(kind: .escapes, file: "a.go", line: 3, column: 9, subject: "x\ty", detail: "a\nb")
        XCTAssertEqual(f.tsvLine, "a.go\t3\t9\tescapes\tx y\ta b")
    }

    func testCanonicalOrderIsFileLineColumnKind() {
        let a = Fact(kind: .noEscape, file: "a.go", line: 3, column: 9, subject: "x")
        let b = Fact(kind: .escapes, file: "a.go", line: 3, column: 9, subject: "x")
        let c = Fact(kind: .escapes, file: "a.go", line: 2, column: 40, subject: "x")
        XCTAssertEqual([a, b, c].sorted(by: Fact.canonicalOrder), [c, b, a])
    }

    /// Facts alike in position, kind, subject and detail still have one order (function, then
    /// external, then explanation), so that a run's facts sort the same whatever order a store
    /// returns them in.
    func testCanonicalOrderIsTotal() {
        let base = Fact(kind: .escapes, file: "a.go", line: 3, column: 9, subject: "x", detail: "heap")
        var inF = base; inF.function = "p.F"
        var inG = base; inG.function = "p.G"
        var external = inF; external.external = true
        var explainedA = inF; explainedA.explanation = ["a"]
        var explainedB = inF; explainedB.explanation = ["a", "b"]
        var explainedC = inF; explainedC.explanation = ["b"]
        let ordered = [base, inF, explainedA, explainedB, explainedC, external, inG]
        for permutation in [ordered.reversed(), [inG, base, explainedC, external, inF, explainedB, explainedA]] {
            XCTAssertEqual(Array(permutation).sorted(by: Fact.canonicalOrder), ordered)
        }
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            XCTAssertTrue(Fact.canonicalOrder(a, b))
            XCTAssertFalse(Fact.canonicalOrder(b, a))
        }
        XCTAssertFalse(Fact.canonicalOrder(inF, inF))
    }
}
