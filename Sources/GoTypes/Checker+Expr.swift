import GoSyntax

/// Expressions: evaluation of every expression kind to an operand, recorded as it goes.
extension Checker {
    /// Evaluates an expression and records it. A type is an error unless `allowType`; a
    /// `hint` is the expected type of an untyped composite literal element (unused otherwise).
    @discardableResult
    func expr(_ e: NodeID, hint: TypeID? = nil, allowType: Bool = false, allowVoid: Bool = false) -> Operand {
        var x = exprInternal(e, hint: hint)
        x.node = e
        record(x)
        if x.mode == .typexpr && !allowType {
            error(e, "\(text(e)) (type) is not an expression")
            x.mode = .invalid
        } else if x.mode == .novalue && !allowVoid {
            error(e, "\(text(e)) (no value) used as value")
            x.mode = .invalid
        } else if x.mode == .builtin && !allowType {
            error(e, "\(text(e)) (built-in) must be called")
            x.mode = .invalid
        }
        return x
    }

    /// Evaluates an expression that must be a single value.
    func singleValue(_ e: NodeID, hint: TypeID? = nil) -> Operand {
        var x = expr(e, hint: hint)
        if x.mode != .invalid, case .tuple(let vs) = program.node(x.type) {
            error(e, "multiple-value \(text(e)) (value of type \(typeString(x.type))) in single-value context")
            _ = vs
            x.mode = .invalid
        }
        return x
    }

    func exprInternal(_ e: NodeID, hint: TypeID?) -> Operand {
        let n = tree[e]
        switch n.kind {
        case .ident: return ident(e)
        case .basicLit:
            let k: BasicKind
            switch n.token {
            case .int: k = .untypedInt
            case .float: k = .untypedFloat
            case .imag: k = .untypedComplex
            case .char: k = .untypedRune
            default: k = .untypedString
            }
            guard let v = ConstantValue.literal(n.token, n.literal) else {
                error(e, "malformed constant: \(n.literal)")
                return .invalid(e)
            }
            return Operand(mode: .constant, type: program.basicType(k), value: v, node: e)
        case .funcLit:
            let s = Scope(parent: scope, isFunction: true)
            let sig = funcSignature(recv: .none, type: n.type, scope: s, typeParamsNode: .none)
            recordType(n.type, mode: .type, type: sig)
            let body = n.body
            let f = file
            if body.exists {
                if currentSignature != nil {
                    // Inside a function: check now, so later declarations are not in scope.
                    let saved = scope
                    scope = s
                    funcBody(sig, body)
                    scope = saved
                } else {
                    // Checked later, in the declaration's context: a literal in a constant
                    // declaration sees its `iota` (`unsafe.Sizeof(func() { _ = iota })`).
                    let decl = currentDecl, iotaValue = iota
                    delayed.append { [unowned self] in
                        let saved = self.currentDecl, savedIota = self.iota
                        self.currentDecl = decl
                        self.iota = iotaValue
                        self.inFile(f, scope: s) { self.funcBody(sig, body) }
                        self.currentDecl = saved
                        self.iota = savedIota
                    }
                }
            }
            return Operand(mode: .value, type: sig, node: e)
        case .compositeLit: return compositeLit(e, hint: hint)
        case .parenExpr:
            // What the operand may be is the enclosing context's to say (`(close(c))` is a
            // statement, `(len)(s)` a call).
            var x = expr(n.x, hint: hint, allowType: true, allowVoid: true)
            x.node = e
            return x
        case .selectorExpr: return selector(e)
        case .indexExpr, .indexListExpr: return indexExpr(e)
        case .sliceExpr: return sliceExpr(e)
        case .typeAssertExpr:
            let x = singleValue(n.x)
            if !n.type.exists {
                error(e, "use of .(type) outside type switch")
                return .invalid(e)
            }
            let t = typeExpr(n.type)
            if x.mode == .invalid || t.isInvalid { return .invalid(e) }
            guard program.isInterface(x.type) else {
                error(n.x, "invalid operation: \(text(n.x)) (\(describe(x))) is not an interface")
                return .invalid(e)
            }
            if let cause = notAssertable(x.type, t) {
                error(e, "impossible type assertion: \(text(e))\n\t\(typeString(t)) does not implement \(typeString(x.type)) \(cause)")
            }
            return Operand(mode: .commaok, type: t, node: e)
        case .callExpr: return call(e)
        case .starExpr:
            let x = expr(n.x, allowType: true)
            switch x.mode {
            case .invalid: return .invalid(e)
            case .typexpr: return Operand(mode: .typexpr, type: program.pointer(x.type), node: e)
            default:
                if x.type == program.basicType(.untypedNil) {
                    error(e, "invalid operation: cannot indirect nil")
                    return .invalid(e)
                }
                guard case .pointer(let base) = program.node(coreType(x.type) ?? .invalid) else {
                    error(e, "invalid operation: cannot indirect \(text(n.x))")
                    return .invalid(e)
                }
                return Operand(mode: .variable, type: base, node: e)
            }
        case .unaryExpr: return unary(e)
        case .binaryExpr: return binary(e, n.x, n.y, n.token, opPos: n.opPos)
        case .keyValueExpr:
            error(e, "no key:value expected")
            return .invalid(e)
        case .arrayType, .structType, .funcType, .interfaceType, .mapType, .chanType:
            let t = typeLiteral(e)
            return t.isInvalid ? .invalid(e) : Operand(mode: .typexpr, type: t, node: e)
        case .ellipsis:
            error(e, "invalid use of ...")
            return .invalid(e)
        default:
            return .invalid(e)
        }
    }

