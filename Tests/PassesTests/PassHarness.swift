import Foundation
import GCEngine
import PassKit
import TestSupport
import EscapePass
import InliningPass
import AllocationsPass
import NativeEngine

/// Runs the gc-backed passes on a fixture package the way the driver does: one engine run for
/// the scan, then per package functions → inlining → escape → allocations through their
/// descriptors. Function records come from go/parser (`Tests/Oracles/funcrecords`).
struct PassHarness {
    let root: String
    let package: PackageInput
    let compilation: GCCompilation
    let functions: [FunctionRecord]

    init(fixture: String, importPath: String, name: String, assembly: Bool = true) throws {
        try self.init(root: TestSupport.repoRoot.appendingPathComponent("Tests/PassesTests/Fixtures/\(fixture)").path,
                      importPath: importPath, name: name, assembly: assembly)
    }

    /// The harness over the single package of the module at `root` (absolute).
    init(root: String, importPath: String, name: String, assembly: Bool = true) throws {
        self.root = root
        let names = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".go") }.sorted()
        let files = try names.map { n in
            SourceFileInput(path: n, absolutePath: root + "/" + n,
                            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + n))))
        }
        let package = PackageInput(importPath: importPath, name: name, directory: "", files: files)
        self.package = package
        let go = TestSupport.goToolchain
        compilation = GCEngine.compile(root: root, packages: [package],
                                       configuration: GCConfiguration(goCommand: go.go, environment: go.environment(),
                                                                      assembly: assembly))
        functions = try Self.functionRecords(root: root, importPath: importPath)
    }

    /// Function records of the package in `root` from the go/parser oracle.
    static func functionRecords(root: String, importPath: String) throws -> [FunctionRecord] {
        let oracle = try TestSupport.goToolchain.buildOracle("funcrecords")
        let r = try TestSupport.run(oracle, ["-pkg", importPath, "-root", root, root])
        guard r.status == 0 else { throw NSError(domain: "PassHarness", code: 1, userInfo: [NSLocalizedDescriptionKey: r.err]) }
        return r.out.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let id = f[0]
            let isLiteral = f[8] == "true"
            let name = String(id[id.index(after: id.lastIndex(of: ".")!)...])
            return FunctionRecord(id: id, package: importPath, receiver: "", name: name, file: f[1],
                                  line: Int(f[2])!, column: Int(f[3])!, startLine: Int(f[4])!, startColumn: Int(f[5])!,
                                  endLine: Int(f[6])!, endColumn: Int(f[7])!, lineCount: Int(f[6])! - Int(f[4])! + 1,
                                  statementCount: 0, directives: [], isLiteral: isLiteral, parent: f[9].isEmpty ? nil : f[9])
        }
    }

    /// The outputs of the three passes.
    struct Outputs {
        var inlining: PassOutput<InliningResult>
        var escape: PassOutput<EscapeResult>
        var allocations: PassOutput<AllocationsResult>
    }

    /// Runs the passes with the given engine.
    func run(engine: EngineKind = .gc, provideCompilation: Bool = true) throws -> Outputs {
        // The compilation is the gc engine's input; a native run without its session has none.
        let context = PassContext(package: package, engine: engine, input: provideCompilation && engine == .gc ? compilation : nil)
        context.record(result: functions, of: "functions")
        let inlining = try InliningPass.descriptor.run(context)
        context.record(result: inlining.result, of: "inlining")
        let escape = try EscapePass.descriptor.run(context)
        context.record(result: escape.result, of: "escape")
        let allocations = try AllocationsPass.descriptor.run(context)
        return Outputs(inlining: inlining, escape: escape, allocations: allocations)
    }
}

extension PassHarness {
    /// Runs the passes with the native engine (its session over this package and GOROOT).
    func runNative() throws -> Outputs {
        let session = NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [package])
        let context = PassContext(package: package, engine: .native, input: session)
        context.record(result: functions, of: "functions")
        let inlining = try InliningPass.descriptor.run(context)
        context.record(result: inlining.result, of: "inlining")
        let escape = try EscapePass.descriptor.run(context)
        context.record(result: escape.result, of: "escape")
        let allocations = try AllocationsPass.descriptor.run(context)
        return Outputs(inlining: inlining, escape: escape, allocations: allocations)
    }
}
