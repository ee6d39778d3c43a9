import Foundation
import GoLoader
import GoTypes
import PassKit
import TestSupport

/// The corpora the native engine is measured on, each compiled by the oracle once per run.
public enum Corpora {
    /// `go list PATTERN` (linux/amd64, no cgo) in a folder.
    public static func list(_ pattern: String, in directory: String) throws -> [String] {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["list", pattern], cwd: URL(fileURLWithPath: directory),
                                    environment: go.environment(extra: CompilerOracle.targetEnvironment))
        guard r.status == 0 else { throw OracleError.listFailed("go list \(pattern) failed: \(r.err)") }
        return r.out.split(separator: "\n").map(String.init)
    }

    /// std and cmd are compiled together, once: `go build -a -json -gcflags=all=-m=2 std cmd`
    /// from `$GOROOT/src` (cmd's packages need std's anyway; each package is compiled once).
    public static var goroot: CompilerOracle.Corpus {
        let go = TestSupport.goToolchain
        return CompilerOracle.Corpus(name: "goroot-std-cmd", directory: go.goroot + "/src", patterns: ["std", "cmd"],
                                     flags: ["-a", "-gcflags=all=-m=2"], environment: [:])
    }

    /// The differential over every package `go list PATTERN` names in `$GOROOT/src/SUB`
    /// (`std` from `src`, `cmd` from `src/cmd`), vendored packages included (each module's
    /// imports resolve through its own vendor/, as the locator resolves them). The compiler runs
    /// (when its output is not cached) while the native engine works, so both cores are busy.
    public static func gorootDifferential(pattern: String, subdirectory: String?) throws -> (CorpusDifferential, timing: String) {
        let go = TestSupport.goToolchain
        let src = go.goroot + "/src"
        let packages = try list(pattern, in: subdirectory.map { src + "/" + $0 } ?? src)
        nonisolated(unsafe) var oracle: Result<CompilerOracle, Error>? = nil
        let done = DispatchSemaphore(value: 0)
        let wanted = Set(packages)
        let started = Date()
        Thread.detachNewThread {
            oracle = Result { try CompilerOracle.load(goroot, root: src, packages: wanted) }
            done.signal()
        }
        let native = NativeCorpusRun.run(packages: packages, goroot: go.goroot, root: src)
        done.wait()
        let compiler = try oracle!.get()
        let missing = packages.filter { compiler.factsByPackage[$0] == nil && !compiler.failed.contains($0) }
        guard compiler.failed.isEmpty else {
            throw OracleError.compileFailed("the compiler failed on \(compiler.failed.sorted())")
        }
        let differential = try CorpusDifferential(name: pattern, packages: packages, compiler: compiler.factsByPackage, native: native)
        let timing = String(format: "native %.1fs, compiler %@, total %.1fs; %d packages printed nothing; oracle cache %@",
                            native.seconds, compiler.compileSeconds > 0 ? String(format: "%.1fs", compiler.compileSeconds) : "cached",
                            Date().timeIntervalSince(started), missing.count, compiler.cacheFile)
        return (differential, timing)
    }
}