    /// An identifier used as an operand.
    func ident(_ e: NodeID) -> Operand {
        let name = tree[e].identifier
        if name == "_" {
            // A blank receiver type parameter (`func (l *List[_]) ...`) names its type here.
            if let declared = facts[file].defs[e], let o = declared, program.object(o).kind == .typeName {
                return Operand(mode: .typexpr, type: program.object(o).type, node: e)
            }
            error(e, "cannot use _ as value")
            return .invalid(e)
        }
        guard let obj = scope.lookup(name) else {
            error(e, "undefined: \(name)")
            return .invalid(e)
        }
        recordUse(e, obj)
        return operand(for: obj, e)
    }

    /// The operand an object denotes.
    func operand(for obj: ObjectID, _ e: NodeID) -> Operand {
        if declInfo[obj] != nil { objDecl(obj) }
        let r = program.object(obj)
        switch r.kind {
        case .packageName:
            error(e, "use of package \(r.name) without selector")
            return .invalid(e)
        case .constant:
            if r.package < 0 && r.name == "iota" {
                guard let v = iota else {
                    error(e, "cannot use iota outside constant declaration")
                    return .invalid(e)
                }
                return Operand(mode: .constant, type: r.type, value: v, node: e)
            }
            if r.type.isInvalid { return .invalid(e) }
            return Operand(mode: .constant, type: r.type, value: r.value, node: e)
        case .typeName:
            if r.type.isInvalid { return .invalid(e) }
            return Operand(mode: .typexpr, type: r.type, node: e)
        case .variable:
            if r.type.isInvalid { return .invalid(e) }
            return Operand(mode: .variable, type: r.type, node: e)
        case .function:
            if r.type.isInvalid { return .invalid(e) }
            return Operand(mode: .value, type: r.type, node: e)
        case .builtin:
            return Operand(mode: .builtin, type: .invalid, node: e, builtin: r.builtin)
        case .nilValue:
            return Operand(mode: .value, type: program.basicType(.untypedNil), node: e)
        case .label:
            return .invalid(e)
        }
    }

    /// `x.sel`: a qualified identifier, field, method value or method expression.
    func selector(_ e: NodeID) -> Operand {
        let n = tree[e]
        let selNode = n.sel
        let sel = tree[selNode].identifier
        if kind(n.x) == .ident, let o = scope.lookup(tree[n.x].identifier), program.object(o).kind == .packageName {
            recordUse(n.x, o)
            let imported = program.packages[Int(program.object(o).imported)]
            if imported.isFake { return .invalid(e) }
            guard let obj = imported.scope.lookupLocal(sel), program.object(obj).isExported else {
                error(selNode, "undefined: \(tree[n.x].identifier).\(sel)")
                return .invalid(e)
            }
            recordUse(selNode, obj)
            return operand(for: obj, e)
        }
        let x = expr(n.x, allowType: true)
        if x.mode == .invalid { return .invalid(e) }
        if x.mode == .typexpr {
            // Method expression T.m.
            guard !isPointerToInterface(x.type), case .method(let m, _, let indirect) = program.lookup(x.type, name: sel, pkg: pkg.index) else {
                error(selNode, "\(text(n.x)).\(sel) undefined (\(missingSelectorReason(x.type, sel)))")
                return .invalid(e)
            }
            recordUse(selNode, m)
            if program.hasPointerReceiver(m) && !indirect, case .pointer = program.node(program.unalias(x.type)) {} else if program.hasPointerReceiver(m) && !indirect && !program.isInterface(x.type) {
                error(selNode, "invalid method expression \(typeString(x.type)).\(sel) (needs pointer receiver (*\(typeString(x.type))).\(sel))")
                return .invalid(e)
            }
            guard case .signature(let s) = program.node(program.object(m).type) else { return .invalid(e) }
            var recvName = ""
            if let first = s.params.first, !program.object(first).name.isEmpty {
                recvName = s.recv.map { program.object($0).name } ?? ""
                if recvName.isEmpty { recvName = "_" }
            }
            let recvVar = program.newObject(ObjectRecord(kind: .variable, name: recvName,
                                                         package: pkg.index, type: x.type, variableKind: .parameter))
            let sig = program.signature(SignatureType(recv: nil, typeParams: [], params: [recvVar] + s.params,
                                                      results: s.results, variadic: s.variadic))
            return Operand(mode: .value, type: sig, node: e)
        }
        if x.mode == .builtin || x.mode == .novalue {
            error(e, "invalid use of \(text(n.x))")
            return .invalid(e)
        }
        if case .tuple = program.node(x.type) {
            error(n.x, "multiple-value \(text(n.x)) in single-value context")
            return .invalid(e)
        }
        switch isPointerToInterface(x.type) ? .notFound : program.lookup(x.type, name: sel, pkg: pkg.index) {
        case .field(let f, _, let indirect):
            recordUse(selNode, f)
            let mode: OperandMode = (x.mode == .variable || indirect) ? .variable : .value
            return Operand(mode: mode, type: program.object(f).type, node: e)
        case .method(let m, _, let indirect):
            recordUse(selNode, m)
            if program.hasPointerReceiver(m) && !indirect && x.mode != .variable && !program.isInterface(x.type) {
                if case .pointer = program.node(program.under(x.type)) {} else {
                    error(selNode, "cannot call pointer method \(sel) on \(typeString(x.type))")
                    return .invalid(e)
                }
            }
            guard case .signature(var s) = program.node(program.object(m).type) else { return .invalid(e) }
            s.recv = nil
            return Operand(mode: .value, type: program.signature(s), node: e)
        case .ambiguous:
            error(selNode, "ambiguous selector \(text(e))")
            return .invalid(e)
        case .notFound:
            // A type that is already invalid was reported where it went wrong.
            if program.under(x.type) == .invalid { return .invalid(e) }
            error(selNode, "\(text(e)) undefined (\(missingSelectorReason(x.type, sel)))")
            return .invalid(e)
        }
    }

