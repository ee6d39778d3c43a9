import FactStore
import Foundation

/// Renders `FunctionExplanation`s for a terminal (indented plain text, no colour) or as JSON
/// for tools.
public struct ExplainRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The text view of several functions, separated by blank lines.
    public func text(_ explanations: [FunctionExplanation]) -> String {
        explanations.map(text).joined(separator: "\n")
    }

    /// The text view of one function.
    public func text(_ e: FunctionExplanation) -> String {
        var out = ["\(e.function)  \(e.file):\(e.startLine)-\(e.endLine)"]
        let i = e.inlining
        switch i.verdict {
        case "inlinable":
            out.append("  inlining: inlinable" + (i.cost.map { ", cost \($0) of a budget of \(i.budget)" } ?? ""))
        case "not-inlinable":
            var line = "  inlining: not inlinable: \(i.reason ?? "no reason recorded")"
            if let c = i.cost, c > i.budget { line += " (\(c - i.budget) over)" }
            out.append(line)
        default:
            out.append("  inlining: no verdict (was the inlining pass run?)")
        }
        for b in i.breakdown { out.append("    \(b)") }
        if let p = e.profile {
            out.append("  profile: \(weight(p))")
        }
        out.append("  heap sites: \(e.sites.count)" + (e.stackSites > 0 ? " (and \(e.stackSites) kept on the stack)" : ""))
        for s in e.sites {
            var head = "    \(s.file):\(s.line):\(s.column)  \(s.kind)  \(s.verdict)"
            if let d = s.loopDepth, d > 0 { head += "  in loop (depth \(d))" }
            head += "  \(s.subject)"
            out.append(head)
            if let w = s.weight { out.append("      line weight: \(weight(w))") }
            for (n, step) in s.why.enumerated() { out.append((n == 0 ? "      why:    " : "              ") + step) }
            if let r = s.remedy { out.append("      remedy: \(r.text)") }
        }
        if !e.unknownPositions.isEmpty {
            out.append("  profiled lines no pass reports as a heap site:")
            for u in e.unknownPositions { out.append("    \(u)") }
        }
        if !e.inlinedCalls.isEmpty { out.append("  inlined calls: \(e.inlinedCalls.joined(separator: ", "))") }
        if let c = e.change {
            var parts = ["heap sites \(c.baselineHeapSites) → \(c.heapSites)"]
            if let l = c.inlining { parts.append("inlining \(l)") }
            out.append("  against \(c.baseline): \(parts.joined(separator: ", "))")
            for n in c.newEscapes { out.append("    + \(n)") }
            for f in c.fixedEscapes { out.append("    - \(f)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The JSON view: an array of explanations, keys sorted, for tools.
    public func json(_ explanations: [FunctionExplanation]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(explanations)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func weight(_ w: ProfileWeight) -> String {
        var parts: [String] = []
        if w.allocBytes != 0 || w.allocObjects != 0 {
            parts.append("\(ProfileRanking.format(w.allocBytes, .allocBytes)) in \(w.allocObjects) objects allocated")
        }
        if w.inuseBytes != 0 { parts.append("\(ProfileRanking.format(w.inuseBytes, .inuseBytes)) in use") }
        if w.cpuNanoseconds != 0 { parts.append("\(ProfileRanking.format(w.cpuNanoseconds, .cpu)) CPU allocating") }
        return parts.isEmpty ? "no samples" : parts.joined(separator: ", ")
    }
}
