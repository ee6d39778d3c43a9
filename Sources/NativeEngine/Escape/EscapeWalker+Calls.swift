import EscapeGraph
import GoIR
import GoSyntax
import GoTypes

/// Calls (go-compiler-facts.md §2.5): static callees through their tags (or their parameter
/// locations inside the batch), unknown callees sending every argument to the heap, inlined
/// calls walked in place, and the built-ins' own flows.
extension EscapeWalker {
    /// A static callee.
    enum Callee {
        case declared(ObjectID)
        case literal(Int)
    }

    mutating func call(_ ks: [Hole], _ id: IRNodeID) {
        let n = f[id]
        let s = site(id)
        switch n.op {
        case .inlinedCall:
            block(n.list)
            for (i, r) in f.nodes(inList: n.list2).enumerated() {
                expr(i < ks.count ? ks[i] : .discard, r)
            }
        case .call, .callInterface:
            // A shaped copy's dictionary is the address of a read-only symbol: it flows nowhere,
            // and the callee's tags describe the other parameters.
            let args = f.nodes(inList: n.list).filter { f[$0].op != .dictionary }
            var callees: [Callee] = []
            if n.op == .call { callees = resolveCallees(n.a) }
            let resultCount = resultCount(of: n)
            let resultHoles: [Hole]? = ks.isEmpty ? nil : (0..<resultCount).map { $0 < ks.count ? ks[$0] : .discard }
            // Results of a callee in this batch flow straight from its result variables.
            if let resultHoles {
                for c in callees {
                    guard let m = inBatch(c) else { continue }
                    let fn = package[function: m]
                    for (i, r) in fn.results.enumerated() where i < resultHoles.count {
                        if let loc = location(r, in: m) { graph.flow(resultHoles[i], loc) }
                    }
                }
            }
            if n.op == .call {
                var calleeK = Hole.discard
                if callees.isEmpty, let rh = resultHoles, rh.contains(where: { !$0.isDiscard }) {
                    calleeK = graph.note(.callee, s, .calleeOperand)
                }
                expr(calleeK, n.a)
                let uintptrEscapes = callees.contains { if case .declared(let o) = $0 { self.uintptrEscapes(o) } else { false } }
                for (i, a) in args.enumerated() {
                    if uintptrEscapes && escapingUintptr(a, s) { continue }
                    let k = mergedTagHole(resultHoles, callees, parameter: i)
                    argument(k, a, s)
                }
            } else {
                // Interface call: the receiver and every argument to the heap.
                argument(.heap, f[n.a].a, s)
                for a in args { argument(.heap, a, s) }
            }
        case .builtin:
            builtinCall(ks, id)
        default:
            expr(ks.first ?? .discard, id)
        }
    }

    func resultCount(of n: IRNode) -> Int {
        if case .tuple(let vars) = program.node(n.type) { return vars.count }
        return n.type.isInvalid ? 0 : 1
    }

    /// The member index of a callee analysed in this batch.
    func inBatch(_ c: Callee) -> Int? {
        switch c {
        case .declared(let o):
            guard let i = package.functionsByObject[o], functionIDs[i] != nil else { return nil }
            return i
        case .literal(let i):
            return functionIDs[i] != nil ? i : nil
        }
    }

    /// The static callees of a call's function operand (`IRPackage.staticValue`, then the
    /// assignments of a function-typed local).
    mutating func resolveCallees(_ fun: IRNodeID) -> [Callee] {
        let v = package.staticValue(of: fun, in: current)
        let n = package[function: v.function][v.node]
        switch n.op {
        case .function, .methodExpr: return [.declared(ObjectID(n.aux))]
        case .closure: return [.literal(Int(n.aux))]
        case .name where v.function == current:
            let x = f[IRVarID(n.aux)]
            guard x.varClass == .local || x.varClass == .temp, !x.flags.contains(.addressTaken) else { return [] }
            return assignedCallees(IRVarID(n.aux))
        default: return []
        }
    }

    /// Every function assigned to a local (all must be static), or none.
    mutating func assignedCallees(_ v: IRVarID) -> [Callee] {
        if assignedFunctions[current] == nil { assignedFunctions[current] = collectAssignedFunctions() }
        return assignedFunctions[current]?[v] ?? []
    }

    /// For each local of the function being walked that is assigned a function, the static
    /// functions assigned to it, in walk order; none when any assignment is not one (a call
    /// result, a tuple element, a range variable). One walk of the body for all of them.
    private func collectAssignedFunctions() -> [IRVarID: [Callee]] {
        var assigned: [IRVarID: [Callee]] = [:]
        var unknown: Set<IRVarID> = []
        func variable(_ id: IRNodeID) -> IRVarID? {
            id.exists && f[id].op == .name ? IRVarID(f[id].aux) : nil
        }
        f.forEachReachable(from: f.body) { _, n in
            switch n.op {
            case .assign:
                guard let v = variable(n.a), n.b.exists else { return }
                switch f[n.b].op {
                case .nilValue: return
                case .function, .methodExpr: assigned[v, default: []].append(.declared(ObjectID(f[n.b].aux)))
                case .closure: assigned[v, default: []].append(.literal(Int(f[n.b].aux)))
                default: unknown.insert(v)
                }
            case .assignList, .assignCall, .assignDotType, .assignMapRead, .assignRecv, .rangeStmt:
                for d in f.nodes(inList: n.list) + [n.b, n.c] { if let v = variable(d) { unknown.insert(v) } }
            default: return
            }
        }
        for v in unknown { assigned[v] = nil }
        return assigned
    }

