import GoTypes

extension IRFunction {
    /// Selects the embedded fields at `path` from `base` (`.dot` on a struct value, `.dotPtr`
    /// through a pointer), each step typed as its field; the last step takes `finalType` when
    /// given. Steps are implicit except the last, unless `implicit`.
    public mutating func addFieldPath(_ base: IRNodeID, path: [Int], program: Program, at pos: IRPos, finalType: TypeID? = nil,
                               implicit: Bool = true) -> IRNodeID {
        var x = base
        for (i, step) in path.enumerated() {
            var t = self[x].type
            var op = IROp.dot
            if case .pointer(let p) = program.node(program.under(t)) { t = p; op = .dotPtr }
            var fieldType = TypeID.invalid
            if case .structure(let s) = program.node(program.under(t)), step < s.fields.count {
                fieldType = program.object(s.fields[step]).type
            }
            let last = i == path.count - 1
            if last, let finalType, !finalType.isInvalid { fieldType = finalType }
            x = add(op, type: fieldType, pos: pos, a: x, aux: Int32(step), flags: (implicit || !last) ? .implicit : [])
        }
        return x
    }
}
