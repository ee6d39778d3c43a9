import GoSyntax

/// Calls of the predeclared functions and of package unsafe's functions. Each records the
/// signature it was used with on the function expression, as go/types does.
extension Checker {
    func makeSig(_ result: TypeID?, _ params: [TypeID], variadic: Bool = false) -> TypeID {
        let ps = params.map { program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: $0, variableKind: .parameter)) }
        let rs = result.map { [program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: $0, variableKind: .result))] } ?? []
        return program.signature(SignatureType(recv: nil, typeParams: [], params: ps, results: rs, variadic: variadic))
    }

    func recordBuiltinType(_ fun: NodeID, _ sig: TypeID) {
        var f = fun
        while true {
            recordType(f, mode: .builtin, type: sig)
            if kind(f) == .parenExpr { f = tree[f].x } else { break }
        }
    }

    /// The empty interface built-ins use (printed `interface{}`, not `any`).
    var builtinEmptyInterface: TypeID {
        if let t = program.builtinEmpty { return t }
        let t = program.interface(methods: [], embeddeds: [])
        program.builtinEmpty = t
        return t
    }

    func builtinCall(_ e: NodeID, _ b: BuiltinFunction, _ argNodes: [NodeID]) -> Operand {
        let n = tree[e]
        let fun = n.fun
        let hasDots = n.ellipsis >= 0
        func fail() -> Operand { .invalid(e) }
        if hasDots && b != .append {
            error(at: n.ellipsis, "invalid operation: invalid use of ... with built-in \(b.name)")
            for a in argNodes { _ = expr(a, allowType: true, allowVoid: true) }
            return fail()
        }
        // Arguments are evaluated up front except for make/new (type first) and Offsetof.
        var args: [Operand] = []
        switch b {
        case .make, .new, .offsetof:
            break
        default:
            args = evaluateArguments(argNodes)
            if args.contains(where: { $0.mode == .invalid }) { return fail() }
        }
        let nargs = (b == .make || b == .new || b == .offsetof) ? argNodes.count : args.count
        func countError(_ msg: String) -> Operand { error(e, msg); return fail() }
        let (wantArgs, variadic) = b.arity
        if nargs < wantArgs || (!variadic && nargs > wantArgs) {
            error(at: n.rparen, "invalid operation: \(nargs < wantArgs ? "not enough" : "too many") arguments for \(text(e)) (expected \(wantArgs), found \(nargs))")
            return fail()
        }
        let intT = program.basicType(.int)
        switch b {
        case .len, .cap:
            guard nargs == 1 else { return countError("wrong number of arguments to \(b.name)") }
            var x = args[0]
            var mode: OperandMode = .invalid
            var val: ConstantValue = .unknown
            var u = program.under(x.type)
            if program.isTypeParam(x.type) {
                if let terms = typeSetTerms(x.type), !terms.isEmpty, terms.allSatisfy({ t in
                    switch program.node(program.under(t.type)) {
                    case .basic(let k, _): return k.isString && b == .len
                    case .slice, .array, .chan: return true
                    case .map: return b == .len
                    case .pointer(let p): if case .array = program.node(program.under(p)) { return true }; return false
                    default: return false
                    }
                }) { u = program.slice(program.byteType) }
            }
            switch program.node(u) {
            case .basic(let k, _) where k.isString && b == .len:
                if x.mode == .constant, case .string(let s) = x.value { mode = .constant; val = .int(BigInt(s.count)) } else { mode = .value }
            case .array(let c, _):
                mode = .value
                if !containsCallOrReceive(x.node) { mode = .constant; val = .int(BigInt(Int(c))) }
            case .pointer(let p):
                if case .array(let c, _) = program.node(program.under(p)) {
                    mode = .value
                    if !containsCallOrReceive(x.node) { mode = .constant; val = .int(BigInt(Int(c))) }
                }
            case .slice, .chan: mode = .value
            case .map where b == .len: mode = .value
            default: break
            }
            if mode == .invalid {
                error(x.node, "invalid argument: \(text(x.node)) (\(describe(x))) for built-in \(b.name)")
                return fail()
            }
            if mode != .constant { recordBuiltinType(fun, makeSig(intT, [x.type])) }
            x.mode = mode; x.type = intT; x.value = val; x.node = e
            return x
        case .append:
            guard nargs >= 1 else { return countError("not enough arguments for append") }
            let s = args[0]
            if s.type == program.basicType(.untypedNil) {
                error(s.node, "first argument to append must be a typed slice; found untyped nil")
                return fail()
            }
            guard let core = coreType(s.type), case .slice(let elem) = program.node(core) else {
                error(s.node, "invalid argument: \(text(s.node)) (\(describe(s))) is not a slice")
                return fail()
            }
            var sig = TypeID.invalid
            if nargs == 2 && hasDots && program.basicKind(elem) == .uint8, allStringOrBytes(args[1].type) {
                let y = args[1]
                sig = makeSig(s.type, [s.type, program.isUntyped(y.type) ? program.basicType(.string) : y.type], variadic: true)
            } else {
                let sliceE = program.slice(elem)
                var rest = Array(args.dropFirst())
                let sigType = SignatureType(recv: nil, typeParams: [], params: [
                    program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: s.type, variableKind: .parameter)),
                    program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: sliceE, variableKind: .parameter)),
                ], results: [], variadic: true)
                var all = [s] + rest
                arguments(e, sigType, &all, hasEllipsis: hasDots)
                rest = Array(all.dropFirst())
                sig = makeSig(s.type, [s.type, sliceE], variadic: true)
            }
            recordBuiltinType(fun, sig)
            return Operand(mode: .value, type: s.type, node: e)
        case .copy:
            guard nargs == 2 else { return countError("wrong number of arguments to copy") }
            let x = args[0], y = args[1]
            let dst = sliceElement(x)
            guard let dstE = dst.elem else {
                error(x.node, "invalid copy: \(dst.problem)")
                return fail()
            }
            let yTypes = typeSetTerms(y.type)?.map { program.under($0.type) } ?? [program.under(y.type)]
            let special = assignable(x, to: program.slice(program.byteType)) && yTypes.allSatisfy { u in
                if case .slice(let el) = program.node(u) { return program.identical(el, program.byteType) }
                return program.basicKind(u)?.isString == true
            }
            if !special {
                let src = sliceElement(y)
                var srcE = src.elem
                if srcE == nil {
                    guard yTypes.allSatisfy({ program.basicKind($0)?.isString == true }) else {
                        error(y.node, "invalid copy: \(src.problem)")
                        return fail()
                    }
                    srcE = program.byteType
                }
                if let srcE, !program.identical(dstE, srcE) {
                    error(x.node, "invalid copy: arguments \(text(x.node)) (\(describe(x))) and \(text(y.node)) (\(describe(y))) have different element types \(typeString(dstE)) and \(typeString(srcE))")
                    return fail()
                }
            }
            recordBuiltinType(fun, makeSig(intT, [args[0].type, program.isUntyped(y.type) ? program.basicType(.string) : y.type]))
            return Operand(mode: .value, type: intT, node: e)
        case .delete:
            guard nargs == 2 else { return countError("wrong number of arguments to delete") }
            guard let k = deleteKey(args[0]) else { return fail() }
            var key = args[1]
            assignment(&key, to: k, context: "argument to delete")
            if key.mode == .invalid { return fail() }
            recordBuiltinType(fun, makeSig(nil, [args[0].type, k]))
            return Operand(mode: .novalue, type: .invalid, node: e)
        case .close:
            guard nargs == 1 else { return countError("wrong number of arguments to close") }
            recordBuiltinType(fun, makeSig(nil, [args[0].type]))
            return Operand(mode: .novalue, type: .invalid, node: e)
        case .clear:
            guard nargs == 1 else { return countError("wrong number of arguments to clear") }
            recordBuiltinType(fun, makeSig(nil, [args[0].type]))
            return Operand(mode: .novalue, type: .invalid, node: e)
        case .panic:
            guard nargs == 1 else { return countError("wrong number of arguments to panic") }
            var x = args[0]
            assignment(&x, to: builtinEmptyInterface, context: "argument to panic")
            panicCalls.insert(FileNode(file: Int32(file), node: e))
            if x.mode == .invalid { return fail() }
            recordBuiltinType(fun, makeSig(nil, [builtinEmptyInterface]))
            return Operand(mode: .novalue, type: .invalid, node: e)
        case .print, .println:
            var types: [TypeID] = []
            for var a in args {
                assignment(&a, to: nil, context: "argument to built-in \(b.name)")
                if a.mode == .invalid { return fail() }
                types.append(a.type)
            }
            recordBuiltinType(fun, makeSig(nil, types))
            return Operand(mode: .novalue, type: .invalid, node: e)
        case .recover:
            guard nargs == 0 else { return countError("too many arguments to recover") }
            recordBuiltinType(fun, makeSig(builtinEmptyInterface, []))
            return Operand(mode: .value, type: builtinEmptyInterface, node: e)
        case .new:
            guard nargs == 1 else { return countError("wrong number of arguments to new") }
            let x = expr(argNodes[0], allowType: true)
            if x.mode == .invalid { return fail() }
            var t = x.type
            if x.mode != .typexpr {
                var v = x
                assignment(&v, to: nil, context: "argument to new")
                if v.mode == .invalid { return fail() }
                t = v.type
            }
            let p = program.pointer(t)
            recordBuiltinType(fun, makeSig(p, [t]))
            return Operand(mode: .value, type: p, node: e)
        case .make:
            guard nargs >= 1 else { return countError("not enough arguments for make") }
            let t = typeExpr(argNodes[0])
            if t.isInvalid { return fail() }
            var minArgs = 1
            switch program.node(coreType(t) ?? .invalid) {
            case .slice: minArgs = 2
            case .map, .chan: minArgs = 1
            default:
                error(argNodes[0], "invalid argument: cannot make \(text(argNodes[0])); type must be slice, map, or channel")
                return fail()
            }
            if nargs < minArgs || nargs > minArgs + (minArgs == 2 ? 1 : 1) {
                error(e, "invalid operation: \(text(e)) expects \(minArgs) or \(minArgs + 1) arguments; found \(nargs)")
                return fail()
            }
            var types = [t]
            for a in argNodes.dropFirst() {
                let s = sizeArgument(a)
                if s.isInvalid { return fail() }
                types.append(s)
            }
            recordBuiltinType(fun, makeSig(t, types))
            return Operand(mode: .value, type: t, node: e)
        case .complex:
            guard nargs == 2 else { return countError("wrong number of arguments to complex") }
            var x = args[0], y = args[1]
            if program.isUntyped(x.type) && program.isUntyped(y.type) && (x.mode != .constant || y.mode != .constant) {
                // An untyped non-constant operand holds a shift: both become float64 (an error).
                convertUntyped(&x, program.basicType(.float64))
                convertUntyped(&y, program.basicType(.float64))
                if x.mode == .invalid || y.mode == .invalid { return fail() }
            }
            if program.isUntyped(x.type) && program.isUntyped(y.type) && x.mode == .constant && y.mode == .constant {
                // Two untyped constants are taken as untyped floats where their values allow;
                // the arguments' own recorded types stay as they are (`complex(0, x)` keeps `0`
                // an untyped int), as in go/types.
                func toFloat(_ o: inout Operand) {
                    if allKinds(o.type, { $0.isNumeric }), o.value.rational != nil { o.type = program.basicType(.untypedFloat) }
                }
                toFloat(&x)
                toFloat(&y)
            } else {
                matchTypes(&x, &y)
            }
            if x.mode == .invalid || y.mode == .invalid { return fail() }
            if !program.identical(x.type, y.type) && !(program.isUntyped(x.type) && program.isUntyped(y.type)) {
                error(x.node, "invalid operation: \(text(e)) (mismatched types \(typeString(x.type)) and \(typeString(y.type)))")
                return fail()
            }
            var res: TypeID
            switch program.basicKind(x.type) {
            case .float32?: res = program.basicType(.complex64)
            case .float64?: res = program.basicType(.complex128)
            case .untypedInt?, .untypedRune?, .untypedFloat?: res = program.basicType(.untypedComplex)
            default:
                error(x.node, "invalid argument: arguments have type \(typeString(x.type)), expected floating-point")
                return fail()
            }
            if x.mode == .constant && y.mode == .constant, let re = x.value.rational, let im = y.value.rational {
                var out = Operand(mode: .constant, type: res, value: .complex(re, im), node: e)
                overflow(&out, at: tree[e].pos)
                return out
            }
            if program.isUntyped(res) { res = program.basicType(.complex128) }
            recordBuiltinType(fun, makeSig(res, [x.type, y.type]))
            return Operand(mode: .value, type: res, node: e)
        case .real, .imag:
            guard nargs == 1 else { return countError("wrong number of arguments to \(b.name)") }
            var x = args[0]
            if program.isUntyped(x.type) && x.mode != .constant {
                // An untyped non-constant operand holds a shift: it becomes complex128 (an error).
                convertUntyped(&x, program.basicType(.complex128))
                if x.mode == .invalid { return fail() }
            }
            var res: TypeID
            switch program.basicKind(x.type) {
            case .complex64?: res = program.basicType(.float32)
            case .complex128?: res = program.basicType(.float64)
            case .untypedInt?, .untypedRune?, .untypedFloat?, .untypedComplex?: res = program.basicType(.untypedFloat)
            default:
                error(x.node, "invalid argument: \(text(x.node)) must be of complex type")
                return fail()
            }
            if x.mode == .constant, let (re, im) = x.value.complexParts {
                x.value = .float(b == .real ? re : im)
                x.type = res; x.node = e
                return x
            }
            recordBuiltinType(fun, makeSig(res, [x.type]))
            return Operand(mode: .value, type: res, node: e)
        case .min, .max:
            guard nargs >= 1 else { return countError("not enough arguments for \(b.name)") }
            var x = args[0]
            for i in 1..<max(1, args.count) where i < args.count {
                var y = args[i]
                matchTypes(&x, &y)
                if x.mode == .invalid || y.mode == .invalid { return fail() }
                if !program.identical(x.type, y.type) {
                    error(y.node, "invalid argument: mismatched types \(typeString(x.type)) (previous argument) and \(typeString(y.type)) (type of \(text(y.node)))")
                    return fail()
                }
                if x.mode == .constant && y.mode == .constant {
                    if let less = ConstantValue.compare(y.value, .lss, x.value) {
                        if (b == .min) == less { x.value = y.value }
                    }
                } else {
                    x.mode = .value
                }
            }
            guard allKinds(x.type, { $0.isOrdered }) else {
                error(x.node, "invalid argument: \(text(x.node)) cannot be ordered")
                return fail()
            }
            if x.mode != .constant {
                for var a in args where program.isUntyped(a.type) {
                    convertUntyped(&a, x.type)
                }
                recordBuiltinType(fun, makeSig(x.type, args.map { program.isUntyped($0.type) ? x.type : $0.type }))
            }
            x.node = e
            return x
        case .sizeof, .alignof:
            guard nargs == 1 else { return countError("wrong number of arguments to unsafe.\(b.name)") }
            var x = args[0]
            assignment(&x, to: nil, context: "argument to unsafe.\(b.name)")
            if x.mode == .invalid { return fail() }
            if hasVarSize(x.type) {
                recordBuiltinType(fun, makeSig(program.basicType(.uintptr), [x.type]))
                return Operand(mode: .value, type: program.basicType(.uintptr), node: e)
            }
            let v = b == .sizeof ? program.sizeof(x.type) : program.alignof(x.type)
            return Operand(mode: .constant, type: program.basicType(.uintptr), value: .int(BigInt(Int(v))), node: e)
        case .offsetof:
            guard nargs == 1 else { return countError("wrong number of arguments to unsafe.Offsetof") }
            var a = argNodes[0]
            while kind(a) == .parenExpr { a = tree[a].x }
            guard kind(a) == .selectorExpr else {
                error(argNodes[0], "invalid argument: \(text(argNodes[0])) is not a selector expression")
                return fail()
            }
            let base = singleValue(tree[a].x)
            if base.mode == .invalid { return fail() }
            let sel = tree[tree[a].sel].identifier
            guard case .field(let f, let path, let indirect) = program.lookup(base.type, name: sel, pkg: pkg.index) else {
                error(a, "invalid argument: \(text(a)) is not a field selector")
                return fail()
            }
            recordUse(tree[a].sel, f)
            recordType(a, mode: indirect || base.mode == .variable ? .variable : .value, type: program.object(f).type)
            recordType(argNodes[0], mode: indirect || base.mode == .variable ? .variable : .value, type: program.object(f).type)
            // The struct the selector reads through (a pointer to a struct stands for the struct):
            // when its size depends on type arguments, every field's offset is a value, not a
            // constant, as go/types has it.
            var structType = base.type
            if case .pointer(let p) = program.node(program.under(structType)), case .structure = program.node(program.under(p)) {
                structType = p
            }
            if hasVarSize(structType) {
                recordBuiltinType(fun, makeSig(program.basicType(.uintptr), [program.object(f).type]))
                return Operand(mode: .value, type: program.basicType(.uintptr), node: e)
            }
            var offset: Int64 = 0
            var t = base.type
            for i in path {
                if case .pointer(let p) = program.node(program.under(t)) { t = p }
                guard case .structure(let st) = program.node(program.under(t)) else { break }
                offset += program.offsetsof(st)[i]
                t = program.object(st.fields[i]).type
            }
            return Operand(mode: .constant, type: program.basicType(.uintptr), value: .int(BigInt(Int(offset))), node: e)
        case .add:
            guard nargs == 2 else { return countError("wrong number of arguments to unsafe.Add") }
            var p = args[0], l = args[1]
            assignment(&p, to: program.basicType(.unsafePointer), context: "argument to unsafe.Add")
            if program.isUntyped(l.type) { convertUntyped(&l, intT) }
            recordBuiltinType(fun, makeSig(program.basicType(.unsafePointer), [p.type, l.type]))
            return Operand(mode: .value, type: program.basicType(.unsafePointer), node: e)
        case .slice:
            guard nargs == 2 else { return countError("wrong number of arguments to unsafe.Slice") }
            guard case .pointer(let elem) = program.node(program.under(args[0].type)) else {
                error(args[0].node, "invalid argument: \(text(args[0].node)) is not a pointer")
                return fail()
            }
            var l = args[1]
            if program.isUntyped(l.type) { convertUntyped(&l, intT) }
            let res = program.slice(elem)
            recordBuiltinType(fun, makeSig(res, [args[0].type, l.type]))
            return Operand(mode: .value, type: res, node: e)
        case .sliceData:
            guard nargs == 1, case .slice(let elem) = program.node(program.under(args[0].type)) else {
                return countError("invalid argument to unsafe.SliceData")
            }
            let res = program.pointer(elem)
            recordBuiltinType(fun, makeSig(res, [args[0].type]))
            return Operand(mode: .value, type: res, node: e)
        case .string:
            guard nargs == 2 else { return countError("wrong number of arguments to unsafe.String") }
            var p = args[0], l = args[1]
            assignment(&p, to: program.pointer(program.byteType), context: "argument to unsafe.String")
            if program.isUntyped(l.type) { convertUntyped(&l, intT) }
            recordBuiltinType(fun, makeSig(program.basicType(.string), [program.pointer(program.byteType), l.type]))
            return Operand(mode: .value, type: program.basicType(.string), node: e)
        case .stringData:
            guard nargs == 1 else { return countError("wrong number of arguments to unsafe.StringData") }
            var s = args[0]
            assignment(&s, to: program.basicType(.string), context: "argument to unsafe.StringData")
            let res = program.pointer(program.byteType)
            recordBuiltinType(fun, makeSig(res, [s.type]))
            return Operand(mode: .value, type: res, node: e)
        }
    }

    /// True for strings, and type parameters whose terms are all strings or byte slices.
    func allStringOrBytes(_ t: TypeID) -> Bool {
        if program.basicKind(t)?.isString == true { return true }
        guard program.isTypeParam(t), let terms = typeSetTerms(t), !terms.isEmpty else { return false }
        return terms.allSatisfy { term in
            if program.basicKind(term.type)?.isString == true { return true }
            if case .slice(let e) = program.node(program.under(term.type)), program.basicKind(e) == .uint8 { return true }
            return false
        }
    }

    /// True when a type's size depends on type arguments.
    func hasVarSize(_ t: TypeID) -> Bool {
        switch program.node(program.under(t)) {
        case .typeParam: return true
        case .array(_, let e): return hasVarSize(e)
        case .structure(let s): return s.fields.contains { hasVarSize(program.object($0).type) }
        default: return program.isTypeParam(t)
        }
    }

    /// A size argument of make: an integer, untyped constants becoming int.
    func sizeArgument(_ a: NodeID) -> TypeID {
        var x = singleValue(a)
        if x.mode == .invalid { return .invalid }
        if program.isUntyped(x.type) {
            if x.mode == .constant, x.value.integer == nil {
                error(a, "\(text(a)) (\(describe(x))) truncated to int")
                return .invalid
            }
            convertUntyped(&x, program.basicType(.int))
        }
        guard allKinds(x.type, { $0.isInteger }) else {
            error(a, "invalid argument: index \(text(a)) (\(describe(x))) must be integer")
            return .invalid
        }
        if x.mode == .constant, let i = x.value.integer {
            if i.negative {
                error(a, "invalid argument: index \(text(a)) (\(describe(x))) must not be negative")
                return .invalid
            }
            if i.int64 == nil {
                error(a, "invalid argument: index \(text(a)) (\(describe(x))) overflows int")
                return .invalid
            }
        }
        return x.type
    }

    /// True when an expression contains a function call or a channel receive (then `len`
    /// of an array is not constant).
    func containsCallOrReceive(_ e: NodeID) -> Bool {
        var found = false
        tree.walk(e) { id, _, _ in
            if found { return false }
            switch self.kind(id) {
            case .callExpr:
                let fun = self.tree[id].fun
                let funMode = self.facts[self.file].exprs[fun]?.mode
                let callMode = self.facts[self.file].exprs[id]?.mode
                if funMode == .type || (funMode == .builtin && callMode == .constant) { return true }
                found = true
                return false
            case .unaryExpr where self.tree[id].token == .arrow:
                found = true
                return false
            case .funcLit: return false
            default: return true
            }
        }
        return found
    }
}

