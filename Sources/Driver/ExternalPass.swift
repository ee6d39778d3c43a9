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
        let health = PluginHealth()
        return PassDescriptor<Int>(name: plugin.name, doc: doc, requires: requires.map(PassDependency.named)) { context in
            if let reason = health.stopReason {
                throw ExternalPassError(pass: plugin.name, message: "not run on package \(context.package.importPath): \(reason)")
            }
            do {
                let output = try ExternalPassRun(name: plugin.name, command: frozen, directory: baseDirectory,
                                                 timeout: plugin.timeout, settings: plugin.settings).run(context)
                return PassOutput(result: output.facts.count, facts: output.facts, diagnostics: output.diagnostics)
            } catch let error as ExternalPassError where error.stopsThePlugin {
                health.stop("earlier in this run it \(error.message)")
                throw error
            }
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
    /// True when the failure will repeat on every package (the plugin hangs or cannot start),
    /// so the plugin is not run on the remaining packages of the scan.
    public var stopsThePlugin = false
    public var description: String { "external pass \(pass): \(message)" }
}

/// Whether a plugin is still worth running in this scan. A plugin that hangs would otherwise
/// cost its timeout on every package (hours on a large tree); after it hangs once, or cannot be
/// started, the remaining packages fail at once with a message that names the first failure.
final class PluginHealth: @unchecked Sendable {
    private let lock = NSLock()
    private var reason: String?

    /// Why the plugin is no longer run, if it is not.
    var stopReason: String? {
        lock.lock()
        defer { lock.unlock() }
        return reason
    }

    /// Stops the plugin for the rest of the scan (the first reason wins).
    func stop(_ why: String) {
        lock.lock()
        if reason == nil { reason = why }
        lock.unlock()
    }
}
