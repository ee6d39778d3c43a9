import GCEngine
import GoLoader
import NativeEngine
import PassKit

/// Run-wide preparation for the chosen engine: the one place where the driver reaches the
/// compiler-backed engine. With `gc`, the real compiler runs once per scan and its
/// `GCCompilation` is the passes' engine input (`PassContext.input(_:)`), where the inlining,
/// escape, allocations and bounds passes read it. With `native`, a `NativeInliningSession`
/// (heapsight's own analyses over the scanned packages and GOROOT) is.
struct EngineSetup {
    /// The engine's input for the passes; nil when the engine has none for this run.
    var input: (any EngineInput)?
    /// Passes the engine cannot compute in this run, with the reason (`the native engine does
    /// not compute it yet`). They are recorded as skipped on every package.
    var unavailablePasses: [String: String] = [:]
    /// Engines or passes that could not run, as `pass: reason`, in pass order.
    var skipped: [String] {
        PassCatalog.engineBacked.compactMap { p in unavailablePasses[p.name].map { "\(p.name): \($0)" } }
    }
    /// The Go version the engine used, when it ran one.
    var goVersion: String?
    /// GOROOT of the toolchain the engine used.
    var goroot: String?
    /// Diagnostics from the engine (compiler errors).
    var diagnostics: [Diagnostic] = []
    /// Packages the engine could not analyse.
    var failedPackages: Set<String> = []

    /// How the gc engine runs the compiler for this configuration and target.
    static func gcConfiguration(config: Configuration, goos: String, goarch: String) -> GCConfiguration {
        // The allocations pass pairs verdicts with the allocator calls in the assembly; the
        // bounds pass reads the checks the compiler kept.
        GCConfiguration(goCommand: config.go.command == "go" ? nil : config.go.command,
                        goos: goos, goarch: goarch, assembly: config.isEnabled("allocations"),
                        tags: config.go.tags, cgo: config.go.cgo,
                        boundsChecks: config.isEnabled("bounds"))
    }

    /// Seconds the native engine's threads held its session's lock (summed over threads), nil
    /// under the gc engine: the part of the passes that waits for a lock.
    var serialSeconds: Double? { (input as? NativeInliningSession)?.serialSeconds }

    /// `serialSeconds` stage by stage (`NativeInliningSession.serialStages`); empty under gc.
    var serialStages: [(name: String, seconds: Double)] { (input as? NativeInliningSession)?.serialStages ?? [] }

    /// The native stages run outside the session's lock, beside other packages' jobs
    /// (`NativeInliningSession.stagesOutsideLock`); empty under gc.
    var stagesOutsideLock: [(name: String, seconds: Double)] { (input as? NativeInliningSession)?.stagesOutsideLock ?? [] }

    /// Prepares the engine's input. With `gc`, `compilation` is the engine's result when the
    /// caller ran the compiler already (`ScanPipeline` starts it early); otherwise it runs here.
    /// With `native`, `jobs` beyond the first read and parse the GOROOT packages the scanned
    /// module imports ahead of the engine's type checker, and `summaryCache` holds the
    /// store's cached leak tags.
    static func prepare(engine: EngineKind, config: Configuration, baseDirectory: String,
                        packages: [PackageInput], context: BuildContext, goroot: String? = nil,
                        compilation: GCCompilation? = nil, jobs: Int = 1, summaryCache: SummaryCache? = nil) -> EngineSetup {
        var setup = EngineSetup()
        switch engine {
        case .native:
            var sessionCreated = false
            for pass in PassCatalog.engineBacked where config.isEnabled(pass.name) {
                guard pass.engines.supports(.native) else {
                    setup.unavailablePasses[pass.name] = "the native engine does not compute it yet; use --engine gc"
                    continue
                }
                guard let goroot else {
                    setup.unavailablePasses[pass.name] = "the native engine needs a GOROOT to type-check imports ($GOROOT, `go env GOROOT`, go.goroot in heapsight.yml)"
                    continue
                }
                if !sessionCreated {
                    setup.input = NativeInliningSession(goroot: goroot, packages: packages, config: context,
                                                        prefetchThreads: jobs - 1, summaryCache: summaryCache)
                    sessionCreated = true
                }
            }
        case .gc:
            let compilation = compilation ?? GCEngine.compile(
                root: baseDirectory, packages: packages,
                configuration: gcConfiguration(config: config, goos: context.goos, goarch: context.goarch))
            setup.input = compilation
            if let reason = compilation.skippedReason {
                // One message says how to get a toolchain; the run lists each pass it skipped.
                for pass in PassCatalog.engineBacked where config.isEnabled(pass.name) {
                    setup.unavailablePasses[pass.name] = "no Go toolchain"
                }
                setup.diagnostics.append(Diagnostic(severity: .warning, source: "engine:gc", message: reason))
            }
            setup.goVersion = compilation.goVersion.map(Self.releaseName)
            setup.goroot = compilation.goroot
            setup.diagnostics += compilation.diagnostics
            setup.failedPackages = Set(compilation.failedPackages)
        }
        return setup
    }

    /// The release name (`go1.27.3`) in a `go version` line (`go version go1.27.3 linux/amd64`),
    /// as `go env GOVERSION` prints it, so that the run does not repeat the platform it records
    /// in its own columns; the text as given when it names no release.
    static func releaseName(_ versionLine: String) -> String {
        let words = versionLine.split(separator: " ")
        if let release = words.first(where: { $0.hasPrefix("go1") || $0.hasPrefix("devel") }) { return String(release) }
        return versionLine
    }
}
