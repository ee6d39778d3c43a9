import PassKit

extension HTMLRenderer {
    func overview(_ main: XMLNode, _ model: ReportModel, _ stats: ReportStatistics) {
        let s = main.add("section", nil, ["id": "overview"])
        s.add("h2", "Overview")
        let cards = s.add("div", nil, ["class": "cards"])
        func card(_ value: String, _ label: String, _ id: String) {
            let c = cards.add("div", nil, ["class": "card", "id": id])
            c.add("b", value)
            c.add("span", label)
        }
        let pct = stats.allocSites == 0 ? "—" : String(format1(stats.heapShare * 100)) + "%"
        card(pct, "of \(stats.allocSites) allocation sites go to the heap", "card-heap-share")
        card(String(stats.heapSites), "heap allocation sites", "card-heap-sites")
        card(String(stats.factsByKind[.movedToHeap] ?? 0), "variables moved to the heap", "card-moved")
        card(String(stats.factsByKind[.canInline] ?? 0), "inlinable functions", "card-inlinable")
        if let e = model.evaluation {
            let failed = e.checks.filter { !$0.passed }.count
            card(failed == 0 ? "pass" : "\(failed) failed", "of \(e.checks.count) policy checks", "card-policy")
        }
        if !model.run.skipped.isEmpty {
            s.add("p", "Not run: " + model.run.skipped.joined(separator: "; "), ["class": "muted"])
        }
        let failed = model.packages.filter(\.failed)
        if !failed.isEmpty {
            s.add("p", "Packages that failed to analyse: " + failed.map(\.importPath).joined(separator: ", "), ["class": "fail"])
        }
        let charts = s.add("div", nil, ["class": "charts"])
        let kindValues = FactKind.allCases.map { (label: $0.rawValue, value: stats.factsByKind[$0] ?? 0,
                                                  heap: $0 == .escapes || $0 == .movedToHeap) }
        SVGChart.bars(into: charts, title: "Facts by kind", values: kindValues)
        let points = model.trend.isEmpty
            ? [TrendPoint(run: model.run.id, startedAt: model.run.startedAt, label: model.run.label,
                          heapSites: stats.heapSites, movedToHeap: stats.factsByKind[.movedToHeap] ?? 0,
                          inlinable: stats.factsByKind[.canInline] ?? 0, facts: model.facts.count)]
            : model.trend
        SVGChart.lines(into: charts, title: "Trend over \(points.count) stored run(s)",
                       labels: points.map { "#\($0.run)" },
                       series: [("heap sites", "#ea580c", points.map(\.heapSites)),
                                ("moved to heap", "#a21caf", points.map(\.movedToHeap)),
                                ("inlinable", "#2563eb", points.map(\.inlinable))])
        let topPkgs = ReportStatistics.top(stats.packages, limit: topLimit)
        let topFns = ReportStatistics.top(stats.functions, limit: topLimit)
        SVGChart.bars(into: charts, title: "Top packages by heap sites",
                      values: topPkgs.map { (label: lastSegments($0.id), value: $0.heapSites, heap: true) })
        SVGChart.bars(into: charts, title: "Top functions by heap sites",
                      values: topFns.map { (label: ReportFormatting.shortName(function: $0.id, package: $0.package),
                                            value: $0.heapSites, heap: true) })
    }

    func format1(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    func lastSegments(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    func policy(_ main: XMLNode, _ model: ReportModel) {
        let s = main.add("section", nil, ["id": "policy"])
        s.add("h2", "Policy")
        guard let e = model.evaluation else {
            s.add("p", "No policy was evaluated for this report.", ["class": "muted"])
            return
        }
        let failed = e.checks.filter { !$0.passed }
        let unevaluated = e.notEvaluated.count
        s.add("p", failed.isEmpty ? "All \(e.checks.count) checks pass."
                  : "\(failed.count) of \(e.checks.count) checks fail"
                    + (unevaluated == 0 ? "." : " (\(unevaluated) could not be evaluated: the facts they need were not computed)."),
              ["class": failed.isEmpty ? "ok" : "fail"])
        guard !failed.isEmpty else { return }
        let table = s.add("table", nil, ["class": "sortable", "id": "violations"])
        let hr = table.add("thead").add("tr")
        for h in ["Rule", "Package", "Check", "Where", "Message"] { hr.add("th", h) }
        let tb = table.add("tbody")
        for v in e.violations {
            let tr = tb.add("tr", nil, v.notEvaluated ? ["class": "not-evaluated"] : [:])
            let rule = tr.add("td")
            rule.add("code", v.rule)
            if v.notEvaluated { rule.add("div", "not evaluated", ["class": "why"]) }
            tr.add("td", v.package)
            tr.add("td", v.function.map { ReportFormatting.shortName(function: $0, package: v.package) } ?? "package")
            tr.add("td", ReportFormatting.location(file: v.file, line: v.line, column: v.column))
            let td = tr.add("td")
            td.add("div", v.message)
            for d in v.details { td.add("div", d, ["class": "why"]) }
            for step in v.flow {
                let at = ReportFormatting.location(file: step.file, line: step.line, column: step.column)
                td.add("div", at.isEmpty ? step.message : "\(at): \(step.message)", ["class": "why"])
            }
        }
    }
}
