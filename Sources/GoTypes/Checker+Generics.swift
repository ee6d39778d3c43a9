import GoSyntax

/// Type parameters, constraints with unions, instantiation and function argument type
/// inference by unification.
extension Checker {
    /// Declares the type parameters of a list in the current scope.
    func collectTypeParams(_ list: NodeID, declared: (([TypeID]) -> Void)? = nil) -> [TypeID] {
        guard list.exists else { return [] }
        var tps: [TypeID] = []
        var groups: [(NodeID, [TypeID])] = []
        for f in tree[list].list {
            let field = tree[f]
            var group: [TypeID] = []
            for n in field.names {
                let o = newObject(.typeName, tree[n].identifier, ident: n)
                let tp = program.newTypeParam(o, index: tps.count)
                program.setType(o, tp)
                declare(scope, n, o)
                tps.append(tp)
                group.append(tp)
            }
            groups.append((field.type, group))
        }
        declared?(tps)
        for (te, group) in groups {
            let b = bound(te)
            for tp in group {
                if case .typeParam(let i) = program.node(tp) { program.typeParams[Int(i)].constraint = b }
            }
        }
        return tps
    }

    /// A constraint: an interface, or a type set literal wrapped in an implicit interface.
    func bound(_ e: NodeID) -> TypeID {
        let k = kind(e)
        if (k == .unaryExpr && tree[e].token == .tilde) || (k == .binaryExpr && tree[e].token == .or) {
            let u = unionType(e)
            return program.interface(methods: [], embeddeds: [u], implicit: true)
        }
        let t = typeExpr(e)
        if t.isInvalid || program.isInterface(t) { return t }
        return program.interface(methods: [], embeddeds: [t], implicit: true)
    }

    /// A union or tilde term list; a single plain type is returned as itself.
    func unionType(_ e: NodeID) -> TypeID {
        var operators: [NodeID] = []
        var terms: [NodeID] = []
        func flatten(_ x: NodeID) {
            if kind(x) == .binaryExpr && tree[x].token == .or {
                flatten(tree[x].x)
                operators.append(x)
                terms.append(tree[x].y)
            } else {
                terms.append(x)
            }
        }
        flatten(e)
        var list: [UnionTerm] = []
        for (i, t) in terms.enumerated() {
            var tilde = false
            var te = t
            if kind(t) == .unaryExpr && tree[t].token == .tilde { tilde = true; te = tree[t].x }
            let typ = typeExpr(te)
            let term = UnionTerm(tilde: tilde, type: typ)
            if tilde { recordType(t, mode: .type, type: program.add(.union([term]))) }
            if terms.count == 1 && !tilde { return typ }
            list.append(term)
            if i > 0 { recordType(operators[i - 1], mode: .type, type: program.add(.union(list))) }
        }
        return program.add(.union(list))
    }

    /// The term types of a type parameter's constraint; nil when unrestricted.
    func typeSetTerms(_ t: TypeID) -> [UnionTerm]? {
        guard case .typeParam(let i) = program.node(program.unalias(t)) else { return nil }
        return constraintTerms(program.typeParams[Int(i)].constraint)
    }

    func constraintTerms(_ c: TypeID) -> [UnionTerm]? {
        guard case .interface(let it) = program.node(program.under(c)) else { return nil }
        var result: [UnionTerm]? = nil
        for e in it.embeddeds {
            var terms: [UnionTerm]? = nil
            switch program.node(program.unalias(e)) {
            case .union(let ts): terms = flattenedTerms(ts) ?? ts
            case .interface: terms = constraintTerms(e)
            case .named where program.isInterface(e): terms = constraintTerms(e)
            default: terms = [UnionTerm(tilde: false, type: e)]
            }
            if let terms { result = result ?? terms }
        }
        return result
    }

    /// A union's terms with interface terms (`A | B` where A and B are constraint
    /// interfaces) replaced by their own terms; nil when some interface term has no single
    /// term list to stand for it.
    func flattenedTerms(_ terms: [UnionTerm]) -> [UnionTerm]? {
        var out: [UnionTerm] = []
        for t in terms {
            guard !t.tilde, program.isInterface(t.type), !program.isTypeParam(t.type) else { out.append(t); continue }
            guard case .interface(let it) = program.node(program.under(t.type)), it.methods.isEmpty,
                  it.embeddeds.count == 1, let inner = constraintTerms(t.type) else { return nil }
            out += inner
        }
        return out
    }

