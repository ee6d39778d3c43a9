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

    @Argument(help: ArgumentHelp("Directories or .go files to scan.", valueName: "PATH"))
    var paths: [String] = ["."]

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Configuration file (default: heapsight.yml in the first PATH when present).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Baseline run for regression rules: a run id, a label, a branch or `latest`.", valueName: "RUN|LABEL|BRANCH"))
    var baseline: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the report files (default: report.output, reports).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("A label for this run.", valueName: "L"))
    var label: String?

    @Option(help: ArgumentHelp("Packages analysed in parallel.", valueName: "N"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Engine for compiler decisions (gc or native); overrides the config.", valueName: "ENGINE"))
    var engine: EngineKind?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var failed = false
        try runReportingErrors {
            // Resolve the baseline before scanning: the new run must not become its own baseline.
            var baselineRef = baseline
            if let b = baseline, FileManager.default.fileExists(atPath: store.db) {
                let s = try FactStore.openReadOnly(path: store.db)
                baselineRef = String(try s.resolveRun(b))
            }
            let scan = ScanRequest(paths: paths, dbPath: store.db, createDatabaseDirectory: store.isDefault, configPath: config,
                                   label: label, jobs: jobs, engine: engine, quiet: output.quiet)
            let outcome = try runCheck(CheckRequest(scan: scan, baseline: baselineRef, output: out))
            failed = outcome.failed
            if !output.quiet {
                print(TextRenderer().render(outcome.model), terminator: "")
                for path in outcome.written { print("wrote \(path)") }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
