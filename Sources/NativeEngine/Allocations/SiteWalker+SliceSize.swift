import GoIR
import GoSyntax
import GoTypes

/// Lengths and capacities as SSA sees them: a constant plus lengths of slices the function
/// never reassigns (go-compiler-facts.md §4.3, "growth the backend removes").
///
/// SSA computes `len(x)` of an unassigned local once and value-numbers every use of it alike,
/// and the sums built from such lengths and constants fold the same way wherever they are
/// written. So the capacity of `make([]byte, 0, 4+len(a))` and the length reached after
/// appending four bytes and then `a...` are one SSA value, and the growth check comparing
/// them folds away; `prove` also knows every length is non-negative, so a capacity exceeding
/// the new length by a constant or by further lengths leaves the check false too.
extension SiteWalker {
    /// `constant + Σ coefficient × len(variable)`.
    struct SliceSize: Equatable {
        var constant: Int64
        /// Coefficients by the variable whose length they multiply.
        var lengths: [IRVarID: Int64] = [:]

        init(_ constant: Int64, lengths: [IRVarID: Int64] = [:]) {
            self.constant = constant
            self.lengths = lengths.filter { $0.value != 0 }
        }

        static func + (a: SliceSize, b: SliceSize) -> SliceSize {
            SliceSize(a.constant &+ b.constant, lengths: a.lengths.merging(b.lengths, uniquingKeysWith: +))
        }

        static func - (a: SliceSize, b: SliceSize) -> SliceSize {
            SliceSize(a.constant &- b.constant, lengths: a.lengths.merging(b.lengths.mapValues { -$0 }, uniquingKeysWith: +))
        }

        /// True when the size can never be negative: a non-negative constant plus lengths.
        var isNonNegative: Bool { constant >= 0 && lengths.values.allSatisfy { $0 > 0 } }
    }

    /// The size an integer expression denotes, when it is a constant, the length of an
    /// unassigned slice, string or array, or a sum or difference of those.
    func sliceSize(_ id: IRNodeID) -> SliceSize? {
        guard id.exists else { return nil }
        if let c = constantInt(id) { return SliceSize(c) }
        let n = f[id]
        switch n.op {
        case .conv, .convNop:
            return sliceSize(n.a)
        case .binary:
            guard let l = sliceSize(n.a), let r = sliceSize(n.b) else { return nil }
            switch Token(rawValue: UInt8(n.aux)) {
            case .add: return l + r
            case .sub: return l - r
            default: return nil
            }
        case .builtin where BuiltinFunction(rawValue: UInt8(n.aux)) == .len:
            guard let x = f.list(n.list).first else { return nil }
            return length(of: x)
        default:
            return nil
        }
    }

    /// The length of a slice, string or array value, when SSA knows it as a `SliceSize`.
    func length(of id: IRNodeID) -> SliceSize? {
        guard id.exists else { return nil }
        let n = f[id]
        if let count = arrayCount(n.type) ?? pointedArrayCount(n.type) { return SliceSize(count) }
        if let c = staticConstant(id), case .string(let bytes) = f.constants[Int(f[c].aux)] { return SliceSize(Int64(bytes.count)) }
        switch n.op {
        case .conv, .convNop, .stringToBytes:
            return length(of: n.a)
        case .sliceLit:
            return SliceSize(Int64(n.aux))
        case .slice:
            let low = n.b.exists ? sliceSize(n.b) : SliceSize(0)
            let high = n.c.exists ? sliceSize(n.c) : length(of: n.a)
            guard let low, let high else { return nil }
            return high - low
        case .name:
            guard isSliceOrString(n.type), let v = unassigned(id) else { return nil }
            return SliceSize(0, lengths: [v: 1])
        default:
            return nil
        }
    }

    /// The capacity of `x[lo:hi:max]` when `x` is an array or a pointer to one.
    func arraySliceCapacity(_ id: IRNodeID) -> SliceSize? {
        let n = f[id]
        guard n.op == .slice, n.a.exists else { return nil }
        let base = f[n.a].type
        guard let count = arrayCount(base) ?? pointedArrayCount(base) else { return nil }
        let low = n.b.exists ? sliceSize(n.b) : SliceSize(0)
        let max = f.list(n.list).first.map { sliceSize($0) } ?? SliceSize(count)
        guard let low, let max else { return nil }
        return max - low
    }

    /// True for a slice or string type (whose length is a run-time value).
    func isSliceOrString(_ t: TypeID) -> Bool {
        if case .slice = program.node(program.under(t)) { return true }
        return program.basicKind(program.under(t)) == .string
    }

    /// The length of an array type.
    func arrayCount(_ t: TypeID) -> Int64? {
        if case .array(let count, _) = program.node(program.under(t)) { return count }
        return nil
    }

    /// The length of the array a pointer type points to.
    func pointedArrayCount(_ t: TypeID) -> Int64? {
        if case .pointer(let e) = program.node(program.under(t)) { return arrayCount(e) }
        return nil
    }

    /// The variable a name denotes when nothing assigns it after its definition and no one
    /// else can (its address is never taken, no closure captures it), following copies of
    /// such variables (an inlined body's parameters bound to the caller's variables).
    func unassigned(_ id: IRNodeID) -> IRVarID? {
        var x = id
        var found: IRVarID?
        for _ in 0..<8 {
            guard x.exists, f[x].op == .name else { return found }
            let v = IRVarID(f[x].aux)
            let variable = f[v]
            guard variable.varClass == .local || variable.varClass == .temp || variable.varClass == .param,
                  !variable.flags.contains(.reassigned), !variable.flags.contains(.addressTaken),
                  !variable.flags.contains(.captured) else { return found }
            found = v
            guard variable.definition.exists else { return found }
            let d = f[variable.definition]
            guard d.op == .assign, d.b.exists else { return found }
            x = d.b
        }
        return found
    }
}
