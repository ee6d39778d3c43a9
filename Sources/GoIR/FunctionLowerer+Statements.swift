import GoSyntax
import GoTypes

/// Statements: `x := v` as a declaration and an assignment, statement inits hoisted into a
/// block, unreachable statements and untaken constant branches dropped, loops with their
/// depth, `go`/`defer` calls moved into wrapper functions, range-over-func bodies into
/// literal functions.
extension FunctionLowerer {
    /// A statement list, without statements after a terminating one (unless a label follows).
    func statementList(_ list: NodeList) -> [IRNodeID] {
        var out: [IRNodeID] = []
        var lastLabel = -1
        for (i, s) in list.enumerated() where tree.kind(s) == .labeledStmt { lastLabel = i }
        var dead = false
        for (i, s) in list.enumerated() {
            if dead && i > lastLabel && tree.kind(s) != .labeledStmt { continue }
            statement(s, into: &out)
            dead = terminates(s)
        }
        return out
    }

    /// True when a statement ends control flow as the front end's dead-code pruning sees it.
    func terminates(_ s: NodeID) -> Bool {
        let n = tree[s]
        switch n.kind {
        case .branchStmt: return n.token == .kwGoto
        case .returnStmt: return true
        case .exprStmt:
            let x = unparen(n.x)
            return tree.kind(x) == .callExpr && builtin(tree[x].fun) == .panic
        case .ifStmt:
            let v = staticBool(n.cond).value
            let c: Bool? = v == 0 ? nil : v > 0
            let thenEnds = terminates(n.body)
            let elseEnds = n.elseBranch.exists && terminates(n.elseBranch)
            return (c == false || thenEnds) && (c == true || elseEnds)
        case .blockStmt:
            guard let last = n.list.last(where: { tree.kind($0) != .emptyStmt }) else { return false }
            return terminates(last)
        default: return false
        }
    }

    func constantBool(_ e: NodeID) -> Bool? {
        if case .bool(let b)? = fact(e)?.value { return b }
        return nil
    }

    /// Appends the lowered statement (and the statements its expressions need first).
    func statement(_ s: NodeID, into out: inout [IRNodeID], label: Int32 = -1) {
        guard s.exists else { return }
        let saved = prelude
        prelude = []
        var produced: [IRNodeID] = []
        lowerStatement(s, into: &produced, label: label)
        out += prelude
        out += produced
        prelude = saved
    }

    private func lowerStatement(_ s: NodeID, into out: inout [IRNodeID], label: Int32) {
        let n = tree[s]
        switch n.kind {
        case .exprStmt:
            let x = expr(n.x)
            if function[x].op == .call || function[x].op == .callInterface || function[x].op == .builtin {
                function.nodes[Int(x.raw)].flags.insert(.resultUnused)
            }
            out.append(x)
        case .assignStmt: assignment(s, into: &out)
        case .incDecStmt:
            let x = expr(n.x)
            let one = literal(.int(BigInt(1)), type: function[x].type, at: pos(n.tokPos))
            markReassigned(x)
            out.append(function.add(.assignOp, pos: pos(n.tokPos), a: x, b: one,
                                    aux: Int32((n.token == .inc ? Token.add : Token.sub).rawValue)))
        case .declStmt: declaration(n.decl, into: &out)
        case .returnStmt: returnStatement(s, into: &out)
        case .blockStmt:
            out.append(function.add(.block, pos: pos(n.lbrace), list: statementList(n.list)))
        case .ifStmt: out.append(withInit(n.initStmt) { ifStatement(s) })
        case .forStmt: out.append(withInit(n.initStmt) { forStatement(s, label: label) })
        case .rangeStmt:
            if program.signatureOf(typeOf(n.x)) != nil {
                rangeOverFunction(s, into: &out)
            } else {
                out.append(rangeStatement(s, label: label))
            }
        case .switchStmt: out.append(withInit(n.initStmt) { switchStatement(s, label: label) })
        case .typeSwitchStmt: out.append(withInit(n.initStmt) { typeSwitch(s, label: label) })
        case .selectStmt: out.append(selectStatement(s, label: label))
        case .labeledStmt:
            let name = tree[n.label].identifier
            let index = function.labelIndex(name)
            out.append(function.add(.label, pos: pos(tree[n.label].pos), aux2: index))
            statement(n.stmt, into: &out, label: index)
        case .branchStmt: branch(s, into: &out)
        case .sendStmt:
            let c = expr(n.x)
            let v = convert(n.value, to: program.elementType(function[c].type))
            out.append(function.add(.send, pos: pos(n.arrow), a: c, b: v))
        case .goStmt, .deferStmt: goDefer(s, into: &out)
        default: break
        }
    }

