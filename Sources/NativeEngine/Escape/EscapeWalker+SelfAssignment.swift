import GoIR
import GoSyntax
import GoTypes

/// Assignments that store no pointer the destination did not already hold, so escape
/// analysis drops their flow (the compiler's self-assignment rule, go-compiler-facts.md §2.4):
///
/// - re-slicing through the same pointer variable: `*p = (*p)[i:]`, `b.buf = b.buf[:n]`
///   (not a slice of an array value, whose implicit `&` would store a new pointer);
/// - moving values between two fields or two elements of the same object: `v.x = v.y`,
///   `s[i], s[j] = s[j], s[i]` (indices that cannot touch memory), `v.a.x = v.a.y`.
///
/// "The same object" is a side-effect-free expression that evaluates identically on both
/// sides: names, field selections, dereferences, indexing, arithmetic and numeric
/// conversions of those, and constants.
extension EscapeWalker {
    /// Whether `dst = src` can be ignored by escape analysis.
    func isSelfAssign(_ dst: IRNodeID, _ src: IRNodeID) -> Bool {
        if isSliceSelfAssign(dst, src) { return true }
        let d = f[dst], s = f[src]
        guard d.op == s.op else { return false }
        switch d.op {
        case .dot, .dotPtr:
            return isSameSafeExpression(d.a, s.a)
        case .index:
            return !mayAffectMemory(d.b) && !mayAffectMemory(s.b) && isSameSafeExpression(d.a, s.a)
        default:
            return false
        }
    }

    /// `*p = (*p)[…]` or `p.f = p.f[…]` with the same pointer variable `p` on both sides.
    private func isSliceSelfAssign(_ dst: IRNodeID, _ src: IRNodeID) -> Bool {
        let d = f[dst], s = f[src]
        guard d.op == .deref || d.op == .dotPtr, s.op == .slice else { return false }
        // Slicing an array value takes its address: a new pointer into the destination.
        if case .array = program.node(program.under(f[s.a].type)) { return false }
        let base = f[s.a]
        guard base.op == .deref || base.op == .dotPtr else { return false }
        return isSameVariable(d.a, base.a)
    }

    /// Both nodes name the same local or package-level variable.
    private func isSameVariable(_ a: IRNodeID, _ b: IRNodeID) -> Bool {
        let x = f[a], y = f[b]
        guard x.op == y.op, x.op == .name || x.op == .global else { return false }
        return x.aux == y.aux
    }

    /// Whether two expressions are identical and free of side effects.
    private func isSameSafeExpression(_ l0: IRNodeID, _ r0: IRNodeID) -> Bool {
        var l = l0, r = r0
        while l.exists, f[l].op == .convNop { l = f[l].a }
        while r.exists, f[r].op == .convNop { r = f[r].a }
        guard l.exists, r.exists else { return false }
        let a = f[l], b = f[r]
        guard a.op == b.op, program.identical(a.type, b.type) else { return false }
        switch a.op {
        case .name, .global:
            return a.aux == b.aux
        case .dot, .dotPtr:
            return a.aux == b.aux && isSameSafeExpression(a.a, b.a)
        case .deref:
            return isSameSafeExpression(a.a, b.a)
        case .unary:
            return a.aux == b.aux && isSameSafeExpression(a.a, b.a)
        case .conv:
            return isSimple(a.type) && isSameSafeExpression(a.a, b.a)
        case .index, .indexMap:
            return isSameSafeExpression(a.a, b.a) && isSameSafeExpression(a.b, b.b)
        case .binary:
            return a.aux == b.aux && isArithmetic(a.aux) && isSameSafeExpression(a.a, b.a)
                && isSameSafeExpression(a.b, b.b)
        case .literal:
            return f.constants[Int(a.aux)] == f.constants[Int(b.aux)]
        case .nilValue:
            return true
        default:
            return false
        }
    }

    /// Whether evaluating the expression may change memory (anything but reads, arithmetic,
    /// conversions and `len`/`cap`).
    private func mayAffectMemory(_ id: IRNodeID) -> Bool {
        guard id.exists else { return false }
        let n = f[id]
        switch n.op {
        case .name, .global, .literal, .nilValue:
            return false
        case .binary:
            return !isArithmetic(n.aux) || mayAffectMemory(n.a) || mayAffectMemory(n.b)
        case .index:
            return mayAffectMemory(n.a) || mayAffectMemory(n.b)
        case .conv, .convNop, .unary, .dot, .dotPtr, .deref:
            return mayAffectMemory(n.a)
        case .builtin:
            guard let b = BuiltinFunction(rawValue: UInt8(n.aux)), b == .len || b == .cap else { return true }
            return f.list(n.list).contains { mayAffectMemory($0) }
        default:
            return true
        }
    }

    /// Arithmetic, bitwise and shift operators (not comparisons).
    private func isArithmetic(_ op: Int32) -> Bool {
        guard let t = Token(rawValue: UInt8(truncatingIfNeeded: op)) else { return false }
        return [.add, .sub, .or, .xor, .mul, .shl, .shr, .and, .andNot, .quo, .rem].contains(t)
    }

    /// Booleans and numbers: conversions between them can be compared structurally.
    private func isSimple(_ t: TypeID) -> Bool {
        guard let k = program.basicKind(t) else { return false }
        return k == .bool || k.isNumeric
    }
}