    /// True when every type in the type set of `t` (or `t` itself) has a basic underlying
    /// kind satisfying `pred`.
    func allKinds(_ t: TypeID, _ pred: (BasicKind) -> Bool) -> Bool {
        if let terms = typeSetTerms(t) {
            return !terms.isEmpty && terms.allSatisfy { allKinds($0.type, pred) }
        }
        if program.isTypeParam(t) { return false }
        guard let k = program.basicKind(t) else { return false }
        return pred(k)
    }

    /// The core type: the underlying type, or for a type parameter the single underlying
    /// type of all its terms.
    func coreType(_ t: TypeID) -> TypeID? {
        guard let terms = typeSetTerms(t) else {
            return program.isTypeParam(t) ? nil : program.under(t)
        }
        var u: TypeID? = nil
        for term in terms {
            let tu = program.under(term.type)
            if let cur = u {
                if !program.identical(cur, tu) { return nil }
            } else {
                u = tu
            }
        }
        return u
    }

    /// For indexing a type parameter: the common element type of its terms.
    func typeParamIndexElement(_ t: TypeID) -> (elem: TypeID, addressable: Bool)? {
        guard let terms = typeSetTerms(t), !terms.isEmpty else { return nil }
        var elem: TypeID? = nil
        var addressable = true
        for term in terms {
            let e: TypeID
            switch program.node(program.under(term.type)) {
            case .basic(let k, _) where k.isString: e = program.byteType; addressable = false
            case .slice(let x): e = x
            case .array(_, let x): e = x
            case .pointer(let p):
                guard case .array(_, let x) = program.node(program.under(p)) else { return nil }
                e = x
            default: return nil
            }
            if let cur = elem, !program.identical(cur, e) { return nil }
            elem = elem ?? e
        }
        return elem.map { ($0, addressable) }
    }

    /// Declares receiver type parameters for a method of a generic type and returns the
    /// receiver base's instance for them; nil when the receiver is not generic.
    func receiverTypeParams(_ recvType: NodeID) -> [TypeID]? {
        var t = recvType
        while kind(t) == .parenExpr || kind(t) == .starExpr { t = tree[t].x }
        guard kind(t) == .indexExpr || kind(t) == .indexListExpr else { return nil }
        let baseNode = tree[t].x
        guard kind(baseNode) == .ident, let baseObj = scope.lookup(tree[baseNode].identifier) else { return nil }
        if declInfo[baseObj] != nil { objDecl(baseObj) }
        let base = program.unalias(program.object(baseObj).type)
        guard case .named(let ni) = program.node(base) else { return nil }
        let generic = program.named[Int(ni)].typeParams
        let idents: [NodeID] = kind(t) == .indexExpr ? [tree[t].index] : Array(tree[t].indices)
        var tps: [TypeID] = []
        for (i, id) in idents.enumerated() {
            let name = kind(id) == .ident ? tree[id].identifier : "_"
            let o = newObject(.typeName, name, ident: id)
            let tp = program.newTypeParam(o, index: i)
            program.setType(o, tp)
            declare(scope, id, o)
            // A blank receiver type parameter (`func (l *List[_]) Len()`) is not declared;
            // go/types records the identifier as a use of the parameter it stands for.
            if name == "_" && kind(id) == .ident { recordUse(id, o) }
            tps.append(tp)
        }
        var map: [TypeID: TypeID] = [:]
        for (g, r) in zip(generic, tps) { map[g] = r }
        for (i, tp) in tps.enumerated() where i < generic.count {
            guard case .typeParam(let gi) = program.node(generic[i]), case .typeParam(let ri) = program.node(tp) else { continue }
            program.typeParams[Int(ri)].constraint = program.subst(program.typeParams[Int(gi)].constraint, map)
        }
        return tps
    }

    // MARK: Inference

