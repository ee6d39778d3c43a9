import Foundation
import XCTest
import GCEngine
import PassKit
import TestSupport

/// A scan of unchanged packages is served by the go build cache: the go command replays the
/// compiler's `-m=2` and `-S` text, nothing is compiled, and the facts are the same as from a
/// compile. Measured on a private, initially empty `GOCACHE`: a compile stores new entries, a
/// replay stores none.
final class GCEngineBuildCacheTests: XCTestCase {
    private func cacheEntries(_ cache: String) -> Int {
        let files = FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []
        return files.filter { !$0.hasSuffix("README") && !$0.hasSuffix("trim.txt") && !$0.hasSuffix("testexpire.txt") }.count
    }

    func testUnchangedPackagesAreReplayedFromTheBuildCacheWithTheSameFacts() throws {
        let source = "package a\n\ntype T struct{ n int }\n\nfunc New(n int) *T { return &T{n} }\n\nfunc Grow(s []int, v int) []int { return append(s, v) }\n"
        let root = try FixtureRuns.scratchModule(["a.go": source])
        let cache = root + "-gocache"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: cache) }
        var configuration = FixtureRuns.configuration(assembly: true)
        configuration.environment["GOCACHE"] = cache
        let packages = [PackageInput(importPath: "example.com/scratch", name: "a", directory: "", files: [])]

        let compiled = GCEngine.compile(root: root, packages: packages, configuration: configuration)
        XCTAssertEqual(compiled.failedPackages, [], "\(compiled.diagnostics)")
        let afterCompile = cacheEntries(cache)
        XCTAssertGreaterThan(afterCompile, 0, "the compile stores its output in the private cache")
        XCTAssertTrue(compiled.allFacts.contains { $0.kind == .escapes && $0.subject == "&T{...}" }, "\(compiled.allFacts.map(\.tsvLine))")
        let calls = compiled.allocatorCallsByPackage["example.com/scratch"] ?? []
        XCTAssertTrue(calls.contains { $0.symbol == "example.com/scratch.New" && AllocatorCall.kind(ofRuntimeFunction: $0.runtimeFunction) == .new }, "\(calls)")
        XCTAssertTrue(calls.contains { $0.symbol == "example.com/scratch.Grow" && $0.runtimeFunction == "growslice" }, "\(calls)")

        let replayed = GCEngine.compile(root: root, packages: packages, configuration: configuration)
        XCTAssertEqual(cacheEntries(cache), afterCompile, "a second scan of unchanged packages compiles nothing")
        XCTAssertEqual(replayed.allFacts, compiled.allFacts)
        XCTAssertEqual(replayed.allFacts.map(\.explanation), compiled.allFacts.map(\.explanation))
        XCTAssertEqual(replayed.allocatorCallsByPackage, compiled.allocatorCallsByPackage)
        XCTAssertEqual(replayed.failedPackages, [])

        // A changed source is compiled again, and its new decisions are read.
        try (source + "\nfunc Box(n int) any { return n }\n").write(toFile: root + "/a.go", atomically: true, encoding: .utf8)
        let changed = GCEngine.compile(root: root, packages: packages, configuration: configuration)
        XCTAssertGreaterThan(cacheEntries(cache), afterCompile, "a changed package is compiled")
        XCTAssertTrue(changed.allFacts.contains { $0.kind == .escapes && $0.subject == "n" && $0.line == 9 },
                      "\(changed.allFacts.map(\.tsvLine))")
    }
}
