import GoSyntax

/// Why function argument type inference fails, in go/types' words.
///
/// Inference itself (`infer`) is lenient: it binds what it can. Before it runs, the typed
/// arguments are matched against their parameter types in order, as the spec's unification
/// does: at the top level a defined type matches a type literal through its underlying type;
/// inside composite types matching is exact. The first argument that cannot match is
/// reported ("type []int of x does not match inferred type []string for T"), and untyped
/// constants of different kinds for one type parameter are reported too ("mismatched types
/// untyped int and untyped string"). Where the spec's rules are subtle (interfaces, channel
/// directions, type parameters of the caller) the match is accepted, so valid code is never
/// rejected here.
extension Checker {
    /// Reports the first typed argument that cannot be unified with its parameter; returns
    /// false after reporting.
    func checkInferable(_ sig: SignatureType, explicit: [TypeID], args: [Operand], paramType: (Int) -> TypeID?, at e: NodeID) -> Bool {
        let tps = sig.typeParams
        let set = Set(tps)
        var bound: [TypeID: TypeID] = [:]
        for (i, t) in explicit.enumerated() where i < tps.count { bound[tps[i]] = t }
        let fixed = Set(bound.keys)
        for (i, a) in args.enumerated() where a.mode != .invalid && !program.isUntyped(a.type) && !isGenericFunction(a.type) {
            guard var p = paramType(i), containsTypeParams(p, set) else { continue }
            if !fixed.isEmpty {
                var explicitMap: [TypeID: TypeID] = [:]
                for f in fixed { explicitMap[f] = bound[f] }
                p = program.subst(p, explicitMap)
                if !containsTypeParams(p, set) { continue }
            }
            if matches(p, a.type, set, &bound, exact: false) { continue }
            inferenceError(at: a.node, e, inferenceMismatch(p, a, tps, bound))
            return false
        }
        var untypedMax: [TypeID: TypeID] = [:]
        for (i, a) in args.enumerated() where a.mode != .invalid && program.isUntyped(a.type) {
            guard let p = paramType(i), set.contains(program.unalias(p)), bound[p] == nil,
                  a.type != program.basicType(.untypedNil) else { continue }
            guard let cur = untypedMax[p] else { untypedMax[p] = a.type; continue }
            guard let m = maxUntyped(cur, a.type) else {
                inferenceError(at: a.node, e, "mismatched types \(typeString(cur)) and \(typeString(a.type)) (cannot infer \(typeString(p)))")
                return false
            }
            untypedMax[p] = m
        }
        return true
    }

    /// "in call to f, msg" at `at`.
    func inferenceError(at n: NodeID, _ call: NodeID, _ message: String) {
        error(n, "in call to \(text(tree[call].fun)), \(message)")
    }

    /// "cannot infer T (declared at file:line:col)".
    func cannotInfer(_ tp: TypeID) -> String {
        guard case .typeParam(let i) = program.node(tp) else { return "cannot infer \(typeString(tp))" }
        let o = program.object(program.typeParams[Int(i)].object)
        guard o.package == pkg.index, Int(o.file) < files.count, o.offset >= 0 else { return "cannot infer \(o.name)" }
        let source = files[Int(o.file)].tree.source
        let p = source.position(of: Int(o.offset))
        return "cannot infer \(o.name) (declared at \(source.path):\(p.line):\(p.column))"
    }

    private func inferenceMismatch(_ p: TypeID, _ a: Operand, _ tps: [TypeID], _ bound: [TypeID: TypeID]) -> String {
        let what = "type \(typeString(a.type)) of \(text(a.node))"
        if bound.isEmpty || tps.allSatisfy({ bound[$0] == nil }) {
            return "\(what) does not match \(typeString(p)) (cannot infer \(typeParamList(tps)))"
        }
        let inferred = program.subst(p, bound)
        if inferred != p { return "\(what) does not match inferred type \(typeString(inferred)) for \(typeString(p))" }
        return "\(what) does not match \(typeString(p))"
    }

