import GoSyntax

/// Type expressions and type declarations.
extension Checker {
    /// Evaluates a type expression and records it; `.invalid` after an error.
    func typeExpr(_ e: NodeID) -> TypeID {
        let x = expr(e, allowType: true)
        if x.mode == .invalid { return .invalid }
        if x.mode != .typexpr {
            error(e, "\(text(e)) is not a type")
            return .invalid
        }
        return x.type
    }

    /// Evaluates the type-literal forms (the operand is recorded by the caller).
    func typeLiteral(_ e: NodeID) -> TypeID {
        let n = tree[e]
        switch n.kind {
        case .arrayType:
            if !n.len.exists { return program.slice(typeExpr(n.elt)) }
            if kind(n.len) == .ellipsis {
                error(n.len, "invalid use of [...] array (outside a composite literal)")
                _ = typeExpr(n.elt)
                return .invalid
            }
            let len = arrayLength(n.len)
            let elem = typeExpr(n.elt)
            return len < 0 ? .invalid : program.array(len, elem)
        case .starExpr:
            return program.pointer(typeExpr(n.x))
        case .mapType:
            let k = typeExpr(n.key), v = typeExpr(n.value)
            if !k.isInvalid && !program.isTypeParam(k) && !program.comparable(k) {
                let f = file
                delayed.append { [unowned self] in
                    self.inFile(f) { if !self.program.comparable(k) { self.error(n.key, "invalid map key type \(self.typeString(k))") } }
                }
            }
            return program.map(k, v)
        case .chanType:
            let d: ChanDirection = n.dir == .send ? .send : (n.dir == .recv ? .recv : .both)
            return program.chan(d, typeExpr(n.value))
        case .funcType:
            let s = Scope(parent: scope, isFunction: true)
            return funcSignature(recv: .none, type: e, scope: s, typeParamsNode: .none)
        case .structType:
            return structType(e)
        case .interfaceType:
            return interfaceType(e)
        default:
            return .invalid
        }
    }

    /// The constant length of an array type, or -1 after an error.
    func arrayLength(_ e: NodeID) -> Int64 {
        let x = expr(e)
        if x.mode != .constant {
            if x.mode != .invalid { error(e, "array length \(text(e)) (value of type \(typeString(x.type))) must be constant") }
            return -1
        }
        if program.isUntyped(x.type) || program.basicKind(x.type)?.isInteger == true {
            if let v = x.value.integer, let i = v.int64, i >= 0 { return i }
        }
        error(e, "array length \(text(e)) must be a non-negative integer constant")
        return -1
    }

    func structType(_ e: NodeID) -> TypeID {
        var fields: [ObjectID] = []
        var tags: [String?] = []
        var seen: [String: Bool] = [:]
        let list = tree[tree[e].fields].list
        for f in list {
            let field = tree[f]
            let t = typeExpr(field.type)
            var tag: String? = nil
            // An empty tag is no tag: `struct{ x int "" }` and `struct{ x int }` are identical.
            if field.tag.exists, case .string(let b)? = ConstantValue.literal(.string, tree[field.tag].literal), !b.isEmpty {
                tag = String(decoding: b, as: UTF8.self)
            }
            if field.names.isEmpty {
                // Embedded field: the name is the type name.
                let name = embeddedName(field.type)
                var r = ObjectRecord(kind: .variable, name: name, package: pkg.index, type: t)
                r.variableKind = .field
                r.embedded = true
                r.file = Int32(file)
                r.offset = Int32(tree[embeddedIdent(field.type)].pos)
                let o = program.newObject(r)
                recordDef(embeddedIdent(field.type), o)
                if seen[name] == true && name != "_" { error(field.type, "\(name) redeclared") }
                seen[name] = true
                fields.append(o); tags.append(tag)
                continue
            }
            for n in field.names {
                let o = newObject(.variable, tree[n].identifier, ident: n, type: t, variableKind: .field)
                recordDef(n, o)
                let name = tree[n].identifier
                if seen[name] == true && name != "_" { error(n, "\(name) redeclared") }
                seen[name] = true
                fields.append(o); tags.append(tag)
            }
        }
        return program.structure(StructType(fields: fields, tags: tags))
    }

