import GoSyntax
import GoTypes

/// Range-over-func loops, rewritten as the compiler's front end rewrites them before it
/// builds its IR, so that costs, inlined calls and escapes see the same statements.
///
/// `for k, v := range seq { body }` becomes, in the function holding the loop:
///
///     var #next int                  // outermost loop only, when a body returns or loops nest
///     #stateN := 1                   // ready
///     #yieldN := func(k K, v V) bool { ...body... }   // the literal `F-rangeN`
///     seq(#yieldN)
///     if #stateN == 2 { runtime.panicrangestate(4) }  // the iterator swallowed a panic
///     #stateN = 3                    // exhausted
///     checks of `#next`              // a `return` in the body returns here, nested loops unwind
///
/// and the body function starts by checking and setting the loop's state:
///
///     #tmpState := #stateN
///     #stateN = 2                    // running
///     if #tmpState != 1 { runtime.panicrangestate(#tmpState) }
///     ...body...
///     #stateN = 1
///     return true
///
/// In the body, `continue` becomes `#stateN = 1; return true`, `break` `#stateN = 0; return
/// false`, and `return x` stores `x` in the enclosing function's results (unnamed ones are
/// renamed `#rvN`), then `#next = -1; #stateN = 0; return false`. The state values are
/// `internal/abi`'s `RF_DONE` (0), `RF_READY` (1), `RF_PANIC` (2), `RF_EXHAUSTED` (3) and
/// `RF_MISSING_PANIC` (4). Labelled branches out of nested loops are kept as branches.
///
/// The numbers belong to the function written in the source (a declared function or a
/// function literal), nested loops' bodies included: `#stateN` counts loops as they start
/// (outer before inner), `#yieldN` as they end (inner before outer), so in
/// `for a := range f { for b := range g {} }` the outer loop has `#state1` and `#yield2`.
extension FunctionLowerer {
    /// The loop states of `internal/abi`.
    enum RangeState: Int {
        case done = 0, ready = 1, running = 2, exhausted = 3, missingPanic = 4
    }

    /// The `#next` value a `return` in a body stores.
    static let rangeNextReturn = -1

    func rangeOverFunction(_ s: NodeID, into out: inout [IRNodeID]) {
        let n = tree[s]
        let at = pos(n.pos)
        let end = pos(tree[n.body].rbrace)
        let seq = expr(n.x)
        guard let seqSig = program.signatureOf(function[seq].type), let yieldParam = seqSig.params.first else {
            out.append(seq)
            return
        }
        let intType = program.basicType(.int)
        let yieldType = program.object(yieldParam).type
        let depth = rangeDepth + 1
        let returns = containsReturn(n.body)
        if depth == 1 && (returns || containsRangeOverFunction(n.body)) {
            // The compiler's `#next` has no position (its escape verdicts print none).
            let next = declare(name: "#next", type: intType, object: nil, varClass: .temp, pos: .none)
            out.append(function.add(.declare, pos: at, aux: next.raw))
            out.append(function.add(.assign, pos: at, a: nameNode(next, at: at), flags: .define))
            rangeNext = next
        }
        rangeNumbering.states += 1
        let state = declare(name: "#state\(rangeNumbering.states)", type: intType, object: nil, varClass: .temp, pos: at)
        out.append(function.add(.declare, pos: at, aux: state.raw))
        let ready = function.add(.assign, pos: at, a: nameNode(state, at: at), b: stateLiteral(.ready, at: at), flags: .define)
        function.variables[Int(state.raw)].definition = ready
        function.variables[Int(state.raw)].flags.insert(.reassigned)
        out.append(ready)
        rangeCount += 1
        let define = n.token == .define
        let body = lowerLiteral(name: "\(function.name)-range\(rangeCount)", kind: .rangeBody, type: yieldType, at: at) { lit in
            lit.rangeNumbering = rangeNumbering
            lit.rangeDepth = depth
            lit.loopDepth = 1
            let stateVar = lit.captureOuter(state, from: self)
            lit.function.variables[Int(stateVar.raw)].flags.insert(.reassigned)
            lit.rangeState = stateVar
            var stmts = lit.rangeParameters(key: n.key, value: n.value, define: define, yieldType: yieldType, at: at)
            stmts += lit.rangeBodyPrologue(at: at)
            stmts += lit.statementList(tree[n.body].list)
            stmts.append(lit.setRangeState(.ready, at: end))
            let yes = lit.literal(.bool(true), type: program.basicType(.bool), at: end)
            stmts.append(lit.function.add(.returnStmt, pos: end, list: [yes]))
            return lit.function.add(.block, pos: at, list: stmts)
        }
        rangeNumbering.yields += 1
        let yield = declare(name: "#yield\(rangeNumbering.yields)", type: yieldType, object: nil, varClass: .temp, pos: at)
        out.append(function.add(.declare, pos: at, aux: yield.raw))
        let closure = function.add(.closure, type: yieldType, pos: at, aux: body)
        let bind = function.add(.assign, pos: at, a: nameNode(yield, at: at), b: closure, flags: .define)
        function.variables[Int(yield.raw)].definition = bind
        out.append(bind)
        out.append(function.add(.call, type: .invalid, pos: at, a: seq, list: [nameNode(yield, at: at)], flags: .resultUnused))
        let panicked = comparison(.eql, nameNode(state, at: end), stateLiteral(.running, at: end), at: end)
        let check = runtimeCheck(stateLiteral(.missingPanic, at: end), at: end)
        out.append(function.add(.ifStmt, pos: end, a: panicked, list: [check]))
        out.append(function.add(.assign, pos: end, a: nameNode(state, at: end), b: stateLiteral(.exhausted, at: end)))
        out += rangeChecks(depth: depth, returns: returns, at: end)
    }

