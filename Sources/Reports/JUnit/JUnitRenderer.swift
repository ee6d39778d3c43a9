import Foundation

/// Renders a policy evaluation as JUnit XML.
///
/// Encoding (what Jenkins, GitLab, GitHub and Bitbucket read): a `testsuite` per package with
/// `tests`, `failures`, `errors` and `skipped`; a `testcase` per (function, check) named
/// `SHORTNAME RULE` (unique and stable: no line numbers); `failure@type` is the rule id,
/// `failure@message` one line, and the failure body repeats the message with the explanation.
/// A check whose rule could not be evaluated (its facts were not computed) is an `error` with
/// the same attributes, counted in `errors`.
/// `classname` is `heapsight.` followed by the import path with dots turned into `_`, because
/// Jenkins splits class names at the last dot. Properties carry the go version, GOOS/GOARCH,
/// commit, engine and baseline run.
///
/// `strict` validates against `config/junit-strict.xsd`; `extended` adds `file` and `line` to
/// each test case for GitLab and GitHub annotations.
public struct JUnitRenderer: Sendable {
    /// The two flavours.
    public enum Flavour: String, Sendable, CaseIterable {
        /// Valid against the strict JUnit schema (no `file`/`line`).
        case strict
        /// Adds `testcase@file` and `testcase@line`.
        case extended
    }

    /// Which flavour to write.
    public var flavour: Flavour

    /// Creates a renderer.
    public init(flavour: Flavour = .strict) { self.flavour = flavour }

    /// The JUnit XML document for a model (an empty evaluation gives suites without cases).
    public func render(_ model: ReportModel) -> String {
        let evaluation = model.evaluation ?? PolicyEvaluation(checks: [])
        var byPackage: [String: [PolicyCheck]] = [:]
        for p in model.packages where !p.isStandard { byPackage[p.importPath] = [] }
        for c in evaluation.checks { byPackage[c.package, default: []].append(c) }

        let tree = XMLTree(xmlRoot: "testsuites")
        let all = evaluation.checks
        tree.root.set("name", "heapsight")
        tree.root.set("tests", String(all.count))
        tree.root.set("failures", String(all.filter { !$0.passed && !$0.notEvaluated }.count))
        tree.root.set("errors", String(all.filter(\.notEvaluated).count))
        let stamp = ReportFormatting.timestamp(model.run.startedAt)
        for (i, pkg) in byPackage.keys.sorted().enumerated() {
            let checks = byPackage[pkg]!.sorted { $0.name < $1.name }
            let suite = tree.root.add("testsuite", nil, [
                "name": pkg,
                "tests": String(checks.count),
                "failures": String(checks.filter { !$0.passed && !$0.notEvaluated }.count),
                "errors": String(checks.filter(\.notEvaluated).count),
                "skipped": "0",
                "time": "0",
                "timestamp": String(stamp.dropLast()),
                "id": String(i),
            ])
            addProperties(suite.add("properties"), model)
            for check in checks { addCase(suite, check) }
        }
        return tree.xmlString()
    }

    private func addProperties(_ props: XMLNode, _ model: ReportModel) {
        var pairs: [(String, String)] = [
            ("heapsight.run", String(model.run.id)),
            ("heapsight.version", model.run.toolVersion),
            ("heapsight.engine", model.run.engine),
            ("go.version", model.run.goVersion ?? "unknown"),
            ("go.os", model.run.goos),
            ("go.arch", model.run.goarch),
            ("git.commit", model.run.gitCommit ?? "unknown"),
        ]
        if let b = model.baseline?.baseline {
            pairs.append(("heapsight.baseline.run", String(b.id)))
            pairs.append(("heapsight.baseline.commit", b.gitCommit ?? "unknown"))
        } else {
            pairs.append(("heapsight.baseline.run", "none"))
        }
        for (k, v) in pairs { props.add("property", nil, ["name": k, "value": v]) }
    }

    private func addCase(_ suite: XMLNode, _ check: PolicyCheck) {
        let tc = suite.add("testcase", nil, [
            "name": check.name,
            "classname": JUnitRenderer.className(package: check.package),
            "time": "0",
        ])
        // A failing case points at its first violation, so annotations land on the offending line.
        let anchor = check.violations.first.flatMap { $0.file.isEmpty ? nil : ($0.file, $0.line) } ?? (check.file, check.line)
        if flavour == .extended, !anchor.0.isEmpty {
            tc.set("file", anchor.0)
            if anchor.1 > 0 { tc.set("line", String(anchor.1)) }
        }
        guard !check.passed else { return }
        let message = JUnitRenderer.message(for: check)
        let bodies = check.violations.map { ReportFormatting.body(of: $0) }
        let body = (check.violations.count == 1 ? bodies : [message] + bodies).joined(separator: "\n\n")
        // A rule that could not be evaluated is an error of the test, not a failed assertion.
        tc.add(check.notEvaluated ? "error" : "failure", body + "\n", ["message": message, "type": check.rule])
    }

    /// The JUnit class name of a package: `heapsight.` + import path with `.` replaced by `_`.
    public static func className(package: String) -> String {
        "heapsight." + package.replacingOccurrences(of: ".", with: "_")
    }

    /// The one-line failure message of a failed check.
    public static func message(for check: PolicyCheck) -> String {
        let vs = check.violations
        if vs.count == 1 { return XMLText.oneLine(vs[0].message) }
        return XMLText.oneLine("\(vs.count) violations of \(check.rule); first: \(vs[0].message)")
    }
}
