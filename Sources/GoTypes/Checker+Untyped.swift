import GoSyntax

/// Untyped operands: representability of constants, implicit conversion to a target type,
/// and the delayed recording of untyped expressions once their final type is known.
extension Checker {
    /// Rounds/validates a constant for a basic kind; nil when not representable.
    func representable(_ v: ConstantValue, _ k: BasicKind) -> ConstantValue? {
        if case .unknown = v { return v }
        if k.isInteger {
            guard let i = v.integer else { return nil }
            if k == .untypedInt || k == .untypedRune { return .int(i) }
            let bits = Int(basicSize(k)) * 8
            if k.isUnsigned {
                if i.negative || i.bitWidth > bits { return nil }
            } else {
                if bits <= 64 {
                    // Machine integers bound the kinds up to 64 bits (no big-integer limits
                    // built per constant).
                    guard let v = i.int64 else { return nil }
                    if bits < 64 {
                        let limit = Int64(1) << (bits - 1)
                        if v < -limit || v >= limit { return nil }
                    }
                } else {
                    let lo = -(BigInt.one.shiftedLeft(bits - 1)), hi = BigInt.one.shiftedLeft(bits - 1) - .one
                    if i < lo || hi < i { return nil }
                }
            }
            return .int(i)
        }
        if k.isFloat {
            guard let r = v.rational else { return nil }
            switch k {
            case .float32: return r.float32.map { .float($0) }
            case .float64: return r.float64.map { .float($0) }
            default: return .float(r)
            }
        }
        if k.isComplex {
            guard let (re, im) = v.complexParts else { return nil }
            switch k {
            case .complex64:
                guard let a = re.float32, let b = im.float32 else { return nil }
                return .complex(a, b)
            case .complex128:
                guard let a = re.float64, let b = im.float64 else { return nil }
                return .complex(a, b)
            default: return .complex(re, im)
            }
        }
        if k.isString { if case .string = v { return v }; return nil }
        if k.isBoolean { if case .bool = v { return v }; return nil }
        return nil
    }

    /// The larger of two untyped numeric kinds, or nil if they do not mix.
    func maxUntyped(_ a: TypeID, _ b: TypeID) -> TypeID? {
        guard let x = program.basicKind(a), let y = program.basicKind(b) else { return nil }
        if x == y { return a }
        if x.isNumeric && y.isNumeric { return x.rawValue > y.rawValue ? a : b }
        return nil
    }

    /// Converts an untyped operand to `target` (typed, or a larger untyped kind); reports an
    /// error and invalidates `x` when impossible.
    func convertUntyped(_ x: inout Operand, _ target: TypeID) {
        guard x.mode != .invalid, program.isUntyped(x.type), !target.isInvalid else { return }
        let isNil = x.type == program.basicType(.untypedNil)
        if program.isUntyped(target) {
            if isNil || target == program.basicType(.untypedNil) {
                if x.type != target { cannotConvert(&x, target) }
                return
            }
            guard let m = maxUntyped(x.type, target) else { cannotConvert(&x, target); return }
            if m != x.type {
                x.type = m
                updateExprType(x.node, m, final: false)
            }
            return
        }
        let tu = program.under(target)
        var newType = target
        switch program.node(tu) {
        case .basic(let k, _):
            if x.mode == .constant {
                guard let v = representable(x.value, k) else {
                    if x.value.isNumeric, program.basicKind(x.type)?.isNumeric == true, k.isNumeric {
                        let what = (k.isInteger && x.value.integer == nil) ? "truncated" : "overflows"
                        error(x.node, "cannot use \(text(x.node)) (untyped \(untypedName(x.type)) constant\(constSuffix(x))) as \(typeString(target)) value in \(assignContext) (\(what))")
                    } else {
                        cannotConvert(&x, target)
                    }
                    x.mode = .invalid
                    return
                }
                x.value = v
                updateExprValue(x.node, v)
            } else {
                // Non-constant untyped values: bool from comparisons, shifted values.
                let xk = program.basicKind(x.type)!
                let ok: Bool
                switch xk {
                case .untypedBool: ok = k.isBoolean
                case .untypedInt, .untypedRune, .untypedFloat, .untypedComplex: ok = k.isNumeric
                case .untypedString: ok = k.isString
                case .untypedNil: ok = k == .unsafePointer
                default: ok = false
                }
                if !ok { cannotConvert(&x, target); return }
                if xk == .untypedNil { newType = program.basicType(.untypedNil) }
            }
        case .interface:
            if isNil { newType = program.basicType(.untypedNil) }
            else {
                if program.interfaceTerms(tu) != nil { cannotConvert(&x, target); return }
                newType = program.defaultType(x.type)
            }
        case .pointer, .signature, .slice, .map, .chan:
            if !isNil { cannotConvert(&x, target); return }
            newType = program.basicType(.untypedNil)
        case .typeParam:
            if isNil {
                if !typeParamHasNil(target) { cannotConvert(&x, target); return }
                newType = program.basicType(.untypedNil)
            } else {
                newType = target
            }
        default:
            cannotConvert(&x, target)
            return
        }
        if newType != x.type {
            x.type = newType
            updateExprType(x.node, newType, final: false)
        }
    }

