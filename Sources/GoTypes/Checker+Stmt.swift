import GoSyntax

/// Statements and function bodies.
extension Checker {
    func funcBody(_ sig: TypeID, _ body: NodeID) {
        guard case .signature(let s) = program.node(sig) else { return }
        let saved = currentSignature
        currentSignature = s
        defer { currentSignature = saved }
        localVars.append([])
        stmtList(Array(tree[body].list), [])
        LabelResolver(checker: self).run(body)
        let locals = localVars.removeLast()
        for v in locals.sorted(by: { program.object($0).offset < program.object($1).offset }) where !usedVars.contains(v) {
            let r = program.object(v)
            if r.name != "_" { error(at: Int(r.offset), "declared and not used: \(r.name)") }
        }
        // The body's locals are out of scope from here on: no use is asked about them again.
        for v in locals { usedVars.remove(v) }
        if !s.results.isEmpty && !isTerminating(body, label: nil) {
            error(at: max(0, tree[body].rbrace), "missing return")
        }
    }

    /// Checks a statement list; only its last non-empty statement inherits `fallthroughOK`.
    func stmtList(_ list: [NodeID], _ ctx: StmtContext) {
        var count = list.count
        while count > 0 && kind(list[count - 1]) == .emptyStmt { count -= 1 }
        let inner = ctx.subtracting(.fallthroughOK)
        for (i, s) in list.prefix(count).enumerated() {
            stmt(s, ctx.contains(.fallthroughOK) && i + 1 == count ? inner.union(.fallthroughOK) : inner)
        }
    }

    func openScope() -> Scope {
        let saved = scope
        scope = Scope(parent: scope)
        return saved
    }

