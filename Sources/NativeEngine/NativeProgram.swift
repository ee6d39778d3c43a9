import GoLoader
import GoSyntax
import GoTypes

/// The native engine's view of a run: a type-checking session and the packages checked in it,
/// loaded on demand (the scanned packages and whatever they import from GOROOT).
public final class NativeProgram {
    /// The type-checking session (shared tables of types and objects).
    public let session: TypecheckSession
    private var packages: [String: TypedPackage] = [:]
    /// Where the analysis of this program spends its time, stage by stage.
    public let stages = AnalysisStages()

    /// Creates a program over a GOROOT; `modulePackages` are the scanned module's packages,
    /// `dependencies` find what they import from other modules (vendor/ or the module cache).
    /// The cost model's intrinsics and sizes are amd64's whatever `config` says.
    public init(goroot: String, modulePackages: [PackageSource] = [], dependencies: [DependencyResolver] = [],
                config: BuildContext = PackageLocator.standardContext) {
        session = TypecheckSession(locator: PackageLocator(goroot: goroot, config: config))
        for p in modulePackages { session.modulePackages[p.path] = p }
        session.dependencies = dependencies
    }


    /// The Program tables.
    public var types: Program { session.program }

    /// The checked package at an import path (checked first if needed); nil when it has no
    /// Go files or is `unsafe`.
    public func package(_ path: String) -> TypedPackage? {
        if let p = packages[path] { return p }
        guard let result = stages.measure(.typeCheck, { session.check(path) }), let checker = result.checker else { return nil }
        let canonical = checker.package.path
        if let p = packages[canonical] { packages[path] = p; return p }
        let typed = TypedPackage(path: canonical, index: checker.package.index, files: checker.files, facts: checker.facts)
        packages[path] = typed
        packages[canonical] = typed
        return typed
    }

    /// Why the package at `path` cannot be trusted: its load and type errors (`file:line:col:
    /// message`), empty when it checked cleanly.
    public func problems(_ path: String) -> [String] {
        guard let r = stages.measure(.typeCheck, { session.check(path) }) else { return ["no Go files for \(path)"] }
        return r.loadErrors + r.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    /// The checked package with a `Program.packages` index.
    public func package(index: Int32) -> TypedPackage? {
        guard index >= 0 && Int(index) < types.packages.count else { return nil }
        return package(types.packages[Int(index)].path)
    }
}
