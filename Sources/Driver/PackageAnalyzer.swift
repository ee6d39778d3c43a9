import FactStore
import Foundation
import GoLoader
import GoTypes
import enum GoSyntax.SHA256
import PassKit

/// What the passes produced for one package, ready to be merged into the run.
struct PackageAnalysis: Sendable {
    var package: PackageRecord
    var files: [FileRecord]
    var functions: [FunctionRecord]
    var facts: [Fact]
    var diagnostics: [Diagnostic]
    /// The `//heapsight:` and `//gcassert:` directives of the package's files (none for the
    /// standard library, whose assertions are not the user's).
    var directives = SourceDirectives()
    /// Whether each registered pass computed its facts on the package.
    var passes: [PassExecution] = []
    /// The facts' explanations as the store writes them (`RunContent.explanationTexts`),
    /// encoded on the thread that analysed the package.
    var explanationTexts: [[UInt8]] = []

    /// Lets go of the facts' explanations, in both forms: the bulk of a run's memory, not needed
    /// once the package's rows are on their way to the store.
    mutating func dropExplanations() {
        explanationTexts = []
        for i in facts.indices where !facts[i].explanation.isEmpty { facts[i].explanation = [] }
    }
}

/// Runs the enabled passes on every package, bottom-up and in parallel, and returns one
/// analysis per package in the loader's order. A pass that throws fails on that package only:
/// its error becomes a diagnostic, passes that require it are skipped there, everything else
/// still runs.
struct PackageAnalyzer {
    let registry: EnabledPasses
    let config: Configuration
    let engine: EngineKind
    /// The engine's input for the passes (from `EngineSetup`).
    let engineInput: (any EngineInput)?
    /// The summaries packages export for their importers, filled as packages finish.
    let summaries = PackageSummaries()
    /// Passes the engine cannot compute in this run, with the reason (from `EngineSetup`).
    var unavailable: [String: String] = [:]
    /// Packages the engine could not analyse (the compiler rejected them); the engine's passes
    /// computed nothing there.
    var engineFailed: Set<String> = []
    let progress: (@Sendable (String) -> Void)?
    var jobs: Int = 1

    /// The pass-facing form of a loaded package.
    static func input(for loaded: LoadedPackage) -> PackageInput {
        var input = PackageInput(
            importPath: loaded.importPath, name: loaded.name, directory: loaded.directory,
            files: loaded.files.map { SourceFileInput(path: $0.path, absolutePath: $0.absolutePath, bytes: $0.bytes) },
            isStandard: loaded.isStandard, goVersion: loaded.module?.goVersion)
        input.module = loaded.module
        input.moduleRoot = loaded.moduleRoot
        input.imports = loaded.imports.sorted()
        return input
    }

    /// A package's files parsed (`SyntaxCheck`) and described for the store (hash, size,
    /// lines): the part of its analysis that needs no pass, which the scan does while the
    /// engine runs.
    struct PreparedPackage: Sendable {
        var input: PackageInput
        var syntaxDiagnostics: [Diagnostic]
        var files: [FileRecord]
    }

    /// Parses and describes one package's files.
    static func prepare(_ loaded: LoadedPackage, input: PackageInput) -> PreparedPackage {
        let (parsed, diagnostics) = SyntaxCheck.parse(input)
        return PreparedPackage(
            input: parsed, syntaxDiagnostics: diagnostics,
            files: loaded.files.map { FileRecord(path: $0.path, package: loaded.importPath, sha256: SHA256.hex(of: $0.bytes),
                                                 bytes: $0.bytes.count, lines: lineCount($0.bytes)) })
    }

    /// The order the packages are best recorded in: the order one job takes them
    /// (`PackageScheduler.plan`), which several jobs follow closely.
    func plan(_ loaded: LoadResult) -> [Int] {
        let (dependencies, costs) = Self.schedule(loaded.packages)
        return PackageScheduler.plan(dependencies: dependencies, costs: costs)
    }

