import XCTest
@testable import GoSyntax

/// Statements: assignments, control flow, range forms, labels, select, switch, go/defer.
final class StatementParserTests: XCTestCase {
    func testAssignmentsAndIncDec() {
        let p = parseBody("a, b := 1, 2\na += 3\nm[k] = v\ni++\nch <- 1")
        let assigns = nodes(p, .assignStmt)
        XCTAssertEqual(assigns.map(\.token), [.define, .addAssign, .assign])
        XCTAssertEqual(assigns[0].lhs.count, 2)
        XCTAssertEqual(p.tree.kind(assigns[2].lhs[0]), .indexExpr)
        XCTAssertEqual(nodes(p, .incDecStmt).map(\.token), [.inc])
        XCTAssertEqual(nodes(p, .sendStmt).count, 1)
    }

    func testRangeForms() {
        let src = "for i := range 10 {}\nfor k, v := range m {}\nfor range ch {}\nfor x = range seq {}\nfor i := 0; i < n; i++ {}\nfor {}\nfor cond {}"
        let p = parseBody(src)
        let ranges = nodes(p, .rangeStmt)
        XCTAssertEqual(ranges.count, 4)
        XCTAssertEqual(ranges.map(\.token), [.define, .define, .illegal, .assign])
        XCTAssertTrue(ranges[2].key.isNone)
        XCTAssertEqual(ranges[2].tokPos, -1)
        XCTAssertEqual(p.tree.kind(ranges[0].x), .basicLit)            // range over an integer
        XCTAssertTrue(ranges[1].value.exists)
        let fors = nodes(p, .forStmt)
        XCTAssertEqual(fors.count, 3)
        XCTAssertTrue(fors[0].initStmt.exists && fors[0].cond.exists && fors[0].post.exists)
        XCTAssertTrue(fors[1].cond.isNone)
        XCTAssertTrue(fors[2].cond.exists)
    }

    func testRangeOverFunctionLiteral() {
        let p = parseBody("for x := range func(yield func(int) bool) { yield(1) } { _ = x }")
        let r = nodes(p, .rangeStmt)[0]
        XCTAssertEqual(p.tree.kind(r.x), .funcLit)
    }

    func testIfElseChainsAndInit() {
        let p = parseBody("if x := f(); x > 0 {\n} else if y {\n} else {\n}")
        let ifs = nodes(p, .ifStmt)
        XCTAssertEqual(ifs.count, 2)
        XCTAssertTrue(ifs[0].initStmt.exists)
        XCTAssertEqual(p.tree.kind(ifs[0].elseBranch), .ifStmt)
        XCTAssertEqual(p.tree.kind(ifs[1].elseBranch), .blockStmt)
    }

    func testSwitchesWithInitAndTypeSwitch() {
        let p = parseBody("switch x := f(); x {\ncase 1, 2:\n\tg()\ndefault:\n}\nswitch v := i.(type) {\ncase int, string:\ncase nil:\n}\nswitch {\ncase a > b:\n\tfallthrough\ncase true:\n}")
        let sw = nodes(p, .switchStmt)
        XCTAssertEqual(sw.count, 2)
        XCTAssertTrue(sw[0].initStmt.exists)
        XCTAssertTrue(sw[0].tag.exists)
        XCTAssertTrue(sw[1].tag.isNone)
        let ts = nodes(p, .typeSwitchStmt)
        XCTAssertEqual(ts.count, 1)
        XCTAssertEqual(p.tree.kind(ts[0].assign), .assignStmt)
        let clauses = nodes(p, .caseClause)
        XCTAssertEqual(clauses.map { $0.list.count }, [2, 0, 2, 1, 1, 1])
        XCTAssertEqual(nodes(p, .branchStmt).map(\.token), [.kwFallthrough])
    }

    func testSelectLabelsGotoGoDefer() {
        let src = "outer:\n\tfor {\n\t\tselect {\n\t\tcase v, ok := <-ch:\n\t\t\t_ = v\n\t\tcase out <- 1:\n\t\tcase <-done:\n\t\t\tbreak outer\n\t\tdefault:\n\t\t\tcontinue outer\n\t\t}\n\t}\n\tgoto end\nend:\n\tgo f(x)\n\tdefer func() { recover() }()"
        let p = parseBody(src)
        XCTAssertEqual(nodes(p, .labeledStmt).count, 2)
        let comms = nodes(p, .commClause)
        XCTAssertEqual(comms.map { p.tree.kind($0.comm) }, [.assignStmt, .sendStmt, .exprStmt, .none])
        XCTAssertEqual(nodes(p, .branchStmt).map(\.token), [.kwBreak, .kwContinue, .kwGoto])
        XCTAssertEqual(nodes(p, .goStmt).count, 1)
        let d = nodes(p, .deferStmt)[0]
        XCTAssertEqual(p.tree.kind(p.tree[d.call].fun), .funcLit)
    }

    func testLabelBeforeClosingBraceGetsImplicitEmptyStatement() {
        let p = parseBody("L:")
        let l = nodes(p, .labeledStmt)[0]
        XCTAssertEqual(p.tree.kind(l.stmt), .emptyStmt)
        XCTAssertTrue(p.tree[l.stmt].implicit)
    }

    func testCompositeLiteralVersusBlock() {
        // In a condition a `{` after a type name opens the block, unless parenthesized.
        let p = parseBody("if x == (T{}) {\n}\nfor _, v := range []T{{1}, {2}} {\n_ = v\n}\nif s == nil {\n}")
        let lits = nodes(p, .compositeLit)
        XCTAssertEqual(lits.count, 4)                                   // T{}, []T{...}, {1}, {2}
        XCTAssertTrue(lits[2].type.isNone)                              // elided element type
    }
}
