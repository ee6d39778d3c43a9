import PassKit
import XCTest
@testable import Driver

final class DirectiveParserTests: XCTestCase {
    static let source = """
    package p

    //heapsight:noalloc
    func A() {}

    // B does things.
    //
    //gcassert:inline
    func B() {
    \tx := 1 //heapsight:noescape
    \t//heapsight:noalloc
    \ty := &x
    \ts := "//heapsight:bogus inside a string"
    \tr := `
    //heapsight:alsobogus in a raw string
    `
    \t/* //heapsight:bogus in a block comment */
    \t_, _, _ = y, s, r
    }

    //heapsight:inline

    func C() {}

    //heapsight:noaloc
    //heapsigth:inline
    // heapsight:noalloc
    //heapsight:ignore escape.new
    //heapsight:ignore escape.neww pooled buffer
    //heapsight:inline now
    //gcassert:bce
    //gcassert:nosuch
    //heapsight:ignore directive.invalid because
    //heapsight:ignore escape.new the buffer is pooled
    func (t *T) D() {}

    //heapsight:noalloc
    var global = 1

    //go:noinline
    //lint:ignore X y
    func E() {}
    """

    func records() -> [FunctionRecord] {
        func rec(_ id: String, _ start: Int, _ end: Int, receiver: String = "") -> FunctionRecord {
            FunctionRecord(id: "p.\(id)", package: "p", receiver: receiver, name: id, file: "p.go", line: start, column: 6,
                           startLine: start, startColumn: 1, endLine: end, endColumn: 1, lineCount: end - start + 1,
                           statementCount: 1, directives: [], isLiteral: false, parent: nil)
        }
        return [rec("A", 4, 4), rec("B", 9, 19), rec("C", 23, 23), rec("(*T).D", 35, 35, receiver: "*T"), rec("E", 42, 42)]
    }

    func testPlacementAndProblems() {
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(Self.source.utf8), functions: records())
        let placed = r.directives.map { "\($0.line) \($0.namespace):\($0.verb.rawValue) \($0.target)" }
        XCTAssertEqual(placed, [
            "3 heapsight:noalloc function(\"p.A\")",
            "8 gcassert:inline function(\"p.B\")",
            "10 heapsight:noescape statement(function: \"p.B\", line: 10)",
            "11 heapsight:noalloc statement(function: \"p.B\", line: 12)",
            "34 heapsight:ignore function(\"p.(*T).D\")",
        ])
        XCTAssertEqual(r.directives.last?.rule, "escape.new")
        XCTAssertEqual(r.directives.last?.reason, "the buffer is pooled")
        let problems = r.problems.map { "\($0.line): \($0.message)" }
        XCTAssertEqual(r.problems.map(\.line), [21, 25, 26, 27, 28, 29, 30, 32, 33, 37], problems.joined(separator: "\n"))
        XCTAssertTrue(problems[0].contains("applies to nothing"), problems[0])
        XCTAssertTrue(problems[1].contains("did you mean `//heapsight:noalloc`"), problems[1])
        XCTAssertTrue(problems[2].contains("did you mean `//heapsight:`"), problems[2])
        XCTAssertTrue(problems[3].contains("space after `//`"), problems[3])
        XCTAssertTrue(problems[4].contains("needs a reason"), problems[4])
        XCTAssertTrue(problems[5].contains("did you mean `escape.new`"), problems[5])
        XCTAssertTrue(problems[6].contains("takes no arguments"), problems[6])
        XCTAssertTrue(problems[7].contains("gcassert knows"), problems[7])
        XCTAssertTrue(problems[8].contains("unknown or unignorable"), problems[8])
        XCTAssertTrue(problems[9].contains("package level"), problems[9])
        XCTAssertEqual(r.notes.count, 1)
        XCTAssertTrue(r.notes[0].contains("gcassert:bce"))
    }

    func testCommentsInsideLiteralsAreNotDirectives() {
        let c = SourceComments(bytes: Array(Self.source.utf8))
        XCTAssertFalse(c.comments.contains { $0.text.contains("bogus") })
        XCTAssertTrue(c.comments.contains { $0.line == 10 && $0.trailing })
        XCTAssertEqual(c.targetLine(after: 3, lastLine: 50), 4)
        XCTAssertNil(c.targetLine(after: 21, lastLine: 50), "a blank line detaches a comment")
    }

    func testGlobPatterns() {
        XCTAssertTrue(GlobPattern("example.com/...").matches("example.com/a/b"))
        XCTAssertTrue(GlobPattern("...").matches("anything/at/all"))
        XCTAssertTrue(GlobPattern("example.com/*/b").matches("example.com/a/b"))
        XCTAssertFalse(GlobPattern("example.com/*").matches("example.com/a/b"))
        XCTAssertTrue(GlobPattern("(*T).*").matches("(*T).Run"))
        XCTAssertFalse(GlobPattern("(*T).*").matches("T.Run"))
        XCTAssertTrue(GlobPattern("Get?").matches("GetX"))
    }
}
