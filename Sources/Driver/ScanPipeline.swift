import FactStore
import Foundation
import GCEngine
import GoLoader
import PassKit

/// The steps of one scan, in order: configuration and passes, GOROOT and target, packages,
/// store, engine, passes per package, git state, record. Nothing of the run is in the store
/// before the last step: each package's rows are written as the passes finish it, in a
/// transaction that commits only then (`RunRecording`), so every operational failure before it
/// leaves an existing store as it was.
///
/// What does not depend on the step before it runs beside it, on threads of its own
/// (`BackgroundValue`): the git state from the start, the go command's answer about itself
/// while the packages load and the build starts (`ToolchainLookup`), and, while the engine
/// reads the compiler's output, the opening of the store and the parsing of the files. The
/// result does not depend on timing: each of them is waited for where its value is used.
struct ScanPipeline {
    let request: ScanRequest

    func run() throws -> ScanOutcome {
        InterruptWatch.install()
        let started = request.now()
        let clockStart = DispatchTime.now()
        var clock = PhaseClock()
        let roots = request.paths.isEmpty ? ["."] : request.paths
        let config = try loadConfiguration(roots: roots)
        let engine = request.engine ?? config.engine
        let registry = try makeRegistry(config: config)
        let profiles = try readProfiles(config: config)
        clock.lap("configuration")
        // The git state depends only on the roots: it is read while the scan goes on.
        let gitState = request.provenance == nil ? BackgroundValue { GitInfo.read(roots: roots) } : nil
        let goos = config.goos ?? BuildContext.hostOS, goarch = config.goarch ?? BuildContext.hostArch
        let lookup = ToolchainLookup(engine: engine, config: config, goos: goos, goarch: goarch)

        // Under the gc engine the build starts as soon as the packages are known and checked,
        // while the go command is still answering about itself: the packages are loaded for
        // the release assumed until then, and again if the answer names another one
        // (`ToolchainLookup`).
        let assumedContext = buildContext(config: config, goroot: lookup.provisional)
        let assumed = Result { try loadAndCheck(roots: roots, context: assumedContext, profiles: profiles) }
        var early = (try? assumed.get()).flatMap { startEngine($0.loaded, lookup: lookup) }
        let goroot = lookup.goroot()
        let context = buildContext(config: config, goroot: goroot)
        let checked: CheckedLoad
        if context == assumedContext {
            checked = try assumed.get()
        } else {
            early?.cancel()
            checked = try loadAndCheck(roots: roots, context: context, profiles: profiles)
            early = startEngine(checked.loaded, lookup: lookup)
        }
        let loaded = checked.loaded, profileTree = checked.profileTree
        var notes: [Diagnostic] = []
        if goroot == nil {
            notes.append(Diagnostic(severity: .note, source: "loader",
                                    message: "no GOROOT found ($GOROOT, `go env GOROOT`, go.goroot in heapsight.yml); calls into the standard library are treated conservatively"))
        }
        notes += checked.notes
        clock.lap("load")
        let request = self.request
        let opening = BackgroundValue(startNow: false) { Result { try Self.openStore(request.dbPath) } }
        // An interrupt while the store is being created lets the creation finish, so that an
        // interrupted scan leaves a store without the run, never a half-made file.
        let openingCleanup = InterruptCleanup.register { opening.wait(seconds: Self.storeOpeningGrace) }
        defer { InterruptCleanup.unregister(openingCleanup) }
        opening.start()
        // Native scans read their dependencies' summaries from the store (and add those they
        // compute): an unchanged dependency is analysed once per store.
        var summaryCache = engine == .native
            ? SummaryCacheSetup.cache(goos: context.goos, goarch: context.goarch) { opening.value } : nil

        let inputs = loaded.packages.map(PackageAnalyzer.input(for:))
        // Parsing and hashing the files needs no engine: done while the compiler's text streams in.
        let preparing = early == nil ? nil : BackgroundValue { zip(loaded.packages, inputs).map { PackageAnalyzer.prepare($0, input: $1) } }
        let compilation = early?.finish(toolchain: lookup.toolchain)
        var engineSetup = EngineSetup.prepare(engine: engine, config: config, baseDirectory: loaded.baseDirectory,
                                              packages: inputs, context: context, goroot: goroot?.path,
                                              compilation: compilation, jobs: request.jobs, summaryCache: summaryCache)
        notes.append(contentsOf: engineSetup.diagnostics)
        clock.lap("engine")
        var analyzer: PackageAnalyzer? = PackageAnalyzer(registry: registry, config: config, engine: engine,
                                       engineInput: engineSetup.input, unavailable: engineSetup.unavailablePasses,
                                       engineFailed: engineSetup.failedPackages,
                                       progress: request.quiet ? nil : request.progress, jobs: request.jobs)
        // Each package's rows are written as soon as it and every package before it in the
        // planned order are done, in one transaction that commits after the last step
        // (`RunRecording`).
        let order = analyzer!.plan(loaded)
        var position = [Int](repeating: 0, count: order.count)
        for (p, i) in order.enumerated() { position[i] = p }
        let recording = RunRecording(run: runRecord(started: started, roots: roots, git: GitInfo(), engine: engine,
                                                    setup: engineSetup, goroot: goroot, context: context, config: config,
                                                    skipped: registry.skipped),
                                     packageCount: loaded.packages.count) { try? opening.value.get() }
        defer { recording.cancel() }
        let recordingCleanup = InterruptCleanup.register { recording.cancel(waitingAtMost: Self.storeOpeningGrace) }
        defer { InterruptCleanup.unregister(recordingCleanup) }
        // A package written while the scan runs keeps no explanations for the run's content:
        // `finish` needs only the rest of it then.
        var analyses = analyzer!.analyze(loaded, inputs: inputs, prepared: preparing?.value) { [position] index, analysis in
            recording.add(RunPart(package: analysis.package, files: analysis.files, functions: analysis.functions,
                                  facts: analysis.facts, explanationTexts: analysis.explanationTexts),
                          at: position[index])
        }

        clock.lap("passes")
        for rejection in summaryCache?.rejections ?? [] {
            notes.append(Diagnostic(severity: .warning, source: "summaries", message: rejection))
        }
        if let serial = engineSetup.serialSeconds {
            clock.note("native locked", seconds: serial)
            for stage in engineSetup.serialStages { clock.note("  " + stage.name, seconds: stage.seconds) }
            let outside = engineSetup.stagesOutsideLock
            if !outside.isEmpty {
                clock.note("native unlocked", seconds: outside.reduce(0) { $0 + $1.seconds })
                for stage in outside { clock.note("  " + stage.name, seconds: stage.seconds) }
            }
        }
        // The engine's state is not needed any more: freed beside the recording, not after it,
        // on release threads that take every reference the scan holds (the analyzer's too), or
        // left to the process's exit.
        let memory = MemoryRelease(keepUntilExit: request.processExitsAfterScan)
        memory.release(&analyzer, leaving: nil)
        memory.release(&engineSetup.input, leaving: nil)
        var git = gitState?.value ?? GitInfo()
        var recordedRoots = roots
        if let origin = request.provenance {
            git = GitInfo(commit: origin.gitCommit, branch: origin.gitBranch, dirty: false,
                          committedAt: origin.gitCommittedAt)
            recordedRoots = origin.roots
        }
        let store = try opening.value.get()
        clock.lap("git, store")
        let run = runRecord(started: started, roots: recordedRoots, git: git, engine: engine, setup: engineSetup,
                            goroot: goroot, context: context, config: config, skipped: registry.skipped)
        var content = Self.merge(analyses, recordedIn: order, notes: notes, into: run)
        memory.release(&analyses, leaving: [])
        clock.lap("merge")
        content.profiles = Self.attribute(profiles, tree: profileTree, content: content)
        if !profiles.isEmpty { clock.lap("profiles") }
        content.run.finishedAt = request.now()
        // Counted while the recording still writes the last packages' rows, not after it.
        var outcome = Self.outcome(of: content, runID: 0, seconds: 0, phases: [])
        InterruptWatch.holdIfInterrupted()
        let runID = try recording.finish(content, store: store)
        // Not kept by the opening any more: the store closes (and checkpoints its log) when
        // the scan's reference goes, at its end.
        _ = opening.take()
        clock.lap("record")
        let cacheWarnings = summaryCache.map { SummaryCacheSetup.write($0, to: store) } ?? []
        clock.lap("summaries")
        outcome.runID = runID
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - clockStart.uptimeNanoseconds) / 1e9
        outcome.phases = clock.phases
        outcome.profiles = content.profiles
        outcome.diagnostics += cacheWarnings
        outcome.summaryCache = summaryCache?.statistics
        memory.release(&summaryCache, leaving: nil)
        // The run's rows (about 200 MB for the standard library) and the parsed packages are
        // freed beside the exit, not before it.
        memory.release(&content, leaving: RunContent(run: run))
        return outcome
    }

    /// The run's row: `git` is the state read beside the scan (empty while it is not known yet).
    private func runRecord(started: Date, roots: [String], git: GitInfo, engine: EngineKind, setup: EngineSetup,
                           goroot: GoRoot?, context: BuildContext, config: Configuration, skipped: [String]) -> RunRecord {
        RunRecord(
            startedAt: started, finishedAt: started, roots: roots, gitCommit: git.commit,
            gitBranch: git.branch, gitDirty: git.dirty, gitCommittedAt: git.committedAt, label: request.label,
            engine: engine.rawValue, toolVersion: request.toolVersion,
            goVersion: setup.goVersion ?? goroot?.version, goroot: setup.goroot ?? goroot?.path,
            goos: context.goos, goarch: context.goarch, configHash: config.hash,
            status: "ok", skipped: setup.skipped + skipped)
    }

    /// How long an interrupt waits for the store being opened in the background.
    static let storeOpeningGrace = 10.0

    /// The run's content: packages, files, functions and facts in the order they are recorded
    /// in (`order`, indices into `analyses`), so that a run recorded at the end has the rows of
    /// one recorded while it ran; diagnostics (run-wide notes first), directives and pass
    /// executions in the analyses' bottom-up order; and the status (`partial` when a package
    /// failed or any error was diagnosed).
    static func merge(_ analyses: [PackageAnalysis], recordedIn order: [Int], notes: [Diagnostic],
                      into run: RunRecord) -> RunContent {
        var content = RunContent(run: run, diagnostics: notes)
        var explanations: [[UInt8]] = []
        if order.count == 1 {
            let a = analyses[order[0]]
            // One package: its arrays are the run's, shared rather than copied element by
            // element (which retained every string of every fact and function).
            content.packages = [a.package]
            content.files = a.files
            content.functions = a.functions
            content.facts = a.facts
            explanations = a.explanationTexts
        } else {
            // Sized once: growing arrays of a std scan's 200,000 facts copies them over and over.
            content.packages.reserveCapacity(analyses.count)
            content.files.reserveCapacity(analyses.reduce(0) { $0 + $1.files.count })
            content.functions.reserveCapacity(analyses.reduce(0) { $0 + $1.functions.count })
            content.facts.reserveCapacity(analyses.reduce(0) { $0 + $1.facts.count })
            explanations.reserveCapacity(analyses.reduce(0) { $0 + $1.explanationTexts.count })
            for i in order {
                let a = analyses[i]
                content.packages.append(a.package)
                content.files.append(contentsOf: a.files)
                content.functions.append(contentsOf: a.functions)
                content.facts.append(contentsOf: a.facts)
                explanations.append(contentsOf: a.explanationTexts)
            }
        }
        for a in analyses {
            content.diagnostics.append(contentsOf: a.diagnostics)
            content.directives.append(a.directives)
            content.passes.append(contentsOf: a.passes)
        }
        content.explanationTexts = explanations
        let failed = content.packages.contains { $0.failed }
        let hasErrors = content.diagnostics.contains { $0.severity == .error }
        content.run.status = !failed && !hasErrors ? "ok" : "partial"
        return content
    }

    /// The summary the command line prints.
    static func outcome(of content: RunContent, runID: Int64, seconds: Double, phases: [ScanOutcome.Phase]) -> ScanOutcome {
        var byKind: [String: Int] = [:]
        for f in content.facts { byKind[f.kind.rawValue, default: 0] += 1 }
        return ScanOutcome(runID: runID, packageCount: content.packages.count, fileCount: content.files.count,
                           functionCount: content.functions.count, factsByKind: byKind,
                           failedPackages: content.packages.filter(\.failed).map(\.importPath),
                           skipped: content.run.skipped, diagnostics: content.diagnostics, seconds: seconds,
                           status: content.run.status, phases: phases)
    }

    /// The configuration (see `Configuration.discover`), with errors in the scan's terms.
    private func loadConfiguration(roots: [String]) throws -> Configuration {
        do {
            return try Configuration.discover(configPath: request.configPath, roots: roots)
        } catch let error as ConfigurationError {
            throw ScanError.configuration(error.description)
        }
    }

    /// Built-in passes, test-supplied passes and configured plugins, validated, minus the
    /// disabled ones.
    private func makeRegistry(config: Configuration) throws -> EnabledPasses {
        let base = config.path.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        let baseDir = base.isEmpty ? FileManager.default.currentDirectoryPath : base
        let absoluteBase = baseDir.hasPrefix("/") ? baseDir : FileManager.default.currentDirectoryPath + "/" + baseDir
        let all = PassCatalog.builtIn + request.extraPasses
        // Plugins receive the facts of every enabled built-in pass that runs before them.
        let before = all.map(\.name).filter { config.isEnabled($0) }
        let plugins = config.plugins.map { ExternalPass.pass($0, baseDirectory: absoluteBase, requires: before) }
        do {
            try config.validate(passes: all)
        } catch let error as ConfigurationError {
            throw ScanError.configuration(error.description)
        }
        let disabledPlugins = Set(config.plugins.filter { !$0.enabled }.map(\.name))
        do {
            let registry = try PassRegistry(all + plugins)
            return try EnabledPasses(registry: registry,
                                     enabled: { config.isEnabled($0) && !disabledPlugins.contains($0) },
                                     configFile: config.path ?? "heapsight.yml")
        } catch let error as PassRegistry.ValidationError {
            throw ScanError.configuration("the pass registry is invalid: \(error)")
        }
    }

    /// Checks where the store goes before any work, so a bad `--db` fails fast and untouched.
    private func checkStoreLocation() throws {
        let path = request.dbPath
        // A URL: only its form to check (a malformed one, or one of another kind, is refused).
        if path.contains("://") { return try Self.checkLocation(path) }
        let parent = (path as NSString).deletingLastPathComponent
        let dir = parent.isEmpty ? "." : parent
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard request.createDatabaseDirectory else {
                throw ScanError.database("the folder \(dir) for the database \(path) does not exist; create it or pass another --db")
            }
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw ScanError.database("cannot create the folder \(dir) for the database: \(error.localizedDescription)")
            }
        } else if !isDir.boolValue {
            throw ScanError.database("\(dir) is not a folder, so the database \(path) cannot be created there; pass another --db")
        }
        if !FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: dir) {
            throw ScanError.database("the folder \(dir) is not writable, so the database \(path) cannot be created; pass another --db")
        }
        // A file that is not a SQLite database is refused here, before any compile.
        try Self.checkLocation(path)
    }

    /// `FactStore.checkLocation`, its refusal turned into the scan's database error.
    private static func checkLocation(_ path: String) throws {
        do {
            try FactStore.checkLocation(path)
        } catch let error as FactStoreError {
            throw ScanError.database(error.description)
        }
    }

    /// Opens (creating or migrating) the store whose location `checkStoreLocation` accepted.
    private static func openStore(_ path: String) throws -> FactStore {
        do {
            return try FactStore.open(path: path)
        } catch let error as FactStoreError {
            throw ScanError.database(error.description)
        }
    }

    /// What loading found, checked: packages, the loader's and go.mod's notes, the tree profiles
    /// are matched against.
    struct CheckedLoad {
        var loaded: LoadResult
        var notes: [Diagnostic]
        var profileTree: ProfileTree
    }

    /// Loads the packages and runs the cheap checks that stop a scan before any expensive work:
    /// no packages, profiles of another tree, an unusable `--db` (checked after the paths and
    /// the configuration, so that a bad one never creates a database folder or file).
    private func loadAndCheck(roots: [String], context: BuildContext, profiles: [ProfileInput]) throws -> CheckedLoad {
        let loaded = try loadPackages(roots: roots, context: context)
        guard !loaded.packages.isEmpty else {
            let reasons = loaded.notes.filter { $0.level != .note }.prefix(3).map { "\($0.path): \($0.message)" }
            throw ScanError.input("no Go packages found under \(roots.joined(separator: ", ")) for \(context.goos)/\(context.goarch)"
                                  + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"))
        }
        var notes = loaded.notes.map(Self.diagnostic(from:))
        // go.mod and go.work problems the lenient reading passed over make the run partial.
        let base = loaded.baseDirectory
        notes.append(contentsOf: ModuleFileCheck.diagnostics(
            moduleRoots: loaded.packages.compactMap(\.moduleRoot), base: base,
            relative: { $0.hasPrefix(base + "/") ? String($0.dropFirst(base.count + 1)) : $0 }))
        let profileTree = Self.profileTree(loaded)
        try Self.checkProfilesMatch(profiles, tree: profileTree)
        try checkStoreLocation()
        return CheckedLoad(loaded: loaded, notes: notes, profileTree: profileTree)
    }

    /// The packages under `roots` for `context`, with loading errors in the scan's terms.
    private func loadPackages(roots: [String], context: BuildContext) throws -> LoadResult {
        do {
            return try PackageLoader(context: context).load(roots: roots)
        } catch let error as LoadError {
            throw ScanError.input(error.description)
        }
    }

    /// Starts the gc engine's build of `loaded` (nil under the native engine, or with no
    /// packages to build).
    private func startEngine(_ loaded: LoadResult, lookup: ToolchainLookup) -> GCEngine.Started? {
        guard let configuration = lookup.gcConfiguration, !loaded.packages.isEmpty else { return nil }
        return GCEngine.start(root: loaded.baseDirectory, packages: loaded.packages.map(PackageAnalyzer.input(for:)),
                              configuration: configuration)
    }

    private func buildContext(config: Configuration, goroot: GoRoot?) -> BuildContext {
        var minor = 27
        if let v = goroot?.version, v.hasPrefix("go1."),
           let m = Int(v.dropFirst(4).prefix(while: { $0.isNumber })) { minor = m }
        return BuildContext(goos: config.goos ?? BuildContext.hostOS, goarch: config.goarch ?? BuildContext.hostArch,
                            cgoEnabled: config.go.cgo, tags: Set(config.go.tags), releaseMinor: minor,
                            includeTests: request.includeTests)
    }

    static func diagnostic(from note: LoadNote) -> Diagnostic {
        let severity: Diagnostic.Severity = note.level == .error ? .error : note.level == .warning ? .warning : .note
        return Diagnostic(severity: severity, source: "loader", file: note.path, line: note.line, message: note.message)
    }
}

/// Operational failures of a scan, each with a message that says what to do. Nothing is
/// written to the store when one is thrown.
public enum ScanError: Error, CustomStringConvertible {
    /// The paths to scan are unusable.
    case input(String)
    /// The configuration file is unusable.
    case configuration(String)
    /// The database cannot be opened or written.
    case database(String)

    public var description: String {
        switch self {
        case .input(let m), .configuration(let m), .database(let m): return m
        }
    }
}