    /// The body function's parameters: the loop's variables when it declares them, else
    /// parameters `#pN` assigned to the variables at the top of the body.
    private func rangeParameters(key: NodeID, value: NodeID, define: Bool, yieldType: TypeID, at: IRPos) -> [IRNodeID] {
        var stmts: [IRNodeID] = []
        let yieldSig = program.signatureOf(yieldType)
        var index = 0
        for e in [key, value] where e.exists {
            let pt = index < (yieldSig?.params.count ?? 0) ? program.object(yieldSig!.params[index]).type : TypeID.invalid
            index += 1
            if isBlank(e) {
                function.params.append(declare(name: "_", type: pt, object: nil, varClass: .param, pos: pos(tree[e].pos), flags: .blank))
            } else if define, let o = facts.defs[e] ?? nil {
                let r = program.object(o)
                function.params.append(declare(name: r.name, type: r.type, object: o, varClass: .param, pos: pos(tree[e].pos)))
            } else {
                let p = declare(name: "#p\(index)", type: pt, object: nil, varClass: .param, pos: pos(tree[e].pos))
                function.params.append(p)
                let target = expr(e)
                markReassigned(target)
                stmts.append(function.add(.assign, pos: pos(tree[e].pos), a: target, b: nameNode(p, at: pos(tree[e].pos))))
            }
        }
        if let ys = yieldSig, let r = ys.results.first {
            function.results.append(declare(name: "~r0", type: program.object(r).type, object: nil, varClass: .result,
                                            pos: at, flags: .blank))
        }
        return stmts
    }

    /// `#tmpState := #stateN; #stateN = 2; if #tmpState != 1 { runtime.panicrangestate(#tmpState) }`.
    private func rangeBodyPrologue(at: IRPos) -> [IRNodeID] {
        let tmp = declare(name: "#tmpState", type: program.basicType(.int), object: nil, varClass: .temp, pos: at)
        let copy = function.add(.assign, pos: at, a: nameNode(tmp, at: at), b: nameNode(rangeState!, at: at), flags: .define)
        function.variables[Int(tmp.raw)].definition = copy
        let notReady = comparison(.neq, nameNode(tmp, at: at), stateLiteral(.ready, at: at), at: at)
        return [function.add(.declare, pos: at, aux: tmp.raw), copy, setRangeState(.running, at: at),
                function.add(.ifStmt, pos: at, a: notReady, list: [runtimeCheck(nameNode(tmp, at: at), at: at)])]
    }

    /// What follows the call of the iterator: an outermost loop returns when a body did; a
    /// nested one leaves its enclosing body when a body returned, and panics on a `#next` no
    /// loop at its depth handles.
    private func rangeChecks(depth: Int, returns: Bool, at: IRPos) -> [IRNodeID] {
        guard let next = rangeNextVariable() else { return [] }
        let intType = program.basicType(.int)
        func nextIs(_ op: Token, _ value: Int) -> IRNodeID {
            comparison(op, nameNode(next, at: at), literal(.int(BigInt(value)), type: intType, at: at), at: at)
        }
        if depth == 1 {
            guard returns else { return [] }
            return [function.add(.ifStmt, pos: at, a: nextIs(.eql, Self.rangeNextReturn),
                                 list: [function.add(.returnStmt, pos: at)])]
        }
        var out: [IRNodeID] = []
        if returns {
            let no = literal(.bool(false), type: program.basicType(.bool), at: at)
            out.append(function.add(.ifStmt, pos: at, a: nextIs(.lss, 0),
                                    list: [setRangeState(.done, at: at), function.add(.returnStmt, pos: at, list: [no])]))
        }
        let step = Self.rangeLoopStep * (depth - 1)
        out.append(function.add(.ifStmt, pos: at, a: nextIs(.gtr, step),
                                list: [runtimeCheck(stateLiteral(.done, at: at), at: at)]))
        return out
    }

    /// The `#next` values a loop level takes (a `continue` and a `break` for each).
    static let rangeLoopStep = 2

