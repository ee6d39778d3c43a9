import GoIR
import GoSyntax
import GoTypes

/// Appends the backend proves never grow (go-compiler-facts.md §4.3, "growth the backend
/// removes").
///
/// walk turns `s = append(s, x…)` into a length check and a `growslice` call on the slow path.
/// When the slice comes from `make([]T, len, cap)` or from slicing an array, and only appends
/// of a known number of elements reach it along straight-line code, SSA knows its length and
/// capacity at every append (`SliceLen`/`SliceCap` of a `SliceMake`), folds the check or lets
/// `prove` decide it, and removes the call: the append allocates nothing (`make([]byte, 0, 10)`
/// then appends of 4, 2, 2 and 2 bytes; `make([]byte, 0, 4+len(a))` then 2, 2 and `a...`;
/// `append(out[:0], 4)` for `out *[65]byte`). Sizes are `SliceSize`s: a constant plus lengths of
/// unassigned variables, which SSA value-numbers alike wherever they are written.
///
/// Model. One pass over the function's statements in execution order, inlined bodies included
/// (their parameters are bound by assignment, their results read after the body), with a state
/// per local slice variable: its (length, capacity) or unknown. `make` with known sizes and the
/// slicing of an array or of a known slice set it; `v = w` copies it; `v = append(v, k elements)`
/// marks the append when `cap - (len + k)` is a non-negative constant, or is zero, and adds `k`;
/// when `len + k` is a constant and `cap` a larger constant plus lengths, `prove` removes the
/// growth of that append only (the slice after it is a phi until later passes, and the next
/// append keeps its check: `make([]byte, 0, 5+len(info))` then 1, 2 and 2 bytes grows at the
/// second); anything else assigning `v` forgets it. Branches are walked with a copy
/// of the state and forget what they assign; loops forget what their body assigns before it is
/// walked; a `goto` to an inlined body's end label carries its state to the label, where the
/// states meet; any other label forgets everything. Variables whose address is taken or that a
/// closure captures are never tracked.
extension SiteWalker {
    /// The length and capacity of a slice value.
    struct KnownSlice: Equatable {
        var length: SliceSize
        var capacity: SliceSize

        /// How SSA knows that `added` more elements fit without growth, nil when it does not.
        func fit(_ added: SliceSize) -> Fit? {
            let room = capacity - (length + added)
            if room.lengths.isEmpty && room.constant >= 0 && (capacity.lengths.isEmpty || room.constant == 0) { return .folded }
            // `prove` bounds the capacity below by its constant part (lengths are never
            // negative) when the new length is a constant.
            if length.lengths.isEmpty && added.lengths.isEmpty && room.isNonNegative { return .proved }
            return nil
        }
    }

    /// How the backend removes an append's growth.
    enum Fit {
        /// The check compares constants, or one SSA value with itself: the rewrite rules fold
        /// it before `prove`, and the slice after the append is known.
        case folded
        /// `prove` removes the check; the slice after the append is a phi of the two paths
        /// until later passes, so the next append knows nothing of it.
        case proved
    }

    /// The state of the walk: known slices by variable, or nil after a jump (unreachable code).
    struct CapacityState {
        var slices: [IRVarID: KnownSlice]? = [:]

        /// Keeps only what both states know alike.
        mutating func meet(_ other: CapacityState) {
            guard let theirs = other.slices else { return }
            guard let mine = slices else { slices = theirs; return }
            slices = mine.filter { theirs[$0.key] == $0.value }
        }
    }

    /// The appends that never grow their slice.
    func appendsWithinCapacity() -> Set<IRNodeID> {
        // Only appends are ever found: a function without one (most) needs no walk.
        guard SlicePass.hasAppend(f) else { return [] }
        var walk = CapacityWalk(walker: self)
        var state = CapacityState()
        if f.body.exists { walk.statement(f.body, &state) }
        return walk.fitting
    }

    /// The number of elements an append adds, when SSA knows it as a `SliceSize`.
    func appendedCount(_ id: IRNodeID) -> SliceSize? {
        let n = f[id]
        let args = f.list(n.list)
        guard args.count >= 2 else { return args.isEmpty ? nil : SliceSize(0) }
        guard n.flags.contains(.spread) else { return SliceSize(Int64(args.count - 1)) }
        return length(of: args[1])
    }
}

