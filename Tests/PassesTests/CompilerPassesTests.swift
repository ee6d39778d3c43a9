import XCTest
import GCEngine
import InliningPass
import EscapePass
import AllocationsPass
import NativeEngine
import PassKit
import TestSupport

/// The inlining and escape passes on the gc engine: every compiler fact of the package comes
/// out of exactly one pass, attributed to its function; native and missing-engine runs say why
/// they report nothing.
final class CompilerPassesTests: XCTestCase {
    static let harness = Result { try PassHarness(fixture: "allocs", importPath: "example.com/allocs", name: "allocs", assembly: false) }

    func testPassesPartitionTheCompilersFactsAndAttributeFunctions() throws {
        let harness = try Self.harness.get()
        let out = try harness.run()
        let all = harness.compilation.facts(forPackage: "example.com/allocs")
        XCTAssertFalse(all.isEmpty)
        let emitted = out.inlining.facts + out.escape.facts
        XCTAssertEqual(FactComparison(a: emitted, b: all).disagreements, [], "no fact lost or invented")
        XCTAssertTrue(out.inlining.facts.allSatisfy { InliningPass.kinds.contains($0.kind) })
        XCTAssertTrue(out.escape.facts.allSatisfy { EscapePass.kinds.contains($0.kind) })
        XCTAssertEqual(out.inlining.diagnostics, [])
        XCTAssertEqual(out.escape.diagnostics, [])

        let moved = try XCTUnwrap(out.escape.facts.first { $0.kind == .movedToHeap && $0.subject == "x" && $0.line > 0 })
        XCTAssertNotNil(moved.function)
        XCTAssertTrue(out.escape.facts.filter { !$0.external && $0.line > 0 }.allSatisfy { $0.function != nil })

        let decisions = out.inlining.result.decisions
        let areaFact = try XCTUnwrap(all.first { $0.kind == .canInline && $0.subject == "square.area" })
        XCTAssertEqual(decisions["example.com/allocs.square.area"], .inlinable(cost: Int(areaFact.detail.dropFirst("cost=".count))))
        XCTAssertEqual(decisions["example.com/allocs.(*counter).inc"].map { if case .inlinable = $0 { return true } else { return false } }, true)
        // A closure's escape verdict belongs to the function that creates it.
        let closure = try XCTUnwrap(out.escape.facts.first { $0.subject == "func literal" && $0.kind == .escapes })
        XCTAssertFalse(closure.function?.hasSuffix(".func1") ?? true, closure.function ?? "nil")
        XCTAssertFalse(out.inlining.result.inlinedCalls.isEmpty)
    }

    func testNativeEngineReportsNothing() throws {
        let out = try Self.harness.get().run(engine: .native)
        XCTAssertEqual(out.inlining.facts, [])
        XCTAssertEqual(out.escape.facts, [])
        XCTAssertEqual(out.allocations.facts, [])
        // The run says so once (the driver lists the passes in the run's `skipped`), not once
        // per package.
        XCTAssertEqual(out.inlining.diagnostics + out.escape.diagnostics + out.allocations.diagnostics, [])
    }

