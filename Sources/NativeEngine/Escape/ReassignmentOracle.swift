import GoIR

// Escape analysis rewrites a value converted to an interface, or a `make` size, to the constant
// it statically is. It reads variables' definitions from one table built for the outermost
// enclosing function, from the function literals reachable from that function's body once
// inlining and dead-local removal are done. A literal whose closure expression was removed
// (inlined at its only call, its variable dead) is still compiled, but the table never saw its
// variables: there only conversions of a constant are rewritten (`walk/switch.go`'s
// `consecutive` closure keeps `constant.int64Val(constant.x)` where its inlined copies print
// `constant.int64Val(1)`).

extension IRPackage {
    /// True when the variables of function `fn` can be resolved to their definitions: `fn` is
    /// not a function literal, or its closure expression is still in its enclosing function's
    /// body, and so on out to the declared function.
    func reassignmentOracleSees(_ fn: Int) -> Bool {
        var i = fn
        for _ in 0..<64 {
            guard functions.indices.contains(i), self[function: i].kind == .literal, self[function: i].parent >= 0 else { return true }
            let parent = Int(self[function: i].parent)
            let body = self[function: parent].body
            guard self[function: parent].hasBody, body.exists else { return false }
            var found = false
            forEachReachable(inFunction: parent, from: body) { _, n in
                if n.op == .closure && Int(n.aux) == i { found = true }
            }
            if !found { return false }
            i = parent
        }
        return true
    }
}

extension IRFunction {
    /// The literal a value is through conversions alone (no-op conversions, implicit ones):
    /// what the rewrite finds without reading any variable.
    func literalThroughConversions(_ id: IRNodeID) -> IRNodeID? {
        var x = id
        for _ in 0..<16 {
            guard x.exists else { return nil }
            let n = self[x]
            switch n.op {
            case .literal: return x
            case .convNop: x = n.a
            case .conv where n.flags.contains(.implicit): x = n.a
            default: return nil
            }
        }
        return nil
    }
}
