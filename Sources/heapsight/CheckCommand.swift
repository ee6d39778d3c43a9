import ArgumentParser
import Driver
import Foundation
import PassKit
import Reports
import FactStore

/// `heapsight check`: scan, evaluate the policy, write JUnit/SARIF/HTML, exit 1 on violations.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan, check the policy (budgets, directives, regressions) and write reports.",
        discussion: """
        Writes the formats listed under report.formats (default junit.xml, heapsight.sarif and \
        index.html) into report.output (default reports/). Exit code 1 when a rule is violated, \
        including a directive that is misspelled or misplaced and a package that failed to analyse.
        """)

    @OptionGroup var scan: ScanOptions

    @Option(help: ArgumentHelp("Baseline run for regression rules: a run id, a label, a branch or `latest`.", valueName: "RUN|LABEL|BRANCH"))
    var baseline: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the report files (default: report.output, reports).", valueName: "DIR"))
    var out: String?

    func run() throws {
        var failed = false
        try runReportingErrors {
            // Resolve the baseline before scanning: the new run must not become its own baseline.
            // A store with no history yet (an absent file, an absent or empty database) leaves it
            // to the check to report the missing baseline.
            let request = try scan.request()
            var baselineRef = baseline
            if let b = baseline, let s = try StoreAccess.openIfRecorded(request.dbPath) {
                baselineRef = String(try s.resolveRun(b))
            }
            let outcome = try runCheck(CheckRequest(scan: request, baseline: baselineRef, output: out))
            failed = outcome.failed
            if !scan.output.quiet {
                print(TextRenderer().render(outcome.model), terminator: "")
                for path in outcome.written { print("wrote \(path)") }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
