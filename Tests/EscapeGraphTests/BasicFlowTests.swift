import XCTest
import EscapeGraph

/// Single-function batches: returns, loops, parameters, literals, cycles. Each test builds
/// the graph by hand exactly as the lowering will (the comment above each build says which
/// holes and flows each statement produces), solves it, and compares every `-m=2` line with
/// the compiler's golden output for the same source.
final class BasicFlowTests: XCTestCase {
    func testAppenderWorkedExample() throws {
        let golden = try CompilerGolden.lines("appender", source: """
        package t

        func Appender(s []*int, p *int) []*int { return append(s, p) }

        """)
        var appender = AppenderGraph(returnSite: S("return append(s, p)", 3, 42), callSite: S("append(s, p)", 3, 55))
        let fn = appender.function
        let result = appender.graph.solve()
        assertSameLines(result.lines, golden)
        // Tags: s = heap 1, mutator 0 (the appendee is teed into the mutator) and result0 0;
        // p = "" (heap 0).
        XCTAssertEqual(result.tags[fn]?[0].description, "heap=1 mutator=0 r0=0")
        XCTAssertEqual(result.tags[fn]?[1].encoded, [])
    }

    func testReturnAddressOfLocal() throws {
        let golden = try CompilerGolden.lines("return_addr", source: """
        package t

        func Ret() *int {
        \tx := 1
        \treturn &x
        }

        """)
        var g = EscapeGraph()
        let fn = g.declareFunction("Ret")
        g.enter(fn)
        let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        let x = g.addVariable("x", .local, at: P(4, 2))
        // x := 1 is scalar; return &x: ~r0 ← (return) ← &x (address-of).
        let ret = g.note(.into(r0), S("return &x", 5, 2), .return)
        g.flow(g.addr(ret, S("&x", 5, 9), .addressOf), x)
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertTrue(g.attributes(of: x).contains(.escapes))
        XCTAssertTrue(g.flags(of: x).contains(.addressTaken))
    }

    func testMethodReturnsFieldThroughPointer() throws {
        let golden = try CompilerGolden.lines("getter", source: """
        package t

        type T struct{ p *int }

        func (t *T) Get() *int { return t.p }

        """)
        var g = EscapeGraph()
        let fn = g.declareFunction("(*T).Get")
        g.enter(fn)
        let t = g.addVariable("t", .parameter, at: P(5, 7))
        let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        g.declareParameters(of: fn, [pointerParam(g, t)])
        // return t.p: ~r0 ← (return) ← *t (dot of pointer).
        let ret = g.note(.into(r0), S("return t.p", 5, 26), .return)
        g.flow(g.deref(ret, S("t.p", 5, 34), .dotOfPointer), t)
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertEqual(result.tags[fn]?[0].result(0), 1)
    }

    func testAddressStoredOutsideLoopOutlivesIt() throws {
        let golden = try CompilerGolden.lines("loop_outlives", source: """
        package t

        func Loop(n int) int {
        \tvar p *int
        \tfor i := 0; i < n; i++ {
        \t\ty := i
        \t\tp = &y
        \t}
        \treturn *p
        }

        func NewLoop(n int) int {
        \tvar q *int
        \tfor i := 0; i < n; i++ {
        \t\tq = new(int)
        \t}
        \treturn *q
        }

        """)
        var lines: [String] = []
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("Loop")
            g.enter(fn)
            let n = g.addVariable("n", .parameter, at: P(3, 11))
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let p = g.addVariable("p", .local, at: P(4, 6))
            _ = g.addVariable("i", .local, at: P(5, 6))
            let y = g.addVariable("y", .local, at: P(6, 3))
            g.declareParameters(of: fn, [scalarParam(g, n)])
            // The for body runs at depth 2, where y is declared; p = &y: p ← &y.
            g.cursor.loopDepth = 2
            g.setLoopDepth(y, 2)
            let assign = g.note(.into(p), S("p = &y", 7, 5), .assign)
            g.flow(g.addr(assign, S("&y", 7, 7), .addressOf), y)
            g.markReassigned(p)
            // return *p is scalar.
            lines += g.solve().lines
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("NewLoop")
            g.enter(fn)
            let n = g.addVariable("n", .parameter, at: P(12, 14))
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let q = g.addVariable("q", .local, at: P(13, 6))
            _ = g.addVariable("i", .local, at: P(14, 6))
            g.declareParameters(of: fn, [scalarParam(g, n)])
            // q = new(int) at depth 2: q ← &new(int) (spill).
            g.cursor.loopDepth = 2
            let assign = g.note(.into(q), S("q = new(int)", 15, 5), .assign)
            _ = g.spill(assign, "new(int)", kind: .new, at: P(15, 10))
            g.markReassigned(q)
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }

