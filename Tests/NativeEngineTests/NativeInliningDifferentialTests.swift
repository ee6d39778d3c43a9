import Foundation
import XCTest
import GoLoader
import GoSyntax
import GoTypes
import NativeEngine
import TestSupport

/// The native inliner against `go build -gcflags=-m=2`, function by function: verdict
/// (can / cannot inline), exact cost where the compiler prints one, and reason text. Every
/// disagreement is printed; the floors are the measured agreement minus a small margin.
final class NativeInliningDifferentialTests: XCTestCase {
    /// Native verdicts for every package of a module.
    static func nativeVerdicts(moduleRoot: String) throws -> ([FunctionVerdict], [InlinedCall], [DevirtualizedCall]) {
        let (program, packages) = try NativeTestModule.program(moduleRoot: moduleRoot)
        let inliner = NativeInliner(program: program)
        let expanded = NativeIR(program: program, inliner: inliner)
        return TypecheckRun.onLargeStack {
            (packages.flatMap { inliner.verdicts(forPackage: $0) },
             packages.flatMap { inliner.inlinedCalls(forPackage: $0) + expanded.inlinedCallsReadFromExpansion(forPackage: $0) },
             packages.flatMap { expanded.devirtualizedCalls(forPackage: $0) })
        }
    }

    static func agreement(moduleRoot: String) throws -> InlineAgreement {
        let compiler = try CompilerInlineVerdicts.module(root: moduleRoot)
        let (verdicts, calls, devirtualized) = try nativeVerdicts(moduleRoot: moduleRoot)
        var a = InlineAgreement(compiler: compiler, native: verdicts)
        let files = Set(try FileManager.default.subpathsOfDirectory(atPath: moduleRoot).filter { $0.hasSuffix(".go") }.map { moduleRoot + "/" + $0 })
        a.compareInlinedCalls(compiler: compiler.inlinedCalls, native: calls, files: files)
        a.compareDevirtualized(compiler: compiler.devirtualized, native: devirtualized, files: files)
        return a
    }

    /// Writes one Go file into a throw-away module (with an empty assembly file, for
    /// declarations without bodies).
    static func scratchModule(name: String, text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-native-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "module t\n\ngo 1.27\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try text.write(to: dir.appendingPathComponent("\(name).go"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("empty.s"), atomically: true, encoding: .utf8)
        return dir.path
    }

    /// Agreement floors (percent): the measured agreement minus a small margin.
    static func assertFloors(_ a: InlineAgreement, verdict: Double, cost: Double, reason: Double,
                             inlinedPrecision: Double, inlinedRecall: Double,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(a.inlinedPrecision, inlinedPrecision, "inlined calls: precision", file: file, line: line)
        XCTAssertGreaterThanOrEqual(a.inlinedRecall, inlinedRecall, "inlined calls: recall", file: file, line: line)
        XCTAssertEqual(a.devirtualizedDifferences.filter { $0.hasPrefix("native only") }, [],
                       "devirtualized calls the compiler does not report", file: file, line: line)
        XCTAssertGreaterThanOrEqual(a.verdictPercent, verdict, "verdict agreement", file: file, line: line)
        XCTAssertGreaterThanOrEqual(a.costPercent, cost, "cost agreement", file: file, line: line)
        XCTAssertGreaterThanOrEqual(a.reasonPercent, reason, "reason agreement", file: file, line: line)
        XCTAssertEqual(a.nativeOnly, [], "verdicts for functions the compiler did not decide", file: file, line: line)
    }

    func testFixtureModules() throws {
        var total: InlineAgreement? = nil
        for rel in ["Tests/NativeEngineTests/Fixtures/costs", "Tests/GCEngineTests/Fixtures/escapes",
                    "Tests/PassesTests/Fixtures/allocs"] {
            let root = TestSupport.repoRoot.appendingPathComponent(rel).path
            let a = try Self.agreement(moduleRoot: root)
            print(a.report(rel))
            if total == nil { total = a } else { total!.add(a) }
        }
        let t = total!
        print(t.report("fixtures total").split(separator: "\n").first!)
        XCTAssertGreaterThan(t.compared, 200)
        Self.assertFloors(t, verdict: 98, cost: 97, reason: 90, inlinedPrecision: 99, inlinedRecall: 55)
    }

