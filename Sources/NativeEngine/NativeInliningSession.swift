import Foundation
import GoLoader
import GoSyntax
import GoTypes
import PassKit

/// The native engine's inlining decisions for one scan, shared by the packages the driver
/// analyses in parallel: the scanned packages and GOROOT are type-checked once, on demand,
/// and every call is serialised (the type checker and the inliner keep run-wide tables).
public final class NativeInliningSession: @unchecked Sendable {
    private let lock = NSLock()
    private let goroot: String
    private let config: BuildContext
    private let inputs: [String: PackageInput]
    private var inliner: NativeInliner?

    /// A session over the scanned packages, with the standard library from `goroot`.
    public init(goroot: String, packages: [PackageInput], config: BuildContext = PackageLocator.standardContext) {
        self.goroot = goroot
        self.config = config
        var byPath: [String: PackageInput] = [:]
        for p in packages { byPath[p.importPath] = p }
        self.inputs = byPath
    }

    /// `can-inline` and `cannot-inline` facts for the non-generic functions and function
    /// literals of a scanned package, `inline-call` facts for the calls inlined into them and
    /// `devirtualize` facts for interface calls on a local variable of one concrete type,
    /// at the compiler's positions (paths as the package's files give them).
    /// A package with load or type errors gets no facts (the cost model would read wrong
    /// types) and one warning saying why.
    public func facts(for package: PackageInput) -> (facts: [Fact], diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        let inliner = self.inliner ?? makeInliner()
        self.inliner = inliner
        var relative: [String: String] = [:]
        for f in package.files {
            relative[f.absolutePath] = f.path
            relative[f.path] = f.path
        }
        let out = TypecheckRun.onLargeStack { inliner.facts(forPackage: package.importPath) { relative[$0] } }
        if let first = out.problems.first {
            let message = "native engine: \(package.importPath) does not type-check (\(out.problems.count) error\(out.problems.count == 1 ? "" : "s"), first: \(first)); no inlining facts for it"
            return ([], [Diagnostic(severity: .warning, source: "pass:inlining", message: message, package: package.importPath)])
        }
        return (out.facts, [])
    }

    private func makeInliner() -> NativeInliner {
        var sources: [PackageSource] = []
        for input in inputs.values.sorted(by: { $0.importPath < $1.importPath }) where !input.isStandard {
            var files: [ParsedFile] = []
            for i in input.files.indices where !input.files[i].absolutePath.hasSuffix("_test.go") {
                files.append(input.parsedFile(at: i))
            }
            guard let first = files.first else { continue }
            let directory = (first.path as NSString).deletingLastPathComponent
            sources.append(PackageSource(path: input.importPath, directory: directory, files: files))
        }
        let modules = inputs.values.sorted(by: { $0.importPath < $1.importPath }).compactMap { input in
            input.moduleRoot.flatMap { root in input.module.map { (root: root, module: $0) } }
        }
        return NativeInliner(program: NativeProgram(goroot: goroot, modulePackages: sources,
                                                    dependencies: DependencyResolver.forModules(modules), config: config))
    }
}
