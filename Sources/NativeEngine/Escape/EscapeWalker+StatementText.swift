import EscapeGraph
import GoIR
import GoSyntax

/// Statements as the compiler prints them in `-m=2` notes (its short statement format): a type
/// switch clause is `case T1, T2: s1; s2` (`default: …`), with its body after inlining. Loops
/// print `for loop`, switches `switch statement`, an `if` its condition and branches, an inlined
/// call its results (`(.)` when it has none), declarations nothing (a `var x T` is the
/// assignment `x = <nil>`).
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
        return stmts.compactMap { s in used.contains(s) ? nil : statementText(s) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
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
        case .goStmt: return "go " + printer.text(f, n.a)
        case .deferStmt: return "defer " + printer.text(f, n.a)
        case .send: return printer.text(f, n.a) + " <- " + printer.text(f, n.b)
        default: return printer.text(f, id)
        }
    }

    private func ifText(_ id: IRNodeID, initText: String?) -> String {
        let n = f[id]
        var out = "if " + (initText.map { $0 + "; " } ?? "") + printer.text(f, n.a) + " { " + statementListText(n.list) + " }"
        if !f.list(n.list2).isEmpty { out += " else { " + statementListText(n.list2) + " }" }
        return out
    }
}
