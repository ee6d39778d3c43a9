import ArgumentParser
import Driver
import Foundation
import PassKit

/// `--db FILE|URL`: the store every command that reads or writes facts uses, a SQLite file or a
/// PostgreSQL database (`postgres://USER@HOST:PORT/DB?sslmode=MODE`); `HEAPSIGHT_DB` when
/// `--db` is not given.
struct StoreOptions: ParsableArguments {
    /// The default store location, relative to the current directory.
    static let defaultPath = "reports/heapsight.db"
    /// The environment variable that names the store when `--db` is not given.
    static let environmentVariable = "HEAPSIGHT_DB"

    @Option(name: .customLong("db"),
            help: ArgumentHelp("The heapsight database: a SQLite file or postgres://USER@HOST:PORT/DB?sslmode=MODE (default: $HEAPSIGHT_DB, else \(StoreOptions.defaultPath)).",
                               valueName: "FILE|URL"))
    var given: String?

    /// The store location: `--db`, else `HEAPSIGHT_DB`, else the default file.
    var db: String {
        given ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.defaultPath
    }

    /// True when neither `--db` nor `HEAPSIGHT_DB` chose the store.
    var isDefault: Bool { db == StoreOptions.defaultPath }
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

    /// The scan these options describe.
    func request(includeTests: Bool = false, progress: (@Sendable (String) -> Void)? = nil) -> ScanRequest {
        var request = ScanRequest(paths: paths, dbPath: store.db, createDatabaseDirectory: store.isDefault, configPath: config,
                                  label: label, jobs: jobs, includeTests: includeTests, engine: engine, quiet: output.quiet,
                                  progress: progress)
        request.profiles = profiles
        return request
    }
}
