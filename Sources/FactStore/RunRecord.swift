import Foundation

/// What a run is: when, what, how, and how it ended.
public struct RunRecord: Sendable, Hashable, Codable {
    /// When the scan started.
    public var startedAt: Date
    /// When the scan finished.
    public var finishedAt: Date
    /// The paths scanned, as given.
    public var roots: [String]
    /// `git rev-parse HEAD` of the scanned tree, when it is a git checkout.
    public var gitCommit: String?
    /// The checked-out branch, when one is.
    public var gitBranch: String?
    /// True when the checkout had uncommitted changes.
    public var gitDirty: Bool?
    /// The commit's committer date, when known (`backfill` records it).
    public var gitCommittedAt: Date?
    /// A free-form label (`v1.4.0`, `nightly`); labelled runs survive `prune` by default.
    public var label: String?
    /// Engine that computed decisions (`gc` or `native`).
    public var engine: String
    /// heapsight's version.
    public var toolVersion: String
    /// `go version` of the toolchain used, when one was.
    public var goVersion: String?
    /// GOROOT used, when known.
    public var goroot: String?
    /// Target operating system.
    public var goos: String
    /// Target architecture.
    public var goarch: String
    /// Hash of the effective configuration.
    public var configHash: String
    /// `ok`, `failed` or `partial`.
    public var status: String
    /// Passes that did not run, each with its reason (`inlining: no Go toolchain`).
    public var skipped: [String]

    /// The statuses a run may have.
    public static let statuses = ["ok", "failed", "partial"]

    /// Creates a run record.
    public init(startedAt: Date, finishedAt: Date, roots: [String], gitCommit: String? = nil,
                gitBranch: String? = nil, gitDirty: Bool? = nil, gitCommittedAt: Date? = nil, label: String? = nil,
                engine: String, toolVersion: String, goVersion: String? = nil, goroot: String? = nil,
                goos: String, goarch: String, configHash: String, status: String = "ok",
                skipped: [String] = []) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.roots = roots
        self.gitCommit = gitCommit
        self.gitBranch = gitBranch
        self.gitDirty = gitDirty
        self.gitCommittedAt = gitCommittedAt
        self.label = label
        self.engine = engine
        self.toolVersion = toolVersion
        self.goVersion = goVersion
        self.goroot = goroot
        self.goos = goos
        self.goarch = goarch
        self.configHash = configHash
        self.status = status
        self.skipped = skipped
    }
}
