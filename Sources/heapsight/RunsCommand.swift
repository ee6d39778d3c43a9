import ArgumentParser
import FactStore
import Foundation

/// `heapsight runs`: lists the recorded runs, newest last.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the recorded runs with their engine, commit, label and counts.")

    @OptionGroup var store: HistoryStoreOptions

    func run() throws {
        try runReportingErrors {
            let db = try StoreAccess.openForReading(try store.location())
            let runs = try db.runs()
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            var rows = [["ID", "STARTED", "STATUS", "ENGINE", "COMMIT", "LABEL", "PACKAGES", "FUNCTIONS", "FACTS"]]
            for r in runs {
                let commit = r.record.gitCommit.map { String($0.prefix(10)) + (r.record.gitDirty == true ? "+" : "") } ?? "-"
                rows.append(["\(r.id)", formatter.string(from: r.record.startedAt), r.record.status, r.record.engine,
                             commit, r.record.label.map(TerminalText.escaped) ?? "-", "\(r.packageCount)", "\(r.functionCount)", "\(r.factCount)"])
            }
            if runs.isEmpty {
                print("no runs recorded in \(db.path); run `heapsight scan` first")
                return
            }
            print(TextTable.render(rows), terminator: "")
        }
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += i == row.count - 1 ? cell : cell.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0)
            }
            out += line + "\n"
        }
        return out
    }
}