/// The walk behind `SiteWalker.appendsWithinCapacity`.
struct CapacityWalk {
    let walker: SiteWalker
    /// The function, held once: read through `walker` inside the walk's mutating methods it
    /// was copied (each of its tables retained and released) at every node.
    let f: IRFunction
    /// Appends that fit their known capacity.
    var fitting: Set<IRNodeID> = []
    /// States carried by `goto`s to inlined bodies' end labels, by label index.
    var pending: [Int32: SiteWalker.CapacityState] = [:]

    init(walker: SiteWalker) {
        self.walker = walker
        self.f = walker.f
    }

    /// A variable the walk may track: a local or temporary slice nobody else can write.
    func tracked(_ id: IRNodeID) -> IRVarID? {
        guard id.exists, f[id].op == .name else { return nil }
        let v = IRVarID(f[id].aux)
        let x = f[v]
        guard x.varClass == .local || x.varClass == .temp || x.varClass == .result || x.varClass == .param,
              !x.flags.contains(.addressTaken), !x.flags.contains(.captured) else { return nil }
        guard case .slice = walker.program.node(walker.program.under(x.type)) else { return nil }
        return v
    }

    mutating func statement(_ id: IRNodeID, _ state: inout SiteWalker.CapacityState) {
        guard id.exists else { return }
        let n = f[id]
        switch n.op {
        case .block:
            for s in f.list(n.list) { statement(s, &state) }
        case .declare:
            state.slices?[IRVarID(n.aux)] = nil
        case .assign:
            let value = expression(n.b, &state)
            if let v = tracked(n.a) { state.slices?[v] = value } else { expression(n.a, &state) }
        case .assignList:
            let values = f.list(n.list2).map { expression($0, &state) }
            for (i, l) in f.list(n.list).enumerated() {
                if let v = tracked(l) { state.slices?[v] = i < values.count ? values[i] : nil }
            }
        case .label:
            if let carried = pending.removeValue(forKey: n.aux2), f.labels[Int(n.aux2)].hasPrefix(".i") {
                state.meet(carried)
            } else {
                state.slices = state.slices == nil ? nil : [:]  // a user label: a loop may jump here
            }
        case .branch:
            if Token(rawValue: UInt8(n.aux)) == .kwGoto, n.aux2 >= 0, f.labels[Int(n.aux2)].hasPrefix(".i") {
                if var carried = pending[n.aux2] { carried.meet(state); pending[n.aux2] = carried } else { pending[n.aux2] = state }
            }
            state.slices = nil
        case .returnStmt:
            for x in f.list(n.list) { expression(x, &state) }
            state.slices = nil
        case .ifStmt where walker.dead[id] != nil:
            // One branch is dead: the other runs in line.
            expression(n.a, &state)
            let taken = walker.dead[id] == .taken || walker.dead[id] == .takenAndRest
            for s in f.list(taken ? n.list2 : n.list) { statement(s, &state) }
        case .forStmt where walker.dead[id] != nil:
            expression(n.a, &state)
        case .forStmt, .rangeStmt:
            forget(assignedIn: id, &state)
            var inner = state
            children(id, &inner)
            forget(assignedIn: id, &state)
        case .ifStmt, .switchStmt, .typeSwitch, .selectStmt, .caseClause, .typeCase, .commClause:
            var inner = state
            children(id, &inner)
            forget(assignedIn: id, &state)
        default:
            if n.op.isStatement {
                var inner = state
                children(id, &inner)
                forget(assignedIn: id, &state)
            } else {
                expression(id, &state)
            }
        }
    }

    /// Walks every child of a compound statement with the state given (each branch with a copy).
    private mutating func children(_ id: IRNodeID, _ state: inout SiteWalker.CapacityState) {
        let n = f[id]
        for x in [n.a, n.b, n.c] where x.exists {
            var copy = state
            if f[x].op.isStatement { statement(x, &copy) } else { expression(x, &copy) }
        }
        for list in [f.list(n.list), f.list(n.list2)] {
            // A body runs its statements in order (one copy of the state for the list); each
            // clause of a switch or select starts from the state before it.
            var copy = state
            for x in list where x.exists {
                let op = f[x].op
                if op == .caseClause || op == .typeCase || op == .commClause {
                    var clause = state
                    statement(x, &clause)
                } else if op.isStatement {
                    statement(x, &copy)
                } else {
                    expression(x, &copy)
                }
            }
        }
    }

