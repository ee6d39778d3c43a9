import Foundation
import XCTest
import GCEngine
import PassKit
import TestSupport

/// With `boundsChecks`, the engine turns each `Found IsInBounds` / `Found IsSliceInBounds` line
/// of the compiler (`-d=ssa/check_bce/debug=1`) into one `bounds-check` fact at its position,
/// and without it asks for none. The oracle is the raw text of `go build` with that flag alone.
final class GCEngineBoundsCheckTests: XCTestCase {
    private let source = """
    package a

    func Index(s []int, i int) int { return s[i] }

    func Range(s []int) (t int) {
    \tfor i := range s {
    \t\tt += s[i]
    \t}
    \treturn t
    }

    func Window(b []byte) []byte { return b[2:9] }

    func Fixed(a *[8]int) int { return a[3] + a[7] }

    func viaInline(s []int) int { return Index(s, 4) }
    """

    func testBoundsChecksAreTheCompilersFoundLines() throws {
        let root = try FixtureRuns.scratchModule(["a.go": source])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let go = TestSupport.goToolchain
        let raw = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-d=ssa/check_bce/debug=1", "."],
                                      cwd: URL(fileURLWithPath: root), environment: go.environment())
        XCTAssertEqual(raw.status, 0, raw.err)
        let expected = raw.err.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: ": Found ") else { return nil }
            let position = line[..<r.lowerBound].replacingOccurrences(of: "./", with: "")
            return "\(position) \(line[r.upperBound...])"
        }.sorted()
        XCTAssertEqual(expected.count, 3, "Index, Window and the call inlined into viaInline: \(raw.err)")

        var configuration = FixtureRuns.configuration()
        configuration.boundsChecks = true
        let packages = [PackageInput(importPath: "example.com/scratch", name: "a", directory: "", files: [])]
        let compiled = GCEngine.compile(root: root, packages: packages, configuration: configuration)
        XCTAssertEqual(compiled.failedPackages, [], "\(compiled.diagnostics)")
        let checks = compiled.allFacts.filter { $0.kind == .boundsCheck }
        XCTAssertEqual(checks.map { "\($0.file):\($0.line):\($0.column) \($0.subject)" }.sorted(), expected)
        XCTAssertEqual(Set(checks.map(\.subject)), ["IsInBounds", "IsSliceInBounds"])
        XCTAssertTrue(compiled.allFacts.contains { $0.kind == .canInline && $0.subject == "Index" },
                      "the -m=2 verdicts are still read beside the checks")

        let without = GCEngine.compile(root: root, packages: packages, configuration: FixtureRuns.configuration())
        XCTAssertEqual(without.allFacts.filter { $0.kind == .boundsCheck }, [])
        XCTAssertEqual(without.allFacts.filter { $0.kind != .boundsCheck }, compiled.allFacts.filter { $0.kind != .boundsCheck })
    }
}
