import GoIR
import GoSyntax
import GoTypes

/// Code SSA removes as dead (go-compiler-facts.md §4.3, "growth the backend removes").
///
/// Escape analysis runs on the IR after inlining and prints its verdicts for every branch, but
/// SSA then propagates constants, including the arguments an inlined call binds to its
/// parameters, and drops the blocks no execution reaches, with the allocator calls in them:
/// `e.encodeUint(0)` inlines `if x <= 0x7F { …; return }` and the growth after it is gone;
/// `(*Checker)(nil).newNamed(…)` loses every `if check != nil` branch. Sparse conditional
/// constant propagation does the same for a loop whose condition is false on entry: a
/// variable assigned only by its definition before the loop and inside the loop keeps its
/// entry value while the back edge is never taken (`for x >= 0x80 { … }` after `x := 24`).
///
/// Model. A condition is evaluated over constants: literals, `nil`, and locals whose every
/// assignment is their constant definition (for a loop condition: or lies inside the loop),
/// through conversions to wide enough integers, arithmetic, shifts, comparisons and `!`, `&&`,
/// `||`. An `if` whose condition is constant loses the branch it never takes, and when the branch
/// it takes ends in a jump, the statements after it; a `for` whose condition is false on entry
/// loses its body and post statement. Values that do not fit 32
/// bits are left unknown (typed arithmetic would wrap).
extension SiteWalker {
    /// The parts of a statement no execution reaches.
    enum DeadPart: Equatable {
        /// The `if` branch (`list`) of a condition always false; the loop body and post
        /// statement of a loop never entered.
        case taken
        /// The `else` branch (`list2`) of a condition always true.
        case otherwise
        /// As `otherwise`, and the `if` branch always jumps away: the statements after the
        /// `if` in its list are dead too (`if x <= 0x7F { …; return }` with `x` known small).
        case otherwiseAndRest
        /// As `taken`, and the `else` branch always jumps away.
        case takenAndRest
    }

    /// A value known at compile time.
    enum KnownValue: Equatable {
        case constant(ConstantValue)
        case nilValue
    }

    /// The statements with a part SSA removes, by statement.
    func deadParts() -> [IRNodeID: DeadPart] {
        guard f.body.exists else { return [:] }
        var out: [IRNodeID: DeadPart] = [:]
        f.forEachReachable(from: f.body) { id, n in
            switch n.op {
            case .ifStmt:
                guard case .constant(.bool(let b))? = knownValue(n.a, loop: nil) else { return }
                let jumps = endsInJump(f.list(b ? n.list : n.list2))
                out[id] = b ? (jumps ? .otherwiseAndRest : .otherwise) : (jumps ? .takenAndRest : .taken)
            case .forStmt:
                guard n.a.exists, case .constant(.bool(false))? = knownValue(n.a, loop: id) else { return }
                out[id] = .taken
            default:
                break
            }
        }
        return out
    }

    /// True when a statement list ends in a `return` or a jump (an inlined body's `return` is
    /// a block ending in a `goto` to the body's end).
    private func endsInJump(_ list: [IRNodeID]) -> Bool {
        guard let last = list.last, last.exists else { return false }
        let op = f[last].op
        if op == .block { return endsInJump(f.list(f[last].list)) }
        return op == .returnStmt || (op == .branch && Token(rawValue: UInt8(f[last].aux)) != .kwFallthrough)
    }

    /// Bits a known integer may take (typed arithmetic beyond them would wrap).
    static let knownValueBits = 31

    /// The compile-time value of an expression; for a loop condition (`loop`), with the
    /// values the loop's variables have on entry.
    func knownValue(_ id: IRNodeID, loop: IRNodeID?, depth: Int = 0) -> KnownValue? {
        guard id.exists, depth < 16 else { return nil }
        let n = f[id]
        let next = depth + 1
        switch n.op {
        case .literal:
            return fitting(f.constants[Int(n.aux)])
        case .nilValue:
            return .nilValue
        case .conv, .convNop:
            guard let v = knownValue(n.a, loop: loop, depth: next) else { return nil }
            guard case .constant(.int(let i)) = v else { return v }
            let bits = Int(program.sizeof(n.type)) * 8
            guard bits > 0, let x = i.int64, x >= 0, bits > 63 || x < (Int64(1) << Int64(bits - 1)) else { return nil }
            return v
        case .name:
            return knownValue(ofVariable: IRVarID(n.aux), loop: loop, depth: next)
        case .unary:
            guard case .constant(let x)? = knownValue(n.a, loop: loop, depth: next),
                  let t = Token(rawValue: UInt8(n.aux)) else { return nil }
            if t == .not, case .bool(let b) = x { return .constant(.bool(!b)) }
            return t == .sub ? ConstantValue.unary(.sub, x, unsignedBits: 0).flatMap(fitting) : nil
        case .andAnd, .orOr:
            guard case .constant(.bool(let l))? = knownValue(n.a, loop: loop, depth: next) else { return nil }
            if n.op == .andAnd && !l { return .constant(.bool(false)) }
            if n.op == .orOr && l { return .constant(.bool(true)) }
            guard case .constant(.bool(let r))? = knownValue(n.b, loop: loop, depth: next) else { return nil }
            return .constant(.bool(r))
        case .binary:
            guard let t = Token(rawValue: UInt8(n.aux)),
                  let l = knownValue(n.a, loop: loop, depth: next), let r = knownValue(n.b, loop: loop, depth: next) else { return nil }
            return combine(l, t, r)
        default:
            return nil
        }
    }

