import GoSyntax
import GoTypes

/// Expressions: one IR node per operation, constants folded to one literal, implicit
/// conversions to interfaces made explicit, parentheses and type expressions free.
extension InlineCostWalker {
    // MARK: Facts

    func unparen(_ e: NodeID) -> NodeID {
        var e = e
        while tree.kind(e) == .parenExpr { e = tree[e].x }
        return e
    }

    func fact(_ e: NodeID) -> ExprFact? { facts.exprs[e] }

    func type(of e: NodeID) -> TypeID { facts.exprs[e]?.type ?? facts.exprs[unparen(e)]?.type ?? .invalid }

    /// The type of a variable declared by an identifier.
    func type(ofDeclared name: NodeID) -> TypeID {
        if let o = facts.defs[name] ?? nil { return program.object(o).type }
        return type(of: name)
    }

    func isConstant(_ e: NodeID) -> Bool { fact(e)?.value != nil || fact(unparen(e))?.value != nil }

    func constantBool(_ e: NodeID) -> Bool? {
        if case .bool(let b)? = fact(e)?.value ?? fact(unparen(e))?.value { return b }
        return nil
    }

    func isTypeExpression(_ e: NodeID) -> Bool { fact(unparen(e))?.mode == .type }

    func isBlank(_ e: NodeID) -> Bool {
        let x = unparen(e)
        return tree.kind(x) == .ident && tree[x].identifier == "_"
    }

    func isNil(_ e: NodeID) -> Bool {
        let x = unparen(e)
        if let f = fact(x), f.mode == .nilValue { return true }
        if tree.kind(x) == .ident, let o = facts.uses[x], program.object(o).kind == .nilValue { return true }
        return false
    }

    /// True when an identifier on the left of `:=` (or in `range`) declares a new variable.
    func declaresObject(_ e: NodeID) -> Bool {
        guard tree.kind(e) == .ident, tree[e].identifier != "_" else { return false }
        return (facts.defs[e] ?? nil) != nil
    }

    func object(_ ident: NodeID) -> ObjectID? {
        if let o = facts.uses[ident] { return o }
        return facts.defs[ident] ?? nil
    }

    func channelElement(_ t: TypeID) -> TypeID {
        if case .chan(_, let e) = program.node(program.under(t)) { return e }
        return .invalid
    }

    func isPointer(_ t: TypeID) -> Bool {
        if case .pointer = program.node(program.under(t)) { return true }
        return false
    }

    func pointee(_ t: TypeID) -> TypeID {
        if case .pointer(let e) = program.node(program.under(t)) { return e }
        return .invalid
    }

    // MARK: Conversions

    /// An expression used where a value of type `target` is expected: an implicit conversion
    /// node is added when a non-interface value (or a different interface) becomes an interface.
    mutating func convert(_ e: NodeID, to target: TypeID) {
        let x = unparen(e)
        if tree.kind(x) == .compositeLit && !tree[x].type.exists && isPointer(target) {
            charge()  // an elided &T{...}
            compositeLiteral(x)
            return
        }
        expression(e)
        if needsInterfaceConversion(from: type(of: e), to: target, isNil: isNil(e)) { charge() }
    }

    func needsInterfaceConversion(from source: TypeID, to target: TypeID, isNil: Bool) -> Bool {
        guard !target.isInvalid, !source.isInvalid, !isNil, program.isInterface(target) else { return false }
        if program.basicKind(source) == .untypedNil { return false }
        return !program.identical(source, target)
    }

    /// Cost of the conversion node of an explicit conversion `T(x)` with a non-constant result:
    /// 0 when the compiler emits a no-op conversion.
    func conversionCost(from source: TypeID, to target: TypeID) -> Int {
        if program.isInterface(target) { return 1 }
        if program.identical(program.under(source), program.under(target)) { return 0 }
        let s = program.node(program.under(source)), t = program.node(program.under(target))
        switch (s, t) {
        case (.pointer(let a), .pointer(let b)):
            return program.identical(program.under(a), program.under(b)) ? 0 : 1
        case (.basic(let a, _), .basic(let b, _)):
            if a == .unsafePointer || b == .unsafePointer {
                let other = a == .unsafePointer ? b : a
                return other == .uintptr || other == .unsafePointer ? 0 : 1
            }
            if (a.isInteger || a.isFloat) && (b.isInteger || b.isFloat) {
                return Self.machineKind(a) == Self.machineKind(b) ? 0 : 1
            }
            return 1
        case (.pointer, .basic(let b, _)): return b == .unsafePointer ? 0 : 1
        case (.basic(let a, _), .pointer): return a == .unsafePointer ? 0 : 1
        default: return 1
        }
    }

