import GoSyntax
import GoTypes

/// `go` and `defer` wrappers. A `go`/`defer` call with arguments, a receiver or results is
/// moved by the front end into a wrapper closure without parameters (`F.deferwrap1`,
/// `F.gowrap2`: one counter per enclosing function for both kinds, in source order); the
/// arguments and the receiver are evaluated at the statement into temporaries, and the
/// wrapper's body is the call on those temporaries. The inliner decides the wrapper like any
/// function, and `-m=2` prints its verdict at the statement.
extension InlineCostWalker {
    /// One wrapper a `go`/`defer` statement creates.
    struct GoDeferWrapper: Sendable {
        /// Offset of the `go`/`defer` keyword.
        var offset: Int
        /// True for `go`, false for `defer`.
        var isGo: Bool
        /// The wrapper's inline cost.
        var cost: Int
    }

    /// The cost of the wrapper's body `call(tmp1, ..., tmpN)`: the call node, one name per
    /// temporary (the receiver's and each parameter's, a variadic slice counting one), the
    /// callee's name (free for a method expression) and the call's extra cost (the callee's
    /// own cost when it would be inlined, else the call cost); an interface call adds its
    /// method selector.
    mutating func wrapperCost(_ callNode: NodeID) -> Int {
        let c = tree[callNode]
        let fun = unparen(c.fun)
        var probe = InlineCostWalker(program: program, package: package, file: fileIndex, callees: callees,
                                     isBig: false, parameters: [])
        probe.insideGeneric = insideGeneric
        if builtin(fun) != nil { return 1 + c.args.count }
        guard case .signature(let sig) = program.node(program.under(type(of: fun))) else {
            return 1 + 1 + InlineBudget.call + c.args.count
        }
        var cost = 1 + sig.params.count
        switch tree.kind(fun) {
        case .ident:
            if let o = object(fun), program.object(o).kind == .function {
                probe.functionCharge(o)
                cost += 1 + probe.cost
            } else {
                cost += 1 + InlineBudget.call
            }
        case .selectorExpr:
            let n = tree[fun]
            if tree.kind(n.x) == .ident, let p = facts.uses[n.x], program.object(p).kind == .packageName,
               let o = facts.uses[n.sel] {
                probe.functionCharge(o)
                cost += 1 + probe.cost
                break
            }
            switch selection(fun) {
            case .method(let m, let path, _):
                var t = type(of: n.x)
                for step in path { t = fieldType(t, step) }
                if program.isInterface(t) || program.isTypeParam(t) {
                    cost += InlineBudget.call + 1 + 1  // call cost, method selector, receiver temporary
                } else {
                    // `T.M(tmp, ...)`: the method expression is free (the compiler's
                    // OMETHEXPR), the receiver's temporary costs 1.
                    probe.functionCharge(m)
                    cost += 1 + probe.cost
                }
            default:
                cost += 1 + InlineBudget.call
            }
        default:
            cost += 1 + InlineBudget.call
        }
        return cost
    }
}
