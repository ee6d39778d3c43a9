import Foundation
import XCTest
import AllocationsPass
import GCEngine
import NativeEngine
import PassKit
import TestSupport

/// The native allocations pass (`engine: native`, `NativeAllocations`) against the two
/// references: the gc engine's `alloc` facts (the compiler's verdicts confirmed by its assembly)
/// and the run time (`testing.AllocsPerRun`, `Tests/Oracles/allocsrun`). Floors are the
/// measured agreement minus a small margin; every disagreement is printed.
final class NativeAllocationsTests: XCTestCase {
    static let harness = Result { try PassHarness(fixture: "allocs", importPath: "example.com/allocs", name: "allocs") }

    /// Per allocation kind (first word of the detail) F1 of the native facts against the gc
    /// engine's, over the allocs fixture.
    func testNativeFactsAgreeWithTheGCEngine() throws {
        let harness = try Self.harness.get()
        let gc = try harness.run().allocations.facts.filter { !$0.external }
        let native = try harness.runNative().allocations.facts.filter { !$0.external }
        XCTAssertFalse(gc.isEmpty)
        XCTAssertFalse(native.isEmpty)
        let comparison = FactComparison(a: native, b: gc)
        let report = comparison.disagreements.map {
            "\($0.countA > $0.countB ? "only native" : "only gc    ") \($0.key.tsvLine)"
        }
        print("native vs gc alloc facts: F1 \(String(format: "%.4f", comparison.total.f1)) "
              + "(native \(comparison.total.countA), gc \(comparison.total.countB), both \(comparison.total.truePositives))")
        for (kind, score) in Self.perKind(native: native, gc: gc) {
            print("  \(kind)\tnative \(score.countA)\tgc \(score.countB)\tboth \(score.truePositives)\tF1 \(String(format: "%.4f", score.f1))")
        }
        print(report.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(comparison.total.f1, Self.factFloor, report.joined(separator: "\n"))
    }

    /// Measured 2026-12-05: F1 0.9477 (154 facts in both; 163 native, 162 gc; 0.8978 before the
    /// gc engine read only the first insert of a small heap map literal as allocating and paired
    /// verdicts with the call of their most likely kind). The rest: appends the slice pass keeps
    /// on the stack, map hints and non-escaping `make`s the assembly calls for but that always
    /// allocate, a devirtualized call, one moved variable SSA removes.
    static let factFloor = 0.942

    /// The shipped example module: every native `alloc` fact equals the gc engine's.
    func testExamplesAgreeWithTheGCEngine() throws {
        let root = TestSupport.repoRoot.appendingPathComponent("Examples").path
        let harness = try PassHarness(root: root, importPath: "example.com/heapsight/examples", name: "examples")
        let gc = try harness.run().allocations.facts.filter { !$0.external }
        let native = try harness.runNative().allocations.facts.filter { !$0.external }
        let comparison = FactComparison(a: native, b: gc)
        XCTAssertGreaterThanOrEqual(gc.count, 10)
        XCTAssertEqual(comparison.disagreements.map(\.key.tsvLine), [])
    }

    /// The growth the backend removes or keeps after escape analysis (`Fixtures/allocsgrow`:
    /// capacities that are sums of lengths, slices of arrays, code dead once inlined arguments
    /// are constants, the slice pass's parameters and named results): every native `alloc`
    /// fact equals the gc engine's, which the compiler's assembly confirms.
    func testBackendGrowthAgreesWithTheAssembly() throws {
        let harness = try PassHarness(fixture: "allocsgrow", importPath: "example.com/allocsgrow", name: "allocsgrow")
        let gc = try harness.run().allocations.facts.filter { !$0.external }
        let native = try harness.runNative().allocations.facts.filter { !$0.external }
        XCTAssertGreaterThanOrEqual(gc.filter { $0.detail.hasPrefix("append-grow") }.count, 10)
        XCTAssertEqual(FactComparison(a: native, b: gc).disagreements.map(\.key.tsvLine), [])
    }

    /// F1 per allocation kind.
    static func perKind(native: [Fact], gc: [Fact]) -> [(String, FactComparison.KindScore)] {
        func kind(_ f: Fact) -> String { String(f.detail.split(separator: " ").first ?? "") }
        let kinds = Set(native.map(kind) + gc.map(kind)).sorted()
        return kinds.map { k in
            (k, FactComparison(a: native.filter { kind($0) == k }, b: gc.filter { kind($0) == k }).total)
        }
    }

    /// Native predictions per call against `testing.AllocsPerRun` on the loop-free functions.
    func testNativePredictionsMatchAllocsPerRun() throws {
        let harness = try Self.harness.get()
        let result = try harness.runNative().allocations.result
        XCTAssertFalse(result.confirmedByAssembly)
        let measured = try AllocsOracle.measure()
        var loopFree = 0, matches = 0
        var misses: [String] = []
        for function in harness.functions.sorted(by: { $0.name < $1.name }) {
            guard let m = measured[function.name], !function.isLiteral, !function.id.contains("(") else { continue }
            let counts = result.functions[function.id] ?? FunctionAllocations()
            if counts.hasLoops { continue }
            loopFree += 1
            if Double(counts.allocationsPerCall) == m {
                matches += 1
            } else {
                misses.append("\(function.name)\tpredicted=\(counts.allocationsPerCall)\tmay=\(counts.maySites)\tmeasured=\(m)")
            }
        }
        print("native AllocsPerRun: \(matches)/\(loopFree) loop-free functions exact")
        print(misses.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(loopFree, 150)
        XCTAssertGreaterThanOrEqual(matches, Self.allocsPerRunFloor, misses.joined(separator: "\n"))
    }

    /// Measured 2026-12-05: 162 of 165 exact (98.2%; the five newest functions cover appends
    /// within a constant capacity, `make([]T, 0)` and named slice and map literals); the floor is
    /// that minus a margin of 2.
    /// Misses: BoxSmallInt (run-time value below 256 boxed from a static table),
    /// ConcatLocalBig and MakeSliceVarLocalBig (run-time sizes beyond the 32-byte stack buffer,
    /// `may`).
    static let allocsPerRunFloor = 160

    /// Heap sites carry their cause and remedy; stack sites carry none.
    func testHeapSitesCarryCauseAndRemedy() throws {
        let facts = try Self.harness.get().runNative().allocations.facts
        let heap = facts.filter { $0.detail.contains(" heap ") }
        XCTAssertFalse(heap.isEmpty)
        for fact in heap {
            XCTAssertTrue(fact.explanation.contains { $0.hasPrefix("cause: ") }, fact.tsvLine)
            XCTAssertTrue(fact.explanation.contains { $0.hasPrefix("remedy: ") }, fact.tsvLine)
        }
        for fact in facts where fact.detail.contains(" stack ") {
            XCTAssertFalse(fact.explanation.contains { $0.hasPrefix("remedy: ") }, fact.tsvLine)
        }
        // Sites -m never prints, from the IR.
        func alloc(_ name: String) -> [String] { facts.filter { $0.function == "example.com/allocs.\(name)" }.map(\.detail) }
        XCTAssertEqual(alloc("MakeChanEscapes"), ["make-chan heap depth=0"])
        XCTAssertTrue(alloc("ConcatAssign").contains("concat heap depth=0"))
        XCTAssertTrue(alloc("GoStatement").contains("go may depth=0"))
        XCTAssertTrue(alloc("DeferLoop").contains("defer may depth=1"))
        XCTAssertTrue(alloc("MapAssignGrow").contains("map-grow may depth=1"))
        // Boxing that never allocates is no site.
        XCTAssertEqual(alloc("BoxConst"), [])
        XCTAssertEqual(alloc("BoxBool"), [])
        XCTAssertEqual(alloc("BoxZeroSize"), [])
    }
}

/// Runs `Tests/Oracles/allocsrun`: allocations per call of every fixture function.
enum AllocsOracle {
    static func measure() throws -> [String: Double] {
        let oracle = try TestSupport.goToolchain.buildOracle("allocsrun")
        let r = try TestSupport.run(oracle, [], environment: TestSupport.goToolchain.environment())
        guard r.status == 0 else { throw NSError(domain: "AllocsOracle", code: 1, userInfo: [NSLocalizedDescriptionKey: r.err]) }
        var measured: [String: Double] = [:]
        for line in r.out.split(separator: "\n") {
            let f = line.split(separator: "\t")
            measured[String(f[0])] = Double(f[1])
        }
        return measured
    }
}

/// Native `alloc` facts against the gc engine's on Go's own escape-analysis tests (Go 1.19's
/// `test/escape*.go` with `-m` in their first line, each compiled by 1.27.3 as a module of its
/// own; files the compiler rejects are skipped). Every disagreement is printed.
final class NativeAllocationsCorpusTests: XCTestCase {
    func testGoEscapeTestsAgreeWithTheGCEngine() throws {
        let corpus = "/usr/share/go-1.19/test"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
            .filter { $0.hasPrefix("escape") && $0.hasSuffix(".go") }.sorted()
        XCTAssertFalse(files.isEmpty, "Go's compiler tests are not installed (apt-get install golang-1.19-src)")
        var native: [Fact] = [], gc: [Fact] = []
        var compared = 0
        for name in files {
            let text = try String(contentsOfFile: "\(corpus)/\(name)", encoding: .utf8)
            guard let header = text.split(separator: "\n").first, header.hasPrefix("// errorcheck"), header.contains(" -m"),
                  let package = text.split(separator: "\n").first(where: { $0.hasPrefix("package ") })?
                    .dropFirst("package ".count).split(separator: " ").first.map(String.init) else { continue }
            let module = String(name.dropLast(3))
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-allocs-\(module)-\(getpid())").path
            try? FileManager.default.removeItem(atPath: root)
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: root) }
            try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
            try "module example.com/\(module)\n\ngo 1.27\n".write(toFile: root + "/go.mod", atomically: true, encoding: .utf8)
            let harness = try PassHarness(root: root, importPath: "example.com/\(module)", name: package)
            guard harness.compilation.failedPackages.isEmpty else { continue }  // no longer compiles with 1.27.3
            compared += 1
            let g = try harness.run().allocations.facts.filter { !$0.external }
            let n = try harness.runNative().allocations.facts.filter { !$0.external }
            gc += g.map { Self.qualified($0, module) }
            native += n.map { Self.qualified($0, module) }
        }
        let comparison = FactComparison(a: native, b: gc)
        print("go test/escape*.go (\(compared) files): native vs gc alloc F1 \(String(format: "%.4f", comparison.total.f1)) "
              + "(native \(comparison.total.countA), gc \(comparison.total.countB), both \(comparison.total.truePositives))")
        for (kind, score) in NativeAllocationsTests.perKind(native: native, gc: gc) {
            print("  \(kind)\tnative \(score.countA)\tgc \(score.countB)\tboth \(score.truePositives)\tF1 \(String(format: "%.4f", score.f1))")
        }
        let report = comparison.disagreements.map { "\($0.countA > $0.countB ? "only native" : "only gc    ") \($0.key.tsvLine)" }
        print(report.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(compared, 15)
        XCTAssertGreaterThanOrEqual(comparison.total.f1, Self.floor, report.joined(separator: "\n"))
    }

    /// Measured 2026-12-05: F1 0.9894 (468 facts in both of 473 native and 473 gc; 0.9683 before
    /// the gc engine paired verdicts with the call of their most likely kind); floor = that
    /// minus 0.005.
    static let floor = 0.984

    /// The fact with its file named after its module (every file is compiled on its own).
    static func qualified(_ fact: Fact, _ module: String) -> Fact {
        var f = fact
        f.file = module + "/" + f.file
        return f
    }
}
