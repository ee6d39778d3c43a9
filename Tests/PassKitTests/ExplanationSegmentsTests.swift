import PassKit
import XCTest

/// The rule that gives each escape verdict the explanation blocks printed before it.
final class ExplanationSegmentsTests: XCTestCase {
    func testEachVerdictTakesTheBlocksSinceThePreviousVerdictAtItsKey() {
        var s = ExplanationSegments<String, String>()
        s.add("F[int] block", at: "p")
        s.add("other key", at: "q")
        let first = s.verdict(at: "p")
        s.add("F[string] block", at: "p")
        let second = s.verdict(at: "p")
        XCTAssertEqual(first.map { s.segments[$0] }, ["F[int] block"])
        XCTAssertEqual(second.map { s.segments[$0] }, ["F[string] block"])
        XCTAssertEqual(s.verdict(at: "q").map { s.segments[$0] }, ["other key"])
    }

    func testVerdictsWithNoBlockBetweenShareASegment() {
        var s = ExplanationSegments<String, String>()
        s.add("leaks to before", at: "s")
        s.add("leaks to after", at: "s")
        let a = s.verdict(at: "s"), b = s.verdict(at: "s")
        XCTAssertNotNil(a)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.map { s.segments[$0] }, ["leaks to before", "leaks to after"])
    }

    func testBlocksNoVerdictFollowsExplainNothing() {
        var s = ExplanationSegments<String, String>()
        XCTAssertNil(s.verdict(at: "p"), "a verdict with no block before it has no explanation")
        s.add("method", at: "p")
        let method = s.verdict(at: "p")
        s.add("wrapper", at: "p")
        XCTAssertEqual(method.map { s.segments[$0] }, ["method"])
        XCTAssertEqual(s.segments.count, 1)
    }
}
