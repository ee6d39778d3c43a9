import GoSyntax
import GoTypes

/// Computes the inliner's cost of one function body by walking its syntax tree and charging,
/// for every construct, the IR nodes the compiler's front end builds for it (see the essay in
/// `NativeEngine.swift`). Statements live here; expressions and calls in the extensions.
struct InlineCostWalker {
    /// What the walker needs to know about statically known callees.
    struct Callees {
        /// The inline cost of a function or method object, nil when it is not inlinable (or not
        /// decided yet, as within a recursive cycle).
        var cost: (ObjectID) -> Int?
        /// The inline cost of a function literal called on the spot, nil when not inlinable.
        var literalCost: (NodeID) -> Int?
    }

    let program: Program
    let package: TypedPackage
    let tree: SyntaxTree
    /// Index of the walked file in the package.
    let fileIndex: Int
    let facts: FileFacts
    let callees: Callees
    /// True when the function has more IR nodes than `InlineBudget.bigFunctionNodes`.
    let isBig: Bool
    /// Parameters (and receiver) of the function: calling one costs less.
    let parameters: Set<ObjectID>

    /// Accumulated cost.
    private(set) var cost = 0
    /// IR nodes visited (for the "big function" test).
    private(set) var nodes = 0
    /// `go`/`defer` wrappers of the walked body, in source order.
    var wrappers: [GoDeferWrapper] = []
    /// Function literals met while walking (those the front end keeps), in source order.
    private(set) var literals: [NodeID] = []
    /// True once the body shows a construct the model does not cover (range over a function).
    private(set) var unmodelled = false
    /// The reason the function can never be inlined, once found.
    private(set) var reason: String?

    init(program: Program, package: TypedPackage, file: Int, callees: Callees, isBig: Bool, parameters: Set<ObjectID>) {
        self.program = program
        self.package = package
        self.tree = package.files[file].tree
        self.fileIndex = file
        self.facts = package.facts[file]
        self.callees = callees
        self.isBig = isBig
        self.parameters = parameters
    }

    /// Charges `n` IR nodes of cost 1 each.
    mutating func charge(_ n: Int = 1) {
        cost += n
        nodes += n
    }

    /// Adds (or with a negative value refunds) cost without counting nodes.
    mutating func adjust(_ n: Int) { cost += n }

    /// A statically resolved call the inliner may inline (decided once every verdict is known).
    struct CallSite: Sendable {
        /// Offset of the call's `(`.
        var offset: Int
        /// What is called.
        var target: InlineCostWalker.StaticCallee
        /// The call expression (its arguments bind the callee's parameters when inlined).
        var call: NodeID
        /// True for a function literal called in only one place (a larger limit applies).
        var calledOnce: Bool = false
    }

    /// An interface call the compiler turns into a concrete method call.
    struct Devirtualization: Sendable {
        /// Offset of the call's `(`.
        var offset: Int
        /// `x.M` as the compiler prints it.
        var subject: String
        /// The concrete type.
        var type: String
    }

    /// Devirtualized interface calls, in source order.
    var devirtualizations: [Devirtualization] = []

    /// Statically resolved calls, in source order.
    private(set) var callSites: [CallSite] = []
    /// The call being costed.
    var currentCall: NodeID = .none
    mutating func noteCallSite(_ target: StaticCallee) {
        guard currentCall.exists else { return }
        var once = false
        if case .literal(let l) = target {
            once = unparen(tree[currentCall].fun) == l || literalCallCount(l) == 1
        }
        callSites.append(CallSite(offset: tree[currentCall].lparen, target: target, call: currentCall, calledOnce: once))
    }

    /// Records a function literal the walk reached.
    mutating func noteLiteral(_ literal: NodeID) { literals.append(literal) }

    /// Records a reason that makes the function impossible to inline.
    mutating func refuse(_ why: String) {
        if reason == nil { reason = why }
    }

    // MARK: Statements

