import GoIR
import GoSyntax
import GoTypes
import PassKit

/// Sites escape analysis never models (go-compiler-facts.md §4.2 "allocating but not
/// reported"): channel creation, map inserts, goroutine starts, heap defers, `s += x`.
extension SiteWalker {
    /// `make(chan T, n)`: always on the heap; a buffered channel whose elements hold pointers
    /// gets its buffer in a second allocation.
    mutating func channel(_ id: IRNodeID, depth: Int) {
        let n = f[id]
        let element = program.elementType(n.type)
        let size = n.a.exists ? constantInt(n.a) : 0
        let buffered = size.map { $0 > 0 } ?? true
        let twice = buffered && program.sizeof(element) > 0 && program.hasPointers(element)
        recordCall(id, kind: .makeChan, placement: .heap, subject: "make(chan)", cause: .channel, runtime: "makechan",
                   rule: twice ? "a buffer of pointers is allocated apart from the channel" : nil,
                   allocations: twice ? 2 : 1, depth: depth)
    }

    /// Map inserts (`m[k] = v`, `m[k] op= v`, `m[k]++`) and `s += x` on strings.
    mutating func assignment(_ id: IRNodeID, depth: Int) {
        let n = f[id]
        let targets = n.op == .assignList ? f.list(n.list) : [n.a]
        for t in targets where t.exists && f[t].op == .indexMap {
            recordCall(id, kind: .mapGrow, placement: .may, subject: "map assignment", cause: .mapGrowth,
                       runtime: MapLayout.assignFunction(program, mapType: f[f[t].a].type), depth: depth)
        }
        // `s += a + b` joins the right side's concatenation (one call, its own verdict).
        if n.op == .assignOp, n.a.exists, program.basicKind(program.under(f[n.a].type)) == .string,
           !(n.b.exists && f[n.b].op == .addString),
           let t = Token(rawValue: UInt8(n.aux)), t == .add || t == .addAssign {
            recordCall(id, kind: .concat, placement: .heap, subject: "+=", cause: .concatAssign, runtime: "concatstring2",
                       depth: depth)
        }
    }

    /// The inserts of a map literal's entries.
    mutating func mapLiteral(_ id: IRNodeID, depth: Int) {
        let n = f[id]
        let entries = f.list(n.list)
        guard !entries.isEmpty else { return }
        let runtime = MapLayout.assignFunction(program, mapType: n.type)
        if let s = nodeSites[id], s.escapes, verdictKeys.contains(NativeAllocations.key(s.position, s.text)) {
            // The first insert into a fresh heap map allocates its first group; a literal of
            // more than 8 entries is created with its groups.
            guard Int64(entries.count) <= MapLayout.groupSlots else { return }
            var explanation = ["not printed by -m: walk emits a call of runtime.\(runtime) per entry",
                               "the first insert into a fresh heap map allocates its first group"]
            explanation += AllocationCause.mapGrowth.explanationLines
            keep(NativeAllocationSite(
                functionName: f.name, kind: .mapGrow, placement: .heap, reporting: .verdict,
                file: s.position.file, line: Int(s.position.line), column: Int(s.position.column),
                codeFile: s.position.file, codeLine: Int(s.position.line), inlined: n.pos.inlined >= 0,
                subject: s.text + " (first insert)", runtimeFunction: runtime, loopDepth: depth, cause: .mapGrowth,
                explanation: explanation, allocations: 1))
        } else {
            for _ in 0..<insertCalls(entries) {
                recordCall(id, kind: .mapGrow, placement: .may, subject: "map assignment", cause: .mapGrowth, runtime: runtime,
                           depth: depth)
            }
        }
    }

    /// Entries above which walk inserts a map literal's static entries from two read-only
    /// arrays in a loop (one insert call) instead of one call per entry.
    static let mapLiteralLoopEntries = 25

    /// The insert calls walk emits for a map literal's entries: one per entry whose key or
    /// value is computed at run time, and one per static entry, or a single looping call when
    /// there are more than `mapLiteralLoopEntries` static entries.
    func insertCalls(_ entries: [IRNodeID]) -> Int {
        let statics = entries.filter { e in
            let entry = f[e]
            guard entry.op == .key else { return false }
            return isStaticEntryPart(entry.a) && isStaticEntryPart(entry.b)
        }.count
        let dynamics = entries.count - statics
        return dynamics + (statics > Self.mapLiteralLoopEntries ? 1 : statics)
    }

    /// A map literal key or value walk may place in read-only data: a constant or a literal of
    /// constants, string constants excepted in the FIPS module (`FIPSModule`).
    func isStaticEntryPart(_ id: IRNodeID) -> Bool {
        guard isStaticValue(id) else { return false }
        guard FIPSModule.contains(package.path), id.exists else { return true }
        return program.basicKind(program.under(f[id].type)) != .string
    }

    /// `go` statements and heap `defer`s; the closure holding a wrapper's arguments.
    mutating func goDefer(_ id: IRNodeID, depth: Int) {
        let n = f[id]
        let isGo = n.op == .goStmt
        if isGo {
            recordCall(id, kind: .go, placement: .may, subject: "go statement", cause: .goroutine, runtime: "newproc",
                       rule: "goroutines come from a free list when one is available", depth: depth)
        } else if n.flags.contains(.heapDefer) {
            recordCall(id, kind: .defer, placement: .may, subject: "defer statement", cause: .heapDefer, runtime: "deferproc",
                       rule: "heap defer records come from a per-P pool when one is available", depth: depth)
        }
        // A wrapper literal capturing the call's arguments: its record is allocated with the
        // goroutine (or the heap defer); escape analysis prints no verdict for it.
        guard isGo || n.flags.contains(.heapDefer), n.a.exists, f[n.a].op == .call else { return }
        let callee = f[f[n.a].a]
        guard callee.op == .closure else { return }
        let literal = package[function: Int(callee.aux)]
        guard literal.kind == .goDeferWrapper, !literal.captured.isEmpty else { return }
        recordCall(id, kind: .new, placement: .heap, subject: "runtime.newobject", cause: isGo ? .goroutine : .heapDefer,
                   runtime: "newobject", rule: "the wrapper closure holding the call's arguments", depth: depth)
    }
}
