import Foundation

extension FactComparison {
    /// The comparison as text: a table per fact kind (counts, true positives, precision, recall,
    /// F1), a total line, then at most `limit` disagreements with their positions. Numbers are
    /// printed with four decimals so identical runs read `1.0000`.
    public func report(labelA: String, labelB: String, limit: Int) -> String {
        var out = "A = \(labelA), B = \(labelB) (B taken as the truth; facts compared as a multiset)\n"
        let header = ["kind", "A", "B", "both", "precision", "recall", "F1"]
        var rows = [header]
        func row(_ name: String, _ s: KindScore) -> [String] {
            [name, "\(s.countA)", "\(s.countB)", "\(s.truePositives)",
             String(format: "%.4f", s.precision), String(format: "%.4f", s.recall), String(format: "%.4f", s.f1)]
        }
        for score in kinds { rows.append(row(score.kind.rawValue, score)) }
        rows.append(row("total", total))
        var widths = Array(repeating: 0, count: header.count)
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], cell.count) } }
        for r in rows {
            let cells = r.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        if disagreements.isEmpty {
            out += "no disagreements\n"
            return out
        }
        out += "\(disagreements.count) disagreement\(disagreements.count == 1 ? "" : "s")"
        if limit < disagreements.count { out += " (first \(limit))" }
        out += ":\n"
        for d in disagreements.prefix(max(0, limit)) {
            let where_ = d.key.file.isEmpty ? "-" : "\(d.key.file):\(d.key.line):\(d.key.column)"
            let side: String
            if d.countB == 0 { side = "only in A" } else if d.countA == 0 { side = "only in B" } else { side = "A×\(d.countA) B×\(d.countB)" }
            var what = "\(d.key.kind.rawValue) \(d.key.subject)"
            if !d.key.detail.isEmpty { what += " [\(d.key.detail)]" }
            out += "  \(where_)  \(side)  \(what)\n"
        }
        return out
    }
}
