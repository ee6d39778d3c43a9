import GoSyntax
import GoTypes

/// Calls: conversions, built-ins, static calls (charged the callee's inline cost when it would
/// be inlined here, else the call cost), method calls rewritten to `T.M(recv, args)`, interface
/// calls, and calls of function values.
extension InlineCostWalker {
    /// The built-in a call's function expression names, if any (`len`, `unsafe.Add`, ...).
    func builtin(_ fun: NodeID) -> BuiltinFunction? {
        let f = unparen(fun)
        switch tree.kind(f) {
        case .ident:
            if let o = facts.uses[f] { return program.object(o).builtin }
        case .selectorExpr:
            if let o = facts.uses[tree[f].sel] { return program.object(o).builtin }
        default: break
        }
        return nil
    }

    mutating func call(_ e: NodeID) {
        let n = tree[e]
        currentCall = e
        let fun = unparen(n.fun)
        if isTypeExpression(fun) {
            conversion(e)
            return
        }
        if let b = builtin(fun) {
            builtinCall(e, b)
            return
        }
        guard case .signature(let sig) = program.node(program.under(type(of: fun))) else {
            charge(1 + InlineBudget.call)
            expression(fun)
            for a in n.args { expression(a) }
            return
        }
        charge()
        switch tree.kind(fun) {
        case .ident:
            calleeCharge(identifierCallee: fun)
            charge()
        case .selectorExpr:
            selectorCall(fun)
        case .funcLit:
            literalCharge(fun)
            expression(fun)
        default:
            adjust(InlineBudget.call)
            expression(fun)
        }
        arguments(n, sig)
    }

    /// Charges the extra cost of calling a function literal: its own cost when it would be
    /// inlined (closures get twice the usual limit), else the call cost.
    mutating func literalCharge(_ literal: NodeID) {
        noteCallSite(.literal(literal))
        if let c = callees.literalCost(literal), c <= calleeLimit * 2 { adjust(c) } else { adjust(InlineBudget.call) }
    }

    /// The cost limit for inlining a callee here.
    var calleeLimit: Int { isBig ? InlineBudget.bigCallee : InlineBudget.callee }

    /// Charges the call's extra cost for a callee named by an identifier.
    private mutating func calleeCharge(identifierCallee f: NodeID) {
        guard let o = object(f) else { adjust(InlineBudget.call); return }
        let r = program.object(o)
        if r.kind == .function {
            functionCharge(o)
        } else if r.kind == .variable && (parameters.contains(o) || isCaptured(r)) {
            adjust(InlineBudget.parameterCall)
            if parameters.contains(o) { noteCallSite(.parameter(o)) }
        } else if let target = staticCallee(f) {
            switch target {
            case .function(let g): functionCharge(g)
            case .literal(let l): literalCharge(l)
            case .parameter: adjust(InlineBudget.call)
            }
        } else {
            adjust(InlineBudget.call)
        }
    }

    /// True for a local variable of an enclosing function seen from inside a function literal.
    func isCaptured(_ r: ObjectRecord) -> Bool {
        guard let range = closureRange, r.variableKind != .package, r.variableKind != .field,
              r.package == package.index else { return false }
        return !range.contains(Int(r.offset))
    }

