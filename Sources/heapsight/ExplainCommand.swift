import ArgumentParser
import Driver
import FactStore
import Foundation
import Reports

/// `heapsight explain`: one function's decisions in the terminal.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one function's decisions: heap sites with why, remedy and profile weight, inlining, baseline change.",
        discussion: """
        TARGET is a function id (example.com/m.(*T).M), a name within its package ((*T).M), a \
        glob over function ids (example.com/m.Parse*), or FILE:LINE (the function containing \
        that line). Reads the stored run; nothing is scanned. Exit code 2 when nothing matches.
        """)

    @Argument(help: ArgumentHelp("Function id, short name, glob, or FILE:LINE.", valueName: "TARGET"))
    var target: String

    @Option(name: .customLong("run"), help: ArgumentHelp("The run: an id, a label, a branch or `latest`.", valueName: "RUN"))
    var runRef: String = "latest"

    @Option(help: ArgumentHelp("Baseline run to show the change against.", valueName: "RUN|LABEL|BRANCH"))
    var baseline: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "FORMAT"))
    var format: String = "text"

    @Option(help: ArgumentHelp("Configuration file (for the inlining budget).", valueName: "FILE"))
    var config: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json, not '\(format)'") }
    }

    func run() throws {
        try runReportingErrors {
            let s = try StoreAccess.openForReading(try store.location(config: config))
            let id = try s.resolveRun(runRef)
            let roots = try s.run(id: id)?.record.roots ?? []
            let settings = try CheckSettings.discover(configPath: config, roots: roots)
            let model = try EvaluatedReport.build(store: s, run: id, baseline: baseline, settings: settings)
            let chosen = ExplainTarget(target).select(from: model.functions)
            guard !chosen.isEmpty else {
                throw ExplainError("no function of run \(id) matches `\(target)`; give a function id "
                                   + "(heapsight query \"select function_id from functions where run_id = \(id)\"), a glob or FILE:LINE")
            }
            let explanations = chosen.map { FunctionExplanation($0, model: model) }
            let renderer = ExplainRenderer()
            print(format == "json" ? renderer.json(explanations) : renderer.text(explanations), terminator: "")
        }
    }
}

/// `explain` found nothing to explain.
struct ExplainError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
