import FactStore
import PassKit

/// What a scan did: the run it recorded and the counts a person wants to see.
public struct ScanOutcome: Sendable {
    /// The id of the recorded run.
    public var runID: Int64
    /// Packages analysed.
    public var packageCount: Int
    /// Files analysed.
    public var fileCount: Int
    /// Functions found (declarations, methods and literals).
    public var functionCount: Int
    /// Facts recorded, by kind (raw value).
    public var factsByKind: [String: Int]
    /// Import paths of packages in which a pass failed.
    public var failedPackages: [String]
    /// Passes or engines that did not run, with the reason (`inlining: no Go toolchain`).
    public var skipped: [String]
    /// Diagnostics found while scanning (syntax errors, failed passes, loader notes).
    public var diagnostics: [Diagnostic]
    /// Wall-clock seconds the scan took.
    public var seconds: Double
    /// The run's status: `ok`, `partial` (some pass or file failed) or `failed`.
    public var status: String
    /// Wall-clock seconds per step (configuration, goroot, load, open store, engine, passes,
    /// git, record).
    public var phases: [Phase]
    /// The profiles attributed to the run (`--profile`), with their sites.
    public var profiles: [ProfileRecord] = []
    /// How the native engine used the store's cached package summaries (nil under gc).
    public var summaryCache: SummaryCache.Statistics? = nil

    /// One step of a scan and its wall-clock time.
    public struct Phase: Sendable, Hashable {
        /// Step name.
        public var name: String
        /// Seconds.
        public var seconds: Double
    }

    /// Creates an outcome.
    public init(runID: Int64, packageCount: Int, fileCount: Int, functionCount: Int,
                factsByKind: [String: Int], failedPackages: [String], skipped: [String],
                diagnostics: [Diagnostic], seconds: Double, status: String, phases: [Phase] = []) {
        self.runID = runID
        self.packageCount = packageCount
        self.fileCount = fileCount
        self.functionCount = functionCount
        self.factsByKind = factsByKind
        self.failedPackages = failedPackages
        self.skipped = skipped
        self.diagnostics = diagnostics
        self.seconds = seconds
        self.status = status
        self.phases = phases
    }

    /// Total number of facts.
    public var factCount: Int { factsByKind.values.reduce(0, +) }
}
