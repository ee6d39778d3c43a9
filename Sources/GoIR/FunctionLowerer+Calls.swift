import GoSyntax
import GoTypes

/// Calls: conversions, built-ins, method calls as `T.M(recv, args)`, interface calls, variadic
/// arguments packed into a slice literal, multi-value arguments through temporaries.
extension FunctionLowerer {
    func call(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        let fun = unparen(n.fun)
        if isTypeExpression(fun) { return conversion(e) }
        if let b = builtin(fun) { return builtinCall(e, b) }
        let at = pos(n.lparen)
        let resultType = typeOf(e)
        guard let sig = program.signatureOf(typeOf(fun)) else {
            return function.add(.call, type: resultType, pos: at, a: expr(fun))
        }
        // A method call on a value: `T.M(recv, args)` or an interface call.
        if tree.kind(fun) == .selectorExpr, !isQualified(fun), !isTypeExpression(tree[fun].x),
           let selected = object(tree[fun].sel), program.object(selected).kind == .function {
            let x = tree[fun].x
            let sel = program.lookup(typeOf(x), name: program.object(selected).name, pkg: program.object(selected).package)
            if case .method(let m, let path, _) = sel {
                var recv = expr(x)
                if !path.isEmpty { recv = fieldPath(recv, path: path, at: position(fun), finalType: nil, implicit: true) }
                let rt = function[recv].type
                if program.isInterface(rt) || program.isTypeParam(rt) {
                    if program.isInterface(rt), path.isEmpty, isCall(x) { recv = spill(recv, at: position(x)) }
                    let word = methodWord(receiver: rt, at: position(fun))
                    let callee = function.add(.dotInter, type: typeOf(fun), pos: position(fun), a: recv, b: word, aux: m.raw)
                    let args = arguments(n, sig)
                    return function.add(.callInterface, type: resultType, pos: at, a: callee, list: args,
                                        flags: n.ellipsis >= 0 ? .spread : [])
                }
                recv = adjustReceiver(recv, for: m, at: position(fun))
                let callee = function.add(.methodExpr, type: program.object(m).type, pos: position(fun), aux: m.raw,
                                          flags: .implicit)
                let args = [recv] + arguments(n, sig)
                return function.add(.call, type: resultType, pos: at, a: callee, list: args,
                                    flags: n.ellipsis >= 0 ? .spread : [])
            }
        }
        let callee = expr(fun)
        let args = arguments(n, sig)
        return function.add(.call, type: resultType, pos: at, a: callee, list: args, flags: n.ellipsis >= 0 ? .spread : [])
    }

    /// True for a call that is not a conversion (the receiver of an interface method call
    /// that the front end evaluates into a temporary first: `.autotmp_3 := get(); .autotmp_3.M()`).
    func isCall(_ e: NodeID) -> Bool {
        let x = unparen(e)
        return tree.kind(x) == .callExpr && !isTypeExpression(unparen(tree[x].fun))
    }

    /// `tmp := value` before the statement; returns `tmp`.
    func spill(_ value: IRNodeID, at: IRPos) -> IRNodeID {
        let v = temporary(function[value].type, at: at)
        let assign = function.add(.assign, pos: at, a: nameNode(v, at: at), b: value, flags: .define)
        function.variables[Int(v.raw)].definition = assign
        prelude += [function.add(.declare, pos: at, aux: v.raw), assign]
        return nameNode(v, at: at)
    }

    func isQualified(_ sel: NodeID) -> Bool {
        let x = tree[sel].x
        guard tree.kind(x) == .ident, let p = facts.uses[x] else { return false }
        return program.object(p).kind == .packageName
    }

    /// The built-in a callee names, if any.
    func builtin(_ fun: NodeID) -> BuiltinFunction? {
        var f = unparen(fun)
        if tree.kind(f) == .selectorExpr { f = tree[f].sel }
        guard tree.kind(f) == .ident, let o = facts.uses[f] else { return nil }
        return program.object(o).builtin
    }

