import Foundation

/// A Go installation whose standard library sources heapsight can read.
public struct GoRoot: Sendable, Hashable {
    /// The GOROOT directory.
    public var path: String
    /// The release from `$GOROOT/VERSION` (`go1.27.3`), when readable.
    public var version: String?
    /// Where the path came from: `$GOROOT`, `go env GOROOT` or `config`.
    public var source: String
}

/// Finds GOROOT: `$GOROOT` first, then `go env GOROOT`, then the configured value.
public enum GoRootLocator {
    /// The first candidate that is a directory with a `src` folder; nil when none is.
    /// `goEnvGOROOT` is what `go env GOROOT` of the `go` on PATH answered, when the caller has
    /// asked it already (the gc engine asks that command once for everything it needs).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              configured: String? = nil, goEnvGOROOT: String? = nil) -> GoRoot? {
        if let root = fromEnvironment(environment) { return root }
        if let go = findExecutable("go", environment: environment), let out = goEnvGOROOT ?? run(go, ["env", "GOROOT"]),
           let root = check(out, source: "go env GOROOT") {
            return root
        }
        if let configured, !configured.isEmpty, let root = check(configured, source: "config") { return root }
        return nil
    }

    /// `$GOROOT`, when it names a directory with a `src` folder: the first candidate of
    /// `locate`, the one that needs no process.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> GoRoot? {
        guard let env = environment["GOROOT"], !env.isEmpty else { return nil }
        return check(env, source: "$GOROOT")
    }

    static func check(_ path: String, source: String) -> GoRoot? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path + "/src", isDirectory: &isDir), isDir.boolValue else {
            return nil
        }
        var version: String?
        if let text = try? String(contentsOfFile: path + "/VERSION", encoding: .utf8),
           let first = text.split(separator: "\n").first {
            version = String(first)
        }
        return GoRoot(path: path, version: version, source: source)
    }

    /// Looks an executable up on PATH.
    public static func findExecutable(_ name: String, environment: [String: String]) -> String? {
        ProcessRunner.findExecutable(name, environment: environment)
    }

    static func run(_ executable: String, _ arguments: [String]) -> String? {
        ProcessRunner.output(executable, arguments)
    }
}
