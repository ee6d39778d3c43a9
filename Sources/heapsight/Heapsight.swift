import ArgumentParser
import Driver
import Foundation
import GoLoader

/// The `heapsight` command: scans Go source trees, keeps every fact in SQLite, renders reports.
@main
struct Heapsight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heapsight",
        abstract: "Where Go code allocates memory, and why.",
        discussion: """
        heapsight scans Go source trees, records every function and every compiler decision \
        (inlining, escape, heap allocation) in a SQLite store across runs, and renders reports.
        Exit codes: 0 success, 1 findings that fail a policy, 2 usage or operational error.
        """,
        version: ToolVersion.current,
        subcommands: [
            ScanCommand.self,
            RunsCommand.self,
            ExportCommand.self,
            QueryCommand.self,
            PassesCommand.self,
            CompareCommand.self,
            TrendCommand.self,
            DiffCommand.self,
            PruneCommand.self,
            BackfillCommand.self,
            StoreCommand.self,
            CheckCommand.self,
            ReportCommand.self,
            ExplainCommand.self,
            ParseCommand.self,
            TypecheckCommand.self,
            IRCommand.self,
        ]
    )

    /// Parses and runs a command, mapping every usage error to exit code 2 (ArgumentParser's
    /// default is 64) and every uncaught error to exit code 2 with `heapsight: error:`.
    static func main() {
        // An interrupt removes what the run made (temporary folders, backfill worktrees,
        // plugin process groups) before exiting with 130 (SIGINT) or 143 (SIGTERM).
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            let code = exitCode(for: error)
            if code == .success { Self.exit(withError: error) }
            // Usage errors start like every other error, so the first line always says what failed.
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message = "heapsight: error: " + message.dropFirst("Error: ".count) }
            FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            Self.exit(withError: ExitCode(2))
        }
    }
}
