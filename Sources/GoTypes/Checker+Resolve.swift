import GoSyntax

/// Collecting package-level objects and checking them on demand (a declaration is checked
/// when first referenced, or in source order), with cycle detection by colouring.
extension Checker {
    func newObject(_ kind: ObjectKind, _ name: String, ident: NodeID, type: TypeID = .invalid,
                   variableKind: VariableKind = .local) -> ObjectID {
        var r = ObjectRecord(kind: kind, name: name, package: pkg.index, type: type)
        r.file = Int32(file)
        r.offset = ident.exists ? Int32(tree[ident].pos) : -1
        r.variableKind = variableKind
        return program.newObject(r)
    }

    func declare(_ s: Scope, _ ident: NodeID, _ obj: ObjectID) {
        let name = program.object(obj).name
        if ident.exists { recordDef(ident, obj) }
        if name == "_" { return }
        if s.insert(name, obj) != nil {
            error(ident, "\(name) redeclared in this block")
        }
    }

    /// Declares every package-level object of every file.
    func collectObjects() {
        for (fi, f) in files.enumerated() {
            enterFile(fi)
            let fileScope = Scope(parent: pkg.scope)
            fileScopes.append(fileScope)
            let root = f.root
            if root.name.exists {
                recordDef(root.name, nil)
                if tree[root.name].identifier == "_" { error(root.name, "invalid package name _") }
            }
            for d in root.decls {
                let decl = tree[d]
                if decl.kind == .funcDecl {
                    collectFunc(d)
                    continue
                }
                guard decl.kind == .genDecl else { continue }
                var lastType = NodeID.none
                var lastValues: [NodeID] = []
                var lastSpec = NodeID.none
                for (specIndex, s) in decl.specs.enumerated() {
                    let spec = tree[s]
                    switch spec.kind {
                    case .importSpec: collectImport(s, fileScope)
                    case .valueSpec where decl.token == .kwConst:
                        var inherited = false
                        if spec.type.exists || !spec.values.isEmpty {
                            lastType = spec.type
                            lastValues = Array(spec.values)
                            lastSpec = s
                        } else {
                            inherited = true
                        }
                        arityMatch(s, constInit: lastSpec)
                        for (i, n) in spec.names.enumerated() {
                            let obj = newObject(.constant, tree[n].identifier, ident: n)
                            declare(pkg.scope, n, obj)
                            declInfo[obj] = DeclInfo(file: fi, typeExpr: lastType,
                                                     initExpr: i < lastValues.count ? lastValues[i] : .none,
                                                     iota: specIndex, spec: s, inherited: inherited)
                        }
                    case .valueSpec:
                        let names = Array(spec.names)
                        let values = Array(spec.values)
                        arityMatch(s, constInit: nil)
                        var objs: [ObjectID] = []
                        for n in names {
                            let obj = newObject(.variable, tree[n].identifier, ident: n, variableKind: .package)
                            objs.append(obj)
                            declare(pkg.scope, n, obj)
                        }
                        for (i, obj) in objs.enumerated() {
                            var info = DeclInfo(file: fi, typeExpr: spec.type, spec: s)
                            if values.count == names.count { info.initExpr = values[i] }
                            else if values.count == 1 { info.initExpr = values[0]; info.lhs = objs }
                            declInfo[obj] = info
                        }
                    case .typeSpec:
                        let obj = newObject(.typeName, tree[spec.name].identifier, ident: spec.name)
                        declare(pkg.scope, spec.name, obj)
                        declInfo[obj] = DeclInfo(file: fi, spec: s)
                    default: break
                    }
                }
            }
        }
    }

