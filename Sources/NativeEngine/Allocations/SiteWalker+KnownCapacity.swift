import GoIR
import GoSyntax
import GoTypes

/// Appends the backend proves never grow (go-compiler-facts.md §4.3, "growth the backend
/// removes").
///
/// walk turns `s = append(s, x…)` into a length check and a `growslice` call on the slow path.
/// When the slice comes from `make([]T, len, cap)` with constant `len` and `cap` and only
/// appends of a known number of elements reach it along straight-line code, SSA's constant
/// folding knows its length and capacity at every append (`SliceLen`/`SliceCap` of a
/// `SliceMake` of constants), folds the check and removes the call: the append allocates
/// nothing (`make([]byte, 0, 10)` then four appends of 4, 2, 2 and 2 bytes).
///
/// Model. One pass over the function's statements in execution order, inlined bodies included
/// (their parameters are bound by assignment, their results read after the body), with a state
/// per local slice variable: its constant (length, capacity) or unknown. `make` with constant
/// sizes sets it; `v = w` copies it; `v = append(v, k elements)` with `len + k <= cap` marks the
/// append and adds `k`; anything else assigning `v` forgets it. Branches are walked with a copy
/// of the state and forget what they assign; loops forget what their body assigns before it is
/// walked; a `goto` to an inlined body's end label carries its state to the label, where the
/// states meet; any other label forgets everything. Variables whose address is taken or that a
/// closure captures are never tracked.
extension SiteWalker {
    /// Constant length and capacity of a slice value.
    struct KnownSlice: Equatable {
        var length: Int64
        var capacity: Int64
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
        var walk = CapacityWalk(walker: self)
        var state = CapacityState()
        if f.body.exists { walk.statement(f.body, &state) }
        return walk.fitting
    }

    /// The number of elements an append adds, when it is known at compile time.
    func appendedCount(_ id: IRNodeID) -> Int64? {
        let n = f[id]
        let args = f.list(n.list)
        guard args.count >= 2 else { return args.isEmpty ? nil : 0 }
        guard n.flags.contains(.spread) else { return Int64(args.count - 1) }
        var x = args[1]
        while f[x].op == .conv || f[x].op == .convNop || f[x].op == .stringToBytes { x = f[x].a }
        if let c = staticConstant(x), case .string(let bytes) = f.constants[Int(f[c].aux)] { return Int64(bytes.count) }
        if f[x].op == .sliceLit { return Int64(f[x].aux) }
        return nil
    }
}

/// The walk behind `SiteWalker.appendsWithinCapacity`.
struct CapacityWalk {
    let walker: SiteWalker
    var f: IRFunction { walker.f }
    /// Appends that fit their known capacity.
    var fitting: Set<IRNodeID> = []
    /// States carried by `goto`s to inlined bodies' end labels, by label index.
    var pending: [Int32: SiteWalker.CapacityState] = [:]

    init(walker: SiteWalker) { self.walker = walker }

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
            guard let length = walker.constantInt(n.a), let capacity = walker.constantInt(n.b.exists ? n.b : n.a) else { return nil }
            return SiteWalker.KnownSlice(length: length, capacity: capacity)
        case .builtin where BuiltinFunction(rawValue: UInt8(n.aux)) == .append:
            let args = f.list(n.list)
            let base = args.first.flatMap { expression($0, &state) }
            for x in args.dropFirst() { expression(x, &state) }
            guard let base, let added = walker.appendedCount(id), base.length + added <= base.capacity else { return nil }
            fitting.insert(id)
            return SiteWalker.KnownSlice(length: base.length + added, capacity: base.capacity)
        case .closure:
            return nil  // a literal's body is a function of its own
        default:
            for x in [n.a, n.b, n.c] { expression(x, &state) }
            for x in f.list(n.list) + f.list(n.list2) { expression(x, &state) }
            return nil
        }
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
