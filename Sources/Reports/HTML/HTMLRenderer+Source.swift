import PassKit

extension HTMLRenderer {
    func source(_ main: XMLNode, _ model: ReportModel) {
        let s = main.add("section", nil, ["id": "source"])
        s.add("h2", "Annotated source")
        var factsByFile: [String: [Int: [Fact]]] = [:]
        for f in model.facts { factsByFile[f.file, default: [:]][f.line, default: []].append(f) }
        let flagged = Set((model.evaluation?.violations ?? []).map(\.file))
        let files = model.sources.keys.filter { factsByFile[$0] != nil || flagged.contains($0) }.sorted()
        if files.isEmpty {
            s.add("p", "No source with facts is available for this run.", ["class": "muted"])
            return
        }
        for (i, file) in files.enumerated() {
            let det = s.add("details", nil, ["class": "file", "id": "src-\(i)"])
            if i == 0 { det.set("open", "open") }
            let count = factsByFile[file, default: [:]].values.reduce(0) { $0 + $1.count }
            det.add("summary", "\(file) — \(count) facts")
            let table = det.add("table", nil, ["class": "src"])
            let tb = table.add("tbody")
            let lines = splitLines(model.sources[file]!)
            let byLine = factsByFile[file, default: [:]]
            for (n, bytes) in lines.enumerated() {
                let lineNo = n + 1
                let facts = byLine[lineNo] ?? []
                let tr = tb.add("tr", nil, facts.isEmpty ? [:] : ["class": "has", "id": "L-\(i)-\(lineNo)"])
                tr.add("td", String(lineNo), ["class": "ln"])
                tr.add("td", XMLText.clean(bytes: bytes), ["class": "code"])
                let td = tr.add("td", nil, ["class": "facts"])
                for f in facts { annotate(td, f, model) }
            }
        }
    }

    func annotate(_ td: XMLNode, _ f: Fact, _ model: ReportModel) {
        let heap = f.kind == .escapes || f.kind == .movedToHeap || f.kind == .leakParam || f.isHeapSite
        let stack = f.kind == .noEscape || (f.kind == .alloc && !f.isHeapSite)
        var text = "\(f.kind.rawValue): \(f.subject)"
        if f.kind == .canInline || f.kind == .cannotInline {
            if let c = f.inlineCost { text += " (cost \(c.cost) / budget \(c.budget ?? model.inlineBudget))" }
            else if !f.detail.isEmpty { text += " — \(f.detail)" }
        } else if !f.detail.isEmpty {
            text += " [\(f.detail)]"
        }
        td.add("span", text, ["class": heap ? "fact heap" : (stack ? "fact stack" : "fact"), "data-kind": f.kind.rawValue])
        if !f.explanation.isEmpty {
            let why = td.add("div", nil, ["class": "why"])
            for line in f.explanation { why.add("div", line) }
        }
    }

    /// Lines of a file without their terminators (a final newline adds no empty line).
    func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var cur: [UInt8] = []
        for b in bytes {
            if b == 0x0A {
                if cur.last == 0x0D { cur.removeLast() }
                out.append(cur)
                cur = []
            } else {
                cur.append(b)
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }
}
