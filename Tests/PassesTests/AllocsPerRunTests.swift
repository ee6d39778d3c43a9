import Foundation
import XCTest
import AllocationsPass
import PassKit
import TestSupport

/// The allocations pass against the runtime: for every loop-free function of the allocs
/// fixture, the predicted heap allocations per call must equal what testing.AllocsPerRun
/// measures, for at least 93% of them. The remaining ones are listed here as known gaps.
final class AllocsPerRunTests: XCTestCase {
    /// Functions where the prediction is known to differ, and why.
    static let knownGaps: [String: String] = [
        "BoxSmallInt": "boxing an int is reported heap, but run-time values below 256 come from a static table (0 allocations)",
        "MakeMapHintEscapes": "make(map, 100) is one makemap call that allocates the map and its groups up front (4 allocations)",
        "ConcatLocalBig": "a non-escaping concatenation uses a 32-byte stack buffer: `may`, and this result is longer (1 allocation)",
        "MakeSliceVarLocalBig": "a non-escaping make with a run-time size uses a 32-byte stack buffer: `may`, and 1000 ints do not fit (1 allocation)",
        "AppendNilBigLocal": "a non-escaping append is `may` (stack buffer), and 5 ints (40 bytes) overflow the 32-byte buffer (1 allocation)",
        "MakeMapHintLocal": "a non-escaping make(map, 9) is `may` (a makemap call), but a constant hint above 8 always allocates the groups (3 allocations)",
        "MakeMapHintNine": "make(map, 9) is one makemap call that allocates the map, its directory, table and groups (4 allocations)",
        "MakeSliceVarWide": "a non-escaping make with a run-time size is `may`, but elements over 32 bytes get no stack buffer (1 allocation)",
        "MapLitTenEscapes": "a literal of more than 8 entries is one makemap call that allocates the map and its groups up front (4 allocations)",
    ]

    func testPredictedAllocationsPerCallMatchAllocsPerRun() throws {
        let harness = try PassHarness(fixture: "allocs", importPath: "example.com/allocs", name: "allocs")
        XCTAssertEqual(harness.compilation.failedPackages, [])
        let outputs = try harness.run()
        let result = outputs.allocations.result
        XCTAssertTrue(result.confirmedByAssembly)

        let oracle = try TestSupport.goToolchain.buildOracle("allocsrun")
        let r = try TestSupport.run(oracle, [], environment: TestSupport.goToolchain.environment())
        XCTAssertEqual(r.status, 0, r.err)
        var measured: [String: Double] = [:]
        for line in r.out.split(separator: "\n") {
            let f = line.split(separator: "\t")
            measured[String(f[0])] = Double(f[1])
        }
        // Every exported fixture function is measured.
        let exported = harness.functions.filter {
            !$0.isLiteral && $0.name.first!.isUppercase && !$0.id.contains("(") && $0.name != "CountFunc"
        }
        XCTAssertEqual(Set(measured.keys), Set(exported.map(\.name)))
        XCTAssertGreaterThanOrEqual(exported.count, 60)

        var loopFree = 0, matches = 0
        var mismatches: [String] = []
        var report: [String] = []
        for function in exported.sorted(by: { $0.name < $1.name }) {
            let counts = result.functions[function.id] ?? FunctionAllocations()
            guard let m = measured[function.name] else { continue }
            report.append("\(function.name)\tpredicted=\(counts.allocationsPerCall)\tmay=\(counts.maySites)\tmeasured=\(m)\tloops=\(counts.hasLoops)")
            if counts.hasLoops { continue }
            loopFree += 1
            if Double(counts.allocationsPerCall) == m { matches += 1 } else { mismatches.append(function.name) }
        }
        let share = Double(matches) / Double(loopFree)
        print("AllocsPerRun: \(matches)/\(loopFree) loop-free functions match (\(String(format: "%.1f", share * 100))%)")
        // Measured 2026-12-05: 156 of 165 (94.5%; 150 of 160 before the first insert of a small
        // heap map literal alone was read as allocating) once the fixture covered every row of
        // go-compiler-facts.md §4.1 and the sites the -m text cannot decide; the floor keeps a
        // small margin.
        XCTAssertGreaterThanOrEqual(share, 0.94, report.joined(separator: "\n"))
        XCTAssertEqual(Set(mismatches), Set(Self.knownGaps.keys),
                       "mismatches changed; update knownGaps with the reason:\n" + report.joined(separator: "\n"))

        // Functions with loops: their per-iteration heap sites are counted as sites in loops.
        func counts(_ name: String) -> FunctionAllocations { result.functions["example.com/allocs.\(name)"] ?? FunctionAllocations() }
        for name in ["NewInLoop", "ConcatInLoop"] {
            XCTAssertTrue(counts(name).hasLoops, name)
            XCTAssertEqual(counts(name).heapSitesInLoops, 1, name)
            XCTAssertGreaterThan(measured[name] ?? 0, 1, "\(name) allocates once per iteration")
        }
        XCTAssertEqual(counts("MapAssignGrow").maySites, 1)
    }

