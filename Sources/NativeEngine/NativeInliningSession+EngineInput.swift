import PassKit

/// The native engine's input to the passes: its session over the scanned packages and GOROOT.
extension NativeInliningSession: EngineInput {
    /// The native engine.
    public static var engine: EngineKind { .native }
}
