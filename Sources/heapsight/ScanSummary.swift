import Driver
import FactStore
import Foundation
import PassKit

/// The few lines `heapsight scan` prints: counts, facts by kind, problems, time, run id.
struct ScanSummary {
    let outcome: ScanOutcome
    let dbPath: String

    func print(quiet: Bool) {
        // Run-wide notes (no GOROOT, a skipped engine) are said once; notes about single files
        // stay in the diagnostics table.
        for d in outcome.diagnostics where d.severity == .note && d.file.isEmpty && d.package == nil && !quiet {
            FileHandle.standardError.write(Data("heapsight: note: \(TerminalText.escaped(d.message))\n".utf8))
        }
        let problems = outcome.diagnostics.filter { $0.severity != .note }
        for d in problems.prefix(quiet ? 0 : 20) {
            // Messages and paths may come from plugins: printed escaped, one line each.
            let file = TerminalText.escaped(d.file)
            let place = d.file.isEmpty ? "" : (d.line > 0 ? "\(file):\(d.line):\(d.column > 0 ? "\(d.column):" : "") " : "\(file): ")
            FileHandle.standardError.write(Data("heapsight: \(d.severity.rawValue): \(place)\(TerminalText.escaped(d.message)) [\(TerminalText.escaped(d.source))]\n".utf8))
        }
        if !quiet && problems.count > 20 {
            FileHandle.standardError.write(Data("heapsight: ... and \(problems.count - 20) more diagnostics; see the diagnostics table\n".utf8))
        }
        if quiet {
            Swift.print("run \(outcome.runID)")
            return
        }
        Swift.print("packages   \(outcome.packageCount)\(outcome.failedPackages.isEmpty ? "" : " (\(outcome.failedPackages.count) with failed passes)")")
        Swift.print("files      \(outcome.fileCount)")
        Swift.print("functions  \(outcome.functionCount)")
        let kinds = outcome.factsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        Swift.print("facts      \(outcome.factCount)\(kinds.isEmpty ? "" : " (\(kinds))")")
        if !problems.isEmpty {
            let errors = problems.filter { $0.severity == .error }.count
            Swift.print("problems   \(errors) errors, \(problems.count - errors) warnings")
        }
        for p in outcome.profiles { Swift.print("profile    \(ProfileSummaryLine(p).text)") }
        for s in outcome.skipped { Swift.print("skipped    \(s)") }
        Swift.print("time       \(String(format: "%.2f", outcome.seconds))s")
        Swift.print("run \(outcome.runID) (\(outcome.status)) recorded in \(dbPath)")
    }
}