    /// A statement list, without the statements the front end drops as unreachable: those
    /// after a terminating statement, unless a label follows.
    mutating func statements(_ list: NodeList) {
        var lastLabel = -1
        for (i, s) in list.enumerated() where tree.kind(s) == .labeledStmt { lastLabel = i }
        var dead = false
        for (i, s) in list.enumerated() {
            if dead && i > lastLabel && tree.kind(s) != .labeledStmt { continue }
            statement(s)
            dead = terminates(s)
        }
    }

    /// True when a statement ends normal control flow, as the front end's dead-code pass sees it.
    func terminates(_ s: NodeID) -> Bool {
        let n = tree[s]
        switch n.kind {
        case .branchStmt: return n.token == .kwGoto
        case .returnStmt: return true
        case .exprStmt:
            let x = unparen(n.x)
            return tree.kind(x) == .callExpr && builtin(tree[x].fun) == .panic
        case .ifStmt:
            let c = staticBool(n.cond).value
            let thenEnds = terminates(n.body)
            let elseEnds = n.elseBranch.exists && terminates(n.elseBranch)
            return (c < 0 || thenEnds) && (c > 0 || elseEnds)
        case .blockStmt:
            let stmts = n.list
            guard let last = stmts.last(where: { tree.kind($0) != .emptyStmt }) else { return false }
            return terminates(last)
        default: return false
        }
    }

    mutating func statement(_ s: NodeID) {
        guard s.exists else { return }
        let n = tree[s]
        switch n.kind {
        case .exprStmt: expression(n.x)
        case .assignStmt: assignment(s)
        case .incDecStmt:
            charge(2)  // the op-assign and the constant 1
            expression(n.x)
        case .declStmt: declaration(n.decl)
        case .returnStmt: returnStatement(s)
        case .blockStmt: statements(n.list)
        case .ifStmt: ifStatement(s)
        case .forStmt:
            charge()
            statement(n.initStmt)
            if n.cond.exists { expression(n.cond) }
            statement(n.post)
            statements(tree[n.body].list)
        case .rangeStmt: rangeStatement(s)
        case .switchStmt: switchStatement(s)
        case .typeSwitchStmt: typeSwitchStatement(s)
        case .selectStmt:
            charge()
            for clause in tree[n.body].list {
                let c = tree[clause]
                charge()
                statement(c.comm)
                charge(selectCommunicationExtra(c.comm))
                statements(c.clauseBody)
            }
        case .labeledStmt:
            charge()
            statement(n.stmt)
        case .branchStmt:
            if n.token != .kwFallthrough { charge() }
        case .sendStmt:
            charge()
            expression(n.x)
            convert(n.value, to: channelElement(type(of: n.x)))
        case .goStmt, .deferStmt:
            refuse(n.kind == .goStmt ? InlineReason.goStatement : InlineReason.deferStatement)
            // Walked for the function literals it holds; its arguments are evaluated (and
            // their calls inlined) at the statement, the call itself never is.
            // A call with arguments, a receiver or results is moved into a wrapper function
            // where it is an ordinary call (and may be inlined); the others stay go/defer calls.
            let call = tree[n.call]
            if !keepsGoDeferCall(n.call) {
                wrappers.append(GoDeferWrapper(offset: n.pos, isGo: n.kind == .goStmt, cost: wrapperCost(n.call)))
            }
            if keepsGoDeferCall(n.call) {
                expression(call.fun)
                for a in call.args { expression(a) }
            } else {
                expression(n.call)
            }
        case .emptyStmt, .badStmt: break
        default: break
        }
    }

    /// Nodes the front end adds around a select case's communication: a receive statement,
    /// a received value assigned through a temporary, a comma-ok receive split in two.
    func selectCommunicationExtra(_ comm: NodeID) -> Int {
        guard comm.exists else { return 0 }
        let n = tree[comm]
        switch n.kind {
        case .exprStmt: return 3
        case .assignStmt: return n.lhs.count == 1 ? 1 : 9
        default: return 0
        }
    }

