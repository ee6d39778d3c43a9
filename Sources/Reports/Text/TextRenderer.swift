import PassKit

/// Renders a short plain-text summary for terminals: run line, counts, policy result with every
/// violation, the diff against the baseline.
public struct TextRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The text report (ends with a newline).
    public func render(_ model: ReportModel) -> String {
        let stats = ReportStatistics(model)
        var out: [String] = []
        let r = model.run
        out.append("heapsight run \(r.displayName) · \(ReportFormatting.timestamp(r.startedAt)) · engine \(r.engine) · \(r.goVersion ?? "go ?") \(r.goos)/\(r.goarch)")
        if !r.skipped.isEmpty { out.append("not run: " + r.skipped.joined(separator: "; ")) }
        let share = stats.allocSites == 0 ? 0 : Int((stats.heapShare * 1000).rounded())
        out.append("packages \(model.packages.count) · functions \(model.functions.count) · facts \(model.facts.count)")
        out.append("allocation sites \(stats.allocSites), heap \(stats.heapSites) (\(share / 10).\(share % 10)%) · moved to heap \(stats.factsByKind[.movedToHeap] ?? 0) · inlinable \(stats.factsByKind[.canInline] ?? 0)")
        for p in model.packages where p.failed { out.append("FAILED package \(p.importPath)") }
        let top = ReportStatistics.top(stats.functions, limit: 5)
        if !top.isEmpty {
            out.append("top functions by heap sites:")
            for row in top { out.append("  \(row.heapSites)\t\(row.id)") }
        }
        out += profileLines(model)
        if let d = model.baseline {
            out.append("against baseline \(d.baseline.displayName): +\(d.newEscapes.count) heap escapes, -\(d.fixedEscapes.count) fixed, \(d.lostInlining.count) lost inlining, \(d.gainedInlining.count) gained")
        }
        if let e = model.evaluation {
            let failed = e.checks.filter { !$0.passed }
            let unevaluated = e.notEvaluated.count
            out.append("policy: \(e.checks.count) checks, \(failed.count) failed"
                       + (unevaluated == 0 ? "" : " (\(unevaluated) could not be evaluated)"))
            for v in e.violations {
                let loc = ReportFormatting.location(file: v.file, line: v.line, column: v.column)
                let tag = v.notEvaluated ? "[\(v.rule), not evaluated]" : "[\(v.rule)]"
                out.append("  \(loc.isEmpty ? v.package : loc): \(tag) \(XMLText.oneLine(v.message))")
                for d in v.details { out.append("      \(XMLText.oneLine(d))") }
            }
            for n in e.notes { out.append("  note: \(n)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
