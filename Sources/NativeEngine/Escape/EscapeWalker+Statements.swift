import EscapeGraph
import GoIR
import GoSyntax
import GoTypes

/// Statements: assignments into the holes of their destinations, loops and looping labels
/// raising the loop depth, range operands through a persistent temporary, type switch
/// variables, sends and map stores to the heap, returns into the result variables.
extension EscapeWalker {
    /// Walks a statement list read in place from the function's list table (an array per
    /// block was made only to be walked once).
    mutating func block(_ list: Int32) {
        let depth = graph.cursor.loopDepth
        for s in f.nodes(inList: list) { statement(s) }
        graph.cursor.loopDepth = depth
    }

    mutating func statement(_ id: IRNodeID) {
        guard id.exists else { return }
        let n = f[id]
        switch n.op {
        case .block:
            if isInlinedReturn(n) {
                // An inlined `return v`: the compiler assigns the results as a list.
                let stmts = f.list(n.list)
                let a = f[stmts[0]]
                assignList([a.a], [a.b], why: .assignPair, at: stmts[0])
                statement(stmts[1])
            } else {
                block(n.list)
            }
        case .declare:
            if let loc = location(IRVarID(n.aux), in: current) { graph.setLoopDepth(loc, declaredDepth(IRVarID(n.aux))) }
        case .label:
            if labels[n.aux2] == true { graph.cursor.loopDepth += 1 }
        case .branch, .fallthroughStmt: break
        case .ifStmt:
            discard(n.a)
            block(n.list)
            block(n.list2)
        case .forStmt:
            graph.cursor.loopDepth += 1
            discard(n.a)
            statement(n.b)
            block(n.list)
            graph.cursor.loopDepth -= 1
        case .rangeStmt: rangeStatement(id)
        case .switchStmt:
            discard(n.a)
            for c in f.nodes(inList: n.list) {
                for v in f.nodes(inList: f[c].list) { discard(v) }
                block(f[c].list2)
            }
        case .typeSwitch: typeSwitch(id)
        case .selectStmt:
            for c in f.nodes(inList: n.list) {
                statement(f[c].a)
                block(f[c].list2)
            }
        case .send:
            discard(n.a)
            assignHeap(n.b, site(id, .send), .send)
        case .assign:
            assignList([n.a], [n.b], why: .assign, at: id)
        case .assignOp:
            assignList([n.a], [n.b], why: .assign, at: id)
        case .assignList:
            assignList(f.list(n.list), f.list(n.list2), why: .assignPair, at: id)
        case .assignDotType:
            assignList(f.list(n.list), [n.a], why: .assignPairDotType, at: id)
        case .assignMapRead:
            assignList(f.list(n.list), [n.a], why: .assignPairMapRead, at: id)
        case .assignRecv:
            assignList(f.list(n.list), [n.a], why: .assignPairReceive, at: id)
        case .assignCall where f[n.a].op == .dotType:
            // `v, ok := x.(T)`, lowered as a call-like tuple assignment.
            assignList(f.list(n.list), [n.a], why: .assignPairDotType, at: id)
        case .assignCall:
            let ks = f.nodes(inList: n.list).map { addr($0) }
            call(ks, n.a)
            reassigned(ks, f.list(n.list), at: id)
        case .returnStmt:
            let results = f.results.map { v -> IRNodeID in .none }
            _ = results
            returnStatement(id)
        case .goStmt, .deferStmt: goDefer(id)
        case .call, .callInterface, .builtin, .inlinedCall: call([], id)
        default:
            // An expression evaluated for its effects.
            discard(id)
        }
    }

    /// The block inline expansion makes of a callee's `return v`: the result assigned, then a
    /// jump to the end of the inlined body.
    func isInlinedReturn(_ n: IRNode) -> Bool {
        guard n.flags.contains(.synthetic) else { return false }
        let stmts = f.list(n.list)
        guard stmts.count == 2, f[stmts[0]].op == .assign, f[stmts[0]].pos.inlined >= 0 else { return false }
        let jump = f[stmts[1]]
        return jump.op == .branch && Token(rawValue: UInt8(jump.aux)) == .kwGoto
    }

    /// The loop depth a declaration stamps: per-iteration loop variables that are captured or
    /// address-taken move into the loop body (the compiler's loopvar rewrite).
    func declaredDepth(_ v: IRVarID) -> Int32 {
        let x = f[v]
        if x.flags.contains(.perIteration) && (x.flags.contains(.captured) || x.flags.contains(.addressTaken)) {
            return graph.cursor.loopDepth + 1
        }
        return graph.cursor.loopDepth
    }

