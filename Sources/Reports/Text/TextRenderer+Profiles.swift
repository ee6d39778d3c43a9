import FactStore

extension TextRenderer {
    /// How many positions and functions the profile sections list.
    static let profileListLimit = 10

    /// The profile sections: hot heap sites, functions by weight, positions no pass knows and
    /// stale positions (counted, with the first few). Empty for a run without profiles.
    func profileLines(_ model: ReportModel) -> [String] {
        guard !model.profileSites.isEmpty else { return [] }
        let ranking = ProfileRanking(model)
        let m = ranking.measure
        var out = ["profiles: " + model.profiles.map { "\($0.record.path) (\($0.record.kind.rawValue))" }.joined(separator: ", ")
                   + " · ranked by \(m.rawValue)"]
        func line(_ e: ProfileRanking.Entry) -> String {
            let kinds = Set(e.facts.map { AllocationDetail(fact: $0)?.kind ?? $0.kind.rawValue }).sorted().joined(separator: ",")
            return "  \(ProfileRanking.format(e.value, m))\t\(ProfileRanking.share(e.value, of: ranking.total))\t"
                + "\(ProfileRanking.position(e.site))\t\(e.site.functionID ?? e.site.symbol)\(kinds.isEmpty ? "" : "\t\(kinds)")"
        }
        if !ranking.hotSites.isEmpty {
            out.append("hot heap sites by \(m.rawValue):")
            for e in ranking.hotSites.prefix(Self.profileListLimit) {
                out.append(line(e))
                if let site = e.facts.lazy.map(\.causeAndRemedy).first(where: { !$0.isEmpty }) {
                    out += site.map { "      " + $0 }
                } else if let r = e.remedy {
                    out.append("      remedy: \(r.text)")
                }
            }
        }
        if !ranking.functions.isEmpty {
            out.append("functions by \(m.rawValue):")
            for f in ranking.functions.prefix(Self.profileListLimit) {
                out.append("  \(ProfileRanking.format(f.value, m))\t\(ProfileRanking.share(f.value, of: ranking.total))\t\(f.function)")
            }
        }
        if !ranking.unknown.isEmpty {
            out.append("profiled positions no pass reports as a heap site: \(ranking.unknown.count)")
            for e in ranking.unknown.prefix(Self.profileListLimit) { out.append(line(e)) }
        }
        if !ranking.stale.isEmpty {
            out.append("stale profile positions (not in the scanned source): \(ranking.stale.count)")
            for e in ranking.stale.prefix(Self.profileListLimit) { out.append(line(e)) }
        }
        return out
    }
}
