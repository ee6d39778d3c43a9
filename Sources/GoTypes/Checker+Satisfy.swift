import GoSyntax

/// Constraint satisfaction at instantiation: each type argument must satisfy its type
/// parameter's constraint, with the constraint's own type parameters replaced by the type
/// arguments. The check runs after the declaration at hand (a constraint may mention the
/// generic type being declared), like go/types' delayed verification.
///
/// A type argument satisfies a constraint when it has all of the constraint's methods, lies
/// in every term list the constraint embeds (`~int | string`), and is comparable when the
/// constraint embeds `comparable`. A type parameter argument satisfies it when its own
/// methods and terms fit; type sets that are themselves intersections of several term lists
/// are not compared (they are accepted).
extension Checker {
    /// Checks type arguments against their type parameters' constraints later; errors go to
    /// the type argument expression when there is one (`argNodes[i]`), else to `offset`.
    func verifyLater(_ tparams: [TypeID], _ targs: [TypeID], at offset: Int, argNodes: [NodeID]) {
        guard !tparams.isEmpty, tparams.count == targs.count else { return }
        let f = file
        delayed.append { [unowned self] in
            self.inFile(f) {
                var map: [TypeID: TypeID] = [:]
                for (p, a) in zip(tparams, targs) { map[p] = a }
                for (i, (p, a)) in zip(tparams, targs).enumerated() {
                    guard case .typeParam(let ti) = self.program.node(p) else { continue }
                    let bound = self.program.subst(self.program.typeParams[Int(ti)].constraint, map)
                    if let cause = self.unsatisfied(a, bound) {
                        if i < argNodes.count { self.error(argNodes[i], cause) } else { self.error(at: offset, cause) }
                        return
                    }
                }
            }
        }
    }

    /// Why `v` does not satisfy constraint `c`, in go/types' words; nil when it does.
    func unsatisfied(_ v: TypeID, _ c: TypeID) -> String? {
        if v.isInvalid || c.isInvalid || program.under(v).isInvalid { return nil }
        guard case .interface = program.node(program.under(c)) else { return nil }
        let vs = typeString(v), cs = typeString(c)
        if program.missingMethod(v, c) != nil, let cause = methodCause(v, c) {
            return "\(vs) does not satisfy \(cs) \(cause)"
        }
        let lists = termLists(c)
        if !lists.isEmpty {
            if program.isTypeParam(v) || program.isInterface(v) {
                let own = termLists(program.isTypeParam(v) ? constraintOf(v) : v)
                guard own.count <= 1 else { return nil }
                guard let vterms = own.first else { return "\(vs) does not satisfy \(cs)" }
                for list in lists where !vterms.allSatisfy({ vt in list.contains { includes($0, vt) } }) {
                    return "\(vs) does not satisfy \(cs)"
                }
            } else {
                for list in lists where !list.contains(where: { includes($0, UnionTerm(tilde: false, type: v)) }) {
                    if let alt = list.first(where: { !$0.tilde && program.identical($0.type, program.under($0.type))
                                                     && program.identical(program.under(v), $0.type) }) {
                        return "\(vs) does not satisfy \(cs) (possibly missing ~ for \(typeString(alt.type)) in \(cs))"
                    }
                    return "\(vs) does not satisfy \(cs) (\(vs) missing in \(termListString(list)))"
                }
            }
        }
        if embedsComparable(c) {
            var ok = program.comparable(v)
            if program.isTypeParam(v) {
                let bound = constraintOf(v)
                ok = embedsComparable(bound) || termLists(bound).contains { $0.allSatisfy { program.comparable($0.type) } }
            }
            if !ok { return "\(vs) does not satisfy comparable" }
        }
        return nil
    }

    /// "(missing method M)", "(method M has pointer receiver)" or "(wrong type for method M)".
    func methodCause(_ v: TypeID, _ c: TypeID) -> String? {
        guard let m = program.missingMethod(v, c) else { return nil }
        let r = program.object(m)
        if program.isTypeParam(v) || program.isInterface(v) {
            if case .method = program.lookup(v, name: r.name, pkg: r.package) { return "(wrong type for method \(r.name))" }
            return "(missing method \(r.name))"
        }
        return notAssertable(c, v) ?? "(missing method \(r.name))"
    }

    private func constraintOf(_ tp: TypeID) -> TypeID {
        guard case .typeParam(let i) = program.node(program.unalias(tp)) else { return .invalid }
        return program.typeParams[Int(i)].constraint
    }

    /// The term lists an interface embeds, directly or through embedded interfaces; the type
    /// set is the intersection of them.
    func termLists(_ c: TypeID) -> [[UnionTerm]] {
        guard case .interface(let it) = program.node(program.under(c)) else { return [] }
        var lists: [[UnionTerm]] = []
        for e in it.embeddeds {
            switch program.node(program.unalias(e)) {
            case .union(let ts):
                // A union of constraint interfaces that cannot be spelled as one term list is
                // not compared (the check accepts it).
                guard let flat = flattenedTerms(ts) else { return [] }
                lists.append(flat)
            default:
                if program.isInterface(e) { lists += termLists(e) } else { lists.append([UnionTerm(tilde: false, type: e)]) }
            }
        }
        return lists
    }

    /// True when the interface embeds `comparable`, directly or through embedded interfaces.
    func embedsComparable(_ c: TypeID) -> Bool {
        if program.unalias(c) == program.comparableType { return true }
        guard case .interface(let it) = program.node(program.under(c)) else { return false }
        return it.embeddeds.contains { program.isInterface($0) && embedsComparable($0) }
    }

    /// True when term `t` includes every type of term `u`.
    private func includes(_ t: UnionTerm, _ u: UnionTerm) -> Bool {
        if t.tilde { return program.identical(program.under(u.type), t.type) }
        return !u.tilde && program.identical(u.type, t.type)
    }

    private func termListString(_ list: [UnionTerm]) -> String {
        list.map { ($0.tilde ? "~" : "") + typeString($0.type) }.joined(separator: " | ")
    }
}
