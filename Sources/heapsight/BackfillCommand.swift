import ArgumentParser
import Driver
import FactStore
import Foundation
import PassKit

/// `heapsight backfill --since REF`: scans past commits so that trends start from day one.
struct BackfillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Scan past commits of a git repository, each in a temporary worktree, to fill the history.",
        discussion: """
        Walks the first-parent history from REF (included; or from a date, YYYY-MM-DD) to HEAD and \
        scans every Nth commit in a temporary detached worktree that is removed afterwards; your \
        checkout, index and HEAD are not touched. Commits that already have a run are skipped, so \
        an interrupted backfill can be run again. Each commit's own heapsight.yml is used when present.
        """)

    @Argument(help: ArgumentHelp("A folder inside the git checkout; the same folder is scanned in each commit.", valueName: "PATH"))
    var path: String = "."

    @Option(help: ArgumentHelp("The first commit, branch or tag to scan (or a date, YYYY-MM-DD).", valueName: "REF"))
    var since: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Scan every Nth commit (the newest is always scanned).", valueName: "N"))
    var every: Int = 1

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Configuration file used for every commit (default: each commit's heapsight.yml).", valueName: "FILE"))
    var config: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Packages analysed in parallel.", valueName: "N"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Engine for compiler decisions (gc or native).", valueName: "ENGINE"))
    var engine: EngineKind?

    func validate() throws {
        if every < 1 { throw ValidationError("--every must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var failures = 0
        try runReportingErrors {
            let location = try store.location(config: config, roots: [path]).location
            let server = FactStore.isServerLocation(location)
            let dbPath = server ? location : URL(fileURLWithPath: location).standardizedFileURL.path
            if !server {
                try FileManager.default.createDirectory(atPath: (dbPath as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            }
            let config = self.config.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            let scan = ScanRequest(paths: [], dbPath: dbPath, configPath: config, jobs: jobs, engine: engine, quiet: true)
            let quiet = output.quiet
            let outcome = try runBackfill(BackfillRequest(path: path, since: since, every: every, scan: scan),
                                          progress: { if !quiet { print($0) } })
            failures = outcome.steps.filter { $0.error != nil }.count
            let scanned = outcome.steps.filter { $0.runID != nil && !$0.alreadyRecorded }.count
            let skipped = outcome.steps.filter(\.alreadyRecorded).count
            print("backfill: \(scanned) scanned, \(skipped) already recorded, \(failures) failed, of \(outcome.steps.count) commits")
        }
        if failures > 0 { throw ExitCode(2) }
    }
}