extension Checker {
    /// The element type shared by every slice type in the type set of `x`, or why there is none.
    func sliceElement(_ x: Operand) -> (elem: TypeID?, problem: String) {
        let types = typeSetTerms(x.type)?.map { program.under($0.type) } ?? [program.under(x.type)]
        var elem: TypeID? = nil
        for u in types.isEmpty ? [TypeID.invalid] : types {
            guard case .slice(let el) = program.node(u) else {
                if x.type == program.basicType(.untypedNil) { return (nil, "argument must be a slice; have untyped nil") }
                return (nil, "argument must be a slice; have \(text(x.node)) (\(describe(x)))")
            }
            if let e = elem, !program.identical(e, el) {
                return (nil, "mismatched slice element types \(typeString(e)) and \(typeString(el)) in \(text(x.node)) (\(describe(x)))")
            }
            elem = el
        }
        return (elem, "")
    }
}

extension BuiltinFunction {
    /// The number of arguments the built-in takes (at least that many when variadic).
    var arity: (count: Int, variadic: Bool) {
        switch self {
        case .append, .make, .max, .min: return (1, true)
        case .print, .println: return (0, true)
        case .recover: return (0, false)
        case .complex, .copy, .delete, .add, .slice, .string: return (2, false)
        default: return (1, false)
        }
    }
}

extension Checker {
    /// The key type `delete` needs for its map argument: the map's, or for a type parameter the
    /// one key type every map of its type set shares (the maps need not share a core type).
    func deleteKey(_ x: Operand) -> TypeID? {
        let maps = typeSetTerms(x.type).map { $0.map { program.under($0.type) } } ?? [program.under(x.type)]
        var key: TypeID? = nil
        for m in maps {
            guard case .map(let k, _) = program.node(m) else {
                error(x.node, "invalid argument: \(text(x.node)) (\(describe(x))) is not a map")
                return nil
            }
            if let key, !program.identical(key, k) {
                error(x.node, "invalid argument: maps of \(text(x.node)) (\(describe(x))) must have identical key types")
                return nil
            }
            key = k
        }
        if key == nil { error(x.node, "invalid argument: \(text(x.node)) (\(describe(x))) is not a map") }
        return key
    }
}
