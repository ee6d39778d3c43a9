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

    /// A top-level function record of file `p.go` spanning lines `start...end`.
    static func record(_ name: String, _ start: Int, _ end: Int, receiver: String = "") -> FunctionRecord {
        FunctionRecord(id: "p.\(name)", package: "p", receiver: receiver, name: name, file: "p.go", line: start, column: 6,
                       startLine: start, startColumn: 1, endLine: end, endColumn: 1, lineCount: end - start + 1,
                       statementCount: 1, directives: [], isLiteral: false, parent: nil)
    }

    func records() -> [FunctionRecord] {
        [Self.record("A", 4, 4), Self.record("B", 9, 19), Self.record("C", 23, 23),
         Self.record("(*T).D", 35, 35, receiver: "*T"), Self.record("E", 42, 42)]
    }

    func testPlacementAndProblems() {
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(Self.source.utf8), functions: records())
        let placed = r.directives.map { "\($0.line) \($0.namespace):\($0.verb.rawValue) \($0.target)" }
        XCTAssertEqual(placed, [
            "3 heapsight:noalloc function(\"p.A\")",
            "8 gcassert:inline function(\"p.B\")",
            "10 heapsight:noescape statement(function: \"p.B\", line: 10)",
            "11 heapsight:noalloc statement(function: \"p.B\", line: 12)",
            "31 gcassert:bce function(\"p.(*T).D\")",
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
        XCTAssertEqual(r.notes, [], "`//gcassert:bce` is a directive, checked like the others")
    }

    /// gcassert's comma lists (its README: `//gcassert:bce,inline`) assert each directive.
    func testGcassertCommaListsAssertEachDirective() {
        let source = """
        package p

        func F(s []int) int {
        	//gcassert:bce,inline
        	x := g(s[0])
        	return x + g(s[1]) //gcassert:inline,bce
        }

        func G(s []int) int {
        	return s[0] //gcassert:bce,inlin
        }

        func H(s []int) int {
        	return s[0] //gcassert:bce,
        }
        """
        let functions = [Self.record("F", 3, 7), Self.record("G", 9, 11), Self.record("H", 13, 15)]
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(source.utf8), functions: functions)
        XCTAssertEqual(r.directives.map { "\($0.line) \($0.verb.rawValue) \($0.target)" }, [
            "4 bce statement(function: \"p.F\", line: 5)",
            "4 inline statement(function: \"p.F\", line: 5)",
            "6 inline statement(function: \"p.F\", line: 6)",
            "6 bce statement(function: \"p.F\", line: 6)",
            "10 bce statement(function: \"p.G\", line: 10)",
        ])
        XCTAssertEqual(r.problems.map { "\($0.line): \($0.message)" }, [
            "10: unknown directive `//gcassert:inlin` (gcassert knows inline, noescape, bce); did you mean `//gcassert:inline`?",
            "14: `//gcassert:bce,` has an empty entry in its comma list",
        ])
    }

    func testCommentsInsideLiteralsAreNotDirectives() {
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(Self.source.utf8), functions: records())
        XCTAssertFalse(r.problems.contains { $0.text.contains("bogus") }, "\(r.problems.map(\.text))")
        XCTAssertFalse(r.directives.contains { $0.text.contains("bogus") })
        let trailing = r.directives.first { $0.line == 10 }
        XCTAssertEqual(trailing?.column, 9, "the trailing directive's byte column (a tab counts as one)")
        let misplaced = r.problems.first { $0.line == 21 }
        XCTAssertEqual(misplaced?.column, 1)
    }

    /// Placement follows the comment groups: block comments and doc text in the same group keep
    /// a directive attached; a blank line, a closing multi-line raw string and CRLF line ends
    /// are handled like the Go scanner handles them.
    func testPlacementAcrossGroupsAndLiterals() {
        let src = "package p\r\n\r\nfunc F() {\r\n\t//heapsight:noalloc\r\n\t/* note */ x := 1\r\n"
            + "\ts := `a\r\n//heapsight:noalloc\r\nb` //heapsight:noescape\r\n"
            + "\t//heapsight:noalloc\r\n\r\n\t_, _ = x, s\r\n}\r\n"
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(src.utf8), functions: [Self.record("F", 3, 12)])
        XCTAssertEqual(r.directives.map { "\($0.line):\($0.column) \($0.verb.rawValue) \($0.target)" }, [
            "4:2 noalloc statement(function: \"p.F\", line: 5)",
            "8:4 noescape statement(function: \"p.F\", line: 8)",
        ])
        XCTAssertEqual(r.directives.map(\.text), ["//heapsight:noalloc", "//heapsight:noescape"], "no carriage return in the text")
        XCTAssertEqual(r.problems.map { "\($0.line):\($0.column)" }, ["9:2"])
        XCTAssertTrue(r.problems.first?.message.contains("applies to nothing") == true)
    }

    /// A closure on the same line as its parent's statement does not own that statement: the
    /// statement starts in the parent, so its directive belongs to the parent, and a problem
    /// after the closure's closing brace is reported in the parent too.
    func testClosureSharingALineWithItsParentsStatement() {
        let src = """
        package p

        func F() {
        	//heapsight:noalloc
        	go func() { println() }()
        	defer func() {}() //heapsight:noescape
        	f := func() {} //heapsight:noaloc
        	_ = f
        }
        """
        func literal(_ n: Int, line: Int, from start: Int, to end: Int) -> FunctionRecord {
            FunctionRecord(id: "p.F.func\(n)", package: "p", receiver: "", name: "func\(n)", file: "p.go", line: line,
                           column: start, startLine: line, startColumn: start, endLine: line, endColumn: end, lineCount: 1,
                           statementCount: 1, directives: [], isLiteral: true, parent: "p.F")
        }
        let functions = [Self.record("F", 3, 9), literal(1, line: 5, from: 5, to: 24), literal(2, line: 6, from: 8, to: 16),
                         literal(3, line: 7, from: 7, to: 15)]
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(src.utf8), functions: functions)
        XCTAssertEqual(r.directives.map { "\($0.line) \($0.target)" }, [
            "4 statement(function: \"p.F\", line: 5)",
            "6 statement(function: \"p.F\", line: 6)",
        ])
        XCTAssertEqual(r.problems.map { "\($0.line):\($0.column) \($0.function ?? "-")" }, ["7:17 p.F"])
    }

    /// A file with syntax errors: directives before the error are placed as usual; go/parser
    /// (and GoSyntax with it) skips the source after an expression error, and a directive in
    /// that skipped source is reported as unplaceable instead of being guessed at or dropped.
    func testSyntaxErrorsStillPlaceDirectives() {
        let src = """
        package p

        func Broken() {
        \t//heapsight:noalloc
        \ts := "//heapsight:bogus"
        \tx := )
        }

        //heapsight:inline
        func G() {}
        """
        let r = DirectiveParser().parse(file: "p.go", bytes: Array(src.utf8), functions: [Self.record("Broken", 3, 7), Self.record("G", 10, 10)])
        XCTAssertEqual(r.directives.map { "\($0.line) \($0.target)" }, ["4 statement(function: \"p.Broken\", line: 5)"])
        XCTAssertEqual(r.problems.map { "\($0.line):\($0.column)" }, ["9:1"])
        XCTAssertTrue(r.problems.first?.message.contains("does not parse") == true, r.problems.first?.message ?? "")
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
