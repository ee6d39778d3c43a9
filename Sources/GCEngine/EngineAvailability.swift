import PassKit

/// What a compiler-backed pass can use on one package: the gc compilation, or the reason it
/// has nothing (native engine, no toolchain, package failed to compile).
public enum EngineAvailability: Sendable {
    /// The compiler's facts for the package are available.
    case compiled(GCCompilation)
    /// Nothing to report, with a diagnostic to attach (nil when the driver already reports the
    /// reason once for the whole run, as for a missing toolchain or a failed package).
    case unavailable(Diagnostic?)

    /// Decides availability for a pass on the package in `context`.
    public static func of(pass: String, what: String, in context: PassContext) -> EngineAvailability {
        switch context.engine {
        case .native:
            // Said once per run by the driver (each pass is listed in the run's `skipped`).
            return .unavailable(nil)
        case .gc:
            guard let compilation = context.input(GCCompilation.self) else {
                return .unavailable(Diagnostic(
                    severity: .error, source: "pass:\(pass)",
                    message: "internal error: engine gc selected but the driver gave the pass no compilation",
                    package: context.package.importPath))
            }
            if compilation.skippedReason != nil || compilation.failedPackages.contains(context.package.importPath) {
                return .unavailable(nil)
            }
            return .compiled(compilation)
        }
    }
}
