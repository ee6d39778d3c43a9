import GoSyntax

/// Initialization cycles among package-level variables.
///
/// While a package-level declaration is checked (a constant's or variable's initializer, a
/// function's or method's body, with the function literals inside it), every use of another
/// package-level constant, variable, function or method of the package is a dependency of
/// it (`declDeps`). Package variables are initialized in dependency order, so a variable
/// that depends on itself, directly or through other variables and function bodies, has no
/// valid order: an initialization cycle.
///
/// Valid packages have none, and that is decided in linear time: functions are transparent
/// for initialization, so a cycle exists exactly when a constant or variable lies on a cycle
/// of the dependency graph (a strongly connected component of more than one node, or a
/// self-dependency). Only then is the spec's order simulated to name the cycle the way
/// go/types does: functions are removed (each predecessor inherits the function's
/// dependencies), then objects are taken constants first, fewest outstanding dependencies
/// next, source order last; an object taken while it still has dependencies closes a cycle,
/// which is reported once, from that object.
extension Checker {
    /// Records that the declaration being checked uses `obj`.
    @inline(__always) func noteDependency(_ obj: ObjectID) {
        guard let from = currentDecl, declInfo[obj] != nil else { return }
        switch program.object(obj).kind {
        case .constant, .variable, .function: declDeps[from, default: []].insert(obj)
        default: break
        }
    }

    /// Reports every initialization cycle of the package.
    func reportInitializationCycles() {
        let nodes = declInfo.keys.filter {
            switch program.object($0).kind {
            case .constant, .variable, .function: return true
            default: return false
            }
        }
        guard anyValueOnCycle(nodes) else { return }

        var succ: [ObjectID: Set<ObjectID>] = [:]
        var pred: [ObjectID: Set<ObjectID>] = [:]
        for n in nodes {
            for d in declDeps[n] ?? [] where declInfo[d] != nil {
                succ[n, default: []].insert(d)
                pred[d, default: []].insert(n)
            }
        }
        let isFunction = { (o: ObjectID) in self.program.object(o).kind == .function }
        let functions = nodes.filter(isFunction).sorted {
            let a = (pred[$0]?.count ?? 0) * (succ[$0]?.count ?? 0), b = (pred[$1]?.count ?? 0) * (succ[$1]?.count ?? 0)
            return a != b ? a < b : $0 < $1
        }
        for f in functions {
            let ps = pred[f] ?? [], ss = succ[f] ?? []
            for p in ps where p != f {
                for s in ss where s != f {
                    succ[p, default: []].insert(s)
                    pred[s, default: []].insert(p)
                }
                succ[p]?.remove(f)
            }
            for s in ss { pred[s]?.remove(f) }
        }

        var remaining = nodes.filter { !isFunction($0) }
        var outstanding: [ObjectID: Int] = [:]
        for n in remaining { outstanding[n] = succ[n]?.count ?? 0 }
        while !remaining.isEmpty {
            var best = 0
            for i in 1..<remaining.count where precedes(remaining[i], remaining[best], outstanding) { best = i }
            let n = remaining.remove(at: best)
            if outstanding[n, default: 0] > 0 {
                var seen = Set<ObjectID>()
                if let cycle = dependencyPath(from: n, to: n, &seen) { reportCycle(cycle) }
            }
            for p in pred[n] ?? [] where outstanding[p] != nil { outstanding[p]! -= 1 }
        }
    }

    /// The order objects are initialized in: constants first, then by outstanding
    /// dependencies, then in source order.
    private func precedes(_ a: ObjectID, _ b: ObjectID, _ outstanding: [ObjectID: Int]) -> Bool {
        let ac = program.object(a).kind == .constant, bc = program.object(b).kind == .constant
        if ac != bc { return ac }
        let x = outstanding[a, default: 0], y = outstanding[b, default: 0]
        return x != y ? x < y : a < b
    }

    /// A dependency path from `from` back to `to` in the original graph (last step first),
    /// trying dependencies in source order.
    private func dependencyPath(from: ObjectID, to: ObjectID, _ seen: inout Set<ObjectID>) -> [ObjectID]? {
        if !seen.insert(from).inserted { return nil }
        for d in (declDeps[from] ?? []).sorted() {
            if d == to { return [d] }
            if let path = dependencyPath(from: d, to: to, &seen) { return path + [d] }
        }
        return nil
    }

    private func reportCycle(_ cycle: [ObjectID]) {
        let first = program.object(cycle[0])
        guard cycle.count > 1 else {
            inFile(Int(first.file)) { error(at: Int(first.offset), "initialization cycle: \(first.name) refers to itself") }
            return
        }
        var message = "initialization cycle for \(first.name)"
        var current = cycle[0]
        for next in cycle.reversed() {
            message += "\n\t\(program.object(current).name) refers to \(program.object(next).name)"
            current = next
        }
        inFile(Int(first.file)) { error(at: Int(first.offset), message) }
    }

    /// True when some constant or variable lies on a cycle of the dependency graph (Tarjan's
    /// strongly connected components, iteratively).
    private func anyValueOnCycle(_ nodes: [ObjectID]) -> Bool {
        var index: [ObjectID: Int] = [:], low: [ObjectID: Int] = [:]
        var onStack = Set<ObjectID>(), stack: [ObjectID] = []
        var counter = 0
        let isValue = { (o: ObjectID) in self.program.object(o).kind != .function }
        for root in nodes where index[root] == nil {
            var work: [(node: ObjectID, deps: [ObjectID], next: Int)] = []
            func push(_ n: ObjectID) {
                index[n] = counter; low[n] = counter; counter += 1
                stack.append(n); onStack.insert(n)
                work.append((n, (declDeps[n] ?? []).filter { declInfo[$0] != nil }.sorted(), 0))
            }
            push(root)
            while !work.isEmpty {
                let top = work.count - 1
                let n = work[top].node
                if work[top].next < work[top].deps.count {
                    let d = work[top].deps[work[top].next]
                    work[top].next += 1
                    if d == n && isValue(n) { return true }
                    if index[d] == nil { push(d) } else if onStack.contains(d) { low[n] = min(low[n]!, index[d]!) }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent]!, low[n]!) }
                if low[n] == index[n] {
                    var component: [ObjectID] = []
                    while let m = stack.popLast() {
                        onStack.remove(m)
                        component.append(m)
                        if m == n { break }
                    }
                    if component.count > 1 && component.contains(where: isValue) { return true }
                }
            }
        }
        return false
    }
}
