import Foundation
import GoSyntax
import GoLoader

/// Checks packages and, first, everything they import, bottom-up, into one `Program`.
/// Missing or cyclic imports become errors of the importing package.
///
/// # Threads
///
/// Several threads may check packages at once (the native engine's jobs each check their own
/// package), and any thread may read the finished results (`results`, `result`, `order`) and the
/// program meanwhile (see `Program`'s threads). A package is checked once: the thread that
/// claims it first checks it, and one that needs it meanwhile waits for it. A checker writes
/// unlocked only the records of its own package and reads only finished imports, so checkers
/// of different packages do not race; the session's own tables (claims, sources, owners) are
/// guarded by `claims`. A thread that would wait for a package being checked by a thread that
/// waits, directly or not, for one of its own (an import cycle spread over threads) treats it as
/// an import cycle, as a single thread does for a package up its own chain.
public final class TypecheckSession: @unchecked Sendable {
    /// The shared tables.
    public let program = Program()
    /// Where packages come from.
    public let locator: PackageLocator
    /// Guards `finished` and `checkOrder`, which readers on other threads see.
    private let resultsLock = NSLock()
    private var finished: [String: PackageResult] = [:]
    private var checkOrder: [String] = []
    /// Checked packages by import path.
    public var results: [String: PackageResult] { resultsLock.withLock { finished } }
    /// Import paths in the order they were checked.
    public var order: [String] { resultsLock.withLock { checkOrder } }
    /// The finished result of the package at a canonical import path, if it was checked.
    public func result(_ path: String) -> PackageResult? { resultsLock.withLock { finished[path] } }
    /// Publishes a package's result (and, when it was checked, its place in the order).
    private func publish(_ r: PackageResult, checked: Bool) {
        resultsLock.withLock {
            finished[r.path] = r
            if checked { checkOrder.append(r.path) }
        }
    }
    /// Guards `checkers`, `waits`, `modulePackages`, `unparsedModulePackages` and `owners`
    /// while packages are being checked.
    private let claims = NSCondition()
    /// The thread checking each package now, by canonical path.
    private var checkers: [String: pthread_t] = [:]
    /// The package each waiting thread waits for.
    private var waits: [pthread_t: String] = [:]
    private var prefetcher: SourcePrefetcher? = nil
    /// Packages of the scanned module(s), by import path; consulted before GOROOT.
    public var modulePackages: [String: PackageSource] = [:]
    /// Packages of the scanned module(s) not parsed yet, by import path: parsed when first
    /// checked (then moved to `modulePackages`), consulted like `modulePackages`.
    public var unparsedModulePackages: [String: UnparsedPackage] = [:]
    /// Where the scanned modules' dependencies are (vendor/ or the module cache); consulted
    /// for paths they require, before GOROOT's own vendored copies.
    public var dependencies: [DependencyResolver] = []
    /// Files parsed elsewhere in the run, taken instead of parsing GOROOT's and dependencies'
    /// files again (set before the first check).
    public var parsedFiles: ParsedFileCache? = nil
    /// For each checked package, the index in `dependencies` of the module it belongs to,
    /// whose go.mod decides what its imports name; none for std (GOROOT's own vendor/).
    private var owners: [String: Int] = [:]

    /// The outcome of checking one package.
    public struct PackageResult: @unchecked Sendable {
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
    /// names it: through the importer's module (its vendor/ or required version; cmd's
    /// vendored packages are `cmd/vendor/...`), or for GOROOT's own packages through the
    /// vendor/ of their module (`cmd/vendor/...` from cmd, `vendor/...` from std).
    /// Roots (no importer) may name a package of any scanned module's dependencies.
    func canonical(_ path: String, from importer: String? = nil) -> String {
        if isModulePackage(path) { return path }
        let owner = importer.flatMap { importer in claims.withLock { owners[importer] } }
        let resolvers = importer == nil ? dependencies : owner.map { [dependencies[$0]] } ?? []
        if let d = resolvers.first(where: { $0.provides(path) }) {
            // Inside GOROOT, vendored packages are named by their directory, as go list does.
            return d.moduleRoot == locator.goroot + "/src/" + d.module.path && d.vendored ? d.module.path + "/vendor/" + path : path
        }
        return locator.canonicalPath(path, importer: importer)
    }

    /// Starts reading and parsing the GOROOT packages `roots` need, on `threads` threads beside
    /// the checker's, so that checking (one thread) rarely waits for a parse. Without it, or
    /// for packages it does not reach, `check` loads on demand.
    public func prefetch(_ roots: [String], threads: Int) {
        let paths = roots.filter { !isModulePackage($0) }.map { canonical($0) }
        prefetcher = SourcePrefetcher(locator: locator, roots: paths, workers: max(0, threads), parsed: parsedFiles)
    }

    /// Whether a path names a package of the scanned module(s), parsed or not.
    func isModulePackage(_ path: String) -> Bool {
        claims.withLock { modulePackages[path] != nil || unparsedModulePackages[path] != nil }
    }

    /// A scanned module's package, parsed on first use (by the thread that claimed it).
    func moduleSource(_ path: String) -> PackageSource? {
        let (parsed, unparsed) = claims.withLock { (modulePackages[path], unparsedModulePackages[path]) }
        if let parsed { return parsed }
        guard let unparsed else { return nil }
        let source = unparsed.parse(reusing: parsedFiles)
        claims.withLock {
            modulePackages[path] = source
            unparsedModulePackages[path] = nil
        }
        return source
    }