    func testGoCompilerInlineTests() throws {
        let corpus = "/usr/share/go-1.19/test"
        guard FileManager.default.fileExists(atPath: corpus + "/inline.go") else {
            throw XCTSkip("Go's compiler tests are not installed (apt-get install golang-1.19-src)")
        }
        var total: InlineAgreement? = nil
        for name in ["inline", "inline_big", "inline_caller", "inline_callers", "inline_endian", "inline_literal",
                     "inline_math_bits_rotate", "inline_sync", "inline_variadic"] {
            let root = try Self.scratchModule(name: name, text: try String(contentsOfFile: "\(corpus)/\(name).go", encoding: .utf8))
            defer { try? FileManager.default.removeItem(atPath: root) }
            let a = try Self.agreement(moduleRoot: root)
            print(a.report(name))
            if total == nil { total = a } else { total!.add(a) }
        }
        print(total!.report("go test/inline*.go total").split(separator: "\n").first!)
        XCTAssertGreaterThan(total!.compared, 70)
        Self.assertFloors(total!, verdict: 98, cost: 97, reason: 97, inlinedPrecision: 99, inlinedRecall: 97)
    }

    /// A module whose code calls into a vendored dependency: the dependency is type-checked
    /// from vendor/ (as the go command builds it), so the caller's verdicts, costs and inlined
    /// calls include the dependency's small functions exactly as the compiler decides them.
    func testVendoredDependency() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-native-vendor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            "go.mod": "module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n",
            "vendor/modules.txt": "# example.com/dep v1.0.0\n## explicit; go 1.22\nexample.com/dep\n",
            "vendor/example.com/dep/dep.go": """
            package dep

            type Point struct{ X, Y int }

            func (p Point) Sum() int { return p.X + p.Y }

            func Scale(p Point, k int) Point { return Point{p.X * k, p.Y * k} }

            func Big(xs []int) int {
            \ts := 0
            \tfor i := range xs {
            \t\tfor j := range xs {
            \t\t\tif xs[i] > xs[j] {
            \t\t\t\ts += xs[i] - xs[j]
            \t\t\t} else {
            \t\t\t\ts -= xs[j] * 2
            \t\t\t}
            \t\t}
            \t}
            \treturn s
            }
            """,
            "app/app.go": """
            package app

            import "example.com/dep"

            func Area(k int) int { return dep.Scale(dep.Point{X: 1, Y: 2}, k).Sum() }

            func Total(xs []int) int { return dep.Big(xs) + len(xs) }
            """,
        ]
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let a = try Self.agreement(moduleRoot: dir.path)
        print(a.report("vendored dependency"))
        XCTAssertEqual(a.compared, 2, a.report("vendored dependency"))
        XCTAssertGreaterThan(a.inlinedRecall, 0)
        Self.assertFloors(a, verdict: 100, cost: 100, reason: 100, inlinedPrecision: 100, inlinedRecall: 100)
    }

    /// `HEAPSIGHT_NATIVE_PACKAGES=sync,bytes` measures other std packages (report only, no floors).
    func testStandardPackages() throws {
        let custom = ProcessInfo.processInfo.environment["HEAPSIGHT_NATIVE_PACKAGES"]
        let packages = custom.map { $0.split(separator: ",").map(String.init) } ?? ["strconv", "unicode/utf8", "sort", "strings"]
        let compiler = try CompilerInlineVerdicts.standard(packages)
        let program = NativeProgram(goroot: TestSupport.goToolchain.goroot)
        let inliner = NativeInliner(program: program)
        let expanded = NativeIR(program: program, inliner: inliner)
        let (native, calls, devirtualized) = TypecheckRun.onLargeStack {
            (packages.flatMap { inliner.verdicts(forPackage: $0) },
             packages.flatMap { inliner.inlinedCalls(forPackage: $0) + expanded.inlinedCallsReadFromExpansion(forPackage: $0) },
             packages.flatMap { expanded.devirtualizedCalls(forPackage: $0) })
        }
        var a = InlineAgreement(compiler: compiler, native: native)
        a.compareInlinedCalls(compiler: compiler.inlinedCalls, native: calls, files: Set(native.map(\.file)))
        a.compareDevirtualized(compiler: compiler.devirtualized, native: devirtualized, files: Set(native.map(\.file)))
        print(a.report("std " + packages.joined(separator: ",")))
        if custom != nil { return }
        XCTAssertGreaterThan(a.compared, 250)
        Self.assertFloors(a, verdict: 98, cost: 97, reason: 97, inlinedPrecision: 99, inlinedRecall: 86)
    }
}