    /// `l op r` over known values.
    private func combine(_ l: KnownValue, _ t: Token, _ r: KnownValue) -> KnownValue? {
        switch t {
        case .eql, .neq:
            if l == .nilValue || r == .nilValue { return .constant(.bool((l == r) == (t == .eql))) }
            guard case .constant(let x) = l, case .constant(let y) = r,
                  let b = ConstantValue.compare(x, t, y) else { return nil }
            return .constant(.bool(b))
        case .lss, .leq, .gtr, .geq:
            guard case .constant(let x) = l, case .constant(let y) = r,
                  let b = ConstantValue.compare(x, t, y) else { return nil }
            return .constant(.bool(b))
        case .shl, .shr:
            guard case .constant(let x) = l, case .constant(.int(let s)) = r, let count = s.int64,
                  count >= 0, count < 64 else { return nil }
            return ConstantValue.shift(x, t, Int(count)).flatMap(fitting)
        case .add, .sub, .mul, .and, .or, .xor, .andNot:
            guard case .constant(let x) = l, case .constant(let y) = r else { return nil }
            return ConstantValue.binary(x, t, y, integerDivision: true).flatMap(fitting)
        default:
            return nil
        }
    }

    /// A constant kept when it is a boolean or an integer within `knownValueBits`.
    private func fitting(_ c: ConstantValue) -> KnownValue? {
        switch c {
        case .bool: return .constant(c)
        case .int(let i):
            let limit = Int64(1) << Int64(Self.knownValueBits)
            guard let x = i.int64, x > -limit, x < limit else { return nil }
            return .constant(c)
        default: return nil
        }
    }

    /// A local's value when every assignment of it is its constant definition (for a loop:
    /// or lies inside the loop, the definition lying outside it).
    private func knownValue(ofVariable v: IRVarID, loop: IRNodeID?, depth: Int) -> KnownValue? {
        let x = f[v]
        guard x.varClass == .local || x.varClass == .temp, !x.flags.contains(.addressTaken),
              !x.flags.contains(.captured), x.definition.exists else { return nil }
        if x.flags.contains(.reassigned) {
            guard let loop, assignsOnlyInside(v, loop) else { return nil }
        }
        let d = f[x.definition]
        if d.op == .assign, d.b.exists { return knownValue(d.b, loop: nil, depth: depth) }
        if d.op == .assignList,
           let i = f.list(d.list).firstIndex(where: { $0.exists && f[$0].op == .name && IRVarID(f[$0].aux) == v }),
           i < f.list(d.list2).count {
            return knownValue(f.list(d.list2)[i], loop: nil, depth: depth)
        }
        return nil
    }

    /// True when every assignment of `v` except its definition lies inside `loop`, and the
    /// definition lies outside it.
    private func assignsOnlyInside(_ v: IRVarID, _ loop: IRNodeID) -> Bool {
        let definition = f[v].definition
        var inside = 0
        var definedInside = false
        f.forEachReachable(from: loop) { id, m in
            if id == definition { definedInside = true }
            inside += assignments(of: v, in: m)
        }
        guard !definedInside else { return false }
        var everywhere = 0
        f.forEachReachable(from: f.body) { id, m in
            if id != definition { everywhere += assignments(of: v, in: m) }
        }
        return everywhere == inside
    }

    /// How many times one statement assigns `v`.
    private func assignments(of v: IRVarID, in m: IRNode) -> Int {
        func names(_ x: IRNodeID) -> Bool { x.exists && f[x].op == .name && IRVarID(f[x].aux) == v }
        switch m.op {
        case .assign, .assignOp:
            return names(m.a) ? 1 : 0
        case .assignList, .assignCall, .assignDotType, .assignMapRead, .assignRecv, .rangeStmt:
            return (f.list(m.list) + [m.b, m.c]).filter(names).count
        default:
            return 0
        }
    }
}
