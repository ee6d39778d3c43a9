import Foundation

/// Runs one job per package on up to `jobs` threads, starting a package only when every
/// package it imports has finished, and returns the results in the input (bottom-up) order, so
/// the merged output does not depend on timing. One job takes the packages in `plan` order.
///
/// Of the packages ready to start, the one heading the costliest chain of importers goes first
/// (the critical path: the package's own size plus the largest such sum over the packages that
/// import it). Taking them in input order instead started `net`, the head of std's longest tail
/// (`net` → `crypto/x509` → `crypto/tls` → `net/http/internal/http2` → `net/http`), after
/// packages nothing waits for, such as `go/types`, and left a core idle while the chain ran.
struct PackageScheduler {
    let jobs: Int
    /// Starts a job's thread (the scan's jobs run on threads with a large stack).
    var startThread: (@escaping @Sendable () -> Void) -> Void = { Thread.detachNewThread($0) }

    /// `dependencies[i]` lists indices of packages package `i` imports; each must be smaller
    /// than `i` (bottom-up order), which also rules out deadlock on cycles. `costs[i]` estimates
    /// package `i`'s work (its source size), or is empty to take ready packages in input order.
    ///
    /// With `prepare`, each package is prepared exactly once before its job runs `body`: by a
    /// job with no package ready (the others wait for one still running, such as `runtime`,
    /// which nearly all of std imports), or else at the start of the package's own job. A
    /// package may be prepared once every package it imports is finished or prepared (the idle
    /// job takes the costliest chain's head of those); it is not started while being prepared.
    /// `prepare` must leave the results as they would be without it: it does work the job
    /// would do anyway and that needs only the imports prepared (type checking, which needs
    /// only their types).
    func run<R>(count: Int, dependencies: [[Int]], costs: [Int] = [], prepare: (@Sendable (Int) -> Void)? = nil,
                _ body: @escaping @Sendable (Int) -> R) -> [R] {
        if count == 0 { return [] }
        let state = SchedulerState(count: count, dependencies: dependencies,
                                   priorities: Self.chainCosts(dependencies: dependencies, costs: costs))
        let group = DispatchGroup()
        for _ in 0..<min(max(jobs, 1), count) {
            group.enter()
            startThread {
                state.condition.lock()
                while true {
                    // Prepares a package marked as being prepared, outside the lock.
                    func prepareMarked(_ index: Int, _ prepare: @Sendable (Int) -> Void) {
                        state.condition.unlock()
                        prepare(index)
                        state.condition.lock()
                        state.preparation[index] = .prepared
                        state.condition.broadcast()
                    }
                    if let index = state.takeReady() {
                        if let prepare, state.preparation[index] == .none {
                            state.preparation[index] = .preparing
                            prepareMarked(index, prepare)
                        }
                        state.condition.unlock()
                        let result = body(index)
                        state.condition.lock()
                        state.results[index] = result
                        state.finish(index)
                        state.condition.broadcast()
                        continue
                    }
                    if state.done >= count { break }
                    if let prepare, let index = state.takePreparation(dependencies: dependencies) {
                        prepareMarked(index, prepare)
                        continue
                    }
                    state.condition.wait()
                }
                state.condition.unlock()
                group.leave()
            }
        }
        group.wait()
        return state.results.map { $0 as! R }
    }

    /// The order one job takes the packages in: each time the ready package of highest priority
    /// (`chainCosts`). Several jobs start packages in nearly this order, so it is also the order
    /// in which a run is recorded while it is analysed (the recording waits little for a
    /// package that comes late).
    static func plan(dependencies: [[Int]], costs: [Int]) -> [Int] {
        let state = SchedulerState(count: dependencies.count, dependencies: dependencies,
                                   priorities: chainCosts(dependencies: dependencies, costs: costs))
        var order: [Int] = []
        order.reserveCapacity(dependencies.count)
        while !state.ready.isEmpty {
            let i = state.ready.removeFirst()
            order.append(i)
            state.finish(i)
        }
        return order
    }

    /// Each package's cost plus the costliest chain of packages importing it, directly or not
    /// (all zero without costs).
    static func chainCosts(dependencies: [[Int]], costs: [Int]) -> [Int] {
        guard costs.count == dependencies.count else { return Array(repeating: 0, count: dependencies.count) }
        var chain = costs
        // Importers come after what they import: walking backwards sees every importer first.
        for i in dependencies.indices.reversed() {
            for d in dependencies[i] { chain[d] = max(chain[d], costs[d] + chain[i]) }
        }
        return chain
    }
}

/// Shared progress of a scheduled run, guarded by its condition.
final class SchedulerState: @unchecked Sendable {
    let condition = NSCondition()
    var remaining: [Int]
    var dependents: [[Int]]
    var ready: [Int]
    var results: [Any?]
    var done = 0
    /// Whether each package's job has finished.
    var finished: [Bool]
    /// Each package's preparation (`PackageScheduler.run`'s `prepare`).
    var preparation: [Preparation]
    enum Preparation { case none, preparing, prepared }
    /// The order among ready packages: higher first, then lower index.
    let priorities: [Int]
    init(count: Int, dependencies: [[Int]], priorities: [Int]) {
        remaining = dependencies.map(\.count)
        dependents = Array(repeating: [], count: count)
        for (i, deps) in dependencies.enumerated() { for d in deps { dependents[d].append(i) } }
        self.priorities = priorities
        ready = []
        results = Array(repeating: nil, count: count)
        finished = Array(repeating: false, count: count)
        preparation = Array(repeating: .none, count: count)
        for i in 0..<count where dependencies[i].isEmpty { makeReady(i) }
    }

    /// The first ready package not being prepared, taken off the ready list.
    func takeReady() -> Int? {
        guard let at = ready.firstIndex(where: { preparation[$0] != .preparing }) else { return nil }
        return ready.remove(at: at)
    }

    /// The package to prepare ahead of its job, marked as being prepared: of those still
    /// waiting for an import (so neither ready nor started) and not prepared, whose imports are
    /// all finished or prepared, the one of highest priority (then lower index).
    func takePreparation(dependencies: [[Int]]) -> Int? {
        var best: Int?
        for i in remaining.indices where remaining[i] > 0 && preparation[i] == .none {
            if let b = best, priorities[b] >= priorities[i] { continue }
            if dependencies[i].allSatisfy({ finished[$0] || preparation[$0] == .prepared }) { best = i }
        }
        if let best { preparation[best] = .preparing }
        return best
    }

    /// Counts package `i` done and queues the packages that waited only for it.
    func finish(_ i: Int) {
        done += 1
        finished[i] = true
        for d in dependents[i] {
            remaining[d] -= 1
            if remaining[d] == 0 { makeReady(d) }
        }
    }

    /// Queues package `i` in its place among the ready ones.
    func makeReady(_ i: Int) {
        let at = ready.firstIndex { priorities[$0] < priorities[i] || (priorities[$0] == priorities[i] && $0 > i) } ?? ready.count
        ready.insert(i, at: at)
    }
}