    func stmt(_ s: NodeID, _ ctx: StmtContext = []) {
        let n = tree[s]
        let inner = ctx.subtracting([.fallthroughOK, .finalSwitchCase, .inTypeSwitch])
        switch n.kind {
        case .emptyStmt, .badStmt: break
        case .declStmt: localDecl(n.decl)
        case .labeledStmt: stmt(n.stmt, ctx)
        case .exprStmt:
            let x = expr(n.x, allowVoid: true)
            if x.mode == .invalid { return }
            var inner = n.x
            while kind(inner) == .parenExpr { inner = tree[inner].x }
            let k = kind(inner)
            if k == .callExpr {
                let funFact = facts[file].exprs[tree[inner].fun]
                var isStatement = true
                if funFact?.mode == .type || x.mode == .typexpr {
                    isStatement = false
                } else if funFact?.mode == .builtin || x.mode == .constant {
                    var f = tree[inner].fun
                    while kind(f) == .parenExpr { f = tree[f].x }
                    let nameNode = kind(f) == .selectorExpr ? tree[f].sel : f
                    let name = kind(nameNode) == .ident ? tree[nameNode].identifier : ""
                    isStatement = ["clear", "close", "copy", "delete", "panic", "print", "println", "recover"].contains(name)
                        && kind(f) == .ident
                }
                if !isStatement { error(n.x, "\(text(n.x)) (\(describe(x))) is not used") }
                return
            }
            if k == .unaryExpr && tree[inner].token == .arrow { return }
            error(n.x, "\(text(n.x)) (\(describe(x))) is not used")
        case .sendStmt:
            let ch = singleValue(n.key.exists ? n.key : tree[s].x)
            var v = singleValue(n.value)
            if ch.mode == .invalid || v.mode == .invalid { return }
            guard case .chan(let d, let elem) = program.node(coreType(ch.type) ?? .invalid), d != .recv else {
                error(at: n.arrow >= 0 ? n.arrow : tree[s].pos, "invalid operation: " + channelProblem(ch, receive: false))
                return
            }
            assignment(&v, to: elem, context: "send")
        case .incDecStmt:
            var x = singleValue(n.x)
            if x.mode == .invalid { return }
            guard allKinds(x.type, { $0.isNumeric }) else {
                error(n.x, "invalid operation: \(text(n.x))\(n.token.text) (non-numeric type \(typeString(x.type)))")
                return
            }
            let one = Operand(mode: .constant, type: program.basicType(.untypedInt), value: .int(.one), node: .none)
            var y = one
            convertUntyped(&y, x.type)
            recordSynthetic(at: tree[n.x].pos, end: tree[n.x].pos + 1, type: x.type)
            x.mode = .value
            assignVar(n.x, &x)
        case .assignStmt:
            assignStmt(s)
        case .goStmt, .deferStmt:
            let c = n.call
            _ = expr(c, allowType: true, allowVoid: true)
            if kind(c) != .callExpr { error(c, "expression in \(n.kind == .goStmt ? "go" : "defer") must be function call") }
        case .returnStmt:
            let results = currentSignature?.results ?? []
            let values = Array(n.returnValues)
            if values.isEmpty {
                if !results.isEmpty && program.object(results[0]).name.isEmpty {
                    error(s, "not enough return values")
                }
                return
            }
            initVars(results, values, isReturn: true, at: s)
        case .branchStmt: branchStmt(s, ctx)
        case .blockStmt:
            let saved = openScope()
            stmtList(Array(n.list), inner)
            scope = saved
        case .ifStmt:
            let saved = openScope()
            if n.initStmt.exists { stmt(n.initStmt) }
            condition(n.cond)
            stmt(n.body, inner)
            if n.elseBranch.exists { stmt(n.elseBranch, inner) }
            scope = saved
        case .switchStmt: switchStmt(s, inner.union(.breakOK))
        case .typeSwitchStmt: typeSwitchStmt(s, inner.union([.breakOK, .inTypeSwitch]))
        case .selectStmt:
            multipleDefaults(Array(tree[n.body].list))
            for c in tree[n.body].list {
                let clause = tree[c]
                let saved = openScope()
                if clause.comm.exists { stmt(clause.comm) }
                stmtList(Array(clause.clauseBody), inner.union(.breakOK))
                scope = saved
            }
        case .forStmt:
            let saved = openScope()
            if n.initStmt.exists { stmt(n.initStmt) }
            if n.cond.exists { condition(n.cond) }
            if n.post.exists { stmt(n.post) }
            stmt(n.body, inner.union([.breakOK, .continueOK]))
            scope = saved
        case .rangeStmt: rangeStmt(s, inner.union([.breakOK, .continueOK]))
        default:
            error(s, "invalid statement")
        }
    }

    func noteLocal(_ o: ObjectID) {
        if !localVars.isEmpty { localVars[localVars.count - 1].append(o) }
    }

    func recordSynthetic(at offset: Int, end: Int, type: TypeID) {
        facts[file].synthetic.append(SyntheticFact(offset: offset, end: end, fact: ExprFact(mode: .constant, type: type, value: .int(.one))))
    }

    func condition(_ e: NodeID) {
        let x = singleValue(e)
        if x.mode != .invalid && program.basicKind(x.type)?.isBoolean != true {
            error(e, "non-boolean condition in if statement")
        }
    }

    func assignStmt(_ s: NodeID) {
        let n = tree[s]
        let lhs = Array(n.lhs), rhs = Array(n.rhs)
        switch n.token {
        case .define: shortVarDecl(s, lhs, rhs)
        case .assign: assignVars(lhs, rhs)
        default:
            guard lhs.count == 1, rhs.count == 1 else {
                error(s, "assignment operation \(n.token.text) requires single-valued expressions")
                return
            }
            let op: Token
            switch n.token {
            case .addAssign: op = .add
            case .subAssign: op = .sub
            case .mulAssign: op = .mul
            case .quoAssign: op = .quo
            case .remAssign: op = .rem
            case .andAssign: op = .and
            case .orAssign: op = .or
            case .xorAssign: op = .xor
            case .shlAssign: op = .shl
            case .shrAssign: op = .shr
            default: op = .andNot
            }
            var x = binary(.none, lhs[0], rhs[0], op, opPos: n.tokPos)
            if x.mode == .invalid { return }
            assignVar(lhs[0], &x)
        }
    }

