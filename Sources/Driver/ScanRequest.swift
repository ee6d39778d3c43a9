import Foundation
import PassKit

/// Everything one `heapsight scan` needs, as plain values so that tests can build one directly.
public struct ScanRequest: Sendable {
    /// Roots to scan (directories or single `.go` files); relative paths are resolved against
    /// the current directory.
    public var paths: [String]
    /// The SQLite store to record the run in.
    public var dbPath: String
    /// Whether a missing parent directory of `dbPath` may be created (true for the default
    /// `reports/heapsight.db`; a path the user gave must be in an existing directory).
    public var createDatabaseDirectory: Bool
    /// A `heapsight.yml`; nil means `heapsight.yml` in the first root when present, else defaults.
    public var configPath: String?
    /// A user label for the run (`nightly`, `pr-123`).
    public var label: String?
    /// Number of packages analysed in parallel (at least 1).
    public var jobs: Int
    /// Whether `_test.go` files are included.
    public var includeTests: Bool
    /// Overrides the configured engine.
    public var engine: EngineKind?
    /// Suppresses progress output.
    public var quiet: Bool
    /// The clock, injectable so that tests get fixed timestamps.
    public var now: @Sendable () -> Date
    /// The tool version recorded with the run, injectable for tests.
    public var toolVersion: String
    /// Extra passes to register after the built-in ones (tests use this to plug in fakes).
    public var extraPasses: [AnyPass]
    /// Where progress lines go (stderr by default; nil when quiet or not a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// What to record as the run's origin instead of reading it from the scanned tree (backfill
    /// scans a temporary worktree of a past commit but records the user's root and that commit).
    public var provenance: ScanProvenance?
    /// pprof profiles (heap or CPU) to attribute to the scanned source (`--profile`).
    public var profiles: [String] = []
    /// True when the process ends soon after the scan (the command line): the engine's state
    /// and the run's rows, millions of small objects, are then left for the exit to reclaim
    /// at once instead of freed one object at a time (`MemoryRelease`). A program that runs
    /// scans in-process (tests, a server) leaves it false and gets its memory back.
    public var processExitsAfterScan = false

    /// Creates a request with the command line's defaults.
    public init(paths: [String] = ["."], dbPath: String = "reports/heapsight.db",
                createDatabaseDirectory: Bool = false,
                configPath: String? = nil, label: String? = nil, jobs: Int = 1,
                includeTests: Bool = false, engine: EngineKind? = nil, quiet: Bool = false,
                now: @escaping @Sendable () -> Date = { Date() },
                toolVersion: String = ToolVersion.current, extraPasses: [AnyPass] = [],
                progress: (@Sendable (String) -> Void)? = nil) {
        self.paths = paths
        self.dbPath = dbPath
        self.createDatabaseDirectory = createDatabaseDirectory
        self.configPath = configPath
        self.label = label
        self.jobs = max(1, jobs)
        self.includeTests = includeTests
        self.engine = engine
        self.quiet = quiet
        self.now = now
        self.toolVersion = toolVersion
        self.extraPasses = extraPasses
        self.progress = progress
    }
}

/// The origin a run records when it is not the scanned folder itself: the roots as the user named
/// them and the commit, branch and commit date. Recorded in the run's single transaction.
public struct ScanProvenance: Sendable, Equatable {
    /// Roots to record.
    public var roots: [String]
    /// Commit hash.
    public var gitCommit: String
    /// Branch the commit was reached from, if any.
    public var gitBranch: String?
    /// The commit's date.
    public var gitCommittedAt: Date?

    /// Creates a provenance.
    public init(roots: [String], gitCommit: String, gitBranch: String?, gitCommittedAt: Date?) {
        self.roots = roots
        self.gitCommit = gitCommit
        self.gitBranch = gitBranch
        self.gitCommittedAt = gitCommittedAt
    }
}