    /// The machine representation of a basic kind on amd64 (`int` is `int64`, ...).
    static func machineKind(_ k: BasicKind) -> BasicKind {
        switch k {
        case .int: return .int64
        case .uint, .uintptr: return .uint64
        default: return k
        }
    }

    // MARK: Expressions

    mutating func expression(_ e: NodeID) {
        guard e.exists else { return }
        if isConstant(e) { charge(); return }
        let n = tree[e]
        switch n.kind {
        case .parenExpr: expression(n.x)
        case .ident, .basicLit: charge()
        case .funcLit:
            charge(1 + InlineBudget.closureLiteral)
            noteLiteral(e)
        case .compositeLit: compositeLiteral(e)
        case .selectorExpr: selector(e)
        case .indexExpr: index(e)
        case .indexListExpr: charge()  // a generic function instantiated explicitly
        case .sliceExpr: slice(e)
        case .typeAssertExpr:
            charge()
            expression(n.x)
        case .callExpr: call(e)
        case .starExpr:
            if isTypeExpression(e) { return }
            charge()
            if stripsToAddress(n.x) { adjust(-1) }
            expression(n.x)
        case .unaryExpr: unary(e)
        case .binaryExpr: binary(e)
        case .keyValueExpr:
            charge()
            expression(n.key)
            expression(n.value)
        default: break  // type expressions cost nothing
        }
    }

    /// True when an operand, after no-op conversions, takes an address (`*(*T)(unsafe.Pointer(&x))`).
    func stripsToAddress(_ e: NodeID) -> Bool {
        var x = unparen(e)
        while tree.kind(x) == .callExpr, isTypeExpression(tree[x].fun), tree[x].args.count == 1,
              conversionCost(from: type(of: tree[x].args[0]), to: type(of: x)) == 0 {
            x = unparen(tree[x].args[0])
        }
        return tree.kind(x) == .unaryExpr && tree[x].token == .and
    }

    mutating func unary(_ e: NodeID) {
        let n = tree[e]
        let x = unparen(n.x)
        if n.token == .and {
            if tree.kind(x) == .compositeLit {
                charge()
                compositeLiteral(x)
                return
            }
            charge()
            if isZeroOffsetFieldOfName(x) { adjust(-2) }
            expression(n.x)
            return
        }
        charge()
        expression(n.x)
    }

    /// True for `name.f` where `f` is a direct field at offset 0 of the struct `name` holds
    /// (or points to).
    func isZeroOffsetFieldOfName(_ x: NodeID) -> Bool {
        guard tree.kind(x) == .selectorExpr else { return false }
        let n = tree[x]
        let base = unparen(n.x)
        guard tree.kind(base) == .ident, let o = object(base), program.object(o).kind == .variable else { return false }
        guard case .field(_, let path, _) = selection(x), path.count == 1 else { return false }
        var t = type(of: base)
        if isPointer(t) { t = pointee(t) }
        guard case .structure(let s) = program.node(program.under(t)), path[0] < s.fields.count else { return false }
        return program.offsetsof(s)[path[0]] == 0
    }

    func selection(_ x: NodeID) -> Program.Selection {
        let n = tree[x]
        guard let o = object(n.sel) else { return .notFound }
        return program.lookup(type(of: n.x), name: program.object(o).name, pkg: program.object(o).package)
    }

    mutating func selector(_ e: NodeID) {
        let n = tree[e]
        if tree.kind(n.x) == .ident, let o = facts.uses[n.x], program.object(o).kind == .packageName {
            charge()  // a qualified identifier
            return
        }
        if isTypeExpression(n.x) { return }  // a method expression: free
        switch selection(e) {
        case .field(_, let path, _):
            charge(path.count)
            expression(n.x)
        case .method(let m, let path, _):
            charge(2)  // a method value
            charge(path.count)
            var t = type(of: n.x)
            for step in path { t = fieldType(t, step) }
            if program.hasPointerReceiver(m) && !isPointer(t) && !program.isInterface(t) {
                charge()  // implicit &
                if receiverIsZeroOffsetFieldOfName(n.x, path: path) { adjust(-2) }
            }
            expression(n.x)
        default:
            charge()
            expression(n.x)
        }
    }

