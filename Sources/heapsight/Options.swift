import ArgumentParser
import Driver
import Foundation
import PassKit

/// `--db FILE|URL`: the store every command that reads or writes facts uses, a SQLite file or a
/// PostgreSQL database (`postgres://USER@HOST:PORT/DB?sslmode=MODE`); when it is not given,
/// `HEAPSIGHT_DB`, then `store:` in the configuration file, then the default
/// (`StoreLocation.resolve`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("The heapsight database: a SQLite file or postgres://USER@HOST:PORT/DB?sslmode=MODE (default: $\(StoreLocation.environmentVariable), else store: in the configuration file, else \(StoreLocation.defaultPath)).",
                               valueName: "FILE|URL"))
    var given: String?

    /// The store to use, with `configPath` (`--config`) or else `heapsight.yml` in the first of
    /// `roots` as the configuration file that may name it.
    func location(config configPath: String?, roots: [String] = []) throws -> StoreLocation {
        do {
            return try StoreLocation.resolve(flag: given, configPath: configPath, roots: roots)
        } catch let error as StoreLocationError {
            throw fail(error.description)
        }
    }
}

/// The store options of the commands that read the history and take no configuration file of
/// their own: `--db`, and `--config` for the file whose `store:` names the store.
struct HistoryStoreOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Configuration file whose store: names the database (default: heapsight.yml in the current folder when present).", valueName: "FILE"))
    var config: String?

    /// The store to use.
    func location() throws -> StoreLocation { try store.location(config: config) }
}

/// `--quiet`: suppresses progress and summaries.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("quiet"), help: "Print only errors (and the run id for scan).")
    var quiet: Bool = false
}

/// Reports an operational error the way every command does: `heapsight: error: MESSAGE` on
/// stderr, then exit code 2.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("heapsight: error: \(message)\n".utf8))
    return ExitCode(2)
}

/// Runs a command body, turning any thrown error that is not already an exit into exit code 2
/// with its description.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CleanExit {
        throw error
    } catch {
        throw fail(String(describing: error))
    }
}

/// The options `scan` and `check` share to describe a scan: what to scan, with which
/// configuration, label, parallelism and engine, and where to record it.
struct ScanOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Directories or .go files to scan.", valueName: "PATH"))
    var paths: [String] = ["."]

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Configuration file (default: heapsight.yml in the first PATH when present).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("A label for this run, e.g. nightly or pr-123.", valueName: "L"))
    var label: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Packages analysed in parallel.", valueName: "N"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Engine for compiler decisions (gc or native); overrides the config.", valueName: "ENGINE"))
    var engine: EngineKind?

    @Option(name: .customLong("profile"),
            help: ArgumentHelp("A Go pprof profile (heap/allocs or CPU) to attribute to the scanned source; repeatable.", valueName: "FILE"))
    var profiles: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// The store these options name (`--db`, `HEAPSIGHT_DB`, `store:` of the scan's configuration).
    func storeLocation() throws -> StoreLocation { try store.location(config: config, roots: paths) }

    /// The scan these options describe.
    func request(includeTests: Bool = false, progress: (@Sendable (String) -> Void)? = nil) throws -> ScanRequest {
        let store = try storeLocation()
        var request = ScanRequest(paths: paths, dbPath: store.location, createDatabaseDirectory: store.mayCreateFolder, configPath: config,
                                  label: label, jobs: jobs, includeTests: includeTests, engine: engine, quiet: output.quiet,
                                  progress: progress)
        request.profiles = profiles
        // A command ends with its scan's process.
        request.processExitsAfterScan = true
        return request
    }
}
