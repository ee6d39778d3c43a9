import Foundation
import GoLoader
import GoSyntax
import GoTypes
import PassKit

/// The native engine's inlining decisions for one scan, shared by the packages the driver
/// analyses in parallel: the scanned packages and GOROOT are type-checked once, on demand,
/// from the trees the driver parsed in each package's job (nothing is parsed twice). The
/// inliner keeps run-wide per-package caches (lowered, decided and expanded packages) behind a
/// lock (`NativeIR.inlinerLock`); everything else runs beside other
/// packages' jobs: type checking (each package once, by the first thread that asks, several
/// packages at once: `TypecheckSession`), lowering the job's own package, the escape analysis (each package once, on the
/// thread that asks first; it takes the inliner's lock for what it asks of the inliner), and
/// what is a function of a finished result and of the program's types (readable from any
/// thread, `Program`): the escape facts and the allocation sites. `serialSeconds` says how long
/// threads held the lock and `serialStages` which stage that time went to.
public final class NativeInliningSession: @unchecked Sendable {
    /// Guards making the inliner and the escape analysis.
    private let lock = NSLock()
    private let goroot: String
    /// `GOROOT/src/`, standardised once (every explanation note outside the package is
    /// rendered through it).
    private let gorootSource: String
    private let config: BuildContext
    private let inputs: [String: PackageInput]
    private var inliner: NativeInliner?
    private var escape: NativeEscape?
    /// The trees the driver parsed, by the path the type checker names each file with: it takes
    /// them instead of parsing the standard library, or the scanned module, a second time.
    private let parsed = ParsedFileCache()

    /// Threads that read and parse GOROOT's packages ahead of the type checker.
    private let prefetchThreads: Int
    /// Leak tags cached across scans (`LeakTagSummaries`), when the driver gives a cache.
    private let summaryCache: SummaryCache?

    /// A session over the scanned packages, with the standard library from `goroot`. With
    /// `prefetchThreads` above 0, that many threads read and parse the GOROOT packages the
    /// scanned module imports (those the scan does not parse itself) while the engine works.
    /// With a `summaryCache`, the escape analysis reads the leak tags of packages it does not
    /// analyse from it (by content hash) and records those of every package it analyses.
    public init(goroot: String, packages: [PackageInput], config: BuildContext = PackageLocator.standardContext,
                prefetchThreads: Int = 0, summaryCache: SummaryCache? = nil) {
        self.goroot = goroot
        self.prefetchThreads = prefetchThreads
        self.summaryCache = summaryCache
        self.gorootSource = URL(fileURLWithPath: goroot).standardizedFileURL.path + "/src/"
        self.config = config
        var byPath: [String: PackageInput] = [:]
        for p in packages { byPath[p.importPath] = p }
        self.inputs = byPath
    }

    /// A scanned package the native engine cannot analyse: it has load or type errors, so the
    /// cost model and escape analysis would read wrong types. The pass fails on the package
    /// (the run is partial, the rules needing its facts are not evaluated).
    public struct PackageDoesNotTypeCheck: Error, CustomStringConvertible {
        /// The import path.
        public var path: String
        /// Its load and type errors (`file:line:col: message`).
        public var problems: [String]
        /// What the user reads.
        public var description: String {
            "native engine: \(path) does not type-check (\(problems.count) error\(problems.count == 1 ? "" : "s"), first: \(problems[0]))"
        }
    }

    /// The run's inliner and escape analysis (made on first use), after checking that the
    /// package type-checks and lowering it, outside the session's locks (beside other packages'
    /// checks and analyses: `TypecheckSession`).
    private func prepared(_ package: PackageInput) throws -> (NativeInliner, NativeEscape) {
        offer(package)
        let (inliner, analysis) = lock.withLock { () -> (NativeInliner, NativeEscape) in
            let inliner = self.inliner ?? makeInliner()
            self.inliner = inliner
            let analysis = escape ?? NativeEscape(ir: NativeIR(program: inliner.program, inliner: inliner))
            if escape == nil, let summaryCache {
                analysis.leakTagSummaries = LeakTagSummaries(cache: summaryCache, program: inliner.program)
            }
            escape = analysis
            return (inliner, analysis)
        }
        let problems = TypecheckRun.onLargeStack { () -> [String] in
            let problems = inliner.program.problems(package.importPath)
            if problems.isEmpty, let typed = inliner.program.package(package.importPath) { inliner.prepareOutsideLock(typed) }
            return problems
        }
        if !problems.isEmpty { throw PackageDoesNotTypeCheck(path: package.importPath, problems: problems) }
        return (inliner, analysis)
    }

    /// The session prepares packages (`prepare`).
    public var preparesPackages: Bool { true }

    /// Type-checks `package` and lowers it (`prepared`), possibly while the packages it imports
    /// are still in their passes: both need only their types. The passes read what it leaves;
    /// a package that does not type-check reports it to them.
    public func prepare(_ package: PackageInput) {
        _ = try? prepared(package)
    }

