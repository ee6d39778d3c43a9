import PassKit
import XCTest

/// The position-to-function lookup compares lines and byte columns: a literal that shares a
/// line with its parent owns only its own columns.
final class EnclosingFunctionIndexTests: XCTestCase {
    // func F() {
    // 	go func() { println() }()      (literal at columns 5...24 of line 5)
    // }
    let parent = FunctionRecord(id: "p.F", package: "p", receiver: "", name: "F", file: "p.go", line: 3, column: 6,
                                startLine: 3, startColumn: 1, endLine: 6, endColumn: 1, lineCount: 4,
                                statementCount: 2, directives: [], isLiteral: false, parent: nil)
    let literal = FunctionRecord(id: "p.F.func1", package: "p", receiver: "", name: "func1", file: "p.go", line: 5, column: 5,
                                 startLine: 5, startColumn: 5, endLine: 5, endColumn: 24, lineCount: 1,
                                 statementCount: 1, directives: [], isLiteral: true, parent: "p.F")

    func testInnermostByLineAndColumn() {
        let index = EnclosingFunctionIndex([literal, parent])
        let found = [(5, 2), (5, 5), (5, 14), (5, 24), (5, 25), (4, 30), (7, 1)].map {
            index.function(file: "p.go", line: $0.0, column: $0.1)?.id ?? "-"
        }
        XCTAssertEqual(found, ["p.F", "p.F.func1", "p.F.func1", "p.F.func1", "p.F", "p.F", "-"])
        XCTAssertNil(index.function(file: "q.go", line: 5, column: 14))
    }

    func testFactsKeepTheirFunctionAndTheRestGetTheInnermost() {
        let facts = [Fact(kind: .alloc, file: "p.go", line: 5, column: 14, subject: "a"),
                     Fact(kind: .alloc, file: "p.go", line: 5, column: 2, subject: "b"),
                     Fact(kind: .alloc, file: "p.go", line: 5, column: 14, subject: "c", function: "p.G")]
        XCTAssertEqual(EnclosingFunctionIndex([parent, literal]).assignUnattributed(facts).map(\.function),
                       ["p.F.func1", "p.F", "p.G"])
    }

    /// The escape verdict of a `func literal` at the literal's own `func` keyword belongs to the
    /// function that creates the closure.
    func testFuncLiteralVerdictBelongsToItsCreator() {
        let index = EnclosingFunctionIndex([parent, literal])
        let verdict = Fact(kind: .escapes, file: "p.go", line: 5, column: 5, subject: "func literal")
        let inside = Fact(kind: .escapes, file: "p.go", line: 5, column: 14, subject: "x")
        XCTAssertEqual(index.owner(of: verdict)?.id, "p.F")
        XCTAssertEqual(index.owner(of: inside)?.id, "p.F.func1")
    }
}
