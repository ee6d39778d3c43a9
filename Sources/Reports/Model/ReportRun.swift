import Foundation

/// What a report says about the run it renders: when, how and on what it was produced.
public struct ReportRun: Sendable, Hashable {
    /// Store id of the run (0 when the model was not read from a store).
    public var id: Int64
    /// When the run started (rendered as the report timestamp; injected in tests).
    public var startedAt: Date
    /// Engine that produced the facts (`gc` or `native`).
    public var engine: String
    /// heapsight version that produced the run.
    public var toolVersion: String
    /// Go version used (`go1.27.3`), when known.
    public var goVersion: String?
    /// Target operating system.
    public var goos: String
    /// Target architecture.
    public var goarch: String
    /// Git commit of the scanned tree, when it is a checkout.
    public var gitCommit: String?
    /// Git branch of the scanned tree, when known.
    public var gitBranch: String?
    /// User label of the run.
    public var label: String?
    /// `ok`, `failed` or `partial`.
    public var status: String
    /// Passes or steps that did not run, with the reason.
    public var skipped: [String]

    /// Creates a run description.
    public init(id: Int64, startedAt: Date, engine: String, toolVersion: String, goVersion: String? = nil,
                goos: String, goarch: String, gitCommit: String? = nil, gitBranch: String? = nil,
                label: String? = nil, status: String = "ok", skipped: [String] = []) {
        self.id = id
        self.startedAt = startedAt
        self.engine = engine
        self.toolVersion = toolVersion
        self.goVersion = goVersion
        self.goos = goos
        self.goarch = goarch
        self.gitCommit = gitCommit
        self.gitBranch = gitBranch
        self.label = label
        self.status = status
        self.skipped = skipped
    }

    /// A short human name: `#12 (label)`.
    public var displayName: String {
        if let label, !label.isEmpty { return "#\(id) (\(label))" }
        return "#\(id)"
    }
}

/// A package as reports show it.
public struct ReportPackage: Sendable, Hashable {
    /// Import path.
    public var importPath: String
    /// Package name.
    public var name: String
    /// Directory relative to the scanned root.
    public var directory: String
    /// True for the standard library.
    public var isStandard: Bool
    /// True when the package could not be analysed.
    public var failed: Bool

    /// Creates a package description.
    public init(importPath: String, name: String, directory: String = "", isStandard: Bool = false, failed: Bool = false) {
        self.importPath = importPath
        self.name = name
        self.directory = directory
        self.isStandard = isStandard
        self.failed = failed
    }
}

/// One stored run reduced to the numbers a trend chart plots.
public struct TrendPoint: Sendable, Hashable {
    /// Run id.
    public var run: Int64
    /// When the run started.
    public var startedAt: Date
    /// Label, if any.
    public var label: String?
    /// Heap allocation sites in the run.
    public var heapSites: Int
    /// Variables moved to the heap.
    public var movedToHeap: Int
    /// Functions the inliner accepts.
    public var inlinable: Int
    /// All facts in the run.
    public var facts: Int

    /// Creates a trend point.
    public init(run: Int64, startedAt: Date, label: String? = nil, heapSites: Int, movedToHeap: Int, inlinable: Int, facts: Int) {
        self.run = run
        self.startedAt = startedAt
        self.label = label
        self.heapSites = heapSites
        self.movedToHeap = movedToHeap
        self.inlinable = inlinable
        self.facts = facts
    }
}