    func collectImport(_ s: NodeID, _ fileScope: Scope) {
        let spec = tree[s]
        let lit = tree[spec.path].literal
        let path = String(lit.dropFirst().dropLast())
        let canonical = program.importAlias(ImportKey(importer: pkg.path, path: path)) ?? path
        let imported: TypesPackage
        if let p = program.registeredPackage(canonical) {
            imported = p
        } else {
            let reason = program.importFailure(canonical).map { " (\($0))" } ?? ""
            error(spec.path, "could not import \(path)\(reason)")
            imported = program.fakePackage(path)
        }
        var name = imported.name
        if spec.name.exists { name = tree[spec.name].identifier }
        if name == "." {
            var r = ObjectRecord(kind: .packageName, name: ".", package: pkg.index, type: .invalid)
            r.imported = imported.index
            r.file = Int32(file)
            r.offset = Int32(tree[spec.name].pos)
            recordDef(spec.name, program.newObject(r))
            for (n, o) in imported.scope.names where program.object(o).isExported { fileScope.insert(n, o) }
            return
        }
        var r = ObjectRecord(kind: .packageName, name: name, package: pkg.index, type: .invalid)
        r.imported = imported.index
        r.file = Int32(file)
        r.offset = Int32(spec.name.exists ? tree[spec.name].pos : tree[spec.path].pos)
        let obj = program.newObject(r)
        if imported.isFake { usedVars.insert(obj) }
        if spec.name.exists { recordDef(spec.name, obj) }
        if name != "_" {
            fileScope.insert(name, obj)
            importNames.append((file, obj, path))
        }
    }

    func collectFunc(_ d: NodeID) {
        let decl = tree[d]
        let nameNode = decl.name
        let name = tree[nameNode].identifier
        let obj = newObject(.function, name, ident: nameNode)
        declInfo[obj] = DeclInfo(file: file, funcDecl: d)
        if decl.recv.exists, let base = receiverBaseName(decl.recv) {
            recordDef(nameNode, obj)
            methodDecls[base, default: []].append((file, d))
            methodObjects[FileNode(file: Int32(file), node: d)] = obj
            return
        }
        if decl.recv.exists {
            recordDef(nameNode, obj)
            return
        }
        if name == "init" || name == "main" && pkg.name == "main" {
            let ft = tree[decl.type]
            if ft.typeParams.exists, let first = tree[ft.typeParams].list.first {
                error(first, "func \(name) must have no type parameters")
            }
            if (ft.params.exists && !tree[ft.params].list.isEmpty) || ft.results.exists {
                error(nameNode, "func \(name) must have no arguments and no return values")
            }
            recordDef(nameNode, obj)
            if name == "init" { return }
        }
        declare(pkg.scope, nameNode, obj)
    }

    /// The base type name of a receiver list (`T` of `(r *T[P])`).
    func receiverBaseName(_ recv: NodeID) -> String? {
        let list = tree[recv].list
        guard let f = list.first else { return nil }
        var t = tree[f].type
        while true {
            switch kind(t) {
            case .parenExpr: t = tree[t].x
            case .starExpr: t = tree[t].x
            case .indexExpr, .indexListExpr: t = tree[t].x
            case .ident: return tree[t].identifier
            default: return nil
            }
        }
    }

    /// Checks all package-level objects in source order, then queues function bodies.
    func checkPackageObjects() {
        let objs = declInfo.keys
        // Types first so that methods are attached before anything looks them up.
        for o in objs where program.object(o).kind == .typeName { objDecl(o) }
        for o in objs where program.object(o).kind != .typeName { objDecl(o) }
    }

    /// Checks a package-level object's declaration if not done yet.
    func objDecl(_ obj: ObjectID) {
        guard let info = declInfo[obj] else { return }
        if let st = declState[obj] {
            // A constant or variable met again while its initializer is checked: a cycle the
            // initialization order reports.
            _ = st
            return
        }
        declState[obj] = 1
        let savedDecl = currentDecl
        currentDecl = obj
        defer { currentDecl = savedDecl }
        let savedIota = iota, savedSig = currentSignature
        iota = nil
        currentSignature = nil
        inFile(info.file, scope: fileScopes[info.file]) {
            switch program.object(obj).kind {
            case .constant: constDecl(obj, info)
            case .variable: varDecl(obj, info)
            case .typeName: typeDecl(obj, info)
            case .function: funcDecl(obj, info)
            default: break
            }
        }
        iota = savedIota
        currentSignature = savedSig
        declState[obj] = 2
    }

