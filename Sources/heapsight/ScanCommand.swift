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

    @OptionGroup var scan: ScanOptions

    @Flag(help: "Include _test.go files.")
    var tests: Bool = false

    @Flag(help: "Print the time each step of the scan took.")
    var timings: Bool = false

    func run() throws {
        try runReportingErrors {
            let showProgress = !scan.output.quiet && isatty(STDERR_FILENO) == 1
            let progress: (@Sendable (String) -> Void)? = showProgress ? ScanCommand.printProgress : nil
            let request = try scan.request(includeTests: tests, progress: progress)
            let outcome = try runScan(request)
            if showProgress { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
            ScanSummary(outcome: outcome, dbPath: request.dbPath).print(quiet: scan.output.quiet)
            if timings {
                for phase in outcome.phases {
                    print("  \(phase.name.padding(toLength: 18, withPad: " ", startingAt: 0))\(String(format: "%.2f", phase.seconds))s")
                }
                if let cache = outcome.summaryCache {
                    print("  summaries: \(cache.hits) read from the store, \(cache.misses) not cached, \(cache.rejected) unreadable, \(cache.analysed) packages analysed, \(cache.computed) written")
                }
            }
            // With engine gc, code the compiler rejects is not a silent empty result: say which
            // packages did not compile and exit 1 (their errors are in the run's diagnostics).
            let compilerErrors = outcome.diagnostics.filter { $0.source == "compiler" && $0.severity == .error }
            if !compilerErrors.isEmpty {
                let rejected = Set(compilerErrors.compactMap(\.package)).sorted()
                let what = rejected.isEmpty ? "the scanned code"
                    : "\(rejected.count) package\(rejected.count == 1 ? "" : "s"): \(rejected.joined(separator: ", "))"
                FileHandle.standardError.write(Data("heapsight: the Go compiler rejected \(what) (see the run's diagnostics)\n".utf8))
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
