import EscapeGraph
import GoIR
import GoSyntax

/// Statements as the compiler prints them in `-m=2` notes (its short statement format): a type
/// switch clause is `case T1, T2: s1; s2` (`default: …`), with its body after inlining. Loops
/// print `for loop`, switches `switch statement`, an `if` its condition and branches, an inlined
/// call its results (`(.)` when it has none), declarations nothing (a `var x T` is the
/// assignment `x = <nil>`).
///
/// What the compiler's IR holds where GoIR has separate statements: the temporaries a `go` or
/// `defer` evaluates its operands into belong to the statement's init list, which the short
/// format never prints (`defer (func literal)()` alone), and assignments into temporaries are
/// never declarations (`.autotmp_3 = fd`). The values of a multi-value call assigned or
/// returned (`a, b := f()`) are read from the call's temporaries; the first one carries the
/// call as its init, in a conversion to its own type that the compiler prints
/// (`a, b := T(.autotmp_1), .autotmp_2`) unless an implicit conversion already holds it; a
/// method wrapper's `return M(...)` returns its temporaries bare (`return .autotmp_3, .autotmp_4`).
extension EscapeWalker {
    /// `case T1, T2: body` or `default: body`.
    func caseClauseText(_ id: IRNodeID) -> String {
        let c = f[id]
        let head = c.flags.contains(.isDefault) || f.list(c.list).isEmpty
            ? "default"
            : "case " + f.list(c.list).map { printer.text(f, $0) }.joined(separator: ", ")
        return head + ": " + statementListText(c.list2)
    }

    /// A statement list joined by `; `.
    func statementListText(_ list: Int32) -> String {
        let stmts = f.list(list)
        // Inline expansion puts an inlined call before the statement that uses its result; the
        // compiler prints it once, inside that statement.
        var used: Set<IRNodeID> = []
        for s in stmts where f[s].op != .inlinedCall {
            f.forEachReachable(from: s) { id, n in if n.op == .inlinedCall { used.insert(id) } }
        }
        var texts: [String] = []
        for (i, s) in stmts.enumerated() where !used.contains(s) {
            if i + 1 < stmts.count, isGoDeferOperands(s, before: stmts[i + 1]) { continue }
            if let t = statementText(s), !t.isEmpty { texts.append(t) }
        }
        return texts.joined(separator: "; ")
    }

    /// One statement; nil for what the compiler does not print (declarations).
    func statementText(_ id: IRNodeID) -> String? {
        let n = f[id]
        switch n.op {
        case .declare: return nil
        case .block:
            let stmts = f.list(n.list)
            if n.flags.contains(.synthetic), let last = stmts.last {
                // A statement with its init: the compiler prints the init of an `if` when it is
                // one simple statement, and never a loop's or a switch's.
                switch f[last].op {
                case .ifStmt:
                    let simple = stmts.count == 2 ? statementText(stmts[0]) : nil
                    return ifText(last, initText: simple)
                case .forStmt, .rangeStmt, .switchStmt, .typeSwitch, .selectStmt:
                    return statementText(last)
                default: break
                }
            }
            return statementListText(n.list)
        case .assign, .assignList, .assignDotType, .assignMapRead, .assignRecv, .assignCall:
            return assignmentText(id)
        case .assignOp:
            let token = Token(rawValue: UInt8(n.aux))
            if f[n.b].op == .literal, f[n.b].pos == n.pos, token == .add || token == .sub {
                return printer.text(f, n.a) + (token == .add ? "++" : "--")
            }
            return assignmentText(id)
        case .ifStmt: return ifText(id, initText: nil)
        case .forStmt, .rangeStmt: return "for loop"
        case .switchStmt, .typeSwitch: return "switch statement"
        case .selectStmt: return "select statement"
        case .returnStmt: return "return " + f.list(n.list).map { printer.text(f, $0) }.joined(separator: ", ")
        case .branch:
            let word = Token(rawValue: UInt8(n.aux))?.text ?? "goto"
            return n.aux2 >= 0 ? "\(word) \(f.labels[Int(n.aux2)])" : word
        case .fallthroughStmt: return "fallthrough"
        case .label: return "\(f.labels[Int(n.aux2)]): "
        case .goStmt: return "go " + goDeferCallText(n.a)
        case .deferStmt: return "defer " + goDeferCallText(n.a)
        case .send: return printer.text(f, n.a) + " <- " + printer.text(f, n.b)
        default: return printer.text(f, id)
        }
    }

