/// Package-level variables whose initial value the compiler lays out in the binary's data
/// (its `staticinit` pass): constants, composite literals of such values, addresses of
/// globals and of static composite literals, functions and non-capturing literals, interface
/// conversions of those, and inlined calls (`errors.New("...")`) that reduce to one. Their
/// assignments leave the package initialiser before escape analysis, so nothing is reported
/// for them; the other initialisations stay and are analysed as code.
public enum StaticInitialization {
    /// Removes the static assignments from the package's `init` function.
    public static func remove(in package: inout IRPackage) {
        guard let i = package.functions.firstIndex(where: { $0.kind == .packageInit }) else { return }
        var f = package.functions[i]
        let statements = f.list(f[f.body].list)
        let kept = statements.filter { s in
            let n = f[s]
            guard n.op == .assign, n.a.exists, f[n.a].op == .global else { return true }
            var bound: Set<Int32> = []
            return !isStatic(f, n.b, package: package, bound: &bound)
        }
        if kept.count != statements.count {
            f.setList(f.body, kept)
            package.functions[i] = f
        }
    }

    /// True when the value can be laid out statically. `bound` holds inlined parameters
    /// initialised with static values.
    static func isStatic(_ f: IRFunction, _ id: IRNodeID, package: IRPackage, bound: inout Set<Int32>) -> Bool {
        guard id.exists else { return true }
        let n = f[id]
        switch n.op {
        case .literal, .nilValue, .function, .methodExpr: return true
        case .closure: return package.functions[Int(n.aux)].captured.isEmpty
        case .name: return bound.contains(n.aux)
        case .addr: return f[n.a].op == .global
        case .convNop, .conv, .convIface: return isStatic(f, n.a, package: package, bound: &bound)
        case .stringToBytes: return f[n.a].op == .literal
        case .ptrLit: return isStatic(f, n.a, package: package, bound: &bound)
        case .structLit:
            return f.list(n.list).allSatisfy { isStatic(f, f[$0].a, package: package, bound: &bound) }
        case .arrayLit, .sliceLit:
            return f.list(n.list).allSatisfy { e in
                let v = f[e].op == .key ? f[e].b : e
                return isStatic(f, v, package: package, bound: &bound)
            }
        case .inlinedCall:
            // Parameters bound to static arguments, then one returned static value.
            var value: IRNodeID = .none
            for s in f.list(n.list) {
                let st = f[s]
                switch st.op {
                case .declare, .label: continue
                case .assignList:
                    let lhs = f.list(st.list), rhs = f.list(st.list2)
                    for (l, r) in zip(lhs, rhs) {
                        guard l.exists, f[l].op == .name, isStatic(f, r, package: package, bound: &bound) else { return false }
                        bound.insert(f[l].aux)
                    }
                case .block:
                    for inner in f.list(st.list) {
                        let x = f[inner]
                        if x.op == .assign, x.a.exists, f[x.a].op == .name { value = x.b; bound.insert(f[x.a].aux) }
                        else if x.op == .branch { continue }
                        else { return false }
                    }
                default: return false
                }
            }
            return value.exists && isStatic(f, value, package: package, bound: &bound)
        default: return false
        }
    }
}