    func testParameterContentLeak() throws {
        let golden = try CompilerGolden.lines("param_content", source: """
        package t

        var sink *int

        func Content(pp **int) {
        \tsink = *pp
        }

        """)
        var g = EscapeGraph()
        let fn = g.declareFunction("Content")
        g.enter(fn)
        let pp = g.addVariable("pp", .parameter, at: P(5, 14))
        g.declareParameters(of: fn, [pointerParam(g, pp)])
        // sink = *pp: a global is the heap; heap ← (assign) ← *pp (indirection).
        let assign = g.note(.heap, S("sink = *pp", 6, 7), .assign)
        g.flow(g.deref(assign, S("*pp", 6, 9), .indirection), pp)
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertEqual(result.tags[fn]?[0].heap, 1)
    }

    func testSixResultsOnlyFiveTracked() throws {
        let golden = try CompilerGolden.lines("six_results", source: """
        package t

        func Six(a, b, c, d, e, f *int) (*int, *int, *int, *int, *int, *int) {
        \treturn a, b, c, d, e, f
        }

        """)
        var g = EscapeGraph()
        let fn = g.declareFunction("Six")
        g.enter(fn)
        let params = ["a", "b", "c", "d", "e", "f"].enumerated().map { i, name in
            g.addVariable(name, .parameter, at: P(3, Int32(10 + 3 * i)))
        }
        let results = (0..<6).map { i in g.addVariable("~r\(i)", .result, at: .none, resultIndex: i + 1) }
        g.declareParameters(of: fn, params.map { pointerParam(g, $0) })
        // return a, ..., f: each ~rI ← (return) ← param I.
        for (r, p) in zip(results, params) {
            g.flow(g.note(.into(r), S("return a, b, c, d, e, f", 4, 2), .return), p)
        }
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertEqual(result.tags[fn]?[5].encoded, [], "a flow to the sixth result is a heap leak")
    }