    mutating func index(_ e: NodeID) {
        let n = tree[e]
        if isTypeExpression(e) { return }
        let xt = type(of: n.x)
        if case .signature = program.node(program.under(xt)) {
            charge()  // a generic function instantiated explicitly
            return
        }
        charge()
        switch program.node(program.under(xt)) {
        case .map(let k, _):
            expression(n.x)
            convert(n.index, to: k)
        case .pointer:
            charge()  // implicit dereference of a pointer to array
            if stripsToAddress(n.x) { adjust(-1) }
            expression(n.x)
            expression(n.index)
        default:
            expression(n.x)
            expression(n.index)
        }
    }

    mutating func slice(_ e: NodeID) {
        let n = tree[e]
        charge()
        let xt = type(of: n.x)
        if case .array = program.node(program.under(xt)) { charge() }  // implicit &a
        expression(n.x)
        if n.low.exists {
            if let v = (fact(n.low)?.value ?? fact(unparen(n.low))?.value)?.integer, v.isZero { adjust(-1) }
            expression(n.low)
        }
        if n.high.exists {
            if isLengthOfSameName(n.high, n.x) { adjust(-2) }
            expression(n.high)
        }
        if n.max.exists { expression(n.max) }
    }

    /// True for `len(x)` where `x` is the same variable as `base`.
    func isLengthOfSameName(_ high: NodeID, _ base: NodeID) -> Bool {
        let h = unparen(high)
        guard tree.kind(h) == .callExpr, builtin(tree[h].fun) == .len, tree[h].args.count == 1 else { return false }
        let a = unparen(tree[h].args[0]), b = unparen(base)
        guard tree.kind(a) == .ident, tree.kind(b) == .ident, let oa = object(a), let ob = object(b) else { return false }
        return oa == ob && program.object(oa).kind == .variable
    }

    mutating func binary(_ e: NodeID) {
        let n = tree[e]
        if n.token == .add, program.basicKind(type(of: e))?.isString == true {
            var operands: [NodeID] = []
            flattenConcatenation(e, into: &operands)
            charge()
            for o in operands { expression(o) }
            return
        }
        charge()
        if n.token == .eql || n.token == .neq {
            let xt = type(of: n.x), yt = type(of: n.y)
            if program.isInterface(xt) && !program.isInterface(yt) {
                expression(n.x)
                convert(n.y, to: xt)
                return
            }
            if program.isInterface(yt) && !program.isInterface(xt) {
                convert(n.x, to: yt)
                expression(n.y)
                return
            }
        }
        expression(n.x)
        expression(n.y)
    }

    /// The operands of a chain of non-constant string `+`, left to right.
    func flattenConcatenation(_ e: NodeID, into out: inout [NodeID]) {
        let x = unparen(e)
        let n = tree[x]
        if n.kind == .binaryExpr, n.token == .add, !isConstant(x) {
            flattenConcatenation(n.x, into: &out)
            flattenConcatenation(n.y, into: &out)
        } else {
            out.append(e)
        }
    }

    mutating func compositeLiteral(_ e: NodeID) {
        let n = tree[e]
        var t = program.under(type(of: e))
        if case .pointer(let base) = program.node(t) {
            charge()  // an elided &T{...} inside an outer literal
            t = program.under(base)
        }
        switch program.node(t) {
        case .structure(let s):
            charge()
            for (i, elt) in n.elts.enumerated() {
                charge()  // the field key node
                if tree.kind(elt) == .keyValueExpr {
                    let kv = tree[elt]
                    let field = object(kv.key)
                    convert(kv.value, to: field.map { program.object($0).type } ?? .invalid)
                } else if i < s.fields.count {
                    convert(elt, to: program.object(s.fields[i]).type)
                }
            }
        case .slice(let elem), .array(_, let elem):
            if case .slice = program.node(t) { charge(2) } else { charge() }
            for elt in n.elts { element(elt, key: nil, value: elem) }
        case .map(let k, let v):
            charge()
            for elt in n.elts { element(elt, key: k, value: v) }
        default:
            charge()
            for elt in n.elts { expression(elt) }
        }
    }

    private mutating func element(_ elt: NodeID, key: TypeID?, value: TypeID) {
        if tree.kind(elt) == .keyValueExpr {
            let kv = tree[elt]
            charge()
            if let k = key { convert(kv.key, to: k) } else { expression(kv.key) }
            convert(kv.value, to: value)
        } else {
            convert(elt, to: value)
        }
    }
}
