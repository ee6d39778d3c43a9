import Foundation

/// Renders a trend as a text table ending in a sparkline, as CSV, or as JSON. Pure and
/// deterministic: the same points give the same bytes.
public enum TrendFormat: String, CaseIterable, Sendable {
    /// Aligned columns and a sparkline.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// A JSON array, keys sorted.
    case json

    /// The rendering of `points` for `query`.
    public func render(_ points: [TrendPoint], query: TrendQuery) -> String {
        switch self {
        case .table: return Self.table(points, query: query)
        case .csv: return Self.csv(points)
        case .json: return Self.json(points)
        }
    }

    /// The eight block characters of a sparkline, lowest first.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per value, scaled between the minimum and the maximum.
    public static func sparkline(_ values: [Int]) -> String {
        guard let lo = values.min(), let hi = values.max() else { return "" }
        return String(values.map { v in
            hi == lo ? blocks[3] : blocks[(v - lo) * (blocks.count - 1) / (hi - lo)]
        })
    }

    static func signed(_ change: Int?) -> String {
        guard let change else { return "" }
        return change > 0 ? "+\(change)" : "\(change)"
    }

    static func day(_ date: Date) -> String { String(Timestamp.format(date).prefix(16)).replacingOccurrences(of: "T", with: " ") }

    static func table(_ points: [TrendPoint], query: TrendQuery) -> String {
        var scope: [String] = []
        if let p = query.packageGlob { scope.append("package \(p)") }
        if let f = query.functionGlob { scope.append("function \(f)") }
        let title = "\(query.metric.rawValue)" + (scope.isEmpty ? "" : " (\(scope.joined(separator: ", ")))")
        guard !points.isEmpty else { return "\(title): no runs recorded\n" }
        // The row key first (run, commit or day), then the run standing for the row when the
        // key is not the run itself; the commit column is left out when it is the key.
        let byRun = query.grouping == .run, byCommit = query.grouping == .commit
        var header = [byRun ? "run" : query.grouping.rawValue]
        if !byRun { header.append("run") }
        header += ["started"] + (byCommit ? [] : ["commit"]) + ["branch", "label", query.metric.rawValue, "change"]
        var rows: [[String]] = [header]
        for p in points {
            var row = [byCommit ? String(p.key.prefix(12)) : p.key]
            if !byRun { row.append(String(p.run)) }
            row.append(day(p.startedAt))
            if !byCommit { row.append(String((p.gitCommit ?? "").prefix(12))) }
            rows.append(row + [p.gitBranch ?? "", p.label ?? "", String(p.value), signed(p.change)])
        }
        let numeric: Set<Int> = [header.count - 2, header.count - 1]
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { i, cell -> String in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric.contains(i) ? pad + cell : cell + pad
            }
            out += cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        let first = points.first!.value, last = points.last!.value
        out += "\(title): \(sparkline(points.map(\.value)))  \(first) → \(last) (\(signed(last - first).isEmpty ? "0" : signed(last - first))) over \(points.count) \(points.count == 1 ? "row" : "rows")\n"
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func csv(_ points: [TrendPoint]) -> String {
        var out = "run,key,started_at,git_commit,git_branch,label,value,change\n"
        for p in points {
            out += [String(p.run), p.key, Timestamp.format(p.startedAt), p.gitCommit ?? "", p.gitBranch ?? "",
                    p.label ?? "", String(p.value), p.change.map(String.init) ?? ""].map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    static func json(_ points: [TrendPoint]) -> String {
        func str(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
        var out = "["
        for (i, p) in points.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "  {\"change\": \(p.change.map(String.init) ?? "null"), \"git_branch\": \(str(p.gitBranch)), "
            out += "\"git_commit\": \(str(p.gitCommit)), \"key\": \(str(p.key)), \"label\": \(str(p.label)), "
            out += "\"run\": \(p.run), \"started_at\": \(str(Timestamp.format(p.startedAt))), \"value\": \(p.value)}"
        }
        return out + (points.isEmpty ? "]\n" : "\n]\n")
    }
}