    /// Assigns an evaluated value to an lhs expression.
    func assignVar(_ lhs: NodeID, _ x: inout Operand) {
        if let blank = blankTarget(lhs) {
            recordDef(blank, nil)
            assignment(&x, to: nil, context: "assignment")
            return
        }
        let z = lhsExpr(lhs)
        if z.mode == .invalid { assignment(&x, to: nil, context: "assignment"); return }
        if z.mode != .variable && z.mode != .mapindex {
            error(lhs, "cannot assign to \(text(lhs)) (neither addressable nor a map index expression)")
            return
        }
        assignment(&x, to: z.type, context: "assignment")
    }

    func lhsType(_ lhs: NodeID) -> TypeID? {
        if let blank = blankTarget(lhs) {
            recordDef(blank, nil)
            return nil
        }
        let z = lhsExpr(lhs)
        if z.mode == .invalid { return .invalid }
        if z.mode != .variable && z.mode != .mapindex {
            error(lhs, "cannot assign to \(text(lhs)) (neither addressable nor a map index expression)")
            return .invalid
        }
        return z.type
    }

    /// The blank identifier an assignment target is, parenthesised or not (`(_) = 0`).
    func blankTarget(_ lhs: NodeID) -> NodeID? {
        var inner = lhs
        while kind(inner) == .parenExpr { inner = tree[inner].x }
        return kind(inner) == .ident && tree[inner].identifier == "_" ? inner : nil
    }

    /// Evaluates an assignment target; a bare variable name is not a use of the variable.
    func lhsExpr(_ lhs: NodeID) -> Operand {
        var inner = lhs
        while kind(inner) == .parenExpr { inner = tree[inner].x }
        guard kind(inner) == .ident, let o = scope.lookup(tree[inner].identifier),
              program.object(o).kind == .variable, program.object(o).package == pkg.index else { return expr(lhs) }
        let wasUsed = usedVars.contains(o)
        let z = expr(lhs)
        if !wasUsed { usedVars.remove(o) }
        return z
    }

    func assignVars(_ lhs: [NodeID], _ rhs: [NodeID]) {
        if lhs.count == rhs.count {
            for i in 0..<lhs.count {
                let t = lhsType(lhs[i])
                var x = assignedValue(rhs[i], hint: t, targets: lhs.count)
                if t == .invalid { continue }
                assignment(&x, to: t, context: "assignment")
            }
            return
        }
        let types = lhs.map { lhsType($0) }
        guard rhs.count == 1 else {
            error(rhs[0], "assignment mismatch: \(lhs.count) variables but \(rhs.count) values")
            for r in rhs { _ = expr(r) }
            return
        }
        let values = multiValue(rhs[0], count: lhs.count)
        guard values.count == lhs.count else { return }
        var finalTypes: [TypeID] = []
        for (i, var v) in values.enumerated() {
            if types[i] == .invalid { finalTypes.append(v.type); continue }
            assignment(&v, to: types[i], context: "assignment")
            finalTypes.append(v.type)
        }
        recordCommaOK(rhs[0], values, finalTypes)
    }

    /// Evaluates a multi-value expression for `count` targets: a call's tuple or a comma-ok
    /// expression's value and boolean.
    func multiValue(_ e: NodeID, count: Int) -> [Operand] {
        let x = expr(e)
        if x.mode == .invalid { return [] }
        if case .tuple(let vars) = program.node(x.type) {
            if vars.count != count {
                error(e, "assignment mismatch: \(count) variable\(count == 1 ? "" : "s") but \(callName(e)) returns \(vars.count) value\(vars.count == 1 ? "" : "s")")
                return []
            }
            return vars.map { Operand(mode: .value, type: program.object($0).type, node: e) }
        }
        if x.mode == .commaok || x.mode == .mapindex, count == 2 {
            var v = x
            v.mode = .value
            return [v, Operand(mode: .value, type: program.basicType(.untypedBool), node: .none)]
        }
        error(e, "assignment mismatch: \(count) variables but 1 value")
        return []
    }

