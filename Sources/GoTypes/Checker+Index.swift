import GoSyntax

/// Index, slice expressions and composite literals.
extension Checker {
    /// An index operand: integer, untyped constants become int; returns the constant value
    /// if any, -1 when unknown, nil after an error.
    func indexValue(_ e: NodeID, max: Int64?) -> Int64? {
        var x = singleValue(e)
        if x.mode == .invalid { return nil }
        if program.isUntyped(x.type) {
            convertUntyped(&x, program.basicType(.int))
            if x.mode == .invalid { return nil }
        }
        guard allKinds(x.type, { $0.isInteger }) else {
            error(e, "invalid argument: index \(text(e)) (\(describe(x))) must be integer")
            return nil
        }
        if x.mode == .constant, let i = x.value.integer {
            if i.negative {
                error(e, "invalid argument: index \(text(e)) (\(describe(x))) must not be negative")
                return nil
            }
            if i.int64 == nil {
                error(e, "invalid argument: index \(text(e)) (\(describe(x))) overflows int")
                return nil
            }
            if let max, let v = i.int64, v >= max {
                error(e, "invalid argument: index \(text(e)) out of bounds [0:\(max)]")
                return nil
            }
            return i.int64 ?? -1
        }
        return -1
    }

    func indexExpr(_ e: NodeID) -> Operand {
        let n = tree[e]
        let x = expr(n.x, allowType: true)
        if x.mode == .invalid {
            if n.kind == .indexExpr { _ = expr(n.index, allowType: true) } else { for i in n.indices { _ = expr(i, allowType: true) } }
            return .invalid(e)
        }
        let indexNodes: [NodeID] = n.kind == .indexExpr ? [n.index] : Array(n.indices)
        if x.mode == .typexpr {
            let targs = indexNodes.map { typeExpr($0) }
            if targs.contains(where: { $0.isInvalid }) { return .invalid(e) }
            guard case .named(let ni) = program.node(program.unalias(x.type)), !program.named[Int(ni)].typeParams.isEmpty,
                  program.named[Int(ni)].typeArgs.isEmpty else {
                error(e, "invalid operation: \(text(e)) (\(typeString(x.type)) is not a generic type)")
                return .invalid(e)
            }
            let want = program.named[Int(ni)].typeParams.count
            if targs.count != want {
                error(e, "\(targs.count < want ? "not enough" : "too many") type arguments for type \(text(n.x)): have \(targs.count), want \(want)")
                return .invalid(e)
            }
            verifyLater(program.named[Int(ni)].typeParams, targs, at: tree[e].pos, argNodes: indexNodes)
            return Operand(mode: .typexpr, type: program.instantiate(x.type, targs), node: e)
        }
        if case .signature(let s) = program.node(program.under(x.type)), !s.typeParams.isEmpty {
            let targs = indexNodes.map { typeExpr($0) }
            if targs.contains(where: { $0.isInvalid }) { return .invalid(e) }
            if targs.count < s.typeParams.count {
                // Outside a call, the missing type arguments come from the constraints' core
                // types when those determine them (`f2[byte]` with `B interface{ []A }`).
                var bound: [TypeID: TypeID] = [:]
                for (p, t) in zip(s.typeParams, targs) { bound[p] = t }
                if e != calledFunction {
                    completeFromCoreTypes(s.typeParams, &bound)
                }
                if let full = typeArguments(s.typeParams, bound) {
                    verifyLater(s.typeParams, full, at: tree[e].pos, argNodes: indexNodes)
                    facts[file].instances[e] = full
                    return Operand(mode: .value, type: instantiateSignature(s, full), node: e)
                }
                var y = x
                y.node = e
                y.explicitTypeArgs = targs
                return y
            }
            verifyLater(s.typeParams, targs, at: tree[e].pos, argNodes: indexNodes)
            facts[file].instances[e] = targs
            return Operand(mode: .value, type: instantiateSignature(s, targs), node: e)
        }
        if n.kind == .indexListExpr {
            error(e, "invalid operation: more than one index")
            return .invalid(e)
        }
        if program.isTypeParam(x.type), let core = coreType(x.type), case .map(let k, let v) = program.node(core) {
            var key = singleValue(n.index, hint: k)
            assignment(&key, to: k, context: "map index")
            if key.mode == .invalid { return .invalid(e) }
            return Operand(mode: .mapindex, type: v, node: e)
        }
        if program.isTypeParam(x.type) {
            guard let (elem, addressable) = typeParamIndexElement(x.type) else {
                error(e, "invalid operation: cannot index \(text(n.x))")
                return .invalid(e)
            }
            guard indexValue(n.index, max: nil) != nil else { return .invalid(e) }
            let allSlices = typeSetTerms(x.type)?.allSatisfy { if case .slice = program.node(program.under($0.type)) { return true }; return false } ?? false
            return Operand(mode: allSlices || (addressable && x.mode == .variable) ? .variable : .value, type: elem, node: e)
        }
        let u = program.under(x.type)
        switch program.node(u) {
        case .basic(let k, _) where k.isString:
            var len: Int64? = nil
            if x.mode == .constant, case .string(let s) = x.value { len = Int64(s.count) }
            guard let i = indexValue(n.index, max: len) else { return .invalid(e) }
            _ = i
            return Operand(mode: .value, type: program.byteType, node: e)
        case .array(let c, let elem):
            guard indexValue(n.index, max: c) != nil else { return .invalid(e) }
            return Operand(mode: x.mode == .variable ? .variable : .value, type: elem, node: e)
        case .pointer(let p):
            guard case .array(let c, let elem) = program.node(program.under(p)) else { break }
            guard indexValue(n.index, max: c) != nil else { return .invalid(e) }
            return Operand(mode: .variable, type: elem, node: e)
        case .slice(let elem):
            guard indexValue(n.index, max: nil) != nil else { return .invalid(e) }
            return Operand(mode: .variable, type: elem, node: e)
        case .map(let k, let v):
            var key = singleValue(n.index, hint: k)
            assignment(&key, to: k, context: "map index")
            if key.mode == .invalid { return .invalid(e) }
            return Operand(mode: .mapindex, type: v, node: e)
        default: break
        }
        _ = expr(n.index)
        error(e, "invalid operation: cannot index \(text(n.x)) (\(describe(x)))")
        return .invalid(e)
    }

