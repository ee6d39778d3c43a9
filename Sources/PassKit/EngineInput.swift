/// What an engine hands the passes for a whole run: the gc engine's compilation (the compiler's
/// verdicts and assembly per package) or the native engine's session (types, GoIR and the
/// analyses over the scanned packages and GOROOT). A run has one engine and at most one input,
/// of that engine; a pass reads it typed with `PassContext.input(_:)`.
public protocol EngineInput: Sendable {
    /// The engine that supplies this input.
    static var engine: EngineKind { get }
}
