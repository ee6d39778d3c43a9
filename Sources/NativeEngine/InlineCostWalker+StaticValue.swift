import GoSyntax
import GoTypes

/// Static values of local function variables: `f := g; f()` and `f := func() {...}; f()` call
/// a known function when the variable is assigned once (at its declaration), never again and
/// never has its address taken.
extension InlineCostWalker {
    /// What a call through a local variable statically reaches.
    enum StaticCallee: Sendable {
        /// A declared function or method.
        case function(ObjectID)
        /// A function literal.
        case literal(NodeID)
        /// A parameter of the function being walked: known only where its body is inlined
        /// and the argument is a function literal or a declared function.
        case parameter(ObjectID)
    }

    /// The static callee behind identifier `ident`, following chains of such variables.
    func staticCallee(_ ident: NodeID) -> StaticCallee? {
        var current = ident
        for _ in 0..<8 {
            guard let o = object(current) else { return nil }
            let r = program.object(o)
            if r.kind == .function { return .function(o) }
            guard r.kind == .variable, r.variableKind == .local, !parameters.contains(o), !isCaptured(r),
                  let value = singleDefinitionValue(o) else { return nil }
            let v = unparen(value)
            switch tree.kind(v) {
            case .funcLit: return .literal(v)
            case .ident: current = v
            case .selectorExpr:
                guard let f = facts.uses[tree[v].sel], program.object(f).kind == .function,
                      tree.kind(tree[v].x) == .ident, let p = facts.uses[tree[v].x],
                      program.object(p).kind == .packageName else { return nil }
                return .function(f)
            default: return nil
            }
        }
        return nil
    }

    /// The value a local variable is declared with, when it is its only assignment.
    private func singleDefinitionValue(_ o: ObjectID) -> NodeID? {
        var value: NodeID? = nil
        var disqualified = false
        tree.walk(functionBody) { id, _, _ in
            if disqualified { return false }
            let n = tree[id]
            switch n.kind {
            case .assignStmt:
                let lhs = n.lhs, rhs = n.rhs
                for (i, l) in lhs.enumerated() where tree.kind(l) == .ident {
                    if (facts.defs[l] ?? nil) == o {
                        if lhs.count == rhs.count { value = rhs[i] } else { disqualified = true }
                    } else if facts.uses[l] == o {
                        disqualified = true
                    }
                }
            case .valueSpec:
                let names = n.names, values = n.values
                for (i, name) in names.enumerated() where (facts.defs[name] ?? nil) == o {
                    if names.count == values.count { value = values[i] } else { disqualified = true }
                }
            case .incDecStmt:
                if tree.kind(n.x) == .ident && facts.uses[n.x] == o { disqualified = true }
            case .rangeStmt:
                for k in [n.key, n.value] where k.exists && tree.kind(k) == .ident && facts.uses[k] == o {
                    disqualified = true
                }
            case .unaryExpr:
                let x = unparen(n.x)
                if n.token == .and && tree.kind(x) == .ident && facts.uses[x] == o { disqualified = true }
            default: break
            }
            return true
        }
        return disqualified ? nil : value
    }
}
