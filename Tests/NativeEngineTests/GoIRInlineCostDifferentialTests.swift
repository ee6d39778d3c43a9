import Foundation
import XCTest
import GoLoader
import GoSyntax
import GoTypes
import NativeEngine
import TestSupport

/// The inliner's cost computed on GoIR (`GoIRInliner`) against `go build -gcflags=-m=2`, next
/// to the syntax walker's (`NativeInliner`) on the same corpora: verdict, exact cost and reason
/// per function. Both are printed with every GoIR disagreement; the floors are the GoIR cost's
/// measured agreement minus a small margin.
final class GoIRInlineCostDifferentialTests: XCTestCase {
    /// The walker's and GoIR's agreement with the compiler over one corpus.
    struct Comparison {
        var walker: InlineAgreement
        var goir: InlineAgreement

        mutating func add(_ o: Comparison) {
            walker.add(o.walker)
            goir.add(o.goir)
        }

        /// Functions one side gets right and the other wrong (by position).
        var onlyWalkerRight: [String] {
            let wrong = Set(walker.disagreements.map { $0.prefix { $0 != " " } })
            return goir.disagreements.filter { !wrong.contains($0.prefix { $0 != " " }) }
        }
        var onlyGoIRRight: [String] {
            let wrong = Set(goir.disagreements.map { $0.prefix { $0 != " " } })
            return walker.disagreements.filter { !wrong.contains($0.prefix { $0 != " " }) }
        }

        func report(_ label: String) -> String {
            let w = walker.report("walker \(label)").split(separator: "\n").first!
            var s = "\(w)\n" + goir.report("goir \(label)")
            s += "  walker right, goir wrong: \(onlyWalkerRight.count); goir right, walker wrong: \(onlyGoIRRight.count)\n"
            for d in onlyWalkerRight { s += "  goir regresses: \(d)\n" }
            for d in onlyGoIRRight { s += "  goir improves (walker said): \(d)\n" }
            return s
        }
    }

    /// The native program over a module's packages, and their import paths.
    static func program(moduleRoot: String) throws -> (NativeProgram, [String]) {
        let loader = PackageLoader(context: PackageLocator.standardContext, workingDirectory: moduleRoot)
        let loaded = try loader.load(roots: [moduleRoot])
        var sources: [PackageSource] = []
        for pkg in loaded.packages where !pkg.isStandard {
            let files = pkg.files.filter { !$0.isTest }.map { parseFile(path: $0.absolutePath, bytes: $0.bytes) }
            if !files.isEmpty {
                sources.append(PackageSource(path: pkg.importPath, directory: pkg.absoluteDirectory, files: files))
            }
        }
        let modules = loaded.packages.compactMap { p in p.moduleRoot.flatMap { root in p.module.map { (root: root, module: $0) } } }
        let program = NativeProgram(goroot: TestSupport.goToolchain.goroot, modulePackages: sources,
                                    dependencies: DependencyResolver.forModules(modules))
        return (program, sources.map(\.path))
    }

    static func compare(compiler: CompilerInlineVerdicts, program: NativeProgram, packages: [String]) -> Comparison {
        let walker = NativeInliner(program: program)
        let goir = GoIRInliner(program: program)
        let (w, g) = TypecheckRun.onLargeStack {
            (packages.flatMap { walker.verdicts(forPackage: $0) }, packages.flatMap { goir.verdicts(forPackage: $0) })
        }
        return Comparison(walker: InlineAgreement(compiler: compiler, native: w), goir: InlineAgreement(compiler: compiler, native: g))
    }

    static func compare(moduleRoot: String) throws -> Comparison {
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
        var total: Comparison? = nil
        for rel in ["Tests/NativeEngineTests/Fixtures/costs", "Tests/GCEngineTests/Fixtures/escapes",
                    "Tests/PassesTests/Fixtures/allocs"] {
            let c = try Self.compare(moduleRoot: TestSupport.repoRoot.appendingPathComponent(rel).path)
            print(c.report(rel))
            if total == nil { total = c } else { total!.add(c) }
        }
        let t = total!
        print(t.report("fixtures total").split(separator: "\n").prefix(2).joined(separator: "\n"))
        XCTAssertGreaterThan(t.goir.compared, 200)
        Self.assertFloors(t.goir, verdict: 98, cost: 97, reason: 90)
    }

    func testGoCompilerInlineTests() throws {
        let corpus = "/usr/share/go-1.19/test"
        guard FileManager.default.fileExists(atPath: corpus + "/inline.go") else {
            throw XCTSkip("Go's compiler tests are not installed (apt-get install golang-1.19-src)")
        }
        var total: Comparison? = nil
        for name in ["inline", "inline_big", "inline_caller", "inline_callers", "inline_endian", "inline_literal",
                     "inline_math_bits_rotate", "inline_sync", "inline_variadic"] {
            let root = try NativeInliningDifferentialTests.scratchModule(
                name: name, text: try String(contentsOfFile: "\(corpus)/\(name).go", encoding: .utf8))
            defer { try? FileManager.default.removeItem(atPath: root) }
            let c = try Self.compare(moduleRoot: root)
            print(c.report(name))
            if total == nil { total = c } else { total!.add(c) }
        }
        print(total!.report("go test/inline*.go total").split(separator: "\n").prefix(2).joined(separator: "\n"))
        XCTAssertGreaterThan(total!.goir.compared, 70)
        Self.assertFloors(total!.goir, verdict: 98, cost: 97, reason: 97)
    }

    /// `HEAPSIGHT_NATIVE_PACKAGES=sync,bytes` measures other std packages (report only, no floors).
    func testStandardPackages() throws {
        let custom = ProcessInfo.processInfo.environment["HEAPSIGHT_NATIVE_PACKAGES"]
        let packages = custom.map { $0.split(separator: ",").map(String.init) } ?? ["strconv", "unicode/utf8", "sort", "strings"]
        let compiler = try CompilerInlineVerdicts.standard(packages)
        let c = Self.compare(compiler: compiler, program: NativeProgram(goroot: TestSupport.goToolchain.goroot), packages: packages)
        print(c.report("std " + packages.joined(separator: ",")))
        if custom != nil { return }
        XCTAssertGreaterThan(c.goir.compared, 250)
        Self.assertFloors(c.goir, verdict: 98, cost: 97, reason: 97)
    }
}
