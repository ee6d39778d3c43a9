import Foundation
import PassKit
#if canImport(Glibc)
import Glibc
#endif

/// One invocation of an external pass on one package.
struct ExternalPassRun {
    let name: String
    let command: [String]
    /// The working directory of the plugin process (the configuration file's directory).
    let directory: String
    let timeout: Double
    let settings: [String: String]

    /// Facts and diagnostics from a successful run.
    struct Output {
        var facts: [Fact]
        var diagnostics: [Diagnostic]
    }

    func run(_ context: PassContext) throws -> Output {
        let request = try makeRequest(context)
        let result = try launch(input: request)
        return try interpret(result, context: context)
    }

    private func makeRequest(_ context: PassContext) throws -> Data {
        let pkg = context.package
        let request = PluginRequest(
            protocol: ExternalPass.protocolVersion, pass: name, engine: context.engine.rawValue,
            settings: settings,
            package: PluginPackage(importPath: pkg.importPath, name: pkg.name, directory: pkg.directory,
                                   goVersion: pkg.goVersion, isStandard: pkg.isStandard,
                                   files: pkg.files.map { PluginFile(path: $0.path, absolutePath: $0.absolutePath,
                                                                     text: String(decoding: $0.bytes, as: UTF8.self)) }),
            functions: context.functionsSoFar, facts: context.factsSoFar)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(request)
    }

    private func launch(input: Data) throws -> PluginProcess.Result {
        do {
            return try PluginProcess.run(command, directory: directory, input: input, timeout: timeout)
        } catch let error as PluginProcess.StartError {
            throw ExternalPassError(pass: name, message: "cannot start `\(command[0])`: \(error.reason); check `plugins` in heapsight.yml",
                                    stopsThePlugin: true)
        }
    }

    private func interpret(_ r: PluginProcess.Result, context: PassContext) throws -> Output {
        let pkg = context.package.importPath
        if r.timedOut {
            throw ExternalPassError(pass: name, message: "gave no answer within \(formatSeconds(timeout)) on package \(pkg) and was stopped (raise plugins[].timeout in heapsight.yml if it needs longer)",
                                    stopsThePlugin: true)
        }
        if r.signaled || r.status != 0 {
            let how = r.signaled ? "was killed by signal \(r.status)" : "exited with status \(r.status)"
            throw ExternalPassError(pass: name, message: "\(how) on package \(pkg)\(stderrTail(r.stderr))")
        }
        let response: PluginResponse
        do {
            response = try JSONDecoder().decode(PluginResponse.self, from: r.stdout)
        } catch {
            let preview = String(decoding: r.stdout.prefix(60), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw ExternalPassError(pass: name, message: "answered on package \(pkg) with something that is not a protocol response (expected one JSON object, got \(r.stdout.isEmpty ? "nothing" : "'\(preview)'"))")
        }
        guard response.protocol == ExternalPass.protocolVersion else {
            throw ExternalPassError(pass: name, message: "speaks protocol \(response.protocol); this heapsight speaks \(ExternalPass.protocolVersion)")
        }
        return validate(response, context: context)
    }

    /// Keeps the facts that name a known kind and one of the package's files; every dropped
    /// fact becomes a diagnostic.
    private func validate(_ response: PluginResponse, context: PassContext) -> Output {
        let files = Set(context.package.files.map(\.path))
        let source = "pass:\(name)"
        var facts: [Fact] = []
        var diagnostics: [Diagnostic] = []
        for f in response.facts ?? [] {
            guard let kind = FactKind(rawValue: f.kind) else {
                diagnostics.append(Diagnostic(severity: .warning, source: source, file: f.file, line: f.line, column: f.column,
                                              message: "fact dropped: unknown kind '\(f.kind)'", package: context.package.importPath))
                continue
            }
            guard files.contains(f.file), f.line >= 1, f.column >= 0 else {
                diagnostics.append(Diagnostic(severity: .warning, source: source, file: f.file, line: f.line, column: f.column,
                                              message: "fact dropped: position is not in a file of package \(context.package.importPath)",
                                              package: context.package.importPath))
                continue
            }
            facts.append(Fact(kind: kind, file: f.file, line: f.line, column: f.column, subject: f.subject,
                              detail: f.detail ?? "", explanation: (f.explanation ?? []) + ["reported by external pass \(name)"]))
        }
        for d in response.diagnostics ?? [] {
            let severity = Diagnostic.Severity(rawValue: d.severity ?? "warning") ?? .warning
            diagnostics.append(Diagnostic(severity: severity, source: source, file: d.file ?? "", line: d.line ?? 0,
                                          column: d.column ?? 0, message: d.message, package: context.package.importPath))
        }
        return Output(facts: facts, diagnostics: diagnostics)
    }

    private func stderrTail(_ data: Data) -> String {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(1)
        guard let last = lines.first else { return "" }
        return ": " + last.prefix(300)
    }

    private func formatSeconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }
}
