/// Field and method lookup with embedding, interface method sets, and method sets.
extension Program {
    /// What a selector `x.name` denotes.
    public enum Selection: Sendable {
        /// A field, reached through the embedded fields at `path` (last index is the field).
        case field(ObjectID, path: [Int], indirect: Bool)
        /// A method (concrete or interface), reached through the embedded fields at `path`.
        case method(ObjectID, path: [Int], indirect: Bool)
        /// Several candidates at the shallowest depth.
        case ambiguous
        /// Nothing by that name.
        case notFound
    }

    /// All methods of an interface, embedded ones included, in method order.
    public func interfaceMethods(_ t: TypeID) -> [ObjectID] {
        let u = under(t)
        return withLock { interfaceMethodSet(u) }
    }

    /// `interfaceMethods` of an underlying type, with the lock held.
    private func interfaceMethodSet(_ u: TypeID) -> [ObjectID] {
        if let c = interfaceMethodCache[u] { return c }
        guard case .interface(let it) = node(u) else { return [] }
        interfaceMethodCache[u] = it.methods // guards against cycles
        var all = it.methods
        var names = Set(all.map { object($0).name })
        for e in it.embeddeds {
            let eu = under(e)
            guard case .interface = node(eu) else { continue }
            for m in interfaceMethodSet(eu) where !names.contains(object(m).name) {
                names.insert(object(m).name)
                all.append(m)
            }
        }
        all.sort { methodOrder($0, $1) }
        interfaceMethodCache[u] = all
        return all
    }

    /// The non-interface type terms of a constraint interface, or nil when it has none.
    public func interfaceTerms(_ t: TypeID) -> [TypeID]? {
        guard case .interface(let it) = node(under(t)) else { return nil }
        var terms: [TypeID] = []
        for e in it.embeddeds {
            if case .interface = node(under(e)) {
                if let inner = interfaceTerms(e) { terms += inner }
            } else {
                terms.append(e)
            }
        }
        return terms.isEmpty ? nil : terms
    }

    /// Looks up field or method `name` (exported, or unexported from package `pkg`) in `t`.
    public func lookup(_ t0: TypeID, name: String, pkg: Int32) -> Selection {
        if name == "_" { return .notFound }
        var t = unalias(t0)
        if case .typeParam(let i) = node(t) {
            let c = typeParams[Int(i)].constraint
            for m in interfaceMethods(c) where object(m).name == name && (object(m).isExported || object(m).package == pkg) {
                return .method(m, path: [], indirect: false)
            }
            return .notFound
        }
        if case .pointer(let e) = node(t), case .typeParam(let i) = node(unalias(e)) {
            let c = typeParams[Int(i)].constraint
            for m in interfaceMethods(c) where object(m).name == name && (object(m).isExported || object(m).package == pkg) {
                return .method(m, path: [], indirect: true)
            }
            return .notFound
        }
        if case .named = node(t), case .pointer = node(under(t)) {
            // A defined pointer type has no methods, but its base's fields are selectable
            // (`type PS *dch` makes `z.req` mean `(*z).req`): go/types looks in the underlying
            // pointer type and drops a method it finds there.
            let found = lookup(under(t), name: name, pkg: pkg)
            if case .method = found { return .notFound }
            return found
        }
        var indirect = false
        if case .pointer(let e) = node(t), case .named = node(unalias(e)) {
            t = unalias(e); indirect = true
        } else if case .pointer(let e) = node(under(t)), !isNamed(t) {
            // *struct{...}: fields are reachable through the pointer.
            t = unalias(e); indirect = true
        }
        func matches(_ o: ObjectID) -> Bool {
            let r = object(o)
            return r.name == name && (r.isExported || r.package == pkg)
        }
        struct Entry { var type: TypeID; var path: [Int]; var indirect: Bool }
        var current = [Entry(type: t, path: [], indirect: indirect)]
        var seen = Set<TypeID>()
        while !current.isEmpty {
            var next: [Entry] = []
            var found: Selection? = nil
            var count = 0
            for e in current {
                var typ = unalias(e.type)
                if case .named(let ni) = node(typ) {
                    if seen.contains(typ) { continue }
                    seen.insert(typ)
                    _ = ni
                    for m in methods(named: name, of: typ) where matches(m) {
                        count += 1
                        found = .method(m, path: e.path, indirect: e.indirect)
                    }
                    typ = under(typ)
                }
                switch node(typ) {
                case .structure(let s):
                    for (i, f) in s.fields.enumerated() {
                        let fr = object(f)
                        if matches(f) {
                            count += 1
                            found = .field(f, path: e.path + [i], indirect: e.indirect)
                            continue
                        }
                        if fr.embedded {
                            var ft = unalias(fr.type)
                            var ind = e.indirect
                            if case .pointer(let b) = node(ft) { ft = unalias(b); ind = true }
                            next.append(Entry(type: ft, path: e.path + [i], indirect: ind))
                        }
                    }
                case .interface:
                    for m in interfaceMethods(typ) where matches(m) {
                        count += 1
                        found = .method(m, path: e.path, indirect: e.indirect)
                    }
                default: break
                }
            }
            if count > 1 { return .ambiguous }
            if let f = found { return f }
            current = next
        }
        return .notFound
    }

    /// The methods of a named type (declared, not promoted), by name.
    public func declaredMethod(_ t: TypeID, _ name: String) -> ObjectID? {
        methods(named: name, of: t).first
    }

    /// The methods of named type `t` (declared, not promoted) called `name`, in declaration
    /// order. A type with many methods (generated API clients have thousands) is looked up in
    /// an index by name, made on first use and again once methods were added: a scan of every
    /// method per selection made checking such a type's method bodies grow with the square
    /// of their number.
    public func methods(named name: String, of t: TypeID) -> [ObjectID] {
        let all = methods(of: t)
        guard all.count > Self.indexedMethodCount else { return all.filter { object($0).name == name } }
        return withLock {
            if let index = methodIndex[t], index.count == all.count { return index.byName[name] ?? [] }
            var byName: [String: [ObjectID]] = [:]
            for m in all { byName[object(m).name, default: []].append(m) }
            methodIndex[t] = (all.count, byName)
            return byName[name] ?? []
        }
    }

    /// Above this many methods, `methods(named:of:)` reads an index rather than the list.
    static let indexedMethodCount = 32

    /// True when a method's receiver is a pointer.
    public func hasPointerReceiver(_ m: ObjectID) -> Bool {
        guard case .signature(let s) = node(object(m).type), let r = s.recv else { return false }
        if case .pointer = node(unalias(object(r).type)) { return true }
        return false
    }

    /// The first method of interface `iface` that `t` lacks (or has with a wrong type);
    /// nil when `t` implements it. `t`'s method set is that of a value (or of `*T` when
    /// `pointerOK`).
    public func missingMethod(_ t: TypeID, _ iface: TypeID, pointerOK: Bool = false) -> ObjectID? {
        for m in interfaceMethods(iface) {
            let mr = object(m)
            switch lookup(t, name: mr.name, pkg: mr.package) {
            case .method(let found, _, let indirect):
                if !identical(object(found).type, mr.type) { return m }
                if isInterface(t) || isTypeParam(t) { continue }
                if hasPointerReceiver(found) && !indirect && !pointerOK {
                    if case .pointer = node(unalias(t)) { continue }
                    return m
                }
            default:
                return m
            }
        }
        return nil
    }
}