    mutating func rangeStatement(_ id: IRNodeID) {
        let n = f[id]
        for d in f.nodes(inList: n.list2) { statement(d) }
        let tmp = graph.addTemporary(persists: true)
        expr(.into(tmp), n.a)
        graph.cursor.loopDepth += 1
        let key = n.b.exists ? addr(n.b) : .discard
        let value = n.c.exists ? addr(n.c) : .discard
        let s = site(id, .forLoop)
        _ = key
        if case .array = program.node(program.under(f[n.a].type)) {
            var k = value
            k = graph.note(k, s, .range)
            graph.flow(k, tmp)
        } else {
            let k = graph.deref(value, s, .rangeDeref)
            if !value.isDiscard { graph.flow(k, tmp) }
        }
        for t in [n.b, n.c] where t.exists && f[t].op == .name {
            if let loc = location(IRVarID(f[t].aux), in: current) { graph.markReassigned(loc) }
        }
        block(n.list)
        graph.cursor.loopDepth -= 1
    }

    mutating func typeSwitch(_ id: IRNodeID) {
        let n = f[id]
        var ks: [Hole] = []
        for c in f.nodes(inList: n.list) {
            let clause = f[c]
            guard clause.b.exists, f[clause.b].op == .name else { continue }
            let v = IRVarID(f[clause.b].aux)
            guard let loc = location(v, in: current) else { continue }
            graph.setLoopDepth(loc, graph.cursor.loopDepth)
            let t = f[v].type
            if hasPointers(t) {
                let shaped = program.isInterface(t) || program.isPointerShaped(t)
                ks.append(graph.dotType(.into(loc), targetIsInterfaceOrPointerShaped: shaped,
                                        site(c, .caseClause), .switchCase))
            }
        }
        expr(graph.teeHole(ks), n.a)
        for c in f.nodes(inList: n.list) { block(f[c].list2) }
    }

    mutating func returnStatement(_ id: IRNodeID) {
        let n = f[id]
        let values = f.list(n.list)
        guard !values.isEmpty else { return }
        let targets = f.results.map { v -> Hole in
            guard let loc = location(v, in: current) else { return .discard }
            return .into(loc)
        }
        let s = site(id, .returnValues)
        for (i, v) in values.enumerated() where i < targets.count {
            expr(graph.note(targets[i], s, .return), v)
        }
    }

    mutating func goDefer(_ id: IRNodeID) {
        let n = f[id]
        var k = Hole.heap
        if n.op == .deferStmt && graph.cursor.loopDepth == 1 && !n.flags.contains(.heapDefer) {
            k = graph.later(.discard)
        }
        let call = f[n.a]
        if call.op == .call { expr(k, call.a) } else { expr(k, n.a) }
    }

    // MARK: Assignments

    /// The hole storing into an assignment's destination (`addr` in the compiler).
    mutating func addr(_ dst: IRNodeID) -> Hole {
        guard dst.exists else { return .discard }
        let n = f[dst]
        switch n.op {
        case .name:
            return location(IRVarID(n.aux), in: current).map { .into($0) } ?? .discard
        case .global: return .heap
        case .dot: return addr(n.a)
        case .index:
            discard(n.b)
            if case .array = program.node(program.under(f[n.a].type)) { return addr(n.a) }
            mutate(n.a)
            return .heap
        case .deref, .dotPtr:
            mutate(n.a)
            return .heap
        case .indexMap:
            discard(n.a)
            assignHeap(n.b, site(dst, .expression), .keyOfMapPut)
            return .heap
        default:
            discard(dst)
            return .heap
        }
    }

    mutating func mutate(_ x: IRNodeID) { expr(.mutator, x) }

    mutating func assignHeap(_ src: IRNodeID, _ s: NoteSite, _ why: FlowReason) {
        expr(graph.note(.heap, s, why), src)
    }

    mutating func assignList(_ dsts: [IRNodeID], _ srcs: [IRNodeID], why: FlowReason, at whereNode: IRNodeID) {
        let ks = dsts.map { addr($0) }
        let s = site(whereNode, .assignment)
        for (i, k0) in ks.enumerated() {
            let src = i < srcs.count ? srcs[i] : IRNodeID.none
            var k = k0
            if src.exists && dsts[i].exists && isSelfAssign(dsts[i], src) { k = .discard }
            expr(graph.note(k, s, why), src)
        }
        reassigned(ks, dsts, at: whereNode)
    }

    mutating func reassigned(_ ks: [Hole], _ dsts: [IRNodeID], at whereNode: IRNodeID) {
        let w = f[whereNode]
        if w.op == .assign && !w.b.exists { return }
        for (i, d) in dsts.enumerated() where d.exists && f[d].op == .name && i < ks.count {
            let v = IRVarID(f[d].aux)
            if f[v].definition == whereNode { continue }
            if let loc = location(v, in: current) { graph.markReassigned(loc) }
        }
    }
}
