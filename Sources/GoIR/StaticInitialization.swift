import GoTypes

/// Package-level variables whose initial value the compiler lays out in the binary's data
/// (its `staticinit` pass). Constants, `nil`, functions and non-capturing literals, addresses
/// of globals (of their fields and constant-indexed array elements too) and inlined calls
/// (`errors.New("...")`) that reduce to such values are laid out whole. Composite literals are
/// laid out element by element: a slice literal gets a static backing array, `&T{...}` a static
/// `T`, an interface conversion a static copy of its value, and an element that cannot be laid
/// out (a call, a capturing literal, a map literal) is assigned by code in the package
/// initialiser. So escape analysis sees only those element assignments (into the global:
/// the heap) and no allocation for the literals around them; an initial value that cannot be
/// laid out at all (a map literal, a call) stays as code.
///
/// The FIPS 140 module (`crypto/internal/fips140/...`) may hold no relocations in its data:
/// there only zero values, non-string constants and struct or array literals of those are laid
/// out, and everything else is code.
public enum StaticInitialization {
    /// Replaces the static initialisations of the package's `init` function by the element
    /// assignments they still need (none when the whole value is static).
    public static func remove(in package: inout IRPackage, program: Program) {
        // By index: `firstIndex(where:)` hands the predicate a copy of each function.
        guard let i = package.functions.indices.first(where: { package.functions[$0].kind == .packageInit }) else { return }
        var f = package.functions[i]
        let layout = StaticLayout(package: package, program: program,
                                  withoutRelocations: isFIPSModule(package.path))
        let statements = f.list(f[f.body].list)
        var kept: [IRNodeID] = []
        for s in statements {
            let n = f[s]
            guard n.op == .assign, n.a.exists, f[n.a].op == .global else {
                kept.append(s)
                continue
            }
            var bound: [Int32: IRNodeID] = [:]
            guard let parts = layout.dynamicParts(f, n.b, bound: &bound) else {
                kept.append(s)
                continue
            }
            for p in parts { kept.append(f.add(.assign, pos: f[p].pos, a: n.a, b: p)) }
        }
        if kept != statements {
            f.setList(f.body, kept)
            package.functions[i] = f
        }
    }

    /// Whether the package belongs to the FIPS 140 module.
    static func isFIPSModule(_ path: String) -> Bool {
        path == "crypto/internal/fips140" || path.hasPrefix("crypto/internal/fips140/")
    }
}

/// What of an initial value the compiler lays out statically, for one package.
struct StaticLayout {
    let package: IRPackage
    let program: Program
    /// True in the FIPS 140 module: no addresses, strings or functions in static data.
    let withoutRelocations: Bool

    /// The sub-expressions of a value that code must still assign (empty when the value is
    /// static as a whole), or nil when the value cannot be laid out at all. `bound` maps the
    /// parameters of an inlined call to their static arguments, which stand in for them.
    func dynamicParts(_ f: IRFunction, _ id0: IRNodeID, bound: inout [Int32: IRNodeID]) -> [IRNodeID]? {
        var id = id0
        while id.exists, f[id].op == .convNop { id = f[id].a }
        guard id.exists else { return [] }
        let n = f[id]
        switch n.op {
        case .nilValue:
            return []
        case .literal:
            if withoutRelocations, case .string(let bytes) = f.constants[Int(n.aux)], !bytes.isEmpty { return nil }
            return []
        case .name:
            guard let arg = bound[n.aux] else { return nil }
            return arg == id ? [] : partsOrWhole(f, arg, bound: &bound)
        case .function, .methodExpr:
            return withoutRelocations ? nil : []
        case .closure:
            return !withoutRelocations && package.functions[Int(n.aux)].captured.isEmpty ? [] : nil
        case .addr:
            return !withoutRelocations && isGlobalLocation(f, n.a) ? [] : nil
        case .stringToBytes:
            return !withoutRelocations && isConstant(f, n.a, bound: bound) ? [] : nil
        case .addString:
            // Constant once an inlined call's arguments stand in for its parameters.
            return !withoutRelocations && f.list(n.list).allSatisfy { isConstant(f, $0, bound: bound) } ? [] : nil
        case .conv:
            return dynamicParts(f, n.a, bound: &bound)?.isEmpty == true ? [] : nil
        case .ptrLit:
            guard !withoutRelocations else { return nil }
            return partsOrWhole(f, n.a, bound: &bound)
        case .sliceLit:
            guard !withoutRelocations else { return nil }
            return elementParts(f, id, bound: &bound)
        case .arrayLit, .structLit:
            return elementParts(f, id, bound: &bound)
        case .convIface:
            guard !withoutRelocations else { return nil }
            var value = n.a
            while value.exists, f[value].op == .convIface || f[value].op == .convNop { value = f[value].a }
            if program.isInterface(f[value].type) { return f[value].op == .nilValue ? [] : nil }
            return partsOrWhole(f, value, bound: &bound)
        case .inlinedCall:
            guard !withoutRelocations else { return nil }
            return inlinedCallParts(f, n, bound: &bound)
        default:
            return nil
        }
    }