    /// True when a go/defer call stays as it is: no arguments, no receiver, no results.
    func keepsGoDeferCall(_ call: NodeID) -> Bool {
        let c = tree[call]
        guard c.args.isEmpty else { return false }
        let fun = unparen(c.fun)
        if builtin(fun) != nil { return true }
        if tree.kind(fun) == .selectorExpr, case .method = selection(fun) { return false }
        guard case .signature(let sig) = program.node(program.under(type(of: fun))) else { return true }
        return sig.results.isEmpty && sig.params.isEmpty
    }

    /// How many calls in the walked body reach function literal `literal` through a local
    /// variable (1 for a literal called only where it is stored once).
    func literalCallCount(_ literal: NodeID) -> Int {
        var count = 0
        tree.walk(functionBody) { id, _, _ in
            let n = tree[id]
            if n.kind == .callExpr, tree.kind(unparen(n.fun)) == .ident,
               case .literal(let l)? = staticCallee(unparen(n.fun)), l == literal { count += 1 }
            return true
        }
        return count
    }

    mutating func ifStatement(_ s: NodeID) {
        let n = tree[s]
        statement(n.initStmt)
        let (c, cond) = staticBool(n.cond)
        if isConstant(cond) {
            if c > 0 { statements(tree[n.body].list) } else if n.elseBranch.exists { elseBranch(n.elseBranch) }
            return
        }
        charge()
        expression(cond)
        if c >= 0 { statements(tree[n.body].list) }
        if c <= 0 && n.elseBranch.exists { elseBranch(n.elseBranch) }
    }

    private mutating func elseBranch(_ e: NodeID) {
        if tree.kind(e) == .blockStmt { statements(tree[e].list) } else { statement(e) }
    }

    /// The front end's static value of an `if` condition (+1 true, -1 false, 0 unknown) and the
    /// condition it keeps when one operand of `&&`/`||` decides alone.
    func staticBool(_ e: NodeID) -> (value: Int, cond: NodeID) {
        if let v = constantBool(e) { return (v ? 1 : -1, e) }
        let x = unparen(e)
        let n = tree[x]
        guard n.kind == .binaryExpr || n.kind == .unaryExpr else { return (0, e) }
        if n.kind == .unaryExpr {
            return n.token == .not ? (staticBool(n.x).value, e) : (0, e)
        }
        switch n.token {
        case .land:
            let l = staticBool(n.x)
            if l.value < 0 { return (l.value, l.cond) }
            let r = staticBool(n.y)
            if l.value > 0 || r.value < 0 { return (r.value, isConstant(n.x) ? r.cond : e) }
        case .lor:
            let l = staticBool(n.x)
            if l.value > 0 { return (l.value, l.cond) }
            let r = staticBool(n.y)
            if l.value < 0 || r.value > 0 { return (r.value, isConstant(n.x) ? r.cond : e) }
        default: break
        }
        return (0, e)
    }

    mutating func rangeStatement(_ s: NodeID) {
        let n = tree[s]
        if case .signature = program.node(program.under(type(of: n.x))) { unmodelled = true }
        charge()
        expression(n.x)
        for v in [n.key, n.value] where v.exists {
            if n.token == .define {
                charge(declaresObject(v) ? 3 : 1)  // the name, and its declaration
            } else {
                expression(v)
            }
        }
        statements(tree[n.body].list)
    }

    mutating func switchStatement(_ s: NodeID) {
        let n = tree[s]
        charge()
        statement(n.initStmt)
        if let target = constantSwitchTarget(s) {
            // The front end keeps only the clause a constant tag selects, as a default clause.
            if let clause = target {
                charge()
                statements(tree[clause].clauseBody)
            }
            return
        }
        let tagType: TypeID? = n.tag.exists ? type(of: n.tag) : nil
        if n.tag.exists { expression(n.tag) }
        for clause in tree[n.body].list {
            let c = tree[clause]
            charge()
            for v in c.list {
                if let t = tagType { convert(v, to: t) } else { expression(v) }
            }
            statements(c.clauseBody)
        }
    }

