import FactStore
import PassKit

/// What changed between a baseline run and the current run: heap escapes that appeared or
/// disappeared and functions that lost or gained inlinability.
///
/// Facts are matched by (file, enclosing function, kind, subject) with multiplicity, not by
/// line, so edits that only shift code do not show up as changes.
public struct BaselineDiff: Sendable, Hashable {
    /// A function whose inlinability changed.
    public struct InliningChange: Sendable, Hashable {
        /// Function id.
        public var function: String
        /// The fact in the current run (`cannot-inline` for a loss, `can-inline` for a gain).
        public var current: Fact
        /// The fact in the baseline run, when there was one.
        public var baseline: Fact?
    }

    /// The baseline run.
    public var baseline: ReportRun
    /// Heap escapes present now and absent in the baseline.
    public var newEscapes: [Fact]
    /// Heap escapes present in the baseline and gone now.
    public var fixedEscapes: [Fact]
    /// Functions inlinable in the baseline and not now.
    public var lostInlining: [InliningChange]
    /// Functions not inlinable in the baseline and inlinable now.
    public var gainedInlining: [InliningChange]
    /// Heap allocation sites of one function in both runs.
    public struct SiteCount: Sendable, Hashable {
        /// Count in the baseline run.
        public var baseline: Int
        /// Count in the current run.
        public var current: Int
    }
    /// Heap allocation sites per function id, for functions where the count differs.
    public var heapSiteChanges: [String: SiteCount]
    /// Which fact kinds the baseline run computed on each package: a regression rule is not
    /// evaluated where the baseline did not compute what it compares. Unknown unless given.
    public var baselineCoverage: PassCoverage

    /// Computes the diff of two fact lists (external facts are ignored).
    public init(baseline: ReportRun, baselineFacts: [Fact], currentFacts: [Fact], baselinePasses: [PassExecution]? = nil) {
        self.baseline = baseline
        baselineCoverage = PassCoverage(executions: baselinePasses, engine: baseline.engine, runName: baseline.displayName)
        let old = baselineFacts.filter { !$0.external }
        let new = currentFacts.filter { !$0.external }

        // The same identity rule as `heapsight diff` (see FactIdentity): positions and files
        // do not matter, so moving a function or reformatting its file is no regression.
        func subtract(_ a: [Fact], _ b: [Fact]) -> [Fact] {
            var remaining: [FactIdentity: Int] = [:]
            for f in b { remaining[FactIdentity(f), default: 0] += 1 }
            var out: [Fact] = []
            for f in a.sorted(by: Fact.canonicalOrder) {
                let k = FactIdentity(f)
                if let n = remaining[k], n > 0 { remaining[k] = n - 1 } else { out.append(f) }
            }
            return out
        }
        let oldEsc = old.filter(\.isHeapEscape), newEsc = new.filter(\.isHeapEscape)
        newEscapes = subtract(newEsc, oldEsc)
        fixedEscapes = subtract(oldEsc, newEsc)

        func inlineVerdicts(_ facts: [Fact]) -> [String: Fact] {
            var out: [String: Fact] = [:]
            for f in facts where f.kind == .canInline || f.kind == .cannotInline {
                out[f.function ?? f.subject] = f
            }
            return out
        }
        let oldInl = inlineVerdicts(old), newInl = inlineVerdicts(new)
        var lost: [InliningChange] = [], gained: [InliningChange] = []
        for (fn, cur) in newInl {
            let was = oldInl[fn]
            if cur.kind == .cannotInline, was?.kind == .canInline {
                lost.append(InliningChange(function: fn, current: cur, baseline: was))
            } else if cur.kind == .canInline, was?.kind == .cannotInline {
                gained.append(InliningChange(function: fn, current: cur, baseline: was))
            }
        }
        lostInlining = lost.sorted { $0.function < $1.function }
        gainedInlining = gained.sorted { $0.function < $1.function }

        var counts: [String: SiteCount] = [:]
        for f in old where f.isHeapSite { counts[f.function ?? "", default: SiteCount(baseline: 0, current: 0)].baseline += 1 }
        for f in new where f.isHeapSite { counts[f.function ?? "", default: SiteCount(baseline: 0, current: 0)].current += 1 }
        heapSiteChanges = counts.filter { $0.value.baseline != $0.value.current }
    }
}