    /// Charges the extra cost of a static call to function or method object `o`.
    mutating func functionCharge(_ o: ObjectID) {
        let r = program.object(o)
        let path = program.packagePath(r.package)
        let intrinsic = receiverTypeName(o) == nil && CheapCalls.intrinsics[path]?.contains(r.name) == true
        if !isGenericCallee(o) && !intrinsic { noteCallSite(.function(o)) }
        if let receiver = receiverTypeName(o) {
            if CheapCalls.isCheapMethod(path: path, receiver: receiver, name: r.name) { return }
        } else {
            if path == "internal/runtime/sys" && (r.name == "GetCallerPC" || r.name == "GetCallerSP") {
                refuse(InlineReason.callerFrame(r.name))
                return
            }
            if path == "runtime" && r.name == "throw" { adjust(InlineBudget.runtimeThrow); return }
            if path == "runtime" && r.name == "deferrangefunc" { refuse("defer call in range func"); return }
            if CheapCalls.isCheapFunction(path: path, name: r.name) { return }
        }
        if let c = callees.cost(o), c <= calleeLimit { adjust(c) } else { adjust(InlineBudget.call) }
        // The shape instance's dictionary argument: &dict, or a sub-dictionary read from the
        // caller's own dictionary inside generic code.
        if isGenericCallee(o) { charge(insideGeneric ? 4 : 2) }
    }

