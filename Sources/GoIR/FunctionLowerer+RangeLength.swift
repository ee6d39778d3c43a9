import GoSyntax
import GoTypes

/// A `range` over an array (or a pointer to one) that binds no value variable and whose
/// operand holds no call and no channel receive ranges over the array's length: the type
/// checker the compiler uses records the operand as that integer constant, so the loop reads
/// neither the array nor the pointer (nothing to evaluate, nothing to nil-check, one literal
/// node in the inliner's cost).
extension FunctionLowerer {
    /// The lowered operand of a range statement: the array length as an `int` literal when
    /// the rule above applies, the operand otherwise.
    func rangeOperand(_ x: NodeID, bindsValue: Bool) -> IRNodeID {
        if !bindsValue, let length = constantArrayLength(x) {
            return literal(.int(BigInt(length)), type: program.basicType(.int), at: position(unparen(x)))
        }
        return expr(x)
    }

    /// The length of an array or pointer-to-array operand without calls or receives.
    private func constantArrayLength(_ x: NodeID) -> Int? {
        var t = program.under(typeOf(x))
        if case .pointer(let p) = program.node(t) { t = program.under(p) }
        guard case .array(let count, _) = program.node(t), !holdsCallOrReceive(x) else { return nil }
        return Int(count)
    }

    /// True when the expression calls a function (a conversion or a constant built-in call
    /// does not count) or receives from a channel; function literals are not looked into.
    private func holdsCallOrReceive(_ e: NodeID) -> Bool {
        var found = false
        tree.walk(e) { id, _, _ in
            if found { return false }
            switch tree.kind(id) {
            case .callExpr:
                let fun = fact(tree[id].fun)?.mode
                if fun == .type || (fun == .builtin && fact(id)?.mode == .constant) { return true }
                found = true
                return false
            case .unaryExpr where tree[id].token == .arrow:
                found = true
                return false
            case .funcLit:
                return false
            default:
                return true
            }
        }
        return found
    }
}