    var assignContext: String { messageContext ?? "assignment" }

    /// True when every type in a type parameter's type set has nil.
    func typeParamHasNil(_ t: TypeID) -> Bool {
        guard let terms = typeSetTerms(t), !terms.isEmpty else { return false }
        return terms.allSatisfy { program.hasNil($0.type) }
    }

    func untypedName(_ t: TypeID) -> String {
        let s = typeString(t)
        return s.hasPrefix("untyped ") ? String(s.dropFirst(8)) : s
    }

    func constSuffix(_ x: Operand) -> String {
        guard let v = constantText(x.value), v != text(x.node) else { return "" }
        return " " + v
    }

    func cannotConvert(_ x: inout Operand, _ target: TypeID) {
        error(x.node, "cannot use \(text(x.node)) (\(describe(x))) as \(typeString(target)) value in \(assignContext)")
        x.mode = .invalid
    }

    /// "untyped int constant", "variable of type T", ... for messages.
    func describe(_ x: Operand) -> String {
        let t = typeString(x.type)
        switch x.mode {
        case .constant:
            var value = ""
            if let v = constantText(x.value), !x.node.exists || v != text(x.node) { value = " " + v }
            return program.isUntyped(x.type) ? "\(t) constant\(value)" : "constant\(value) of \(typeDescription(x.type))"
        case .variable: return "variable of \(typeDescription(x.type))"
        case .mapindex: return "map index expression of \(typeDescription(x.type))"
        case .commaok: return "comma, ok expression of \(typeDescription(x.type))"
        case .typexpr: return "type"
        case .builtin: return "built-in"
        case .novalue: return "no value"
        default:
            if x.type == program.basicType(.untypedNil) { return "untyped nil" }
            if program.isUntyped(x.type) { return "\(t) value" }
            return "value of \(typeDescription(x.type))"
        }
    }