    /// Records the (value, ok) tuple type of a comma-ok expression.
    func recordCommaOK(_ e: NodeID, _ values: [Operand], _ finalTypes: [TypeID]) {
        guard values.count == 2, values[1].node == .none else { return }
        var t1 = finalTypes[1]
        if program.isUntyped(t1) { t1 = program.basicType(.bool) }
        let vars = [finalTypes[0], t1].map {
            program.newObject(ObjectRecord(kind: .variable, name: "", package: pkg.index, type: $0, variableKind: .local))
        }
        let tuple = program.tuple(vars)
        var n = e
        while true {
            if var f = facts[file].exprs[n] { f.type = tuple; facts[file].exprs[n] = f }
            if kind(n) == .parenExpr { n = tree[n].x } else { break }
        }
    }

    func shortVarDecl(_ s: NodeID, _ lhs: [NodeID], _ rhs: [NodeID]) {
        var vars: [ObjectID] = []
        var newVars: [(NodeID, ObjectID)] = []
        var anyNew = false
        for l in lhs {
            guard kind(l) == .ident else {
                error(l, "non-name \(text(l)) on left side of :=")
                _ = expr(l)
                continue
            }
            let name = tree[l].identifier
            if name != "_", let old = scope.lookupLocal(name) {
                recordUse(l, old)
                vars.append(old)
                continue
            }
            let o = newObject(.variable, name, ident: l)
            recordDef(l, o)
            vars.append(o)
            newVars.append((l, o))
            noteLocal(o)
            if name != "_" { anyNew = true }
        }
        initVars(vars, rhs, isReturn: false, at: s)
        for (l, o) in newVars {
            if program.object(o).name != "_" { scope.insert(program.object(o).name, o) }
            _ = l
        }
        if !anyNew { error(at: tree[s].tokPos, "no new variables on left side of :=") }
    }

    /// Initializes variables (or result variables for return) from expressions.
    func initVars(_ vars: [ObjectID], _ rhs: [NodeID], isReturn: Bool, at s: NodeID, declaration: Bool = false) {
        if isReturn {
            returnValues(vars, rhs)
            return
        }
        let context = declaration ? "variable declaration" : "assignment"
        if vars.count == rhs.count {
            for (i, v) in vars.enumerated() {
                let t = program.object(v).type
                var x = assignedValue(rhs[i], hint: t.isInvalid ? nil : t, targets: vars.count)
                // A result whose type is invalid was reported at its declaration.
                if isReturn && t.isInvalid { continue }
                initVar(v, &x, declaredType: t, context: context)
            }
            return
        }
        if rhs.count != 1 {
            error(s, "assignment mismatch: \(vars.count) variables but \(rhs.count) values")
            for r in rhs { _ = expr(r) }
            return
        }
        let values = multiValue(rhs[0], count: vars.count)
        guard values.count == vars.count else { return }
        var finalTypes: [TypeID] = []
        for (i, var x) in values.enumerated() {
            let t = program.object(vars[i]).type
            if !(isReturn && t.isInvalid) { initVar(vars[i], &x, declaredType: t, context: context) }
            finalTypes.append(x.type)
        }
        recordCommaOK(rhs[0], values, finalTypes)
    }

    /// Gives a variable its type from an initializer (or checks assignability to its type).
    func initVar(_ v: ObjectID, _ x: inout Operand, declaredType: TypeID, context: String = "variable declaration") {
        if x.mode == .invalid {
            if program.object(v).type.isInvalid { program.setType(v, .invalid) }
            return
        }
        if declaredType.isInvalid {
            var t = x.type
            if program.isUntyped(t) {
                if t == program.basicType(.untypedNil) {
                    error(x.node, "use of untyped nil in \(context)")
                    program.setType(v, .invalid)
                    return
                }
                t = program.defaultType(t)
            }
            program.setType(v, t)
            assignment(&x, to: t, context: context)
            return
        }
        assignment(&x, to: declaredType, context: context)
    }

