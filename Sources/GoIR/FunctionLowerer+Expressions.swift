import GoSyntax
import GoTypes

/// Expressions: constants folded to one literal, implicit conversions made explicit, field
/// selections through embedded fields spelled out, method values and literals as their own ops.
extension FunctionLowerer {
    /// Lowers an expression used as a value of its own type.
    func expr(_ e0: NodeID) -> IRNodeID {
        let e = unparen(e0)
        let f = fact(e)
        if let f, f.mode == .constant, let v = f.value {
            return literal(v, type: f.type, at: position(e))
        }
        let n = tree[e]
        switch n.kind {
        case .ident: return identifier(e)
        case .funcLit: return functionLiteral(e)
        case .compositeLit: return compositeLiteral(e, type: typeOf(e))
        case .selectorExpr: return selector(e)
        case .indexExpr, .indexListExpr: return index(e)
        case .sliceExpr: return slice(e)
        case .typeAssertExpr:
            return typeAssertion(expr(n.x), type: typeOf(e), at: position(e))
        case .callExpr: return call(e)
        case .starExpr:
            let x = expr(n.x)
            return function.add(.deref, type: typeOf(e), pos: pos(n.pos), a: x)
        case .unaryExpr: return unary(e)
        case .binaryExpr: return binary(e)
        default:
            return function.add(.nilValue, type: typeOf(e), pos: position(e))
        }
    }

    /// Lowers an expression used where a value of type `target` is expected: an untyped
    /// constant takes the target's type (or its default type for an interface), `nil` takes
    /// the target's type, and a value of another type gets an implicit conversion.
    func convert(_ e0: NodeID, to target: TypeID) -> IRNodeID {
        let e = unparen(e0)
        guard !target.isInvalid else { return expr(e) }
        let f = fact(e)
        if let f, f.mode == .nilValue || (f.mode != .constant && program.basicKind(f.type) == .untypedNil) {
            return function.add(.nilValue, type: target, pos: position(e))
        }
        if let f, f.mode == .constant, let v = f.value {
            var t = f.type
            if program.isUntyped(t) { t = program.isInterface(target) ? program.defaultType(t) : target }
            let lit = literal(v, type: t, at: position(e))
            return implicitConversion(lit, to: target)
        }
        // An elided `&T{...}` inside a composite literal of pointers.
        if tree.kind(e) == .compositeLit && !tree[e].type.exists, case .pointer(let base) = program.node(program.under(target)) {
            let lit = compositeLiteral(e, type: base)
            return function.add(.ptrLit, type: target, pos: position(e), a: lit, flags: .implicit)
        }
        // The implicit conversion sits where the converted expression does (an explicit
        // conversion `T(x)` has its own node at `x`, but the expression is at its `(`).
        return implicitConversion(expr(e), to: target, at: position(e))
    }

    /// Adds the implicit conversion of a lowered value to `target`, if one is needed, at `pos`
    /// (the value's own position by default).
    func implicitConversion(_ x: IRNodeID, to target: TypeID, at pos: IRPos? = nil) -> IRNodeID {
        let source = function[x].type
        guard !target.isInvalid, !source.isInvalid, !program.identical(source, target) else { return x }
        if function[x].op == .nilValue && program.basicKind(source) == .untypedNil { return x }
        if program.isInterface(target) {
            let op: IROp = isEmptyInterfaceChange(from: source, to: target) ? .convNop : .convIface
            return function.add(op, type: target, pos: pos ?? function[x].pos, a: x, flags: .implicit)
        }
        if program.isUntyped(source) { return x }
        return function.add(.convNop, type: target, pos: pos ?? function[x].pos, a: x, flags: .implicit)
    }

    /// True when both types are empty interfaces (`any` to a defined `type Value any`): the
    /// compiler's conversion between them changes nothing (OCONVNOP), while any other
    /// conversion to an interface, non-empty interfaces of one method set included, builds
    /// an interface value (OCONVIFACE).
    func isEmptyInterfaceChange(from source: TypeID, to target: TypeID) -> Bool {
        let empty = program.emptyInterface
        guard !program.isTypeParam(source), !program.isTypeParam(target) else { return false }
        return program.identical(program.under(source), empty) && program.identical(program.under(target), empty)
    }

    /// A constant.
    func literal(_ v: ConstantValue, type: TypeID, at pos: IRPos) -> IRNodeID {
        var t = type
        if program.isUntyped(t) { t = program.defaultType(t) }
        if case .bool = v, program.basicKind(t) == .untypedBool { t = program.basicType(.bool) }
        return function.add(.literal, type: t, pos: pos, aux: function.addConstant(v))
    }

    // MARK: Names

