import GoSyntax

/// Calls: function calls with argument passing, conversions, and built-in functions.
extension Checker {
    func call(_ e: NodeID) -> Operand {
        let n = tree[e]
        let outer = calledFunction
        calledFunction = n.fun
        let f = expr(n.fun, allowType: true)
        calledFunction = outer
        let args = Array(n.args)
        switch f.mode {
        case .invalid:
            for a in args { _ = expr(a, allowType: true, allowVoid: true) }
            return .invalid(e)
        case .typexpr:
            guard args.count == 1 else {
                if args.isEmpty {
                    error(at: n.rparen, "missing argument in conversion to \(typeString(f.type))")
                } else {
                    error(args[args.count - 1], "too many arguments in conversion to \(typeString(f.type))")
                }
                for a in args { _ = expr(a) }
                return .invalid(e)
            }
            var x = singleValue(args[0], hint: f.type)
            if x.mode == .invalid { return .invalid(e) }
            if n.ellipsis >= 0 {
                error(args[0], "invalid use of ... in conversion to \(typeString(f.type))")
                return .invalid(e)
            }
            conversion(&x, f.type)
            x.node = e
            return x
        case .builtin:
            return builtinCall(e, f.builtin!, args)
        default:
            break
        }
        guard case .signature(let generic) = program.node(coreType(f.type) ?? .invalid) else {
            error(e, "invalid operation: cannot call non-function \(text(n.fun)) (\(describe(f)))")
            for a in args { _ = expr(a) }
            return .invalid(e)
        }
        var sig = generic
        var operands = evaluateArguments(args)
        if !sig.typeParams.isEmpty {
            if operands.contains(where: { $0.mode == .invalid }) { return .invalid(e) }
            guard let targs = infer(sig, explicit: f.explicitTypeArgs, args: operands, at: e) else { return .invalid(e) }
            verifyLater(sig.typeParams, targs, at: tree[e].pos, argNodes: explicitTypeArgNodes(n.fun))
            let inst = instantiateSignature(sig, targs)
            recordType(n.fun, mode: .value, type: inst)
            facts[file].instances[n.fun] = targs
            guard case .signature(let s) = program.node(inst) else { return .invalid(e) }
            sig = s
        }
        arguments(e, sig, &operands, hasEllipsis: n.ellipsis >= 0)
        switch sig.results.count {
        case 0: return Operand(mode: .novalue, type: .invalid, node: e)
        case 1: return Operand(mode: .value, type: program.object(sig.results[0]).type, node: e)
        default: return Operand(mode: .value, type: program.tuple(sig.results), node: e)
        }
    }

    /// Evaluates call arguments, spreading a single multi-value call.
    func evaluateArguments(_ args: [NodeID]) -> [Operand] {
        if args.count == 1 {
            let x = expr(args[0])
            if x.mode != .invalid, case .tuple(let vars) = program.node(x.type) {
                return vars.map { Operand(mode: .value, type: program.object($0).type, node: args[0]) }
            }
            return [x]
        }
        return args.map { singleValue($0) }
    }

    /// Passes arguments to parameters.
    func arguments(_ e: NodeID, _ sig: SignatureType, _ args: inout [Operand], hasEllipsis: Bool) {
        let params = sig.params.map { program.object($0).type }
        let n = params.count
        let call = tree[e]
        if hasEllipsis && !sig.variadic {
            error(at: call.ellipsis, "cannot use ... in call to non-variadic \(text(call.fun))")
            return
        }
        if hasEllipsis && call.args.count == 1 && args.count > 1 {
            error(at: call.ellipsis, "cannot use ... with \(args.count)-valued \(text(call.args[0]))")
            return
        }
        let tooFew = sig.variadic && !hasEllipsis ? args.count < n - 1 : args.count < n
        let tooMany = sig.variadic && !hasEllipsis ? false : args.count > n
        if tooFew || tooMany {
            if args.allSatisfy({ $0.mode != .invalid }) {
                let what = "\(tooMany ? "too many" : "not enough") arguments in call to \(text(call.fun))"
                if tooMany { error(args[n].node, what) } else { error(at: call.rparen, what) }
            }
            return
        }
        for i in 0..<args.count {
            var t: TypeID
            if sig.variadic && i >= n - 1 {
                if hasEllipsis { t = params[n - 1] }
                else if case .slice(let el) = program.node(params[n - 1]) { t = el } else { t = .invalid }
            } else {
                t = params[i]
            }
            assignment(&args[i], to: t, context: "argument to \(text(tree[e].fun))")
        }
    }