    /// The hole an argument goes into: a tee of each callee's parameter hole (heap for an
    /// unknown callee).
    mutating func mergedTagHole(_ results: [Hole]?, _ callees: [Callee], parameter i: Int) -> Hole {
        if callees.isEmpty { return .heap }
        var holes: [Hole] = []
        for c in callees {
            switch c {
            case .declared(let o):
                if let m = inBatch(c) {
                    holes.append(parameterHole(m, i))
                } else {
                    holes.append(tagHole(results ?? [], callee: o, parameter: i - receiverOffset(o)))
                }
            case .literal(let m):
                if inBatch(c) != nil {
                    holes.append(parameterHole(m, i))
                } else {
                    holes.append(literalTagHole(results, m, i))
                }
            }
        }
        return graph.teeHole(holes)
    }

    /// 1 when the callee is a method (its receiver is argument 0).
    func receiverOffset(_ o: ObjectID) -> Int {
        if let sig = program.signatureOf(program.object(o).type), sig.recv != nil { return 1 }
        return 0
    }

    /// A parameter of a batch member, as an assignment destination.
    func parameterHole(_ m: Int, _ i: Int) -> Hole {
        let fn = package[function: m]
        guard i < fn.params.count, !fn[fn.params[i]].flags.contains(.blank),
              let loc = location(fn.params[i], in: m) else { return .discard }
        return .into(loc)
    }

    /// The hole of argument `i` (-1 for the receiver) of a call to `o`, from its tags.
    mutating func tagHole(_ results: [Hole], callee o: ObjectID, parameter i: Int) -> Hole {
        guard let t = tags(o) else { return .heap }
        let index = i + receiverOffset(o)
        guard index >= 0 && index < t.count else { return .heap }
        return tagHole(t[index], results)
    }

    mutating func tagHole(_ tag: LeakSummary, _ results: [Hole]?) -> Hole {
        var rs = results
        if let r = rs, (0..<LeakSummary.trackedResults).contains(where: { tag.result($0) != nil && $0 >= r.count }) {
            rs = nil
        }
        return graph.argumentHole(calleeTag: tag, resultHoles: rs)
    }

    /// A call of a non-capturing literal analysed in an earlier batch.
    mutating func literalTagHole(_ results: [Hole]?, _ m: Int, _ i: Int) -> Hole {
        guard let t = literalTags(m), i < t.count else { return .heap }
        return tagHole(t[i], results)
    }

    // MARK: Built-ins

    /// An argument of a `//go:uintptrescapes` callee: a `uintptr(unsafe.Pointer(p))` sends `p`
    /// to the heap (the compiler copies `p` to a temporary that escapes), the elements of the
    /// `... argument` of a variadic one too. True when the argument was such a conversion and
    /// is done with (what is left is a scalar); a slice literal is walked as usual after.
    mutating func escapingUintptr(_ arg: IRNodeID, _ s: NoteSite) -> Bool {
        let n = f[arg]
        if n.op == .sliceLit {
            for e in f.list(n.list) {
                let element = f[e].op == .key ? f[e].b : e
                if let pointer = unsafePointerOperand(element) { expr(graph.note(.heap, site(element), .uintptrEscapes), pointer) }
            }
            return false
        }
        guard let pointer = unsafePointerOperand(arg) else { return false }
        expr(graph.note(.heap, site(arg), .uintptrEscapes), pointer)
        return true
    }

    /// The `unsafe.Pointer` operand of a conversion to `uintptr`.
    func unsafePointerOperand(_ id: IRNodeID) -> IRNodeID? {
        guard id.exists else { return nil }
        let n = f[id]
        guard n.op == .conv || n.op == .convNop, n.a.exists, program.basicKind(n.type) == .uintptr,
              program.basicKind(f[n.a].type) == .unsafePointer else { return nil }
        return n.a
    }

    mutating func argument(_ k: Hole, _ arg: IRNodeID, _ s: NoteSite) {
        expr(graph.note(k, s, .callParameter), arg)
    }

    mutating func builtinCall(_ ks: [Hole], _ id: IRNodeID) {
        let n = f[id]
        let args = f.list(n.list)
        let k0 = ks.first ?? .discard
        let s = site(id)
        guard let b = BuiltinFunction(rawValue: UInt8(n.aux)) else { return }
        switch b {
        case .append:
            guard let first = args.first else { return }
            var appendee = graph.teeHole([k0, .mutator])
            let elem = program.elementType(f[first].type)
            if hasPointers(elem) {
                appendee = graph.teeHole([appendee, graph.deref(.heap, s, .appendeeSlice)])
            }
            argument(appendee, first, s)
            if n.flags.contains(.spread), args.count > 1 {
                var appended = Hole.discard
                if case .slice(let e) = program.node(program.under(f[args[1]].type)), hasPointers(e) {
                    appended = graph.deref(.heap, s, .appendedSlice)
                }
                argument(appended, args[1], s)
            } else {
                for a in args.dropFirst() { argument(.heap, a, s) }
            }
            let backing = spill(k0, id, .append)
            graph.setLoopDepth(backing.destination, 0)
        case .copy:
            guard args.count == 2 else { return }
            argument(.mutator, args[0], s)
            var copied = Hole.discard
            if case .slice(let e) = program.node(program.under(f[args[1]].type)), hasPointers(e) {
                copied = graph.deref(.heap, s, .copiedSlice)
            }
            argument(copied, args[1], s)
        case .panic:
            for a in args { argument(.heap, a, s) }
        case .min, .max:
            for a in args { argument(k0, a, s) }
        case .clear:
            for a in args { argument(.mutator, a, s) }
        case .stringData, .sliceData:
            for a in args { argument(k0, a, s) }
        case .add, .slice, .string:
            if let a = args.first { argument(k0, a, s) }
            for a in args.dropFirst() { discard(a) }
        default:
            for a in args { discard(a) }
        }
    }
}