    /// A constant as go/constant prints it (floats to six significant digits, long strings
    /// shortened); nil when it is not printed.
    func constantText(_ v: ConstantValue) -> String? {
        func float(_ r: Rational) -> String? {
            guard let f = r.float64, let n = Double(f.num.description), let d = Double(f.den.description),
                  n.isFinite, d.isFinite, d != 0 else { return nil }
            let x = n / d
            var s = String(format: "%.6g", x)
            if !r.isInteger && !s.contains(".") { s = "\(x)" }
            return s
        }
        switch v {
        case .bool(let b): return "\(b)"
        case .int(let i): return i.description
        case .float(let r): return float(r)
        case .complex(let re, let im):
            guard let a = float(re), let b = float(im) else { return nil }
            return "(\(a) + \(b)i)"
        case .string(let bytes):
            let quoted = Program.quoteGo(String(decoding: bytes, as: UTF8.self))
            let scalars = Array(quoted.unicodeScalars)
            if scalars.count <= 72 { return quoted }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars.prefix(69))
            return String(out) + "..."
        case .unknown: return nil
        }
    }

    /// "type T", with the structure of a defined or alias type named ("struct type T", "int
    /// type MyInt") and the constraint of a type parameter, as go/types describes operands.
    func typeDescription(_ t: TypeID) -> String {
        let s = typeString(t)
        switch program.node(t) {
        case .named, .alias:
            let u = program.under(t)
            let what: String
            switch program.node(u) {
            case .basic(_, let name): what = name
            case .array: what = "array"
            case .slice: what = "slice"
            case .structure: what = "struct"
            case .pointer: what = "pointer"
            case .signature: what = "func"
            case .interface: what = "interface"
            case .map: what = "map"
            case .chan: what = "chan"
            case .tuple: what = "tuple"
            case .union: what = "union"
            default: return "type \(s)"
            }
            return "\(what) type \(s)"
        case .typeParam(let i):
            return "type \(s) constrained by \(typeString(program.typeParams[Int(i)].constraint))"
        default:
            return "type \(s)"
        }
    }

    /// Updates the delayed value of an untyped expression.
    func updateExprValue(_ e: NodeID, _ v: ConstantValue) {
        let k = FileNode(file: Int32(file), node: e)
        if var entry = untyped[k] {
            entry.value = v
            untyped[k] = entry
        }
    }

    /// Gives an untyped expression (and the untyped operands it was computed from, where they
    /// are not constants) its new type; records it when `final` or typed.
    func updateExprType(_ e: NodeID, _ newType: TypeID, final: Bool) {
        let key = FileNode(file: Int32(file), node: e)
        guard var old = untyped[key] else { return }
        let n = tree[e]
        switch n.kind {
        case .parenExpr:
            updateExprType(n.x, newType, final: final)
        case .unaryExpr:
            if old.value == nil { updateExprType(n.x, newType, final: final) }
        case .binaryExpr:
            if old.value == nil {
                if isComparison(n.token) {
                } else if n.token == .shl || n.token == .shr {
                    updateExprType(n.x, newType, final: final)
                } else {
                    updateExprType(n.x, newType, final: final)
                    updateExprType(n.y, newType, final: final)
                }
            }
        default: break
        }
        if !final && program.isUntyped(newType) {
            old.type = program.under(newType)
            untyped[key] = old
            return
        }
        untyped[key] = nil
        if old.isShiftOperand {
            if program.basicKind(newType)?.isInteger != true {
                error(e, "invalid operation: shifted operand \(text(e)) (type \(typeString(newType))) must be integer")
                return
            }
        }
        if let v = old.value {
            if case .basic(let k, _) = program.node(program.under(newType)), representable(v, k) == nil {
                error(e, "cannot use \(text(e)) (untyped constant) as \(typeString(newType)) value")
                return
            }
        }
        recordType(e, mode: old.mode, type: newType, value: old.value)
    }

    func isComparison(_ t: Token) -> Bool {
        t == .eql || t == .neq || t == .lss || t == .leq || t == .gtr || t == .geq
    }

    /// Checks a constant result: typed values must be representable (and are rounded).
    func overflow(_ x: inout Operand, at offset: Int) {
        guard x.mode == .constant else { return }
        if case .unknown = x.value { return }
        if !program.isUntyped(x.type), let k = program.basicKind(x.type) {
            guard let v = representable(x.value, k) else {
                error(at: offset, "constant \(x.value.dumpText) overflows \(typeString(x.type))")
                x.value = .unknown
                return
            }
            x.value = v
            return
        }
        if case .int(let i) = x.value, i.bitWidth > 512 {
            error(at: offset, "constant overflow")
            x.value = .unknown
        }
    }

    /// Assigns `x` to a value of type `target` (nil: no target, untyped gets its default).
    func assignment(_ x: inout Operand, to target: TypeID?, context: String) {
        switch x.mode {
        case .invalid: return
        case .constant, .variable, .mapindex, .value, .commaok: break
        default:
            error(x.node, "cannot assign \(text(x.node)) to \(context)")
            x.mode = .invalid
            return
        }
        if case .tuple = program.node(x.type) {
            error(x.node, "multiple-value \(text(x.node)) (value of type \(typeString(x.type))) in single-value context")
            x.mode = .invalid
            return
        }
        if program.isUntyped(x.type) {
            var t = target
            if t == nil || program.isInterface(t!) && !program.isTypeParam(t!) {
                if t == nil && x.type == program.basicType(.untypedNil) {
                    error(x.node, "use of untyped nil in \(context)")
                    x.mode = .invalid
                    return
                }
                if t == nil || x.type != program.basicType(.untypedNil) { t = program.defaultType(x.type) }
            }
            if let t {
                let saved = messageContext
                messageContext = context
                convertUntyped(&x, t)
                messageContext = saved
            }
            if x.mode == .invalid { return }
        }
        guard let target else { return }
        if target.isInvalid { return }
        if case .signature(let g) = program.node(program.under(x.type)), !g.typeParams.isEmpty,
           case .signature = program.node(program.under(target)) {
            // A generic function used as a value of function type: infer from the target.
            var bound: [TypeID: TypeID] = [:]
            for (i, t) in x.explicitTypeArgs.enumerated() where i < g.typeParams.count { bound[g.typeParams[i]] = t }
            var plain = g
            plain.typeParams = []
            unify(program.signature(plain), program.under(target), Set(g.typeParams), &bound)
            completeFromCoreTypes(g.typeParams, &bound)
            if let targs = typeArguments(g.typeParams, bound) {
                let inst = instantiateSignature(g, targs)
                x.type = inst
                facts[file].instances[x.node] = targs
                var n = x.node
                while n.exists {
                    if let f = facts[file].exprs[n] { facts[file].exprs[n] = ExprFact(mode: f.mode, type: inst, value: nil) }
                    if kind(n) == .parenExpr { n = tree[n].x } else { break }
                }
            }
        }
        if !assignable(x, to: target) {
            var why = ""
            if program.isInterface(target) && !program.isTypeParam(target) && !program.isTypeParam(x.type),
               x.type != program.basicType(.untypedNil), let cause = methodCause(x.type, target) {
                why = ": \(typeString(x.type)) does not implement \(typeString(target)) \(cause)"
            }
            error(x.node, "cannot use \(text(x.node)) (\(describe(x))) as \(typeString(target)) value in \(context)\(why)")
            x.mode = .invalid
        }
    }

    /// Assignability of a (converted) operand to a type.
    func assignable(_ x: Operand, to t: TypeID) -> Bool {
        let v = x.type
        if program.identical(v, t) { return true }
        let vu = program.under(v), tu = program.under(t)
        if program.isUntyped(v) {
            if case .basic(let k, _) = program.node(tu) {
                if x.type == program.basicType(.untypedNil) { return k == .unsafePointer }
                return x.mode != .constant || representable(x.value, k) != nil
            }
            if x.type == program.basicType(.untypedNil) {
                if program.isTypeParam(t) { return typeParamHasNil(t) }
                return program.hasNil(tu)
            }
            if case .interface = program.node(tu) { return program.missingMethod(program.defaultType(v), t) == nil }
            return false
        }
        if program.identical(vu, tu) && (!program.isNamed(v) || !program.isNamed(t)) && !program.isTypeParam(v) && !program.isTypeParam(t) {
            return true
        }
        if program.isTypeParam(v) && !program.isNamed(t), let terms = typeSetTerms(v), !terms.isEmpty {
            return terms.allSatisfy { assignable(Operand(mode: .value, type: $0.type, node: x.node), to: t) }
        }
        if program.isTypeParam(t) && !program.isNamed(v), let terms = typeSetTerms(t), !terms.isEmpty {
            return terms.allSatisfy { assignable(x, to: $0.type) }
        }
        if case .interface = program.node(tu), !program.isTypeParam(t) {
            return program.missingMethod(v, t) == nil
        }
        if case .chan(.both, let e1) = program.node(vu), case .chan(_, let e2) = program.node(tu),
           program.identical(e1, e2), !program.isNamed(v) || !program.isNamed(t) {
            return true
        }
        return false
    }
}
