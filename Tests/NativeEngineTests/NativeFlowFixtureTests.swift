import Foundation
import XCTest
import GoTypes
import NativeEngine
import TestSupport

/// The native `-m=2` flow explanations of fixture modules against the compiler's
/// (`go build -gcflags=-m=2`, compiled here), block by block (`FlowAgreement`).
final class NativeFlowFixtureTests: XCTestCase {
    /// The fixture of the statement shapes the flow texts model (Fixtures/flows): every
    /// compiler block is printed identically.
    func testFlowFixtureIsExact() throws {
        let root = TestSupport.repoRoot.appendingPathComponent("Tests/NativeEngineTests/Fixtures/flows").path
        let flows = try Self.agreement(moduleRoot: root)
        print(flows.report("Fixtures/flows"))
        XCTAssertGreaterThan(flows.compiler, 10)
        XCTAssertEqual(flows.identical, flows.compiler, "flow explanations identical to the compiler's")
    }

    /// Every escape fixture module: the share of identical blocks, with a floor.
    func testEscapeFixtureModules() throws {
        var compiler = 0, identical = 0
        for rel in ["Examples", "Tests/GCEngineTests/Fixtures/escapes", "Tests/PassesTests/Fixtures/allocs",
                    "Tests/NativeEngineTests/Fixtures/costs"] {
            let flows = try Self.agreement(moduleRoot: TestSupport.repoRoot.appendingPathComponent(rel).path)
            print(flows.report(rel))
            compiler += flows.compiler
            identical += flows.identical
        }
        let share = Double(identical) / Double(max(compiler, 1))
        print("escape fixtures: flow explanations identical \(identical) of \(compiler) (\(String(format: "%.4f", share)))")
        XCTAssertGreaterThan(compiler, 100)
        XCTAssertGreaterThanOrEqual(share, Self.fixtureFloor)
    }

    /// Measured share over the escape fixtures minus a margin. Measured 2026-12-04: 186 of
    /// 223 (0.834); 26 of the others run through shaped generic bodies.
    static let fixtureFloor = 0.829

    /// The compiler's and the native blocks of one module, paths relative to the module (`./f.go`).
    static func agreement(moduleRoot: String) throws -> FlowAgreement {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-m=2", "./..."],
                                    cwd: URL(fileURLWithPath: moduleRoot), environment: go.environment(extra: ["GOFLAGS": ""]))
        XCTAssertEqual(r.status, 0, r.err.suffix(2000).description)
        let (program, packages) = try NativeTestModule.program(moduleRoot: moduleRoot)
        let analysis = NativeEscape(ir: NativeIR(program: program), explains: true)
        let native: String = TypecheckRun.onLargeStack {
            packages.compactMap { analysis.analyze($0) }.flatMap { $0.explanations.flatMap(\.lines) }.joined(separator: "\n")
        }
        var roots = [moduleRoot]
        let resolved = URL(fileURLWithPath: moduleRoot).resolvingSymlinksInPath().path
        if resolved != moduleRoot { roots.append(resolved) }
        let relative = roots.reduce(native) { $0.replacingOccurrences(of: $1 + "/", with: "./") }
        return FlowAgreement(compiler: r.err + r.out, native: relative)
    }
}
