/// The environment the compiler runs in: the user's, plus what keeps a scan local and
/// consistent with the loader.
///
/// - `CGO_ENABLED=0` (`1` with `go.cgo: true`): the loader selects files the same way, so the
///   compiler sees the same files.
/// - `GOPROXY=off` unless the user set `GOPROXY`: a scan never downloads modules by itself; a
///   module whose dependencies are missing fails with the go command's own message. A user who
///   wants downloads sets `GOPROXY` explicitly.
/// - `GOTOOLCHAIN=local` unless set: a `toolchain` line in go.mod never triggers a download.
/// - `GOOS` / `GOARCH` from the configuration, when given.
/// - `GOFLAGS` and everything else are kept as the user set them.
enum BuildEnvironment {
    static func make(_ configuration: GCConfiguration) -> [String: String] {
        var env = configuration.environment
        env["CGO_ENABLED"] = configuration.cgo ? "1" : "0"
        if env["GOPROXY"] == nil { env["GOPROXY"] = "off" }
        if env["GOTOOLCHAIN"] == nil { env["GOTOOLCHAIN"] = "local" }
        if let goos = configuration.goos { env["GOOS"] = goos }
        if let goarch = configuration.goarch { env["GOARCH"] = goarch }
        return env
    }
}