    /// `return x` in a body: the values go to the enclosing function's results, then
    /// `#next = -1; #stateN = 0; return false`.
    func rangeReturn(_ values: [NodeID], at: IRPos, into out: inout [IRNodeID]) {
        if !values.isEmpty {
            let count = rangeRootResultCount()
            let targets = (0..<count).map { rangeResultVariable($0) }
            let types = targets.map { function[$0].type }
            if values.count == 1 && count > 1, case .tuple = program.node(typeOf(values[0])) {
                let call = expr(values[0])
                let lhs = targets.map { nameNode($0, at: at) }
                out.append(function.add(.assignCall, pos: at, a: call, list: lhs))
            } else if values.count == 1, let t = targets.first {
                out.append(function.add(.assign, pos: at, a: nameNode(t, at: at), b: convert(values[0], to: types[0])))
            } else {
                let rhs = values.enumerated().map { convert($1, to: $0 < types.count ? types[$0] : .invalid) }
                out.append(function.add(.assignList, pos: at, list: targets.map { nameNode($0, at: at) }, list2: rhs))
            }
            for t in targets { function.variables[Int(t.raw)].flags.insert(.reassigned) }
        }
        if let next = rangeNextVariable() {
            let value = literal(.int(BigInt(Self.rangeNextReturn)), type: program.basicType(.int), at: at)
            out.append(function.add(.assign, pos: at, a: nameNode(next, at: at), b: value))
        }
        out.append(setRangeState(.done, at: at))
        let no = literal(.bool(false), type: program.basicType(.bool), at: at)
        out.append(function.add(.returnStmt, pos: at, list: [no]))
    }

    /// `continue` (`#stateN = 1; return true`) or `break` (`#stateN = 0; return false`) of
    /// the loop a body stands for.
    func rangeBranch(continues: Bool, at: IRPos, into out: inout [IRNodeID]) {
        out.append(setRangeState(continues ? .ready : .done, at: at))
        let result = literal(.bool(continues), type: program.basicType(.bool), at: at)
        out.append(function.add(.returnStmt, pos: at, list: [result]))
    }

    // MARK: Pieces

    private func stateLiteral(_ s: RangeState, at: IRPos) -> IRNodeID {
        literal(.int(BigInt(s.rawValue)), type: program.basicType(.int), at: at)
    }

    private func setRangeState(_ s: RangeState, at: IRPos) -> IRNodeID {
        function.add(.assign, pos: at, a: nameNode(rangeState!, at: at), b: stateLiteral(s, at: at))
    }

    private func comparison(_ op: Token, _ x: IRNodeID, _ y: IRNodeID, at: IRPos) -> IRNodeID {
        function.add(.binary, type: program.basicType(.bool), pos: at, a: x, b: y, aux: Int32(op.rawValue))
    }

    /// `runtime.panicrangestate(arg)`.
    private func runtimeCheck(_ arg: IRNodeID, at: IRPos) -> IRNodeID {
        let callee = function.add(.nilValue, type: .invalid, pos: at, flags: .runtimeCheck)
        return function.add(.call, type: .invalid, pos: at, a: callee, list: [arg], flags: [.runtimeCheck, .resultUnused])
    }

    /// The lowerer of the function this one is a literal of.
    private var parentLowerer: FunctionLowerer? { package.stack.first { $0.index == self.function.parent } }

    /// `#next` as seen here: the function's own, or captured from the enclosing function.
    private func rangeNextVariable() -> IRVarID? {
        if let v = rangeNext { return v }
        guard function.kind == .rangeBody, let parent = parentLowerer, let outer = parent.rangeNextVariable() else { return nil }
        let v = captureOuter(outer, from: parent)
        function.variables[Int(v.raw)].flags.insert(.reassigned)
        rangeNext = v
        return v
    }

    /// The number of results of the function holding the outermost loop.
    private func rangeRootResultCount() -> Int {
        if function.kind == .rangeBody, let parent = parentLowerer { return parent.rangeRootResultCount() }
        return function.results.count
    }

    /// Result `i` of the function holding the outermost loop, as seen here (an unnamed or
    /// blank result is renamed `#rvN` there).
    private func rangeResultVariable(_ i: Int) -> IRVarID {
        if function.kind != .rangeBody {
            let r = function.results[i]
            let name = function[r].name
            if name.hasPrefix("~r") || name == "_" { function.variables[Int(r.raw)].name = "#rv\(i + 1)" }
            return r
        }
        if let v = rangeResults[i] { return v }
        let parent = parentLowerer!
        let v = captureOuter(parent.rangeResultVariable(i), from: parent)
        rangeResults[i] = v
        return v
    }

    /// True when a statement list holds a range-over-func loop (outside nested literals).
    private func containsRangeOverFunction(_ body: NodeID) -> Bool {
        var found = false
        tree.walk(body) { id, _, _ in
            if found { return false }
            switch tree.kind(id) {
            case .funcLit: return false
            case .rangeStmt:
                if case .signature = program.node(program.under(typeOf(tree[id].x))) { found = true }
                return !found
            default: return true
            }
        }
        return found
    }
}

/// The range-over-func counters of one function written in the source, shared by the bodies
/// of its loops (a reference, so a nested body's loops advance its owner's numbers).
final class RangeFuncNumbering {
    /// Loops started so far (`#stateN`).
    var states = 0
    /// Loops ended so far (`#yieldN`).
    var yields = 0
}