    /// Runs `body` on a large stack with the inliner's lock held (`NativeIR.withInliner`), after
    /// expanding the package's inlined calls without it (`NativeIR.prepareExpansion`).
    private func withInliner<T>(_ package: PackageInput, _ body: @escaping (NativeInliner, NativeIR) -> T) throws -> T {
        let (_, analysis) = try prepared(package)
        let ir = analysis.ir
        return TypecheckRun.onLargeStack {
            ir.prepareExpansion(package.importPath)
            return ir.withInliner { body($0, ir) }
        }
    }

    /// Runs `body` on a large stack with the escape analysis, beside other packages' jobs (what
    /// it asks of the inliner takes the inliner's lock).
    private func withEscape<T>(_ package: PackageInput, _ body: @escaping (NativeEscape) -> T) throws -> T {
        let (_, analysis) = try prepared(package)
        return TypecheckRun.onLargeStack { body(analysis) }
    }

    /// The package's files by absolute and by relative path, each to its relative path.
    private func relativePaths(_ package: PackageInput) -> [String: String] {
        var relative: [String: String] = [:]
        for f in package.files {
            relative[f.absolutePath] = f.path
            relative[f.path] = f.path
        }
        return relative
    }

    /// `can-inline` and `cannot-inline` facts for the non-generic functions and function
    /// literals of a scanned package and for the shape instances and instance wrappers of its
    /// own generic functions it compiles, `inline-call` facts for the calls inlined into them and
    /// `devirtualize` facts for interface calls on a local variable of one concrete type,
    /// at the compiler's positions (paths as the package's files give them). Throws
    /// `PackageDoesNotTypeCheck` for a package with load or type errors.
    public func facts(for package: PackageInput) throws -> [Fact] {
        let relative = relativePaths(package)
        return try withInliner(package) { inliner, ir in
            inliner.program.stages.measure(.inliningFacts) {
                inliner.facts(forPackage: package.importPath, expanded: ir) { relative[$0] }.facts
            }
        }
    }

    /// Escape facts (`moved-to-heap`, `escapes`, `no-escape`, `leak-param`,
    /// `leak-param-content`, `leak-result`) for a scanned package, from the native escape
    /// analysis on its bodies after inline expansion. Throws `PackageDoesNotTypeCheck` for a
    /// package with load or type errors.
    public func escapeFacts(for package: PackageInput) throws -> [Fact] {
        let relative = relativePaths(package)
        // The analysis under the lock; its facts are rendered from the finished result (a
        // value) outside it, beside the other packages' jobs.
        guard let result = try withEscape(package, { $0.analyze(package.importPath) }) else { return [] }
        return NativeEscape.facts(of: result, relativePaths: relative, notePath: gorootRelative)
    }

    /// The leak-tag summary of a scanned package (`LeakTagSummary`: every function's tags,
    /// named as the compiler names it), what its importers read; nil for a package with no
    /// escape analysis (`unsafe`). Throws `PackageDoesNotTypeCheck` as `escapeFacts(for:)`.
    public func leakTagSummary(for package: PackageInput) throws -> LeakTagSummary? {
        try withEscape(package) { analysis in
            analysis.analyze(package.importPath).map { LeakTagSummaries.summary(of: $0, types: analysis.ir.program.types) }
        }
    }

    /// Allocation sites for a scanned package (`NativeAllocations`): every allocating node and
    /// moved variable of its bodies after inline expansion, with walk's placement, the cause and
    /// remedy, and the sites escape analysis never prints. Paths are the package's relative
    /// paths where the files are its own. Throws `PackageDoesNotTypeCheck` for a package with
    /// load or type errors.
    public func allocationSites(for package: PackageInput) throws -> [NativeAllocationSite] {
        try allocationSiteSets(for: package).kept
    }

    /// The allocation sites of a scanned package (`allocationSites(for:)`) and apart from them
    /// the sites whose verdicts `-m` prints in code the backend removes (dead code, growth it
    /// proves unnecessary), which allocate nothing.
    public func allocationSiteSets(for package: PackageInput) throws -> (kept: [NativeAllocationSite], removed: [NativeAllocationSite]) {
        let relative = relativePaths(package)
        // The escape analysis under the lock; the sites are a function of its finished result
        // (a value) and of the program's types (readable from any thread, `Program`), so they
        // are found outside the lock, beside the other packages' jobs.
        let (analysis, program) = try withEscape(package) { analysis in
            (analysis.analyze(package.importPath), analysis.ir.program)
        }
        guard let analysis else { return ([], []) }
        let sets = program.stages.measure(.allocations) {
            TypecheckRun.onLargeStack {
                NativeAllocations(program: program.types, escape: analysis,
                                  notePath: { relative[$0] ?? self.gorootRelative($0) }).siteSets()
            }
        }
        return (sets.kept.map { relativized($0, relative) }, sets.removed.map { relativized($0, relative) })
    }

