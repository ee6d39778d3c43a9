import GoSyntax
import GoTypes

/// `go`/`defer` normalised to a call of a function with no arguments and no results, and
/// range-over-func loops rewritten into a call of the iterator with the loop body as a literal.
extension FunctionLowerer {
    /// `go f(a, b)` / `defer f(a, b)`: the callee and arguments that are not constants, global
    /// functions, method expressions or `new(T)` are evaluated into temporaries at the
    /// statement, and the call moves into a wrapper literal (`F.gowrap1`, `F.deferwrap1`) that
    /// captures them by value. A call with no arguments and no results stays as it is.
    func goDefer(_ s: NodeID, into out: inout [IRNodeID]) {
        let n = tree[s]
        let isGo = n.kind == .goStmt
        let at = pos(n.pos)
        var call = expr(n.call)
        let op: IROp = isGo ? .goStmt : .deferStmt
        let heap: IRFlags = (!isGo && loopDepth > 1) ? .heapDefer : []
        let c = function[call]
        // A method call `T.M(recv)` passes its receiver: it is not of the kept form.
        if c.op == .call, let sig = program.signatureOf(function[c.a].type), sig.params.isEmpty && sig.results.isEmpty,
           function.list(c.list).isEmpty {
            function.nodes[Int(call.raw)].flags.insert(.goDefer)
            out += prelude
            prelude = []
            out.append(function.add(op, pos: at, a: call, flags: heap))
            return
        }
        // Collect the operands evaluated now, into temporaries.
        var operands: [IRNodeID] = []
        collectOperands(call, into: &operands)
        var temps: [(IRNodeID, IRVarID)] = []
        for o in operands {
            let v = temporary(function[o].type, at: at)
            temps.append((o, v))
        }
        if !temps.isEmpty {
            out += temps.map { function.add(.declare, pos: at, aux: $0.1.raw) }
            let lhs = temps.map { nameNode($0.1, at: at) }
            let rhs = temps.map { $0.0 }
            let assign = function.add(.assignList, pos: at, list: lhs, list2: rhs, flags: .define)
            for (_, v) in temps { function.variables[Int(v.raw)].definition = assign }
            out += prelude
            prelude = []
            out.append(assign)
        } else {
            out += prelude
            prelude = []
        }
        goDeferCount += 1
        let name = "\(function.name).\(isGo ? "gowrap" : "deferwrap")\(goDeferCount)"
        let noArgs = program.emptySignature
        let tempVars = temps.map { $0.1 }
        let operandNodes = temps.map { $0.0 }
        let wrapper = lowerLiteral(name: name, kind: .goDeferWrapper, type: noArgs, at: at) { w in
            // Inside the wrapper, each temporary is a closure variable.
            var replacement: [IRNodeID: IRNodeID] = [:]
            for (o, v) in zip(operandNodes, tempVars) {
                let captured = w.captureOuter(v, from: self)
                replacement[o] = w.nameNode(captured, at: at)
            }
            let copied = w.copyTree(call, from: self.function, replacing: replacement)
            return w.function.add(.block, pos: at, list: [copied])
        }
        call = function.add(.closure, type: noArgs, pos: at, aux: wrapper)
        let wrapperCall = function.add(.call, pos: at, a: call, flags: [.goDefer, .implicit])
        out.append(function.add(op, pos: at, a: wrapperCall, flags: heap))
    }

    /// The parts of a go/defer call evaluated at the statement.
    private func collectOperands(_ call: IRNodeID, into out: inout [IRNodeID]) {
        let c = function[call]
        func visit(_ x: IRNodeID) {
            guard x.exists else { return }
            let n = function[x]
            switch n.op {
            case .literal, .nilValue, .methodExpr, .new, .function: return
            case .arrayLit, .sliceLit, .structLit:
                for el in function.list(n.list) {
                    let e = function[el]
                    if e.op == .key || e.op == .structKey { visit(e.op == .key ? e.b : e.a) } else { visit(el) }
                }
                return
            default:
                out.append(x)
            }
        }
        switch c.op {
        case .call:
            visit(c.a)
            for a in function.list(c.list) { visit(a) }
        case .callInterface:
            out.append(function[c.a].a)
            for a in function.list(c.list) { visit(a) }
        case .builtin:
            for a in function.list(c.list) { visit(a) }
        default:
            break
        }
    }

    /// A closure variable of this (wrapper) function for a variable of `outer`.
    func captureOuter(_ v: IRVarID, from outer: FunctionLowerer) -> IRVarID {
        outer.function.variables[Int(v.raw)].flags.insert(.captured)
        let source = outer.function[v]
        let c = function.addVariable(IRVariable(name: source.name, type: source.type, object: nil, varClass: .captured,
                                                pos: source.pos, flags: [], loopDepth: 1,
                                                outer: IRVarRef(function: outer.index, variable: v), definition: .none))
        function.captured.append(c)
        return c
    }

    /// Copies a lowered expression of another function into this one, replacing some nodes.
    func copyTree(_ id: IRNodeID, from source: IRFunction, replacing: [IRNodeID: IRNodeID]) -> IRNodeID {
        guard id.exists else { return .none }
        if let r = replacing[id] { return r }
        let n = source[id]
        let a = copyTree(n.a, from: source, replacing: replacing)
        let b = copyTree(n.b, from: source, replacing: replacing)
        let c = copyTree(n.c, from: source, replacing: replacing)
        let l1 = source.list(n.list).map { copyTree($0, from: source, replacing: replacing) }
        let l2 = source.list(n.list2).map { copyTree($0, from: source, replacing: replacing) }
        var aux = n.aux
        if n.op == .literal { aux = function.addConstant(source.constants[Int(n.aux)]) }
        if n.op == .name {
            // A variable of the source function not replaced: capture it.
            let outerLowerer = package.stack.first { $0.index == self.function.parent }
            if let outerLowerer { aux = captureOuter(IRVarID(n.aux), from: outerLowerer).raw }
        }
        return function.add(n.op, type: n.type, pos: n.pos, a: a, b: b, c: c, list: l1, list2: l2, aux: aux,
                            aux2: n.aux2, flags: n.flags)
    }

    /// True when a statement list holds a `return` (outside nested function literals).
    func containsReturn(_ body: NodeID) -> Bool {
        var found = false
        func visit(_ id: NodeID) {
            guard id.exists, !found else { return }
            let n = tree[id]
            switch n.kind {
            case .returnStmt: found = true
            case .funcLit: return
            case .blockStmt: n.list.forEach(visit)
            case .ifStmt: visit(n.body); visit(n.elseBranch)
            case .forStmt, .rangeStmt, .selectStmt: visit(n.body)
            case .switchStmt, .typeSwitchStmt: visit(n.body)
            case .caseClause, .commClause: n.clauseBody.forEach(visit)
            case .labeledStmt: visit(n.stmt)
            default: return
            }
        }
        visit(body)
        return found
    }
}