    /// The arguments of a call to a function of signature `sig`, converted to the parameter
    /// types; the extra arguments of a variadic call are packed into an implicit slice literal
    /// (`... argument`) at the call's `(`, or `nil` when there are none.
    func arguments(_ n: Node, _ sig: SignatureType) -> [IRNodeID] {
        let args = Array(n.args)
        let paramTypes = sig.params.map { program.object($0).type }
        var values: [IRNodeID]
        if args.count == 1, paramTypes.count > 1 || (paramTypes.count == 1 && sig.variadic && n.ellipsis < 0),
           case .tuple(let results) = program.node(typeOf(args[0])) {
            // The results convert to the parameters' types at the call, as the compiler's
            // rewrite through temporaries places them.
            let fixed = sig.variadic ? paramTypes.count - 1 : paramTypes.count
            values = multiValue(args[0], results.map { program.object($0).type }).enumerated().map { i, v in
                i < fixed ? implicitConversion(v, to: paramTypes[i], at: pos(n.lparen)) : v
            }
            return pack(values, paramTypes, sig.variadic, spread: false, at: pos(n.lparen))
        }
        values = []
        for (i, a) in args.enumerated() {
            let target: TypeID
            if sig.variadic && i >= paramTypes.count - 1 {
                target = n.ellipsis >= 0 ? paramTypes.last! : program.elementType(paramTypes.last!)
            } else {
                target = i < paramTypes.count ? paramTypes[i] : .invalid
            }
            values.append(convert(a, to: target))
        }
        return pack(values, paramTypes, sig.variadic, spread: n.ellipsis >= 0, at: pos(n.lparen))
    }

    private func pack(_ values: [IRNodeID], _ paramTypes: [TypeID], _ variadic: Bool, spread: Bool, at: IRPos) -> [IRNodeID] {
        guard variadic, !spread, let last = paramTypes.last else { return values }
        let fixed = paramTypes.count - 1
        let extras = Array(values.dropFirst(fixed))
        var out = Array(values.prefix(fixed))
        if extras.isEmpty {
            out.append(function.add(.nilValue, type: last, pos: at, flags: .implicit))
        } else {
            let elem = program.elementType(last)
            let converted = extras.map { implicitConversion($0, to: elem) }
            out.append(function.add(.sliceLit, type: last, pos: at, list: converted, aux: Int32(extras.count), flags: .implicit))
        }
        return out
    }

    /// `f(g())` with a multi-value `g`: the results go through temporaries
    /// (`t1, t2 = g()`, emitted before the statement), converted to `targets`. The assignment
    /// of the temporaries stands at `statement` when given (an assignment's or a return's
    /// position), else at the call.
    func multiValue(_ call: NodeID, _ types: [TypeID], statement: IRPos? = nil) -> [IRNodeID] {
        let at = position(call)
        let c = expr(call)
        var temps: [IRVarID] = []
        var decls: [IRNodeID] = []
        for t in types {
            let v = temporary(t, at: at)
            temps.append(v)
            decls.append(function.add(.declare, pos: at, aux: v.raw))
        }
        let lhs = temps.map { nameNode($0, at: at) }
        let assign = function.add(.assignCall, pos: statement ?? at, a: c, list: lhs, flags: .define)
        for v in temps { function.variables[Int(v.raw)].definition = assign }
        prelude += decls + [assign]
        return temps.map { nameNode($0, at: at) }
    }

    // MARK: Conversions

    /// An explicit conversion `T(x)` (at the operand's position, as the compiler places it).
    func conversion(_ e: NodeID) -> IRNodeID {
        let n = tree[e]
        let target = typeOf(e)
        guard let arg = n.args.first else { return function.add(.nilValue, type: target, pos: pos(n.lparen)) }
        let at = position(arg)
        let f = fact(arg)
        if f?.mode == .nilValue || program.basicKind(typeOf(arg)) == .untypedNil {
            return function.add(.nilValue, type: target, pos: at, flags: .sameTypeConversion)
        }
        if let f, f.mode == .constant, let v = f.value, function.isGeneric, program.isTypeParam(target) {
            // A constant converted to a type parameter: the constant of the shape, kept from folding.
            let lit = literal(v, type: target, at: at)
            return function.add(.convNop, type: target, pos: at, a: lit, flags: .implicit)
        }
        if let f, f.mode == .constant, let v = f.value, program.isInterface(target) {
            let lit = literal(v, type: program.isUntyped(f.type) ? program.defaultType(f.type) : f.type, at: at)
            return function.add(.convIface, type: target, pos: at, a: lit)
        }
        if let f, f.mode == .constant, case .string(let bytes)? = f.value,
           shapedConversionOp(from: f.type, to: target) == nil, conversionOp(from: f.type, to: target) == .stringToRunes,
           case .slice(let elem) = program.node(program.under(target)) {
            return runesLiteral(bytes, type: target, element: elem, at: at)
        }
        var x = expr(arg)
        if case .slice(let elem) = program.node(program.under(function[x].type)), !program.isTypeParam(elem),
           shapedConversionOp(from: function[x].type, to: target) == nil {
            let source = function[x].type
            // A string made from a slice of a defined byte or rune type reads the slice as
            // `[]byte` / `[]rune`: the front end adds that conversion, and prints it.
            let op = conversionOp(from: source, to: target)
            if op == .bytesToString && !isPlainByte(elem) {
                x = function.add(.convNop, type: program.slice(program.byteType), pos: function[x].pos, a: x)
            } else if op == .runesToString && !isPlainRune(elem) {
                x = function.add(.convNop, type: program.slice(program.runeType), pos: function[x].pos, a: x)
            }
        }
        if isShapeConstantNode(x) {
            // A constant of the shape converts at compile time.
            function.nodes[Int(x.raw)].type = target
            return x
        }
        let source = function[x].type
        var op = shapedConversionOp(from: source, to: target) ?? conversionOp(from: source, to: target)
        if op == .convNop && keepsRounding(from: source, to: target) { op = .conv }
        if op == .convNop && program.identical(source, target) {
            function.nodes[Int(x.raw)].flags.insert(.sameTypeConversion)
            return x
        }
        return function.add(op, type: target, pos: at, a: x)
    }

