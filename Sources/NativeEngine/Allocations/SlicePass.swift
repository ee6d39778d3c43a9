import GoIR
import GoTypes

/// The compiler's post-escape `slice` pass (go-compiler-facts.md §2.12), as far as it changes
/// allocation counts: a slice variable of the function (parameter, result or local) with
/// elements of at most 32 bytes, used only in ways the pass understands (`s = append(s, …)`,
/// `len`, `cap`, `s[i]`, `s = s[i:j]`, `s = nil`, `s = []T{…}`) and with exactly one
/// exclusive→shared transition (`return s`, a bare `return` of a named result, `x = s`,
/// `range s`) not inside a loop deeper than its declaration, whose appends weigh at
/// least 2 (an append in a loop counts more), gets its appends forced to the stack after the
/// `-m` lines were printed, and `s = move2heap(s)` before the transition.
///
/// Effect on the sites: the appends of such a variable use the stack buffer and the slice
/// reaches the heap once (grown there, or moved at the transition): the first append in
/// source order is the one heap site, the others are `may`.
enum SlicePass {
    /// One rewritten variable: its appends in source order, the statement before which the
    /// slice moves to the heap, and the run-time function that moves it.
    struct Rewrite {
        /// The appends kept on the stack.
        var appends: [IRNodeID]
        /// The exclusive→shared transition.
        var transition: IRNodeID
        /// `moveSlice` when the capacity is used, else `moveSliceNoCap`; with `NoScan` for
        /// elements without pointers.
        var moveFunction: String
    }

    /// Whether any node of the function is an `append`: one pass over its node table, far
    /// cheaper than the tree walks that look for appends to rewrite or keep within capacity.
    static func hasAppend(_ f: IRFunction) -> Bool {
        let append = Int32(BuiltinFunction.append.rawValue)
        return f.nodes.contains { $0.op == .builtin && $0.aux == append }
    }

    /// The variables the pass rewrites.
    static func rewrites(_ f: IRFunction, _ program: Program) -> [Rewrite] {
        struct Info {
            var ok = 0
            var all = 0
            var transitions: [(depth: Int, node: IRNodeID)] = []
            var capUsed = false
            var appends: [IRNodeID] = []
            var weight = 0
            var declDepth = 0
        }
        var infos: [Int32: Info] = [:]
        var namedResults: [Int32] = []
        for (i, v) in f.variables.enumerated()
        where v.varClass == .local || v.varClass == .temp || v.varClass == .result || v.varClass == .param {
            guard case .slice(let e) = program.node(program.under(v.type)), program.sizeof(e) <= 32,
                  !v.flags.contains(.addressTaken), !v.flags.contains(.captured) else { continue }
            infos[Int32(i)] = Info()
            if v.varClass == .result { namedResults.append(Int32(i)) }
        }
        // A rewrite needs appends (weight 2): without any, no walk.
        guard !infos.isEmpty, hasAppend(f) else { return [] }
        func tracked(_ id: IRNodeID) -> Int32? {
            guard id.exists, f[id].op == .name, infos[f[id].aux] != nil else { return nil }
            return f[id].aux
        }
        func isAppend(_ id: IRNodeID, of v: Int32) -> Bool {
            guard id.exists, f[id].op == .builtin, BuiltinFunction(rawValue: UInt8(f[id].aux)) == .append,
                  let first = f.list(f[id].list).first else { return false }
            return tracked(first) == v
        }
        func visit(_ id: IRNodeID, _ depth: Int) {
            guard id.exists else { return }
            let n = f[id]
            if n.op == .name, let v = tracked(id) { infos[v]!.all += 1 }
            switch n.op {
            case .declare:
                if infos[n.aux] != nil { infos[n.aux]!.declDepth = depth }
            case .assign:
                if let v = tracked(n.a) {
                    if isAppend(n.b, of: v) {
                        infos[v]!.ok += 2
                        infos[v]!.appends.append(n.b)
                        infos[v]!.weight += 1 + max(depth - infos[v]!.declDepth, 0)
                    } else if !n.b.exists || f[n.b].op == .nilValue {
                        infos[v]!.ok += 1
                    } else if f[n.b].op == .sliceLit {
                        infos[v]!.ok += 1
                        infos[v]!.capUsed = true
                    } else if f[n.b].op == .slice, tracked(f[n.b].a) == v {
                        infos[v]!.ok += 2
                        infos[v]!.capUsed = true
                    }
                } else if let v = tracked(n.b) {
                    infos[v]!.ok += 1
                    infos[v]!.transitions.append((depth, id))
                }
            case .returnStmt:
                for x in f.list(n.list) { if let v = tracked(x) { infos[v]!.ok += 1; infos[v]!.transitions.append((depth, id)) } }
                // A bare return hands every named result over.
                if f.list(n.list).isEmpty { for v in namedResults where infos[v] != nil { infos[v]!.transitions.append((depth, id)) } }
            case .rangeStmt:
                if let v = tracked(n.a) { infos[v]!.ok += 1; infos[v]!.transitions.append((depth, id)) }
            case .builtin:
                let b = BuiltinFunction(rawValue: UInt8(n.aux))
                if b == .len || b == .cap, let a = f.list(n.list).first, let v = tracked(a) {
                    infos[v]!.ok += 1
                    if b == .cap { infos[v]!.capUsed = true }
                }
            case .index:
                if let v = tracked(n.a) { infos[v]!.ok += 1 }
            default: break
            }
            let loop = n.op == .forStmt || n.op == .rangeStmt
            visit(n.a, depth)
            visit(n.b, loop ? depth + 1 : depth)
            visit(n.c, depth)
            // Lists read in place from the table (`f.list` made an array per list).
            if n.list > 0 {
                for k in 0..<Int(f.lists[Int(n.list)]) { visit(IRNodeID(f.lists[Int(n.list) + 1 + k]), loop ? depth + 1 : depth) }
            }
            if n.list2 > 0 {
                for k in 0..<Int(f.lists[Int(n.list2)]) { visit(IRNodeID(f.lists[Int(n.list2) + 1 + k]), depth) }
            }
        }
        visit(f.body, 0)
        return infos.keys.sorted().compactMap { v in
            let i = infos[v]!
            guard i.ok == i.all, i.transitions.count == 1, i.transitions[0].depth <= i.declDepth, i.weight >= 2 else { return nil }
            let element = program.elementType(f[IRVarID(v)].type)
            let scan = program.hasPointers(element) ? "" : "NoScan"
            return Rewrite(appends: i.appends.sorted(), transition: i.transitions[0].node,
                           moveFunction: (i.capUsed ? "moveSlice" : "moveSliceNoCap") + scan)
        }
    }
}
