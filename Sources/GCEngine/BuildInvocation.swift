import Foundation

/// One `go build` of some packages of one module with the optimisation flags, and what it left.
///
/// The flags are `-gcflags='-m=2'` (plus `-S` with the assembly and `-d=ssa/check_bce/debug=1`
/// with the bounds checks), nothing run-specific, so a
/// package whose sources, dependencies and flags are unchanged is not compiled again: the go
/// command replays the compiler's text from its build cache, which is all the engine reads.
///
/// Two forms. The build is first run in the text form (the compiler's output on standard
/// error, one `# IMPORTPATH` block per package, `BuildTextSplitter`), which costs the go
/// command nothing beyond the copy. When that build fails, its text cannot say which lines are
/// the go command's own errors, so the build is run again in the `-json` form (`build-output`
/// and `build-fail` events per package, `BuildEventDecoder`), which frames every line; packages
/// that compiled come from the cache the first run filled. Either way the output is read while
/// the go command runs (`StreamingProcess`), package by package (`PackageOutputReader`).
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

    /// The output form of a run.
    enum Form { case text, json }

    /// A build that has been started and whose output has not been read yet.
    struct Running {
        fileprivate let invocation: BuildInvocation
        fileprivate let form: Form
        fileprivate let process: Result<StreamingProcess, any Error>

        /// Reads the build's output with `parser` as it comes, and waits for the build to end.
        /// A failed text-form build is run again in the JSON form.
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
            var collector = BuildOutputCollector(parser: parser, assembly: invocation.configuration.assembly)
            switch form {
            case .text:
                var splitter = BuildTextSplitter()
                let result = running.read { chunk in splitter.feed(chunk, into: &collector) }
                guard result.status == 0 else { return invocation.start(form: .json).finish(parser: parser) }
                splitter.finish(into: &collector)
                outcome.status = result.status
                outcome.stderr = String(decoding: splitter.commandText, as: UTF8.self) + result.collected
            case .json:
                var decoder = BuildEventDecoder()
                let result = running.read { chunk in decoder.feed(chunk, into: &collector) }
                decoder.finish(into: &collector)
                outcome.status = result.status
                outcome.stderr = result.collected
            }
            outcome.packages = collector.finish()
            outcome.failed = collector.failed
            return outcome
        }

        /// Stops the build without reading it.
        func cancel() {
            if case .success(let p) = process { p.cancel() }
        }
    }

    /// The go command's arguments for an output form.
    func arguments(form: Form) -> [String] {
        var gcflags = "-m=2"
        if configuration.assembly { gcflags += " -S" }
        if configuration.boundsChecks { gcflags += " -d=ssa/check_bce/debug=1" }
        let tags = configuration.tags.isEmpty ? [] : ["-tags=" + configuration.tags.joined(separator: ",")]
        return ["build"] + (form == .json ? ["-json"] : []) + ["-o", "/dev/null"] + tags + ["-gcflags=\(gcflags)"]
            + packageDirectories
    }

    /// Starts the build; its output is read from the start and held until `Running.finish`
    /// takes it.
    func start(form: Form = .text) -> Running {
        var environment = BuildEnvironment.make(configuration)
        environment["PWD"] = moduleRoot  // the go command prints paths relative to it, unresolved
        return Running(invocation: self, form: form, process: Result {
            try StreamingProcess(go, arguments(form: form), cwd: moduleRoot, environment: environment,
                                 streaming: form == .json ? .standardOutput : .standardError)
        })
    }
}
