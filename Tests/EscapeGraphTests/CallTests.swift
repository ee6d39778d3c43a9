import XCTest
import EscapeGraph

/// Calls: tags of callees analysed in earlier batches, mutually recursive batches, mutator
/// and callee summaries, and bodyless functions.
final class CallTests: XCTestCase {
    func testCalleeTagsFromEarlierBatches() throws {
        let golden = try CompilerGolden.lines("cross_batch", source: """
        package t

        var sink *int

        func id(p *int) *int { return p }

        func store(p *int) { sink = p }

        func User() *int {
        \tx := 0
        \treturn id(&x)
        }

        func UseStore() {
        \tvar y int
        \tstore(&y)
        }

        """)
        var lines: [String] = []
        var idTag = LeakSummary(), storeTag = LeakSummary()
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("id")
            g.enter(fn)
            let p = g.addVariable("p", .parameter, at: P(5, 9))
            let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: fn, [pointerParam(g, p)])
            g.flow(g.note(.into(r0), S("return p", 5, 24), .return), p)
            let result = g.solve()
            lines += result.lines
            idTag = try XCTUnwrap(result.tags[fn]?[0])
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("store")
            g.enter(fn)
            let p = g.addVariable("p", .parameter, at: P(7, 12))
            g.declareParameters(of: fn, [pointerParam(g, p)])
            g.flow(g.note(.heap, S("sink = p", 7, 27), .assign), p)
            let result = g.solve()
            lines += result.lines
            storeTag = try XCTUnwrap(result.tags[fn]?[0])
        }
        // Tags cross batches (and packages) as their encoded bytes.
        XCTAssertEqual(idTag.encoded, Array("esc:".utf8) + [0, 0, 0, 1])
        XCTAssertEqual(storeTag.encoded, [])
        idTag = LeakSummary(encoded: idTag.encoded)
        storeTag = LeakSummary(encoded: storeTag.encoded)
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("User")
            g.enter(fn)
            let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            let x = g.addVariable("x", .local, at: P(10, 2))
            // return id(&x): the argument hole is id's tag applied to the result hole.
            let ret = g.note(.into(r0), S("return id(&x)", 11, 2), .return)
            let arg = g.argumentHole(calleeTag: idTag, resultHoles: [ret])
            g.flow(g.addr(g.note(arg, S("id(&x)", 11, 11), .callParameter), S("&x", 11, 12), .addressOf), x)
            lines += g.solve().lines
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("UseStore")
            g.enter(fn)
            let y = g.addVariable("y", .local, at: P(15, 6))
            // store(&y): the tag sends the argument to the heap; &y escapes at once.
            let arg = g.argumentHole(calleeTag: storeTag, resultHoles: nil)
            g.flow(g.addr(g.note(arg, S("store(&y)", 16, 7), .callParameter), S("&y", 16, 8), .addressOf), y)
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }

    func testMutualRecursionInOneBatch() throws {
        let golden = try CompilerGolden.lines("mutual_recursion", source: """
        package t

        func Even(p *int, n int) *int {
        \tif n == 0 {
        \t\treturn p
        \t}
        \treturn Odd(p, n-1)
        }

        func Odd(p *int, n int) *int {
        \tif n == 0 {
        \t\treturn nil
        \t}
        \treturn Even(p, n-1)
        }

        """)
        var g = EscapeGraph()
        let even = g.declareFunction("Even")
        let odd = g.declareFunction("Odd")
        g.enter(even)
        let ep = g.addVariable("p", .parameter, at: P(3, 11))
        let en = g.addVariable("n", .parameter, at: P(3, 19))
        let er = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        g.enter(odd)
        let op = g.addVariable("p", .parameter, at: P(10, 10))
        let on = g.addVariable("n", .parameter, at: P(10, 18))
        let or = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        g.declareParameters(of: even, [pointerParam(g, ep), scalarParam(g, en)])
        g.declareParameters(of: odd, [pointerParam(g, op), scalarParam(g, on)])
        // Even: return p; return Odd(p, n-1) wires Odd's result into the return hole and the
        // argument straight into Odd's parameter.
        g.enter(even)
        g.flow(g.note(.into(er), S("return p", 5, 3), .return), ep)
        g.flow(g.note(.into(er), S("return Odd(p, n - 1)", 7, 2), .return), or)
        g.flow(g.note(.into(op), S("Odd(p, n - 1)", 7, 12), .callParameter), ep)
        // Odd: return nil; return Even(p, n-1).
        g.enter(odd)
        g.flow(g.note(.into(or), S("return Even(p, n - 1)", 14, 2), .return), er)
        g.flow(g.note(.into(ep), S("Even(p, n - 1)", 14, 13), .callParameter), op)
        let result = g.solve()
        assertSameLines(result.lines, golden)
        // A flow into another batch member's result is a heap leak; Optimize drops the rest.
        XCTAssertEqual(result.tags[even]?[0].description, "heap=0")
        XCTAssertEqual(result.tags[odd]?[0].description, "heap=0")
    }

    func testMutatorAndCalleeSummaries() throws {
        let golden = try CompilerGolden.lines("mutates_calls", source: """
        package t

        func Mut(p *[]int) {
        \t(*p)[0] = 1
        }

        func Call(f func() *int) *int {
        \treturn f()
        }

        """, flags: "-m=2 -l -d=escapemutationscalls=1")
        let options = EscapeOptions(reportsMutationsAndCalls: true)
        var lines: [String] = []
        do {
            var g = EscapeGraph(options: options)
            let fn = g.declareFunction("Mut")
            g.enter(fn)
            let p = g.addVariable("p", .parameter, at: P(3, 10))
            g.declareParameters(of: fn, [pointerParam(g, p)])
            // (*p)[0] = 1: indexing a slice stores through it: mutator ← *p.
            g.flow(g.deref(.mutator, S("*p", 4, 3), .indirection), p)
            let result = g.solve()
            lines += result.lines
            XCTAssertEqual(result.tags[fn]?[0].description, "mutator=1")
        }
        do {
            var g = EscapeGraph(options: options)
            let fn = g.declareFunction("Call")
            g.enter(fn)
            let f = g.addVariable("f", .parameter, at: P(7, 11))
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: fn, [pointerParam(g, f)])
            // return f(): an unknown callee whose result is used: callee ← f.
            g.flow(g.note(.callee, S("f()", 8, 10), .calleeOperand), f)
            let result = g.solve()
            lines += result.lines
            XCTAssertEqual(result.tags[fn]?[0].description, "callee=0")
        }
        assertSameLines(lines, golden)
    }

    func testApplyingMutatorCalleeAndResultTags() {
        var g = EscapeGraph(options: EscapeOptions(explains: false))
        let fn = g.declareFunction("F")
        g.enter(fn)
        let r = g.addVariable("r", .local, at: P(4, 2))
        let a = g.addVariable("a", .local, at: P(5, 2))
        var tag = LeakSummary()
        tag.addMutator(1)
        tag.addCallee(0)
        tag.addResult(0, 2)
        let k = g.argumentHole(calleeTag: tag, resultHoles: [.into(r)])
        g.flow(k, a)
        // One tee temp holding a, flowing to mutator (+1), callee (0) and r (+2).
        let tmp = k.destination
        XCTAssertEqual(g.kind(of: tmp), .temporary)
        XCTAssertEqual(g.incomingEdges(of: .mutator), [FlowEdge(source: tmp, derefs: 1)])
        XCTAssertEqual(g.incomingEdges(of: .callee), [FlowEdge(source: tmp, derefs: 0)])
        XCTAssertEqual(g.incomingEdges(of: r), [FlowEdge(source: tmp, derefs: 2)])
        XCTAssertEqual(g.incomingEdges(of: tmp), [FlowEdge(source: a, derefs: 0)])
        // No flows at all: the argument is discarded.
        XCTAssertTrue(g.argumentHole(calleeTag: LeakSummary(), resultHoles: nil).isDiscard)
    }

    func testBodylessFunctions() throws {
        let golden = try CompilerGolden.lines("bodyless", source: """
        package t

        func asm(p *int, u uintptr)

        //go:noescape
        func asmNo(p *int, _ *int)

        func asm2(*int)

        """, assembly: true)
        var lines: [String] = []
        var tags: [[LeakSummary]] = []
        let functions: [(String, FunctionFlags, [ParameterDeclaration])] = [
            ("asm", [.bodyless], [
                ParameterDeclaration(name: "p", position: P(3, 10), hasPointers: true),
                ParameterDeclaration(name: "u", position: P(3, 18), hasPointers: false, isUintptr: true),
            ]),
            ("asmNo", [.bodyless, .noescape], [
                ParameterDeclaration(name: "p", position: P(6, 12), hasPointers: true),
                ParameterDeclaration(name: "~p1", position: P(6, 20), hasPointers: true),
            ]),
            ("asm2", [.bodyless], [ParameterDeclaration(name: nil, position: P(8, 11), hasPointers: true)]),
        ]
        for (name, flags, params) in functions {
            var g = EscapeGraph()
            let fn = g.declareFunction(name, flags: flags)
            g.declareParameters(of: fn, params)
            let result = g.solve()
            lines += result.lines
            tags.append(result.tags[fn] ?? [])
        }
        assertSameLines(lines, golden)
        XCTAssertEqual(tags.map { $0.map(\.description) },
                       [["heap=0", "heap=0"], ["mutator=0 callee=0", "mutator=0 callee=0"], ["heap=0"]])
    }

    func testWrapperAndUnnamedParametersPrintNothing() {
        var g = EscapeGraph()
        let wrapper = g.declareFunction("(*T).M", flags: .wrapper)
        g.enter(wrapper)
        let recv = g.addVariable("t", .parameter, at: P(3, 7))
        g.declareParameters(of: wrapper, [
            pointerParam(g, recv),
            ParameterDeclaration(name: nil, position: P(3, 12), hasPointers: true),
            ParameterDeclaration(name: "_", position: P(3, 18), hasPointers: true),
        ])
        g.flow(.heap, recv)
        let result = g.solve()
        XCTAssertEqual(result.verdicts, [])
        XCTAssertEqual(result.tags[wrapper]?.map(\.encoded),
                       [[], Array("esc:".utf8), Array("esc:".utf8)])
    }

    func testGoDeferWrappersAndAutotmps() throws {
        let golden = try CompilerGolden.lines("go_defer_wrappers", source: """
        package t

        var sink *int

        func store(p *int) { sink = p }

        func GW(p *int) {
        \tgo store(p)
        }

        func DW(p *int) {
        \tdefer store(p)
        }

        """)
        var lines: [String] = []
        var storeTag = LeakSummary()
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("store")
            g.enter(fn)
            let p = g.addVariable("p", .parameter, at: P(5, 12))
            g.declareParameters(of: fn, [pointerParam(g, p)])
            g.flow(g.note(.heap, S("sink = p", 5, 27), .assign), p)
            let result = g.solve()
            lines += result.lines
            storeTag = try XCTUnwrap(result.tags[fn]?[0])
        }
        // `go store(p)` / `defer store(p)` are normalised to `.autotmp_1 = p` followed by a
        // go/defer of a zero-argument wrapper closure capturing the temp; the wrapper's own
        // verdict is never printed.
        for (name, line, callColumn, isGo) in [("GW", Int32(7), Int32(10), true), ("DW", Int32(11), Int32(13), false)] {
            var g = EscapeGraph()
            let outer = g.declareFunction(name)
            let wrapper = g.declareFunction("\(name).\(isGo ? "gowrap1" : "deferwrap1")", closureParent: outer, flags: .wrapper)
            g.enter(outer)
            let p = g.addVariable("p", .parameter, at: P(line, 9))
            let tmp = g.addVariable(".autotmp_1", .autotmp, at: P(line + 1, 2))
            g.declareParameters(of: outer, [pointerParam(g, p)])
            g.flow(g.note(.into(tmp), S(".autotmp_1 = p", line + 1, 2), .assignPair), p)
            let k = isGo ? Hole.heap : g.later(.discard)
            let record = g.spill(k, "func literal", kind: .closure, at: P(line + 1, 2)).destination
            g.suppressVerdict(record)
            g.recordClosure(record, function: wrapper,
                            captures: [CapturedVariable(variable: tmp, use: S(".autotmp_1", line + 1, 2), width: 8)])
            g.enter(wrapper)
            let arg = g.argumentHole(calleeTag: storeTag, resultHoles: nil)
            g.flow(g.note(arg, S("store(.autotmp_1)", line + 1, callColumn), .callParameter), tmp)
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }

    func testUintptrEscapesPragma() throws {
        let golden = try CompilerGolden.lines("uintptr_escapes", source: """
        package t

        //go:uintptrescapes
        func U(p uintptr, xs ...uintptr) int { return int(p) + len(xs) }

        """)
        var g = EscapeGraph()
        let fn = g.declareFunction("U", flags: .uintptrEscapes)
        g.enter(fn)
        let p = g.addVariable("p", .parameter, at: P(4, 8))
        let xs = g.addVariable("xs", .parameter, at: P(4, 19))
        _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        g.declareParameters(of: fn, [
            ParameterDeclaration(name: "p", position: P(4, 8), hasPointers: false, isUintptr: true, location: p),
            ParameterDeclaration(name: "xs", position: P(4, 19), hasPointers: true, isVariadicUintptr: true, location: xs),
        ])
        let result = g.solve()
        assertSameLines(result.lines, golden)
        XCTAssertEqual(result.tags[fn]?.map(\.encoded), [[], []])
    }

    func testMutatorTagDecidesZeroCopy() throws {
        let golden = try CompilerGolden.lines("mutator_tag_zero_copy", source: """
        package t

        func mut(b []byte) { b[0] = 1 }

        func rd(b []byte) int { return len(b) }

        func ZC(s string) { mut([]byte(s)) }

        func ZR(s string) int { return rd([]byte(s)) }

        """)
        var lines: [String] = []
        var mutTag = LeakSummary(), rdTag = LeakSummary()
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("mut")
            g.enter(fn)
            let b = g.addVariable("b", .parameter, at: P(3, 10))
            g.declareParameters(of: fn, [pointerParam(g, b)])
            g.flow(.mutator, b) // b[0] = 1 stores through b
            let result = g.solve()
            lines += result.lines
            mutTag = try XCTUnwrap(result.tags[fn]?[0])
        }
        do {
            var g = EscapeGraph()
            let fn = g.declareFunction("rd")
            g.enter(fn)
            let b = g.addVariable("b", .parameter, at: P(5, 9))
            _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
            g.declareParameters(of: fn, [pointerParam(g, b)])
            let result = g.solve()
            lines += result.lines
            rdTag = try XCTUnwrap(result.tags[fn]?[0])
        }
        XCTAssertEqual(mutTag.description, "mutator=0")
        XCTAssertEqual(rdTag.description, "none")
        // ZC: the conversion's storage reaches mut's mutator: it is mutated, so no zero-copy.
        // ZR: rd's tag has no flows, so the argument is discarded: zero-copy.
        for (name, line, column, tag) in [("ZC", Int32(7), Int32(32), mutTag), ("ZR", Int32(9), Int32(42), rdTag)] {
            var g = EscapeGraph()
            let fn = g.declareFunction(name)
            g.enter(fn)
            let s = g.addVariable("s", .parameter, at: P(line, 9))
            if name == "ZR" { _ = g.addVariable("~r0", .result, at: .none, resultIndex: 1) }
            g.declareParameters(of: fn, [pointerParam(g, s)])
            let arg = g.argumentHole(calleeTag: tag, resultHoles: nil)
            _ = g.spill(g.note(arg, S("call", line, column - 8), .callParameter), "([]byte)(s)",
                        kind: .stringToBytes, at: P(line, column))
            lines += g.solve().lines
        }
        assertSameLines(lines, golden)
    }
}
