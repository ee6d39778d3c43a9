import XCTest
import EscapeGraph

/// Closures: capture by value and by reference, reassignment before and after the capture,
/// results kept or lost, go and defer. A capturing closure is declared in its parent's batch
/// (after it) and its body is walked where the func literal appears.
final class ClosureTests: XCTestCase {
    func testCaptureByValueAndBySize() throws {
        let golden = try CompilerGolden.lines("closure_capture", source: """
        package t

        func Clo(n int) func() int {
        \tbig := [200]byte{}
        \treturn func() int { return n + int(big[0]) }
        }

        """)
        var g = EscapeGraph()
        let outer = g.declareFunction("Clo")
        let lit = g.declareFunction("Clo.func1", closureParent: outer)
        g.enter(outer)
        let n = g.addVariable("n", .parameter, at: P(3, 10))
        let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        let big = g.addVariable("big", .local, at: P(4, 2))
        g.enter(lit)
        _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        g.declareParameters(of: outer, [scalarParam(g, n)])
        g.enter(outer)
        // return func literal: ~r0 ← &record (spill); the body returns a scalar.
        let record = g.spill(g.note(.into(r0), S("return func literal", 5, 2), .return),
                             "func literal", kind: .closure, at: P(5, 9)).destination
        g.recordClosure(record, function: lit, captures: [
            CapturedVariable(variable: n, use: S("n", 5, 29), width: 8),
            CapturedVariable(variable: big, use: S("big", 5, 37), width: 200),
        ])
        let decisions = g.decideCaptures()
        XCTAssertEqual(decisions.map(\.byReference), [false, true])
        let result = g.solve()
        assertSameLines(result.lines, golden)
    }