    /// The call of a `go` or `defer`: a wrapper literal's call is `(func literal)()`.
    private func goDeferCallText(_ call: IRNodeID) -> String {
        let c = f[call]
        if c.op == .call, f[c.a].op == .closure, f.list(c.list).isEmpty {
            return "(" + printer.text(f, c.a) + ")()"
        }
        return printer.text(f, call)
    }

    /// Whether `s` assigns the temporaries of the `go` or `defer` statement `next`.
    private func isGoDeferOperands(_ s: IRNodeID, before next: IRNodeID) -> Bool {
        let n = f[s]
        guard n.op == .assignList, f[next].op == .goStmt || f[next].op == .deferStmt, n.pos == f[next].pos else {
            return false
        }
        return assignsTemporariesOnly(n)
    }

    private func assignsTemporariesOnly(_ n: IRNode) -> Bool {
        let lhs = f.list(n.list)
        return !lhs.isEmpty && lhs.allSatisfy { $0.exists && f[$0].op == .name && f[IRVarID(f[$0].aux)].varClass == .temp }
    }

    /// An assignment statement.
    func assignmentText(_ id: IRNodeID) -> String {
        let n = f[id]
        func side(_ xs: [IRNodeID]) -> String { xs.map { $0.exists ? printer.text(f, $0) : "_" }.joined(separator: ", ") }
        // A declaring assignment prints `:=`, as the compiler prints its `Def` assignments.
        // `var x T` zeroes x: `x = <nil>`.
        var op = n.flags.contains(.define) && !(n.op == .assign && !n.b.exists) ? ":=" : "="
        switch n.op {
        case .assign:
            // The compiler's temporaries are assigned, never declared; the range-over-func
            // rewrite's own variables (`#yield1 := func literal`) are declared.
            if n.a.exists, f[n.a].op == .name, case let v = f[IRVarID(f[n.a].aux)], v.varClass == .temp, !v.name.hasPrefix("#") {
                op = "="
            }
            return "\(n.a.exists ? printer.text(f, n.a) : "_") \(op) \(n.b.exists ? printer.text(f, n.b) : "<nil>")"
        case .assignOp:
            return "\(printer.text(f, n.a)) \(Token(rawValue: UInt8(n.aux))?.text ?? "?")= \(printer.text(f, n.b))"
        case .assignList:
            if assignsTemporariesOnly(n) { op = "=" }
            return "\(side(f.list(n.list))) \(op) \(valueListText(f.list(n.list2)))"
        default: return "\(side(f.list(n.list))) \(op) \(printer.text(f, n.a))"
        }
    }

    /// Values of an assignment or a return, the first read from a multi-value call's temporary
    /// in its conversion to its own type.
    func valueListText(_ values: [IRNodeID]) -> String {
        values.enumerated().map { i, v in
            guard v.exists else { return "_" }
            if i == 0, values.count > 1, let first = firstCallTemporary(v) {
                return printer.conversionText(to: f[first].type, printer.text(f, v))
            }
            return printer.text(f, v)
        }.joined(separator: ", ")
    }

    /// The variable of `id` when it is the first temporary a multi-value call assigns.
    private func firstCallTemporary(_ id: IRNodeID) -> IRVarID? {
        let n = f[id]
        guard n.op == .name else { return nil }
        let v = IRVarID(n.aux)
        let x = f[v]
        guard x.varClass == .temp, x.definition.exists, f[x.definition].op == .assignCall,
              let first = f.list(f[x.definition].list).first, f[first].op == .name, f[first].aux == n.aux else { return nil }
        // A method wrapper's own `return M(...)` is rewritten by the type checker, whose
        // temporaries are returned as they are.
        if f.kind == .methodWrapper && f[x.definition].pos.inlined < 0 { return nil }
        return v
    }

    private func ifText(_ id: IRNodeID, initText: String?) -> String {
        let n = f[id]
        var out = "if " + (initText.map { $0 + "; " } ?? "") + printer.text(f, n.a) + " { " + statementListText(n.list) + " }"
        if !f.list(n.list2).isEmpty { out += " else { " + statementListText(n.list2) + " }" }
        return out
    }
}