    /// `[]rune("constant")` as the front end rewrites it: a slice literal of the string's runes,
    /// each keyed by its index (`[]rune{0: 0x767d, 1: 0x9d6c}`), at the conversion's position.
    func runesLiteral(_ bytes: [UInt8], type: TypeID, element: TypeID, at: IRPos) -> IRNodeID {
        let int = program.basicType(.int)
        var elements: [IRNodeID] = []
        for (i, r) in GoUTF8.runes(bytes).enumerated() {
            let key = literal(.int(BigInt(i)), type: int, at: at)
            let value = literal(.int(BigInt(Int(r.value))), type: element, at: at)
            elements.append(function.add(.key, pos: at, a: key, b: value, flags: .keyed))
        }
        return function.add(.sliceLit, type: type, pos: at, list: elements, aux: Int32(clamping: elements.count))
    }

    /// `byte` or `uint8` (a defined type with either underneath is another type).
    private func isPlainByte(_ t: TypeID) -> Bool { program.identical(t, program.byteType) }

    /// `rune` or `int32`.
    private func isPlainRune(_ t: TypeID) -> Bool { program.identical(t, program.runeType) }

    /// The op of a conversion between two types.
    func conversionOp(from source: TypeID, to target: TypeID) -> IROp {
        if program.isInterface(target) { return isEmptyInterfaceChange(from: source, to: target) ? .convNop : .convIface }
        let s = program.node(program.under(source)), t = program.node(program.under(target))
        switch (s, t) {
        case (.slice(let e), .basic(let k, _)) where k == .string:
            return isRune(e) ? .runesToString : .bytesToString
        case (.basic(let k, _), .slice(let e)) where k.isString:
            return isRune(e) ? .stringToRunes : .stringToBytes
        case (.basic(let k, _), .basic(let k2, _)) where k.isInteger && k2 == .string:
            return .runeToString
        case (.slice, .array): return .sliceToArray
        case (.slice, .pointer(let p)) where isArray(p): return .sliceToArrayPtr
        default: break
        }
        if program.identical(program.under(source), program.under(target)) { return .convNop }
        switch (s, t) {
        case (.pointer, .pointer), (.pointer, .basic(.unsafePointer, _)), (.basic(.unsafePointer, _), .pointer):
            return .convNop
        case (.basic(let a, _), .basic(let b, _)):
            // unsafe.Pointer to or from uintptr, and numbers of one machine representation
            // (`int` and `int64` on amd64), change no bits.
            if a == .unsafePointer || b == .unsafePointer {
                return (a == .uintptr || b == .uintptr || a == b) ? .convNop : .conv
            }
            if a == b || (a.isString && b.isString) || Self.machineKind(a) == Self.machineKind(b) { return .convNop }
            return .conv
        default:
            return .conv
        }
    }

    private func isRune(_ t: TypeID) -> Bool { program.basicKind(t) == .int32 }

    /// True for an explicit conversion between floating-point (or complex) types of one kind,
    /// identical ones included: the conversion rounds, so the compiler keeps it as a real
    /// conversion where other same-representation conversions are free.
    func keepsRounding(from source: TypeID, to target: TypeID) -> Bool {
        guard case .basic(let a, _) = program.node(program.under(source)),
              case .basic(let b, _) = program.node(program.under(target)), a == b else { return false }
        return a == .float32 || a == .float64 || a == .complex64 || a == .complex128
    }