    /// With the native engine's session, the inlining pass reports heapsight's own verdicts: on
    /// this fixture they equal the compiler's `can-inline` / `cannot-inline` facts.
    func testNativeInliningEqualsTheCompilersVerdicts() throws {
        let harness = try Self.harness.get()
        let session = NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [harness.package])
        let context = PassContext(package: harness.package, engine: .native, input: session)
        context.record(result: harness.functions, of: "functions")
        let out = try InliningPass.descriptor.run(context)
        let compiler = harness.compilation.facts(forPackage: "example.com/allocs")
            .filter { !$0.external && ($0.kind == .canInline || $0.kind == .cannotInline) && !$0.detail.hasPrefix("into ") }
        XCTAssertGreaterThan(compiler.count, 100)
        XCTAssertEqual(out.diagnostics, [])
        let verdicts = out.facts.filter { $0.kind == .canInline || $0.kind == .cannotInline }
        // Devirtualized calls: the native ones are the compiler's.
        let compilerRewrites = harness.compilation.facts(forPackage: "example.com/allocs").filter { !$0.external && $0.kind == .devirtualize }
        let nativeRewrites = out.facts.filter { $0.kind == .devirtualize }
        XCTAssertFalse(nativeRewrites.isEmpty)
        XCTAssertEqual(FactComparison(a: nativeRewrites, b: compilerRewrites).disagreements.filter { $0.countA > $0.countB }.map(\.key.line), [])
        XCTAssertEqual(FactComparison(a: verdicts, b: compiler).disagreements, [])
        // Every inlined call the native engine reports is one the compiler reports.
        let compilerCalls = harness.compilation.facts(forPackage: "example.com/allocs").filter { !$0.external && $0.kind == .inlineCall }
        let nativeCalls = out.facts.filter { $0.kind == .inlineCall }
        XCTAssertFalse(nativeCalls.isEmpty)
        XCTAssertEqual(FactComparison(a: nativeCalls, b: compilerCalls).disagreements.filter { $0.countA > $0.countB }.map(\.key.line), [])
        XCTAssertTrue(out.facts.allSatisfy { $0.function != nil })
        let area = try XCTUnwrap(compiler.first { $0.subject == "square.area" })
        XCTAssertEqual(out.result.decisions["example.com/allocs.square.area"],
                       .inlinable(cost: Int(area.detail.dropFirst("cost=".count))))
    }

    func testMissingCompilationIsAnInternalError() throws {
        let out = try Self.harness.get().run(engine: .gc, provideCompilation: false)
        XCTAssertEqual(out.inlining.facts, [])
        XCTAssertEqual(out.inlining.diagnostics.first?.severity, .error)
        XCTAssertTrue(out.inlining.diagnostics.first?.message.hasPrefix("internal error:") ?? false)
    }

    func testWithoutAssemblyPlacementsFollowTheVerdicts() throws {
        let out = try Self.harness.get().run()
        let result = out.allocations.result
        XCTAssertFalse(result.confirmedByAssembly)
        let facts = out.allocations.facts
        func details(_ f: String) -> [String] { facts.filter { $0.function == "example.com/allocs.\(f)" }.map(\.detail).sorted() }
        XCTAssertEqual(details("NewEscapes"), ["new heap depth=0"])
        XCTAssertEqual(details("ConcatLocalSmall"), ["concat may depth=0"])
        XCTAssertEqual(details("MakeSliceConstLocal"), ["make-slice stack depth=0"])
        XCTAssertEqual(details("MakeSliceVarLocalBig"), ["make-slice may depth=0"])
        XCTAssertEqual(details("BoxConst"), [], "a boxed constant is read-only data")
    }
}

final class WrapperAllocationTests: XCTestCase {
    func testWrappersDoNotCountASiteTwice() throws {
        let harness = try PassHarness(fixture: "wrappers", importPath: "example.com/wrappers", name: "wrappers")
        let out = try harness.run()
        let functions = out.allocations.result.functions
        XCTAssertEqual(functions["example.com/wrappers.(*Stack[...]).Push"]?.heapSites ?? functions.first { $0.key.hasSuffix("Push") }?.value.heapSites, 1,
                       "\(out.allocations.facts.map(\.tsvLine))")
        XCTAssertEqual(functions["example.com/wrappers.(*Buffer).Write"]?.heapSites, 1, "\(out.allocations.facts.map(\.tsvLine))")
        let map = out.allocations.facts.filter { $0.function == "example.com/wrappers.MapLiteral" }
        XCTAssertEqual(map.map(\.detail).sorted(), ["make-map heap depth=0", "map-grow heap depth=0"])
        XCTAssertTrue(map.allSatisfy { $0.column > 0 }, "the first insert is reported at the literal: \(map.map(\.tsvLine))")
    }
}

final class AllocationKindTests: XCTestCase {
    func testEveryRuntimeAllocatorMapsToAKind() {
        for name in ["newobject", "mallocgcTinySC2", "makeslice", "growslice", "moveSliceNoCap", "makemap_small", "makechan",
                     "convT64", "convTnoptr", "concatstring3", "slicebytetostring", "stringtoslicebyte", "stringtoslicerune",
                     "slicerunetostring", "intstring", "newproc", "deferproc", "mapassign_faststr"] {
            XCTAssertNotNil(AllocatorCall.kind(ofRuntimeFunction: name), name)
        }
        XCTAssertNil(AllocatorCall.kind(ofRuntimeFunction: "morestack_noctxt"))
        XCTAssertNil(AllocatorCall.kind(ofRuntimeFunction: "gcWriteBarrier2"))
    }
}
