import ArgumentParser
import Driver
import Foundation
import PassKit

/// `heapsight passes`: lists the passes with their docs, fact kinds and config keys.
struct PassesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passes",
        abstract: "List the analysis passes, the facts they emit and their config keys.")

    @Option(help: ArgumentHelp("Also list the external passes configured in this heapsight.yml.", valueName: "FILE"))
    var config: String?

    func run() throws {
        try runReportingErrors {
            var plugins: [AnyPass] = []
            if let config {
                let loaded = try Configuration.load(path: config)
                try loaded.validate(passes: PassCatalog.builtIn)
                let base = (config as NSString).deletingLastPathComponent
                plugins = loaded.plugins.map { ExternalPass.pass($0, baseDirectory: base.isEmpty ? "." : base, requires: []) }
            }
            let registry = try PassRegistry(PassCatalog.builtIn + plugins)
            var out = ""
            for pass in registry.ordered {
                out += pass.name + "\n"
                out += "  \(pass.doc)\n"
                if !pass.requires.isEmpty { out += "  requires: \(pass.requires.joined(separator: ", "))\n" }
                if case .engines(let engines) = pass.engines {
                    out += "  engines: \(EngineKind.allCases.filter(engines.contains).map(\.rawValue).joined(separator: ", "))\n"
                }
                if !pass.factKinds.isEmpty {
                    out += "  facts: \(pass.factKinds.map(\.rawValue).joined(separator: ", "))\n"
                }
                for key in pass.configKeys {
                    out += "  passes.\(pass.name).\(key.name) (default \(key.defaultValue)): \(key.doc)\n"
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
