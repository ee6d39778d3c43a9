/// What an engine hands the passes for a whole run: the gc engine's compilation (the compiler's
/// verdicts and assembly per package) or the native engine's session (types, GoIR and the
/// analyses over the scanned packages and GOROOT). A run has one engine and at most one input,
/// of that engine; a pass reads it typed with `PassContext.input(_:)`.
public protocol EngineInput: Sendable {
    /// The engine that supplies this input.
    static var engine: EngineKind { get }
    /// Whether `prepare` does any work. The driver then prepares each package once before its
    /// passes: ahead of them, from a job that would otherwise wait, when every package it
    /// imports is prepared, even while their passes still run.
    var preparesPackages: Bool { get }
    /// Does what the passes will need of `package` and needs only the packages it imports
    /// prepared (such as type checking it), without changing what the passes compute.
    func prepare(_ package: PackageInput)
}

extension EngineInput {
    public var preparesPackages: Bool { false }
    public func prepare(_ package: PackageInput) {}
}
