import Foundation
import PassKit

/// Renders a run diff as text grouped by function, as TSV lines, or as JSON. Deterministic.
public enum DiffFormat: String, CaseIterable, Sendable {
    /// Grouped by function, `+` appeared, `-` disappeared.
    case text
    /// `+`/`-`, the function, then `Fact.tsvLine`'s six fields, tab-separated.
    case tsv
    /// A JSON object, keys sorted.
    case json

    /// The rendering of `diff`.
    public func render(_ diff: RunDiff) -> String {
        switch self {
        case .text: return Self.text(diff)
        case .tsv: return Self.tsv(diff)
        case .json: return Self.json(diff)
        }
    }

    static func line(_ sign: String, _ f: Fact) -> String {
        let e = TerminalText.escaped
        return "  \(sign) \(e(f.file)):\(f.line):\(f.column)  \(f.kind.rawValue)  \(e(f.subject))" + (f.detail.isEmpty ? "" : "  \(e(f.detail))")
    }

    static func text(_ diff: RunDiff) -> String {
        var out = "run \(diff.base) → run \(diff.head): "
        if diff.isEmpty { return out + "no facts appeared or disappeared\n" }
        out += "\(diff.appearedCount) appeared, \(diff.disappearedCount) disappeared in \(diff.changes.count) "
        out += diff.changes.count == 1 ? "function\n" : "functions\n"
        for change in diff.changes {
            out += "\n\(TerminalText.escaped(change.function))\n"
            for f in change.appeared { out += line("+", f) + "\n" }
            for f in change.disappeared { out += line("-", f) + "\n" }
        }
        return out
    }

    static func tsv(_ diff: RunDiff) -> String {
        var out = ""
        for change in diff.changes {
            for f in change.appeared { out += "+\t\(change.function)\t\(f.tsvLine)\n" }
            for f in change.disappeared { out += "-\t\(change.function)\t\(f.tsvLine)\n" }
        }
        return out
    }

    static func json(_ diff: RunDiff) -> String {
        func fact(_ f: Fact) -> String {
            "{\"column\": \(f.column), \"detail\": \(JSONText.quote(f.detail)), \"file\": \(JSONText.quote(f.file)), "
                + "\"kind\": \(JSONText.quote(f.kind.rawValue)), \"line\": \(f.line), \"subject\": \(JSONText.quote(f.subject))}"
        }
        var out = "{\"base\": \(diff.base), \"changes\": ["
        for (i, c) in diff.changes.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "  {\"appeared\": [\(c.appeared.map(fact).joined(separator: ", "))], "
            out += "\"disappeared\": [\(c.disappeared.map(fact).joined(separator: ", "))], "
            out += "\"function\": \(JSONText.quote(c.function))}"
        }
        out += diff.changes.isEmpty ? "]" : "\n]"
        return out + ", \"head\": \(diff.head)}\n"
    }
}
