import Foundation

/// Finds the directory of a package a module imports from another module, the way the go
/// command does for a build: from the module's `vendor/` directory when it vendors (a
/// `vendor/modules.txt` and a `go` line of 1.14 or later), otherwise from the module cache at
/// the version the module's `go.mod` requires, after its `replace` directives. Nothing is
/// downloaded: a module missing from the cache is reported as such.
public struct DependencyResolver: Sendable {
    /// The absolute directory of the main module's `go.mod`.
    public var moduleRoot: String
    /// The main module's `go.mod`.
    public var module: ModuleFile
    /// The module cache (`GOMODCACHE`).
    public var moduleCache: String?
    /// True when packages come from `vendor/`.
    public let vendored: Bool

    /// Creates a resolver for a module.
    public init(moduleRoot: String, module: ModuleFile, moduleCache: String?) {
        self.moduleRoot = moduleRoot
        self.module = module
        self.moduleCache = moduleCache
        let hasModulesTxt = FileManager.default.fileExists(atPath: moduleRoot + "/vendor/modules.txt")
        self.vendored = hasModulesTxt && (module.goMinor ?? 0) >= 14
    }

    /// One resolver per distinct module root, in the order given. The standard library is left
    /// out: its `golang.org/x` imports resolve through GOROOT's own `vendor/`.
    public static func forModules(_ modules: [(root: String, module: ModuleFile)],
                                  moduleCache: String? = DependencyResolver.moduleCache()) -> [DependencyResolver] {
        var seen: Set<String> = []
        return modules.compactMap { m in
            guard m.module.path != "std", seen.insert(m.root).inserted else { return nil }
            return DependencyResolver(moduleRoot: m.root, module: m.module, moduleCache: moduleCache)
        }
    }

    /// Where the module cache is, as the go command finds it: `GOMODCACHE`, else the first
    /// `GOPATH` entry's `pkg/mod`, else `$HOME/go/pkg/mod`.
    public static func moduleCache(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let c = environment["GOMODCACHE"], !c.isEmpty { return c }
        if let gopath = environment["GOPATH"]?.split(separator: ":").first, !gopath.isEmpty { return gopath + "/pkg/mod" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/go/pkg/mod" }
        return nil
    }

    /// The outcome of resolving an import path.
    public enum Resolution: Equatable, Sendable {
        /// The package's directory.
        case directory(String)
        /// No required module provides the path.
        case notRequired
        /// A module provides it but its files are not where they should be; the message says
        /// where heapsight looked and what to run.
        case missing(String)
    }

    /// Resolves an import path that is neither in GOROOT nor in the scanned modules.
    public func resolve(_ importPath: String) -> Resolution {
        if vendored {
            let dir = moduleRoot + "/vendor/" + importPath
            if isDirectory(dir) { return .directory(dir) }
            return requirement(for: importPath) == nil ? .notRequired
                : .missing("not in vendor/; run `go mod vendor`")
        }
        guard let req = requirement(for: importPath) else { return .notRequired }
        let rest = String(importPath.dropFirst(req.path.count))
        if let r = replacement(for: req) {
            if r.newVersion == nil {
                let base = r.newPath.hasPrefix("/") ? r.newPath : moduleRoot + "/" + r.newPath
                let dir = (base as NSString).standardizingPath + rest
                return isDirectory(dir) ? .directory(dir) : .missing("replacement directory \(r.newPath) has no such package")
            }
            return inCache(importPath, module: r.newPath, version: r.newVersion!, rest: rest)
        }
        return inCache(importPath, module: req.path, version: req.version, rest: rest)
    }

    /// True when a required module provides the path (whether or not its files are present).
    public func provides(_ importPath: String) -> Bool { requirement(for: importPath) != nil }

    /// The required module with the longest path that is the import path or a prefix of it.
    func requirement(for importPath: String) -> ModuleFile.Requirement? {
        module.requires
            .filter { importPath == $0.path || importPath.hasPrefix($0.path + "/") }
            .max { $0.path.count < $1.path.count }
    }

    /// A replacement for exactly this version wins over one for every version.
    func replacement(for req: ModuleFile.Requirement) -> ModuleFile.Replacement? {
        module.replacements.last { $0.path == req.path && $0.version == req.version }
            ?? module.replacements.last { $0.path == req.path && $0.version == nil }
    }

    func inCache(_ importPath: String, module path: String, version: String, rest: String) -> Resolution {
        guard let cache = moduleCache else { return .missing("no module cache; set GOMODCACHE") }
        let dir = cache + "/" + DependencyResolver.escape(path) + "@" + DependencyResolver.escape(version) + rest
        if isDirectory(dir) { return .directory(dir) }
        return .missing("module \(path)@\(version) is not in the module cache; run `go mod download`")
    }

    /// The module cache's case encoding: each upper-case letter becomes `!` and its lower case.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if c.properties.isUppercase { out += "!" + String(c).lowercased() } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