    /// A statement with an init statement: both in a synthetic block.
    private func withInit(_ initStmt: NodeID, _ body: () -> IRNodeID) -> IRNodeID {
        guard initStmt.exists else { return body() }
        var stmts: [IRNodeID] = []
        statement(initStmt, into: &stmts)
        let saved = prelude
        prelude = []
        let main = body()
        stmts += prelude + [main]
        prelude = saved
        return function.add(.block, pos: function[main].pos, list: stmts, flags: .synthetic)
    }

    // MARK: Assignments and declarations

    func assignment(_ s: NodeID, into out: inout [IRNodeID]) {
        let n = tree[s]
        let at = pos(n.tokPos)
        let lhs = Array(n.lhs), rhs = Array(n.rhs)
        if n.token != .assign && n.token != .define {
            let x = expr(lhs[0])
            let y = n.token == .shlAssign || n.token == .shrAssign ? expr(rhs[0]) : convert(rhs[0], to: function[x].type)
            markReassigned(x)
            out.append(function.add(.assignOp, pos: at, a: x, b: y, aux: Int32(Self.binaryOperator(n.token).rawValue)))
            return
        }
        let define = n.token == .define
        // Multi-value call on the right: temporaries, then the assignment from them.
        if rhs.count == 1 && lhs.count > 1, case .tuple(let results) = program.node(typeOf(rhs[0])) {
            // Declared names come before the call's temporaries (the compiler numbers a
            // temporary by the declarations before it).
            let targets = define ? lhs.map { assignee($0, define: true, valueType: nil) } : nil
            let values = multiValue(rhs[0], results.map { program.object($0).type }, statement: at)
            out += prelude
            prelude = []
            assignValues(lhs, values.map { .lowered($0) }, define: define, at: at, into: &out, targets: targets)
            return
        }
        // Comma-ok forms.
        if rhs.count == 1 && lhs.count == 2 {
            let r = unparen(rhs[0])
            var op: IROp? = nil
            switch tree.kind(r) {
            case .typeAssertExpr: op = .assignDotType
            case .indexExpr: op = .assignMapRead
            case .unaryExpr where tree[r].token == .arrow: op = .assignRecv
            default: break
            }
            if let op {
                let value = expr(r)
                let targets = lhs.map { assignee($0, define: define, valueType: nil) }
                out += targets.compactMap(\.declaration)
                let node = function.add(op, pos: at, a: value, list: targets.map(\.node), flags: define ? .define : [])
                finishTargets(targets, node: node)
                out.append(node)
                return
            }
        }
        assignValues(lhs, rhs.map { .source($0) }, define: define, at: at, into: &out)
    }

    enum AssignedValue {
        case source(NodeID)
        case lowered(IRNodeID)
    }

    /// A left-hand side: its node, the declaration it needs (for `:=` of a new variable) and
    /// whether it defines the variable.
    struct Assignee {
        var node: IRNodeID
        var declaration: IRNodeID?
        var defines: Bool
    }

    func assignee(_ e: NodeID, define: Bool, valueType: TypeID?) -> Assignee {
        if isBlank(e) { return Assignee(node: .none, declaration: nil, defines: false) }
        let x = unparen(e)
        if define, tree.kind(x) == .ident, let o = facts.defs[x] ?? nil {
            let r = program.object(o)
            let v = declare(name: r.name, type: r.type, object: o, varClass: .local, pos: pos(tree[x].pos))
            let decl = function.add(.declare, pos: pos(tree[x].pos), aux: v.raw)
            return Assignee(node: nameNode(v, at: pos(tree[x].pos)), declaration: decl, defines: true)
        }
        return Assignee(node: expr(e), declaration: nil, defines: false)
    }

