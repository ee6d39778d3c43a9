import GoSyntax
import GoTypes

// Devirtualization: an interface method call whose receiver can only hold one concrete type
// becomes a static call of that type's method, which the inliner may then inline.
//
// The model (go 1.22+, the concrete-type analysis of go 1.26+). The compiler interleaves
// devirtualization with inlining: before each call site is considered for inlining, an
// interface call `x.M(args)` is tried, and the analysis reads the function as it is *at that
// moment*, so an interface value produced by a call that was just inlined (`h := New()` with
// `New` inlined, returning `&Digest{}` as a `hash.Hash`) is seen through. The concrete type of
// the receiver is found by looking through interface and no-op conversions, type assertions
// and the single result of an inlined call down to a variable; the variable must be a local
// or temporary of the function (not a parameter, a result or a closure variable) whose
// address is never taken, and every assignment to it must give one and the same concrete
// type: a value (followed the same way, a cycle of variables adding nothing), the element
// type of a map read, a channel receive or a range, the static type of an assertion, or the
// result type of a call not inlined (which, being an interface, is unknown). Assigning `nil`
// and declaring without a value do not count. The concrete type must implement the
// receiver's interface. The call then becomes `T.M(x.(T), args)` (with the implicit `*` or
// field path a method reached through a pointer or an embedded field needs) and is reported
// as `devirtualizing x.M to T` at the call's position.
//
// A closure's variable is read through the enclosing function's variable it captures (the
// compiler's canonical name), with that function's assignments.
//
// Not modelled: assignments made inside function literals to a captured variable (a variable
// captured by a literal and assigned after its definition is left alone instead), partial
// devirtualization (a method promoted from an embedded interface), and generic bodies, whose
// shape instances the compiler devirtualizes with shapes in mind (`cannot devirtualize`).
//
// Complexity: the assignments of a function are collected in one walk each time an interface
// call of it is tried; a function with no interface call costs nothing.

/// One interface call made static.
public struct IRDevirtualizedCall: Sendable {
    /// The call's position, with its inlining stack.
    public var pos: IRPos
    /// The interface value the method is called on (the `x` of `x.M`), a node of the function.
    public var receiver: IRNodeID
    /// The interface method.
    public var method: ObjectID
    /// The concrete type.
    public var type: TypeID
}

/// The compiler's static devirtualization of interface calls, on a function being expanded.
struct Devirtualization {
    let program: Program

    /// What a variable is given by one assignment.
    private enum Assigned {
        /// A value node, followed further.
        case value(IRNodeID)
        /// A known type (an element type, a call's result type).
        case type(TypeID)
        /// Nothing known.
        case unknown
    }

    /// What the analysis finds for an expression.
    private enum Concrete: Equatable {
        /// One concrete type.
        case type(TypeID)
        /// Every assignment was already being analysed (a cycle of variables): no information.
        case nothing
        /// No single concrete type.
        case unknown
    }

    /// Rewrites the interface call `id` of `f` into a static method call when its receiver
    /// has one concrete type that has the method; records it in `f.devirtualizedCalls`.
    /// `outer` gives the package's function at an index (the function a closure variable
    /// belongs to), as it is now.
    func staticCall(_ id: IRNodeID, in f: inout IRFunction, outer: (Int32) -> IRFunction? = { _ in nil }) {
        let call = f[id]
        guard call.op == .callInterface, !call.flags.contains(.goDefer), !f.isGeneric else { return }
        let dot = f[call.a]
        guard dot.op == .dotInter else { return }
        let interfaceType = f[dot.a].type
        var assignments: [IRVarID: [Assigned]]? = nil
        var seen: Set<IRVarID> = []
        guard case .type(let t) = concreteType(dot.a, in: f, assignments: &assignments, seen: &seen, outer: outer),
              !t.isInvalid, !program.isInterface(t), !program.isTypeParam(t),
              program.missingMethod(t, interfaceType) == nil else { return }
        let m = ObjectID(dot.aux)
        guard case .method(let target, let path, _) = program.lookup(t, name: program.object(m).name, pkg: program.object(m).package),
              !program.isInterface(receiverBase(target)) else { return }
        let at = call.pos
        var recv = f.add(.dotType, type: t, pos: at, a: dot.a, flags: .implicit)
        recv = f.addFieldPath(recv, path: path, program: program, at: at)
        let rt = f[recv].type
        if !program.hasPointerReceiver(target), case .pointer(let base) = program.node(program.under(rt)) {
            recv = f.add(.deref, type: base, pos: at, a: recv, flags: .implicit)
        }
        let callee = f.add(.methodExpr, type: program.object(target).type, pos: dot.pos, aux: target.raw, flags: .implicit)
        let args = [recv] + f.list(call.list)
        f.nodes[Int(id.raw)] = IRNode(op: .call, flags: call.flags, type: call.type, pos: call.pos, a: callee, b: .none,
                                      c: .none, list: f.makeList(args), list2: 0, aux: 0, aux2: -1)
        f.devirtualizedCalls.append(IRDevirtualizedCall(pos: call.pos, receiver: dot.a, method: m, type: t))
    }

    /// The type a method is declared on (an interface for a method promoted from an embedded
    /// interface).
    private func receiverBase(_ method: ObjectID) -> TypeID {
        guard let s = program.signatureOf(program.object(method).type), let r = s.recv else { return .invalid }
        return program.object(r).type
    }

    // MARK: The concrete type of an expression