    /// A dependency's source, when a scanned module requires the path and its files are there.
    func dependencySource(_ path: String) -> PackageSource? {
        for (i, d) in dependencies.enumerated() {
            if case .directory(let dir) = d.resolve(path) {
                claims.withLock { owners[path] = i }
                return PackageSource.load(path: path, directory: dir, config: locator.config, parsed: parsedFiles)
            }
        }
        return nil
    }

    /// The module a package directory lies in: the dependency resolver with the deepest root
    /// above it (a module's vendor/ belongs to the module).
    func owner(ofDirectory dir: String) -> Int? {
        dependencies.indices
            .filter { dir == dependencies[$0].moduleRoot || dir.hasPrefix(dependencies[$0].moduleRoot + "/") }
            .max { dependencies[$0].moduleRoot.count < dependencies[$1].moduleRoot.count }
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
        return locator.load(path, parsed: parsedFiles)
    }

    /// Checks a package (and its imports). Returns nil for a path with no Go files.
    @discardableResult
    public func check(_ rawPath: String) -> PackageResult? {
        rawPath == "unsafe" ? checkUnsafeSource() : check(canonical: canonical(rawPath))
    }

    /// What `claim` found.
    private enum Claim {
        /// The calling thread checks the package now, and releases it when done.
        case claimed
        /// The package's result, or nil when it is up the calling thread's chain of imports or
        /// waiting for it would close a cycle.
        case answered(PackageResult?)
    }

    /// Claims the package at `path` for the calling thread, waiting while another thread checks
    /// it (see the threads section above).
    private func claim(_ path: String) -> Claim {
        let me = pthread_self()
        claims.lock()
        defer { claims.unlock() }
        while true {
            if let r = result(path) { return .answered(r) }
            guard let owner = checkers[path] else { break }
            if pthread_equal(owner, me) != 0 || waitsFor(owner, thread: me) { return .answered(nil) }
            waits[me] = path
            claims.wait()
            waits[me] = nil
        }
        checkers[path] = me
        return .claimed
    }

    /// Whether `thread` is among the threads `waiter` waits for, directly or through the
    /// packages they wait for (`claims` held).
    private func waitsFor(_ waiter: pthread_t, thread: pthread_t) -> Bool {
        var current = waiter
        var seen = 0
        while let path = waits[current], let owner = checkers[path], seen <= waits.count {
            if pthread_equal(owner, thread) != 0 { return true }
            current = owner
            seen += 1
        }
        return false
    }

    /// Gives up the claim on a package once its result is published; wakes the threads waiting.
    private func release(_ path: String) {
        claims.withLock {
            checkers[path] = nil
            claims.broadcast()
        }
    }

    /// Checks the package at a canonical path, its imports first.
    @discardableResult
    func check(canonical path: String) -> PackageResult? {
        if let r = result(path) { return r }
        if case .answered(let r) = claim(path) { return r }
        defer { release(path) }
        guard let source = moduleSource(path) ?? dependencySource(path) ?? goRootSource(path) else {
            let reason = importFailure(path)
            program.recordImportFailure(path, reason)
            let r = PackageResult(path: path, checker: nil, loadErrors: ["\(path): \(reason)"])
            publish(r, checked: false)
            return r
        }
        if claims.withLock({ owners[path] }) == nil, let o = owner(ofDirectory: source.directory) {
            claims.withLock { owners[path] = o }
        }
        var loadErrors = syntaxErrors(source)
        for i in Set(source.files.flatMap { $0.imports.map(\.path) }).sorted() where i != "unsafe" && i != "C" {
            let target = canonical(i, from: path)
            if target != i { program.recordImportAlias(ImportKey(importer: path, path: i), target) }
            // Nil only for a package up this thread's chain, or one whose wait would close a
            // cycle over threads.
            if check(canonical: target) == nil { loadErrors.append("import cycle: \(path) imports \(i)") }
        }
        let checker = Checker(program: program, path: path, files: source.files)
        checker.check()
        let r = PackageResult(path: path, checker: checker, loadErrors: loadErrors)
        publish(r, checked: true)
        return r
    }

    /// The syntax errors of a package's files, as `file:line:col: msg`.
    func syntaxErrors(_ source: PackageSource) -> [String] {
        source.files.flatMap { f in f.diagnostics.map { "\(f.path):\($0.line):\($0.column): \($0.message)" } }
    }

    /// Checks package unsafe's documentation source as an ordinary package, the way go/types
    /// does when asked for `unsafe` by path; imports of `unsafe` keep resolving to the
    /// built-in package. Nil when GOROOT has no such source.
    func checkUnsafeSource() -> PackageResult? {
        if let r = result("unsafe") { return r }
        if case .answered(let r) = claim("unsafe") { return r }
        defer { release("unsafe") }
        guard let source = locator.load("unsafe") else { return nil }
        let checker = Checker(program: program, path: "unsafe", files: source.files, standalone: true)
        checker.check()
        let r = PackageResult(path: "unsafe", checker: checker, loadErrors: syntaxErrors(source))
        publish(r, checked: true)
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
