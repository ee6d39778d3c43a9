import GoSyntax

/// Methods and their receivers: which declared type a method belongs to (through aliases of
/// it), duplicate methods, and the receiver rules of the spec (a local defined type that is
/// not a pointer or interface, or a pointer to one).
extension Checker {
    /// The receiver base names (of `methodDecls`) that denote the type named `name`: the
    /// name itself and every package-level alias that leads to it through alias names and at
    /// most one pointer, as written in the source.
    func receiverNames(of name: String) -> [String] {
        if aliasReceivers == nil {
            var byBase: [String: [String]] = [:]
            for alias in methodDecls.keys.sorted() {
                if let base = aliasBase(alias), base != alias { byBase[base, default: []].append(alias) }
            }
            aliasReceivers = byBase
        }
        return [name] + (aliasReceivers?[name] ?? [])
    }

    /// The defined type an alias name stands for, following the alias declarations of the
    /// package syntactically; nil when it is not an alias of a local defined type.
    func aliasBase(_ name: String) -> String? {
        var current = name
        var pointer = false
        var seen: Set<String> = []
        while true {
            guard let o = pkg.scope.lookupLocal(current), program.object(o).kind == .typeName,
                  let info = declInfo[o], info.spec.exists else { return nil }
            let specTree = files[info.file].tree
            let spec = specTree[info.spec]
            if spec.assignPos < 0 { return current == name ? nil : current }
            if spec.typeParams.exists || seen.contains(current) { return nil }
            seen.insert(current)
            var t = spec.type
            while specTree.kind(t) == .parenExpr { t = specTree[t].x }
            if specTree.kind(t) == .starExpr {
                if pointer { return nil }
                pointer = true
                t = specTree[t].x
                while specTree.kind(t) == .parenExpr { t = specTree[t].x }
            }
            guard specTree.kind(t) == .ident else { return nil }
            current = specTree[t].identifier
        }
    }

    /// Reports a method whose name the type already has among its methods.
    func duplicateMethod(_ m: ObjectID, of named: TypeID, among methods: [ObjectID]) -> Bool {
        let r = program.object(m)
        guard r.name != "_", let other = methods.first(where: { program.object($0).name == r.name }) else { return false }
        let o = program.object(other)
        let at = files[Int(o.file)].tree.source
        let p = at.position(of: Int(o.offset))
        inFile(Int(r.file)) {
            error(at: Int(r.offset), "method \(typeString(named)).\(r.name) already declared at \(at.path):\(p.line):\(p.column)")
        }
        return true
    }

    /// Checks the spec's rules for a method's receiver type; `base` is the receiver's type
    /// expression without its pointer.
    func validReceiver(_ recv: ObjectID, base: NodeID) {
        let recvType = program.object(recv).type
        var t = recvType
        if case .pointer(let p) = program.node(program.unalias(t)) { t = p }
        let actual = program.unalias(t)
        if actual.isInvalid { return }
        switch program.node(actual) {
        case .named:
            guard program.object(program.named[program.namedIndex(actual)].object).package == pkg.index else {
                error(base, "cannot define new methods on non-local type \(typeString(t))")
                return
            }
            switch program.node(program.under(actual)) {
            case .basic(let k, _) where k == .unsafePointer:
                error(base, "invalid receiver type \(typeString(t)) (unsafe.Pointer)")
            case .pointer, .interface:
                error(base, "invalid receiver type \(typeString(t)) (pointer or interface type)")
            default: break
            }
        case .basic:
            error(base, "cannot define new methods on non-local type \(typeString(t))")
        default:
            error(base, "invalid receiver type \(typeString(recvType))")
        }
    }
}
