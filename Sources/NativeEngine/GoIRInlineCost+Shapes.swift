import GoIR
import GoTypes

/// What a generic body costs more as the shaped copy the compiler compiles: operations whose
/// type involves a type parameter take its run-time type from the dictionary.
extension GoIRInlineCost {
    /// True when the type mentions a type parameter (its shaped copy's type is a shape).
    func mentionsTypeParameter(_ t: TypeID) -> Bool {
        var seen: Set<TypeID> = []
        return mentionsTypeParameter(t, &seen)
    }

    private func mentionsTypeParameter(_ t: TypeID, _ seen: inout Set<TypeID>) -> Bool {
        guard !t.isInvalid, seen.insert(t).inserted else { return false }
        switch program.node(t) {
        case .typeParam: return true
        case .pointer(let e), .slice(let e), .array(_, let e), .chan(_, let e): return mentionsTypeParameter(e, &seen)
        case .map(let k, let v): return mentionsTypeParameter(k, &seen) || mentionsTypeParameter(v, &seen)
        case .named(let i): return program.named[Int(i)].typeArgs.contains { mentionsTypeParameter($0, &seen) }
        case .alias(let i): return mentionsTypeParameter(program.aliases[Int(i)].actual, &seen)
        default: return false
        }
    }
}

extension InlineBudget {
    /// `new(T)` of a shaped type: the dynamic-type node and the dictionary read it holds.
    static let dynamicType = 5
}
