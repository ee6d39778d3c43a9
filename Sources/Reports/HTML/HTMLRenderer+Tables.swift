import PassKit

extension HTMLRenderer {

    func filterBar(_ main: XMLNode) {
        let f = main.add("div", nil, ["class": "filters", "id": "filters"])
        f.add("input", nil, ["type": "search", "id": "f-text", "placeholder": "filter by package or function…"])
        let sel = f.add("select", nil, ["id": "f-kind", "aria-label": "fact kind"])
        sel.add("option", "any kind", ["value": ""])
        for k in FactKind.allCases { sel.add("option", k.rawValue, ["value": k.rawValue]) }
        let l1 = f.add("label")
        l1.add("input", nil, ["type": "checkbox", "id": "f-std", "checked": "checked"])
        l1.text(" hide standard library")
        let l2 = f.add("label")
        l2.add("input", nil, ["type": "checkbox", "id": "f-gen"])
        l2.text(" hide generated code")
    }

    func packagesTable(_ main: XMLNode, _ model: ReportModel, _ stats: ReportStatistics) {
        let s = main.add("section", nil, ["id": "packages"])
        s.add("h2", "Packages")
        filterBar(s)
        var factsByPackage: [String: [Fact]] = [:]
        for f in model.facts { factsByPackage[model.package(of: f), default: []].append(f) }
        let table = s.add("table", nil, ["class": "sortable", "id": "package-table"])
        let hr = table.add("thead").add("tr")
        hr.add("th", "Package")
        for h in ["Alloc sites", "Heap sites", "Heap in loops", "Moved to heap", "Escapes", "Leaks", "Inlined calls"] {
            hr.add("th", h, ["class": "num"])
        }
        let tb = table.add("tbody")
        let index = model.index
        for row in stats.packages {
            let tr = tb.add("tr", nil, ["data-pkg": row.id, "data-std": row.isStandard ? "1" : "0", "data-gen": "0",
                                        "data-kinds": kinds(factsByPackage[row.id] ?? [])])
            let td = tr.add("td")
            td.add("code", row.id)
            if index.packages[row.id]?.failed == true { td.add("span", " failed", ["class": "fail"]) }
            for v in [row.allocSites, row.heapSites, row.heapSitesInLoops, row.movedToHeap, row.escapes, row.leaks, row.inlinedCalls] {
                tr.add("td", String(v), ["class": "num", "data-v": String(v)])
            }
        }
    }

    func functionsTable(_ main: XMLNode, _ model: ReportModel, _ stats: ReportStatistics) {
        let s = main.add("section", nil, ["id": "functions"])
        s.add("h2", "Functions")
        var factsByFunction: [String: [Fact]] = [:]
        for f in model.facts { if let fn = f.function { factsByFunction[fn, default: []].append(f) } }
        let index = model.index
        let budget = model.inlineBudget
        let limit = Int((Double(budget) * (1 + almostInlinableMargin)).rounded(.down))
        let almost = stats.functions.filter { $0.inlinable == false && ($0.inlineCost ?? Int.max) > budget && ($0.inlineCost ?? Int.max) <= limit }
        let a = s.add("div", nil, ["id": "almost-inlinable"])
        a.add("h3", "Almost inlinable (cost within \(Int(almostInlinableMargin * 100))% over the budget of \(budget))")
        if almost.isEmpty {
            a.add("p", "None.", ["class": "muted"])
        } else {
            let ul = a.add("ul")
            for row in almost.sorted(by: { ($0.inlineCost ?? 0, $0.id) < ($1.inlineCost ?? 0, $1.id) }) {
                let li = ul.add("li")
                li.add("code", row.id)
                li.text(" — cost \(row.inlineCost ?? 0), \((row.inlineCost ?? 0) - budget) over the budget of \(budget)")
            }
        }
        let table = s.add("table", nil, ["class": "sortable", "id": "function-table"])
        let hr = table.add("thead").add("tr")
        hr.add("th", "Function")
        hr.add("th", "Package")
        hr.add("th", "Location")
        for h in ["Inline cost", "Heap sites", "Heap in loops", "Moved to heap", "Escapes", "Leaks"] { hr.add("th", h, ["class": "num"]) }
        hr.add("th", "Inlining")
        let tb = table.add("tbody")
        for row in stats.functions {
            guard let rec = index.functions[row.id] else { continue }
            let tr = tb.add("tr", nil, ["data-pkg": row.package, "data-std": row.isStandard ? "1" : "0",
                                        "data-gen": row.isGenerated ? "1" : "0",
                                        "data-kinds": kinds(factsByFunction[row.id] ?? [])])
            tr.add("td").add("code", ReportFormatting.shortName(function: row.id, package: row.package))
            tr.add("td", row.package)
            tr.add("td", ReportFormatting.location(file: rec.file, line: rec.line, column: rec.column))
            let cost = row.inlineCost
            tr.add("td", cost.map { "\($0) / \(budget)" } ?? "—", ["class": "num", "data-v": cost.map(String.init) ?? "-1"])
            for v in [row.heapSites, row.heapSitesInLoops, row.movedToHeap, row.escapes, row.leaks] {
                tr.add("td", String(v), ["class": "num", "data-v": String(v)])
            }
            let verdict = (factsByFunction[row.id] ?? []).first { $0.kind == .canInline || $0.kind == .cannotInline }
            switch verdict?.kind {
            case .canInline?: tr.add("td", "inlinable", ["class": "ok"])
            case .cannotInline?: tr.add("td", verdict!.detail)
            default: tr.add("td", "—", ["class": "muted"])
            }
        }
    }
}
