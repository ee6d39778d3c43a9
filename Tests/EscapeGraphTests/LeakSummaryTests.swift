import Foundation
import XCTest
import EscapeGraph

/// The tag format: the compiler's eight bytes, `""` for "heap with 0 derefs", `esc:` + bytes.
final class LeakSummaryTests: XCTestCase {
    private let prefix = Array("esc:".utf8)

    func testEncodingMatchesTheCompilersFormat() {
        XCTAssertEqual(LeakSummary().encoded, prefix, "no flows at all")
        var heap0 = LeakSummary()
        heap0.addHeap(0)
        XCTAssertEqual(heap0.encoded, [], "heap with 0 derefs is the empty tag")
        var content = LeakSummary()
        content.addHeap(1)
        content.addResult(0, 0)
        XCTAssertEqual(content.encoded, prefix + [2, 0, 0, 1], "Appender's s")
        var r4 = LeakSummary()
        r4.addResult(4, 3)
        XCTAssertEqual(r4.encoded, prefix + [0, 0, 0, 0, 0, 0, 0, 4], "trailing zeros only are trimmed")
        var noescape = LeakSummary()
        noescape.addMutator(0)
        noescape.addCallee(0)
        XCTAssertEqual(noescape.encoded, prefix + [0, 1, 1], "//go:noescape")
    }

    func testParsingRoundTripsAndDefaultsToHeap() {
        for tag in [[], prefix, prefix + [2, 0, 0, 1], prefix + [0, 1, 1], prefix + [0, 0, 0, 0, 0, 0, 0, 4],
                    prefix + [3, 2]] {
            XCTAssertEqual(LeakSummary(encoded: tag).encoded, tag)
        }
        XCTAssertEqual(LeakSummary(encoded: Array("garbage".utf8)).description, "heap=0")
        XCTAssertEqual(LeakSummary(encoded: []).description, "heap=0")
        XCTAssertEqual(LeakSummary(encoded: prefix).description, "none")
        XCTAssertFalse(LeakSummary(encoded: prefix).any)
    }

    func testMinimumDerefsAndSaturation() {
        var l = LeakSummary()
        l.addHeap(3)
        l.addHeap(1)
        l.addHeap(2)
        XCTAssertEqual(l.heap, 1)
        var big = LeakSummary()
        big.addResult(1, 1000)
        XCTAssertEqual(big.result(1), 254, "derefs saturate at 254 (byte 255)")
    }

    func testOptimizeDropsFlowsNoShorterThanTheHeap() {
        var l = LeakSummary()
        l.addHeap(1)
        l.addResult(0, 0)
        l.addResult(1, 1)
        l.addMutator(2)
        l.addCallee(0)
        l.optimize()
        XCTAssertEqual(l.description, "heap=1 callee=0 r0=0")
    }

    func testCodableIsTheTagBytes() throws {
        var l = LeakSummary()
        l.addHeap(1)
        l.addResult(0, 0)
        let data = try JSONEncoder().encode(l)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[101,115,99,58,2,0,0,1]")
        XCTAssertEqual(try JSONDecoder().decode(LeakSummary.self, from: data), l)
    }
}
