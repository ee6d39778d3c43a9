import FactStore
import PassKit

/// Everything heapsight knows about one function's decisions, for `heapsight explain`: each
/// heap site with its kind, verdict, flow ("why"), remedy and profile weight; the inlining
/// verdict with its cost against the budget and the reasons the compiler gave; the profile's
/// total for the function; and what changed against a baseline run. Built from a report model,
/// so it reads exactly what the reports read.
public struct FunctionExplanation: Sendable, Encodable {
    /// One heap site (or a site whose placement is decided at run time).
    public struct Site: Sendable, Encodable {
        /// File relative to the scanned root.
        public var file: String
        /// Line.
        public var line: Int
        /// Byte column.
        public var column: Int
        /// What allocates (`make-slice`, `composite`, ...; the fact kind for escapes and moved variables).
        public var kind: String
        /// `heap`, `may` (decided at run time), or the fact kind (`escapes`, `moved-to-heap`).
        public var verdict: String
        /// The expression or variable.
        public var subject: String
        /// Loop nesting depth, when known.
        public var loopDepth: Int?
        /// The compiler's explanation: the flow that puts the value on the heap.
        public var why: [String]
        /// What to do about it.
        public var remedy: Remedy?
        /// What the run's profiles measured on this line (zero when no sample hit it); nil when
        /// the run has no profile. Profiles are line-granular: sites sharing a line share it.
        public var weight: ProfileWeight?
    }

    /// The inlining verdict.
    public struct Inlining: Sendable, Encodable {
        /// `inlinable`, `not-inlinable` or `unknown` (no inlining fact).
        public var verdict: String
        /// The cost, when the compiler gave it.
        public var cost: Int?
        /// The budget the cost is measured against.
        public var budget: Int
        /// The compiler's reason for refusing, when refused.
        public var reason: String?
        /// The cost breakdown or reasons recorded with the verdict.
        public var breakdown: [String]
    }

    /// What changed against the baseline run.
    public struct Change: Sendable, Encodable {
        /// The baseline run's display name.
        public var baseline: String
        /// Heap sites now and in the baseline.
        public var heapSites: Int
        /// Heap sites in the baseline.
        public var baselineHeapSites: Int
        /// Heap escapes that are new, as `file:line subject`.
        public var newEscapes: [String]
        /// Heap escapes that are gone.
        public var fixedEscapes: [String]
        /// `lost`, `gained` or nil when inlinability did not change.
        public var inlining: String?
    }

    /// Function id.
    public var function: String
    /// File relative to the scanned root.
    public var file: String
    /// First line of the declaration.
    public var startLine: Int
    /// Last line of the body.
    public var endLine: Int
    /// The inlining verdict.
    public var inlining: Inlining
    /// Heap sites in source order.
    public var sites: [Site]
    /// Allocation sites the compiler keeps on the stack.
    public var stackSites: Int
    /// Calls inlined into this function.
    public var inlinedCalls: [String]
    /// The profiles' total for the function (positions inside it), when profiled.
    public var profile: ProfileWeight?
    /// Profiled positions in the function that no pass reports as a heap site.
    public var unknownPositions: [String]
    /// Against the baseline, when one was given.
    public var change: Change?

    /// Explains `fn` from the model.
    public init(_ fn: FunctionRecord, model: ReportModel) {
        function = fn.id
        file = fn.file
        startLine = fn.startLine
        endLine = fn.endLine
        let facts = model.facts.filter { $0.function == fn.id }
        let hasAllocFacts = model.facts.contains { $0.kind == .alloc }
        var weights: [String: ProfileWeight] = [:]
        var profileTotal: ProfileWeight?
        var unknown: [String] = []
        // A position belongs to the function its code was compiled into: the call site's function
        // for an inlined frame, where the compiler also reports the inlined allocation.
        let innermost = model.functions.filter { $0.file == fn.file }
        func compiledInto(_ line: Int) -> String? {
            innermost.filter { $0.startLine <= line && line <= $0.endLine }
                .max { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }?.id
        }
        for s in model.profileSites where s.status != .stale && s.physicalFile == fn.file && compiledInto(s.physicalLine) == fn.id {
            weights["\(s.physicalLine)", default: .zero] = weights["\(s.physicalLine)", default: .zero] + s.weight
            profileTotal = (profileTotal ?? .zero) + s.weight
            if s.status == .unknown {
                unknown.append("\(s.file):\(s.line) \(s.symbol)" + (s.callFile.map { " (inlined at \($0):\(s.physicalLine))" } ?? ""))
            }
        }
        profile = profileTotal
        unknownPositions = unknown.sorted()

        // Why: the site's own explanation, else the escape fact at the same position.
        var escapeWhy: [String: [String]] = [:]
        for f in facts where (f.kind == .escapes || f.kind == .movedToHeap) && !f.explanation.isEmpty {
            escapeWhy["\(f.line):\(f.column)"] = f.explanation
        }
        // With profiles recorded, a site the samples never hit weighs zero (rather than unknown).
        let profiled = !model.profileSites.isEmpty
        var sites: [Site] = []
        for f in facts {
            let detail = AllocationDetail(fact: f)
            let isSite: Bool
            if hasAllocFacts {
                isSite = (detail.map { $0.placement != .stack } ?? false) || f.kind == .movedToHeap
            } else {
                isSite = f.kind == .escapes || f.kind == .movedToHeap
            }
            guard isSite else { continue }
            // With alloc facts, a moved variable is also an alloc fact (kind var) at the same place.
            if hasAllocFacts && f.kind == .movedToHeap
                && facts.contains(where: { $0.kind == .alloc && $0.line == f.line && $0.column == f.column }) { continue }
            let why = f.explanation.isEmpty ? (escapeWhy["\(f.line):\(f.column)"] ?? []) : f.explanation
            sites.append(Site(file: f.file, line: f.line, column: f.column, kind: detail?.kind ?? f.kind.rawValue,
                              verdict: detail?.placement.rawValue ?? f.kind.rawValue, subject: f.subject,
                              loopDepth: detail?.depth, why: why, remedy: Remedy.forFact(f),
                              weight: weights["\(f.line)"] ?? (profiled ? ProfileWeight.zero : nil)))
        }
        self.sites = sites
        stackSites = facts.filter { AllocationDetail(fact: $0)?.placement == .stack }.count
        inlinedCalls = facts.filter { $0.kind == .inlineCall }.map(\.subject)

        let verdict = facts.first { $0.kind == .canInline || $0.kind == .cannotInline }
        let cost = verdict?.inlineCost
        inlining = Inlining(verdict: verdict.map { $0.kind == .canInline ? "inlinable" : "not-inlinable" } ?? "unknown",
                            cost: cost?.cost, budget: cost?.budget ?? model.inlineBudget,
                            reason: verdict?.kind == .cannotInline ? verdict?.detail : nil, breakdown: verdict?.explanation ?? [])

        if let d = model.baseline {
            let counts = d.heapSiteChanges[fn.id]
            let inliningChange = d.lostInlining.contains { $0.function == fn.id } ? "lost"
                : d.gainedInlining.contains { $0.function == fn.id } ? "gained" : nil
            change = Change(baseline: d.baseline.displayName,
                            heapSites: counts?.current ?? sites.count, baselineHeapSites: counts?.baseline ?? sites.count,
                            newEscapes: d.newEscapes.filter { $0.function == fn.id }.map { "\($0.file):\($0.line) \($0.subject)" },
                            fixedEscapes: d.fixedEscapes.filter { $0.function == fn.id }.map { "\($0.file):\($0.line) \($0.subject)" },
                            inlining: inliningChange)
        }
    }
}