    /// For a switch whose tag (or implicit `true`) is constant and whose cases are all
    /// constant: the clause always taken (`.some(nil)` when none is). nil otherwise, or when
    /// the taken clause falls through.
    func constantSwitchTarget(_ s: NodeID) -> NodeID?? {
        let n = tree[s]
        let tagValue: ConstantValue
        if n.tag.exists {
            guard let v = fact(n.tag)?.value ?? fact(unparen(n.tag))?.value else { return nil }
            tagValue = v
        } else {
            tagValue = .bool(true)
        }
        var target: NodeID? = nil
        outer: for clause in tree[n.body].list {
            let c = tree[clause]
            if c.list.isEmpty { target = clause }
            for v in c.list {
                guard let cv = fact(v)?.value ?? fact(unparen(v))?.value else { return nil }
                if Self.constantsEqual(tagValue, cv) { target = clause; break outer }
            }
        }
        if let t = target {
            let body = tree[t].clauseBody
            if let last = body.last, tree.kind(last) == .branchStmt, tree[last].token == .kwFallthrough { return nil }
        }
        return .some(target)
    }

    static func constantsEqual(_ a: ConstantValue, _ b: ConstantValue) -> Bool {
        if a == b { return true }
        if let x = a.rational, let y = b.rational { return x == y }
        return false
    }

    mutating func typeSwitchStatement(_ s: NodeID) {
        let n = tree[s]
        charge()
        statement(n.initStmt)
        let guardNode = tree[n.assign]
        let binds = guardNode.kind == .assignStmt
        let assertion = binds ? guardNode.rhs[0] : guardNode.x
        charge(binds ? 2 : 1)  // the guard, and its symbol when it binds
        expression(tree[unparen(assertion)].x)
        for clause in tree[n.body].list {
            let c = tree[clause]
            charge(binds ? 2 : 1)  // the case, and its variable
            for v in c.list where isNil(v) { charge() }
            statements(c.clauseBody)
        }
    }

    mutating func returnStatement(_ s: NodeID) {
        let n = tree[s]
        charge()
        let values = n.returnValues
        let results = currentResults
        if values.count == results.count {
            for (v, r) in zip(values, results) { convert(v, to: program.object(r).type) }
        } else {
            // return g() with a multi-value g: temporaries declared, assigned, returned.
            for v in values { expression(v) }
            if values.count == 1 {
                charge(4 * results.count + 1)
                charge(spreadConversions(values[0], to: results.map { program.object($0).type }))
            }
        }
    }

    /// Result variables of the function being walked (set by the driver).
    var currentResults: [ObjectID] = []
    /// For a function literal, its source range: local variables declared outside it are
    /// captured, and calling one costs like calling a parameter.
    var closureRange: Range<Int>? = nil
    /// True when the body belongs to a generic function (costed as its shape instance).
    var insideGeneric = false
    /// The body being walked (where local variables are assigned).
    var functionBody: NodeID = .none

    mutating func assignment(_ s: NodeID) {
        let n = tree[s]
        let lhs = n.lhs, rhs = n.rhs
        switch n.token {
        case .assign, .define:
            charge()
            var declared = 0
            for l in lhs {
                if n.token == .define && declaresObject(l) { declared += 1 }
                expression(l)
            }
            charge(2 * declared)
            if lhs.count == rhs.count {
                for (l, r) in zip(lhs, rhs) {
                    if isBlank(l) { expression(r) } else { convert(r, to: type(of: l)) }
                }
            } else {
                for r in rhs { expression(r) }
            }
        default:
            // Operator assignment.
            charge()
            expression(lhs[0])
            expression(rhs[0])
        }
    }

    mutating func declaration(_ d: NodeID) {
        let decl = tree[d]
        guard decl.kind == .genDecl, decl.token == .kwVar else { return }
        for spec in decl.specs {
            let v = tree[spec]
            let names = v.names, values = v.values
            if values.isEmpty {
                for name in names where !isBlank(name) { charge(4) }  // DCL x; x = <nil>
                continue
            }
            charge()
            for name in names {
                charge()
                if !isBlank(name) { charge(2) }
            }
            if names.count == values.count {
                for (name, value) in zip(names, values) {
                    if isBlank(name) { expression(value) } else { convert(value, to: type(ofDeclared: name)) }
                }
            } else {
                for value in values { expression(value) }
            }
        }
    }
}