    /// Runs the inlined bodies inside an expression and returns its known slice value.
    @discardableResult
    mutating func expression(_ id: IRNodeID, _ state: inout SiteWalker.CapacityState) -> SiteWalker.KnownSlice? {
        guard id.exists else { return nil }
        let n = f[id]
        switch n.op {
        case .inlinedCall:
            for s in f.list(n.list) { statement(s, &state) }
            guard let r = f.list(n.list2).first, let v = tracked(r) else { return nil }
            return state.slices?[v]
        case .name:
            guard let v = tracked(id) else { return nil }
            return state.slices?[v]
        case .conv, .convNop:
            return expression(n.a, &state)
        case .makeSlice:
            expression(n.a, &state)
            expression(n.b, &state)
            guard let length = walker.sliceSize(n.a), let capacity = walker.sliceSize(n.b.exists ? n.b : n.a) else { return nil }
            return SiteWalker.KnownSlice(length: length, capacity: capacity)
        case .slice:
            let base = expression(n.a, &state)
            for x in [n.b, n.c] + f.list(n.list) { expression(x, &state) }
            return sliced(id, base)
        case .builtin where BuiltinFunction(rawValue: UInt8(n.aux)) == .append:
            let args = f.list(n.list)
            let base = args.first.flatMap { expression($0, &state) }
            for x in args.dropFirst() { expression(x, &state) }
            guard let base, let added = appendedCount(id, state), let fit = base.fit(added) else { return nil }
            fitting.insert(id)
            return fit == .folded ? SiteWalker.KnownSlice(length: base.length + added, capacity: base.capacity) : nil
        case .closure:
            return nil  // a literal's body is a function of its own
        default:
            for x in [n.a, n.b, n.c] { expression(x, &state) }
            for x in f.list(n.list) + f.list(n.list2) { expression(x, &state) }
            return nil
        }
    }

    /// `x[lo:hi:max]` of an array, or of a slice whose length and capacity are known.
    private func sliced(_ id: IRNodeID, _ base: SiteWalker.KnownSlice?) -> SiteWalker.KnownSlice? {
        let n = f[id]
        let low = n.b.exists ? walker.sliceSize(n.b) : SiteWalker.SliceSize(0)
        guard let low else { return nil }
        if let capacity = walker.arraySliceCapacity(id), let length = walker.length(of: id) {
            return SiteWalker.KnownSlice(length: length, capacity: capacity)
        }
        guard let base else { return nil }
        let high = n.c.exists ? walker.sliceSize(n.c) : base.length
        let max = f.list(n.list).first.map { walker.sliceSize($0) } ?? base.capacity
        guard let high, let max else { return nil }
        return SiteWalker.KnownSlice(length: high - low, capacity: max - low)
    }

    /// The elements an append adds: its operands, or the known length of a tracked slice
    /// spread into it.
    private func appendedCount(_ id: IRNodeID, _ state: SiteWalker.CapacityState) -> SiteWalker.SliceSize? {
        let n = f[id]
        let args = f.list(n.list)
        if n.flags.contains(.spread), args.count >= 2, let v = tracked(args[1]), let known = state.slices?[v] { return known.length }
        return walker.appendedCount(id)
    }

    /// Forgets every tracked variable a statement assigns anywhere inside it.
    private func forget(assignedIn id: IRNodeID, _ state: inout SiteWalker.CapacityState) {
        guard state.slices != nil else { return }
        f.forEachReachable(from: id) { _, m in
            switch m.op {
            case .assign, .assignOp:
                if let v = tracked(m.a) { state.slices?[v] = nil }
            case .declare:
                state.slices?[IRVarID(m.aux)] = nil
            case .assignList, .assignCall, .assignDotType, .assignMapRead, .assignRecv, .rangeStmt:
                for x in f.list(m.list) + [m.a, m.b, m.c] { if let v = tracked(x) { state.slices?[v] = nil } }
            default:
                break
            }
        }
    }
}
