/// Everything a pass may see while it runs on one package. Passes never open files or the
/// store themselves: the driver puts what they need here.
public final class PassContext: @unchecked Sendable {
    /// The package under analysis.
    public let package: PackageInput
    /// Which engine computes compiler decisions in this run.
    public let engine: EngineKind
    /// This pass's settings from heapsight.yml (`passes.NAME.KEY`), as strings.
    public let settings: [String: String]
    /// The run's engine input (the gc engine's compilation, the native engine's session); nil
    /// when the engine has nothing for the passes (no toolchain, no GOROOT).
    public let engineInput: (any EngineInput)?
    /// The summaries the packages analysed before this one exported (read those of the
    /// package's imports with `summary(_:of:)`).
    public let summaries: PackageSummaries
    private var results: [String: any Sendable]
    /// Facts the passes that already ran on this package produced, in run order (external
    /// passes receive them).
    public private(set) var factsSoFar: [Fact] = []
    /// Function records produced so far on this package.
    public private(set) var functionsSoFar: [FunctionRecord] = []

    /// Creates a context. `results` holds the results of the passes already run on this package.
    public init(package: PackageInput, engine: EngineKind, settings: [String: String] = [:],
                input: (any EngineInput)? = nil, summaries: PackageSummaries = PackageSummaries(),
                results: [String: any Sendable] = [:]) {
        precondition(input.map { type(of: $0).engine == engine } ?? true,
                     "internal error: the \(engine.rawValue) engine's passes were given another engine's input")
        self.package = package
        self.engine = engine
        self.settings = settings
        self.engineInput = input
        self.summaries = summaries
        self.results = results
    }

    /// The run's engine input as the type its engine supplies (`GCCompilation`,
    /// `NativeInliningSession`); nil when there is none or the run uses the other engine.
    public func input<Input: EngineInput>(_ type: Input.Type) -> Input? { engineInput as? Input }

    /// The summary of `kind` that an imported package exported: nil when it exported none
    /// (not analysed in this run); throws `SummaryError` when the summary is of another format
    /// version.
    public func summary<Value>(_ kind: SummaryKind<Value>, of importPath: String) throws -> Value? {
        try summaries.summary(kind, for: importPath)
    }

    /// The typed result of a required pass on this package.
    public func result<R: Sendable>(of pass: PassDescriptor<R>) -> R {
        guard let value = results[pass.name] else {
            preconditionFailure("internal error: pass \(pass.name) has not run on \(package.importPath); declare it in `requires`")
        }
        guard let typed = value as? R else {
            preconditionFailure("internal error: pass \(pass.name) result has type \(type(of: value)), not \(R.self)")
        }
        return typed
    }

    /// Records a result (used by the driver after a pass runs).
    public func record(result: any Sendable, of name: String) {
        results[name] = result
    }

    /// The results recorded so far, by pass name (the driver hands them to the next pass's context).
    public var allResults: [String: any Sendable] { results }

    /// Records the facts and functions a pass produced (used by the driver after a pass runs).
    /// Into an empty context the arrays are shared, not copied: every pass's context starts
    /// with all the facts before it, and copying them retained and released each fact's
    /// strings once per pass.
    public func record(facts: [Fact], functions: [FunctionRecord]) {
        if factsSoFar.isEmpty { factsSoFar = facts } else { factsSoFar.append(contentsOf: facts) }
        if functionsSoFar.isEmpty { functionsSoFar = functions } else { functionsSoFar.append(contentsOf: functions) }
    }

    /// Moves the recorded facts out of the context (used by the driver once the passes are
    /// done), leaving none: the caller then holds the only reference and can change them in
    /// place.
    public func takeRecordedFacts() -> [Fact] {
        defer { factsSoFar = [] }
        return factsSoFar
    }

    /// Moves the recorded functions out of the context, as `takeRecordedFacts` does the facts.
    public func takeRecordedFunctions() -> [FunctionRecord] {
        defer { functionsSoFar = [] }
        return functionsSoFar
    }
}

/// The two engines behind the same passes.
public enum EngineKind: String, Sendable, Codable, CaseIterable {
    /// Decisions taken from the real Go compiler (`go build -gcflags=-m=2`).
    case gc
    /// Decisions computed by heapsight's own front end.
    case native
}