    /// A site with the package's relative paths (its explanation's notes already name files so).
    private func relativized(_ site: NativeAllocationSite, _ relative: [String: String]) -> NativeAllocationSite {
        var s = site
        s.file = relative[s.file] ?? s.file
        s.codeFile = relative[s.codeFile] ?? s.codeFile
        return s
    }

    /// Seconds threads have held the session's lock (summed over threads): the part of a scan's
    /// passes that waits for, or makes other packages' jobs wait for, a lock.
    public var serialSeconds: Double {
        lock.withLock { inliner }?.program.stages.heldSeconds ?? 0
    }

    /// The serial seconds (`serialSeconds`) of each analysis stage, in `AnalysisStage` order
    /// (exclusive time: a stage that triggers another is not charged for it), then `other` for
    /// what no stage measures (turning results into facts and sites, bookkeeping). Empty before
    /// the first package is analysed.
    public var serialStages: [(name: String, seconds: Double)] {
        guard let inliner = lock.withLock({ inliner }) else { return [] }
        let stages = inliner.program.stages.seconds.map { (name: $0.stage.name, seconds: $0.seconds) }
        let measured = stages.reduce(0) { $0 + $1.seconds }
        return stages + [(name: "other", seconds: max(0, inliner.program.stages.heldSeconds - measured))]
    }

    /// The seconds of the stages that ran with no session lock held, beside other packages'
    /// jobs (summed over threads, in `AnalysisStage` order, only those that ran). Empty before
    /// the first package is analysed.
    public var stagesOutsideLock: [(name: String, seconds: Double)] {
        let inliner = lock.withLock { self.inliner }
        guard let inliner else { return [] }
        return inliner.program.stages.secondsOutsideLock.filter { $0.seconds > 0 }.map { (name: $0.stage.name, seconds: $0.seconds) }
    }

    /// How many files the type checker took from the driver's parse instead of parsing them.
    public var filesParsedOnce: Int { parsed.reused }

    /// Offers the package's parsed files (when the driver parsed them) under the names the
    /// type checker gives them. Outside the lock: the cache
    /// has its own, and a package's job offers its files before asking for its facts, after
    /// every package it imports (the scheduler runs packages bottom-up).
    private func offer(_ package: PackageInput) {
        for i in package.syntax.indices where i < package.files.count {
            // GOROOT's files are checked under their absolute paths, the scanned module's
            // under the paths facts carry (`makeInliner`).
            parsed.offer(package.syntax[i], as: package.isStandard ? package.files[i].absolutePath : package.files[i].path)
        }
    }

    /// A file as the gc engine names files outside the scanned tree: the standard library's
    /// relative to GOROOT/src, others as they are.
    private func gorootRelative(_ file: String) -> String {
        file.hasPrefix(gorootSource) ? String(file.dropFirst(gorootSource.count)) : file
    }

    /// The run's inliner over a program that parses nothing up front: the scanned module's
    /// packages and GOROOT's are parsed when first checked, from the trees the driver offered
    /// where it has (`offer`).
    private func makeInliner() -> NativeInliner {
        let sorted = inputs.values.sorted(by: { $0.importPath < $1.importPath })
        let modules = sorted.compactMap { input in
            input.moduleRoot.flatMap { root in input.module.map { (root: root, module: $0) } }
        }
        let program = NativeProgram(goroot: goroot, dependencies: DependencyResolver.forModules(modules), config: config)
        program.session.parsedFiles = parsed
        for input in sorted where !input.isStandard {
            let files = input.files.filter { !$0.absolutePath.hasSuffix("_test.go") }
            guard let first = files.first else { continue }
            let directory = (first.path as NSString).deletingLastPathComponent
            program.session.unparsedModulePackages[input.importPath] = UnparsedPackage(
                path: input.importPath, directory: directory, files: files.map { (path: $0.path, bytes: $0.bytes) })
        }
        if prefetchThreads > 0 {
            // The scanned module's imports outside the scan: GOROOT's packages, which nothing
            // else parses. When std itself is scanned, the scan's jobs parse it.
            let scanned = Set(inputs.keys)
            let imports = Set(sorted.filter { !$0.isStandard }.flatMap { input in
                input.files.filter { !$0.absolutePath.hasSuffix("_test.go") }.flatMap { FileHeader.read($0.bytes).imports.map(\.path) }
            }).subtracting(scanned).subtracting(["C", "unsafe"]).sorted()
            if !imports.isEmpty && !sorted.contains(where: \.isStandard) {
                program.session.prefetch(imports, threads: prefetchThreads)
            }
        }
        let inliner = NativeInliner(program: program)
        // Made now, under the session's setup lock: jobs read it outside the inliner's lock
        // (`prepareOutsideLock`), and a lazy property must not be made by two threads at once.
        _ = inliner.goir
        return inliner
    }
}
