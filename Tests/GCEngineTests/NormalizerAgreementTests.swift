import Foundation
import XCTest
import GCEngine
import PassKit
import TestSupport

/// The engine's export against the independent normalizer (`Tests/Oracles/mnormalize`) run on
/// the raw compiler text of the same module: they must agree fact for fact, as multisets.
final class NormalizerAgreementTests: XCTestCase {
    /// The engine's export (in-tree facts as TSV lines) and the normalizer's lines for one module.
    static func exportAndOracle(moduleRoot: String, packages: [PackageInput]) throws -> (exported: [String], expected: [String]) {
        let compilation = GCEngine.compile(root: moduleRoot, packages: packages, configuration: FixtureRuns.configuration())
        XCTAssertNil(compilation.skippedReason)
        XCTAssertEqual(compilation.failedPackages, [], "\(compilation.diagnostics)")
        let exported = compilation.allFacts.filter { !$0.external }.map(\.tsvLine).sorted()
        let normalizer = try TestSupport.goToolchain.buildOracle("mnormalize")
        let raw = try FixtureRuns.rawCompilerText(moduleRoot: moduleRoot)
        let r = try TestSupport.run(normalizer, ["-root", moduleRoot], stdin: Data(raw.utf8))
        XCTAssertEqual(r.status, 0, r.err)
        return (exported, r.out.split(separator: "\n").map(String.init).sorted())
    }

    /// Lists every line one side has more often than the other.
    static func assertSameMultiset(_ exported: [String], _ expected: [String], _ label: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        var remaining: [String: Int] = [:]
        for l in expected { remaining[l, default: 0] += 1 }
        var extra: [String] = []
        for l in exported {
            if let n = remaining[l], n > 0 { remaining[l] = n - 1 } else { extra.append(l) }
        }
        let missing = remaining.flatMap { l, n in Array(repeating: l, count: n) }.sorted()
        XCTAssertEqual(extra, [], "\(label): facts the engine exported that the compiler did not print", file: file, line: line)
        XCTAssertEqual(missing, [], "\(label): facts the compiler printed that the engine did not export", file: file, line: line)
    }

    /// Per-kind counts of the oracle's lines, for the record.
    static func kindCounts(_ lines: [String]) -> String {
        let kinds = Dictionary(grouping: lines, by: { String($0.split(separator: "\t", omittingEmptySubsequences: false)[3]) })
        return kinds.keys.sorted().map { "\($0)=\(kinds[$0]!.count)" }.joined(separator: " ")
    }

    func testAllocsFixtureExportEqualsNormalizedCompilerOutput() throws {
        let root = TestSupport.repoRoot.appendingPathComponent("Tests/PassesTests/Fixtures/allocs").path
        let (exported, expected) = try Self.exportAndOracle(moduleRoot: root, packages: [
            PackageInput(importPath: "example.com/allocs", name: "allocs", directory: "", files: []),
        ])
        XCTAssertGreaterThan(expected.count, 200)
        Self.assertSameMultiset(exported, expected, "allocs")
        print("allocs fixture: \(expected.count) facts agree: \(Self.kindCounts(expected))")
    }

    /// Go's own escape and inlining tests (Go 1.19 copies, from Debian's golang-1.19-src), each
    /// compiled by today's compiler: a corpus of unusual expressions for the parser.
    func testGoCompilerTestCorpusExportEqualsNormalizedCompilerOutput() throws {
        let corpus = "/usr/share/go-1.19/test"
        guard FileManager.default.fileExists(atPath: corpus + "/escape2.go") else {
            throw XCTSkip("Go's compiler tests are not installed (apt-get install golang-1.19-src)")
        }
        var total: [String] = []
        for name in ["escape2", "escape_closure", "escape_iface", "escape5", "inline", "escape_slice",
                     "escape_map", "escape_field", "escape_calls", "escape_struct_return"] {
            let root = try FixtureRuns.scratchModule([
                "\(name).go": try String(contentsOfFile: "\(corpus)/\(name).go", encoding: .utf8),
                "empty.s": "",
            ], module: "t")
            defer { try? FileManager.default.removeItem(atPath: root) }
            let (exported, expected) = try Self.exportAndOracle(moduleRoot: root, packages: [
                PackageInput(importPath: "t", name: "foo", directory: "", files: []),
            ])
            Self.assertSameMultiset(exported, expected, name)
            total += expected
        }
        XCTAssertGreaterThan(total.count, 1000)
        print("Go test corpus: \(total.count) facts agree: \(Self.kindCounts(total))")
    }

    func testEscapesFixtureExportEqualsNormalizedCompilerOutput() throws {
        let compilation = FixtureRuns.escapes
        XCTAssertNil(compilation.skippedReason)
        XCTAssertEqual(compilation.failedPackages, [])
        let exported = compilation.allFacts.filter { !$0.external }.map(\.tsvLine).sorted()
        print("escapes fixture: engine \(String(format: "%.2f", compilation.seconds)) s")

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
        print("escapes fixture: \(expected.count) facts agree: \(Self.kindCounts(expected))")

        // Every kind the fixture is meant to exercise is present.
        let kinds = Set(expected.map { $0.split(separator: "\t", omittingEmptySubsequences: false)[3] })
        for kind in ["can-inline", "cannot-inline", "inline-call", "devirtualize", "moved-to-heap", "escapes",
                     "no-escape", "leak-param", "leak-param-content", "leak-result"] {
            XCTAssertTrue(kinds.contains(Substring(kind)), "fixture has no \(kind) fact")
        }
    }
}
