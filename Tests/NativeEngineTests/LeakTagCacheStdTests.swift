import Foundation
import XCTest
import GoLoader
import GoTypes
import NativeEngine
import PassKit
import TestSupport

/// The leak-tag cache over a subset of the standard library: a session whose cache holds the
/// summaries an earlier session computed reads its dependencies' tags from them instead of
/// analysing those packages, and every fact of every native pass on the scanned packages is the
/// same, byte for byte, as without a cache.
final class LeakTagCacheStdTests: XCTestCase {
    /// Scanned packages: plain code calling into `io`, `strings` and `unicode/utf8`, and a
    /// generic caller (`sort` instantiates `slices`); 29 packages analysed cold, 4 warm.
    static let scanned = ["bufio", "sort"]

    static func inputs() -> [PackageInput] {
        let goroot = TestSupport.goToolchain.goroot
        let src = goroot + "/src"
        return scanned.map { path in
            let files = PackageSource.selectedFiles(directory: src + "/" + path, config: PackageLocator.standardContext)
            return PackageInput(importPath: path, name: String(path.split(separator: "/").last!), directory: path,
                                files: files.map { SourceFileInput(path: String($0.path.dropFirst(src.count + 1)), absolutePath: $0.path, bytes: $0.bytes) },
                                isStandard: true)
        }
    }

    /// Every native fact and site of the scanned packages, as text, and their leak-tag summaries.
    static func everything(_ session: NativeInliningSession, _ inputs: [PackageInput]) throws -> (facts: [String], summaries: [LeakTagSummary?]) {
        var out: [String] = []
        var summaries: [LeakTagSummary?] = []
        for input in inputs {
            out += try session.facts(for: input).map(\.tsvLine)
            out += try session.escapeFacts(for: input).map { ([$0.tsvLine] + $0.explanation).joined(separator: "\n") }
            out += try session.allocationSites(for: input).map { "\($0)" }
            summaries.append(try session.leakTagSummary(for: input))
        }
        return (out, summaries)
    }

    func testAWarmCacheAnswersTheDependenciesAndChangesNoFact() throws {
        let goroot = TestSupport.goToolchain.goroot
        let inputs = Self.inputs()
        let plain = try Self.everything(NativeInliningSession(goroot: goroot, packages: inputs), inputs)

        let cold = SummaryCache(salt: "test") { .success([]) }
        let first = try Self.everything(NativeInliningSession(goroot: goroot, packages: inputs, summaryCache: cold), inputs)
        let rows = cold.newSummaries
        let cachedPackages = Set(rows.map(\.package))
        XCTAssertTrue(cachedPackages.isSuperset(of: ["bufio", "sort", "strings", "slices", "runtime"]),
                      "every analysed package, dependencies included: \(cachedPackages.sorted())")
        XCTAssertEqual(cold.statistics.hits, 0)

        let warm = SummaryCache(salt: "test") { .success(rows) }
        let second = try Self.everything(NativeInliningSession(goroot: goroot, packages: inputs, summaryCache: warm), inputs)
        XCTAssertGreaterThan(warm.statistics.hits, 0, "dependencies read from the cache")
        XCTAssertLessThan(warm.statistics.analysed, cold.statistics.analysed, "fewer packages analysed")
        XCTAssertEqual(warm.statistics.rejected, 0)
        print("leak-tag cache over \(Self.scanned): cold \(cold.statistics), warm \(warm.statistics)")
        XCTAssertEqual(warm.newSummaries, [], "nothing new: every package analysed again has the cached summary")

        XCTAssertGreaterThan(plain.facts.count, 400)
        XCTAssertEqual(first.facts, plain.facts, "a cold cache changes no fact")
        XCTAssertEqual(second.facts, plain.facts, "a warm cache changes no fact")
        XCTAssertEqual(second.summaries, plain.summaries)
        XCTAssertFalse(plain.summaries.contains { $0 == nil || $0!.functions.isEmpty })

    }
}