    func testReassignmentAfterCaptureForcesReference() throws {
        let golden = try CompilerGolden.lines("closure_reassigned", source: """
        package t

        func Reassigned() func() int {
        \tx := 1
        \tf := func() int { return x }
        \tx = 2
        \treturn f
        }

        """)
        var g = EscapeGraph()
        let outer = g.declareFunction("Reassigned")
        let lit = g.declareFunction("Reassigned.func1", closureParent: outer)
        g.enter(outer)
        let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        let x = g.addVariable("x", .local, at: P(4, 2))
        let f = g.addVariable("f", .local, at: P(5, 2))
        g.enter(lit)
        _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        g.enter(outer)
        // f := func literal: f ← &record.
        let record = g.spill(g.note(.into(f), S("f := func literal", 5, 4), .assign),
                             "func literal", kind: .closure, at: P(5, 7)).destination
        g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: x, use: S("x", 5, 27), width: 8)])
        // x = 2 reassigns x after the capture; return f.
        g.markReassigned(x)
        g.flow(g.note(.into(r0), S("return f", 7, 2), .return), f)
        let result = g.solve()
        assertSameLines(result.lines, golden)
    }

    func testReassignmentBeforeCaptureIsForgotten() throws {
        var g = EscapeGraph(options: EscapeOptions(explains: false))
        let outer = g.declareFunction("F")
        let lit = g.declareFunction("F.func1", closureParent: outer)
        g.enter(outer)
        let b = g.addVariable("b", .local, at: P(4, 2))
        g.markReassigned(b) // b := 2; b = 3, straight-line, before the closure
        let record = g.spill(.discard, "func literal", kind: .closure, at: P(6, 7)).destination
        g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: b, use: S("b", 6, 20), width: 8)])
        XCTAssertFalse(g.flags(of: b).contains(.reassigned))
        XCTAssertEqual(g.decideCaptures().map(\.byReference), [false])
    }

    func testClosureResultsLostOrKept() throws {
        let golden = try CompilerGolden.lines("closure_results", source: """
        package t

        func Lost(alt func() *int) int {
        \tvar u int
        \tfn := func() *int { return &u }
        \tif alt != nil {
        \t\tfn = alt
        \t}
        \tp := fn()
        \treturn *p
        }

        func Kept() int {
        \tvar u int
        \tfn := func() *int { return &u }
        \t*fn() = 42
        \treturn u
        }

        """)
        var lines: [String] = []
        do {
            var g = EscapeGraph()
            let outer = g.declareFunction("Lost")
            let lit = g.declareFunction("Lost.func1", closureParent: outer)
            g.enter(outer)
            let alt = g.addVariable("alt", .parameter, at: P(3, 11))
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let u = g.addVariable("u", .local, at: P(4, 6))
            let fn = g.addVariable("fn", .local, at: P(5, 2))
            let p = g.addVariable("p", .local, at: P(9, 2))
            g.enter(lit)
            let litR0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: outer, [pointerParam(g, alt)])
            g.enter(outer)
            // fn := func literal; the body returns &u into the closure's own result.
            let record = g.spill(g.note(.into(fn), S("fn := func literal", 5, 5), .assign),
                                 "func literal", kind: .closure, at: P(5, 8)).destination
            g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: u, use: S("u", 5, 30), width: 8)])
            g.enter(lit)
            let ret = g.note(.into(litR0), S("return &u", 5, 22), .return)
            g.flow(g.addr(ret, S("&u", 5, 29), .addressOf), u)
            g.enter(outer)
            // fn = alt makes the callee unknown; p := fn() uses the result, so fn flows to the
            // callee pseudo-location, and the closure loses track of its results.
            g.flow(g.note(.into(fn), S("fn = alt", 7, 6), .assign), alt)
            g.markReassigned(fn)
            g.flow(g.note(.callee, S("fn()", 9, 9), .calleeOperand), fn)
            _ = p
            lines += g.solve().lines
            XCTAssertTrue(g.resultsLost(of: lit))
        }
        do {
            var g = EscapeGraph()
            let outer = g.declareFunction("Kept")
            let lit = g.declareFunction("Kept.func1", closureParent: outer)
            g.enter(outer)
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let u = g.addVariable("u", .local, at: P(14, 6))
            let fn = g.addVariable("fn", .local, at: P(15, 2))
            g.enter(lit)
            let litR0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.enter(outer)
            let record = g.spill(g.note(.into(fn), S("fn := func literal", 15, 5), .assign),
                                 "func literal", kind: .closure, at: P(15, 8)).destination
            g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: u, use: S("u", 15, 30), width: 8)])
            g.enter(lit)
            let ret = g.note(.into(litR0), S("return &u", 15, 22), .return)
            g.flow(g.addr(ret, S("&u", 15, 29), .addressOf), u)
            g.enter(outer)
            // *fn() = 42: fn's single assignment makes the literal the static, in-batch callee;
            // its result flows to the mutator; the callee operand is discarded.
            g.flow(.mutator, litR0)
            g.flow(.discard, fn)
            lines += g.solve().lines
            XCTAssertFalse(g.resultsLost(of: lit))
            XCTAssertFalse(g.attributes(of: u).contains(.escapes))
        }
        assertSameLines(lines, golden)
    }

    func testGoAndDeferClosures() throws {
        let golden = try CompilerGolden.lines("go_defer_send", source: """
        package t

        func G(p *int) {
        \tgo func() {
        \t\t*p = 1
        \t}()
        }

        func D(p *int) {
        \tdefer func() {
        \t\t*p = 1
        \t}()
        }

        func Send(ch chan *int, p *int) { ch <- p }

        """)
        var lines: [String] = []
        do {
            var g = EscapeGraph()
            let outer = g.declareFunction("G")
            let lit = g.declareFunction("G.func1", closureParent: outer)
            g.enter(outer)
            let p = g.addVariable("p", .parameter, at: P(3, 8))
            g.declareParameters(of: outer, [pointerParam(g, p)])
            // go: the callee (the literal) is evaluated into the heap: its record escapes at once.
            let record = g.spill(.heap, "func literal", kind: .closure, at: P(4, 5)).destination
            g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: p, use: S("p", 5, 4), width: 8)])
            g.enter(lit)
            g.flow(.mutator, p) // *p = 1
            lines += g.solve().lines
        }
        do {
            var g = EscapeGraph()
            let outer = g.declareFunction("D")
            let lit = g.declareFunction("D.func1", closureParent: outer)
            g.enter(outer)
            let p = g.addVariable("p", .parameter, at: P(9, 8))
            g.declareParameters(of: outer, [pointerParam(g, p)])
            // A top-level defer evaluates the callee into later(discard): it persists only.
            let later = g.later(.discard)
            let record = g.spill(later, "func literal", kind: .closure, at: P(10, 8)).destination
            g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: p, use: S("p", 11, 4), width: 8)])
            g.enter(lit)
            g.flow(.mutator, p)
            lines += g.solve().lines
            XCTAssertTrue(g.attributes(of: record).contains(.persists))
            XCTAssertFalse(g.flags(of: record).contains(.transient))
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("Send")
            g.enter(fn)
            let ch = g.addVariable("ch", .parameter, at: P(15, 11))
            let p = g.addVariable("p", .parameter, at: P(15, 25))
            g.declareParameters(of: fn, [pointerParam(g, ch), pointerParam(g, p)])
            // ch <- p: the channel is discarded, the value goes to the heap.
            g.flow(g.note(.heap, S("ch <- p", 15, 38), .send), p)
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }

    func testParentVariableOutlivesClosureAllocation() throws {
        let golden = try CompilerGolden.lines("closure_nesting", source: """
        package t

        func Nest() int {
        \tvar l *int
        \tfunc() {
        \t\tl = new(int)
        \t}()
        \treturn *l
        }

        """)
        var g = EscapeGraph()
        let outer = g.declareFunction("Nest")
        let lit = g.declareFunction("Nest.func1", closureParent: outer)
        g.enter(outer)
        _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        let l = g.addVariable("l", .local, at: P(4, 6))
        // func(){…}(): the literal is the static in-batch callee, so the callee operand is
        // discarded: the record's address goes to blank.
        let record = g.spill(.discard, "func literal", kind: .closure, at: P(5, 2)).destination
        g.recordClosure(record, function: lit, captures: [CapturedVariable(variable: l, use: S("l", 6, 3), width: 8)])
        // The body assigns the captured l: l ← &new(int), allocated in the closure.
        g.enter(lit)
        _ = g.spill(g.note(.into(l), S("l = new(int)", 6, 5), .assign), "new(int)", kind: .new, at: P(6, 10))
        g.markReassigned(l)
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertEqual(g.function(of: LocationID(raw: record.raw + 1)), lit)
    }
}
