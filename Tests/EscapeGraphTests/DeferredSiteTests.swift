import XCTest
import EscapeGraph

/// Note sites described only when an explanation prints them (`NoteSite(deferred:)` and
/// `EscapeBatchResult.describeDeferredSites`): the lines are the compiler's, every printed
/// site is described once, and a site no explanation prints is never described.
final class DeferredSiteTests: XCTestCase {
    /// The sites of `Appender` (see `BasicFlowTests.testAppenderWorkedExample`) by the code
    /// the test gives each, plus one that no explanation prints.
    private let sites: [UInt8: NoteSite] = [
        1: S("return append(s, p)", 3, 42),
        2: S("append(s, p)", 3, 55),
        3: S("never printed", 3, 1),
    ]

    private func deferred(_ code: UInt8) -> NoteSite {
        NoteSite(deferred: DeferredSite(kind: code, function: 0, node: Int32(code)))
    }

    func testDeferredSitesPrintTheCompilersLines() throws {
        let golden = try CompilerGolden.lines("appender", source: """
        package t

        func Appender(s []*int, p *int) []*int { return append(s, p) }

        """)
        // A local the parameter flows into through a note of its own: it outlives nothing,
        // so no explanation walks that edge.
        var appender = AppenderGraph(returnSite: deferred(1), callSite: deferred(2)) { g, p in
            let y = g.addVariable("y", .local, at: P(3, 1))
            g.flow(g.note(.into(y), self.deferred(3), .assign), p)
        }
        var result = appender.graph.solve()

        var described: [UInt8] = []
        result.describeDeferredSites { d in
            described.append(d.kind)
            return sites[d.kind]!
        }
        assertSameLines(result.lines, golden)
        XCTAssertEqual(described.sorted(), [1, 2], "each printed site described once, the unprinted one never")
        let notes = result.explanations.flatMap { $0.steps.flatMap(\.notes) }
        XCTAssertFalse(notes.isEmpty)
        XCTAssertTrue(notes.allSatisfy { $0.deferred == nil })
    }
}
