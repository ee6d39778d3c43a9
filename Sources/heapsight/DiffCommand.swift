import ArgumentParser
import FactStore
import Foundation

/// `heapsight diff A B`: facts that appeared and disappeared between two runs, per function.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the facts that appeared and disappeared between two runs, grouped by function.",
        discussion: """
        A and B are run numbers, `latest`, labels, branches (the newest run on it) or commit \
        prefixes. Facts are matched by enclosing function id, kind, subject and detail — not by \
        position — so moving code or reformatting a file gives an empty diff.
        """)

    @OptionGroup var store: HistoryStoreOptions

    @Argument(help: "The base run.")
    var base: String

    @Argument(help: "The run to compare with the base.")
    var head: String = "latest"

    @Option(help: ArgumentHelp("Output format.", valueName: "text|tsv|json"))
    var format: DiffFormat = .text

    @Flag(name: .customLong("include-external"), help: "Also compare facts outside the scanned tree.")
    var includeExternal = false

    @Flag(name: .customLong("exit-code"), help: "Exit with 1 when facts appeared or disappeared.")
    var exitCode = false

    func run() throws {
        var changed = false
        try runReportingErrors {
            let db = try StoreAccess.openForReading(try store.location())
            let diff = try db.diff(base: try db.resolveRun(base), head: try db.resolveRun(head),
                                   includeExternal: includeExternal)
            print(format.render(diff), terminator: "")
            changed = !diff.isEmpty
        }
        if exitCode && changed { throw ExitCode(1) }
    }
}

extension DiffFormat: ExpressibleByArgument {}
