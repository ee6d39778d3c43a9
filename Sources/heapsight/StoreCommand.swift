import ArgumentParser
import FactStore
import Foundation

/// `heapsight store`: operations on whole stores.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Operations on whole stores (copy between SQLite files and PostgreSQL databases).",
        subcommands: [StoreCopyCommand.self])
}

/// `heapsight store copy --from A --to B`: copies the runs of one store into another.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every run of one store into another, skipping runs already there.",
        discussion: """
            Either side is a SQLite file or postgres://USER@HOST:PORT/DB?sslmode=MODE (passwords from \
            PGPASSWORD or ~/.pgpass). The destination is created when missing. A run keeps its number \
            unless the destination already handed out that number or a higher one.
            """)

    @Option(help: ArgumentHelp("The store to copy from (read only).", valueName: "FILE|URL"))
    var from: String

    @Option(help: ArgumentHelp("The store to copy into.", valueName: "FILE|URL"))
    var to: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors {
            let source: FactStore, destination: FactStore
            do {
                source = try FactStore.openReadOnly(path: from)
                destination = try FactStore.open(path: to)
            } catch let error as FactStoreError {
                throw fail(error.description)
            }
            let quiet = output.quiet
            let outcome = try StoreCopy.run(from: source, to: destination, progress: { if !quiet { print($0) } })
            print("copied \(outcome.copied.count) \(outcome.copied.count == 1 ? "run" : "runs")"
                  + "\(RunList.describe(outcome.copied.map(\.source))), skipped \(outcome.skipped.count) already present")
        }
    }
}
