import ArgumentParser
import FactStore
import Foundation

/// `heapsight trend`: one metric over the recorded runs, with the change per row.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Show a metric across runs (or commits, or days), with the change per row.",
        discussion: """
        Metrics: \(TrendMetric.allCases.map(\.rawValue).joined(separator: ", ")). \
        Definitions are in docs/schema.md (heap sites are `alloc` facts placed on the heap, or \
        escapes + moved-to-heap when a run has no `alloc` facts). Globs use * ? [...] and are \
        case-sensitive. Runs whose status is `failed` are left out.
        """)

    @OptionGroup var store: HistoryStoreOptions

    @Option(help: ArgumentHelp("The metric to follow.", valueName: "METRIC"))
    var metric: TrendMetric = .heapSites

    @Option(help: ArgumentHelp("Only packages whose import path matches.", valueName: "GLOB"))
    var package: String?

    @Option(help: ArgumentHelp("Only functions whose id matches (`example.com/m.(*T).*`).", valueName: "GLOB"))
    var function: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Show only the last N rows.", valueName: "N"))
    var last: Int?

    @Option(help: ArgumentHelp("One row per run, commit or day.", valueName: "run|commit|day"))
    var by: TrendGrouping = .run

    @Option(help: ArgumentHelp("Output format.", valueName: "table|csv|json"))
    var format: TrendFormat = .table

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let db = try StoreAccess.openForReading(try store.location())
            let query = TrendQuery(metric: metric, packageGlob: package, functionGlob: function, last: last, grouping: by)
            print(format.render(try db.trend(query), query: query), terminator: "")
        }
    }
}

extension TrendMetric: ExpressibleByArgument {}
extension TrendGrouping: ExpressibleByArgument {}
extension TrendFormat: ExpressibleByArgument {}