    /// Binds type parameters in `param` by matching it against `arg`.
    func unify(_ param: TypeID, _ arg: TypeID, _ tps: Set<TypeID>, _ bound: inout [TypeID: TypeID]) {
        let p = program.unalias(param), a = program.unalias(arg)
        if tps.contains(p) {
            if bound[p] == nil { bound[p] = arg }
            return
        }
        if program.isTypeParam(a) && !program.isTypeParam(p), let core = coreType(a) {
            unify(p, core, tps, &bound)
            return
        }
        switch (program.node(p), program.node(a)) {
        case (.pointer(let x), .pointer(let y)), (.slice(let x), .slice(let y)): unify(x, y, tps, &bound)
        case (.array(_, let x), .array(_, let y)): unify(x, y, tps, &bound)
        case (.map(let k1, let v1), .map(let k2, let v2)): unify(k1, k2, tps, &bound); unify(v1, v2, tps, &bound)
        case (.chan(_, let x), .chan(_, let y)): unify(x, y, tps, &bound)
        case (.signature(let s), .signature(let t)):
            for (x, y) in zip(s.params, t.params) { unify(program.object(x).type, program.object(y).type, tps, &bound) }
            for (x, y) in zip(s.results, t.results) { unify(program.object(x).type, program.object(y).type, tps, &bound) }
        case (.structure(let s), .structure(let t)):
            for (x, y) in zip(s.fields, t.fields) { unify(program.object(x).type, program.object(y).type, tps, &bound) }
        case (.named(let i), .named(let j)):
            let x = program.named[Int(i)], y = program.named[Int(j)]
            if x.origin != nil && x.origin == y.origin {
                for (u, v) in zip(x.typeArgs, y.typeArgs) { unify(u, v, tps, &bound) }
            }
        case (.named, _):
            // A defined parameter type (`Func2[A1, A2, R]`) matches a type literal argument
            // through its underlying type, as assignability does.
            if !program.isInterface(p) { unify(program.under(p), a, tps, &bound) }
        case (_, .named):
            // A type literal parameter matches a defined argument's underlying type.
            if !program.isInterface(p) { unify(p, program.under(a), tps, &bound) }
        default: break
        }
    }

    /// Infers the type arguments of a generic signature from call arguments; nil when some
    /// cannot be inferred (after reporting).
    func infer(_ sig: SignatureType, explicit: [TypeID], args: [Operand], at e: NodeID) -> [TypeID]? {
        var tps = sig.typeParams
        var paramTypes = sig.params.map { program.object($0).type }
        // A call from inside the generic function itself (recursion) passes arguments typed
        // with the very parameters being inferred; infer fresh copies instead.
        let own = Set(tps)
        if args.contains(where: { $0.mode != .invalid && containsTypeParams($0.type, own) }) {
            let renamed = renamedTypeParams(tps)
            tps = renamed.fresh
            paramTypes = paramTypes.map { program.subst($0, renamed.map) }
        }
        var bound: [TypeID: TypeID] = [:]
        for (i, t) in explicit.enumerated() where i < tps.count { bound[tps[i]] = t }
        let set = Set(tps)
        func paramType(_ i: Int) -> TypeID? {
            if sig.variadic && i >= paramTypes.count - 1 {
                guard let last = paramTypes.last, case .slice(let el) = program.node(last) else { return nil }
                return tree[e].ellipsis >= 0 ? last : el
            }
            return i < paramTypes.count ? paramTypes[i] : nil
        }
        var inferred = sig
        inferred.typeParams = tps
        if !checkInferable(inferred, explicit: explicit, args: args, paramType: paramType, at: e) { return nil }
        // Typed arguments first (generic function arguments are inferred from the result).
        for (i, a) in args.enumerated() where a.mode != .invalid && !program.isUntyped(a.type) && !isGenericFunction(a.type) {
            if let p = paramType(i) { unify(p, a.type, set, &bound) }
        }
        // Core types of constraints.
        completeFromCoreTypes(tps, &bound)
        // Untyped constants: the default type of the largest kind per parameter.
        var untypedFor: [TypeID: TypeID] = [:]
        for (i, a) in args.enumerated() where a.mode != .invalid && program.isUntyped(a.type) {
            guard let p = paramType(i), set.contains(program.unalias(p)), bound[p] == nil else { continue }
            if a.type == program.basicType(.untypedNil) { continue }
            if let cur = untypedFor[p] { untypedFor[p] = maxUntyped(cur, a.type) ?? cur } else { untypedFor[p] = a.type }
        }
        for (p, t) in untypedFor { bound[p] = program.defaultType(t) }
        // Core types again: what the untyped constants bound can determine the rest
        // (`f5[A interface{ struct{ b B; c C } }, B any, C interface{ *B }](x B)` called as
        // `f5(1.2)`).
        completeFromCoreTypes(tps, &bound)
        var out: [TypeID] = []
        for tp in tps {
            guard let b = bound[tp] else {
                error(e, "in call to \(text(tree[e].fun)), \(cannotInfer(tp))")
                return nil
            }
            out.append(program.subst(b, bound))
        }
        return out
    }

