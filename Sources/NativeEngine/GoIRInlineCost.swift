import GoIR
import GoTypes

/// The inliner's cost of one GoIR function: the compiler's `hairyVisitor` (Go 1.27,
/// `cmd/compile/internal/inline/inl.go`) over the lowered body. Every node costs 1 unless a
/// rule below says otherwise; every weight is a constant of `InlineBudget`, every refusal a
/// text of `InlineReason`. Calls are in `GoIRInlineCost+Calls.swift`.
///
/// GoIR keeps some of the compiler's inits as statements of their own (the temporaries of a
/// multi-value call, a statement's init in a `synthetic` block): the compiler visits inits
/// with the node that holds them, so visiting them in place costs the same.
struct GoIRInlineCost {
    /// What the cost needs to know about the callees a body reaches.
    struct Callees {
        /// The inline cost of a declared function or method (nil: not inlinable or not decided).
        var cost: (ObjectID) -> Int?
        /// The inline cost of the function literal at this index of the package (nil: not inlinable).
        var literalCost: (Int32) -> Int?
    }

    let program: Program
    let package: IRPackage
    let function: IRFunction
    /// The function's index in the package (nil for a body outside the package's table).
    let index: Int?
    let callees: Callees
    /// True when the function is "big": callees are then inlined only up to `InlineBudget.bigCallee`.
    let isBig: Bool

    /// Accumulated cost.
    var cost = 0
    /// IR nodes visited, free ones included, extra weights excluded and the multi-value
    /// refund applied (the compiler's count for its "big function" test).
    private(set) var nodes = 0
    /// The reason the function can never be inlined, once found (the walk stops there).
    private(set) var reason: String?

    init(program: Program, package: IRPackage, function: IRFunction, index: Int? = nil, callees: Callees, isBig: Bool) {
        self.program = program
        self.package = package
        self.function = function
        self.index = index
        self.callees = callees
        self.isBig = isBig
    }

    /// Costs the whole body.
    mutating func run() { visit(function.body) }

    /// Adds the cost of `n` ordinary nodes.
    mutating func charge(_ n: Int = 1) {
        cost += n
        nodes += n
    }

    /// Records a reason the function cannot be inlined; the first one wins.
    mutating func refuse(_ why: String) {
        if reason == nil { reason = why }
    }

    // MARK: Nodes

    mutating func visitList(_ handle: Int32, assigned: Bool = false) {
        for id in function.nodes(inList: handle) {
            if reason != nil { return }
            if assigned && !id.exists { charge(); continue }  // `_` on the left is a name node
            if !assigned && isBareFirstMultiValueTemporary(id) {
                // The front end hangs the temporaries' assignment on the first value; a bare
                // name cannot hold it, so a free OCONVNOP wraps it (a node of the "big" count).
                nodes += 1
            }
            visit(id)
        }
    }

    mutating func visit(_ id: IRNodeID) {
        guard id.exists, reason == nil else { return }
        let n = function[id]
        switch n.op {
        case .typeOperand where n.a.exists:
            charge()  // ODYNAMICTYPE, then its dictionary word
            visit(n.a)
            return
        case .typeWord:
            charge(n.aux == TypeWordSource.dictionary.rawValue ? InlineBudget.dictionaryWord : InlineBudget.staticTypeWord)
            return
        case .none, .typeOperand, .fallthroughStmt:
            return  // OTYPE and OFALL: free, children skipped
        case .block, .convNop, .methodExpr:
            // OBLOCK, OCONVNOP, OMETHEXPR: free (their children still count).
            nodes += 1
            visitChildren(n)
            return
        case .declare:
            charge(2)  // ODCL and its name
            return
        case .ifStmt where isBoolLiteral(n.a):
            // A constant condition: the if and the condition cost nothing.
            nodes += 2
            visitList(n.list)
            visitList(n.list2)
            return
        case .call:
            call(n)
            return
        case .goStmt:
            refuse(InlineReason.goStatement)
            return
        case .deferStmt:
            refuse(InlineReason.deferStatement)
            return
        case .closure:
            charge()
            cost += InlineBudget.closureLiteral  // the body is costed as its own function
            return
        case .builtin:
            builtin(n)
            return
        case .callInterface:
            charge()
            cost += InlineBudget.call
            let dot = function[n.a]
            // A type parameter's method (a dictionary word in `b`) takes its receiver as is.
            if dot.op == .dotInter, !dot.b.exists, callsOrReceives(dot.a) {
                charge(InlineBudget.interfaceReceiverTemporary)
            }
            visitChildren(n)
            return
        case .methodValue, .sliceLit:
            charge()
            cost += 1  // one node, costed twice
        case .addr:
            charge()
            if isZeroOffsetFieldOfName(n.a) { cost -= InlineBudget.zeroOffsetFieldAddress }
        case .deref:
            charge()
            if strippedOfNoOps(n.a).op == .addr { cost -= InlineBudget.derefOfAddress }
        case .slice:
            charge()
            if isLiteral(n.b, zero: true) { cost -= InlineBudget.sliceFromZero }
            if isLengthOfSame(n.c, as: n.a) { cost -= InlineBudget.sliceToLength }
        case .assignList:
            charge()
            if let first = function.nodes(inList: n.list2).first, isMultiValueTemporary(first) {
                // Refunded from the "big function" count too.
                let refund = InlineBudget.multiValueTemporaries(function.nodes(inList: n.list).count)
                cost -= refund
                nodes -= refund
            }
            visitList(n.list, assigned: true)
            visitList(n.list2)
            return
        case .assign:
            charge()
            if !n.a.exists && n.b.exists { charge() }  // `_ = v`
            visitChildren(n)
            return
        case .assignCall, .assignDotType, .assignMapRead, .assignRecv:
            charge()
            visit(n.a)
            visitList(n.list, assigned: true)
            return
        case .rangeStmt:
            charge()
            charge(Int(n.aux))  // each `_` written as key or value (`for _, v :=`, `for k, _ :=`, `for _ =`)
            visitChildren(n)
            return
        case .typeSwitch:
            // OSWITCH, its OTYPESW guard, and the guard's symbol when it binds one; then each
            // clause with its variable (declared in every clause, used or not).
            let binds = n.aux == 1
            charge(binds ? 3 : 2)
            visit(n.a)
            for clause in function.nodes(inList: n.list) {
                if reason != nil { return }
                let c = function[clause]
                charge(binds ? 2 : 1)
                visitList(c.list)
                visitList(c.list2)
            }
            return
        case .commClause:
            charge()
            charge(selectCommunicationExtra(n.a))
        default:
            charge()
        }
        visitChildren(n)
    }