    func identifier(_ e: NodeID) -> IRNodeID {
        guard let o = object(e) else {
            return function.add(.nilValue, type: typeOf(e), pos: pos(tree[e].pos))
        }
        let r = program.object(o)
        let at = pos(tree[e].pos)
        switch r.kind {
        case .variable:
            if r.variableKind == .package { return function.add(.global, type: r.type, pos: at, aux: o.raw) }
            if let v = variable(for: o) { return nameNode(v, at: at) }
            return function.add(.global, type: r.type, pos: at, aux: o.raw)
        case .function:
            return function.add(.function, type: typeOf(e).isInvalid ? r.type : typeOf(e), pos: at, aux: o.raw)
        case .nilValue:
            return function.add(.nilValue, type: typeOf(e), pos: at)
        default:
            return function.add(.nilValue, type: typeOf(e), pos: at)
        }
    }

    // MARK: Selectors

    func selector(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        // A qualified identifier `pkg.Name`.
        if tree.kind(n.x) == .ident, let p = facts.uses[n.x], program.object(p).kind == .packageName {
            let id = identifier(n.sel)
            function.nodes[Int(id.raw)].pos = position(e)
            // A generic function instantiated here has the selector's (instantiated) type.
            if function[id].op == .function, !typeOf(e).isInvalid { function.nodes[Int(id.raw)].type = typeOf(e) }
            return id
        }
        guard let selected = object(n.sel) else { return function.add(.nilValue, type: typeOf(e), pos: position(e)) }
        // A method expression `T.M`.
        if isTypeExpression(n.x) {
            return function.add(.methodExpr, type: typeOf(e), pos: position(e), aux: selected.raw)
        }
        let sel = program.lookup(typeOf(n.x), name: program.object(selected).name, pkg: program.object(selected).package)
        switch sel {
        case .field(_, let path, _):
            let base = expr(n.x)
            return fieldPath(base, path: path, at: position(e), finalType: typeOf(e))
        case .method(let m, let path, _):
            var recv = expr(n.x)
            if !path.isEmpty { recv = fieldPath(recv, path: path, at: position(e), finalType: nil, implicit: true) }
            if program.isInterface(function[recv].type) || program.isTypeParam(function[recv].type) {
                return function.add(.methodValue, type: typeOf(e), pos: position(e), a: recv, aux: m.raw)
            }
            recv = adjustReceiver(recv, for: m, at: position(e))
            return function.add(.methodValue, type: typeOf(e), pos: position(e), a: recv, aux: m.raw)
        default:
            return function.add(.nilValue, type: typeOf(e), pos: position(e))
        }
    }

    /// Selects the fields at `path` from `base` (embedded steps implicit), with `.dotPtr`
    /// through pointers.
    func fieldPath(_ base: IRNodeID, path: [Int], at pos: IRPos, finalType: TypeID?, implicit: Bool = false) -> IRNodeID {
        function.addFieldPath(base, path: path, program: program, at: pos, finalType: finalType, implicit: implicit)
    }

    /// The receiver a method gets: an implicit `&` when the method wants a pointer and the
    /// value is addressable, an implicit `*` when it wants a value and has a pointer.
    func adjustReceiver(_ recv: IRNodeID, for method: ObjectID, at selector: IRPos) -> IRNodeID {
        let wantsPointer = program.hasPointerReceiver(method)
        let t = function[recv].type
        // The implicit `&x` or `*p` sits at the selector's dot, as the compiler places it.
        if wantsPointer && !isPointer(t) {
            markAddressTaken(recv)
            return function.add(.addr, type: program.pointer(t), pos: selector, a: recv, flags: .implicit)
        }
        if !wantsPointer && isPointer(t), case .pointer(let base) = program.node(program.under(t)) {
            return function.add(.deref, type: base, pos: selector, a: recv, flags: .implicit)
        }
        return recv
    }

    // MARK: Index and slice

    func index(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        // An instantiated generic function used as a value.
        let isGenericFunction = program.signatureOf(typeOf(n.x)).map { !$0.typeParams.isEmpty } ?? false
        if isGenericFunction && program.signatureOf(typeOf(e)) != nil {
            let callee = expr(n.x)
            function.nodes[Int(callee.raw)].type = typeOf(e)
            return callee
        }
        if let f = fact(n.x), f.mode != .variable && f.mode != .value && f.mode != .mapIndex && f.mode != .commaOK,
           program.signatureOf(typeOf(e)) != nil, tree.kind(e) == .indexListExpr || !isIndexable(typeOf(n.x)) {
            let callee = expr(n.x)
            function.nodes[Int(callee.raw)].type = typeOf(e)
            return callee
        }
        if tree.kind(e) == .indexListExpr {
            let callee = expr(n.x)
            function.nodes[Int(callee.raw)].type = typeOf(e)
            return callee
        }
        let xt = typeOf(n.x)
        if case .map(let k, _) = program.node(program.under(xt)) {
            let m = expr(n.x)
            let key = convert(n.index, to: k)
            return function.add(.indexMap, type: typeOf(e), pos: position(e), a: m, b: key)
        }
        var x = expr(n.x)
        // Indexing a pointer to an array dereferences it implicitly (at the index expression).
        if case .pointer(let base) = program.node(program.under(function[x].type)), isArray(base) {
            x = function.add(.deref, type: base, pos: position(e), a: x, flags: .implicit)
        }
        let i = expr(n.index)
        return function.add(.index, type: typeOf(e), pos: position(e), a: x, b: i)
    }

