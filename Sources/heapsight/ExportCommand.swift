import ArgumentParser
import FactStore
import Foundation

/// `heapsight export`: prints a run's facts in the stable TSV or JSON form.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a run's facts (path, line, column, kind, subject, detail), sorted.",
        discussion: """
        TSV lines are `path<TAB>line<TAB>col<TAB>kind<TAB>subject<TAB>detail`, sorted by file, line, \
        column, kind; identical input gives byte-identical output. Facts outside the scanned tree \
        (standard library, generated wrappers) are left out unless --include-external.
        """)

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @OptionGroup var store: HistoryStoreOptions

    @Option(name: .customLong("run"), help: ArgumentHelp("Run id, label, branch or `latest`.", valueName: "N"))
    var runReference: String = "latest"

    @Option(help: "Output format: tsv or json.")
    var format: Format = .tsv

    @Flag(help: "Include facts about code outside the scanned tree.")
    var includeExternal: Bool = false

    func run() throws {
        try runReportingErrors {
            let db = try StoreAccess.openForReading(try store.location())
            let id: Int64
            do { id = try db.resolveRun(runReference) } catch let e as FactStoreError { throw fail(e.description) }
            let text = format == .tsv ? try db.exportTSV(run: id, includeExternal: includeExternal)
                                      : try db.exportJSON(run: id, includeExternal: includeExternal)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