    /// A constant, directly or as the argument bound to an inlined call's parameter.
    private func isConstant(_ f: IRFunction, _ id: IRNodeID, bound: [Int32: IRNodeID]) -> Bool {
        var x = id
        for _ in 0..<16 {
            guard x.exists else { return false }
            switch f[x].op {
            case .literal: return true
            case .convNop: x = f[x].a
            case .name:
                guard let arg = bound[f[x].aux], arg != x else { return false }
                x = arg
            default: return false
            }
        }
        return false
    }

    /// A value's dynamic parts, or the value itself when it cannot be laid out.
    private func partsOrWhole(_ f: IRFunction, _ id: IRNodeID, bound: inout [Int32: IRNodeID]) -> [IRNodeID] {
        dynamicParts(f, id, bound: &bound) ?? [id]
    }

    /// The dynamic parts of a composite literal's elements.
    private func elementParts(_ f: IRFunction, _ id: IRNodeID, bound: inout [Int32: IRNodeID]) -> [IRNodeID] {
        let n = f[id]
        var out: [IRNodeID] = []
        for e in f.list(n.list) {
            let x = f[e]
            let value = n.op == .structLit ? x.a : (x.op == .key ? x.b : e)
            out += partsOrWhole(f, value, bound: &bound)
        }
        return out
    }

    /// An inlined call that binds its parameters to arguments without side effects and
    /// returns one value: that value with the arguments in place of the parameters.
    private func inlinedCallParts(_ f: IRFunction, _ n: IRNode, bound: inout [Int32: IRNodeID]) -> [IRNodeID]? {
        var value: IRNodeID = .none
        for s in f.list(n.list) {
            let st = f[s]
            switch st.op {
            case .declare, .label: continue
            case .assignList:
                let lhs = f.list(st.list), rhs = f.list(st.list2)
                for (l, r) in zip(lhs, rhs) {
                    guard l.exists, f[l].op == .name, hasNoSideEffects(f, r) else { return nil }
                    bound[f[l].aux] = r
                }
            case .block:
                for inner in f.list(st.list) {
                    let x = f[inner]
                    if x.op == .assign, x.a.exists, f[x.a].op == .name, value == .none {
                        value = x.b
                    } else if x.op != .branch {
                        return nil
                    }
                }
            default: return nil
            }
        }
        return value.exists ? dynamicParts(f, value, bound: &bound) : nil
    }

    /// Arguments the compiler substitutes for an inlined call's parameters: names, constants,
    /// functions, non-capturing literals, addresses of globals and conversions of those.
    private func hasNoSideEffects(_ f: IRFunction, _ id: IRNodeID) -> Bool {
        guard id.exists else { return true }
        let n = f[id]
        switch n.op {
        case .literal, .nilValue, .global, .name, .function, .methodExpr: return true
        case .closure: return package.functions[Int(n.aux)].captured.isEmpty
        case .addr: return isGlobalLocation(f, n.a)
        case .conv, .convNop, .convIface: return hasNoSideEffects(f, n.a)
        case .stringToBytes: return f[n.a].op == .literal
        default: return false
        }
    }

    /// A package-level variable, or a field or constant-indexed array element inside one
    /// (`&debug.cgocheck`, `&table[2]`): a fixed offset in the binary's data.
    private func isGlobalLocation(_ f: IRFunction, _ id: IRNodeID) -> Bool {
        guard id.exists else { return false }
        let n = f[id]
        switch n.op {
        case .global: return true
        case .dot: return isGlobalLocation(f, n.a)
        case .index:
            guard f[n.b].op == .literal, case .array = program.node(program.under(f[n.a].type)) else { return false }
            return isGlobalLocation(f, n.a)
        default: return false
        }
    }
}