    func testSitesCarryKindPlacementDepthAndPosition() throws {
        let harness = try PassHarness(fixture: "allocs", importPath: "example.com/allocs", name: "allocs")
        let outputs = try harness.run()
        let facts = outputs.allocations.facts
        let source = String(decoding: harness.package.files.first { $0.path == "allocs.go" }!.bytes, as: UTF8.self)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of function: String) -> (number: Int, text: Substring) {
            let i = lines.firstIndex { $0.hasPrefix("func \(function)()") }!
            return (i + 1, lines[i])
        }
        func column(_ needle: String, in text: Substring) -> Int {
            text.utf8.distance(from: text.startIndex, to: text.range(of: needle)!.lowerBound) + 1
        }
        func alloc(_ function: String) -> [Fact] {
            facts.filter { $0.function == "example.com/allocs.\(function)" }
        }
        // make(chan) is never printed by -m; the site comes from the makechan call, at the `(`.
        let chan = line(of: "MakeChanEscapes")
        XCTAssertEqual(alloc("MakeChanEscapes").map(\.tsvLine),
                       ["allocs.go\t\(chan.number)\t\(column("make(chan", in: chan.text) + 4)\talloc\tmake(chan int)\tmake-chan heap depth=0"])
        // A buffered channel of pointers is two allocations (channel and buffer) per call.
        XCTAssertEqual(outputs.allocations.result.functions["example.com/allocs.MakeChanOfPtrLocal"]?.allocationsPerCall, 2)
        // A composite literal that escapes: at the `&`, kind composite, heap.
        let lit = line(of: "PtrLitEscapes")
        XCTAssertEqual(alloc("PtrLitEscapes").map(\.tsvLine),
                       ["allocs.go\t\(lit.number)\t\(column("&small", in: lit.text))\talloc\t&small{...}\tcomposite heap depth=0"])
        // Non-escaping literal: stack.
        XCTAssertEqual(alloc("PtrLitLocal").map(\.detail), ["composite stack depth=0"])
        // A boxed constant is not an allocation site at all.
        XCTAssertEqual(alloc("BoxConst"), [])
        // In a loop: depth 1.
        XCTAssertEqual(alloc("NewInLoop").map(\.detail), ["composite heap depth=1"])
        XCTAssertEqual(alloc("ConcatInLoop").map(\.detail), ["concat heap depth=1"])
        // Sites -m does not print.
        XCTAssertTrue(alloc("GoStatement").contains { $0.detail == "go may depth=0" && $0.subject == "go statement" })
        XCTAssertTrue(alloc("DeferLoop").contains { $0.detail == "defer may depth=1" }, "\(alloc("DeferLoop").map(\.tsvLine))")
        XCTAssertTrue(alloc("MapAssignGrow").contains { $0.detail == "map-grow may depth=1" })
        XCTAssertEqual(alloc("MapLitEscapes").map(\.detail).sorted(), ["make-map heap depth=0", "map-grow heap depth=0"])
        // A moved variable carries the escape explanation and the run-time call.
        let moved = try XCTUnwrap(alloc("MovedVar").first)
        XCTAssertEqual(moved.detail, "var heap depth=0")
        XCTAssertTrue(moved.explanation.contains { $0.contains("flow:") })
        XCTAssertTrue(moved.explanation.contains { $0.hasPrefix("compiled to a call of runtime.") })
        // ... and ends with its cause and remedy.
        XCTAssertEqual(moved.explanation.suffix(2), AllocationCause.movedToHeap.explanationLines[...])
        // Every kind of the vocabulary shows up in the fixture.
        let kinds = Set(facts.map { String($0.detail.split(separator: " ")[0]) })
        for kind in AllocationKind.allCases { XCTAssertTrue(kinds.contains(kind.rawValue), "no \(kind.rawValue) site") }
    }
}