    /// Analyses every package; `prepared` holds what `prepare` made of each input, when the
    /// caller made it already. `finished` is called with each package's index and analysis as
    /// soon as it is done, on the thread that analysed it; it returns true when it handed the
    /// package's rows to the store already, and the analysis kept then has no explanations
    /// (`dropExplanations`). The analyses come back in the loader's order.
    func analyze(_ loaded: LoadResult, inputs: [PackageInput], prepared: [PreparedPackage]? = nil,
                 finished: (@Sendable (Int, PackageAnalysis) -> Bool)? = nil) -> [PackageAnalysis] {
        let packages = loaded.packages
        let (dependencies, costs) = Self.schedule(packages)
        let counter = ProgressCounter(total: packages.count, report: progress)
        let analyzer = self
        // With an engine that prepares packages (type checking them), each package is parsed
        // and prepared before its job, by a job that would otherwise wait for the packages
        // others are analysing where it can (`PackageScheduler.run`'s `prepare`).
        let early = EarlyPreparations(count: packages.count)
        let prepare: (@Sendable (Int) -> Void)? = engineInput.map { input in
            guard input.preparesPackages else { return nil }
            return { i in
                let made = prepared?[i] ?? Self.prepare(packages[i], input: inputs[i])
                if prepared == nil { early.keep(made, at: i) }
                input.prepare(made.input)
            }
        } ?? nil
        // Each job runs on a large stack of its own, where the engine's deep recursions run in place.
        let scheduler = PackageScheduler(jobs: jobs, startThread: TypecheckRun.detachLargeStackThread)
        return scheduler.run(count: packages.count, dependencies: dependencies, costs: costs, prepare: prepare) { i in
            let made = prepared?[i] ?? early.take(at: i) ?? Self.prepare(packages[i], input: inputs[i])
            var result = analyzer.analyze(packages[i], prepared: made)
            if analyzer.engineFailed.contains(packages[i].importPath) { result.package.failed = true }
            if finished?(i, result) == true { result.dropExplanations() }
            counter.finished(packages[i].importPath)
            return result
        }
    }

    /// Each package's imports among the loaded ones (by index, all before it) and its cost
    /// estimate, its source size.
    private static func schedule(_ packages: [LoadedPackage]) -> (dependencies: [[Int]], costs: [Int]) {
        var index: [String: Int] = [:]
        for (i, p) in packages.enumerated() { index[p.importPath] = i }
        let dependencies = packages.enumerated().map { i, p in
            p.imports.compactMap { index[$0] }.filter { $0 < i }
        }
        return (dependencies, packages.map { $0.files.reduce(0) { $0 + $1.bytes.count } })
    }