    func localDecl(_ d: NodeID) {
        let decl = tree[d]
        guard decl.kind == .genDecl else { return }
        var lastType = NodeID.none
        var lastValues: [NodeID] = []
        var lastSpec = NodeID.none
        for (specIndex, s) in decl.specs.enumerated() {
            let spec = tree[s]
            switch spec.kind {
            case .valueSpec where decl.token == .kwConst:
                if spec.type.exists || !spec.values.isEmpty { lastType = spec.type; lastValues = Array(spec.values); lastSpec = s }
                arityMatch(s, constInit: lastSpec)
                var objs: [(NodeID, ObjectID)] = []
                let savedIota = iota
                iota = .int(BigInt(specIndex))
                for (i, nm) in spec.names.enumerated() {
                    let o = newObject(.constant, tree[nm].identifier, ident: nm)
                    var t = TypeID.invalid
                    if lastType.exists { t = typeExpr(lastType) }
                    var x: Operand = i < lastValues.count ? expr(lastValues[i]) : .invalid(.none)
                    constInit(o, &x, declaredType: t)
                    objs.append((nm, o))
                }
                iota = savedIota
                for (nm, o) in objs { declare(scope, nm, o) }
            case .valueSpec:
                arityMatch(s, constInit: nil)
                let names = Array(spec.names), values = Array(spec.values)
                var t = TypeID.invalid
                if spec.type.exists { t = typeExpr(spec.type) }
                var objs: [ObjectID] = []
                for nm in names {
                    let o = newObject(.variable, tree[nm].identifier, ident: nm, type: t)
                    recordDef(nm, o)
                    objs.append(o)
                    noteLocal(o)
                }
                if values.count == names.count || values.count == 1 {
                    initVars(objs, values, isReturn: false, at: s, declaration: true)
                } else if !values.isEmpty {
                    // A count mismatch (reported by arityMatch): each name takes its own value, if any.
                    for (i, o) in objs.enumerated() {
                        if i < values.count {
                            var x = singleValue(values[i], hint: t.isInvalid ? nil : t)
                            initVar(o, &x, declaredType: t, context: "variable declaration")
                        } else if t.isInvalid {
                            program.setType(o, .invalid)
                        }
                    }
                }
                for (i, nm) in names.enumerated() {
                    let name = tree[nm].identifier
                    if name != "_" && scope.insert(name, objs[i]) != nil { error(nm, "\(name) redeclared in this block") }
                }
            case .typeSpec:
                let o = newObject(.typeName, tree[spec.name].identifier, ident: spec.name)
                declare(scope, spec.name, o)
                typeDecl(o, DeclInfo(file: file, spec: s))
            default: break
            }
        }
    }

    func switchStmt(_ s: NodeID, _ ctx: StmtContext) {
        let n = tree[s]
        let saved = openScope()
        defer { scope = saved }
        if n.initStmt.exists { stmt(n.initStmt) }
        var x: Operand
        if n.tag.exists {
            x = singleValue(n.tag)
            assignment(&x, to: nil, context: "switch expression")
            if x.mode != .invalid && !program.comparable(x.type) && !program.hasNil(x.type) {
                error(n.tag, "cannot switch on \(text(n.tag))")
                x.mode = .invalid
            }
        } else {
            x = Operand(mode: .constant, type: program.basicType(.bool), value: .bool(true), node: .none)
        }
        var seen: [String: Bool] = [:]
        let clauses = Array(tree[n.body].list)
        multipleDefaults(clauses)
        for (ci, c) in clauses.enumerated() {
            let clause = tree[c]
            for v in clause.list {
                var y = singleValue(v)
                if x.mode == .invalid || y.mode == .invalid { continue }
                convertUntyped(&y, x.type)
                if y.mode == .invalid { continue }
                if y.mode == .constant, x.node != .none {
                    let key = y.value.dumpText + " " + program.typeString(y.type)
                    if seen[key] != nil { error(v, "duplicate case \(text(v)) in expression switch") }
                    seen[key] = true
                }
                var res = y
                var xx = x
                if x.node == .none {
                    // A missing tag is `true`: a case compares with it, so an interface value
                    // that can hold a bool is a valid case too (`case i:` with `i any`).
                    if program.basicKind(y.type)?.isBoolean != true && !(program.isInterface(y.type) && assignable(x, to: y.type)) {
                        error(v, "invalid case \(text(v)) in switch (mismatched types \(typeString(y.type)) and bool)")
                    }
                    continue
                }
                comparison(&res, &xx, .eql, v)
            }
            let inner = openScope()
            stmtList(Array(clause.clauseBody), ctx.union(ci + 1 < clauses.count ? .fallthroughOK : .finalSwitchCase))
            scope = inner
        }
    }

