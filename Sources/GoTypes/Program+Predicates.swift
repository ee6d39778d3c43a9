/// Type predicates: underlying types, identity, kinds, comparability.
extension Program {
    /// The type with aliases removed.
    public func unalias(_ t: TypeID) -> TypeID {
        var t = t
        while case .alias(let i) = node(t) { t = aliases[Int(i)].actual }
        return t
    }

    /// The aliases met following the alias chain of `t` before it reaches `alias` (an alias
    /// declared in terms of itself), or nil when the chain ends elsewhere. Every alias already
    /// in a chain ends (a cycle is cut when its last alias is declared, `Checker.typeDecl`), so
    /// the walk does too.
    func aliasCycle(from t: TypeID, to alias: TypeID) -> [ObjectID]? {
        var t = t
        var met: [ObjectID] = []
        while case .alias(let i) = node(t) {
            if t == alias { return met }
            met.append(aliases[Int(i)].object)
            t = aliases[Int(i)].actual
        }
        return nil
    }

    /// The underlying type (never named or alias; a type parameter stays itself).
    public func under(_ t: TypeID) -> TypeID {
        var t = unalias(t)
        var steps = 0
        while case .named(let i) = node(t) {
            let u = named[Int(i)].origin == nil ? named[Int(i)].underlying : instanceUnderlying(Int(i))
            if u.isInvalid { return .invalid }
            t = unalias(u)
            steps += 1
            if steps > 1000 { return .invalid }
        }
        return t
    }

    /// The basic kind of a type's underlying type, or nil.
    public func basicKind(_ t: TypeID) -> BasicKind? {
        if case .basic(let k, _) = node(under(t)) { return k }
        return nil
    }

    /// True when the type is an untyped basic type.
    public func isUntyped(_ t: TypeID) -> Bool {
        if case .basic(let k, _) = node(unalias(t)) { return k.isUntyped }
        return false
    }

    /// True for a named (defined or instantiated) type after unaliasing.
    public func isNamed(_ t: TypeID) -> Bool {
        switch node(unalias(t)) {
        case .named, .typeParam: return true
        case .basic(let k, _): return k != .invalid
        default: return false
        }
    }

    /// True for interfaces (not type parameters).
    public func isInterface(_ t: TypeID) -> Bool {
        if case .interface = node(under(t)) { return true }
        return false
    }

    /// True for type parameters.
    public func isTypeParam(_ t: TypeID) -> Bool {
        if case .typeParam = node(unalias(t)) { return true }
        return false
    }

    /// True when `a` and `b` are identical types.
    public func identical(_ a: TypeID, _ b: TypeID) -> Bool {
        var seen: [(TypeID, TypeID)] = []
        return identical(a, b, &seen)
    }

    /// True when `a` and `b` are identical types if struct tags are ignored (conversions).
    public func identicalIgnoringTags(_ a: TypeID, _ b: TypeID) -> Bool {
        var seen: [(TypeID, TypeID)] = []
        return identical(a, b, &seen, ignoreTags: true)
    }

