import FactStore
import PassKit

/// The profile's view of a run: positions and functions ranked by one measure, the hot heap
/// sites (positions a pass knows as heap sites, heaviest first, with the facts there and their
/// remedy), and the positions no pass knows or the source no longer has. Pure over the model.
public struct ProfileRanking: Sendable {
    /// A ranked position with what the run knows about it.
    public struct Entry: Sendable {
        /// The position and its weight.
        public var site: ProfileSite
        /// The run's heap facts on that line (alloc, escapes, moved-to-heap).
        public var facts: [Fact]
        /// What to do about it.
        public var remedy: Remedy?
        /// Its value in the ranking measure.
        public var value: Int64
    }

    /// A function's total.
    public struct FunctionEntry: Sendable {
        /// Function id (or the profile's symbol for positions outside every recorded function).
        public var function: String
        /// Sum over its positions.
        public var value: Int64
        /// Number of positions.
        public var positions: Int
    }

    /// The measure everything is ranked by.
    public var measure: ProfileMeasure
    /// Positions in the source (`site` and `unknown`), heaviest first.
    public var positions: [Entry]
    /// Functions, heaviest first.
    public var functions: [FunctionEntry]
    /// Known heap sites, heaviest first.
    public var hotSites: [Entry] { positions.filter { $0.site.status == .site } }
    /// Positions with weight that no pass reports as a heap site.
    public var unknown: [Entry] { positions.filter { $0.site.status == .unknown } }
    /// Positions that do not exist in the scanned source.
    public var stale: [Entry]
    /// What shares are shares of: the measure summed over every sample of the run's profiles
    /// (pprof's `flat%` denominator) for allocated bytes, objects and CPU; for in-use values,
    /// which profiles do not total, the sum over all positions, stale ones included.
    public var total: Int64

    /// The measure a run's profiles rank by by default: allocated bytes when there is a heap
    /// profile, CPU otherwise.
    public static func defaultMeasure(_ sites: [ProfileSite]) -> ProfileMeasure {
        sites.contains { $0.weight.allocBytes > 0 } || !sites.contains { $0.weight.cpuNanoseconds > 0 } ? .allocBytes : .cpu
    }

    /// Ranks the model's profile positions by `measure` (ties by file, line, symbol).
    public init(_ model: ReportModel, measure: ProfileMeasure? = nil) {
        let m = measure ?? Self.defaultMeasure(model.profileSites)
        self.measure = m
        var heapFacts: [String: [Fact]] = [:]
        for f in model.facts where f.isHeapEscape { heapFacts["\(f.file):\(f.line)", default: []].append(f) }
        let entries = model.profileSites.filter { $0.weight.value(m) != 0 }.map { s -> Entry in
            var facts = heapFacts["\(s.file):\(s.line)"] ?? []
            if s.callFile != nil { facts += heapFacts["\(s.physicalFile):\(s.physicalLine)"] ?? [] }
            let remedy = facts.lazy.compactMap(Remedy.forFact).first ?? (s.status == .unknown ? Remedy.library : nil)
            return Entry(site: s, facts: facts, remedy: remedy, value: s.weight.value(m))
        }.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return (a.site.file, a.site.line, a.site.symbol) < (b.site.file, b.site.line, b.site.symbol)
        }
        positions = entries.filter { $0.site.status != .stale }
        stale = entries.filter { $0.site.status == .stale }
        let recorded = model.profiles.map(\.record)
        switch m {
        case .allocBytes: total = recorded.reduce(0) { $0 + $1.totalBytes }
        case .allocObjects: total = recorded.reduce(0) { $0 + $1.totalObjects }
        case .cpu: total = recorded.reduce(0) { $0 + $1.totalCPUNanoseconds }
        case .inuseBytes, .inuseObjects: total = 0
        }
        if total == 0 { total = entries.reduce(0) { $0 + $1.value } }
        var byFunction: [String: (Int64, Int)] = [:]
        for e in positions {
            let key = e.site.functionID ?? e.site.symbol
            let old = byFunction[key] ?? (0, 0)
            byFunction[key] = (old.0 + e.value, old.1 + 1)
        }
        functions = byFunction.map { FunctionEntry(function: $0.key, value: $0.value.0, positions: $0.value.1) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.function < $1.function }
    }

    /// `file:line` of a position, with the call site it was inlined at.
    public static func position(_ s: ProfileSite) -> String {
        "\(s.file):\(s.line)" + (s.callFile.map { " (inlined at \($0):\(s.physicalLine))" } ?? "")
    }

    /// A value in its unit, short (`1.5 MiB`, `3.2 ms`, `12 objects`).
    public static func format(_ value: Int64, _ measure: ProfileMeasure) -> String {
        switch measure.unit {
        case "bytes":
            let units = ["B", "KiB", "MiB", "GiB"]
            var v = Double(value)
            var i = 0
            while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
            return i == 0 ? "\(value) B" : String(format: "%.1f %@", v, units[i])
        case "nanoseconds":
            let ms = Double(value) / 1e6
            return ms >= 1000 ? String(format: "%.2f s", ms / 1000) : String(format: "%.1f ms", ms)
        default:
            return "\(value) objects"
        }
    }

    /// The share of `value` in `total`, as `12.3%`.
    public static func share(_ value: Int64, of total: Int64) -> String {
        guard total > 0 else { return "0.0%" }
        let permille = Int((Double(value) * 1000 / Double(total)).rounded())
        return "\(permille / 10).\(permille % 10)%"
    }
}
