import Foundation

/// What the loader found under the roots: packages in bottom-up order (every package after the
/// packages it imports), the modules they belong to, and notes about what was skipped.
public struct LoadResult: Sendable {
    /// The directory file paths are relative to.
    public var baseDirectory: String
    /// Packages, dependencies first.
    public var packages: [LoadedPackage]
    /// Problems worked around (unreadable directories, files without a package clause, ...).
    public var notes: [LoadNote]
    /// The workspace file at the base directory, when there is one.
    public var workspace: WorkspaceFile?
    /// The newest `go` line among the modules found.
    public var goVersion: String?
}

/// Discovers modules and packages under the given roots the way the go tool's `./...` does,
/// applies build constraints, reads file headers and orders packages bottom-up.
public struct PackageLoader {
    /// The build target.
    public var context: BuildContext
    /// Directory relative roots are resolved against.
    public var workingDirectory: String

    /// Creates a loader.
    public init(context: BuildContext, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.context = context
        self.workingDirectory = workingDirectory
    }

    /// Loads every package under the roots (directories or single `.go` files).
    public func load(roots: [String]) throws -> LoadResult {
        let absolute = roots.map { absolutePath($0) }
        var kinds: [FileStatus] = []
        for (given, path) in zip(roots, absolute) {
            let status = FileStatus.of(path, followLinks: true)
            switch status {
            case .missing: throw LoadError.missingPath(given)
            case .loop: throw LoadError.symlinkLoop(given)
            case .denied(let reason): throw LoadError.unreadable(given, reason: reason)
            case .regularFile:
                guard path.hasSuffix(".go") else { throw LoadError.notGoSource(given) }
            case .directory, .symlinkToDirectory:
                if case .failure(let f) = FileStatus.entries(of: path) {
                    throw LoadError.unreadable(given, reason: f.reason)
                }
            case .other: throw LoadError.notGoSource(given)
            }
            kinds.append(status)
        }
        let base: String
        if absolute.count == 1 {
            base = kinds[0] == .regularFile ? (absolute[0] as NSString).deletingLastPathComponent : absolute[0]
        } else {
            base = absolutePath(".")
        }
        var walk = TreeWalk(context: context, base: base)
        for (path, kind) in zip(absolute, kinds) {
            if kind == .regularFile { walk.addSingleFile(path) } else { walk.addTree(path) }
        }
        var workspace: WorkspaceFile?
        if let text = try? String(contentsOfFile: base + "/go.work", encoding: .utf8) {
            let ws = WorkspaceFile.parse(text)
            workspace = ws
            for use in ws.uses {
                let dir = normalize(use.hasPrefix("/") ? use : base + "/" + use)
                if !absolute.contains(where: { dir == $0 || dir.hasPrefix($0 + "/") }),
                   FileStatus.of(dir, followLinks: true) == .directory {
                    walk.addTree(dir)
                }
            }
        }
        let graph = ImportGraph(walk.packages)
        var notes = walk.notes
        notes.append(contentsOf: graph.cycleNotes)
        let versions = walk.packages.compactMap { $0.module }.filter { $0.goMinor != nil }
        let newest = versions.max { ($0.goMinor ?? 0) < ($1.goMinor ?? 0) }?.goVersion
        return LoadResult(baseDirectory: base, packages: graph.bottomUp, notes: notes,
                          workspace: workspace, goVersion: newest ?? workspace?.goVersion)
    }

    func absolutePath(_ path: String) -> String {
        normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }
}

/// Removes `.` and `..` components and trailing slashes without resolving symlinks.
func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
        if part == "." || part.isEmpty { continue }
        if part == "..", !parts.isEmpty { parts.removeLast(); continue }
        parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
}
