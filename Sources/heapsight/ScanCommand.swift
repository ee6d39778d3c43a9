import ArgumentParser
import Driver
import Foundation
import PassKit

/// `heapsight scan`: analyses Go source trees and records a run.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan Go source trees and record every function and fact in the store.")

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

    @Option(help: ArgumentHelp("Engine for compiler decisions (gc or native); overrides the config.", valueName: "ENGINE"))
    var engine: EngineKind?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let request = ScanRequest(paths: paths, dbPath: store.db, configPath: config, label: label,
                                      jobs: jobs, includeTests: tests, engine: engine, quiet: output.quiet)
            let outcome = try runScan(request)
            print("run \(outcome.runID)")
        }
    }
}

extension EngineKind: ExpressibleByArgument {}