    /// The machine representation of a number kind on amd64 (the compiler's `SimType`: `int`
    /// is `int64`, `uint` and `uintptr` are `uint64`); other kinds stand for themselves.
    static func machineKind(_ k: BasicKind) -> BasicKind {
        switch k {
        case .int: return .int64
        case .uint, .uintptr: return .uint64
        default: return k
        }
    }

    // MARK: Built-ins

    func builtinCall(_ e: NodeID, _ b: BuiltinFunction) -> IRNodeID {
        let n = tree[e]
        let at = pos(n.lparen)
        let args = Array(n.args)
        let t = typeOf(e)
        switch b {
        case .make:
            let mt = typeOf(args[0])
            let intType = program.basicType(.int)
            switch program.node(program.under(mt)) {
            case .slice:
                let len = args.count > 1 ? convert(args[1], to: intType) : IRNodeID.none
                let cap = args.count > 2 ? convert(args[2], to: intType) : IRNodeID.none
                return function.add(.makeSlice, type: mt, pos: at, a: len, b: cap)
            case .map:
                // Without a hint or a size, the compiler passes an untyped literal 0.
                let hint = args.count > 1 ? convert(args[1], to: intType) : implicitZero(at: at)
                return function.add(.makeMap, type: mt, pos: at, a: hint)
            default:
                let size = args.count > 1 ? convert(args[1], to: intType) : implicitZero(at: at)
                return function.add(.makeChan, type: mt, pos: at, a: size)
            }
        case .new:
            // An operand the type checker has no fact for (a type it could not resolve) is
            // taken as a type, as nearly every `new` operand is.
            if let a = args.first, let mode = fact(a)?.mode, mode != .type {
                // `new(expr)`: a temporary initialised with the value, then its address.
                let v = convert(a, to: pointee(t))
                let tmp = temporary(pointee(t), at: at)
                let decl = function.add(.declare, pos: at, aux: tmp.raw)
                let assign = function.add(.assign, pos: at, a: nameNode(tmp, at: at), b: v, flags: .define)
                function.variables[Int(tmp.raw)].definition = assign
                prelude += [decl, assign]
                let name = nameNode(tmp, at: at)
                markAddressTaken(name)
                return function.add(.addr, type: t, pos: at, a: name)
            }
            // `new(T)` of a type that mentions a type parameter allocates a dynamic type.
            let operand = isDerived(pointee(t)) ? typeOperand(pointee(t), at: at) : IRNodeID.none
            return function.add(.new, type: t, pos: at, a: operand)
        case .append:
            guard let first = args.first else { break }
            let s = expr(first)
            let st = function[s].type.isInvalid ? t : function[s].type
            var list = [s]
            if n.ellipsis >= 0, args.count == 2 {
                list.append(expr(args[1]))
                return function.add(.builtin, type: t, pos: at, list: list, aux: Int32(b.rawValue), flags: .spread)
            }
            let elem = program.elementType(st)
            for a in args.dropFirst() { list.append(convert(a, to: elem)) }
            return function.add(.builtin, type: t, pos: at, list: list, aux: Int32(b.rawValue))
        case .panic:
            let any = program.interface(methods: [], embeddeds: [])
            let v = args.first.map { convert($0, to: any) } ?? .none
            return function.add(.builtin, type: t, pos: at, list: v.exists ? [v] : [], aux: Int32(b.rawValue))
        case .delete:
            guard args.count == 2 else { break }
            let m = expr(args[0])
            var key = expr(args[1])
            if case .map(let k, _) = program.node(program.under(function[m].type)) {
                key = implicitConversion(key, to: k)
            }
            return function.add(.builtin, type: t, pos: at, list: [m, key], aux: Int32(b.rawValue))
        case .min, .max:
            let list = args.map { convert($0, to: t) }
            return function.add(.builtin, type: t, pos: at, list: list, aux: Int32(b.rawValue))
        default:
            break
        }
        if isShapeConstant(b) { return function.add(.builtin, type: t, pos: at, aux: Int32(b.rawValue)) }
        let list = args.filter { !isTypeExpression($0) }.map { expr($0) }
        return function.add(.builtin, type: t, pos: at, list: list, aux: Int32(b.rawValue),
                            flags: n.ellipsis >= 0 ? .spread : [])
    }

    /// The untyped literal 0 the front end supplies for a missing `make` size (printed as absent).
    func implicitZero(at: IRPos) -> IRNodeID {
        let zero = literal(.int(BigInt(0)), type: program.basicType(.int), at: at)
        function.nodes[Int(zero.raw)].flags.insert(.implicit)
        return zero
    }

    func pointee(_ t: TypeID) -> TypeID {
        if case .pointer(let e) = program.node(program.under(t)) { return e }
        return .invalid
    }
}