    private func isIndexable(_ t: TypeID) -> Bool {
        switch program.node(program.under(t)) {
        case .slice, .array, .map, .pointer: return true
        case .basic(let k, _): return k.isString
        case .typeParam: return true
        default: return false
        }
    }

    func slice(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        var x = expr(n.x)
        if isArray(function[x].type) {
            // Slicing an array slices its address (an implicit `&`, at the slice as the
            // compiler's typechecker places it).
            markAddressTaken(x)
            x = function.add(.addr, type: program.pointer(function[x].type), pos: position(e), a: x, flags: .implicit)
        }
        let lo = n.low.exists ? expr(n.low) : IRNodeID.none
        let hi = n.high.exists ? expr(n.high) : IRNodeID.none
        let mx = n.max.exists ? [expr(n.max)] : []
        return function.add(.slice, type: typeOf(e), pos: position(e), a: x, b: lo, c: hi, list: mx)
    }

    // MARK: Operators

    func unary(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        let at = pos(n.pos)
        switch n.token {
        case .and:
            let x = unparen(n.x)
            if tree.kind(x) == .compositeLit {
                let lit = compositeLiteral(x, type: typeOf(x))
                return function.add(.ptrLit, type: typeOf(e), pos: at, a: lit)
            }
            let v = expr(x)
            markAddressTaken(v)
            return function.add(.addr, type: typeOf(e), pos: at, a: v)
        case .arrow:
            let c = expr(n.x)
            return function.add(.recv, type: typeOf(e), pos: at, a: c)
        default:
            let x = expr(n.x)
            return function.add(.unary, type: typeOf(e), pos: at, a: x, aux: Int32(n.token.rawValue))
        }
    }

    func binary(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        let at = pos(n.opPos)
        let t = typeOf(e)
        switch n.token {
        case .land, .lor:
            let x = convert(n.x, to: t), y = convert(n.y, to: t)
            return function.add(n.token == .land ? .andAnd : .orOr, type: t, pos: at, a: x, b: y)
        case .add where program.basicKind(t)?.isString == true:
            var operands: [NodeID] = []
            flattenConcatenation(e, into: &operands)
            let list = operands.map { convert($0, to: t) }
            return function.add(.addString, type: t, pos: at, list: list)
        case .eql, .neq, .lss, .leq, .gtr, .geq:
            let xt = typeOf(n.x), yt = typeOf(n.y)
            let (x, y): (IRNodeID, IRNodeID)
            if program.isInterface(xt) && !program.isInterface(yt) {
                (x, y) = (expr(n.x), convert(n.y, to: xt))
            } else if program.isInterface(yt) && !program.isInterface(xt) {
                (x, y) = (convert(n.x, to: yt), expr(n.y))
            } else if program.isUntyped(xt) && !program.isUntyped(yt) {
                (x, y) = (convert(n.x, to: yt), expr(n.y))
            } else if program.isUntyped(yt) && !program.isUntyped(xt) {
                (x, y) = (expr(n.x), convert(n.y, to: xt))
            } else {
                (x, y) = (expr(n.x), expr(n.y))
            }
            return function.add(.binary, type: program.isUntyped(t) ? program.basicType(.bool) : t, pos: at,
                                a: x, b: y, aux: Int32(n.token.rawValue))
        case .shl, .shr:
            // A count the checker leaves untyped (a constant) is a `uint` in the compiler's IR,
            // as every expression the type checker leaves untyped (printed `x << uint(8)`).
            let x = convert(n.x, to: t)
            let y = program.isUntyped(typeOf(n.y)) ? convert(n.y, to: program.basicType(.uint)) : expr(n.y)
            return function.add(.binary, type: t, pos: at, a: x, b: y, aux: Int32(n.token.rawValue))
        default:
            let x = convert(n.x, to: t), y = convert(n.y, to: t)
            return function.add(.binary, type: t, pos: at, a: x, b: y, aux: Int32(n.token.rawValue))
        }
    }

    /// The operands of a chain `a + b + c` of string additions (left-associated, constants
    /// already folded by the checker).
    func flattenConcatenation(_ e: NodeID, into out: inout [NodeID]) {
        let n = tree[e]
        let x = unparen(n.x)
        if tree.kind(n.x) == .binaryExpr && tree[x].token == .add && fact(x)?.mode != .constant {
            flattenConcatenation(x, into: &out)
        } else {
            out.append(n.x)
        }
        out.append(n.y)
    }