    private func finishTargets(_ targets: [Assignee], node: IRNodeID) {
        for t in targets where t.node.exists {
            if t.defines { function.variables[Int(function[t.node].aux)].definition = node }
            else { markReassigned(t.node) }
        }
    }

    /// `l1, l2 = r1, r2` (or a single `l = r`) with conversions to the left types; `targets`
    /// when the left side was already declared.
    func assignValues(_ lhs: [NodeID], _ rhs: [AssignedValue], define: Bool, at: IRPos, into out: inout [IRNodeID],
                      targets declared: [Assignee]? = nil) {
        let targets = declared ?? lhs.map { assignee($0, define: define, valueType: nil) }
        var values: [IRNodeID] = []
        for (i, r) in rhs.enumerated() {
            let target = targets[i].node.exists ? function[targets[i].node].type : TypeID.invalid
            switch r {
            case .source(let e): values.append(target.isInvalid ? expr(e) : convert(e, to: target))
            case .lowered(let v): values.append(target.isInvalid ? v : implicitConversion(v, to: target, at: at))
            }
        }
        out += prelude
        prelude = []
        out += targets.compactMap(\.declaration)
        let node: IRNodeID
        if targets.count == 1 {
            node = function.add(.assign, pos: at, a: targets[0].node, b: values[0], flags: define ? .define : [])
        } else {
            node = function.add(.assignList, pos: at, list: targets.map(\.node), list2: values, flags: define ? .define : [])
        }
        finishTargets(targets, node: node)
        out.append(node)
    }

    static func binaryOperator(_ t: Token) -> Token {
        switch t {
        case .addAssign: return .add
        case .subAssign: return .sub
        case .mulAssign: return .mul
        case .quoAssign: return .quo
        case .remAssign: return .rem
        case .andAssign: return .and
        case .orAssign: return .or
        case .xorAssign: return .xor
        case .shlAssign: return .shl
        case .shrAssign: return .shr
        case .andNotAssign: return .andNot
        default: return t
        }
    }

    /// `var` declarations in a body (constants and types lower to nothing).
    func declaration(_ d: NodeID, into out: inout [IRNodeID]) {
        let g = tree[d]
        guard g.kind == .genDecl, g.token == .kwVar else { return }
        for spec in g.specs {
            let sp = tree[spec]
            let names = Array(sp.names)
            let values = Array(sp.values)
            let at = pos(tree[names[0]].pos)
            if values.isEmpty {
                for nm in names {
                    let a = assignee(nm, define: true, valueType: nil)
                    guard a.node.exists else { continue }
                    out += a.declaration.map { [$0] } ?? []
                    let node = function.add(.assign, pos: pos(tree[nm].pos), a: a.node, flags: .define)
                    finishTargets([a], node: node)
                    out.append(node)
                }
                continue
            }
            if values.count == 1 && names.count > 1, case .tuple(let results) = program.node(typeOf(values[0])) {
                let targets = names.map { assignee($0, define: true, valueType: nil) }
                let lowered = multiValue(values[0], results.map { program.object($0).type }, statement: at)
                out += prelude
                prelude = []
                assignValues(names, lowered.map { .lowered($0) }, define: true, at: at, into: &out, targets: targets)
                continue
            }
            if values.count == 1 && names.count == 2 {
                // `var v, ok = m[k]` and the other comma-ok forms.
                let fake = values[0]
                let r = unparen(fake)
                let op: IROp? = tree.kind(r) == .typeAssertExpr ? .assignDotType : tree.kind(r) == .indexExpr ? .assignMapRead
                    : (tree.kind(r) == .unaryExpr && tree[r].token == .arrow) ? .assignRecv : nil
                if let op {
                    let value = expr(r)
                    let targets = names.map { assignee($0, define: true, valueType: nil) }
                    out += targets.compactMap(\.declaration)
                    let node = function.add(op, pos: at, a: value, list: targets.map(\.node), flags: .define)
                    finishTargets(targets, node: node)
                    out.append(node)
                    continue
                }
            }
            for (i, nm) in names.enumerated() where i < values.count {
                assignValues([nm], [.source(values[i])], define: true, at: pos(tree[nm].pos), into: &out)
            }
        }
    }