    /// `&x`, `<-x`, `+x`, `-x`, `^x`, `!x`.
    func unary(_ e: NodeID) -> Operand {
        let n = tree[e]
        let op = n.token
        if op == .and {
            var inner = n.x
            while kind(inner) == .parenExpr { inner = tree[inner].x }
            let x = singleValue(n.x)
            if x.mode == .invalid { return .invalid(e) }
            if kind(inner) != .compositeLit && x.mode != .variable {
                error(n.x, "invalid operation: cannot take address of \(text(n.x)) (\(describe(x)))")
                return .invalid(e)
            }
            return Operand(mode: .value, type: program.pointer(x.type), node: e)
        }
        if op == .arrow {
            let x = singleValue(n.x)
            if x.mode == .invalid { return .invalid(e) }
            guard case .chan(let d, let elem) = program.node(coreType(x.type) ?? .invalid), d != .send else {
                error(n.x, "invalid operation: " + channelProblem(x, receive: true))
                return .invalid(e)
            }
            return Operand(mode: .commaok, type: elem, node: e)
        }
        var x = singleValue(n.x)
        if x.mode == .invalid { return .invalid(e) }
        let k = program.basicKind(x.type)
        let ok: Bool
        switch op {
        case .add, .sub: ok = allKinds(x.type) { $0.isNumeric }
        case .xor: ok = allKinds(x.type) { $0.isInteger }
        case .not: ok = allKinds(x.type) { $0.isBoolean }
        default: ok = false
        }
        if !ok {
            error(n.x, "invalid operation: operator \(op.text) not defined on \(text(n.x)) (\(describe(x)))")
            return .invalid(e)
        }
        x.node = e
        if x.mode == .constant {
            var bits = 0
            if let k, k.isUnsigned, !program.isUntyped(x.type) { bits = 8 * Int(sizeof(x.type)) }
            x.value = ConstantValue.unary(op, x.value, unsignedBits: bits) ?? .unknown
            overflow(&x, at: n.opPos)
            return x
        }
        x.mode = .value
        return x
    }
}

extension Checker {
    /// True for a pointer to an interface or type parameter, which has no fields or methods.
    func isPointerToInterface(_ t: TypeID) -> Bool {
        guard case .pointer(let base) = program.node(program.under(t)) else { return false }
        return program.isInterface(base) || program.isTypeParam(base)
    }

    /// Why a selector found nothing, in go/types' words.
    func missingSelectorReason(_ t: TypeID, _ sel: String) -> String {
        if case .pointer(let base) = program.node(program.under(t)) {
            if program.isTypeParam(base) { return "type \(typeString(t)) is pointer to type parameter, not type parameter" }
            if program.isInterface(base) { return "type \(typeString(t)) is pointer to interface, not interface" }
        }
        return "type \(typeString(t)) has no field or method \(sel)"
    }
}

extension Checker {
    /// Why `x` cannot be received from (or sent to), as go/types words it.
    func channelProblem(_ x: Operand, receive: Bool) -> String {
        let verb = receive ? "cannot receive from" : "cannot send to"
        let operand = "\(text(x.node)) (\(describe(x)))"
        var cause: String
        switch program.node(coreType(x.type) ?? .invalid) {
        case .chan(let d, _):
            cause = d == .send ? "send-only channel" : "receive-only channel"
        default:
            cause = program.isTypeParam(x.type) && coreType(x.type) == nil ? "no specific channel type" : "non-channel"
        }
        if program.isTypeParam(x.type) { return "\(verb) \(operand): \(cause)" }
        return "\(verb) \(cause) \(typeString(x.type)) \(operand)"
    }
}
