import Foundation
import GoSyntax
import GoLoader

/// Checks packages and, first, everything they import, bottom-up, into one `Program`.
/// Missing or cyclic imports become errors of the importing package.
public final class TypecheckSession {
    /// The shared tables.
    public let program = Program()
    /// Where packages come from.
    public let locator: PackageLocator
    /// Checked packages by import path.
    public private(set) var results: [String: PackageResult] = [:]
    /// Import paths in the order they were checked.
    public private(set) var order: [String] = []
    private var inProgress: Set<String> = []
    private var prefetcher: SourcePrefetcher? = nil
    /// Packages of the scanned module(s), by import path; consulted before GOROOT.
    public var modulePackages: [String: PackageSource] = [:]
    /// Where the scanned modules' dependencies are (vendor/ or the module cache); consulted
    /// for paths they require, before GOROOT's own vendored copies.
    public var dependencies: [DependencyResolver] = []
    /// Packages loaded from dependencies (they import like the scanned modules).
    private var dependencyPackages: Set<String> = []

    /// The outcome of checking one package.
    public struct PackageResult {
        /// Import path.
        public var path: String
        /// The checker (facts, diagnostics), nil when the package could not be loaded.
        public var checker: Checker?
        /// Syntax and load errors, as `file:line:col: msg` or plain messages.
        public var loadErrors: [String]
        /// Type errors.
        public var diagnostics: [TypeDiagnostic] { checker?.diagnostics ?? [] }
    }

    /// Creates a session over a GOROOT.
    public init(locator: PackageLocator) {
        self.locator = locator
    }

    /// The canonical path of the package an import path names in an importer, as go/types
    /// names it: std resolves `golang.org/x/...` to GOROOT's `vendor/...`, cmd to its
    /// `cmd/vendor/...`, the scanned modules and their dependencies to the required modules
    /// (by import path). Roots (no importer) resolve like the scanned modules.
    func canonical(_ path: String, from importer: String? = nil) -> String {
        if modulePackages[path] != nil { return path }
        let resolvers: [DependencyResolver]
        if let importer, importer == "cmd" || importer.hasPrefix("cmd/") {
            resolvers = dependencies.filter { $0.module.path == "cmd" }
        } else if let importer, modulePackages[importer] == nil && !dependencyPackages.contains(importer) {
            resolvers = []
        } else {
            resolvers = dependencies.filter { $0.module.path != "cmd" }
        }
        if let d = resolvers.first(where: { $0.provides(path) }) {
            // Inside GOROOT, vendored packages are named by their directory, as go list does.
            return d.moduleRoot == locator.goroot + "/src/" + d.module.path && d.vendored ? d.module.path + "/vendor/" + path : path
        }
        return locator.canonicalPath(path)
    }

    /// Starts reading and parsing the GOROOT packages `roots` need, on `threads` threads beside
    /// the checker's, so that checking (one thread) rarely waits for a parse. Without it, or
    /// for packages it does not reach, `check` loads on demand.
    public func prefetch(_ roots: [String], threads: Int) {
        let paths = roots.filter { modulePackages[$0] == nil }.map { canonical($0) }
        prefetcher = SourcePrefetcher(locator: locator, roots: paths, workers: max(0, threads))
    }

    /// A dependency's source, when a scanned module requires the path and its files are there.
    func dependencySource(_ path: String) -> PackageSource? {
        for d in dependencies {
            if case .directory(let dir) = d.resolve(path) {
                dependencyPackages.insert(path)
                return PackageSource.load(path: path, directory: dir, config: locator.config)
            }
        }
        return nil
    }

    /// Why a path has no package, in words a person can act on.
    func importFailure(_ path: String) -> String {
        for d in dependencies {
            switch d.resolve(path) {
            case .missing(let why): return why
            case .directory: return "no Go files for \(locator.config.goos)/\(locator.config.goarch) in its directory"
            case .notRequired: continue
            }
        }
        if locator.directory(for: path) != nil { return "no Go files for \(locator.config.goos)/\(locator.config.goarch) in its directory" }
        if path.split(separator: "/").first?.contains(".") == true {
            return dependencies.isEmpty ? "not in GOROOT and no go.mod requires it"
                : "no required module provides it; add it with `go get`"
        }
        return "not in the standard library"
    }