    /// Package-level `var` declarations: assignments in the package initialiser.
    func packageVariables(_ d: NodeID) {
        let g = tree[d]
        for spec in g.specs {
            let sp = tree[spec]
            let names = Array(sp.names)
            let values = Array(sp.values)
            guard !values.isEmpty else { continue }
            var out: [IRNodeID] = []
            prelude = []
            let at = pos(tree[names[0]].pos)
            if values.count == 1 && names.count > 1, case .tuple(let results) = program.node(typeOf(values[0])) {
                startLiteralNumbering(values[0])
                let lowered = multiValue(values[0], results.map { program.object($0).type }, statement: at)
                out += prelude
                prelude = []
                assignValues(names, lowered.map { .lowered($0) }, define: false, at: at, into: &out)
            } else {
                for (i, nm) in names.enumerated() where i < values.count {
                    startLiteralNumbering(values[i])
                    assignValues([nm], [.source(values[i])], define: false, at: pos(tree[nm].pos), into: &out)
                }
            }
            pendingTopLevel += out
        }
    }

    /// Numbers the package-level literals of an initializer from where initialization order
    /// puts them.
    private func startLiteralNumbering(_ value: NodeID) {
        if let base = package.literalBases?[PackageInitOrder.Initializer(file: file, value: value)] {
            package.globalLiteralCount = base
        }
    }

    // MARK: Control flow

    func returnStatement(_ s: NodeID, into out: inout [IRNodeID]) {
        let n = tree[s]
        let at = pos(n.pos)
        if function.kind == .rangeBody {
            rangeReturn(Array(n.returnValues), at: at, into: &out)
            return
        }
        let results = function.results.map { function[$0].type }
        let exprs = Array(n.returnValues)
        var values: [IRNodeID] = []
        if exprs.count == 1 && results.count > 1, case .tuple(let rs) = program.node(typeOf(exprs[0])) {
            values = zip(multiValue(exprs[0], rs.map { program.object($0).type }, statement: at), results)
                .map { implicitConversion($0, to: $1, at: at) }
        } else {
            for (i, e) in exprs.enumerated() {
                values.append(convert(e, to: i < results.count ? results[i] : .invalid))
            }
        }
        out.append(function.add(.returnStmt, pos: at, list: values))
    }

    func ifStatement(_ s: NodeID) -> IRNodeID {
        let n = tree[s]
        let (v, kept) = staticBool(n.cond)
        let c: Bool? = v == 0 ? nil : v > 0
        let cond = expr(kept)
        let thenList = c == false ? [] : statementList(tree[n.body].list)
        var elseList: [IRNodeID] = []
        if n.elseBranch.exists && c != true {
            if tree.kind(n.elseBranch) == .blockStmt {
                elseList = statementList(tree[n.elseBranch].list)
            } else {
                statement(n.elseBranch, into: &elseList)
            }
        }
        if c != nil {
            // A static condition: the front end flattens the `if` into a block of the taken
            // branch, after `_ = cond` when the condition is not a constant (for its effects).
            var stmts: [IRNodeID] = []
            if function[cond].op != .literal { stmts.append(function.add(.assign, pos: pos(n.pos), b: cond)) }
            return function.add(.block, pos: pos(n.pos), list: stmts + thenList + elseList)
        }
        return function.add(.ifStmt, pos: pos(n.pos), a: cond, list: thenList, list2: elseList)
    }

    func forStatement(_ s: NodeID, label: Int32) -> IRNodeID {
        let n = tree[s]
        if perIteration, n.initStmt.exists { markPerIteration(from: function.variables.count - countDeclared(n.initStmt)) }
        loopDepth += 1
        loopNesting += 1
        breakNesting += 1
        defer { loopDepth -= 1; loopNesting -= 1; breakNesting -= 1 }
        let cond = n.cond.exists ? expr(n.cond) : IRNodeID.none
        var post: [IRNodeID] = []
        statement(n.post, into: &post)
        let postNode = post.count == 1 ? post[0] : post.isEmpty ? IRNodeID.none
            : function.add(.block, pos: function[post[0]].pos, list: post, flags: .synthetic)
        let body = statementList(tree[n.body].list)
        return function.add(.forStmt, pos: pos(n.pos), a: cond, b: postNode, list: body, aux2: label,
                            flags: perIteration ? .distinctVars : [])
    }