    func typeSwitchStmt(_ s: NodeID, _ ctx: StmtContext) {
        let n = tree[s]
        let saved = openScope()
        defer { scope = saved }
        if n.initStmt.exists { stmt(n.initStmt) }
        var lhs = NodeID.none
        var guardExpr = n.assign
        if kind(guardExpr) == .assignStmt {
            let a = tree[guardExpr]
            lhs = a.lhs.first ?? .none
            guardExpr = a.rhs.first ?? .none
        }
        if kind(guardExpr) == .exprStmt { guardExpr = tree[guardExpr].x }
        if lhs.exists && tree[lhs].identifier == "_" {
            error(lhs, "no new variable on left side of :=")
            lhs = .none
        }
        if lhs.exists { recordDef(lhs, nil) }
        let assertX = tree[guardExpr].x
        let x = singleValue(assertX)
        var xType = TypeID.invalid
        if x.mode != .invalid {
            if program.isTypeParam(x.type) {
                error(assertX, "cannot use type switch on type parameter value \(text(assertX)) (\(describe(x)))")
            } else if program.isInterface(x.type) { xType = x.type } else {
                error(assertX, "\(text(assertX)) (\(describe(x))) is not an interface")
            }
        }
        multipleDefaults(Array(tree[n.body].list))
        // The case types so far by identity hash: a type switch of thousands of cases compared
        // each case with every earlier one.
        var seen: [Int: [TypeID]] = [:]
        var clauseVars: [ObjectID] = []
        defer {
            if lhs.exists && tree[lhs].identifier != "_" && !clauseVars.contains(where: { usedVars.contains($0) }) {
                error(lhs, "\(tree[lhs].identifier) declared and not used")
            }
        }
        for c in tree[n.body].list {
            let clause = tree[c]
            var caseType: TypeID? = nil
            let list = Array(clause.list)
            for t in list {
                let tt: TypeID
                if kind(t) == .ident && tree[t].identifier == "nil", let o = scope.lookup("nil"), program.object(o).kind == .nilValue {
                    recordUse(t, o)
                    recordType(t, mode: .nilValue, type: program.basicType(.untypedNil))
                    tt = program.basicType(.untypedNil)
                } else {
                    tt = typeExpr(t)
                }
                caseType = tt
                if tt.isInvalid { continue }
                let hash = program.identityHash(tt)
                if seen[hash]?.contains(where: { $0 == tt || program.identical($0, tt) }) == true {
                    let what = tt == program.basicType(.untypedNil) ? "nil" : typeString(tt)
                    error(t, "duplicate case \(what) in type switch")
                    continue
                }
                seen[hash, default: []].append(tt)
                if !xType.isInvalid && tt != program.basicType(.untypedNil), let cause = notAssertable(xType, tt) {
                    error(t, "impossible type switch case: \(text(t))\n\t\(text(assertX)) (\(describe(x))) cannot have dynamic type \(typeString(tt)) \(cause)")
                }
            }
            let inner = openScope()
            if lhs.exists {
                var vt = xType
                if list.count == 1, let ct = caseType, !ct.isInvalid { vt = ct == program.basicType(.untypedNil) ? xType : ct }
                let o = newObject(.variable, tree[lhs].identifier, ident: lhs, type: vt)
                scope.insert(program.object(o).name, o)
                clauseVars.append(o)
            }
            stmtList(Array(clause.clauseBody), ctx)
            scope = inner
        }
    }

