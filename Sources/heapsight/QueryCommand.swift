import ArgumentParser
import FactStore
import Foundation

/// `heapsight query`: runs one read-only SQL statement against the store.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a read-only SQL query against the store and print the rows as TSV.",
        discussion: """
        The database is opened read-only: a statement that would change it is refused with exit \
        status 2 and nothing changes. Tables: runs, packages, files, functions, facts, diagnostics, \
        function_metrics, package_metrics (see docs/schema.md).
        """)

    @OptionGroup var store: HistoryStoreOptions

    @Argument(help: ArgumentHelp("The SQL statement.", valueName: "SQL"))
    var sql: String

    @Flag(help: "Print a header line with the column names.")
    var header: Bool = false

    func run() throws {
        try runReportingErrors {
            let db = try StoreAccess.openForReading(try store.location())
            let result: QueryResult
            do { result = try db.query(sql) } catch let e as FactStoreError { throw fail(e.description) }
            var out = ""
            // Stored text may hold control characters: escaped, so a value is one TSV field and
            // never drives the terminal (`\t`, `\n`, `\xNN`; see TerminalText).
            if header { out += result.columns.map(TerminalText.escaped).joined(separator: "\t") + "\n" }
            for row in result.rows {
                out += row.map { $0.map(TerminalText.escaped) ?? "NULL" }.joined(separator: "\t") + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