    mutating func visitChildren(_ n: IRNode) {
        visit(n.a)
        visit(n.b)
        visit(n.c)
        visitList(n.list)
        visitList(n.list2)
    }

    // MARK: Rules

    func isBoolLiteral(_ id: IRNodeID) -> Bool {
        guard id.exists, function[id].op == .literal else { return false }
        if case .bool = function.constants[Int(function[id].aux)] { return true }
        return false
    }

    func isLiteral(_ id: IRNodeID, zero: Bool) -> Bool {
        guard id.exists, function[id].op == .literal, let v = function.constants[Int(function[id].aux)].integer else {
            return false
        }
        return v.isZero == zero
    }

    /// The node under a chain of no-op conversions.
    func strippedOfNoOps(_ id: IRNodeID) -> IRNode {
        var x = function[id]
        while x.op == .convNop { x = function[x.a] }
        return x
    }

    /// `name.f` or `name->f` with `f` at offset 0 (its address costs nothing).
    func isZeroOffsetFieldOfName(_ id: IRNodeID) -> Bool {
        let dot = function[id]
        guard dot.op == .dot || dot.op == .dotPtr else { return false }
        let base = function[dot.a]
        guard base.op == .name || base.op == .global || base.op == .function else { return false }
        var t = base.type
        if dot.op == .dotPtr, case .pointer(let e) = program.node(program.under(t)) { t = e }
        guard case .structure(let s) = program.node(program.under(t)), Int(dot.aux) < s.fields.count else { return false }
        return program.offsetsof(s)[Int(dot.aux)] == 0
    }

    /// `len(x)` of the very variable `x` being sliced (the compiler compares the name nodes).
    func isLengthOfSame(_ high: IRNodeID, as base: IRNodeID) -> Bool {
        guard high.exists else { return false }
        let h = function[high]
        guard h.op == .builtin, BuiltinFunction(rawValue: UInt8(h.aux)) == .len,
              let arg = function.nodes(inList: h.list).first else { return false }
        let a = function[arg], b = function[base]
        return (a.op == .name || a.op == .global) && a.op == b.op && a.aux == b.aux
    }

    /// The first right-hand value of `a, b = t1, t2` read from a temporary of a multi-value
    /// call (the compiler's rewrite of `a, b = f()`, refunded).
    func isMultiValueTemporary(_ id: IRNodeID) -> Bool {
        var x = function[id]
        while x.op == .convNop || (x.op == .convIface && x.flags.contains(.implicit)) { x = function[x.a] }
        guard x.op == .name else { return false }
        let v = function[IRVarID(x.aux)]
        return v.varClass == .temp && v.definition.exists && function[v.definition].op == .assignCall
    }

    /// True for an unconverted read of the first temporary of a multi-value call (`t1` of
    /// `t1, t2 = g()` read by `a, b = t1, t2`, `return t1, t2` or `f(t1, t2)`).
    func isBareFirstMultiValueTemporary(_ id: IRNodeID) -> Bool {
        guard id.exists else { return false }
        let x = function[id]
        guard x.op == .name else { return false }
        let v = function[IRVarID(x.aux)]
        guard v.varClass == .temp, v.definition.exists else { return false }
        let d = function[v.definition]
        guard d.op == .assignCall, let first = function.nodes(inList: d.list).first, first.exists else { return false }
        return function[first].op == .name && function[first].aux == x.aux
    }

    /// Nodes the front end adds around a select case's communication: `<-c` becomes
    /// `_, _ = <-c`, `v = <-c` gets a second `_`, `v, ok = <-c` goes through a temporary.
    func selectCommunicationExtra(_ comm: IRNodeID) -> Int {
        guard comm.exists else { return 0 }
        var c = function[comm]
        if c.op == .block, let last = function.nodes(inList: c.list).last { c = function[last] }
        switch c.op {
        case .recv: return InlineBudget.selectReceive
        case .assign: return InlineBudget.selectReceiveAssign
        case .assignRecv: return InlineBudget.selectReceiveCommaOK
        default: return 0
        }
    }

    /// Built-in calls: one node each; `panic` costs one more (refunded when its operand is an
    /// implicit interface conversion); `recover` is refused.
    mutating func builtin(_ n: IRNode) {
        guard let b = BuiltinFunction(rawValue: UInt8(n.aux)) else { charge(); visitList(n.list); return }
        switch b {
        case .recover:
            refuse(InlineReason.recover)
            return
        case .panic:
            charge()
            cost += InlineBudget.panic
            if let arg = function.nodes(inList: n.list).first, function[arg].op == .convIface, function[arg].flags.contains(.implicit) {
                cost -= 1
            }
        default:
            charge()
        }
        visitList(n.list)
    }
}
