/// The `policy:` section of heapsight.yml: budgets, must-inline functions and regression rules
/// against a baseline run. Every key is documented in `config/heapsight.yml`.
public struct PolicyConfiguration: Sendable, Hashable {
    /// One `policy.budgets` entry: limits for the packages (and optionally functions) it matches.
    public struct Budget: Sendable, Hashable {
        /// Import-path pattern (`...` matches anything, `*` anything but `/`); default all.
        public var packages: GlobPattern
        /// Function pattern matched against the name within the package (`(*T).M`, `F`,
        /// `F.func1`); when set, the limits apply to each matching function, else to each package.
        public var functions: GlobPattern?
        /// Maximum heap allocation sites.
        public var maxHeapSites: Int?
        /// Maximum heap allocation sites inside loops.
        public var maxHeapSitesInLoops: Int?
        /// Maximum variables moved to the heap.
        public var maxMovedToHeap: Int?
        /// Maximum share, in percent, of the run's profiled allocated bytes (`alloc_space`) that
        /// the heap sites of one matching function (or package) may take (`alloc.hot-budget`).
        public var maxHotShare: Int? = nil

        /// Creates a budget.
        public init(packages: GlobPattern = GlobPattern("..."), functions: GlobPattern? = nil, maxHeapSites: Int? = nil,
                    maxHeapSitesInLoops: Int? = nil, maxMovedToHeap: Int? = nil) {
            self.packages = packages
            self.functions = functions
            self.maxHeapSites = maxHeapSites
            self.maxHeapSitesInLoops = maxHeapSitesInLoops
            self.maxMovedToHeap = maxMovedToHeap
        }
    }

    /// Regression rules, checked only when a baseline run is given.
    public struct Regressions: Sendable, Hashable {
        /// `escape.new`: fail on heap escapes absent from the baseline.
        public var noNewEscapes: Bool = true
        /// `inline.lost`: fail when a function stops being inlinable.
        public var noLostInlining: Bool = true
        /// `alloc.growth`: fail when a function's heap sites grow by more than this; nil = off.
        public var maxHeapSiteGrowth: Int? = nil

        /// Defaults: new escapes and lost inlining fail, growth is not limited.
        public init(noNewEscapes: Bool = true, noLostInlining: Bool = true, maxHeapSiteGrowth: Int? = nil) {
            self.noNewEscapes = noNewEscapes
            self.noLostInlining = noLostInlining
            self.maxHeapSiteGrowth = maxHeapSiteGrowth
        }
    }

    /// Budgets, in file order; a function or package is checked against every matching entry.
    public var budgets: [Budget] = []
    /// Function-id patterns that must be inlinable (`inline.required`).
    public var mustInline: [GlobPattern] = []
    /// Regression rules.
    public var regressions = Regressions()
    /// Whether directives in the source are checked (default true).
    public var directives: Bool = true
    /// The inlining budget the compiler uses (80), for "cost against budget" explanations.
    public var inlineBudget: Int = 80

    /// The defaults: no budgets, no must-inline, directives on, regressions on with a baseline.
    public init() {}
}

/// The `report:` section of heapsight.yml.
public struct ReportConfiguration: Sendable, Hashable {
    /// Folder the report files go to (relative to the current directory).
    public var output: String = "reports"
    /// JUnit flavour: `strict` or `extended`.
    public var junit: String = "extended"
    /// Formats `heapsight check` writes: any of `junit`, `sarif`, `html`, `text`.
    public var formats: [String] = ["junit", "sarif", "html"]
    /// Share over the inlining budget within which a function counts as almost inlinable.
    public var almostInlinableMargin: Double = 0.10

    /// The defaults.
    public init() {}
}