    func rangeStmt(_ s: NodeID, _ ctx: StmtContext) {
        let n = tree[s]
        let saved = openScope()
        defer { scope = saved }
        var x = singleValue(n.x)
        var keyT = TypeID.invalid, valT = TypeID.invalid
        var maxVars = 2
        if x.mode != .invalid {
            let u = coreType(x.type) ?? .invalid
            switch program.node(u) {
            case .basic(let k, _) where k.isString:
                keyT = program.basicType(.int); valT = program.runeType
            case .basic(let k, _) where k.isInteger:
                if program.isUntyped(x.type) {
                    assignment(&x, to: nil, context: "range clause")
                }
                keyT = x.type; maxVars = 1
            case .array(_, let e), .slice(let e):
                keyT = program.basicType(.int); valT = e
            case .pointer(let p):
                if case .array(_, let e) = program.node(program.under(p)) { keyT = program.basicType(.int); valT = e }
                else { error(n.x, "cannot range over \(text(n.x))") }
            case .map(let k, let v):
                keyT = k; valT = v
            case .chan(_, let e):
                keyT = e; maxVars = 1
            case .signature(let sig):
                if sig.params.count == 1, case .signature(let y) = program.node(program.under(program.object(sig.params[0]).type)) {
                    maxVars = y.params.count
                    if y.params.count > 0 { keyT = program.object(y.params[0]).type }
                    if y.params.count > 1 { valT = program.object(y.params[1]).type }
                } else {
                    error(n.x, "cannot range over \(text(n.x))")
                }
            default:
                error(n.x, "cannot range over \(text(n.x)) (\(describe(x)))")
            }
        }
        let lhs = [n.key, n.value]
        let types = [keyT, valT]
        if n.value.exists && maxVars < 2 { error(n.value, "range over \(text(n.x)) permits only one iteration variable") }
        if n.token == .define {
            var newVars: [ObjectID] = []
            for (i, l) in lhs.enumerated() where l.exists {
                let o = newObject(.variable, tree[l].identifier, ident: l, type: types[i])
                recordDef(l, o)
                newVars.append(o)
                noteLocal(o)
            }
            for o in newVars where program.object(o).name != "_" { scope.insert(program.object(o).name, o) }
        } else if n.token == .assign {
            for (i, l) in lhs.enumerated() where l.exists {
                let t = lhsType(l)
                if let t, !t.isInvalid, !types[i].isInvalid {
                    var v = Operand(mode: .value, type: types[i], node: l)
                    if !assignable(v, to: t) {
                        error(l, "cannot assign \(typeString(types[i])) to \(text(l)) (type \(typeString(t))) in range")
                        v.mode = .invalid
                    }
                }
            }
        }
        stmt(n.body, ctx)
    }
}

/// Where a statement is: which unlabelled branch statements it may be.
struct StmtContext: OptionSet {
    let rawValue: UInt8
    static let breakOK = StmtContext(rawValue: 1)
    static let continueOK = StmtContext(rawValue: 2)
    static let fallthroughOK = StmtContext(rawValue: 4)
    static let finalSwitchCase = StmtContext(rawValue: 8)
    static let inTypeSwitch = StmtContext(rawValue: 16)
}

extension Checker {
    /// Checks an unlabelled break, continue or fallthrough against its context (labelled
    /// branches are the label walk's).
    func branchStmt(_ s: NodeID, _ ctx: StmtContext) {
        let n = tree[s]
        if n.label.exists { return }
        switch n.token {
        case .kwBreak:
            if !ctx.contains(.breakOK) { error(s, "break not in for, switch, or select statement") }
        case .kwContinue:
            if !ctx.contains(.continueOK) { error(s, "continue not in for statement") }
        case .kwFallthrough:
            if ctx.contains(.fallthroughOK) { return }
            if ctx.contains(.finalSwitchCase) { error(s, "cannot fallthrough final case in switch") }
            else if ctx.contains(.inTypeSwitch) { error(s, "cannot fallthrough in type switch") }
            else { error(s, "fallthrough statement out of place") }
        default: break
        }
    }
}