    /// The number of variables an init statement `i := 0` declared.
    private func countDeclared(_ s: NodeID) -> Int {
        let n = tree[s]
        guard n.kind == .assignStmt, n.token == .define else { return 0 }
        return n.lhs.filter { !isBlank($0) && (facts.defs[$0] ?? nil) != nil }.count
    }

    private func markPerIteration(from first: Int) {
        for i in max(0, first)..<function.variables.count where function.variables[i].varClass == .local {
            function.variables[i].flags.insert(.perIteration)
        }
    }

    func rangeStatement(_ s: NodeID, label: Int32) -> IRNodeID {
        let n = tree[s]
        let x = rangeOperand(n.x, bindsValue: n.value.exists)
        let define = n.token == .define
        let first = function.variables.count
        let key = n.key.exists && !isBlank(n.key) ? assignee(n.key, define: define, valueType: nil) : nil
        let value = n.value.exists && !isBlank(n.value) ? assignee(n.value, define: define, valueType: nil) : nil
        if perIteration && define { markPerIteration(from: first) }
        var decls: [IRNodeID] = []
        if let d = key?.declaration { decls.append(d) }
        if let d = value?.declaration { decls.append(d) }
        loopDepth += 1
        loopNesting += 1
        breakNesting += 1
        let body = statementList(tree[n.body].list)
        loopDepth -= 1
        loopNesting -= 1
        breakNesting -= 1
        // `aux`: how many `_` the loop writes as its key or value (each is a node the inliner counts).
        let blanks = [n.key, n.value].filter { $0.exists && isBlank($0) }.count
        let node = function.add(.rangeStmt, type: function[x].type, pos: pos(n.rangePos), a: x,
                                b: key?.node ?? .none, c: value?.node ?? .none, list: body, list2: decls,
                                aux: Int32(blanks), aux2: label, flags: (define ? IRFlags.define : IRFlags()).union(perIteration ? IRFlags.distinctVars : IRFlags()))
        for t in [key, value].compactMap({ $0 }) where t.node.exists {
            if t.defines { function.variables[Int(function[t.node].aux)].definition = node } else { markReassigned(t.node) }
        }
        return node
    }

    func switchStatement(_ s: NodeID, label: Int32) -> IRNodeID {
        let n = tree[s]
        var clauses: [IRNodeID] = []
        breakNesting += 1
        defer { breakNesting -= 1 }
        if let target = constantSwitchTarget(s) {
            // A constant tag: only the clause it selects is kept, as the default clause of a
            // switch without tag.
            if let clause = target {
                let body = statementList(tree[clause].clauseBody)
                clauses.append(function.add(.caseClause, pos: pos(tree[clause].pos), list2: body, flags: .isDefault))
            }
            return function.add(.switchStmt, pos: pos(n.pos), list: clauses, aux2: label)
        }
        let tag = n.tag.exists ? expr(n.tag) : IRNodeID.none
        let tagType = tag.exists ? function[tag].type : program.basicType(.bool)
        for clause in tree[n.body].list {
            let c = tree[clause]
            let values = c.list.map { v -> IRNodeID in
                tag.exists ? convertCase(v, tagType) : expr(v)
            }
            let body = statementList(c.clauseBody)
            clauses.append(function.add(.caseClause, pos: pos(c.pos), list: values, list2: body,
                                        flags: c.list.isEmpty ? .isDefault : []))
        }
        return function.add(.switchStmt, pos: pos(n.pos), a: tag, list: clauses, aux2: label)
    }

    private func convertCase(_ v: NodeID, _ tagType: TypeID) -> IRNodeID {
        if program.isInterface(tagType) { return convert(v, to: tagType) }
        let vt = typeOf(v)
        if program.isInterface(vt) { return expr(v) }
        return convert(v, to: tagType)
    }

