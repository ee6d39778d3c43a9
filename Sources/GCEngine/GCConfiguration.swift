import Foundation

/// How the gc engine runs the compiler: which `go`, for which platform, in which environment.
public struct GCConfiguration: Sendable, Hashable {
    /// The `go` command from the configuration (`go:` in heapsight.yml); nil means `go` on PATH.
    public var goCommand: String?
    /// Target operating system (`GOOS`); nil keeps the environment's.
    public var goos: String?
    /// Target architecture (`GOARCH`); nil keeps the environment's.
    public var goarch: String?
    /// The environment the compiler runs in (the user's, by default). `GOFLAGS`, `GOPROXY`,
    /// `GOCACHE` and the rest are respected as given; see `BuildEnvironment` for what is added.
    public var environment: [String: String]
    /// Build tags (`go.tags` in heapsight.yml), passed as `-tags` so that the compiler selects
    /// the same files as the loader.
    public var tags: [String]
    /// Whether cgo files take part (`go.cgo`); `CGO_ENABLED=0` otherwise, as in the loader.
    public var cgo: Bool
    /// Also ask for the compiler's assembly (`-S`) to list the run-time allocator calls of every
    /// line (`AllocatorCall`); the allocations pass uses them.
    public var assembly: Bool
    /// Also ask the compiler for the bounds checks it kept (`-d=ssa/check_bce/debug=1`, one
    /// `Found IsInBounds` or `Found IsSliceInBounds` line per check); the bounds pass uses them.
    public var boundsChecks: Bool

    /// Creates a configuration.
    public init(goCommand: String? = nil, goos: String? = nil, goarch: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                assembly: Bool = false, tags: [String] = [], cgo: Bool = false, boundsChecks: Bool = false) {
        self.goCommand = goCommand
        self.goos = goos
        self.goarch = goarch
        self.environment = environment
        self.assembly = assembly
        self.boundsChecks = boundsChecks
        self.tags = tags
        self.cgo = cgo
    }
}
