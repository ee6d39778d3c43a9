import PassKit

/// The gc engine's input to the passes: the compiler's verdicts and assembly of the scan.
extension GCCompilation: EngineInput {
    /// The gc engine.
    public static var engine: EngineKind { .gc }
}
