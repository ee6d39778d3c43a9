import GoIR
import GoTypes

/// Calls (OCALLFUNC): a cheap call (intrinsic, `internal/abi.NoEscape`, the byte-order
/// helpers, `runtime.getg`, ...) costs 1; a call the inliner
/// would inline here costs 1 + the callee's cost; any other 1 + `InlineBudget.call`, or
/// 1 + `InlineBudget.parameterCall` through a parameter or a captured variable.
extension GoIRInlineCost {
    /// The call-site limit for a callee here.
    var calleeLimit: Int { isBig ? InlineBudget.bigCallee : InlineBudget.callee }

    mutating func call(_ n: IRNode) {
        charge()
        if n.flags.contains(.runtimeCheck) {
            // A check the front end inserts (`runtime.panicrangestate`): a cheap call.
            charge()
            visitList(n.list)
            return
        }
        let callee = function[n.a]
        var extra = InlineBudget.call
        var known: Int? = nil
        switch callee.op {
        case .function:
            let o = ObjectID(callee.aux)
            let r = program.object(o)
            let path = program.packagePath(r.package)
            if path == "internal/runtime/sys" && (r.name == "GetCallerPC" || r.name == "GetCallerSP") {
                refuse(InlineReason.callerFrame(r.name))
                return
            }
            if path == "runtime" && r.name == "deferrangefunc" {
                refuse(InlineReason.deferInRangeFunc)
                return
            }
            // `runtime.getg()` becomes OGETG (the callee name stays a child). The compiler's
            // `runtime.throw` rule names the compiler's own runtime package (`go.runtime`),
            // never a call written in source: such a call is an ordinary call.
            if path == "runtime" && r.name == "getg" {
                visitOperands(n)
                return
            }
            if CheapCalls.isCheapFunction(path: path, name: r.name) {
                visitOperands(n)
                return
            }
            known = inlinableCost(o)
            if isGenericCallee(o) { charge(function.isGeneric ? 4 : 2) }  // the dictionary argument
        case .methodExpr:
            let o = ObjectID(callee.aux)
            let r = program.object(o)
            if let receiver = receiverTypeName(o),
               CheapCalls.isCheapMethod(path: program.packagePath(r.package), receiver: receiver, name: r.name) {
                visitOperands(n)
                return
            }
            known = inlinableCost(o)
            if isGenericCallee(o) { charge(function.isGeneric ? 4 : 2) }
        case .name:
            let v = function[IRVarID(callee.aux)]
            if v.varClass == .param || v.varClass == .captured { extra = InlineBudget.parameterCall }
            if v.varClass == .captured {
                known = capturedCalleeCost(n.a)
            } else if v.varClass != .param {
                known = staticCalleeCost(callee)
            }
        case .closure:
            known = literalInlineCost(callee.aux)
        default:
            // `f()(x)`, `fs[len(fs)-1](x)`: a function value computed by a call goes through a
            // temporary.
            if callsOrReceives(n.a) { charge(InlineBudget.calledValueTemporary) }
        }
        cost += known ?? extra
        visitOperands(n)
    }

    /// True when an expression holds a call, a built-in call or a channel receive anywhere
    /// inside it (the compiler's `callOrChan` over the typechecked callee: `new` and `make`
    /// excepted, function literals' bodies not entered). The front end evaluates such a
    /// callee, or an interface call's receiver, into a temporary before the call.
    func callsOrReceives(_ id: IRNodeID) -> Bool {
        guard id.exists else { return false }
        let x = function[id]
        switch x.op {
        case .call, .callInterface, .builtin, .recv: return true
        case .closure: return false
        default: break
        }
        if callsOrReceives(x.a) || callsOrReceives(x.b) || callsOrReceives(x.c) { return true }
        return function.nodes(inList: x.list).contains { callsOrReceives($0) } || function.nodes(inList: x.list2).contains { callsOrReceives($0) }
    }

    private mutating func visitOperands(_ n: IRNode) {
        visit(n.a)
        visitList(n.list)
    }

    /// The callee's cost when the inliner would inline it here.
    func inlinableCost(_ o: ObjectID) -> Int? {
        guard let c = callees.cost(o), c <= calleeLimit else { return nil }
        return c
    }

    /// A function literal's cost when it would be inlined here (twice the usual limit).
    func literalInlineCost(_ index: Int32) -> Int? {
        guard let c = callees.literalCost(index), c <= calleeLimit * 2 else { return nil }
        return c
    }

    /// The cost of calling a local variable whose only value is a function or a function
    /// literal (the compiler's `ir.StaticValue`): assigned once at its definition, never
    /// reassigned, never address-taken.
    func staticCalleeCost(_ name: IRNode) -> Int? {
        var x = name
        for _ in 0..<8 {
            switch x.op {
            case .convNop: x = function[x.a]
            case .function: return inlinableCost(ObjectID(x.aux))
            case .closure: return literalInlineCost(x.aux)
            case .name:
                let v = function[IRVarID(x.aux)]
                guard v.varClass == .local || v.varClass == .temp,
                      v.flags.isDisjoint(with: [.reassigned, .addressTaken]), v.definition.exists else { return nil }
                let d = function[v.definition]
                switch d.op {
                case .assign where d.b.exists: x = function[d.b]
                case .assignList:
                    let lhs = function.nodes(inList: d.list), rhs = function.nodes(inList: d.list2)
                    guard let i = lhs.firstIndex(where: { function[$0].op == .name && function[$0].aux == x.aux }),
                          i < rhs.count else { return nil }
                    x = function[rhs[i]]
                default: return nil
                }
            default: return nil
            }
        }
        return nil
    }

    /// The cost of calling a closure variable whose captured variable statically holds a
    /// function or a function literal (the compiler follows a closure variable to the variable
    /// it captures). A literal that captures variables of a function other than this one is
    /// not inlined here.
    func capturedCalleeCost(_ name: IRNodeID) -> Int? {
        guard let index else { return nil }
        let value = package.staticValue(of: name, in: index, current: function)
        let f = value.function == index ? function : package.functions[value.function]
        let x = f[value.node]
        switch x.op {
        case .function: return inlinableCost(ObjectID(x.aux))
        case .closure:
            let literal = package.functions[Int(x.aux)]
            if let first = literal.captured.first, let outer = literal[first].outer, Int(outer.function) != index { return nil }
            return literalInlineCost(x.aux)
        default: return nil
        }
    }

    /// True for a generic function or a method of a generic type: the call goes to a shape
    /// instance and passes a dictionary.
    func isGenericCallee(_ o: ObjectID) -> Bool {
        let g = program.object(o).origin ?? o
        guard let s = program.signatureOf(program.object(g).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    /// The receiver's base type name of a method (nil for a function).
    func receiverTypeName(_ o: ObjectID) -> String? {
        guard let s = program.signatureOf(program.object(o).type), let recv = s.recv else { return nil }
        var t = program.unalias(program.object(recv).type)
        if case .pointer(let b) = program.node(t) { t = program.unalias(b) }
        if case .named(let i) = program.node(t) { return program.object(program.named[Int(i)].object).name }
        return ""
    }
}
