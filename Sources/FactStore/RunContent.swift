import PassKit

/// Everything one run produced, recorded in one transaction by `FactStore.record`.
public struct RunContent: Sendable {
    /// The run's metadata.
    public var run: RunRecord
    /// Packages analysed.
    public var packages: [PackageRecord]
    /// Source files analysed.
    public var files: [FileRecord]
    /// Functions found.
    public var functions: [FunctionRecord]
    /// Facts found.
    public var facts: [Fact]
    /// Diagnostics about the input.
    public var diagnostics: [Diagnostic]
    /// The `//heapsight:` and `//gcassert:` directives of the scanned files.
    public var directives: SourceDirectives
    /// Which passes computed their facts on which package.
    public var passes: [PassExecution]
    /// Profiles attributed to the run's source (`scan --profile`).
    public var profiles: [ProfileRecord] = []
    /// `facts[i].explanation` as the store writes it (`RunContent.explanationText`), when the
    /// producer encoded them already: a scan encodes each package's on the thread that analysed
    /// it, so that recording only writes. Nil, or a count other than the facts', encodes them
    /// when the run is recorded. Set it only from the final facts.
    public var explanationTexts: [[UInt8]]? = nil

    /// The text the store writes for a fact's explanation lines (a JSON array of strings), as
    /// UTF-8 bytes.
    public static func explanationText(_ lines: [String]) -> [UInt8] { JSONText.encodeBytes(lines) }

    /// Creates run content.
    public init(run: RunRecord, packages: [PackageRecord] = [], files: [FileRecord] = [],
                functions: [FunctionRecord] = [], facts: [Fact] = [], diagnostics: [Diagnostic] = [],
                directives: SourceDirectives = SourceDirectives(), passes: [PassExecution] = []) {
        self.run = run
        self.packages = packages
        self.files = files
        self.functions = functions
        self.facts = facts
        self.diagnostics = diagnostics
        self.directives = directives
        self.passes = passes
    }
}
