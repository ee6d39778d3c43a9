import Foundation
import GoLoader

/// One `go build` of some packages of one module with the optimisation flags, and what it left.
struct BuildInvocation {
    let toolchain: GoToolchainInfo
    let configuration: GCConfiguration
    let moduleRoot: String
    let packageDirectories: [String]

    /// What the go command reported, per package and overall.
    struct Outcome {
        /// The compiler's text per import path, in the order the go command reported it.
        var outputByPackage: [(importPath: String, text: String)] = []
        /// Import paths the go command reported as failed.
        var failed: Set<String> = []
        /// The go command's own stderr (module errors, missing packages).
        var stderr: String = ""
        /// Exit status of the go command; -1 when it could not be started.
        var status: Int32 = 0
        /// Entries of the `-json` optimisation log.
        var log: [OptimizationLog.Entry] = []
        /// Why the command could not be started, if it could not.
        var launchError: String?
    }

    /// The go command's arguments for a JSON log folder.
    func arguments(logDirectory: String) -> [String] {
        var gcflags = "-m=2 -json=0,\(logDirectory)"
        if configuration.assembly { gcflags += " -S" }
        let tags = configuration.tags.isEmpty ? [] : ["-tags=" + configuration.tags.joined(separator: ",")]
        return ["build", "-json", "-o", "/dev/null"] + tags + ["-gcflags=\(gcflags)"] + packageDirectories
    }

    func run() -> Outcome {
        var outcome = Outcome()
        let scratch = configuration.scratchDirectory ?? NSTemporaryDirectory()
        let logDirectory = URL(fileURLWithPath: scratch)
            .appendingPathComponent("heapsight-gc-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        } catch {
            outcome.status = -1
            outcome.launchError = "cannot create the compiler log folder \(logDirectory): \(error.localizedDescription)"
            return outcome
        }
        // Removed on return, and on an interrupt (SIGINT, SIGTERM) while the compiler runs.
        let cleanup = InterruptCleanup.register { try? FileManager.default.removeItem(atPath: logDirectory) }
        defer {
            try? FileManager.default.removeItem(atPath: logDirectory)
            InterruptCleanup.unregister(cleanup)
        }
        let result: ProcessRunner.Result
        do {
            var environment = BuildEnvironment.make(configuration)
            environment["PWD"] = moduleRoot  // the go command prints paths relative to it, unresolved
            result = try ProcessRunner.run(toolchain.go, arguments(logDirectory: logDirectory), cwd: moduleRoot,
                                           environment: environment)
        } catch {
            outcome.status = -1
            outcome.launchError = "cannot run \(toolchain.go): \(error.localizedDescription)"
            return outcome
        }
        outcome.status = result.status
        outcome.stderr = result.err
        var index: [String: Int] = [:]
        for event in BuildEvent.decodeStream(result.stdout) {
            switch event.action {
            case "build-output":
                guard let text = event.output else { continue }
                if let i = index[event.importPath] {
                    outcome.outputByPackage[i].text += text
                } else {
                    index[event.importPath] = outcome.outputByPackage.count
                    outcome.outputByPackage.append((event.importPath, text))
                }
            case "build-fail":
                outcome.failed.insert(event.importPath)
            default:
                continue
            }
        }
        outcome.log = OptimizationLog.read(directory: logDirectory)
        return outcome
    }
}

/// One event of `go build -json`.
struct BuildEvent: Decodable {
    var importPath: String
    var action: String
    var output: String?

    enum CodingKeys: String, CodingKey {
        case importPath = "ImportPath", action = "Action", output = "Output"
    }

    /// Decodes newline-separated events, skipping lines that are not events.
    static func decodeStream(_ data: Data) -> [BuildEvent] {
        let decoder = JSONDecoder()
        var events: [BuildEvent] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let event = try? decoder.decode(BuildEvent.self, from: Data(line)) { events.append(event) }
        }
        return events
    }
}
