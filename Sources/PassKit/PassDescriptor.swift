/// A pass: a value, not a subclass. It names itself, documents itself, declares what it needs and
/// what it emits, and carries the function that runs it on one package.
///
/// `Result` is the typed, in-memory result that dependent passes read on the same package through
/// `PassContext.result(of:)`; serializable findings go out as `Fact`s.
public struct PassDescriptor<Result: Sendable>: Sendable {
    /// Stable lower-case name (`functions`, `inlining`, `escape`, `allocations`).
    public let name: String
    /// What the pass finds, in one paragraph; shown by `heapsight passes`.
    public let doc: String
    /// The passes whose results this pass reads, each with the type of its result; they run
    /// first on each package.
    public let requires: [PassDependency]
    /// The engines that compute this pass's decisions (`.independent` when it needs none).
    public let engines: EngineSupport
    /// Fact kinds this pass may emit.
    public let factKinds: [FactKind]
    /// The configuration keys this pass reads under `passes.NAME` in heapsight.yml.
    public let configKeys: [ConfigKey]
    /// Runs the pass on one package.
    public let run: @Sendable (PassContext) throws -> PassOutput<Result>

    /// Creates a descriptor.
    public init(name: String, doc: String, requires: [PassDependency] = [], engines: EngineSupport = .independent,
                factKinds: [FactKind] = [], configKeys: [ConfigKey] = [],
                run: @escaping @Sendable (PassContext) throws -> PassOutput<Result>) {
        self.name = name
        self.doc = doc
        self.requires = requires
        self.engines = engines
        self.factKinds = factKinds
        self.configKeys = configKeys
        self.run = run
    }

    /// The type-erased form the registry and driver work with.
    public var erased: AnyPass {
        AnyPass(name: name, doc: doc, dependencies: requires, engines: engines, resultType: Result.self,
                factKinds: factKinds, configKeys: configKeys) { context in
            let output = try run(context)
            return ErasedPassOutput(result: output.result, facts: output.facts,
                                    functions: output.functions, diagnostics: output.diagnostics,
                                    summaries: output.summaries)
        }
    }

    /// This pass as a requirement of another pass (`requires: [.on(FunctionsPass.descriptor)]`).
    public var dependency: PassDependency { PassDependency(name: name, resultType: Result.self) }
}

/// What a pass returns for one package.
public struct PassOutput<Result: Sendable>: Sendable {
    /// The typed result that dependent passes read.
    public var result: Result
    /// Facts for the store.
    public var facts: [Fact]
    /// Function records (only the `functions` pass produces these).
    public var functions: [FunctionRecord]
    /// Diagnostics about the input.
    public var diagnostics: [Diagnostic]
    /// Summaries of the package for the passes of its importers (`PackageSummary`).
    public var summaries: [EncodedSummary]

    /// Creates an output.
    public init(result: Result, facts: [Fact] = [], functions: [FunctionRecord] = [],
                diagnostics: [Diagnostic] = [], summaries: [EncodedSummary] = []) {
        self.result = result
        self.facts = facts
        self.functions = functions
        self.diagnostics = diagnostics
        self.summaries = summaries
    }
}

/// A configuration key a pass understands, with its documentation and default.
public struct ConfigKey: Sendable, Hashable {
    /// Key name under `passes.NAME`.
    public let name: String
    /// What the key does.
    public let doc: String
    /// The default, as it would be written in YAML.
    public let defaultValue: String

    /// Creates a key description.
    public init(name: String, doc: String, defaultValue: String) {
        self.name = name
        self.doc = doc
        self.defaultValue = defaultValue
    }
}

/// A pass with its result type erased, as held by the registry.
public struct AnyPass: Sendable {
    /// Stable name.
    public let name: String
    /// Documentation.
    public let doc: String
    /// Required passes, with the result type each is read as.
    public let dependencies: [PassDependency]
    /// The engines that compute the pass's decisions.
    public let engines: EngineSupport
    /// The type of the pass's result (a requirement's expected type is checked against it).
    public let resultType: any Sendable.Type
    /// Fact kinds emitted.
    public let factKinds: [FactKind]
    /// Config keys read.
    public let configKeys: [ConfigKey]
    /// Runs the pass with its result erased.
    public let run: @Sendable (PassContext) throws -> ErasedPassOutput

    /// Names of required passes.
    public var requires: [String] { dependencies.map(\.name) }
}

/// A pass output with its result erased.
public struct ErasedPassOutput: Sendable {
    /// The typed result, erased.
    public var result: any Sendable
    /// Facts.
    public var facts: [Fact]
    /// Function records.
    public var functions: [FunctionRecord]
    /// Diagnostics.
    public var diagnostics: [Diagnostic]
    /// Summaries exported for importers.
    public var summaries: [EncodedSummary]
}
