/// Substitution of type parameters and instantiation of generic types.
extension Program {
    /// `t` with type parameters replaced per `map`; unchanged parts keep their ids.
    public func subst(_ t: TypeID, _ map: [TypeID: TypeID]) -> TypeID {
        if map.isEmpty { return t }
        var depth = 0
        return subst(t, map, &depth)
    }

    private func substVars(_ vars: [ObjectID], _ map: [TypeID: TypeID], _ depth: inout Int) -> [ObjectID] {
        var changed = false
        var out: [ObjectID] = []
        for v in vars {
            let r = object(v)
            let nt = subst(r.type, map, &depth)
            if nt != r.type {
                changed = true
                var c = r
                c.type = nt
                c.origin = r.origin ?? v
                out.append(newObject(c))
            } else {
                out.append(v)
            }
        }
        return changed ? out : vars
    }

    private func subst(_ t: TypeID, _ map: [TypeID: TypeID], _ depth: inout Int) -> TypeID {
        if let m = map[t] { return m }
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { return t }
        switch node(t) {
        case .basic, .typeParam: return t
        case .pointer(let e):
            let n = subst(e, map, &depth)
            return n == e ? t : pointer(n)
        case .slice(let e):
            let n = subst(e, map, &depth)
            return n == e ? t : slice(n)
        case .array(let c, let e):
            let n = subst(e, map, &depth)
            return n == e ? t : array(c, n)
        case .map(let k, let v):
            let a = subst(k, map, &depth), b = subst(v, map, &depth)
            return a == k && b == v ? t : self.map(a, b)
        case .chan(let d, let e):
            let n = subst(e, map, &depth)
            return n == e ? t : chan(d, n)
        case .tuple(let vars):
            let n = substVars(vars, map, &depth)
            return n == vars ? t : tuple(n)
        case .signature(let s):
            let p = substVars(s.params, map, &depth), r = substVars(s.results, map, &depth)
            if p == s.params && r == s.results { return t }
            var c = s
            c.params = p
            c.results = r
            return signature(c)
        case .structure(let s):
            let f = substVars(s.fields, map, &depth)
            return f == s.fields ? t : structure(StructType(fields: f, tags: s.tags))
        case .interface(let it):
            let methods = substVars(it.methods, map, &depth)
            let embeddeds = it.embeddeds.map { subst($0, map, &depth) }
            if methods == it.methods && embeddeds == it.embeddeds { return t }
            return interface(methods: methods, embeddeds: embeddeds, implicit: it.isImplicit)
        case .union(let terms):
            let n = terms.map { UnionTerm(tilde: $0.tilde, type: subst($0.type, map, &depth)) }
            return n == terms ? t : add(.union(n))
        case .named(let i):
            let nt = named[Int(i)]
            guard let origin = nt.origin else { return t }
            let args = nt.typeArgs.map { subst($0, map, &depth) }
            return args == nt.typeArgs ? t : instantiate(origin, args)
        case .alias(let i):
            let a = aliases[Int(i)].actual
            let n = subst(a, map, &depth)
            return n == a ? t : n
        }
    }

    /// The instance of a generic named type for type arguments (cached by identical
    /// arguments); its underlying type is expanded lazily.
    public func instantiate(_ generic: TypeID, _ args: [TypeID]) -> TypeID {
        withLock { makeInstance(generic, args) }
    }

    private func makeInstance(_ generic: TypeID, _ args: [TypeID]) -> TypeID {
        let g = unalias(generic)
        guard case .named(let gi) = node(g) else { return .invalid }
        let key = InstanceKey(origin: g, args: args)
        if let cached = instanceCache[key] { return cached }
        // Instances with identical arguments share a bucket: comparing with every instance of
        // the program made a generic type instantiated N times cost N² comparisons.
        var bucket = Hasher()
        bucket.combine(g)
        for a in args { bucket.combine(identityHash(a)) }
        let b = bucket.finalize()
        for v in instanceBuckets[b] ?? [] {
            guard case .named(let vi) = node(v), named[Int(vi)].origin == g else { continue }
            let vArgs = named[Int(vi)].typeArgs
            if vArgs.count == args.count && zip(vArgs, args).allSatisfy({ identical($0, $1) }) { return v }
        }
        let i = named.append(NamedType(object: named[Int(gi)].object, underlying: .invalid, methods: [], typeParams: [],
                                       typeArgs: args, origin: g))
        let t = add(.named(Int32(i)))
        instanceCache[key] = t
        instanceBuckets[b, default: []].append(t)
        return t
    }

    /// The underlying type of the instance `named[ni]`, expanded once its generic type is
    /// complete (`.invalid` before). Under the lock: another thread may be expanding it.
    func instanceUnderlying(_ ni: Int) -> TypeID {
        withLock {
            if named[ni].underlying.isInvalid { expandInstance(ni) }
            return named[ni].underlying
        }
    }

    /// Expands an instance's underlying type once its generic type is complete.
    private func expandInstance(_ ni: Int) {
        let n = named[ni]
        guard let origin = n.origin, case .named(let oi) = node(origin) else { return }
        let o = named[Int(oi)]
        if o.underlying.isInvalid { return }
        var map: [TypeID: TypeID] = [:]
        for (p, a) in zip(o.typeParams, n.typeArgs) { map[p] = a }
        named[ni].underlying = subst(unalias(o.underlying), map)
    }

    /// The methods of a named type, instantiated for an instance.
    public func methods(of t: TypeID) -> [ObjectID] {
        guard case .named(let i) = node(unalias(t)) else { return [] }
        guard named[Int(i)].origin != nil else { return named[Int(i)].methods }
        return withLock { instantiatedMethods(of: t, Int(i)) }
    }

    /// The methods of the instance `t` (`named[i]`), instantiated on first use.
    private func instantiatedMethods(of t: TypeID, _ i: Int) -> [ObjectID] {
        let n = named[i]
        guard let origin = n.origin, case .named(let oi) = node(origin) else { return n.methods }
        if let cached = instanceMethods[t] , cached.count == named[Int(oi)].methods.count { return cached }
        var out: [ObjectID] = []
        for m in named[Int(oi)].methods {
            let r = object(m)
            guard case .signature(let s) = node(r.type) else { out.append(m); continue }
            var map: [TypeID: TypeID] = [:]
            for (p, a) in zip(s.recvTypeParams, n.typeArgs) { map[p] = a }
            var c = r
            c.type = subst(r.type, map)
            if case .signature(var ns) = node(c.type), let recv = ns.recv {
                var rv = object(recv)
                rv.type = subst(rv.type, map)
                ns.recv = newObject(rv)
                ns.recvTypeParams = []
                c.type = signature(ns)
            }
            c.origin = m
            out.append(newObject(c))
        }
        instanceMethods[t] = out
        return out
    }
}

/// Cache key of a generic type instance.
struct InstanceKey: Hashable {
    var origin: TypeID
    var args: [TypeID]
}
