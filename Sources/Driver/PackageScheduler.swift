import Foundation

/// Runs one job per package on up to `jobs` threads, starting a package only when every
/// package it imports has finished, and returns the results in the input (bottom-up) order, so
/// the merged output does not depend on timing.
struct PackageScheduler {
    let jobs: Int

    /// `dependencies[i]` lists indices of packages package `i` imports; each must be smaller
    /// than `i` (bottom-up order), which also rules out deadlock on cycles.
    func run<R>(count: Int, dependencies: [[Int]], _ body: @escaping @Sendable (Int) -> R) -> [R] {
        if count == 0 { return [] }
        if jobs <= 1 { return (0..<count).map(body) }
        let state = SchedulerState(count: count, dependencies: dependencies)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, count) {
            group.enter()
            Thread.detachNewThread {
                while true {
                    state.condition.lock()
                    while state.ready.isEmpty && state.done < count { state.condition.wait() }
                    if state.done >= count && state.ready.isEmpty {
                        state.condition.unlock()
                        break
                    }
                    let index = state.ready.removeFirst()
                    state.condition.unlock()
                    let result = body(index)
                    state.condition.lock()
                    state.results[index] = result
                    state.done += 1
                    for d in state.dependents[index] {
                        state.remaining[d] -= 1
                        if state.remaining[d] == 0 { state.ready.append(d); state.ready.sort() }
                    }
                    state.condition.broadcast()
                    state.condition.unlock()
                }
                group.leave()
            }
        }
        group.wait()
        return state.results.map { $0 as! R }
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
    init(count: Int, dependencies: [[Int]]) {
        remaining = dependencies.map(\.count)
        dependents = Array(repeating: [], count: count)
        for (i, deps) in dependencies.enumerated() { for d in deps { dependents[d].append(i) } }
        ready = (0..<count).filter { dependencies[$0].isEmpty }
        results = Array(repeating: nil, count: count)
    }
}