    /// "T", "K and V", "A, B, and C".
    private func typeParamList(_ tps: [TypeID]) -> String {
        let names = tps.map { typeString($0) }
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return names[0] + " and " + names[1]
        default: return names.dropLast().joined(separator: ", ") + ", and " + names.last!
        }
    }

    /// Unification of parameter type `p` with argument type `a`, binding type parameters of
    /// `tps`; false only where the spec's unification certainly fails.
    private func matches(_ p0: TypeID, _ a0: TypeID, _ tps: Set<TypeID>, _ bound: inout [TypeID: TypeID], exact: Bool) -> Bool {
        let p = program.unalias(p0), a = program.unalias(a0)
        if tps.contains(p) {
            guard let b = bound[p] else { bound[p] = a0; return true }
            return sameType(b, a, exact: exact)
        }
        if p == a || program.identical(p, a) { return true }
        if !containsTypeParams(p, tps) { return exact ? false : sameType(p, a, exact: false) }
        if program.isTypeParam(a) || program.isInterface(a) || program.isInterface(p) { return true }
        let pNamed: Bool = { if case .named = program.node(p) { return true }; return false }()
        let aNamed: Bool = { if case .named = program.node(a) { return true }; return false }()
        if pNamed && aNamed {
            guard case .named(let i) = program.node(p), case .named(let j) = program.node(a) else { return true }
            let x = program.named[Int(i)], y = program.named[Int(j)]
            guard let ox = x.origin, ox == y.origin, x.typeArgs.count == y.typeArgs.count else { return false }
            for (u, v) in zip(x.typeArgs, y.typeArgs) where !matches(u, v, tps, &bound, exact: true) { return false }
            return true
        }
        if pNamed != aNamed {
            if exact { return false }
            return matches(pNamed ? program.under(p) : p, aNamed ? program.under(a) : a, tps, &bound, exact: true)
        }
        switch (program.node(p), program.node(a)) {
        case (.pointer(let x), .pointer(let y)), (.slice(let x), .slice(let y)):
            return matches(x, y, tps, &bound, exact: true)
        case (.array(let n, let x), .array(let m, let y)):
            return n == m && matches(x, y, tps, &bound, exact: true)
        case (.map(let k1, let v1), .map(let k2, let v2)):
            return matches(k1, k2, tps, &bound, exact: true) && matches(v1, v2, tps, &bound, exact: true)
        case (.chan(_, let x), .chan(_, let y)):
            return matches(x, y, tps, &bound, exact: true)
        case (.signature(let s), .signature(let t)):
            guard s.params.count == t.params.count, s.results.count == t.results.count, s.variadic == t.variadic else { return false }
            for (x, y) in zip(s.params + s.results, t.params + t.results)
                where !matches(program.object(x).type, program.object(y).type, tps, &bound, exact: true) { return false }
            return true
        case (.structure(let s), .structure(let t)):
            guard s.fields.count == t.fields.count else { return false }
            for (x, y) in zip(s.fields, t.fields) {
                if program.object(x).name != program.object(y).name { return false }
                if !matches(program.object(x).type, program.object(y).type, tps, &bound, exact: true) { return false }
            }
            return true
        case (.pointer, _), (.slice, _), (.array, _), (.map, _), (.signature, _), (.structure, _), (.chan, _):
            return false
        default:
            return true
        }
    }

    /// Two types a type parameter was matched with agree: identical, or at the top level a
    /// defined type and a type literal with identical underlying types.
    private func sameType(_ x: TypeID, _ y: TypeID, exact: Bool) -> Bool {
        if program.identical(x, y) { return true }
        if program.isTypeParam(x) || program.isTypeParam(y) { return true }
        if exact { return false }
        let xNamed: Bool = { if case .named = program.node(program.unalias(x)) { return true }; return false }()
        let yNamed: Bool = { if case .named = program.node(program.unalias(y)) { return true }; return false }()
        if xNamed == yNamed { return false }
        return program.identical(program.under(x), program.under(y))
    }
}