    /// True for a generic function or a method of a generic type: the call goes to a shape
    /// instance that takes a dictionary.
    func isGenericCallee(_ o: ObjectID) -> Bool {
        let r = program.object(o)
        let g = r.origin ?? o
        guard case .signature(let s) = program.node(program.object(g).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    /// The receiver's base type name of a method object (nil for functions).
    func receiverTypeName(_ o: ObjectID) -> String? {
        guard case .signature(let s) = program.node(program.object(o).type), let recv = s.recv else { return nil }
        var t = program.unalias(program.object(recv).type)
        if case .pointer(let b) = program.node(t) { t = program.unalias(b) }
        if case .named(let i) = program.node(t) { return program.object(program.named[Int(i)].object).name }
        return ""
    }

    private mutating func selectorCall(_ fun: NodeID) {
        let n = tree[fun]
        if tree.kind(n.x) == .ident, let p = facts.uses[n.x], program.object(p).kind == .packageName {
            if let o = facts.uses[n.sel] { functionCharge(o) } else { adjust(InlineBudget.call) }
            charge()  // the function's name
            return
        }
        if isTypeExpression(n.x) {
            // Method expression called directly: T.M(recv, args).
            if let o = facts.uses[n.sel] { functionCharge(o) } else { adjust(InlineBudget.call) }
            return
        }
        switch selection(fun) {
        case .method(let m, let path, _):
            var t = type(of: n.x)
            charge(path.count)
            for step in path { t = fieldType(t, step) }
            if program.isInterface(t) || program.isTypeParam(t) {
                adjust(InlineBudget.call)
                charge()  // the interface method selector
                // A receiver computed by a call is first stored in a temporary (declared,
                // assigned, then read).
                let x = unparen(n.x)
                if tree.kind(x) == .callExpr && !isTypeExpression(tree[x].fun) { charge(5) }
                expression(n.x)
                return
            }
            let wantsPointer = program.hasPointerReceiver(m)
            if wantsPointer != isPointer(t) {
                charge()  // implicit & or *
                if wantsPointer && receiverIsZeroOffsetFieldOfName(n.x, path: path) { adjust(-2) }
            }
            functionCharge(m)
            expression(n.x)
        case .field(_, let path, _):
            adjust(InlineBudget.call)
            charge(path.count)
            expression(n.x)
        default:
            adjust(InlineBudget.call)
            charge()
            expression(n.x)
        }
    }

    /// True when the receiver a method gets, `x` followed by the embedded steps `path`, is a
    /// field at offset 0 selected directly from a variable (an implicit `&name.f` is free).
    func receiverIsZeroOffsetFieldOfName(_ x: NodeID, path: [Int]) -> Bool {
        if path.isEmpty { return isZeroOffsetFieldOfName(unparen(x)) }
        guard path.count == 1 else { return false }
        let base = unparen(x)
        guard tree.kind(base) == .ident, let o = object(base), program.object(o).kind == .variable else { return false }
        var t = type(of: base)
        if isPointer(t) { t = pointee(t) }
        guard case .structure(let s) = program.node(program.under(t)), path[0] < s.fields.count else { return false }
        return program.offsetsof(s)[path[0]] == 0
    }

    /// Interface conversions of the values of a multi-value call passed on to `targets`.
    func spreadConversions(_ call: NodeID, to targets: [TypeID]) -> Int {
        guard case .tuple(let values) = program.node(type(of: call)) else { return 0 }
        var n = 0
        for (v, t) in zip(values, targets) where needsInterfaceConversion(from: program.object(v).type, to: t, isNil: false) {
            n += 1
        }
        return n
    }

    /// The type of embedded field `index` of the struct `t` holds or points to.
    func fieldType(_ t: TypeID, _ index: Int) -> TypeID {
        var base = t
        if isPointer(base) { base = pointee(base) }
        guard case .structure(let s) = program.node(program.under(base)), index < s.fields.count else { return .invalid }
        return program.object(s.fields[index]).type
    }

    /// Arguments converted to the parameter types; extra variadic arguments packed in a
    /// slice literal (or `nil` when there are none).
    private mutating func arguments(_ n: Node, _ sig: SignatureType) {
        let args = n.args
        var params = sig.params.map { program.object($0).type }
        let fun = unparen(n.fun)
        if tree.kind(fun) == .selectorExpr, isTypeExpression(tree[fun].x), let r = sig.recv {
            params.insert(program.object(r).type, at: 0)  // method expression: receiver first
        }
        if args.count == 1 && params.count > 1 {
            // f(g()) with a multi-value g: temporaries declared, assigned, passed.
            expression(args[0])
            charge(4 * params.count + 1)
            charge(spreadConversions(args[0], to: params))
            return
        }
        let hasSpread = n.ellipsis >= 0
        let fixed = sig.variadic && !hasSpread ? params.count - 1 : params.count
        for (i, a) in args.enumerated() where i < fixed { convert(a, to: params[i]) }
        guard sig.variadic && !hasSpread, let last = params.last else { return }
        guard case .slice(let elem) = program.node(program.under(last)) else { return }
        let extra = args.count > fixed ? Array(args[fixed...]) : []
        if extra.isEmpty { charge(); return }
        charge(2)
        for a in extra { convert(a, to: elem) }
    }

    private mutating func conversion(_ e: NodeID) {
        let n = tree[e]
        guard let arg = n.args.first else { charge(); return }
        if isNil(arg) { charge(); return }  // a typed nil
        charge(conversionCost(from: type(of: arg), to: type(of: e)))
        expression(arg)
    }

    private mutating func builtinCall(_ e: NodeID, _ b: BuiltinFunction) {
        let n = tree[e]
        let args = n.args
        switch b {
        case .recover:
            refuse(InlineReason.recover)
            charge()
        case .panic:
            charge(1 + InlineBudget.panic)
            if let a = args.first { expression(a) }  // the implicit conversion is refunded
        case .new:
            if let a = args.first, !isTypeExpression(a) {
                // new(expr): a temporary declared and assigned, then its address.
                charge(6)
                expression(a)
            } else {
                charge()
            }
        case .make:
            charge()
            for a in args.dropFirst() { expression(a) }
            if args.count == 1 {
                switch program.node(program.under(type(of: e))) {
                case .map, .chan: charge()  // size 0
                default: break
                }
            }
        case .append:
            charge()
            guard let first = args.first else { return }
            expression(first)
            if n.ellipsis >= 0 {
                for a in args.dropFirst() { expression(a) }
            } else {
                let elem: TypeID
                if case .slice(let t) = program.node(program.under(type(of: first))) { elem = t } else { elem = .invalid }
                for a in args.dropFirst() { convert(a, to: elem) }
            }
        case .delete:
            charge()
            guard args.count == 2 else { return }
            expression(args[0])
            if case .map(let k, _) = program.node(program.under(type(of: args[0]))) { convert(args[1], to: k) } else { expression(args[1]) }
        default:
            charge()
            for a in args { expression(a) }
        }
    }
}
