import GoIR
import GoSyntax
import GoTypes

/// What a statically resolved call reaches.
enum InlineCallTarget: Sendable {
    /// A declared function or method.
    case function(ObjectID)
    /// A function literal (its syntax node).
    case literal(NodeID)
    /// A parameter of the body: known only where the body is inlined and the argument is a
    /// function literal or a declared function.
    case parameter(ObjectID)
}

/// A statically resolved call the inliner may inline (decided once every verdict is known).
struct InlineCallSite: Sendable {
    /// Offset of the call's `(`.
    var offset: Int
    /// What is called.
    var target: InlineCallTarget
    /// The call expression (its arguments bind the callee's parameters when inlined).
    var call: NodeID
    /// True for a function literal called in only one place (a larger limit applies).
    var calledOnce: Bool = false
    /// True for a call through a closure variable: a literal it reaches keeps its own name.
    var throughClosureVariable: Bool = false
    /// The file of the call (by index in the package).
    var file: Int = 0
    /// For a literal reached through a closure variable that captures variables of another
    /// function: that function's declaration (package, file, `FuncDecl` or `FuncLit` node).
    /// The literal is inlined only into a copy of the body compiled as part of that very
    /// function (the compiler inlines no closure across closure frames).
    var capturesOf: CapturingFunction? = nil
}

/// The function whose variables a function literal captures, by its declaration.
struct CapturingFunction: Hashable, Sendable {
    /// Import path of the package the declaration is in.
    var package: String
    /// The file (by index in that package).
    var file: Int
    /// The `FuncDecl` or `FuncLit` node.
    var node: NodeID
}

/// What inlining needs of one lowered body: its statically resolved calls and the function
/// literals it keeps, tied back to the syntax (calls by
/// the offset of their `(`, literals by their `func`). The bodies of the body's `go`/`defer`
/// wrappers and range-over-func loops count as the body's own, as the compiler reports
/// their calls at the same positions.
struct GoIRCallSites {
    let program: Program
    let package: IRPackage
    /// `Program.packages` index of the package (types of other packages are qualified).
    let localPackage: Int32
    /// The syntax call whose `(` is at an offset of a file (by index in the package).
    let syntaxCall: (Int32, Int) -> NodeID?
    /// The syntax function literal whose `func` is at an offset of a file.
    let syntaxLiteral: (Int32, Int) -> NodeID?

    private(set) var callSites: [InlineCallSite] = []
    private(set) var literals: [NodeID] = []
    /// Call sites reached through a local variable holding a literal (their `calledOnce` is
    /// settled once every call of the body is seen).
    private var throughVariable: [Int] = []
    /// The function whose body is being visited (by index in the package).
    private var current = 0

    init(program: Program, package: IRPackage, localPackage: Int32, syntaxCall: @escaping (Int32, Int) -> NodeID?,
         syntaxLiteral: @escaping (Int32, Int) -> NodeID?) {
        self.program = program
        self.package = package
        self.localPackage = localPackage
        self.syntaxCall = syntaxCall
        self.syntaxLiteral = syntaxLiteral
    }

    /// Collects the facts of function `index` of the package.
    mutating func run(_ index: Int) {
        collectLiterals(index)
        visitFunction(index)
        var counts: [NodeID: Int] = [:]
        for s in callSites { if case .literal(let l) = s.target { counts[l, default: 0] += 1 } }
        for i in throughVariable { if case .literal(let l) = callSites[i].target { callSites[i].calledOnce = counts[l] == 1 } }
    }

    private mutating func collectLiterals(_ index: Int) {
        for l in package[function: index].literals {
            let (kind, pos) = (package[function: Int(l)].kind, package[function: Int(l)].pos)
            if kind == .literal {
                if let node = syntaxLiteral(pos.file, Int(pos.offset)) { literals.append(node) }
            } else if kind == .goDeferWrapper || kind == .rangeBody {
                collectLiterals(Int(l))
            }
        }
    }

    private mutating func visitFunction(_ index: Int) {
        let f = package.functions[index]
        let outer = current
        current = index
        visit(f.body, in: f)
        current = outer
    }

    private mutating func visit(_ id: IRNodeID, in f: IRFunction) {
        guard id.exists else { return }
        let n = f[id]
        switch n.op {
        case .closure:
            let kind = package[function: Int(n.aux)].kind
            if kind == .goDeferWrapper || kind == .rangeBody { visitFunction(Int(n.aux)) }
            return
        case .call where !n.flags.contains(.goDefer):
            noteCall(n, in: f)
        default:
            break
        }
        visit(n.a, in: f)
        visit(n.b, in: f)
        visit(n.c, in: f)
        for c in f.nodes(inList: n.list) { visit(c, in: f) }
        for c in f.nodes(inList: n.list2) { visit(c, in: f) }
    }

