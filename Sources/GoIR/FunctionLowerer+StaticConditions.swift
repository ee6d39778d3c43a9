import GoSyntax
import GoTypes

/// Conditions the front end decides while writing the IR (`noder/writer.go`): the static
/// value of an `if` condition, with `&&`/`||` simplified (`staticBool`), and the one clause a
/// switch on a constant tag always takes.
extension FunctionLowerer {
    /// The static value of a condition (+1 true, -1 false, 0 unknown) and the condition the
    /// front end keeps: an operand of `&&`/`||` that decides alone replaces the operation
    /// (operands simplified first, as the writer rewrites them in place).
    /// `!x` has the static value of `x`, as the writer computes it.
    func staticBool(_ e: NodeID) -> (value: Int, cond: NodeID) {
        if let v = constantBool(e) { return (v ? 1 : -1, e) }
        let x = unparen(e)
        let n = tree[x]
        if n.kind == .unaryExpr && n.token == .not { return (staticBool(n.x).value, e) }
        guard n.kind == .binaryExpr else { return (0, e) }
        switch n.token {
        case .land:
            let l = staticBool(n.x)
            if l.value < 0 { return (l.value, l.cond) }
            let r = staticBool(n.y)
            if l.value > 0 || r.value < 0 { return (r.value, constantBool(l.cond) != nil ? r.cond : e) }
        case .lor:
            let l = staticBool(n.x)
            if l.value > 0 { return (l.value, l.cond) }
            let r = staticBool(n.y)
            if l.value < 0 || r.value > 0 { return (r.value, constantBool(l.cond) != nil ? r.cond : e) }
        default: break
        }
        return (0, e)
    }

    /// For a switch whose tag (or implicit `true`) is constant and whose cases are all
    /// constant: the clause always taken (`.some(nil)` when none is), which the front end
    /// keeps alone as a `default` clause of a tagless switch. nil otherwise, or when the taken
    /// clause ends in `fallthrough`.
    func constantSwitchTarget(_ s: NodeID) -> NodeID?? {
        let n = tree[s]
        let tagValue: ConstantValue
        if n.tag.exists {
            guard let v = fact(n.tag)?.value else { return nil }
            tagValue = v
        } else {
            tagValue = .bool(true)
        }
        var target: NodeID? = nil
        outer: for clause in tree[n.body].list {
            let c = tree[clause]
            if c.list.isEmpty { target = clause }
            for v in c.list {
                guard let cv = fact(v)?.value else { return nil }
                if Self.constantsEqual(tagValue, cv) { target = clause; break outer }
            }
        }
        if let t = target, let last = tree[t].clauseBody.last,
           tree.kind(last) == .branchStmt, tree[last].token == .kwFallthrough {
            return nil
        }
        return .some(target)
    }

    static func constantsEqual(_ a: ConstantValue, _ b: ConstantValue) -> Bool {
        if a == b { return true }
        if let x = a.rational, let y = b.rational { return x == y }
        return false
    }
}