    func analyze(_ loaded: LoadedPackage, prepared: PreparedPackage) -> PackageAnalysis {
        let input = prepared.input
        var analysis = PackageAnalysis(
            package: PackageRecord(importPath: loaded.importPath, name: loaded.name, directory: loaded.directory,
                                   isStandard: loaded.isStandard),
            files: prepared.files, functions: [], facts: [], diagnostics: [])
        analysis.diagnostics.append(contentsOf: prepared.syntaxDiagnostics)
        let context = PassContext(package: input, engine: engine, settings: [:], input: engineInput, summaries: summaries)
        var failedPasses: Set<String> = []
        func record(_ pass: AnyPass, _ status: PassExecution.Status, _ reason: String = "") {
            analysis.passes.append(PassExecution(package: loaded.importPath, pass: pass.name, status: status,
                                                 reason: reason, factKinds: pass.factKinds))
        }
        // A pass runs in a context of its own, which starts with the facts and functions
        // recorded so far (shared, not copied) and is gone when the pass returns: `context`
        // then holds the only reference again and grows in place.
        func run(_ pass: AnyPass) throws -> ErasedPassOutput {
            let passContext = PassContext(package: input, engine: engine,
                                          settings: config.passes[pass.name]?.settings ?? [:], input: engineInput,
                                          summaries: summaries, results: context.allResults)
            passContext.record(facts: context.factsSoFar, functions: context.functionsSoFar)
            return try pass.run(passContext)
        }
        for pass in registry.disabled { record(pass, .skipped, "disabled in heapsight.yml") }
        for pass in registry.ordered {
            if let broken = pass.requires.first(where: failedPasses.contains) {
                failedPasses.insert(pass.name)
                record(pass, .skipped, "required pass \(broken) failed")
                analysis.diagnostics.append(Diagnostic(severity: .error, source: "pass:\(pass.name)",
                                                       message: "skipped on \(loaded.importPath): required pass \(broken) failed",
                                                       package: loaded.importPath))
                continue
            }
            do {
                let output = try run(pass)
                if let reason = unavailable[pass.name] {
                    record(pass, .skipped, reason)
                } else if engineFailed.contains(loaded.importPath), pass.engines.needsEngine {
                    record(pass, .skipped, "the compiler rejected package \(loaded.importPath)")
                } else {
                    record(pass, .ran)
                }
                context.record(result: output.result, of: pass.name)
                context.record(facts: output.facts, functions: output.functions)
                summaries.record(output.summaries, for: loaded.importPath)
                analysis.diagnostics.append(contentsOf: output.diagnostics.map { d in
                    var d = d
                    if d.package == nil { d.package = loaded.importPath }
                    return d
                })
            } catch {
                failedPasses.insert(pass.name)
                record(pass, .failed, "\(error)")
                analysis.package.failed = true
                analysis.diagnostics.append(Diagnostic(severity: .error, source: "pass:\(pass.name)",
                                                       message: "\(error)", package: loaded.importPath))
            }
        }
        // The context's records are the analysis's, taken over (the context keeps no reference):
        // the facts change in place.
        analysis.functions = context.takeRecordedFunctions()
        analysis.facts = EnclosingFunctionIndex(analysis.functions).assignUnattributed(context.takeRecordedFacts())
        analysis.explanationTexts = analysis.facts.map { RunContent.explanationText($0.explanation) }
        if !loaded.isStandard { analysis.directives = Self.directives(of: input, functions: analysis.functions) }
        return analysis
    }

    /// The directives of every file of a package, read from the trees the passes used.
    static func directives(of input: PackageInput, functions: [FunctionRecord]) -> SourceDirectives {
        let byFile = Dictionary(grouping: functions, by: \.file)
        var found = SourceDirectives()
        for i in input.files.indices {
            let path = input.files[i].path
            found.append(DirectiveParser().parse(file: path, tree: input.parsedFile(at: i).tree, functions: byFile[path] ?? []))
        }
        return found
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        if bytes.isEmpty { return 0 }
        let newlines = bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        return bytes.last == 10 ? newlines : newlines + 1
    }
}

/// Packages parsed before their jobs (`PackageScheduler.run`'s `prepare`), each taken once by
/// its job.
final class EarlyPreparations: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [PackageAnalyzer.PreparedPackage?]

    init(count: Int) { made = Array(repeating: nil, count: count) }

    func keep(_ prepared: PackageAnalyzer.PreparedPackage, at i: Int) {
        lock.withLock { made[i] = prepared }
    }

    func take(at i: Int) -> PackageAnalyzer.PreparedPackage? {
        lock.withLock {
            defer { made[i] = nil }
            return made[i]
        }
    }
}

/// Counts finished packages and reports `[n/total] path` lines.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: (@Sendable (String) -> Void)?

    init(total: Int, report: (@Sendable (String) -> Void)?) {
        self.total = total
        self.report = report
    }

    func finished(_ path: String) {
        guard let report else { return }
        lock.lock()
        done += 1
        let n = done
        lock.unlock()
        report("[\(n)/\(total)] \(path)")
    }
}