    func sliceExpr(_ e: NodeID) -> Operand {
        let n = tree[e]
        var x = singleValue(n.x)
        func indices() -> Bool {
            var ok = true
            var values: [(node: NodeID, value: Int64)] = []
            for i in [n.low, n.high, n.max] where i.exists {
                guard let v = indexValue(i, max: nil) else { ok = false; continue }
                if v >= 0 { values.append((i, v)) }
            }
            // Constant indices must not decrease; one error is enough.
            outer: for (a, x) in values.enumerated() where x.value > 0 {
                for y in values[(a + 1)...] where y.value < x.value {
                    error(y.node, "invalid slice indices: \(y.value) < \(x.value)")
                    break outer
                }
            }
            return ok
        }
        if x.mode == .invalid { _ = indices(); return .invalid(e) }
        let u = program.under(x.type)
        var result: TypeID
        if program.isTypeParam(x.type), let terms = typeSetTerms(x.type), !terms.isEmpty, terms.allSatisfy({ t in
            switch program.node(program.under(t.type)) {
            case .basic(let k, _): return k.isString
            case .slice: return true
            default: return false
            }
        }) {
            if !indices() { return .invalid(e) }
            return Operand(mode: .value, type: x.type, node: e)
        }
        switch program.node(u) {
        case .basic(let k, _) where k.isString:
            if n.slice3 { error(e, "invalid operation: 3-index slice of string"); return .invalid(e) }
            result = program.isUntyped(x.type) ? program.basicType(.string) : x.type
            if x.mode == .constant && program.isUntyped(x.type) { x.type = result }
        case .array(_, let elem):
            if x.mode != .variable {
                error(e, "invalid operation: \(text(n.x)) (slice of unaddressable value)")
                _ = indices()
                return .invalid(e)
            }
            result = program.slice(elem)
        case .pointer(let p):
            guard case .array(_, let elem) = program.node(program.under(p)) else { fallthrough }
            result = program.slice(elem)
        case .slice:
            result = x.type
        default:
            error(e, "cannot slice \(text(n.x)) (\(describe(x)))")
            _ = indices()
            return .invalid(e)
        }
        if !indices() { return .invalid(e) }
        return Operand(mode: .value, type: result, node: e)
    }

