import ArgumentParser
import Driver
import FactStore
import Foundation
import Reports

/// `heapsight report`: renders any stored run as JUnit, SARIF, HTML or text.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a stored run as JUnit XML, SARIF, HTML or text.",
        discussion: "The policy from the configuration is evaluated on the stored run; the exit code is 0 even when rules are violated (use `check` to gate).")

    @Option(help: ArgumentHelp("junit, junit-strict, sarif, html, text, codequality or markdown.", valueName: "FORMAT"))
    var format: String = "text"

    @Option(name: .customLong("run"), help: ArgumentHelp("The run: an id, a label, a branch or `latest`.", valueName: "RUN"))
    var runRef: String = "latest"

    @Option(help: ArgumentHelp("Baseline run for the diff and regression rules.", valueName: "RUN|LABEL|BRANCH"))
    var baseline: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "PATH"))
    var output: String?

    @Option(help: ArgumentHelp("Configuration file for the policy and report options.", valueName: "FILE"))
    var config: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ["junit", "junit-strict", "junit-extended", "sarif", "html", "text", "codequality", "markdown"].contains(format) else {
            throw ValidationError("--format must be junit, junit-strict, sarif, html, text, codequality or markdown, not '\(format)'")
        }
    }

    func run() throws {
        try runReportingErrors {
            let s = try StoreAccess.openForReading(try store.location(config: config))
            let id = try s.resolveRun(runRef)
            let roots = try s.run(id: id)?.record.roots ?? []
            var settings = try CheckSettings.discover(configPath: config, roots: roots)
            let fmt: ReportFormat
            switch format {
            case "junit-strict": fmt = .junit; settings.report.junit = "strict"
            case "junit-extended": fmt = .junit; settings.report.junit = "extended"
            default: fmt = ReportFormat(rawValue: format)!
            }
            let model = try EvaluatedReport.build(store: s, run: id, baseline: baseline, settings: settings)
            let text = fmt.render(model, junit: JUnitRenderer.Flavour(rawValue: settings.report.junit) ?? .extended,
                                  almostInlinableMargin: settings.report.almostInlinableMargin)
            if let output {
                let dir = (output as NSString).deletingLastPathComponent
                if !dir.isEmpty { try OutputFile.makeFolder(dir, for: output) }
                try OutputFile.write(Data(text.utf8), to: output)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