    /// A GOROOT package's source, from the prefetcher when there is one.
    func goRootSource(_ path: String) -> PackageSource? {
        if let prefetcher { return prefetcher.source(path) }
        return locator.load(path)
    }

    /// Checks a package (and its imports). Returns nil for a path with no Go files.
    @discardableResult
    public func check(_ rawPath: String) -> PackageResult? { check(rawPath, from: nil) }

    /// Checks the package an import path names in an importer.
    @discardableResult
    func check(_ rawPath: String, from importer: String?) -> PackageResult? {
        if rawPath == "unsafe" { return checkUnsafeSource() }
        let path = canonical(rawPath, from: importer)
        if path != rawPath, let importer { program.importAliases[ImportKey(importer: importer, path: rawPath)] = path }
        if let r = results[path] { return r }
        if inProgress.contains(path) { return nil }
        inProgress.insert(path)
        defer { inProgress.remove(path) }
        guard let source = modulePackages[path] ?? dependencySource(path) ?? goRootSource(path) else {
            let reason = importFailure(path)
            program.importFailures[path] = reason
            let r = PackageResult(path: path, checker: nil, loadErrors: ["\(path): \(reason)"])
            results[path] = r
            return r
        }
        var loadErrors: [String] = []
        var imports: [String] = []
        for f in source.files {
            for d in f.diagnostics { loadErrors.append("\(f.path):\(d.line):\(d.column): \(d.message)") }
            for i in f.imports where !imports.contains(i.path) { imports.append(i.path) }
        }
        for i in imports.sorted() where i != "unsafe" && i != "C" {
            if inProgress.contains(canonical(i, from: path)) { loadErrors.append("import cycle: \(path) imports \(i)"); continue }
            check(i, from: path)
        }
        let checker = Checker(program: program, path: path, files: source.files)
        checker.check()
        let r = PackageResult(path: path, checker: checker, loadErrors: loadErrors)
        results[path] = r
        order.append(path)
        return r
    }

    /// Checks package unsafe's documentation source as an ordinary package, the way go/types
    /// does when asked for `unsafe` by path; imports of `unsafe` keep resolving to the
    /// built-in package. Nil when GOROOT has no such source.
    func checkUnsafeSource() -> PackageResult? {
        if let r = results["unsafe"] { return r }
        guard let source = locator.load("unsafe") else { return nil }
        let checker = Checker(program: program, path: "unsafe", files: source.files, standalone: true)
        checker.check()
        let loadErrors = source.files.flatMap { f in f.diagnostics.map { "\(f.path):\($0.line):\($0.column): \($0.message)" } }
        let r = PackageResult(path: "unsafe", checker: checker, loadErrors: loadErrors)
        results["unsafe"] = r
        order.append("unsafe")
        return r
    }

    /// The import paths of the standard library, as `go list std` names them: every directory
    /// under `GOROOT/src` with Go files for the configuration, except commands and `testdata`
    /// (vendored packages are `vendor/...`).
    public func standardPackages() -> [String] {
        let root = locator.goroot + "/src"
        let fm = FileManager.default
        var out: [String] = []
        // Depth-first in name order; commands, test data and hidden directories are not
        // entered at all (cmd/ alone is most of GOROOT/src).
        func visit(_ rel: String) {
            let dir = rel.isEmpty ? root : root + "/" + rel
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return }
            if !rel.isEmpty && !PackageSource.selectedFiles(directory: dir, config: locator.config).isEmpty { out.append(rel) }
            for name in names.sorted() {
                if name == "testdata" || name.hasPrefix("_") || name.hasPrefix(".") || (rel.isEmpty && name == "cmd") { continue }
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), isDir.boolValue else { continue }
                visit(rel.isEmpty ? name : rel + "/" + name)
            }
        }
        visit("")
        return out.sorted()
    }
}