    func compositeLit(_ e: NodeID, hint: TypeID?) -> Operand {
        let n = tree[e]
        var typ: TypeID
        var base: TypeID
        var openArray = false
        if n.type.exists {
            let te = tree[n.type]
            if te.kind == .arrayType && te.len.exists && kind(te.len) == .ellipsis {
                let elem = typeExpr(te.elt)
                typ = elem
                openArray = true
            } else {
                typ = typeExpr(n.type)
            }
            base = typ
        } else if let hint {
            typ = hint
            base = hint
            if case .pointer(let b) = program.node(coreType(hint) ?? .invalid) { base = b }
        } else {
            error(e, "missing type in composite literal")
            for el in n.elts { skipElement(el) }
            return .invalid(e)
        }
        if typ.isInvalid {
            for el in n.elts { skipElement(el) }
            return .invalid(e)
        }
        if openArray {
            let elem = typ
            let len = indexedElements(Array(n.elts), elem: elem, length: nil)
            typ = program.array(len, elem)
            recordType(n.type, mode: .type, type: typ)
            return Operand(mode: .value, type: typ, node: e)
        }
        switch program.node(coreType(base) ?? .invalid) {
        case .structure(let s):
            let elts = Array(n.elts)
            if elts.isEmpty { break }
            if kind(elts[0]) == .keyValueExpr {
                var seenFields = Set<ObjectID>()
                for el in elts {
                    guard kind(el) == .keyValueExpr else {
                        error(el, "mixture of field:value and value elements in struct literal")
                        _ = expr(el)
                        continue
                    }
                    let kv = tree[el]
                    guard kind(kv.key) == .ident else {
                        error(kv.key, "invalid field name \(text(kv.key)) in struct literal")
                        _ = expr(kv.value)
                        continue
                    }
                    let name = tree[kv.key].identifier
                    var field: ObjectID? = s.fields.first(where: {
                        let r = program.object($0)
                        return r.name == name && (r.isExported || r.package == pkg.index)
                    })
                    if field == nil, case .field(let promoted, _, _) = program.lookup(base, name: name, pkg: pkg.index) {
                        field = promoted   // go1.27: promoted fields may be named in struct literals
                    }
                    guard let f = field else {
                        let inaccessible = s.fields.contains { program.object($0).name == name }
                        error(kv.key, inaccessible ? "cannot refer to unexported field \(name) in struct literal of type \(typeString(base))"
                                                   : "unknown field \(name) in struct literal of type \(typeString(base))")
                        _ = expr(kv.value)
                        continue
                    }
                    recordUse(kv.key, f)
                    let ft = program.object(f).type
                    var x = singleValue(kv.value)
                    assignment(&x, to: ft, context: "struct literal")
                    if seenFields.contains(f) { error(kv.key, "duplicate field name \(name) in struct literal") }
                    seenFields.insert(f)
                }
            } else {
                for (i, el) in elts.enumerated() {
                    if kind(el) == .keyValueExpr {
                        error(el, "mixture of field:value and value elements in struct literal")
                        continue
                    }
                    guard i < s.fields.count else {
                        error(el, "too many values in struct literal of type \(typeString(base))")
                        _ = expr(el)
                        continue
                    }
                    let ft = program.object(s.fields[i]).type
                    var x = singleValue(el)
                    assignment(&x, to: ft, context: "struct literal")
                }
                if elts.count < s.fields.count && elts.count > 0 {
                    error(at: tree[e].rbrace, "too few values in struct literal of type \(typeString(base))")
                }
            }
        case .array(let c, let elem):
            _ = indexedElements(Array(n.elts), elem: elem, length: c)
        case .slice(let elem):
            _ = indexedElements(Array(n.elts), elem: elem, length: nil)
        case .map(let k, let v):
            for el in n.elts {
                guard kind(el) == .keyValueExpr else {
                    error(el, "missing key in map literal")
                    _ = expr(el)
                    continue
                }
                let kv = tree[el]
                var key = singleValue(kv.key, hint: k)
                assignment(&key, to: k, context: "map literal")
                var val = singleValue(kv.value, hint: v)
                assignment(&val, to: v, context: "map literal")
            }
        default:
            if !n.elts.isEmpty || true {
                error(e, "invalid composite literal type \(typeString(typ))")
                for el in n.elts { skipElement(el) }
                return .invalid(e)
            }
        }
        return Operand(mode: .value, type: typ, node: e)
    }

    func skipElement(_ el: NodeID) {
        if kind(el) == .keyValueExpr {
            let kv = tree[el]
            if kind(kv.key) != .ident { _ = expr(kv.key, allowType: true) }
            if kind(kv.value) != .compositeLit || tree[kv.value].type.exists { _ = expr(kv.value, allowType: true) }
        } else if kind(el) != .compositeLit || tree[el].type.exists {
            _ = expr(el, allowType: true)
        }
    }

    /// Checks array/slice elements; returns the length (max index + 1).
    func indexedElements(_ elts: [NodeID], elem: TypeID, length: Int64?) -> Int64 {
        var index: Int64 = 0
        var maxIndex: Int64 = 0
        var visited = Set<Int64>()
        for el in elts {
            var valueNode = el
            var validIndex = false
            if kind(el) == .keyValueExpr {
                let kv = tree[el]
                if let i = indexValue(kv.key, max: length) {
                    if i >= 0 {
                        index = i
                        validIndex = true
                    } else {
                        error(el, "index \(text(kv.key)) must be integer constant")
                    }
                }
                valueNode = kv.value
            } else if let length, index >= length {
                error(el, "index \(index) is out of bounds (>= \(length))")
            } else {
                validIndex = true
            }
            if validIndex {
                if visited.contains(index) { error(el, "duplicate index \(index) in array or slice literal") }
                visited.insert(index)
            }
            var x = singleValue(valueNode, hint: elem)
            assignment(&x, to: elem, context: "array or slice literal")
            index += 1
            maxIndex = max(maxIndex, index)
        }
        return maxIndex
    }
}
