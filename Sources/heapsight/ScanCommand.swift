import ArgumentParser
import Driver
import Foundation
import PassKit

/// `heapsight scan`: analyses Go source trees and records a run.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan Go source trees and record every function and fact in the store.",
        discussion: """
        Finds the modules and packages under each PATH (build constraints for the configured \
        GOOS/GOARCH applied; vendor/, testdata/ and directories starting with . or _ skipped), \
        runs the enabled passes on every package, dependencies first, and records the run.
        Prints a summary and the run id. Problems with single files are recorded as diagnostics \
        and the rest is still analysed; an unusable PATH, config or database exits with status 2.
        """)

    @Argument(help: ArgumentHelp("Directories or .go files to scan.", valueName: "PATH"))
    var paths: [String] = ["."]

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Configuration file (default: heapsight.yml in the first PATH when present).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("A label for this run, e.g. nightly or pr-123.", valueName: "L"))
    var label: String?

    @Option(help: ArgumentHelp("Packages analysed in parallel.", valueName: "N"))
    var jobs: Int = 1

    @Flag(help: "Include _test.go files.")
    var tests: Bool = false

    @Flag(help: "Print the time each step of the scan took.")
    var timings: Bool = false

    @Option(help: ArgumentHelp("Engine for compiler decisions (gc or native); overrides the config.", valueName: "ENGINE"))
    var engine: EngineKind?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let showProgress = !output.quiet && isatty(STDERR_FILENO) == 1
            let progress: (@Sendable (String) -> Void)? = showProgress ? ScanCommand.printProgress : nil
            let request = ScanRequest(
                paths: paths, dbPath: store.db, createDatabaseDirectory: store.isDefault, configPath: config,
                label: label, jobs: jobs, includeTests: tests, engine: engine, quiet: output.quiet,
                progress: progress)
            let outcome = try runScan(request)
            if showProgress { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
            ScanSummary(outcome: outcome, dbPath: store.db).print(quiet: output.quiet)
            if timings {
                for phase in outcome.phases {
                    print("  \(phase.name.padding(toLength: 14, withPad: " ", startingAt: 0))\(String(format: "%.2f", phase.seconds))s")
                }
            }
            // With engine gc, code the compiler rejects is not a silent empty result: say which
            // packages did not compile and exit 1 (their errors are in the run's diagnostics).
            let rejected = Set(outcome.diagnostics.filter { $0.source == "compiler" && $0.severity == .error }
                .compactMap(\.package)).sorted()
            let compilerErrors = outcome.diagnostics.contains { $0.source == "compiler" && $0.severity == .error }
            if compilerErrors {
                let which = rejected.isEmpty ? "" : ": " + rejected.joined(separator: ", ")
                FileHandle.standardError.write(Data("heapsight: the Go compiler rejected \(rejected.isEmpty ? "the scanned code" : "\(rejected.count) package\(rejected.count == 1 ? "" : "s")")\(which) (see the run's diagnostics)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

extension ScanCommand {
    /// Rewrites the current terminal line with a progress message.
    @Sendable static func printProgress(_ line: String) {
        FileHandle.standardError.write(Data("\u{1B}[2K\r\(line)".utf8))
    }
}

extension EngineKind: ExpressibleByArgument {}
