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

    /// One step of a directory's walk, in the order the walk meets it: a note, or a file to read.
    private enum Step {
        case note(LoadNote)
        case file(path: String, name: String, rawPath: [UInt8])
    }

    /// What the walk found in one directory before reading any file.
    private struct Survey {
        var directory: String
        var module: ModuleScope?
        var steps: [Step] = []
    }

    /// What reading one file gave.
    private enum FileOutcome {
        case loaded(LoadedFile)
        case skipped
        case note(LoadNote)
    }

    /// Walks the tree in two passes: the directories first, in the order the go tool visits them
    /// (a directory's files, then its subdirectories), then every file they hold, read and
    /// matched against the build rules on all cores (the reads were most of the load of std on
    /// one thread), and last the packages made in walk order, so that packages and notes come
    /// out as a one-thread walk gives them.
    private mutating func walk(_ root: String, module: ModuleScope?) {
        var surveys: [Survey] = []
        survey(root, module: module, into: &surveys)
        var reads: [(path: String, name: String, rawPath: [UInt8])] = []
        for s in surveys {
            for case .file(let path, let name, let rawPath) in s.steps { reads.append((path, name, rawPath)) }
        }
        let outcomes = readAll(reads)
        var next = 0
        for s in surveys {
            var files: [LoadedFile] = []
            for step in s.steps {
                switch step {
                case .note(let note): notes.append(note)
                case .file:
                    switch outcomes[next] {
                    case .loaded(let file): files.append(file)
                    case .note(let note): notes.append(note)
                    case .skipped: break
                    }
                    next += 1
                }
            }
            if !files.isEmpty { makePackages(directory: s.directory, files: files, module: s.module, importPathOverride: nil) }
        }
    }

    /// Lists the directories under `directory` (itself first) with their notes and candidate files.
    private mutating func survey(_ directory: String, module: ModuleScope?, into surveys: inout [Survey]) {
        guard visited.insert(directory).inserted else { return }
        var here = Survey(directory: directory, module: module)
        let entries: [(name: String, bytes: [UInt8])]
        switch FileStatus.rawEntries(of: directory) {
        case .success(let n): entries = n
        case .failure(let f):
            here.steps.append(.note(LoadNote(level: .error, path: relative(directory), line: 0,
                                             message: "directory skipped: cannot read it (\(f.reason))")))
            surveys.append(here)
            return
        }
        let names = entries.map(\.name)
        if names.contains("go.mod"), let text = try? String(contentsOfFile: directory + "/go.mod", encoding: .utf8) {
            if let file = ModuleFile.parse(text) { here.module = ModuleScope(root: directory, file: file) }
            else {
                here.steps.append(.note(LoadNote(level: .warning, path: relative(directory + "/go.mod"), line: 0,
                                                 message: "go.mod has no module line; directories below use the enclosing module")))
            }
        }
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
                    here.steps.append(.note(LoadNote(level: .note, path: relative(path), line: 0,
                                                     message: "symbolic link to a directory ignored, as the go tool does")))
                }
            case .loop:
                if FileNameRules.isGoSource(name) {
                    here.steps.append(.note(LoadNote(level: .warning, path: relative(path), line: 0,
                                                     message: "file skipped: symbolic link loop")))
                }
            case .regularFile, .denied, .other, .missing:
                guard FileNameRules.isGoSource(name) else { continue }
                here.steps.append(.file(path: path, name: name, rawPath: rawPath))
            }
        }
        let scope = here.module
        surveys.append(here)
        for sub in subdirectories {
            // A nested module is its own module; the go tool leaves it out of ./..., heapsight
            // includes it under its own module path so that one scan covers a repository.
            survey(sub, module: scope, into: &surveys)
        }
    }

    /// Reads the files on all cores; outcomes in the order of `reads`.
    private func readAll(_ reads: [(path: String, name: String, rawPath: [UInt8])]) -> [FileOutcome] {
        let walk = self
        let results = UnsafeMutableBufferPointer<FileOutcome>.allocate(capacity: reads.count)
        results.initialize(repeating: .skipped)
        defer { results.deinitialize(); results.deallocate() }
        let slots = SendableBuffer(results)
        // Chunks of a few files each: one file is too little work to hand to a thread.
        let chunk = 8
        DispatchQueue.concurrentPerform(iterations: (reads.count + chunk - 1) / chunk) { c in
            for i in (c * chunk)..<min(reads.count, (c + 1) * chunk) {
                slots.buffer[i] = walk.read(reads[i].path, name: reads[i].name, rawPath: reads[i].rawPath)
            }
        }
        return Array(results)
    }

    /// Reads a file and applies the build rules; nil when it is not part of the build.
    private mutating func loadFile(_ path: String, name: String, rawPath: [UInt8]) -> LoadedFile? {
        switch read(path, name: name, rawPath: rawPath) {
        case .loaded(let file): return file
        case .note(let note): notes.append(note); return nil
        case .skipped: return nil
        }
    }

    /// Reads a file and applies the build rules.
    private func read(_ path: String, name: String, rawPath: [UInt8]) -> FileOutcome {
        let isTest = FileNameRules.isTest(name)
        if isTest && !context.includeTests { return .skipped }
        guard FileNameRules.matchesPlatform(name, context) else { return .skipped }
        let bytes: [UInt8]
        switch FileStatus.read(bytes: rawPath) {
        case .success(let b): bytes = b
        case .failure(let f):
            return .note(LoadNote(level: .error, path: relative(path), line: 0, message: "file skipped: cannot read it (\(f.reason))"))
        }
        let header: FileHeader
        switch BuildInclusion.of(bytes, in: context) {
        case .included(let h): header = h
        case .excluded: return .skipped
        case .rejected(let message, let line):
            return .note(LoadNote(level: .error, path: relative(path), line: line, message: "file skipped: \(message)"))
        }
        return .loaded(LoadedFile(path: relative(path), absolutePath: path, bytes: bytes, header: header, isTest: isTest))
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

/// A buffer the threads of one `concurrentPerform` write to, each its own elements.
private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
