import GoSyntax

/// Terminating statements (the spec's rule behind "missing return").
extension Checker {
    /// True when statement `s` is terminating; `label` is the label of an enclosing labeled
    /// statement naming `s`, if any.
    func isTerminating(_ s: NodeID, label: String?) -> Bool {
        let n = tree[s]
        switch n.kind {
        case .returnStmt: return true
        case .branchStmt: return n.token == .kwGoto || n.token == .kwFallthrough
        case .exprStmt:
            var x = n.x
            while kind(x) == .parenExpr { x = tree[x].x }
            return kind(x) == .callExpr && panicCalls.contains(FileNode(file: Int32(file), node: x))
        case .blockStmt: return isTerminatingList(Array(n.list), label: nil)
        case .labeledStmt: return isTerminating(n.stmt, label: tree[n.label].identifier)
        case .ifStmt:
            return n.elseBranch.exists && isTerminating(n.body, label: nil) && isTerminating(n.elseBranch, label: nil)
        case .forStmt:
            return !n.cond.exists && !hasBreak(n.body, label: label, implicit: true)
        case .switchStmt, .typeSwitchStmt, .selectStmt:
            var hasDefault = n.kind == .selectStmt
            for c in tree[n.body].list {
                let clause = tree[c]
                if n.kind == .selectStmt { if !clause.comm.exists { hasDefault = true } } else if clause.list.isEmpty { hasDefault = true }
                let body = Array(clause.clauseBody)
                if !isTerminatingList(body, label: nil) || hasBreakList(body, label: label, implicit: true) { return false }
            }
            return hasDefault
        default: return false
        }
    }

    func isTerminatingList(_ list: [NodeID], label: String?) -> Bool {
        var i = list.count - 1
        while i >= 0 && kind(list[i]) == .emptyStmt { i -= 1 }
        return i >= 0 && isTerminating(list[i], label: label)
    }

    func hasBreakList(_ list: [NodeID], label: String?, implicit: Bool) -> Bool {
        list.contains { hasBreak($0, label: label, implicit: implicit) }
    }

    /// True when `s` contains a break that leaves the statement being analysed: an unlabeled
    /// one not nested in another breakable statement (`implicit`), or one naming `label`.
    func hasBreak(_ s: NodeID, label: String?, implicit: Bool) -> Bool {
        let n = tree[s]
        switch n.kind {
        case .branchStmt:
            if n.token != .kwBreak { return false }
            if !n.label.exists { return implicit }
            return label != nil && tree[n.label].identifier == label
        case .blockStmt: return hasBreakList(Array(n.list), label: label, implicit: implicit)
        case .labeledStmt: return hasBreak(n.stmt, label: label, implicit: implicit)
        case .ifStmt:
            return hasBreak(n.body, label: label, implicit: implicit)
                || (n.elseBranch.exists && hasBreak(n.elseBranch, label: label, implicit: implicit))
        case .caseClause, .commClause: return hasBreakList(Array(n.clauseBody), label: label, implicit: implicit)
        case .switchStmt, .typeSwitchStmt, .selectStmt, .forStmt, .rangeStmt:
            if label == nil { return false }
            return hasBreak(n.body, label: label, implicit: false)
        default: return false
        }
    }
}
