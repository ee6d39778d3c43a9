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
}
