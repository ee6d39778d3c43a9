import Foundation

/// Renders violations as a GitLab Code Quality report: a JSON array of issues, each with the
/// fields GitLab documents as required — `description`, `check_name`, `fingerprint`,
/// `severity` (`info`, `minor`, `major`, `critical`, `blocker`), `location.path` and
/// `location.lines.begin` — plus `type` and `categories` from the Code Climate spec it extends.
/// Like SARIF it holds violations only, never every fact.
///
/// The fingerprint is SARIF's (package, function, subject, rule — no line), so an issue keeps
/// its identity when code moves; violations that share all four get their occurrence number
/// mixed in, because GitLab requires fingerprints to be unique within a report.
public struct CodeQualityRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// One issue, in GitLab's field names.
    struct Issue: Encodable {
        struct Lines: Encodable { let begin: Int }
        struct Location: Encodable { let path: String; let lines: Lines }
        let type = "issue"
        let description: String
        let check_name: String
        let fingerprint: String
        let severity: String
        let categories: [String]
        let location: Location
    }

    /// The severity of a rule: a package that could not be analysed is critical (nothing in it
    /// was checked), a misspelled directive minor, every other violation major.
    public static func severity(rule: String) -> String {
        switch rule {
        case RuleCatalog.packageFailed.id: return "critical"
        case RuleCatalog.directiveInvalid.id: return "minor"
        default: return "major"
        }
    }

    /// The report (ends with a newline).
    public func render(_ model: ReportModel) -> String {
        var seen: [String: Int] = [:]
        let issues = (model.evaluation?.violations ?? []).map { v -> Issue in
            let base = SARIFRenderer.fingerprint(v)
            let n = seen[base, default: 0]
            seen[base] = n + 1
            let fingerprint = n == 0 ? base : SARIFRenderer.fingerprint(
                Violation(rule: v.rule, package: v.package, function: v.function, subject: "\(v.subject)\u{0}\(n)", message: ""))
            let path = v.file.isEmpty ? v.package : (v.file.hasPrefix("./") ? String(v.file.dropFirst(2)) : v.file)
            return Issue(description: "[\(v.rule)] \(XMLText.oneLine(v.message))", check_name: v.rule, fingerprint: fingerprint,
                         severity: Self.severity(rule: v.rule), categories: ["Performance"],
                         location: Issue.Location(path: path, lines: Issue.Lines(begin: max(v.line, 1))))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(issues)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
