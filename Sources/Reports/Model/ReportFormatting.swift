import Foundation
import PassKit

/// Formatting shared by the renderers: timestamps, locations, violation bodies.
public enum ReportFormatting {
    /// ISO 8601 UTC timestamp without fractional seconds (`2026-11-26T23:30:00Z`).
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// `file:line:col`, leaving out unknown parts.
    public static func location(file: String, line: Int, column: Int) -> String {
        guard !file.isEmpty else { return "" }
        if line <= 0 { return file }
        if column <= 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// The multi-line explanation of a violation: message, location, details and flow.
    public static func body(of v: Violation) -> String {
        var lines = [v.message]
        let loc = location(file: v.file, line: v.line, column: v.column)
        if !loc.isEmpty { lines.append("  at \(loc)") }
        if let fn = v.function { lines.append("  function: \(fn)") }
        for d in v.details { lines.append("  \(d)") }
        if !v.flow.isEmpty {
            lines.append("  flow:")
            for step in v.flow {
                let at = location(file: step.file, line: step.line, column: step.column)
                lines.append(at.isEmpty ? "    \(step.message)" : "    \(at): \(step.message)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The short name of a function id within its package (`(*T).M`, `F.func1`).
    public static func shortName(function id: String, package: String) -> String {
        if !package.isEmpty, id.hasPrefix(package + ".") { return String(id.dropFirst(package.count + 1)) }
        return id
    }

    /// Flow steps parsed from `-m=2`-style explanation lines: a line ending in
    /// `at FILE:LINE:COL` points there; other lines point nowhere.
    public static func flow(fromExplanation lines: [String]) -> [FlowStep] {
        lines.filter { !$0.hasPrefix(AllocationCause.causePrefix) && !$0.hasPrefix(AllocationCause.remedyPrefix) }.map { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let r = line.range(of: " at ", options: .backwards) {
                let pos = line[r.upperBound...].split(separator: ":")
                if pos.count >= 3, let l = Int(pos[pos.count - 2]), let c = Int(pos[pos.count - 1]) {
                    var file = pos[0..<(pos.count - 2)].joined(separator: ":")
                    if file.hasPrefix("./") { file.removeFirst(2) }
                    return FlowStep(file: file, line: l, column: c, message: String(line[..<r.lowerBound]))
                }
            }
            return FlowStep(file: "", line: 0, column: 0, message: line)
        }
    }
}
