import XCTest
import EscapeGraph

/// Forced heap allocations (`HeapAllocReason`): size, zero-sized elements, constant caps.
final class ForcedHeapTests: XCTestCase {
    /// One single-function batch: its locations with the facts the rule needs.
    private struct Site {
        var text: String
        var kind: LocationKindChoice
        var position: SourcePosition
        var facts: HeapAllocationFacts
    }

    private enum LocationKindChoice { case local, allocation(AllocationKind) }

    /// Builds `name`'s batch: the result, then each site flowing into a local (or, for
    /// allocations, into the result through `return`/`assign`), then applies the rule to
    /// every location in creation order and solves.
    private func batch(_ name: String, localName: String?, localPosition: SourcePosition?,
                       site: Site, assign: NoteSite) -> [String] {
        var g = EscapeGraph()
        let fn = g.declareFunction(name)
        g.enter(fn)
        let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
        var facts: [LocationID: HeapAllocationFacts] = [
            r0: HeapAllocationFacts(shape: .parameterOrResult, typeSize: 8, typeAlignment: 8),
        ]
        var local: LocationID?
        if let localName, let localPosition {
            local = g.addVariable(localName, .local, at: localPosition)
        }
        switch site.kind {
        case .local:
            facts[local!] = site.facts
        case .allocation(let kind):
            let dst = local ?? r0
            let loc = g.spill(g.note(.into(dst), assign, local == nil ? .return : .assign), site.text,
                              kind: kind, at: site.position).destination
            facts[loc] = site.facts
        }
        g.decideCaptures()
        for loc in g.locations {
            if let f = facts[loc], let why = HeapAllocationRule.reason(for: f) {
                g.forceHeapAllocation(loc, reason: why)
            }
        }
        return g.solve().lines
    }

    func testForcedHeapReasons() throws {
        let golden = try CompilerGolden.lines("forced_heap", source: """
        package t

        func Big() int {
        \tvar a [131073]byte
        \treturn len(a)
        }

        func BigNew() *[65537]byte {
        \treturn new([65537]byte)
        }

        func Zero(n int) int {
        \ts := make([]struct{}, n)
        \treturn len(s)
        }

        func ConstCap() int {
        \ts := make([]int, 10000)
        \treturn len(s)
        }

        func SmallCap() int {
        \ts := make([]int, 8192)
        \treturn len(s)
        }

        """)
        var lines: [String] = []
        lines += batch("Big", localName: "a", localPosition: P(4, 6),
                       site: Site(text: "a", kind: .local, position: P(4, 6),
                                  facts: HeapAllocationFacts(shape: .plain, typeSize: 131073, typeAlignment: 1)),
                       assign: S("var a [131073]byte", 4, 6))
        lines += batch("BigNew", localName: nil, localPosition: nil,
                       site: Site(text: "new([65537]byte)", kind: .allocation(.new), position: P(9, 12),
                                  facts: HeapAllocationFacts(shape: .newOrPointerLiteral(elementSize: 65537, elementAlignment: 1),
                                                             typeSize: 8, typeAlignment: 8)),
                       assign: S("return new([65537]byte)", 9, 2))
        lines += batch("Zero", localName: "s", localPosition: P(13, 2),
                       site: Site(text: "make([]struct {}, n)", kind: .allocation(.makeSlice), position: P(13, 11),
                                  facts: HeapAllocationFacts(shape: .makeSlice(elementSize: 0, constantCap: nil),
                                                             typeSize: 24, typeAlignment: 8)),
                       assign: S("s := make([]struct {}, n)", 13, 4))
        lines += batch("ConstCap", localName: "s", localPosition: P(18, 2),
                       site: Site(text: "make([]int, 10000)", kind: .allocation(.makeSlice), position: P(18, 11),
                                  facts: HeapAllocationFacts(shape: .makeSlice(elementSize: 8, constantCap: 10000),
                                                             typeSize: 24, typeAlignment: 8)),
                       assign: S("s := make([]int, 10000)", 18, 4))
        lines += batch("SmallCap", localName: "s", localPosition: P(23, 2),
                       site: Site(text: "make([]int, 8192)", kind: .allocation(.makeSlice), position: P(23, 11),
                                  facts: HeapAllocationFacts(shape: .makeSlice(elementSize: 8, constantCap: 8192),
                                                             typeSize: 24, typeAlignment: 8)),
                       assign: S("s := make([]int, 8192)", 23, 4))
        assertSameLines(lines, golden)
    }

    func testRuleBoundaries() {
        let rule = HeapAllocationRule.reason
        XCTAssertNil(rule(HeapAllocationFacts(shape: .plain, typeSize: 131072, typeAlignment: 1)))
        XCTAssertEqual(rule(HeapAllocationFacts(shape: .plain, typeSize: 131073, typeAlignment: 1)), .tooLargeForStack)
        XCTAssertNil(rule(HeapAllocationFacts(shape: .parameterOrResult, typeSize: 1 << 20, typeAlignment: 1)))
        XCTAssertEqual(rule(HeapAllocationFacts(shape: .plain, typeSize: 16, typeAlignment: 16)), .tooAlignedForStack)
        XCTAssertNil(rule(HeapAllocationFacts(shape: .newOrPointerLiteral(elementSize: 65536, elementAlignment: 1),
                                              typeSize: 8, typeAlignment: 8)))
        XCTAssertEqual(rule(HeapAllocationFacts(shape: .record(size: 65537), typeSize: 8, typeAlignment: 8)), .tooLargeForStack)
        XCTAssertNil(rule(HeapAllocationFacts(shape: .makeSlice(elementSize: 8, constantCap: nil), typeSize: 24, typeAlignment: 8)))
    }
}
