import Foundation

/// One `go build` of some packages of one module with the optimisation flags, and what it left.
///
/// The flags are `-gcflags='-m=2'` (`-m=2 -S` with the assembly), nothing run-specific, so a
/// package whose sources, dependencies and flags are unchanged is not compiled again: the go
/// command replays the compiler's text from its build cache, which is all the engine reads.
/// The output is decoded while the go command runs (`StreamingProcess`, `BuildEventDecoder`),
/// package by package (`PackageOutputReader`).
struct BuildInvocation {
    /// The `go` command.
    let go: String
    let configuration: GCConfiguration
    let moduleRoot: String
    let packageDirectories: [String]

    /// What the go command reported, per package and overall.
    struct Outcome {
        /// What each package's compiler output held, in the order the go command first
        /// reported the package.
        var packages: [PackageOutputReader.Output] = []
        /// Import paths the go command reported as failed.
        var failed: Set<String> = []
        /// The go command's own stderr (module errors, missing packages).
        var stderr: String = ""
        /// Exit status of the go command; -1 when it could not be started.
        var status: Int32 = 0
        /// Why the command could not be started, if it could not.
        var launchError: String?
    }

    /// A build that has been started and whose output has not been read yet.
    struct Running {
        fileprivate let invocation: BuildInvocation
        fileprivate let process: Result<StreamingProcess, any Error>

        /// Reads the build's output with `parser` as it comes, and waits for the build to end.
        func finish(parser: CompilerTextParser) -> Outcome {
            var outcome = Outcome()
            let running: StreamingProcess
            switch process {
            case .success(let p): running = p
            case .failure(let error):
                outcome.status = -1
                outcome.launchError = "cannot run \(invocation.go): \(error.localizedDescription)"
                return outcome
            }
            var decoder = BuildEventDecoder()
            var collector = BuildOutputCollector(parser: parser, assembly: invocation.configuration.assembly)
            let result = running.read { chunk in decoder.feed(chunk, into: &collector) }
            decoder.finish(into: &collector)
            outcome.status = result.status
            outcome.stderr = result.stderr
            outcome.packages = collector.finish()
            outcome.failed = collector.failed
            return outcome
        }

        /// Stops the build without reading it.
        func cancel() {
            if case .success(let p) = process { p.cancel() }
        }
    }

    /// The go command's arguments.
    func arguments() -> [String] {
        var gcflags = "-m=2"
        if configuration.assembly { gcflags += " -S" }
        let tags = configuration.tags.isEmpty ? [] : ["-tags=" + configuration.tags.joined(separator: ",")]
        return ["build", "-json", "-o", "/dev/null"] + tags + ["-gcflags=\(gcflags)"] + packageDirectories
    }

    /// Starts the build; its output waits in the pipe until `Running.finish` reads it.
    func start() -> Running {
        var environment = BuildEnvironment.make(configuration)
        environment["PWD"] = moduleRoot  // the go command prints paths relative to it, unresolved
        return Running(invocation: self, process: Result {
            try StreamingProcess(go, arguments(), cwd: moduleRoot, environment: environment)
        })
    }
}
