import Foundation

// # Where the native engine's serial time goes
//
// The native engine computes everything on demand: asking for a package's inlining facts
// type-checks it and its imports, lowers them to GoIR, decides their verdicts and expands
// their calls, each step triggered from inside another. To know which step the time of a scan
// goes to (and so which one to take out of the session's lock first), the steps charge their
// time to a stage clock with a stack: entering a stage pauses the one it was called from, so
// every nanosecond is charged to exactly one stage (exclusive time), whatever the nesting.
//
// The stack clock is not synchronised: the session's lock already serialises every stage it
// measures. Outside that lock (tests that drive `NativeIR` directly) it only counts.
//
// A stage that runs outside the session's lock, beside other packages' jobs (the allocation
// sites of a finished escape analysis), is timed apart: `measureOutsideLock` adds each call's
// elapsed time to a second, locked table, which is not part of the serial total.

/// One step of the native analysis whose time `AnalysisStages` measures.
public enum AnalysisStage: Int, CaseIterable, Sendable {
    /// Type checking a package (and, on first use, the imports it needs).
    case typeCheck
    /// Lowering a checked package to GoIR.
    case lowering
    /// Deciding inlining verdicts (costing bodies against the budgets).
    case inlineDecisions
    /// Expanding inlined calls, and the clean-up escape analysis needs after it.
    case expansion
    /// Escape analysis of a package's expanded bodies.
    case escape
    /// Allocation sites from the escape verdicts.
    case allocations
    /// The inlining pass's facts from the verdicts and expanded bodies (shape instances,
    /// method wrappers, inlined and devirtualized calls, names and positions).
    case inliningFacts

    /// The name `scan --timings` prints.
    public var name: String {
        switch self {
        case .typeCheck: "type-check"
        case .lowering: "lowering"
        case .inlineDecisions: "inline costs"
        case .expansion: "expansion"
        case .escape: "escape"
        case .allocations: "allocations"
        case .inliningFacts: "inlining facts"
        }
    }
}

/// Exclusive time per `AnalysisStage` over a run (see the essay above).
public final class AnalysisStages: @unchecked Sendable {
    private var nanoseconds = [UInt64](repeating: 0, count: AnalysisStage.allCases.count)
    /// Time of the stages run outside the session's lock (guarded by `outsideLock`).
    private var outsideNanoseconds = [UInt64](repeating: 0, count: AnalysisStage.allCases.count)
    private let outsideLock = NSLock()
    /// Stages entered and not yet left, innermost last.
    private var open: [AnalysisStage] = []
    /// When the innermost open stage last started being charged.
    private var since: UInt64 = 0

    /// A clock with nothing charged.
    public init() {}

    /// Runs `body` charged to `stage`; the stage it was called from is paused meanwhile.
    @inline(__always)
    public func measure<T>(_ stage: AnalysisStage, _ body: () throws -> T) rethrows -> T {
        enter(stage)
        defer { leave() }
        return try body()
    }

    private func enter(_ stage: AnalysisStage) {
        let now = DispatchTime.now().uptimeNanoseconds
        if let outer = open.last { nanoseconds[outer.rawValue] &+= now &- since }
        open.append(stage)
        since = now
    }

    private func leave() {
        let now = DispatchTime.now().uptimeNanoseconds
        if let inner = open.popLast() { nanoseconds[inner.rawValue] &+= now &- since }
        since = now
    }

    /// Runs `body`, which runs outside the session's lock on any thread, charging its elapsed
    /// time to `stage` in the table of `secondsOutsideLock` (never to the serial stages).
    public func measureOutsideLock<T>(_ stage: AnalysisStage, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = DispatchTime.now().uptimeNanoseconds &- started
            outsideLock.withLock { outsideNanoseconds[stage.rawValue] &+= elapsed }
        }
        return try body()
    }

    /// Seconds each stage ran outside the session's lock (`measureOutsideLock`), summed over
    /// threads, in `AnalysisStage` order.
    public var secondsOutsideLock: [(stage: AnalysisStage, seconds: Double)] {
        let ns = outsideLock.withLock { outsideNanoseconds }
        return AnalysisStage.allCases.map { ($0, Double(ns[$0.rawValue]) / 1e9) }
    }

    /// Seconds charged to each stage so far, in `AnalysisStage` order.
    public var seconds: [(stage: AnalysisStage, seconds: Double)] {
        AnalysisStage.allCases.map { ($0, Double(nanoseconds[$0.rawValue]) / 1e9) }
    }
}
