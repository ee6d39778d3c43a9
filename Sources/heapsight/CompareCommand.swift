import ArgumentParser
import FactStore
import Foundation
import GCEngine
import PassKit

/// `heapsight compare RUN_A RUN_B`: how well one run's facts agree with another's, per fact kind.
/// This is how the native engine is measured against the compiler (`gc`) run of the same tree.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the facts of two runs: counts, precision, recall and F1 per fact kind.",
        discussion: """
        RUN_B is taken as the truth. Facts are compared as a multiset on (path, line, column, \
        kind, subject, detail): a fact the compiler printed twice must be found twice. Facts \
        outside the scanned tree are left out unless --include-external is given.
        """)

    @OptionGroup var store: HistoryStoreOptions

    @Argument(help: "The run to judge (a run number, `latest`, a label, a branch or a commit prefix).")
    var runA: String

    @Argument(help: "The run taken as the truth.")
    var runB: String

    @Option(name: .customLong("limit"), parsing: .unconditional, help: "How many disagreements to list.")
    var limit: Int = 50

    @Option(name: .customLong("kind"), help: "Compare only these fact kinds (repeatable).")
    var kinds: [String] = []

    @Flag(name: .customLong("include-external"), help: "Also compare facts outside the scanned tree.")
    var includeExternal = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        try runReportingErrors {
            let db = try StoreAccess.openForReading(try store.location())
            let a = try db.resolveRun(runA)
            let b = try db.resolveRun(runB)
            let wanted = Set(kinds)
            for kind in wanted where FactKind(rawValue: kind) == nil {
                throw fail("unknown fact kind '\(kind)'; known kinds: \(FactKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            func load(_ id: Int64) throws -> [Fact] {
                let facts = try db.facts(run: id, includeExternal: includeExternal)
                return wanted.isEmpty ? facts : facts.filter { wanted.contains($0.kind.rawValue) }
            }
            let comparison = FactComparison(a: try load(a), b: try load(b))
            print(comparison.report(labelA: "run \(a)", labelB: "run \(b)", limit: limit), terminator: "")
        }
    }
}
