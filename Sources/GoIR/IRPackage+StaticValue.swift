/// A node of one function of a package.
public struct IRNodeRef: Hashable, Sendable {
    /// Index into `IRPackage.functions`.
    public var function: Int
    /// The node in that function.
    public var node: IRNodeID
}

extension IRPackage {
    /// What a value statically is (the compiler's `StaticValue`): through no-op conversions,
    /// the single result of an inlined call (its one assignment), and variables assigned once
    /// and never reassigned or address-taken (their definition's value), closure variables
    /// through the variable they capture. `current` stands for function `fn` while it is being
    /// rewritten. Implicit numeric conversions are followed too when `throughConversions`.
    public func staticValue(of id: IRNodeID, in fn: Int, current: IRFunction? = nil,
                            throughConversions: Bool = false) -> IRNodeRef {
        var at = fn
        var x = id
        func function(_ i: Int) -> IRFunction { i == fn ? (current ?? functions[i]) : functions[i] }
        for _ in 0..<16 {
            let f = function(at)
            let n = f[x]
            switch n.op {
            case .convNop:
                x = n.a
            case .conv where throughConversions && n.flags.contains(.implicit):
                x = n.a
            case .inlinedCall:
                let results = f.list(n.list2)
                guard results.count == 1, let value = f.singleAssignment(to: IRVarID(f[results[0]].aux), in: n.list) else {
                    return IRNodeRef(function: at, node: x)
                }
                x = value
            case .name:
                var vf = at, v = IRVarID(n.aux)
                for _ in 0..<16 {
                    let variable = function(vf)[v]
                    guard variable.varClass == .captured, let o = variable.outer else { break }
                    vf = Int(o.function)
                    v = o.variable
                }
                let g = function(vf)
                let variable = g[v]
                guard variable.varClass == .local || variable.varClass == .temp,
                      !variable.flags.contains(.reassigned), !variable.flags.contains(.addressTaken),
                      let value = g.definedValue(of: v) else { return IRNodeRef(function: at, node: x) }
                at = vf
                x = value
            default:
                return IRNodeRef(function: at, node: x)
            }
        }
        return IRNodeRef(function: at, node: x)
    }
}

extension IRFunction {
    /// The value a variable's defining assignment gives it (`x := v`, or its place in
    /// `a, x := u, v`), nil when it has none.
    public func definedValue(of v: IRVarID) -> IRNodeID? {
        let d = self[v].definition
        guard d.exists else { return nil }
        let n = self[d]
        if n.op == .assign { return n.b.exists ? n.b : nil }
        if n.op == .assignList {
            let lhs = list(n.list), rhs = list(n.list2)
            if let i = lhs.firstIndex(where: { $0.exists && self[$0].op == .name && IRVarID(self[$0].aux) == v }), i < rhs.count {
                return rhs[i]
            }
        }
        return nil
    }

    /// The value of the only assignment to `v` in the statements of a list (nested blocks
    /// included), nil when there is not exactly one.
    public func singleAssignment(to v: IRVarID, in list: Int32) -> IRNodeID? {
        var found: IRNodeID? = nil
        var count = 0
        for s in self.list(list) {
            forEachReachable(from: s) { _, n in
                if n.op == .assign, n.a.exists, self[n.a].op == .name, IRVarID(self[n.a].aux) == v {
                    count += 1
                    found = n.b
                }
            }
        }
        return count == 1 ? found : nil
    }
}
