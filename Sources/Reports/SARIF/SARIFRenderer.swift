import Foundation

/// Renders policy violations as SARIF 2.1.0 for GitHub code scanning and SonarQube.
///
/// Only violations become results, never plain facts. Each result has the stable rule id, a
/// one-line message, a location with a URI relative to the scanned root (`%SRCROOT%`) and a
/// 1-based start line and byte column, a logical location naming the function, a
/// `partialFingerprints` entry hashed from package + function + subject + rule (no line, so it
/// survives edits above the code), and for escapes the flow as a `codeFlows` entry. A rule that
/// could not be evaluated is an `error` result too, with `properties.notEvaluated = true` and a
/// message that starts with what could not be evaluated and why.
public struct SARIFRenderer: Sendable {
    /// The key heapsight uses in `partialFingerprints`.
    public static let fingerprintKey = "heapsight/v1"

    /// Creates a renderer.
    public init() {}

    /// The SARIF log as pretty-printed JSON with sorted keys.
    public func render(_ model: ReportModel) -> String {
        let rules = RuleCatalog.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let violations = (model.evaluation?.violations ?? []).sorted {
            ($0.file, $0.line, $0.column, $0.rule, $0.subject) < ($1.file, $1.line, $1.column, $1.rule, $1.subject)
        }
        let results = violations.map { v -> SARIF.Result in
            let physical = SARIFRenderer.physical(file: v.file, line: v.line, column: v.column)
            let logical = v.function.map { [SARIF.LogicalLocation(fullyQualifiedName: $0, kind: "function")] }
            var flows: [SARIF.CodeFlow]?
            let steps = v.flow.filter { !$0.file.isEmpty && $0.line > 0 }
            if !steps.isEmpty {
                let locs = steps.map {
                    SARIF.ThreadFlowLocation(location: SARIF.Location(
                        physicalLocation: SARIFRenderer.physical(file: $0.file, line: $0.line, column: $0.column),
                        logicalLocations: nil, message: SARIF.Message(text: XMLText.oneLine($0.message))))
                }
                flows = [SARIF.CodeFlow(message: SARIF.Message(text: "How \(XMLText.oneLine(v.subject)) reaches the heap"),
                                        threadFlows: [SARIF.ThreadFlow(locations: locs)])]
            }
            let text = ([XMLText.oneLine(v.message)] + v.details.map { XMLText.oneLine($0) }).joined(separator: "\n")
            return SARIF.Result(
                ruleId: v.rule, ruleIndex: ruleIndex[v.rule] ?? 0, level: "error",
                message: SARIF.Message(text: text),
                locations: [SARIF.Location(physicalLocation: physical, logicalLocations: logical, message: nil)],
                partialFingerprints: [SARIFRenderer.fingerprintKey: SARIFRenderer.fingerprint(v)],
                codeFlows: flows, properties: v.notEvaluated ? ["notEvaluated": true] : nil)
        }
        let descriptors = rules.map {
            SARIF.ReportingDescriptor(id: $0.id, name: $0.name,
                                      shortDescription: SARIF.Message(text: $0.shortDescription),
                                      fullDescription: SARIF.Message(text: $0.fullDescription),
                                      help: SARIF.Message(text: $0.fullDescription),
                                      defaultConfiguration: SARIF.Configuration(level: "error"))
        }
        var props = [
            "engine": model.run.engine, "goVersion": model.run.goVersion ?? "unknown",
            "goos": model.run.goos, "goarch": model.run.goarch, "run": String(model.run.id),
        ]
        if let c = model.run.gitCommit { props["commit"] = c }
        if let b = model.baseline?.baseline { props["baselineRun"] = String(b.id) }
        let run = SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(name: "heapsight", version: model.run.toolVersion,
                                                  informationUri: "https://github.com/heapsight/heapsight",
                                                  rules: descriptors)),
            automationDetails: SARIF.AutomationDetails(id: "heapsight/"),
            originalUriBaseIds: ["%SRCROOT%": SARIF.ArtifactLocationDescription(
                description: SARIF.Message(text: "The scanned source root; URIs are relative to it."))],
            results: results, properties: props)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(SARIF.Log(runs: [run]))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func physical(file: String, line: Int, column: Int) -> SARIF.PhysicalLocation? {
        guard !file.isEmpty else { return nil }
        return SARIF.PhysicalLocation(
            artifactLocation: SARIF.ArtifactLocation(uri: uri(file), uriBaseId: "%SRCROOT%"),
            region: line > 0 ? SARIF.Region(startLine: line, startColumn: column > 0 ? column : nil) : nil)
    }

    /// A repo-relative URI reference: path segments percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":?#[]@!$&'()*+,;=%")
        let rel = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return rel.addingPercentEncoding(withAllowedCharacters: allowed) ?? rel
    }

    /// The stable fingerprint of a violation: FNV-1a 64 of package, function, subject and rule.
    public static func fingerprint(_ v: Violation) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [v.package, v.function ?? "", v.subject, v.rule] {
            for byte in part.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