    func typeSwitch(_ s: NodeID, label: Int32) -> IRNodeID {
        let n = tree[s]
        let a = tree[n.assign]
        var guardExpr: NodeID
        var symbol: NodeID = .none
        if a.kind == .assignStmt {
            symbol = a.lhs[0]
            guardExpr = a.rhs[0]
        } else {
            guardExpr = a.x
        }
        guardExpr = unparen(guardExpr)
        let x = expr(tree[guardExpr].x)
        var clauses: [IRNodeID] = []
        breakNesting += 1
        defer { breakNesting -= 1 }
        for clause in tree[n.body].list {
            let c = tree[clause]
            let types = c.list.map { t -> IRNodeID in
                if fact(t)?.mode == .nilValue || program.basicKind(typeOf(t)) == .untypedNil {
                    return function.add(.nilValue, type: typeOf(t), pos: pos(tree[t].pos))
                }
                return typeOperand(typeOf(t), at: pos(tree[t].pos))
            }
            var variable = IRNodeID.none
            if symbol.exists, let o = clauseObject(clause, symbol: symbol) {
                let r = program.object(o)
                let v = declare(name: r.name, type: r.type, object: o, varClass: .local, pos: pos(tree[symbol].pos))
                variable = nameNode(v, at: pos(tree[symbol].pos))
            }
            let body = statementList(c.clauseBody)
            clauses.append(function.add(.typeCase, pos: pos(c.pos), b: variable, list: types, list2: body,
                                        flags: c.list.isEmpty ? .isDefault : []))
        }
        // `aux` = 1 when the guard binds a symbol (the compiler then gives every clause a variable).
        return function.add(.typeSwitch, pos: pos(n.pos), a: x, list: clauses, aux: symbol.exists ? 1 : 0, aux2: label)
    }

    /// The implicit variable a type switch declares in one clause: the object the clause's
    /// uses of the symbol refer to (declared at the symbol, one per clause). A clause that
    /// never uses the symbol needs none.
    private func clauseObject(_ clause: NodeID, symbol: NodeID) -> ObjectID? {
        if let o = facts.defs[clause] ?? nil { return o }
        let name = tree[symbol].identifier
        let offset = Int32(tree[symbol].pos)
        let c = tree[clause]
        var found: ObjectID? = nil
        for stmt in c.clauseBody where found == nil {
            tree.walk(stmt) { id, _, _ in
                guard found == nil else { return false }
                if tree.kind(id) == .ident, tree[id].identifier == name, let o = facts.uses[id] {
                    let r = program.object(o)
                    if r.kind == .variable && r.offset == offset && r.file == Int32(file) { found = o }
                }
                return found == nil
            }
        }
        return found
    }

    func selectStatement(_ s: NodeID, label: Int32) -> IRNodeID {
        let n = tree[s]
        var clauses: [IRNodeID] = []
        breakNesting += 1
        defer { breakNesting -= 1 }
        for clause in tree[n.body].list {
            let c = tree[clause]
            var comm: [IRNodeID] = []
            if c.comm.exists { statement(c.comm, into: &comm) }
            let commNode = comm.count == 1 ? comm[0] : comm.isEmpty ? IRNodeID.none
                : function.add(.block, pos: function[comm[0]].pos, list: comm, flags: .synthetic)
            let body = statementList(c.clauseBody)
            clauses.append(function.add(.commClause, pos: pos(c.pos), a: commNode, list2: body))
        }
        return function.add(.selectStmt, pos: pos(n.pos), list: clauses, aux2: label)
    }

    func branch(_ s: NodeID, into out: inout [IRNodeID]) {
        let n = tree[s]
        let label = n.label.exists ? function.labelIndex(tree[n.label].identifier) : -1
        if n.token == .kwFallthrough {
            out.append(function.add(.fallthroughStmt, pos: pos(n.pos)))
            return
        }
        let leavesBody = n.token == .kwContinue ? loopNesting == 0 : breakNesting == 0
        if function.kind == .rangeBody && leavesBody && n.token != .kwGoto && label < 0 {
            // `continue` and `break` of the loop a range-over-func body stands for.
            rangeBranch(continues: n.token == .kwContinue, at: pos(n.pos), into: &out)
            return
        }
        out.append(function.add(.branch, pos: pos(n.pos), aux: Int32(n.token.rawValue), aux2: label))
    }
}
