import XCTest
@testable import GoSyntax

/// Expressions: precedence, calls and conversions, selectors, index/slice/instantiation,
/// type assertions, composite literals, function literals, unary and channel operators.
final class ExpressionParserTests: XCTestCase {
    func expr(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> (ParsedFile, Node) {
        let p = parse("package p\nvar _ = \(s)\n", file: file, line: line)
        let spec = nodes(p, .valueSpec)[0]
        return (p, p.tree[spec.values[0]])
    }

    func testPrecedenceAndOperatorPositions() {
        let (p, e) = expr("a + b*c == d || !e && f")
        XCTAssertEqual(e.token, .lor)
        let lhs = p.tree[e.x]
        XCTAssertEqual(lhs.token, .eql)
        let sum = p.tree[lhs.x]
        XCTAssertEqual(sum.token, .add)
        XCTAssertEqual(p.tree[sum.y].token, .mul)
        XCTAssertEqual(sum.opPos, "package p\nvar _ = a ".utf8.count)
        XCTAssertEqual(p.tree[p.tree[e.y].x].token, .not)
    }

    func testCallPositionsEllipsisAndConversions() {
        let src = "package p\nvar _ = f(a, b...)\nvar _ = []byte(s)\nvar _ = (*T)(nil)\nvar _ = T.Method\n"
        let p = parse(src)
        let calls = nodes(p, .callExpr)
        XCTAssertEqual(calls.count, 3)
        XCTAssertEqual(calls[0].lparen, offset("(a", in: src))
        XCTAssertEqual(calls[0].rparen, offset(")", in: src))
        XCTAssertEqual(calls[0].ellipsis, offset("...", in: src))
        XCTAssertEqual(p.tree.kind(calls[1].fun), .arrayType)          // conversion: same node as a call
        XCTAssertEqual(p.tree.kind(calls[2].fun), .parenExpr)
        XCTAssertEqual(p.tree.kind(p.tree[calls[2].fun].x), .starExpr)
        XCTAssertEqual(nodes(p, .selectorExpr).count, 1)               // method expression T.Method
    }

    func testIndexSliceAndInstantiation() {
        let src = "package p\nvar _ = a[i]\nvar _ = s[1:n]\nvar _ = s[:]\nvar _ = s[i:j:k]\nvar _ = f[int, string](x)\nvar _ = Map[K, V]\n"
        let p = parse(src)
        XCTAssertEqual(nodes(p, .indexExpr).count, 1)
        let slices = nodes(p, .sliceExpr)
        XCTAssertEqual(slices.map(\.slice3), [false, false, true])
        XCTAssertTrue(slices[1].low.isNone && slices[1].high.isNone)
        let lists = nodes(p, .indexListExpr)
        XCTAssertEqual(lists.map { $0.indices.count }, [2, 2])
        XCTAssertEqual(lists[0].lbrack, offset("[int", in: src))
    }

    func testTypeAssertionsAndReceive() {
        let (p, e) = expr("<-ch")
        XCTAssertEqual(e.kind, .unaryExpr)
        XCTAssertEqual(e.token, .arrow)
        let (p2, t) = expr("x.(io.Reader)")
        XCTAssertEqual(t.kind, .typeAssertExpr)
        XCTAssertEqual(p2.tree.kind(t.type), .selectorExpr)
        _ = p
    }

    func testChannelTypesReassociateArrow() {
        let p = parse("package p\nvar a <-chan int\nvar b chan<- int\nvar c = make(<-chan <-chan int)\n")
        let chans = nodes(p, .chanType)
        XCTAssertEqual(chans.map(\.dir), [.recv, .send, .recv, .recv])
        XCTAssertEqual(chans[0].arrow, Int(chans[0].record.p0))            // Begin == Arrow for <-chan
    }

    func testCompositeLiteralForms() {
        let src = "package p\nvar _ = map[string][]int{\"a\": {1, 2}, \"b\": nil}\nvar _ = [...]T{1: x, 2: y}\nvar _ = &struct{ a int }{a: 1}\nvar _ = pkg.T[int]{}\n"
        let p = parse(src)
        let lits = nodes(p, .compositeLit)
        XCTAssertEqual(lits.count, 5)
        XCTAssertEqual(lits[0].lbrace, offset("{\"a\"", in: src))
        XCTAssertEqual(nodes(p, .keyValueExpr).count, 5)
        XCTAssertEqual(p.tree.kind(p.tree[lits[2].type].len), .ellipsis)
        XCTAssertEqual(p.tree.kind(lits[4].type), .indexExpr)
    }

    func testFunctionLiteralAndNumberLiterals() {
        let (p, e) = expr("func(x int) int { return x * 2 }(0x1p-2 + 1_000i)")
        XCTAssertEqual(e.kind, .callExpr)
        XCTAssertEqual(p.tree.kind(e.fun), .funcLit)
        let lits = nodes(p, .basicLit).map(\.literal)
        XCTAssertEqual(lits, ["2", "0x1p-2", "1_000i"])
    }
}