    func embeddedIdent(_ e: NodeID) -> NodeID {
        var t = e
        while true {
            switch kind(t) {
            case .starExpr, .parenExpr: t = tree[t].x
            case .indexExpr, .indexListExpr: t = tree[t].x
            case .selectorExpr: return tree[t].sel
            default: return t
            }
        }
    }

    func embeddedName(_ e: NodeID) -> String {
        let id = embeddedIdent(e)
        return kind(id) == .ident ? tree[id].identifier : "_"
    }

    func interfaceType(_ e: NodeID) -> TypeID {
        var methods: [ObjectID] = []
        var embeddeds: [TypeID] = []
        let list = tree[tree[e].methods].list
        for f in list {
            let field = tree[f]
            if let n = field.names.first {
                let name = tree[n].identifier
                let s = Scope(parent: scope, isFunction: true)
                let o = newObject(.function, name, ident: n)
                recordDef(n, o)
                let sig = funcSignature(recv: .none, type: field.type, scope: s, typeParamsNode: .none, interfaceMethodOf: o)
                program.setType(o, sig)
                recordType(field.type, mode: .type, type: sig)
                methods.append(o)
            } else {
                let k = kind(field.type)
                if (k == .unaryExpr && tree[field.type].token == .tilde) || (k == .binaryExpr && tree[field.type].token == .or) {
                    embeddeds.append(unionType(field.type))
                } else {
                    embeddeds.append(typeExpr(field.type))
                }
            }
        }
        let t = program.interface(methods: methods, embeddeds: embeddeds)
        // Receivers of interface methods have the interface type.
        for m in methods {
            if case .signature(var s) = program.node(program.object(m).type), let r = s.recv {
                program.setType(r, t)
                s.recv = r
            }
        }
        return t
    }