    /// Fresh type parameters standing for `tps` (same names, constraints rewritten to the
    /// fresh ones), and the mapping from the originals.
    func renamedTypeParams(_ tps: [TypeID]) -> (fresh: [TypeID], map: [TypeID: TypeID]) {
        var map: [TypeID: TypeID] = [:]
        var fresh: [TypeID] = []
        for (i, tp) in tps.enumerated() {
            guard case .typeParam(let ti) = program.node(tp) else { return (tps, [:]) }
            let copy = program.newObject(program.object(program.typeParams[Int(ti)].object))
            let t = program.newTypeParam(copy, index: i)
            program.setType(copy, t)
            map[tp] = t
            fresh.append(t)
        }
        for (tp, t) in zip(tps, fresh) {
            guard case .typeParam(let ti) = program.node(tp), case .typeParam(let fi) = program.node(t) else { continue }
            program.typeParams[Int(fi)].constraint = program.subst(program.typeParams[Int(ti)].constraint, map)
        }
        return (fresh, map)
    }

    /// The type arguments for `tps` once every one is bound, each with the others substituted
    /// into it; nil while some are not.
    func typeArguments(_ tps: [TypeID], _ bound: [TypeID: TypeID]) -> [TypeID]? {
        guard tps.allSatisfy({ bound[$0] != nil }) else { return nil }
        return tps.map { program.subst(bound[$0]!, bound) }
    }

    func isGenericFunction(_ t: TypeID) -> Bool {
        if case .signature(let s) = program.node(program.under(t)), !s.typeParams.isEmpty { return true }
        return false
    }

    /// Binds type parameters from the single core type of their constraints.
    func completeFromCoreTypes(_ tps: [TypeID], _ bound: inout [TypeID: TypeID]) {
        let set = Set(tps)
        for _ in 0..<3 {
            for tp in tps {
                guard case .typeParam(let ti) = program.node(tp), let terms = constraintTerms(program.typeParams[Int(ti)].constraint),
                      terms.count == 1 else { continue }
                let core = terms[0]
                if let b = bound[tp] {
                    unify(core.type, core.tilde ? (coreType(b) ?? b) : b, set, &bound)
                } else if !core.tilde {
                    let s = program.subst(core.type, bound)
                    if !containsTypeParams(s, set) { bound[tp] = s }
                }
            }
        }
    }

    func containsTypeParams(_ t: TypeID, _ set: Set<TypeID>) -> Bool {
        var found = false
        var seen = Set<TypeID>()
        func visit(_ t: TypeID) {
            if found || seen.contains(t) { return }
            seen.insert(t)
            if set.contains(t) { found = true; return }
            switch program.node(t) {
            case .pointer(let e), .slice(let e), .array(_, let e), .chan(_, let e): visit(e)
            case .map(let k, let v): visit(k); visit(v)
            case .signature(let s): for v in s.params + s.results { visit(program.object(v).type) }
            case .structure(let s): for v in s.fields { visit(program.object(v).type) }
            case .tuple(let vs): for v in vs { visit(program.object(v).type) }
            case .named(let i): for a in program.named[Int(i)].typeArgs { visit(a) }
            default: break
            }
        }
        visit(t)
        return found
    }

    /// The signature instantiated with type arguments.
    func instantiateSignature(_ sig: SignatureType, _ targs: [TypeID]) -> TypeID {
        var map: [TypeID: TypeID] = [:]
        for (p, a) in zip(sig.typeParams, targs) { map[p] = a }
        var s = sig
        s.typeParams = []
        return program.subst(program.signature(s), map)
    }
}
