import Foundation
import XCTest
import GoLoader
import GoSyntax
import GoTypes
import NativeEngine
import TestSupport

/// The inliner's cost computed on GoIR (`GoIRInliner`) against `go build -gcflags=-m=2`:
/// verdict, exact cost and reason per function, every disagreement printed; the floors are the
/// measured agreement minus a small margin. `NativeInliner` reports exactly these verdicts.
final class GoIRInlineCostDifferentialTests: XCTestCase {
    /// The native program over a module's packages, and their import paths.
    static func program(moduleRoot: String) throws -> (NativeProgram, [String]) {
        let m = try NativeTestModule.program(moduleRoot: moduleRoot)
        return (m.program, m.packages)
    }

    /// GoIR's agreement with the compiler; also asserts that `NativeInliner` reports the
    /// same verdicts (its verdicts are GoIR's).
    static func compare(compiler: CompilerInlineVerdicts, program: NativeProgram, packages: [String],
                        file: StaticString = #filePath, line: UInt = #line) -> InlineAgreement {
        let native = NativeInliner(program: program)
        let goir = GoIRInliner(program: program)
        let (n, g) = TypecheckRun.onLargeStack {
            (packages.flatMap { native.verdicts(forPackage: $0) }, packages.flatMap { goir.verdicts(forPackage: $0) })
        }
        let key = { (v: FunctionVerdict) in "\(v.file):\(v.line):\(v.column) \(v.name) \(v.verdict)" }
        XCTAssertEqual(Set(n.map(key)), Set(g.map(key)), "NativeInliner's verdicts are GoIR's", file: file, line: line)
        return InlineAgreement(compiler: compiler, native: g)
    }

    static func compare(moduleRoot: String) throws -> InlineAgreement {
        let compiler = try CompilerInlineVerdicts.module(root: moduleRoot)
        let (program, packages) = try program(moduleRoot: moduleRoot)
        return compare(compiler: compiler, program: program, packages: packages)
    }

    /// GoIR floors (percent) and the checks that hold for every corpus.
    static func assertFloors(_ a: InlineAgreement, verdict: Double, cost: Double, reason: Double,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(a.verdictPercent, verdict, "verdict agreement", file: file, line: line)
        XCTAssertGreaterThanOrEqual(a.costPercent, cost, "cost agreement", file: file, line: line)
        XCTAssertGreaterThanOrEqual(a.reasonPercent, reason, "reason agreement", file: file, line: line)
        XCTAssertEqual(a.nativeOnly, [], "verdicts for functions the compiler did not decide", file: file, line: line)
    }

    func testFixtureModules() throws {
        var total: InlineAgreement? = nil
        for rel in ["Tests/NativeEngineTests/Fixtures/costs", "Tests/GCEngineTests/Fixtures/escapes",
                    "Tests/PassesTests/Fixtures/allocs"] {
            let c = try Self.compare(moduleRoot: TestSupport.repoRoot.appendingPathComponent(rel).path)
            print(c.report(rel))
            if total == nil { total = c } else { total!.add(c) }
        }
        let t = total!
        print(t.report("fixtures total").split(separator: "\n").first!)
        XCTAssertGreaterThan(t.compared, 200)
        Self.assertFloors(t, verdict: 99, cost: 99, reason: 99)
    }

    func testGoCompilerInlineTests() throws {
        let corpus = "/usr/share/go-1.19/test"
        guard FileManager.default.fileExists(atPath: corpus + "/inline.go") else {
            throw XCTSkip("Go's compiler tests are not installed (apt-get install golang-1.19-src)")
        }
        var total: InlineAgreement? = nil
        for name in ["inline", "inline_big", "inline_caller", "inline_callers", "inline_endian", "inline_literal",
                     "inline_math_bits_rotate", "inline_sync", "inline_variadic"] {
            let root = try NativeInliningDifferentialTests.scratchModule(
                name: name, text: try String(contentsOfFile: "\(corpus)/\(name).go", encoding: .utf8))
            defer { try? FileManager.default.removeItem(atPath: root) }
            let c = try Self.compare(moduleRoot: root)
            print(c.report(name))
            if total == nil { total = c } else { total!.add(c) }
        }
        print(total!.report("go test/inline*.go total").split(separator: "\n").first!)
        XCTAssertGreaterThan(total!.compared, 70)
        Self.assertFloors(total!, verdict: 98, cost: 98, reason: 93)
    }

    /// `HEAPSIGHT_NATIVE_PACKAGES=sync,bytes` measures other std packages (report only, no floors).
    func testStandardPackages() throws {
        let custom = ProcessInfo.processInfo.environment["HEAPSIGHT_NATIVE_PACKAGES"]
        let packages = custom.map { $0.split(separator: ",").map(String.init) } ?? ["strconv", "unicode/utf8", "sort", "strings"]
        let compiler = try CompilerInlineVerdicts.standard(packages)
        let c = Self.compare(compiler: compiler, program: NativeProgram(goroot: TestSupport.goToolchain.goroot), packages: packages)
        print(c.report("std " + packages.joined(separator: ",")))
        if custom != nil { return }
        XCTAssertGreaterThan(c.compared, 250)
        Self.assertFloors(c, verdict: 99, cost: 99, reason: 98)
    }
}