    func constDecl(_ obj: ObjectID, _ info: DeclInfo) {
        iota = .int(BigInt(info.iota))
        var t = TypeID.invalid
        if info.typeExpr.exists {
            t = typeExpr(info.typeExpr)
            if let k = program.basicKind(t), !k.isConstType, !t.isInvalid {
                error(info.typeExpr, "invalid constant type \(typeString(t))")
                program.setType(obj, .invalid)
                return
            }
        }
        var x: Operand
        if info.initExpr.exists {
            x = expr(info.initExpr)
        } else {
            x = .invalid(.none)
        }
        constInit(obj, &x, declaredType: t)
        iota = nil
    }

    /// Finishes a constant from its initializer.
    func constInit(_ obj: ObjectID, _ x: inout Operand, declaredType t: TypeID) {
        if x.mode != .invalid && x.mode != .constant {
            error(x.node, "\(text(x.node)) (value of type \(typeString(x.type))) is not constant")
            x.mode = .invalid
        }
        if x.mode == .invalid {
            program.setType(obj, t.isInvalid ? .invalid : t)
            program.objects[Int(obj.raw)].value = .unknown
            return
        }
        if !t.isInvalid {
            assignment(&x, to: t, context: "constant declaration")
        }
        program.setType(obj, x.mode == .invalid ? .invalid : x.type)
        program.objects[Int(obj.raw)].value = x.mode == .invalid ? .unknown : x.value
    }

    func varDecl(_ obj: ObjectID, _ info: DeclInfo) {
        var t = TypeID.invalid
        if info.typeExpr.exists {
            t = typeExpr(info.typeExpr)
            program.setType(obj, t)
        }
        if !info.initExpr.exists {
            if t.isInvalid { program.setType(obj, .invalid) }
            return
        }
        if !info.lhs.isEmpty {
            for o in info.lhs { declState[o] = 1; if !t.isInvalid { program.setType(o, t) } }
            initVars(info.lhs, [info.initExpr], isReturn: false, at: info.initExpr, declaration: true)
            for o in info.lhs { declState[o] = 2 }
            return
        }
        var x = expr(info.initExpr, hint: t.isInvalid ? nil : t)
        initVar(obj, &x, declaredType: t)
    }

    func funcDecl(_ obj: ObjectID, _ info: DeclInfo) {
        let d = tree[info.funcDecl]
        let sigScope = Scope(parent: scope, isFunction: true)
        let sig = funcSignature(recv: d.recv, type: d.type, scope: sigScope, typeParamsNode: tree[d.type].typeParams)
        program.setType(obj, sig)
        if case .signature(let s) = program.node(sig), let recv = s.recv, let field = tree[d.recv].list.first {
            var base = tree[field].type
            while kind(base) == .parenExpr { base = tree[base].x }
            if kind(base) == .starExpr { base = tree[base].x }
            while kind(base) == .parenExpr { base = tree[base].x }
            validReceiver(recv, base: base)
        }
        if d.body.exists {
            let f = file
            delayed.append { [unowned self] in
                let saved = self.currentDecl
                self.currentDecl = obj
                self.inFile(f, scope: sigScope) { self.funcBody(sig, d.body) }
                self.currentDecl = saved
            }
        }
    }
}

extension Checker {
    /// Reports a const or var spec whose names and initializers do not pair up; `constInit` is
    /// the spec a constant spec takes its values from (itself or an earlier one; none when no
    /// earlier spec had any), nil for variable specs.
    func arityMatch(_ s: NodeID, constInit: NodeID?) {
        let spec = tree[s]
        let names = Array(spec.names)
        let own = Array(spec.values)
        let values = constInit.map { $0.exists ? Array(tree[$0].values) : [] } ?? own
        let l = names.count, r = values.count
        if constInit == nil && r == 0 {
            if !spec.type.exists { error(s, "missing type or init expr") }
        } else if l < r {
            if l < own.count {
                error(own[l], "extra init expr \(text(own[l]))")
            } else if let c = constInit {
                let p = tree[c].position
                error(s, "extra init expr at \(tree.source.path):\(p.line):\(p.column)")
            }
        } else if l > r && (constInit != nil || r != 1) {
            error(names[r], "missing init expr for \(tree[names[r]].identifier)")
        }
    }
}
