import FactStore

/// The one line `scan` prints per profile: kind, samples attributed, and how many positions are
/// known heap sites, unknown to every pass, or stale.
struct ProfileSummaryLine {
    let text: String

    init(_ p: ProfileRecord) {
        var count: [ProfileSiteStatus: Int] = [:]
        for s in p.sites { count[s.status, default: 0] += 1 }
        text = "\(p.path): \(p.kind.rawValue), \(p.attributedCount) of \(p.sampleCount) samples in the scanned code; "
            + "\(count[.site] ?? 0) heap sites, \(count[.unknown] ?? 0) unknown to the passes, \(count[.stale] ?? 0) stale"
    }
}