    private func concreteType(_ id: IRNodeID, in f: IRFunction, assignments: inout [IRVarID: [Assigned]]?,
                              seen: inout Set<IRVarID>, outer: (Int32) -> IRFunction?) -> Concrete {
        var x = id
        while true {
            let n = f[x]
            if !program.isInterface(n.type) { return n.type.isInvalid ? .unknown : .type(n.type) }
            switch n.op {
            case .convNop, .convIface, .dotType:
                x = n.a
                continue
            case .inlinedCall:
                let results = f.list(n.list2)
                guard results.count == 1 else { return .unknown }
                x = results[0]
                continue
            default:
                break
            }
            break
        }
        let n = f[x]
        guard n.op == .name else { return .unknown }
        return concreteType(ofVariable: IRVarID(n.aux), in: f, assignments: &assignments, seen: &seen, outer: outer)
    }

    /// The concrete type of a variable of `f` from its assignments. A closure variable is the
    /// enclosing function's (the compiler reads the canonical variable): its assignments there
    /// decide (`defer i.M()` calls `.autotmp_1.M()` in the wrapper, `.autotmp_1 = i` outside).
    private func concreteType(ofVariable v: IRVarID, in f: IRFunction, assignments: inout [IRVarID: [Assigned]]?,
                              seen: inout Set<IRVarID>, outer: (Int32) -> IRFunction?) -> Concrete {
        let variable = f[v]
        if variable.varClass == .captured, let o = variable.outer, let g = outer(o.function) {
            var outerAssignments: [IRVarID: [Assigned]]? = nil
            var outerSeen: Set<IRVarID> = []
            return concreteType(ofVariable: o.variable, in: g, assignments: &outerAssignments, seen: &outerSeen, outer: outer)
        }
        guard variable.varClass == .local || variable.varClass == .temp,
              !variable.flags.contains(.addressTaken),
              !(variable.flags.contains(.captured) && variable.flags.contains(.reassigned)) else { return .unknown }
        if seen.contains(v) { return .nothing }
        seen.insert(v)
        if assignments == nil { assignments = collectAssignments(f) }
        var found: TypeID? = nil
        for a in assignments?[v] ?? [] {
            let t: TypeID
            switch a {
            case .unknown:
                return .unknown
            case .type(let u):
                if program.isInterface(u) { return .unknown }
                t = u
            case .value(let value):
                switch concreteType(value, in: f, assignments: &assignments, seen: &seen, outer: outer) {
                case .nothing: continue
                case .unknown: return .unknown
                case .type(let u): t = u
                }
            }
            if let found, !program.identical(found, t) { return .unknown }
            found = t
        }
        return found.map { .type($0) } ?? .nothing
    }

    // MARK: Assignments

    /// Every assignment to an interface-typed local of the function, as it is now.
    private func collectAssignments(_ f: IRFunction) -> [IRVarID: [Assigned]] {
        var out: [IRVarID: [Assigned]] = [:]
        func assign(_ target: IRNodeID, _ value: Assigned) {
            guard target.exists else { return }
            let t = f[target]
            guard t.op == .name, program.isInterface(t.type) else { return }
            let v = f[IRVarID(t.aux)]
            guard v.varClass == .local || v.varClass == .temp, !v.flags.contains(.blank) else { return }
            if case .value(let x) = value, f[x].op == .nilValue { return }
            out[IRVarID(t.aux), default: []].append(value)
        }
        func callResult(_ call: IRNodeID, _ i: Int) -> Assigned {
            let c = f[call]
            if c.op == .inlinedCall {
                let results = f.list(c.list2)
                return i < results.count ? .value(results[i]) : .unknown
            }
            if case .tuple(let results) = program.node(c.type) {
                return i < results.count ? .type(program.object(results[i]).type) : .unknown
            }
            return i == 0 ? .type(c.type) : .unknown
        }
        f.forEachReachable(from: f.body) { _, n in
            switch n.op {
            case .assign where n.b.exists:
                let rhs = f[n.b]
                assign(n.a, rhs.op == .call || rhs.op == .callInterface ? callResult(n.b, 0) : .value(n.b))
            case .assignList:
                for (l, r) in zip(f.list(n.list), f.list(n.list2)) { assign(l, .value(r)) }
            case .assignCall:
                for (i, l) in f.list(n.list).enumerated() { assign(l, callResult(n.a, i)) }
            case .assignDotType:
                if let l = f.list(n.list).first { assign(l, .value(n.a)) }
            case .assignMapRead, .assignRecv:
                if let l = f.list(n.list).first { assign(l, .type(f[n.a].type)) }
            case .rangeStmt:
                let (key, value) = rangeTypes(f[n.a].type)
                assign(n.b, key)
                assign(n.c, value)
            case .typeSwitch:
                for clause in f.list(n.list) where f[clause].b.exists { assign(f[clause].b, .value(n.a)) }
            default:
                break
            }
        }
        return out
    }

    /// What a range statement gives its key and value variables.
    private func rangeTypes(_ t0: TypeID) -> (Assigned, Assigned) {
        var t = program.under(t0)
        if case .pointer(let e) = program.node(t), case .array = program.node(program.under(e)) { t = program.under(e) }
        switch program.node(t) {
        case .array, .slice: return (.unknown, .type(program.elementType(t)))
        case .chan: return (.type(program.elementType(t)), .unknown)
        case .map(let k, let v): return (.type(k), .type(v))
        default: return (.unknown, .unknown)
        }
    }
}
