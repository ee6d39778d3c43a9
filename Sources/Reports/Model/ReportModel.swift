import FactStore
import PassKit

/// Everything a renderer needs, already queried: the run, its packages, functions, facts and
/// diagnostics, the policy evaluation, the baseline diff, the trend over stored runs and the
/// source text for annotation. Renderers are pure functions of this value.
public struct ReportModel: Sendable {
    /// The run being reported.
    public var run: ReportRun
    /// Packages of the run, sorted by import path.
    public var packages: [ReportPackage] { didSet { index = ReportIndex(packages: packages, functions: functions) } }
    /// Function records, sorted by id.
    public var functions: [FunctionRecord] { didSet { index = ReportIndex(packages: packages, functions: functions) } }
    /// Facts inside the scanned tree, in canonical order.
    public var facts: [Fact]
    /// Diagnostics of the run.
    public var diagnostics: [Diagnostic]
    /// Policy evaluation, when a policy was evaluated.
    public var evaluation: PolicyEvaluation?
    /// Differences against a baseline run, when one was given.
    public var baseline: BaselineDiff?
    /// One point per stored run, oldest first, for trend charts.
    public var trend: [TrendPoint]
    /// Source bytes per file path (as facts name files), for the annotated source view.
    public var sources: [String: [UInt8]]
    /// Files of the run whose source is gone or changed since the scan (not annotated).
    public var unavailableSources: [String] = []
    /// The directives the scan recorded; nil when the run was recorded without them (by a
    /// heapsight older than schema version 4).
    public var directives: SourceDirectives? = SourceDirectives()
    /// Import path of the package owning each file (as facts name files).
    public var filePackages: [String: String]
    /// Profiled positions of the run (all its profiles added up), empty without `--profile`.
    public var profileSites: [ProfileSite] = []
    /// The profiles recorded with the run.
    public var profiles: [StoredProfile] = []
    /// The inlining budget used to find "almost inlinable" functions (the compiler's 80).
    public var inlineBudget: Int
    /// Which fact kinds the run computed on each package; rules whose kinds were not computed
    /// are not evaluated. Unknown (every such rule not evaluated) unless given.
    public var coverage: PassCoverage

    /// Creates a model; lists are put in canonical order and external facts are dropped.
    public init(run: ReportRun, packages: [ReportPackage], functions: [FunctionRecord], facts: [Fact],
                diagnostics: [Diagnostic] = [], evaluation: PolicyEvaluation? = nil, baseline: BaselineDiff? = nil,
                trend: [TrendPoint] = [], sources: [String: [UInt8]] = [:], filePackages: [String: String] = [:],
                inlineBudget: Int = 80, passes: [PassExecution]? = nil) {
        self.run = run
        self.packages = packages.sorted { $0.importPath < $1.importPath }
        self.functions = functions.sorted { $0.id < $1.id }
        self.facts = facts.filter { !$0.external }.sorted(by: Fact.canonicalOrder)
        self.diagnostics = diagnostics.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
        self.evaluation = evaluation
        self.baseline = baseline
        self.trend = trend.sorted { $0.run < $1.run }
        self.sources = sources
        self.filePackages = filePackages
        self.inlineBudget = inlineBudget
        self.coverage = PassCoverage(executions: passes, engine: run.engine, runName: run.displayName)
        self.index = ReportIndex(packages: self.packages, functions: self.functions)
    }

    /// The import path of the package a fact belongs to: its function's package, else its
    /// file's package, else the package whose directory holds the file; "" when unknown.
    public func package(of fact: Fact) -> String {
        if let fn = fact.function, let rec = index.functions[fn] { return rec.package }
        return package(ofFile: fact.file)
    }

    /// The import path of the package owning a file; "" when unknown.
    public func package(ofFile file: String) -> String {
        if let p = filePackages[file] { return p }
        let dir = file.split(separator: "/").dropLast().joined(separator: "/")
        return index.packagesByDirectory[dir] ?? ""
    }

    /// Lookup tables over packages and functions, rebuilt whenever either changes.
    public private(set) var index: ReportIndex
}

/// Lookup tables over a model.
public struct ReportIndex: Sendable {
    /// Function records by id.
    public let functions: [String: FunctionRecord]
    /// Package import paths by directory.
    public let packagesByDirectory: [String: String]
    /// Packages by import path.
    public let packages: [String: ReportPackage]

    /// Builds the tables.
    public init(packages list: [ReportPackage], functions records: [FunctionRecord]) {
        functions = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        packagesByDirectory = Dictionary(list.map { ($0.directory, $0.importPath) }, uniquingKeysWith: { a, _ in a })
        packages = Dictionary(list.map { ($0.importPath, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
