import Foundation
import XCTest
import GCEngine
import PassKit
import TestSupport

/// The engine's export against the independent normalizer (`Tests/Oracles/mnormalize`) run on
/// the raw compiler text of the same module: they must agree fact for fact, as multisets.
final class NormalizerAgreementTests: XCTestCase {
    func testEscapesFixtureExportEqualsNormalizedCompilerOutput() throws {
        let compilation = FixtureRuns.escapes
        XCTAssertNil(compilation.skippedReason)
        XCTAssertEqual(compilation.failedPackages, [])
        let exported = compilation.allFacts.filter { !$0.external }.map(\.tsvLine).sorted()

        let normalizer = try TestSupport.goToolchain.buildOracle("mnormalize")
        let raw = try FixtureRuns.rawCompilerText(moduleRoot: FixtureRuns.escapesRoot)
        let r = try TestSupport.run(normalizer, ["-root", FixtureRuns.escapesRoot], stdin: Data(raw.utf8))
        XCTAssertEqual(r.status, 0, r.err)
        let expected = r.out.split(separator: "\n").map(String.init).sorted()

        XCTAssertGreaterThan(expected.count, 150, "the fixture should make the compiler print many decisions")
        var remaining: [String: Int] = [:]
        for line in expected { remaining[line, default: 0] += 1 }
        var extra: [String] = []
        for line in exported {
            if let n = remaining[line], n > 0 { remaining[line] = n - 1 } else { extra.append(line) }
        }
        let missing = remaining.flatMap { line, n in Array(repeating: line, count: n) }.sorted()
        XCTAssertEqual(extra, [], "facts the engine exported that the compiler did not print")
        XCTAssertEqual(missing, [], "facts the compiler printed that the engine did not export")
        XCTAssertEqual(exported, expected)

        // Every kind the fixture is meant to exercise is present.
        let kinds = Set(expected.map { $0.split(separator: "\t", omittingEmptySubsequences: false)[3] })
        for kind in ["can-inline", "cannot-inline", "inline-call", "devirtualize", "moved-to-heap", "escapes",
                     "no-escape", "leak-param", "leak-param-content", "leak-result"] {
            XCTAssertTrue(kinds.contains(Substring(kind)), "fixture has no \(kind) fact")
        }
    }
}