    func testParameterMovedToHeapZeroCopyAndRange() throws {
        let golden = try CompilerGolden.lines("misc", source: """
        package t

        func Z(s string) int {
        \tb := []byte(s)
        \treturn len(b)
        }

        func PM(p *int) **int { return &p }

        func Rng(xs []*int) *int {
        \tvar r *int
        \tfor _, x := range xs {
        \t\tr = x
        \t}
        \treturn r
        }

        """)
        var lines: [String] = []
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("Z")
            g.enter(fn)
            let s = g.addVariable("s", .parameter, at: P(3, 8))
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let b = g.addVariable("b", .local, at: P(4, 2))
            g.declareParameters(of: fn, [pointerParam(g, s)])
            // b := []byte(s): b ← &([]byte)(s) (spill); s is discarded (copied).
            _ = g.spill(g.note(.into(b), S("b := ([]byte)(s)", 4, 4), .assign), "([]byte)(s)",
                        kind: .stringToBytes, at: P(4, 14))
            lines += g.solve().lines
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("PM")
            g.enter(fn)
            let p = g.addVariable("p", .parameter, at: P(8, 9))
            let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: fn, [pointerParam(g, p)])
            // return &p: ~r0 ← &p.
            let ret = g.note(.into(r0), S("return &p", 8, 25), .return)
            g.flow(g.addr(ret, S("&p", 8, 32), .addressOf), p)
            let result = g.solve()
            lines += result.lines
            // Once p escapes, walking from p itself records a heap leak with 0 derefs, and
            // Optimize drops the result flow: the tag is "".
            XCTAssertEqual(result.tags[fn]?[0].encoded, [])
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("Rng")
            g.enter(fn)
            let xs = g.addVariable("xs", .parameter, at: P(10, 10))
            let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let r = g.addVariable("r", .local, at: P(11, 6))
            let x = g.addVariable("x", .local, at: P(12, 9))
            g.declareParameters(of: fn, [pointerParam(g, xs)])
            // range xs: a persistent {temp} ← xs, then (depth 2) x ← *{temp} (range-deref).
            let tmp = g.addTemporary(persists: true)
            g.flow(.into(tmp), xs)
            g.cursor.loopDepth = 2
            g.flow(g.deref(.into(x), S("for loop", 12, 14), .rangeDeref), tmp)
            g.markReassigned(x)
            // r = x; return r.
            g.flow(g.note(.into(r), S("r = x", 13, 5), .assign), x)
            g.markReassigned(r)
            g.cursor.loopDepth = 1
            g.flow(g.note(.into(r0), S("return r", 15, 2), .return), r)
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }

    func testLiteralsAndInterfaceBoxing() throws {
        let golden = try CompilerGolden.lines("literals", source: """
        package t

        func Box(x int) any { return x }

        func Sum() int {
        \ts := []int{1, 2, 3}
        \tt := 0
        \tfor _, v := range s {
        \t\tt += v
        \t}
        \treturn t
        }

        func M(k, v *int) map[*int]*int { return map[*int]*int{k: v} }

        """)
        var lines: [String] = []
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("Box")
            g.enter(fn)
            let x = g.addVariable("x", .parameter, at: P(3, 10))
            let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: fn, [scalarParam(g, x)])
            // return x (converted to any): an int is not pointer-shaped, so the conversion
            // spills a boxed copy; x itself is scalar and discarded.
            _ = g.spill(g.note(.into(r0), S("return x", 3, 23), .return), "x",
                        kind: .interfaceConversion, at: P(3, 30))
            lines += g.solve().lines
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("Sum")
            g.enter(fn)
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let s = g.addVariable("s", .local, at: P(6, 2))
            _ = g.addVariable("t", .local, at: P(7, 2))
            let v = g.addVariable("v", .local, at: P(8, 9))
            // s := []int{1, 2, 3}: s ← &backing array; elements are scalar.
            let backing = g.spill(g.note(.into(s), S("s := []int{...}", 6, 4), .assign), "[]int{...}",
                                  kind: .sliceLiteral, at: P(6, 12)).destination
            // range s: {temp} ← s; v ← *{temp} (a flow, not an expression: no short-circuit).
            let tmp = g.addTemporary(persists: true)
            g.flow(.into(tmp), s)
            g.cursor.loopDepth = 2
            g.flow(g.deref(.into(v), S("for loop", 8, 14), .rangeDeref), tmp)
            g.markReassigned(v)
            let result = g.solve()
            lines += result.lines
            // Its address reaches a declared (persisting) variable, so it is not transient.
            XCTAssertTrue(g.attributes(of: backing).contains(.persists))
            XCTAssertFalse(g.flags(of: backing).contains(.transient))
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("M")
            g.enter(fn)
            let k = g.addVariable("k", .parameter, at: P(14, 8))
            let v = g.addVariable("v", .parameter, at: P(14, 11))
            let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: fn, [pointerParam(g, k), pointerParam(g, v)])
            // return map[*int]*int{k: v}: ~r0 ← &map (spill); keys and values go to the heap.
            let lit = S("map[*int]*int{...}", 14, 55)
            _ = g.spill(g.note(.into(r0), S("return map[*int]*int{...}", 14, 35), .return),
                        lit.text, kind: .mapLiteral, at: lit.position)
            g.flow(g.note(.heap, lit, .mapLiteralKey), k)
            g.flow(g.note(.heap, lit, .mapLiteralValue), v)
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }

    func testAssignmentCycleTruncatesExplanation() throws {
        let golden = try CompilerGolden.lines("assignment_cycle", source: """
        package t

        var sink any

        func Cyc(a any) {
        \tvar b any
        \ta = &b
        \tb = a
        \tsink = *(a.(*any))
        }

        """)
        var g = EscapeGraph()
        let fn = g.declareFunction("Cyc")
        g.enter(fn)
        let a = g.addVariable("a", .parameter, at: P(5, 10))
        let b = g.addVariable("b", .local, at: P(6, 6))
        g.declareParameters(of: fn, [pointerParam(g, a)])
        // a = &b: *any is pointer-shaped, so the conversion passes through: a ← &b.
        var k = g.note(.into(a), S("a = &b", 7, 4), .assign)
        k = g.note(k, S("&b", 7, 6), .interfaceConverted)
        g.flow(g.addr(k, S("&b", 7, 6), .addressOf), b)
        g.markReassigned(a)
        // b = a.
        g.flow(g.note(.into(b), S("b = a", 8, 4), .assign), a)
        g.markReassigned(b)
        // sink = *(a.(*any)): heap ← *a (the assertion to a pointer type does not deref).
        k = g.note(.heap, S("sink = *a.(*any)", 9, 7), .assign)
        k = g.deref(k, S("*a.(*any)", 9, 9), .indirection)
        k = g.dotType(k, targetIsInterfaceOrPointerShaped: true, S("a.(*any)", 9, 12), .dot)
        g.flow(k, a)
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertEqual(result.explanations.filter(\.truncated).count, 2)
    }
}
