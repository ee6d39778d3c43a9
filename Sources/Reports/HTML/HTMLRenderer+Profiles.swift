import FactStore

extension HTMLRenderer {
    /// The "Hot heap sites" section: positions ranked by the profile's weight with the facts on
    /// the line and their remedy, then functions by weight, then unknown and stale positions.
    /// Says that there is no profile when the run has none.
    func profiles(_ main: XMLNode, _ model: ReportModel) {
        let s = main.add("section", nil, ["id": "hot"])
        s.add("h2", "Hot heap sites")
        guard !model.profileSites.isEmpty else {
            s.add("p", "No profile was recorded with this run (heapsight scan --profile FILE).")
            return
        }
        let ranking = ProfileRanking(model)
        let m = ranking.measure
        s.add("p", "Profiles: " + model.profiles.map { "\($0.record.path) (\($0.record.kind.rawValue))" }.joined(separator: ", ")
              + ". Ranked by \(m.rawValue); \(ranking.unknown.count) positions no pass reports, \(ranking.stale.count) stale.")
        let table = s.add("table", nil, ["class": "sortable", "id": "hot-table"])
        let hr = table.add("thead").add("tr")
        for h in ["Weight", "Share", "Position", "Function", "Status", "Kinds", "Remedy"] {
            hr.add("th", h, h == "Weight" || h == "Share" ? ["class": "num"] : [:])
        }
        let tb = table.add("tbody")
        for e in (ranking.positions + ranking.stale).prefix(topLimit * 5) {
            let tr = tb.add("tr", nil, ["data-status": e.site.status.rawValue])
            tr.add("td", ProfileRanking.format(e.value, m), ["class": "num", "data-v": String(e.value)])
            tr.add("td", ProfileRanking.share(e.value, of: ranking.total), ["class": "num", "data-v": String(e.value)])
            tr.add("td").add("code", ProfileRanking.position(e.site))
            tr.add("td").add("code", e.site.functionID ?? e.site.symbol)
            tr.add("td", e.site.status.rawValue)
            tr.add("td", Set(e.facts.map { AllocationDetail(fact: $0)?.kind ?? $0.kind.rawValue }).sorted().joined(separator: ", "))
            if let site = e.facts.lazy.map(\.causeAndRemedy).first(where: { !$0.isEmpty }) {
                let td = tr.add("td")
                for line in site { td.add("div", line) }
            } else {
                tr.add("td", e.remedy?.text ?? "")
            }
        }
        s.add("h3", "Functions by \(m.rawValue)")
        let ft = s.add("table", nil, ["class": "sortable", "id": "hot-functions"])
        let fh = ft.add("thead").add("tr")
        for h in ["Weight", "Share", "Function", "Positions"] { fh.add("th", h) }
        let fb = ft.add("tbody")
        for f in ranking.functions.prefix(topLimit * 2) {
            let tr = fb.add("tr")
            tr.add("td", ProfileRanking.format(f.value, m), ["class": "num", "data-v": String(f.value)])
            tr.add("td", ProfileRanking.share(f.value, of: ranking.total), ["class": "num", "data-v": String(f.value)])
            tr.add("td").add("code", f.function)
            tr.add("td", String(f.positions), ["class": "num", "data-v": String(f.positions)])
        }
    }
}
