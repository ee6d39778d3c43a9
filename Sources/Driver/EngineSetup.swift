import GoLoader
import PassKit

/// Run-wide preparation for the chosen engine: the one place where the driver reaches the
/// compiler-backed engine (`gc`), whose result the passes read from `PassContext.resources`.
struct EngineSetup {
    /// Inputs for the passes.
    var resources = ResourceMap()
    /// Engines or passes that could not run, with the reason.
    var skipped: [String] = []
    /// The Go version the engine used, when it ran one.
    var goVersion: String?

    static func prepare(engine: EngineKind, config: Configuration, loaded: LoadResult, goroot: GoRoot?) -> EngineSetup {
        var setup = EngineSetup()
        switch engine {
        case .native:
            break
        case .gc:
            setup.skipped.append("gc: the compiler-backed engine is not part of this build")
        }
        return setup
    }
}
