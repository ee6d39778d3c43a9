/// One pass's requirement on another: the required pass's name and the type its result is read
/// as. Built from the descriptor itself (`.on(EscapePass.descriptor)`), so a requirement names a
/// pass that exists and reads its result with the type that pass returns; the registry rejects
/// a requirement whose type differs from the registered pass's (`requirementType`).
public struct PassDependency: Sendable, CustomStringConvertible {
    /// The required pass's name.
    public let name: String
    /// The type the requiring pass reads the result as; nil for a requirement on the facts only
    /// (external passes receive the facts and functions of the passes they require).
    public let resultType: (any Sendable.Type)?

    /// A requirement read through `PassContext.result(of:)`.
    public static func on<R: Sendable>(_ pass: PassDescriptor<R>) -> PassDependency { pass.dependency }

    /// A requirement by name, for passes that read only facts (external passes).
    public static func named(_ name: String) -> PassDependency { PassDependency(name: name, resultType: nil) }

    init(name: String, resultType: (any Sendable.Type)?) {
        self.name = name
        self.resultType = resultType
    }

    public var description: String { name }
}

/// Which engines compute a pass's decisions.
public enum EngineSupport: Sendable, Equatable {
    /// The pass reads the source only and runs the same under every engine (`functions`,
    /// external passes).
    case independent
    /// The pass's decisions come from an engine; under an engine not listed the pass is
    /// recorded as skipped with that reason.
    case engines(Set<EngineKind>)

    /// True when the pass needs an engine at all.
    public var needsEngine: Bool { self != .independent }

    /// True when the pass computes its decisions under `engine`.
    public func supports(_ engine: EngineKind) -> Bool {
        switch self {
        case .independent: return true
        case .engines(let set): return set.contains(engine)
        }
    }
}
