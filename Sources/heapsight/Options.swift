import ArgumentParser
import Foundation

/// `--db FILE`: the SQLite store every command that reads or writes facts uses.
struct StoreOptions: ParsableArguments {
    /// The default store location, relative to the current directory.
    static let defaultPath = "reports/heapsight.db"

    @Option(name: .customLong("db"), help: ArgumentHelp("The heapsight database.", valueName: "FILE"))
    var db: String = StoreOptions.defaultPath

    /// True when the user did not pass `--db`.
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