    private mutating func noteCall(_ n: IRNode, in f: IRFunction) {
        guard let call = syntaxCall(n.pos.file, Int(n.pos.offset)) else { return }
        let callee = f[n.a]
        var target: InlineCallTarget? = nil
        var once = false
        var captured = false
        var capturesOf: CapturingFunction? = nil
        switch callee.op {
        case .function, .methodExpr:
            target = functionTarget(ObjectID(callee.aux))
        case .closure:
            target = literalTarget(callee.aux)
            once = true
        case .name:
            let v = f[IRVarID(callee.aux)]
            if v.varClass == .param {
                target = v.object.map { .parameter($0) }
            } else if v.varClass == .captured {
                (target, capturesOf) = capturedTarget(n.a, in: f)
                captured = true
            } else if let value = staticValue(callee, in: f) {
                if value.op == .closure {
                    target = literalTarget(value.aux)
                    if target != nil { throughVariable.append(callSites.count) }
                } else if value.op == .function || value.op == .methodExpr {
                    target = functionTarget(ObjectID(value.aux))
                }
            }
        default:
            break
        }
        if let target {
            callSites.append(InlineCallSite(offset: Int(n.pos.offset), target: target, call: call, calledOnce: once,
                                            throughClosureVariable: captured, file: Int(n.pos.file), capturesOf: capturesOf))
        }
    }

    /// A declared callee (a generic one stands for the shaped copy the call reaches), unless it
    /// is an intrinsic (never inlined).
    private func functionTarget(_ o: ObjectID) -> InlineCallTarget? {
        let r = program.object(o)
        if receiverOf(o) == nil, CheapCalls.intrinsics[program.packagePath(r.package)]?.contains(r.name) == true { return nil }
        return .function(o)
    }

    private func literalTarget(_ index: Int32) -> InlineCallTarget? {
        let (kind, pos) = (package[function: Int(index)].kind, package[function: Int(index)].pos)
        guard kind == .literal, let node = syntaxLiteral(pos.file, Int(pos.offset)) else { return nil }
        return .literal(node)
    }

    /// What a closure variable statically holds, through the variable it captures: a
    /// declared function, or a function literal. A literal that captures variables of a
    /// function other than this one names that function; a literal reached from a `go`/`defer`
    /// wrapper or a range-over-func body that way is never inlined (those are compiled as
    /// closures of their own).
    private func capturedTarget(_ name: IRNodeID, in f: IRFunction) -> (InlineCallTarget?, CapturingFunction?) {
        let index = current
        let value = package.staticValue(of: name, in: index)
        let x = package.functions[value.function][value.node]
        switch x.op {
        case .function, .methodExpr: return (functionTarget(ObjectID(x.aux)), nil)
        case .closure:
            let literal = package.functions[Int(x.aux)]
            guard let first = literal.captured.first, let outer = literal[first].outer, Int(outer.function) != index else {
                return (literalTarget(x.aux), nil)
            }
            let holder = package.functions[index]
            let owner = package.functions[Int(outer.function)]
            guard holder.kind != .goDeferWrapper, holder.kind != .rangeBody, owner.sourceFile >= 0, owner.sourceNode.exists else {
                return (nil, nil)
            }
            let anchor = CapturingFunction(package: owner.sourcePackage.isEmpty ? package.path : owner.sourcePackage,
                                           file: Int(owner.sourceFile), node: owner.sourceNode)
            return (literalTarget(x.aux), anchor)
        default: return (nil, nil)
        }
    }

    /// The only value of a local variable assigned once at its definition, never reassigned
    /// nor address-taken (following chains of such variables).
    private func staticValue(_ name: IRNode, in f: IRFunction) -> IRNode? {
        var x = name
        for _ in 0..<8 {
            switch x.op {
            case .convNop: x = f[x.a]
            case .name:
                let v = f[IRVarID(x.aux)]
                guard v.varClass == .local, v.flags.isDisjoint(with: [.reassigned, .addressTaken]),
                      v.definition.exists else { return nil }
                let d = f[v.definition]
                switch d.op {
                case .assign where d.b.exists: x = f[d.b]
                case .assignList:
                    let lhs = f.list(d.list), rhs = f.list(d.list2)
                    guard let i = lhs.firstIndex(where: { f[$0].op == .name && f[$0].aux == x.aux }), i < rhs.count else { return nil }
                    x = f[rhs[i]]
                default: return nil
                }
            default: return x
            }
        }
        return nil
    }

    private func isGenericCallee(_ o: ObjectID) -> Bool {
        let g = program.object(o).origin ?? o
        guard let s = program.signatureOf(program.object(g).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    private func receiverOf(_ o: ObjectID) -> ObjectID? { program.signatureOf(program.object(o).type)?.recv }
}