    /// A conversion `T(x)`.
    func conversion(_ x: inout Operand, _ t: TypeID) {
        let constArg = x.mode == .constant
        var ok = false
        let tk: BasicKind? = { if case .basic(let k, _) = program.node(program.under(t)) { return k }; return nil }()
        if constArg, let tk, tk.isConstType {
            if program.basicKind(x.type)?.isInteger == true && tk.isString, let i = x.value.integer {
                var s: [UInt8] = Array("\u{FFFD}".utf8)
                if let v = i.int64, v >= 0, v <= 0x10FFFF, let u = Unicode.Scalar(UInt32(v)) { s = Array(String(u).utf8) }
                x.value = .string(s)
                ok = true
            } else if let v = representable(x.value, tk) {
                x.value = v
                ok = true
            } else if x.value.isNumeric && tk.isNumeric {
                error(x.node, "cannot convert \(text(x.node)) (\(describe(x))) to type \(typeString(t)) (\(tk.isInteger && x.value.integer == nil ? "truncated" : "overflows"))")
                x.mode = .invalid
                return
            }
        } else if convertible(x, t) {
            ok = true
            x.mode = .value
        }
        if !ok {
            error(x.node, "cannot convert \(text(x.node)) (\(describe(x))) to type \(typeString(t))")
            x.mode = .invalid
            return
        }
        if program.isUntyped(x.type) {
            var final = t
            if (program.isInterface(t) && !program.isTypeParam(t)) || (constArg && !(tk?.isConstType ?? false))
                || x.type == program.basicType(.untypedNil) {
                final = program.defaultType(x.type)
            } else if x.mode == .constant && program.basicKind(x.type)?.isInteger == true && tk?.isString == true {
                final = x.type
            }
            updateExprType(x.node, final, final: true)
        }
        x.type = t
    }

    /// Non-constant convertibility.
    func convertible(_ x: Operand, _ t: TypeID) -> Bool {
        if assignable(x, to: t) { return true }
        if program.isTypeParam(x.type) || program.isTypeParam(t) {
            let xs = typeSetTerms(x.type)?.map { $0.type } ?? [x.type]
            let ts = typeSetTerms(t)?.map { $0.type } ?? [t]
            return xs.allSatisfy { a in ts.allSatisfy { b in convertible(Operand(mode: .value, type: a, node: x.node), b) } }
        }
        let v = x.type
        let vu = program.under(v), tu = program.under(t)
        if program.identicalIgnoringTags(vu, tu) { return true }
        if case .pointer(let a) = program.node(program.unalias(v)), case .pointer(let b) = program.node(program.unalias(t)),
           program.identicalIgnoringTags(program.under(a), program.under(b)) { return true }
        let vk = program.basicKind(vu), tk = program.basicKind(tu)
        if let vk, let tk {
            if (vk.isInteger || vk.isFloat) && (tk.isInteger || tk.isFloat) { return true }
            if vk.isComplex && tk.isComplex { return true }
            if vk.isInteger && tk.isString { return true }
            if vk == .uintptr && tk == .unsafePointer { return true }
            if vk == .unsafePointer && tk == .uintptr { return true }
        }
        if tk?.isString == true && isBytesOrRunes(vu) { return true }
        if vk?.isString == true && isBytesOrRunes(tu) { return true }
        if vk == .unsafePointer, case .pointer = program.node(tu) { return true }
        if tk == .unsafePointer, case .pointer = program.node(vu) { return true }
        if case .slice(let e) = program.node(vu) {
            if case .array(_, let f) = program.node(tu), program.identical(e, f) { return true }
            if case .pointer(let p) = program.node(tu), case .array(_, let f) = program.node(program.under(p)), program.identical(e, f) { return true }
        }
        return false
    }

    func isBytesOrRunes(_ t: TypeID) -> Bool {
        guard case .slice(let e) = program.node(t), let k = program.basicKind(e) else { return false }
        return k == .uint8 || k == .int32
    }
}

extension Checker {
    /// The explicit type argument expressions of `f[A, B]` (possibly parenthesized).
    func explicitTypeArgNodes(_ fun: NodeID) -> [NodeID] {
        var f = fun
        while kind(f) == .parenExpr { f = tree[f].x }
        switch kind(f) {
        case .indexExpr: return [tree[f].index]
        case .indexListExpr: return Array(tree[f].indices)
        default: return []
        }
    }
}
