import GoSyntax

/// Labels and labelled branches of one function body.
///
/// The body is walked block by block (function literals have their own walk). Each block
/// knows its enclosing block, the labelled statement it belongs to (the body of `L: for`) and
/// the labels declared directly in it. A `goto` to a label already seen in this or an
/// enclosing block is a backward jump and always fine; any other `goto` is a forward jump,
/// kept pending until a label of that name is declared in the same block or an enclosing one.
/// A forward jump still pending when its block ends becomes pending in the enclosing block;
/// one still pending at the end of the body targets a label inside a block it is not in
/// ("jumps into block") or no label at all. A forward jump that a variable declaration lies
/// between (in the label's own block) "jumps over" it. `break L` and `continue L` must name
/// an enclosing labelled `for`/`switch`/`select` (`continue`: `for` only).
final class LabelResolver {
    /// A block of statements in the label walk.
    final class Block {
        let parent: Block?
        /// The labelled statement whose body this block is (none for other blocks).
        let labeled: NodeID
        var labels: [String: NodeID] = [:]

        init(parent: Block?, labeled: NodeID) {
            self.parent = parent
            self.labeled = labeled
        }

        /// The labelled statement named `name` in this block or an enclosing one.
        func gotoTarget(_ name: String) -> NodeID? {
            var b: Block? = self
            while let cur = b {
                if let t = cur.labels[name] { return t }
                b = cur.parent
            }
            return nil
        }

        /// The innermost enclosing labelled statement named `name`.
        func enclosingTarget(_ name: String, in tree: SyntaxTree) -> NodeID? {
            var b: Block? = self
            while let cur = b {
                if cur.labeled.exists && tree[tree[cur.labeled].label].identifier == name { return cur.labeled }
                b = cur.parent
            }
            return nil
        }
    }

    unowned let checker: Checker
    var tree: SyntaxTree { checker.tree }
    /// Every non-blank label of the body, by name.
    var all: [String: ObjectID] = [:]
    var used: Set<ObjectID> = []

    init(checker: Checker) {
        self.checker = checker
    }

    /// Walks `body` and reports every label error.
    func run(_ body: NodeID) {
        let pending = block(parent: nil, labeled: .none, Array(tree[body].list))
        for jump in pending {
            let l = tree[jump].label
            let name = tree[l].identifier
            if let o = all[name] {
                used.insert(o)
                checker.error(l, "goto \(name) jumps into block")
            } else {
                checker.error(l, "label \(name) not declared")
            }
        }
        for (name, o) in all.sorted(by: { $0.value < $1.value }) where !used.contains(o) {
            checker.error(at: Int(checker.program.object(o).offset), "label \(name) declared and not used")
        }
    }

    /// Walks one block's statements; returns the forward jumps that leave it unresolved.
    func block(parent: Block?, labeled: NodeID, _ list: [NodeID]) -> [NodeID] {
        let b = Block(parent: parent, labeled: labeled)
        var forward: [NodeID] = []
        // Forward jumps pending when the latest variable declaration of this block was seen.
        var overDecl: (offset: Int, jumps: [NodeID])? = nil

        func nested(_ labeled: NodeID, _ list: [NodeID]) {
            forward += block(parent: b, labeled: labeled, list)
        }

        func visit(_ labeled: NodeID, _ s: NodeID) {
            let n = tree[s]
            switch n.kind {
            case .declStmt:
                let d = n.decl
                if tree.kind(d) == .genDecl && tree[d].token == .kwVar { overDecl = (tree[d].pos, forward) }
            case .assignStmt:
                if n.token == .define { overDecl = (n.pos, forward) }
            case .labeledStmt:
                let l = n.label
                let name = tree[l].identifier
                var inner = labeled
                if name != "_" {
                    let o = checker.newObject(.label, name, ident: l)
                    if all[name] != nil {
                        checker.error(l, "label \(name) already declared")
                    } else {
                        all[name] = o
                        b.labels[name] = s
                        checker.recordDef(l, o)
                    }
                    forward.removeAll { jump in
                        let jl = tree[jump].label
                        guard tree[jl].identifier == name else { return false }
                        used.insert(o)
                        checker.recordUse(jl, o)
                        if let d = overDecl, d.jumps.contains(jump) {
                            let line = tree.source.position(of: d.offset).line
                            checker.error(jl, "goto \(name) jumps over variable declaration at line \(line)")
                        }
                        return true
                    }
                    inner = s
                }
                // A blank label declares nothing and is not recorded (go/types records none).
                visit(inner, n.stmt)
            case .branchStmt:
                guard n.label.exists else { return }
                branch(s, b, &forward)
            case .blockStmt: nested(labeled, Array(n.list))
            case .ifStmt:
                visit(labeled, n.body)
                if n.elseBranch.exists { visit(labeled, n.elseBranch) }
            case .caseClause, .commClause: nested(.none, Array(n.clauseBody))
            case .switchStmt, .typeSwitchStmt, .selectStmt, .forStmt, .rangeStmt: visit(labeled, n.body)
            default: break
            }
        }

        for s in list { visit(.none, s) }
        return forward
    }

    /// Checks a labelled break, continue or goto.
    func branch(_ s: NodeID, _ b: Block, _ forward: inout [NodeID]) {
        let n = tree[s]
        let l = n.label
        let name = tree[l].identifier
        switch n.token {
        case .kwBreak, .kwContinue:
            let kinds: [NodeKind] = n.token == .kwBreak
                ? [.switchStmt, .typeSwitchStmt, .selectStmt, .forStmt, .rangeStmt] : [.forStmt, .rangeStmt]
            guard let t = b.enclosingTarget(name, in: tree), kinds.contains(tree.kind(tree[t].stmt)) else {
                checker.error(l, "invalid \(n.token == .kwBreak ? "break" : "continue") label \(name)")
                return
            }
        case .kwGoto:
            if b.gotoTarget(name) == nil {
                forward.append(s)
                return
            }
        default:
            return
        }
        if let o = all[name] {
            used.insert(o)
            checker.recordUse(l, o)
        }
    }
}