    // MARK: Composite literals

    func compositeLiteral(_ e: NodeID, type t0: TypeID) -> IRNodeID {
        let n = tree[e]
        var t = t0
        if case .pointer(let base) = program.node(program.under(t)) { t = base }
        let at = pos(n.lbrace)
        switch program.node(program.under(literalType(t))) {
        case .structure(let s):
            var keys: [IRNodeID] = []
            for (i, elt) in n.elts.enumerated() {
                var field = i
                var value = elt
                if tree.kind(elt) == .keyValueExpr {
                    let kv = tree[elt]
                    value = kv.value
                    if let o = object(kv.key), let idx = s.fields.firstIndex(of: o) { field = idx }
                    else if let o = object(kv.key) {
                        field = s.fields.firstIndex { program.object($0).name == program.object(o).name } ?? i
                    }
                }
                guard field < s.fields.count else { continue }
                let v = convert(value, to: program.object(s.fields[field]).type)
                keys.append(function.add(.structKey, type: function[v].type, pos: function[v].pos, a: v, aux: Int32(field)))
            }
            return function.add(.structLit, type: t, pos: at, list: keys)
        case .array(_, let elem):
            return function.add(.arrayLit, type: t, pos: at, list: elements(n.elts, elem: elem).nodes)
        case .slice(let elem):
            let (nodes, length) = elements(n.elts, elem: elem)
            return function.add(.sliceLit, type: t, pos: at, list: nodes, aux: Int32(clamping: length))
        case .map(let k, let v):
            var keys: [IRNodeID] = []
            for elt in n.elts where tree.kind(elt) == .keyValueExpr {
                let kv = tree[elt]
                let key = convert(kv.key, to: k)
                let value = convert(kv.value, to: v)
                keys.append(function.add(.key, pos: pos(kv.colon), a: key, b: value))
            }
            return function.add(.mapLit, type: t, pos: at, list: keys)
        default:
            return function.add(.structLit, type: t, pos: at)
        }
    }

    /// Elements of an array or slice literal, and the literal's length.
    private func elements(_ elts: NodeList, elem: TypeID) -> (nodes: [IRNodeID], length: Int) {
        var out: [IRNodeID] = []
        var next = 0, length = 0
        for elt in elts {
            if tree.kind(elt) == .keyValueExpr {
                let kv = tree[elt]
                if case .int(let i)? = fact(kv.key)?.value, let k = i.int64 { next = Int(k) }
                let key = expr(kv.key)
                let value = convert(kv.value, to: elem)
                out.append(function.add(.key, pos: pos(kv.colon), a: key, b: value, flags: .keyed))
            } else {
                out.append(convert(elt, to: elem))
            }
            next += 1
            length = max(length, next)
        }
        return (out, length)
    }

    // MARK: Function literals

    /// A function literal: its body is lowered into a new function (named as the compiler
    /// names it) while this one stays open, so the variables it uses become closure variables.
    func functionLiteral(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        let name = nextLiteralName()
        let at = pos(n.pos)
        let index = lowerLiteral(name: name, kind: .literal, type: typeOf(e), at: at) { lit in
            lit.function.sourceFile = Int32(self.file)
            lit.function.sourceNode = e
            lit.function.sourcePackage = self.package.input.path
            lit.signature(funcType: n.type, receiver: .none)
            return lit.functionBody(n.body)
        }
        return function.add(.closure, type: typeOf(e), pos: at, aux: index)
    }

    /// The compiler's name for the next literal of this function.
    func nextLiteralName() -> String {
        if function.kind == .packageInit {
            package.globalLiteralCount += 1
            return "init.func\(package.globalLiteralCount)"
        }
        literalCount += 1
        return function.kind == .declared ? "\(function.name).func\(literalCount)" : "\(function.name).\(literalCount)"
    }

    /// Lowers a literal (or wrapper) function with `build`, inside this function's scope, and
    /// returns its index in the package's table.
    func lowerLiteral(name: String, kind: IRFunctionKind, type: TypeID, at: IRPos,
                      _ build: (FunctionLowerer) -> IRNodeID) -> Int32 {
        let f = IRFunction(name: name, kind: kind, object: nil, type: type, pos: at, parent: index,
                           pragmas: [], hasBody: true)
        let lowerer = FunctionLowerer(package: package, function: f, index: package.reserveSlot(), file: file)
        lowerer.function.isGeneric = function.isGeneric
        package.stack.append(lowerer)
        let body = build(lowerer)
        package.stack.removeLast()
        lowerer.finish(body: body)
        function.literals.append(lowerer.index)
        return lowerer.index
    }
}
