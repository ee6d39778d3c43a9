import Foundation
import InliningPass
import PassKit
import TestSupport
import XCTest
@testable import Driver

/// Cross-package summaries through a real scan: the inlining pass exports each package's
/// decisions, and on a package that imports it the pass reads them back for the calls it
/// inlines. The callee's cost is the compiler's (`go build -gcflags=-m=2`).
final class InlineSummaryScanTests: XCTestCase {
    /// Records the inlining result of every package an extra pass sees.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [String: InliningResult] = [:]
        func set(_ result: InliningResult, for package: String) { lock.lock(); results[package] = result; lock.unlock() }
        func get(_ package: String) -> InliningResult? { lock.lock(); defer { lock.unlock() }; return results[package] }
    }

    func testAnImportersInliningResultReadsItsImportsCosts() throws {
        let fx = try ScanFixture([
            "go.mod": "module example.com/s\n\ngo 1.27\n",
            "lib/lib.go": """
            package lib

            // Scale is small enough to inline.
            func Scale(x, k int) int { return x*k + 1 }

            //go:noinline
            func Loop(n int) int {
            \ts := 0
            \tfor i := 0; i < n; i++ {
            \t\ts += Scale(i, 3)
            \t}
            \treturn s
            }
            """,
            "app/app.go": """
            package app

            import "example.com/s/lib"

            func Use(n int) int { return lib.Scale(n, 2) + lib.Loop(n) }
            """,
        ])
        let seen = Seen()
        let reader = PassDescriptor<Int>(name: "callee-reader", doc: "Reads the inlining result.",
                                         requires: [.on(InliningPass.descriptor)]) { context in
            seen.set(context.result(of: InliningPass.descriptor), for: context.package.importPath)
            return PassOutput(result: 0)
        }
        let outcome = try runScan(fx.request(extra: [reader.erased]))
        XCTAssertEqual(outcome.failedPackages, [])

        let go = TestSupport.goToolchain
        let built = try TestSupport.run(go.go, ["build", "-gcflags=-m=2", "./..."], cwd: fx.tree, environment: go.environment())
        XCTAssertEqual(built.status, 0, built.err)
        let compilerLine = try XCTUnwrap(built.err.split(separator: "\n").first { $0.contains("can inline Scale with cost") })
        let words = compilerLine.split(separator: " ")
        let cost = try XCTUnwrap(words.firstIndex(of: "cost").flatMap { Int(words[$0 + 1]) })

        let lib = try XCTUnwrap(seen.get("example.com/s/lib"))
        XCTAssertEqual(lib.decisions["example.com/s/lib.Scale"], .inlinable(cost: cost))
        let app = try XCTUnwrap(seen.get("example.com/s/app"))
        XCTAssertEqual(app.inlinedCalls.map(\.subject), ["lib.Scale"], "the compiler inlines Scale into Use, not Loop")
        XCTAssertEqual(app.calleeDecisions["lib.Scale"], .inlinable(cost: cost), "read from lib's summary")
        XCTAssertEqual(app.decisions.keys.sorted(), ["example.com/s/app.Use"], "lib's decisions are not app's own")
    }
}
