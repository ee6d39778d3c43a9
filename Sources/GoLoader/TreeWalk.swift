import Foundation

/// The directory walk behind `PackageLoader`: visits directories the go tool would, tracks the
/// module each belongs to, and turns each directory's accepted files into a package.
struct TreeWalk {
    let context: BuildContext
    let base: String
    var packages: [LoadedPackage] = []
    var notes: [LoadNote] = []
    private var visited: Set<String> = []

    init(context: BuildContext, base: String) {
        self.context = context
        self.base = base
    }

    /// A module root and its parsed go.mod.
    struct ModuleScope {
        var root: String
        var file: ModuleFile
    }

    mutating func addTree(_ root: String) {
        walk(root, module: enclosingModule(of: root))
    }

    mutating func addSingleFile(_ path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        guard let file = loadFile(path, name: (path as NSString).lastPathComponent, rawPath: Array(path.utf8)) else { return }
        var module = enclosingModule(of: dir)
        if module == nil { module = nil }
        makePackages(directory: dir, files: [file], module: module, importPathOverride: "command-line-arguments")
    }

    private func enclosingModule(of directory: String) -> ModuleScope? {
        var dir = directory
        while true {
            if let text = try? String(contentsOfFile: dir + "/go.mod", encoding: .utf8), let file = ModuleFile.parse(text) {
                return ModuleScope(root: dir, file: file)
            }
            if dir == "/" || dir.isEmpty { return nil }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    private mutating func walk(_ directory: String, module: ModuleScope?) {
        guard visited.insert(directory).inserted else { return }
        let entries: [(name: String, bytes: [UInt8])]
        switch FileStatus.rawEntries(of: directory) {
        case .success(let n): entries = n
        case .failure(let f):
            notes.append(LoadNote(level: .error, path: relative(directory), line: 0,
                                  message: "directory skipped: cannot read it (\(f.reason))"))
            return
        }
        let names = entries.map(\.name)
        var scope = module
        if names.contains("go.mod"), let text = try? String(contentsOfFile: directory + "/go.mod", encoding: .utf8) {
            if let file = ModuleFile.parse(text) { scope = ModuleScope(root: directory, file: file) }
            else {
                notes.append(LoadNote(level: .warning, path: relative(directory + "/go.mod"), line: 0,
                                      message: "go.mod has no module line; directories below use the enclosing module"))
            }
        }
        var files: [LoadedFile] = []
        var subdirectories: [String] = []
        for (name, nameBytes) in entries {
            let path = directory + "/" + name
            // A name that is not UTF-8 is recorded as the go tool prints it (U+FFFD for each bad
            // sequence) and opened by its bytes.
            let rawPath = Array(directory.utf8) + [0x2F] + nameBytes
            let status = FileStatus.of(bytes: rawPath, followLinks: false)
            switch status {
            case .directory:
                if !FileNameRules.isSkippedDirectory(name) { subdirectories.append(path) }
            case .symlinkToDirectory:
                if !FileNameRules.isSkippedDirectory(name) {
                    notes.append(LoadNote(level: .note, path: relative(path), line: 0,
                                          message: "symbolic link to a directory ignored, as the go tool does"))
                }
            case .loop:
                if FileNameRules.isGoSource(name) {
                    notes.append(LoadNote(level: .warning, path: relative(path), line: 0,
                                          message: "file skipped: symbolic link loop"))
                }
            case .regularFile, .denied, .other, .missing:
                guard FileNameRules.isGoSource(name) else { continue }
                if let file = loadFile(path, name: name, rawPath: rawPath) { files.append(file) }
            }
        }
        if !files.isEmpty { makePackages(directory: directory, files: files, module: scope, importPathOverride: nil) }
        for sub in subdirectories {
            // A nested module is its own module; the go tool leaves it out of ./..., heapsight
            // includes it under its own module path so that one scan covers a repository.
            walk(sub, module: scope)
        }
    }

    /// Reads a file and applies the build rules; nil when it is not part of the build.
    private mutating func loadFile(_ path: String, name: String, rawPath: [UInt8]) -> LoadedFile? {
        let isTest = FileNameRules.isTest(name)
        if isTest && !context.includeTests { return nil }
        guard FileNameRules.matchesPlatform(name, context) else { return nil }
        let bytes: [UInt8]
        switch FileStatus.read(bytes: rawPath) {
        case .success(let b): bytes = b
        case .failure(let f):
            notes.append(LoadNote(level: .error, path: relative(path), line: 0, message: "file skipped: cannot read it (\(f.reason))"))
            return nil
        }
        let header: FileHeader
        switch BuildInclusion.of(bytes, in: context) {
        case .included(let h): header = h
        case .excluded: return nil
        case .rejected(let message, let line):
            notes.append(LoadNote(level: .error, path: relative(path), line: line, message: "file skipped: \(message)"))
            return nil
        }
        return LoadedFile(path: relative(path), absolutePath: path, bytes: bytes, header: header, isTest: isTest)
    }

    /// Groups one directory's files into its package (and its external test package).
    private mutating func makePackages(directory: String, files: [LoadedFile], module: ModuleScope?,
                                       importPathOverride: String?) {
        let importPath = importPathOverride ?? self.importPath(of: directory, module: module)
        let primaryName = files.first { !($0.header.packageName ?? "").hasSuffix("_test") || !$0.isTest }?
            .header.packageName ?? files[0].header.packageName ?? "main"
        var primary: [LoadedFile] = []
        var external: [LoadedFile] = []
        for file in files {
            let name = file.header.packageName ?? ""
            if name == primaryName { primary.append(file) }
            else if file.isTest && name == primaryName + "_test" { external.append(file) }
            else {
                notes.append(LoadNote(level: .error, path: file.path, line: 1,
                                      message: "file skipped: package \(name), but the directory's package is \(primaryName)"))
            }
        }
        let isStandard = module.map { $0.file.path == "std" || $0.file.path == "cmd" } ?? false
        if !primary.isEmpty {
            packages.append(package(importPath, primaryName, directory, primary, module, isStandard))
        }
        if !external.isEmpty {
            packages.append(package(importPath + "_test", primaryName + "_test", directory, external, module, isStandard))
        }
    }

    private func package(_ importPath: String, _ name: String, _ directory: String, _ files: [LoadedFile],
                         _ module: ModuleScope?, _ isStandard: Bool) -> LoadedPackage {
        let imports = Set(files.flatMap { $0.header.imports.map(\.path) }).sorted()
        return LoadedPackage(importPath: importPath, name: name, directory: relative(directory),
                             absoluteDirectory: directory, files: files, imports: imports,
                             module: module?.file, moduleRoot: module?.root, isStandard: isStandard)
    }

    private func importPath(of directory: String, module: ModuleScope?) -> String {
        guard let module else {
            let rel = relative(directory)
            return rel == "." ? "command-line-arguments" : rel
        }
        let rel = directory == module.root ? "" : String(directory.dropFirst(module.root.count + 1))
        if module.file.path == "std" { return rel.isEmpty ? "std" : rel }
        return rel.isEmpty ? module.file.path : module.file.path + "/" + rel
    }

    /// A path relative to the base directory (`.` for the base itself; absolute outside it).
    func relative(_ path: String) -> String {
        if path == base { return "." }
        if base == "/" { return String(path.dropFirst()) }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
