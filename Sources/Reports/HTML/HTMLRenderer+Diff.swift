import PassKit

extension HTMLRenderer {
    func diff(_ main: XMLNode, _ model: ReportModel) {
        let s = main.add("section", nil, ["id": "diff"])
        s.add("h2", "Diff against the baseline")
        guard let d = model.baseline else {
            s.add("p", "No baseline was given (use --baseline RUN|LABEL|BRANCH).", ["class": "muted"])
            return
        }
        s.add("p", "Baseline: run \(d.baseline.displayName), \(ReportFormatting.timestamp(d.baseline.startedAt))"
              + (d.baseline.gitCommit.map { ", commit \(String($0.prefix(12)))" } ?? ""))
        factList(s, "New heap escapes (\(d.newEscapes.count))", "diff-new", d.newEscapes)
        factList(s, "Fixed heap escapes (\(d.fixedEscapes.count))", "diff-fixed", d.fixedEscapes)
        changeList(s, "Lost inlining (\(d.lostInlining.count))", "diff-lost", d.lostInlining)
        changeList(s, "Gained inlining (\(d.gainedInlining.count))", "diff-gained", d.gainedInlining)
    }

    func factList(_ s: XMLNode, _ title: String, _ id: String, _ facts: [Fact]) {
        let div = s.add("div", nil, ["id": id])
        div.add("h3", title)
        guard !facts.isEmpty else { div.add("p", "None.", ["class": "muted"]); return }
        let table = div.add("table", nil, ["class": "sortable"])
        let hr = table.add("thead").add("tr")
        for h in ["Where", "Function", "Kind", "Subject"] { hr.add("th", h) }
        let tb = table.add("tbody")
        for f in facts {
            let tr = tb.add("tr")
            tr.add("td", ReportFormatting.location(file: f.file, line: f.line, column: f.column))
            tr.add("td").add("code", f.function ?? "")
            tr.add("td", f.kind.rawValue)
            tr.add("td").add("code", f.subject)
        }
    }

    func changeList(_ s: XMLNode, _ title: String, _ id: String, _ changes: [BaselineDiff.InliningChange]) {
        let div = s.add("div", nil, ["id": id])
        div.add("h3", title)
        guard !changes.isEmpty else { div.add("p", "None.", ["class": "muted"]); return }
        let ul = div.add("ul")
        for c in changes {
            let li = ul.add("li")
            li.add("code", c.function)
            let was = c.baseline.map { $0.kind == .canInline ? "inlinable (\($0.detail))" : $0.detail } ?? "unknown"
            let now = c.current.kind == .canInline ? "inlinable (\(c.current.detail))" : c.current.detail
            li.text(" — was \(was), now \(now)")
        }
    }
}