extension Checker {
    /// Reports every default clause after the first of a switch or select.
    func multipleDefaults(_ clauses: [NodeID]) {
        var first: NodeID? = nil
        for c in clauses {
            let isDefault = kind(c) == .commClause ? !tree[c].comm.exists : tree[c].list.isEmpty
            guard isDefault else { continue }
            if let f = first {
                let p = tree[f].position
                error(c, "multiple defaults (first at \(tree.source.path):\(p.line):\(p.column))")
            } else {
                first = c
            }
        }
    }

    /// Why a value of interface type `iface` can never hold a `t` ("(missing method M)"), or nil
    /// when it can. Only a non-interface `t` is checked statically.
    func notAssertable(_ iface: TypeID, _ t: TypeID) -> String? {
        if program.isInterface(t) || program.isTypeParam(t) || program.isTypeParam(iface) { return nil }
        guard let m = program.missingMethod(t, iface) else { return nil }
        let name = program.object(m).name
        switch program.lookup(t, name: name, pkg: program.object(m).package) {
        case .method(let found, _, _):
            if program.identical(program.object(found).type, program.object(m).type) { return "(method \(name) has pointer receiver)" }
            return "(wrong type for method \(name))"
        default:
            return "(missing method \(name))"
        }
    }
}

extension Checker {
    /// The function expression of a call (`f` of `f()`), else the expression, for messages.
    func callName(_ e: NodeID) -> String {
        var n = e
        while kind(n) == .parenExpr { n = tree[n].x }
        return kind(n) == .callExpr ? text(tree[n].fun) : text(e)
    }

    /// A single value assigned to one of `targets` variables: a lone call returning several
    /// values is an assignment count mismatch, as go/types words it.
    func assignedValue(_ e: NodeID, hint: TypeID?, targets: Int) -> Operand {
        var inner = e
        while kind(inner) == .parenExpr { inner = tree[inner].x }
        guard targets == 1, kind(inner) == .callExpr else { return singleValue(e, hint: hint) }
        var x = expr(e, hint: hint)
        if x.mode != .invalid, case .tuple(let vs) = program.node(x.type) {
            error(e, "assignment mismatch: 1 variable but \(callName(e)) returns \(vs.count) value\(vs.count == 1 ? "" : "s")")
            x.mode = .invalid
        }
        return x
    }
}

extension Checker {
    /// The values of a return statement against the result variables: one expression per
    /// result, or one call returning all of them; count mismatches are reported at the first
    /// extra value (too many) or the last value (not enough).
    func returnValues(_ vars: [ObjectID], _ rhs: [NodeID]) {
        let context = "return statement"
        var inner = rhs.count == 1 ? rhs[0] : NodeID.none
        while inner.exists && kind(inner) == .parenExpr { inner = tree[inner].x }
        let isCall = inner.exists && kind(inner) == .callExpr
        if vars.count == rhs.count && !isCall {
            for (i, v) in vars.enumerated() {
                let t = program.object(v).type
                var x = singleValue(rhs[i], hint: t.isInvalid ? nil : t)
                initVar(v, &x, declaredType: t, context: context)
            }
            return
        }
        if rhs.count != 1 {
            for r in rhs { _ = expr(r) }
            error(rhs.count > vars.count ? rhs[vars.count] : rhs[rhs.count - 1],
                  "\(rhs.count < vars.count ? "not enough" : "too many") return values")
            return
        }
        let x = expr(rhs[0], hint: vars.count == 1 ? program.object(vars[0]).type : nil)
        if x.mode == .invalid { return }
        var values = [x]
        if case .tuple(let vs) = program.node(x.type) {
            values = vs.map { Operand(mode: .value, type: program.object($0).type, node: rhs[0]) }
        }
        if values.count != vars.count {
            error(rhs[0], "\(values.count < vars.count ? "not enough" : "too many") return values")
            return
        }
        for (i, var v) in values.enumerated() {
            initVar(vars[i], &v, declaredType: program.object(vars[i]).type, context: context)
        }
    }
}
