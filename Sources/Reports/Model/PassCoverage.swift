import FactStore
import PassKit

/// Which fact kinds a run computed on each of its packages, from the passes it recorded as run,
/// skipped or failed there. A rule reads its facts only through this: when a kind it needs was
/// not computed, the rule is not evaluated (and so never passes), whatever facts of that kind
/// a plugin or another pass happened to add.
///
/// The mapping is generic: a kind is computed on a package when some pass that declares it
/// (`PassDescriptor.factKinds`) ran there. When an engine learns a new analysis, its pass is
/// recorded as run and the rules that need its kinds are evaluated, with no change here.
public struct PassCoverage: Sendable, Hashable {
    /// The recorded executions; nil when the run did not record them (a heapsight older than
    /// schema version 5).
    public var executions: [PassExecution]?
    /// The run's engine, named in reasons.
    public var engine: String
    /// The run's display name, named in reasons.
    public var runName: String

    /// Creates a coverage from a run's executions.
    public init(executions: [PassExecution]?, engine: String, runName: String) {
        self.executions = executions
        self.engine = engine
        self.runName = runName
    }

    /// Why some of `kinds` were not computed on `package` (one sentence, no trailing period);
    /// nil when every kind was computed by a pass that ran there.
    public func missing(_ kinds: Set<FactKind>, package: String) -> String? {
        guard let executions else {
            return "run \(runName) was recorded by a heapsight that did not record which passes ran; scan again"
        }
        let here = executions.filter { $0.package == package }
        var reasons: [String] = []
        for kind in kinds.sorted() {
            if here.contains(where: { $0.status == .ran && $0.factKinds.contains(kind) }) { continue }
            let producers = here.filter { $0.factKinds.contains(kind) }
            guard !producers.isEmpty else {
                reasons.append("no pass that computes \(kind.rawValue) facts ran on \(package) in run \(runName)")
                continue
            }
            for p in producers {
                let sentence: String
                switch p.status {
                case .failed: sentence = "the \(p.pass) pass failed on \(package)" + (p.reason.isEmpty ? "" : " (\(p.reason))")
                case .skipped, .ran:
                    sentence = "the \(p.pass) pass did not run under engine \(engine)" + (p.reason.isEmpty ? "" : " (\(p.reason))")
                }
                if !reasons.contains(sentence) { reasons.append(sentence) }
            }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
