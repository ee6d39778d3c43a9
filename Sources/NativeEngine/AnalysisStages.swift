import Foundation

// # Where the native engine's time goes
//
// The native engine computes everything on demand: asking for a package's inlining facts
// type-checks it and its imports, lowers them to GoIR, decides their verdicts and expands
// their calls, each step triggered from inside another. To know which step the time of a scan
// goes to (and so which one to take out of the session's locks next), the steps charge their
// time to a stage clock with a stack per thread: entering a stage pauses the one it was called
// from on that thread, so every nanosecond a thread spends in a stage is charged to exactly
// one stage (exclusive time), whatever the nesting.
//
// The session serialises part of the analysis with a lock (`NativeIR.inlinerLock`, around
// the inliner's tables), taken through `holding`, which knows which thread holds it. A stage's time goes to
// one of two tables by what its thread held meanwhile: the locked table (work that waits for,
// and makes others wait for, the lock) or the unlocked one (type checking, lowering a package
// before its job takes the lock, escape analysis, allocation sites). The time each thread held
// a session lock is summed too, so the locked stages and what no stage measured inside the
// lock (bookkeeping, facts rendered under it) add up to it. Each table is summed over threads:
// with several jobs a table can exceed the wall time.

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

/// Exclusive time per `AnalysisStage` over a run, split by whether the thread held the session's
/// lock, and the time threads held it (see the essay above).
public final class AnalysisStages: @unchecked Sendable {
    /// Guards everything below.
    private let lock = NSLock()
    /// Stage time charged while the thread held a session lock.
    private var locked = [UInt64](repeating: 0, count: AnalysisStage.allCases.count)
    /// Stage time charged while the thread held none.
    private var unlocked = [UInt64](repeating: 0, count: AnalysisStage.allCases.count)
    /// Time threads held the session's lock, summed over threads.
    private var held: UInt64 = 0
    /// One thread's clock.
    private struct ThreadClock {
        /// Stages entered and not yet left, innermost last.
        var open: [AnalysisStage] = []
        /// When the innermost open stage last started being charged.
        var since: UInt64 = 0
        /// How many times the thread holds the session's (recursive) lock, and since when.
        var locks = 0
        var lockedSince: UInt64 = 0
    }
    /// Clocks of the threads inside a stage or holding a lock, by `pthread_self()`.
    private var clocks: [UInt: ThreadClock] = [:]

    /// A clock with nothing charged.
    public init() {}

    /// Runs `body` charged to `stage`; the stage it was called from on this thread is paused
    /// meanwhile.
    @inline(__always)
    public func measure<T>(_ stage: AnalysisStage, _ body: () throws -> T) rethrows -> T {
        enter(stage)
        defer { leave() }
        return try body()
    }

    /// Runs `body` holding `mutex`, the session's lock: the time it is held is counted, and
    /// stages measured meanwhile on this thread go to the locked table.
    public func holding<T>(_ mutex: NSLocking, _ body: () throws -> T) rethrows -> T {
        mutex.lock()
        let acquired = DispatchTime.now().uptimeNanoseconds
        update { clock in
            charge(&clock, at: acquired)
            if clock.locks == 0 { clock.lockedSince = acquired }
            clock.locks += 1
        }
        defer {
            let released = DispatchTime.now().uptimeNanoseconds
            update { clock in
                charge(&clock, at: released)
                clock.locks -= 1
                if clock.locks == 0 { held &+= released &- clock.lockedSince }
            }
            mutex.unlock()
        }
        return try body()
    }

    private func enter(_ stage: AnalysisStage) {
        let now = DispatchTime.now().uptimeNanoseconds
        update { clock in
            charge(&clock, at: now)
            clock.open.append(stage)
        }
    }

    private func leave() {
        let now = DispatchTime.now().uptimeNanoseconds
        update { clock in
            charge(&clock, at: now)
            clock.open.removeLast()
        }
    }

    /// Charges the innermost open stage of a thread up to `now` (locked: `lock` is held).
    private func charge(_ clock: inout ThreadClock, at now: UInt64) {
        if let stage = clock.open.last {
            if clock.locks > 0 { locked[stage.rawValue] &+= now &- clock.since } else { unlocked[stage.rawValue] &+= now &- clock.since }
        }
        clock.since = now
    }

    /// Runs `change` on the calling thread's clock with `lock` held, dropping the clock when
    /// the thread has nothing open.
    private func update(_ change: (inout ThreadClock) -> Void) {
        #if os(Linux)
        let thread = UInt(pthread_self())
        #else
        let thread = UInt(bitPattern: pthread_self())
        #endif
        lock.lock()
        defer { lock.unlock() }
        var clock = clocks[thread] ?? ThreadClock()
        change(&clock)
        clocks[thread] = clock.open.isEmpty && clock.locks == 0 ? nil : clock
    }

    /// Seconds charged to each stage while a session lock was held, in `AnalysisStage` order.
    public var seconds: [(stage: AnalysisStage, seconds: Double)] {
        let ns = lock.withLock { locked }
        return AnalysisStage.allCases.map { ($0, Double(ns[$0.rawValue]) / 1e9) }
    }

    /// Seconds charged to each stage while no session lock was held (beside other packages'
    /// jobs), in `AnalysisStage` order.
    public var secondsOutsideLock: [(stage: AnalysisStage, seconds: Double)] {
        let ns = lock.withLock { unlocked }
        return AnalysisStage.allCases.map { ($0, Double(ns[$0.rawValue]) / 1e9) }
    }

    /// Seconds threads held the session's lock, summed over threads.
    public var heldSeconds: Double { Double(lock.withLock { held }) / 1e9 }
}
