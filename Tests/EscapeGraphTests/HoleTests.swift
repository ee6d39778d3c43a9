import XCTest
import EscapeGraph

/// The rules of `flow` and the hole operations, checked on the graph's edges.
final class HoleTests: XCTestCase {
    private func graph() -> (EscapeGraph, LocationID, LocationID) {
        var g = EscapeGraph(options: EscapeOptions(explains: false))
        let fn = g.declareFunction("F")
        g.enter(fn)
        let x = g.addVariable("x", .local, at: P(3, 2))
        let y = g.addVariable("y", .local, at: P(4, 2))
        return (g, x, y)
    }

    func testDerefCountsAndAddressTaking() {
        var (g, x, y) = graph()
        g.flow(g.addr(.into(x), S("&y", 5, 6), .addressOf), y)
        XCTAssertEqual(g.incomingEdges(of: x), [FlowEdge(source: y, derefs: -1)])
        XCTAssertTrue(g.flags(of: y).contains(.addressTaken))
        g.flow(g.deref(g.deref(.into(y), S("*x", 6, 6), .indirection), S("**x", 6, 5), .indirection), x)
        XCTAssertEqual(g.incomingEdges(of: y), [FlowEdge(source: x, derefs: 2)])
        XCTAssertFalse(g.flags(of: x).contains(.addressTaken))
    }

    func testBlankAndSelfFlowsAreDropped() {
        var (g, x, _) = graph()
        g.flow(.discard, x)
        g.flow(.into(x), x)
        g.flow(Hole.into(x).shifted(by: 1), x)
        XCTAssertEqual(g.edgeCount, 0)
        // An address taken into blank still marks the variable.
        g.flow(Hole.discard.shifted(by: -1), x)
        XCTAssertTrue(g.flags(of: x).contains(.addressTaken))
        // x = &x is not a self flow.
        g.flow(Hole.into(x).shifted(by: -1), x)
        XCTAssertEqual(g.incomingEdges(of: x), [FlowEdge(source: x, derefs: -1)])
    }

    func testAddressIntoEscapingDestinationEscapesImmediately() {
        var (g, x, y) = graph()
        g.flow(Hole.heap.shifted(by: -1), x)
        XCTAssertEqual(g.attributes(of: x), .all)
        XCTAssertEqual(g.incomingEdges(of: .heap), [], "no edge: the source escaped at once")
        g.flow(.heap, y)
        XCTAssertEqual(g.incomingEdges(of: .heap), [FlowEdge(source: y, derefs: 0)])
        XCTAssertEqual(g.attributes(of: y), .persists, "a value flow is left to the solver")
    }

    func testTeeLaterAndSpill() {
        var (g, x, y) = graph()
        XCTAssertTrue(g.teeHole([]).isDiscard)
        XCTAssertEqual(g.teeHole([.into(x)]), .into(x))
        let tee = g.teeHole([.into(x), Hole.into(y).shifted(by: 1)])
        XCTAssertEqual(g.kind(of: tee.destination), .temporary)
        XCTAssertEqual(g.incomingEdges(of: y), [FlowEdge(source: tee.destination, derefs: 1)])
        XCTAssertFalse(g.attributes(of: tee.destination).contains(.persists))
        let later = g.later(.into(x))
        XCTAssertTrue(g.attributes(of: later.destination).contains(.persists))
        let store = g.spill(.into(y), "new(int)", kind: .new, at: P(7, 9))
        XCTAssertEqual(g.explanationName(of: store.destination), "{storage for new(int)}")
        XCTAssertEqual(g.incomingEdges(of: y).last, FlowEdge(source: store.destination, derefs: -1))
        XCTAssertEqual(g.explanationName(of: tee.destination), "{temp}")
        XCTAssertEqual(g.explanationName(of: .heap), "{heap}")
        XCTAssertEqual(g.explanationName(of: x), "x")
    }

    func testTransientRecordsAndOutlives() {
        var g = EscapeGraph(options: EscapeOptions(explains: false))
        let outer = g.declareFunction("F")
        let inner = g.declareFunction("F.func1", closureParent: outer)
        let innermost = g.declareFunction("F.func1.1", closureParent: inner)
        XCTAssertTrue(g.contains(outer, closure: innermost))
        XCTAssertFalse(g.contains(innermost, closure: outer))
        XCTAssertFalse(g.contains(outer, closure: outer))
        g.enter(outer)
        let l = g.addVariable("l", .local, at: P(3, 6))
        // A closure record passed to a callee whose tag has no flows is dropped: transient.
        let record = g.spill(g.argumentHole(calleeTag: LeakSummary(), resultHoles: nil),
                             "func literal", kind: .closure, at: P(4, 8)).destination
        g.recordClosure(record, function: inner, captures: [])
        g.enter(inner)
        let v = g.addVariable("v", .local, at: P(5, 3))
        XCTAssertTrue(g.outlives(l, v), "the parent's locals outlive a closure's")
        XCTAssertFalse(g.outlives(v, l))
        XCTAssertFalse(g.outlives(.mutator, v))
        XCTAssertTrue(g.outlives(.heap, v))
        _ = g.solve()
        XCTAssertTrue(g.flags(of: record).contains(.transient))
    }
}
