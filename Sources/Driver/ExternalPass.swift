import Foundation
import GoLoader
import PassKit

/// An external pass: an executable speaking the JSON protocol of `docs/plugin-protocol.md` over
/// stdin/stdout, one process per package. A plugin that crashes, hangs or answers garbage fails
/// with an `ExternalPassError`; the driver records it and goes on.
public enum ExternalPass {
    /// The protocol version this driver speaks.
    public static let protocolVersion = 1

    /// The pass form of a configured plugin. `baseDirectory` resolves a relative executable.
    /// `requires` names the passes whose facts and functions it should receive (normally
    /// `functions`, when that pass is enabled).
    public static func pass(_ plugin: Configuration.PluginSettings, baseDirectory: String,
                            requires: [String] = ["functions"]) -> AnyPass {
        var command = plugin.command
        if let exe = command.first {
            if exe.contains("/") {
                if !exe.hasPrefix("/") { command[0] = normalizedJoin(baseDirectory, exe) }
            } else if let found = GoRootLocator.findExecutable(exe, environment: ProcessInfo.processInfo.environment) {
                command[0] = found
            }
        }
        let doc = plugin.doc.isEmpty ? "External pass `\(plugin.command.joined(separator: " "))`." : plugin.doc
        let frozen = command
        return PassDescriptor<Int>(name: plugin.name, doc: doc, requires: requires) { context in
            let output = try ExternalPassRun(name: plugin.name, command: frozen, directory: baseDirectory,
                                             timeout: plugin.timeout, settings: plugin.settings).run(context)
            return PassOutput(result: output.facts.count, facts: output.facts, diagnostics: output.diagnostics)
        }.erased
    }

    static func normalizedJoin(_ base: String, _ relative: String) -> String {
        var parts: [Substring] = []
        for part in (base + "/" + relative).split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// Why an external pass failed on a package; the message says what the plugin did.
public struct ExternalPassError: Error, CustomStringConvertible {
    /// The pass name.
    public let pass: String
    /// What went wrong.
    public let message: String
    public var description: String { "external pass \(pass): \(message)" }
}