    /// Checks a function type: declares receiver, parameters and results in `scope`.
    func funcSignature(recv: NodeID, type: NodeID, scope s: Scope, typeParamsNode: NodeID,
                       interfaceMethodOf: ObjectID? = nil) -> TypeID {
        let saved = scope
        scope = s
        defer { scope = saved }
        let ft = tree[type]
        var recvObj: ObjectID? = nil
        let outerPending = pendingParams
        pendingParams = []
        defer { pendingParams = outerPending }
        let tps = collectTypeParams(typeParamsNode)
        var recvTPs: [TypeID] = []
        if recv.exists, let first = tree[recv].list.first {
            recvTPs = receiverTypeParams(tree[first].type) ?? []
        }
        if recv.exists {
            let vars = collectParams(recv, kind: .receiver, variadicOK: false).vars
            recvObj = vars.first
        } else if interfaceMethodOf != nil {
            recvObj = program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: .invalid,
                                                     variableKind: .receiver))
        }
        let (params, variadic) = collectParams(ft.params, kind: .parameter, variadicOK: true)
        let results = ft.results.exists ? collectParams(ft.results, kind: .result, variadicOK: false).vars : []
        // Parameters are in scope in the body only: declare them after all their types.
        for (ident, o) in pendingParams { declare(scope, ident, o) }
        return program.signature(SignatureType(recv: recvObj, typeParams: tps, params: params, results: results, variadic: variadic,
                                               recvTypeParams: recvTPs))
    }

    func collectParams(_ list: NodeID, kind vk: VariableKind, variadicOK: Bool) -> (vars: [ObjectID], variadic: Bool) {
        guard list.exists else { return ([], false) }
        var vars: [ObjectID] = []
        var variadic = false
        let fields = Array(tree[list].list)
        for (i, f) in fields.enumerated() {
            let field = tree[f]
            var te = field.type
            var isVariadic = false
            if kind(te) == .ellipsis {
                te = tree[te].elt
                isVariadic = true
                if !(variadicOK && i == fields.count - 1 && field.names.count <= 1) {
                    error(field.type, "can only use ... with final parameter in list")
                }
            }
            var t = typeExpr(te)
            if isVariadic {
                t = program.slice(t)
                variadic = true
                recordType(field.type, mode: .type, type: t)
            }
            if field.names.isEmpty {
                let o = program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: t,
                                                       file: Int32(file), offset: Int32(tree[field.type].pos), variableKind: vk))
                vars.append(o)
                continue
            }
            for n in field.names {
                let o = newObject(.variable, tree[n].identifier, ident: n, type: t, variableKind: vk)
                pendingParams.append((n, o))
                vars.append(o)
            }
        }
        return (vars, variadic)
    }

    /// Checks a type declaration.
    func typeDecl(_ obj: ObjectID, _ info: DeclInfo) {
        let spec = tree[info.spec]
        if spec.assignPos >= 0 {
            let alias = program.newAlias(obj, .invalid)
            program.setType(obj, alias)
            var actual = typeExpr(spec.type)
            // `type A = A`, or `type A = B` with `type B = A`: the right side leads back to this
            // alias. The cycle is an invalid recursive type, and the alias is invalid, as in
            // go/types, so that no later unalias follows the loop forever.
            if let others = program.aliasCycle(from: actual, to: alias) {
                reportCycle(objects: [obj] + others)
                actual = .invalid
            }
            if case .alias(let i) = program.node(alias) { program.aliases[Int(i)].actual = actual }
            return
        }
        let named = program.newNamed(obj)
        program.setType(obj, named)
        let ni = program.namedIndex(named)
        let saved = scope
        if spec.typeParams.exists {
            scope = Scope(parent: scope)
            // The type parameters are known before their constraints, which may mention the type.
            program.named[ni].typeParams = collectTypeParams(spec.typeParams) { self.program.named[ni].typeParams = $0 }
        }
        let rhs = typeExpr(spec.type)
        scope = saved
        var u = rhs
        if case .named(let ri) = program.node(program.unalias(rhs)) {
            u = program.under(rhs)
            // The right side is a defined type whose underlying type is not known yet (its own
            // declaration is in progress up the stack, or waits likewise): this one takes it
            // when it is, as go/types resolves a chain of defined types lazily.
            let r = Int(ri)
            if u.isInvalid && program.named[r].origin == nil && program.named[r].underlying.isInvalid && r != ni {
                waitingForUnderlying[r, default: []].append(ni)
            }
        }
        program.named[ni].underlying = program.unalias(u)
        settleUnderlying(of: ni)
        if isPackageLevel(obj) {
            collectMethods(obj, named)
        }
    }

    /// Gives the types waiting for named type `ni`'s underlying type (`waitingForUnderlying`)
    /// that type, and so on down the chain, once it is known.
    func settleUnderlying(of ni: Int) {
        let u = program.named[ni].underlying
        guard !u.isInvalid, let waiting = waitingForUnderlying.removeValue(forKey: ni) else { return }
        for w in waiting where program.named[w].underlying.isInvalid {
            program.named[w].underlying = u
            settleUnderlying(of: w)
        }
    }

    func isPackageLevel(_ obj: ObjectID) -> Bool { pkg.scope.lookupLocal(program.object(obj).name) == obj }

    func collectMethods(_ obj: ObjectID, _ named: TypeID) {
        let decls = receiverNames(of: program.object(obj).name).flatMap { methodDecls[$0] ?? [] }
        if decls.isEmpty { return }
        let ni = program.namedIndex(named)
        // The names so far, so that each method is checked against them at once rather than
        // against every method before it.
        var names = Set(program.named[ni].methods.map { program.object($0).name })
        for (f, d) in decls {
            guard let m = methodObjects[FileNode(file: Int32(f), node: d)] else { continue }
            let name = program.object(m).name
            if name != "_" && names.contains(name) && duplicateMethod(m, of: named, among: program.named[ni].methods) { continue }
            names.insert(name)
            program.named[ni].methods.append(m)
        }
        for (f, d) in decls {
            guard let m = methodObjects[FileNode(file: Int32(f), node: d)] else { continue }
            objDecl(m)
        }
    }
}
