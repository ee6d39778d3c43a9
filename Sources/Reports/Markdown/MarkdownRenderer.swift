import Foundation
import FactStore

/// Renders a Markdown summary for pull-request comments and GitHub's job summary: the verdict,
/// the regressions against the baseline first, the other violations, then the top hot heap
/// sites from the run's profiles with their remedy. Never longer than `limit` characters
/// (GitHub refuses comments over 65,536): sections are filled in that order and the last line
/// says how much was left out.
public struct MarkdownRenderer: Sendable {
    /// GitHub's maximum comment body, in characters.
    public static let gitHubCommentLimit = 65_536
    /// Room kept for the "left out" line.
    static let reserve = 200
    /// How many hot sites the summary lists.
    public var hotSiteLimit: Int
    /// The maximum length of the output.
    public var limit: Int

    /// Creates a renderer.
    public init(hotSiteLimit: Int = 10, limit: Int = MarkdownRenderer.gitHubCommentLimit) {
        self.hotSiteLimit = hotSiteLimit
        self.limit = limit
    }

    /// Appends lines while they fit; counts what did not.
    struct Budget {
        let limit: Int
        var lines: [String] = []
        var used = 0
        var leftOut = 0

        mutating func add(_ line: String) {
            let cost = line.count + 1
            if leftOut > 0 || used + cost > limit - MarkdownRenderer.reserve { leftOut += 1; return }
            lines.append(line)
            used += cost
        }
    }

    /// The summary (ends with a newline).
    public func render(_ model: ReportModel) -> String {
        var out = Budget(limit: limit)
        let r = model.run
        let failed = model.evaluation?.checks.filter { !$0.passed }.count ?? 0
        let total = model.evaluation?.checks.count ?? 0
        out.add("## heapsight: \(failed == 0 ? "passed" : "\(failed) of \(total) checks failed")")
        out.add("")
        out.add("Run \(cell(r.displayName)) · engine \(r.engine) · \(r.goVersion ?? "go ?") \(r.goos)/\(r.goarch)"
                + (r.gitCommit.map { " · commit `\(String($0.prefix(12)))`" } ?? ""))
        let violations = model.evaluation?.violations ?? []
        let regressionRules: Set<String> = [RuleCatalog.escapeNew.id, RuleCatalog.inlineLost.id, RuleCatalog.allocGrowth.id]
        let regressions = violations.filter { regressionRules.contains($0.rule) }
        if let d = model.baseline {
            out.add("")
            out.add("### Regressions against \(cell(d.baseline.displayName))")
            out.add("")
            out.add("+\(d.newEscapes.count) heap escapes, -\(d.fixedEscapes.count) fixed, \(d.lostInlining.count) functions no longer inlinable, \(d.gainedInlining.count) newly inlinable.")
            if !regressions.isEmpty {
                out.add("")
                violationTable(regressions, &out)
            }
        }
        let others = violations.filter { !regressionRules.contains($0.rule) }
        if !others.isEmpty {
            out.add("")
            out.add("### Violations")
            out.add("")
            violationTable(others, &out)
        }
        hotSites(model, &out)
        if out.leftOut > 0 {
            out.lines.append("")
            out.lines.append("*\(out.leftOut) more lines left out to stay within \(limit) characters; see the full report.*")
        }
        return out.lines.joined(separator: "\n") + "\n"
    }

    private func violationTable(_ violations: [Violation], _ out: inout Budget) {
        out.add("| Rule | Where | What |")
        out.add("|---|---|---|")
        for v in violations {
            let loc = ReportFormatting.location(file: v.file, line: v.line, column: 0)
            out.add("| `\(v.rule)` | \(loc.isEmpty ? cell(v.package) : "`\(cell(loc))`") | \(cell(v.message)) |")
        }
    }

    private func hotSites(_ model: ReportModel, _ out: inout Budget) {
        guard !model.profileSites.isEmpty else { return }
        let ranking = ProfileRanking(model)
        let hot = ranking.hotSites.prefix(hotSiteLimit)
        out.add("")
        out.add("### Top hot heap sites by \(ranking.measure.rawValue)")
        out.add("")
        if hot.isEmpty {
            out.add("The profiles hit no heap site the passes know (\(ranking.unknown.count) unknown, \(ranking.stale.count) stale positions).")
            return
        }
        out.add("| # | Weight | Share | Where | Function | Remedy |")
        out.add("|---:|---:|---:|---|---|---|")
        for (i, e) in hot.enumerated() {
            out.add("| \(i + 1) | \(ProfileRanking.format(e.value, ranking.measure)) | \(ProfileRanking.share(e.value, of: ranking.total)) "
                    + "| `\(cell(ProfileRanking.position(e.site)))` | `\(cell(e.site.functionID ?? e.site.symbol))` | \(cell(e.remedy?.text ?? "")) |")
        }
        if !ranking.unknown.isEmpty || !ranking.stale.isEmpty {
            out.add("")
            out.add("\(ranking.unknown.count) profiled positions no pass reports as a heap site; \(ranking.stale.count) stale positions.")
        }
    }

    /// Text made safe for one table cell: one line, pipes and backticks escaped.
    func cell(_ s: String) -> String {
        XMLText.oneLine(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
