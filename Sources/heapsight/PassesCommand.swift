import ArgumentParser
import Driver
import PassKit

/// `heapsight passes`: lists the built-in passes with their docs, fact kinds and config keys.
struct PassesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passes",
        abstract: "List the analysis passes, the facts they emit and their config keys.")

    func run() throws {
        try runReportingErrors {
            let registry = try PassRegistry(PassCatalog.builtIn)
            for pass in registry.ordered {
                print(pass.name)
                print("  \(pass.doc)")
                if !pass.requires.isEmpty { print("  requires: \(pass.requires.joined(separator: ", "))") }
                if !pass.factKinds.isEmpty {
                    print("  facts: \(pass.factKinds.map(\.rawValue).joined(separator: ", "))")
                }
                for key in pass.configKeys {
                    print("  passes.\(pass.name).\(key.name) (default \(key.defaultValue)): \(key.doc)")
                }
            }
        }
    }
}