    private func identical(_ a0: TypeID, _ b0: TypeID, _ seen: inout [(TypeID, TypeID)], ignoreTags: Bool = false) -> Bool {
        if a0 == b0 { return true }
        let a = unalias(a0), b = unalias(b0)
        if a == b { return true }
        switch (node(a), node(b)) {
        case (.basic(let x, _), .basic(let y, _)): return x == y
        case (.pointer(let x), .pointer(let y)), (.slice(let x), .slice(let y)): return identical(x, y, &seen, ignoreTags: ignoreTags)
        case (.array(let n, let x), .array(let m, let y)): return n == m && identical(x, y, &seen, ignoreTags: ignoreTags)
        case (.map(let k1, let v1), .map(let k2, let v2)): return identical(k1, k2, &seen, ignoreTags: ignoreTags) && identical(v1, v2, &seen, ignoreTags: ignoreTags)
        case (.chan(let d1, let x), .chan(let d2, let y)): return d1 == d2 && identical(x, y, &seen, ignoreTags: ignoreTags)
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical(object($0).type, object($1).type, &seen, ignoreTags: ignoreTags) }
        case (.signature(let x), .signature(let y)):
            return x.variadic == y.variadic && x.typeParams.count == y.typeParams.count
                && x.params.count == y.params.count && x.results.count == y.results.count
                && zip(x.params, y.params).allSatisfy { identical(object($0).type, object($1).type, &seen, ignoreTags: ignoreTags) }
                && zip(x.results, y.results).allSatisfy { identical(object($0).type, object($1).type, &seen, ignoreTags: ignoreTags) }
        case (.structure(let x), .structure(let y)):
            guard x.fields.count == y.fields.count else { return false }
            for i in 0..<x.fields.count {
                let f = object(x.fields[i]), g = object(y.fields[i])
                if f.name != g.name || f.embedded != g.embedded || (!ignoreTags && x.tags[i] != y.tags[i]) { return false }
                if !f.isExported && f.package != g.package { return false }
                if !identical(f.type, g.type, &seen, ignoreTags: ignoreTags) { return false }
            }
            return true
        case (.interface, .interface):
            if seen.contains(where: { $0 == (a, b) || $0 == (b, a) }) { return true }
            seen.append((a, b))
            let x = interfaceMethods(a), y = interfaceMethods(b)
            guard x.count == y.count else { return false }
            for i in 0..<x.count {
                let f = object(x[i]), g = object(y[i])
                if f.name != g.name { return false }
                if !f.isExported && f.package != g.package { return false }
                if !identical(f.type, g.type, &seen, ignoreTags: ignoreTags) { return false }
            }
            return interfaceTerms(a) == nil && interfaceTerms(b) == nil
        case (.named(let i), .named(let j)):
            let x = named[Int(i)], y = named[Int(j)]
            guard let ox = x.origin, let oy = y.origin, ox == oy, x.typeArgs.count == y.typeArgs.count else { return false }
            return zip(x.typeArgs, y.typeArgs).allSatisfy { identical($0, $1, &seen, ignoreTags: ignoreTags) }
        default: return false
        }
    }

    /// A hash of a type that identical types share (`identical(a, b)` implies equal hashes),
    /// for finding a type's identical peers among many without comparing it with each: the
    /// type's constructor, a defined type itself, an instance's generic type and arguments,
    /// and the element types of pointers, slices, arrays, maps and channels a few levels deep.
    /// Structs, functions, interfaces and tuples hash by constructor alone.
    public func identityHash(_ t: TypeID) -> Int {
        var h = Hasher()
        combineIdentity(t, into: &h, depth: 0)
        return h.finalize()
    }

    private func combineIdentity(_ t0: TypeID, into h: inout Hasher, depth: Int) {
        let t = unalias(t0)
        let deeper = depth < 4
        switch node(t) {
        case .basic(let k, _):
            h.combine(0); h.combine(k.rawValue)
        case .pointer(let x):
            h.combine(1); if deeper { combineIdentity(x, into: &h, depth: depth + 1) }
        case .slice(let x):
            h.combine(2); if deeper { combineIdentity(x, into: &h, depth: depth + 1) }
        case .array(let n, let x):
            h.combine(3); h.combine(n); if deeper { combineIdentity(x, into: &h, depth: depth + 1) }
        case .map(let k, let v):
            h.combine(4)
            if deeper { combineIdentity(k, into: &h, depth: depth + 1); combineIdentity(v, into: &h, depth: depth + 1) }
        case .chan(let d, let x):
            h.combine(5); h.combine(d); if deeper { combineIdentity(x, into: &h, depth: depth + 1) }
        case .named(let i):
            let n = named[Int(i)]
            if let origin = n.origin {
                // Instances are identical when their generic types are the same and their
                // arguments identical.
                h.combine(6); h.combine(origin); h.combine(n.typeArgs.count)
                if deeper { for a in n.typeArgs { combineIdentity(a, into: &h, depth: depth + 1) } }
            } else {
                // A defined type is identical to itself only.
                h.combine(7); h.combine(t)
            }
        case .typeParam:
            h.combine(8); h.combine(t)
        case .tuple: h.combine(9)
        case .signature: h.combine(10)
        case .structure: h.combine(11)
        case .interface: h.combine(12)
        case .union: h.combine(13)
        case .alias: h.combine(14)
        }
    }

    /// True when values of the type can be compared with `==`.
    public func comparable(_ t: TypeID) -> Bool {
        var seen = Set<TypeID>()
        return comparable(t, &seen)
    }

    private func comparable(_ t: TypeID, _ seen: inout Set<TypeID>) -> Bool {
        if seen.contains(t) { return true }
        seen.insert(t)
        let u = under(t)
        switch node(u) {
        case .basic(let k, _): return k != .untypedNil
        case .pointer, .chan, .interface: return true
        case .structure(let s): return s.fields.allSatisfy { comparable(object($0).type, &seen) }
        case .array(_, let e): return comparable(e, &seen)
        case .typeParam: return true
        default: return false
        }
    }

    /// True when the type has `nil` among its values.
    public func hasNil(_ t: TypeID) -> Bool {
        switch node(under(t)) {
        case .basic(let k, _): return k == .unsafePointer
        case .pointer, .slice, .map, .chan, .signature, .interface: return true
        case .typeParam: return false
        default: return false
        }
    }

    /// The default type of an untyped type (untyped int -> int, ...); other types unchanged.
    public func defaultType(_ t: TypeID) -> TypeID {
        guard case .basic(let k, _) = node(unalias(t)) else { return t }
        switch k {
        case .untypedBool: return basicType(.bool)
        case .untypedInt: return basicType(.int)
        case .untypedRune: return runeType
        case .untypedFloat: return basicType(.float64)
        case .untypedComplex: return basicType(.complex128)
        case .untypedString: return basicType(.string)
        default: return t
        }
    }
}
