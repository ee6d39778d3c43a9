import GoSyntax
import GoTypes

/// Lowers one function body: the statements and expressions of `FunctionLowerer+*.swift`
/// build nodes into `function`; variables the body declares are created on the way, and
/// variables of enclosing functions become closure variables.
final class FunctionLowerer {
    unowned let package: PackageLowerer
    let program: Program
    var function: IRFunction
    /// Slot in the package's function table.
    let index: Int32
    /// Current file (a package-level initialiser moves between files).
    var file: Int
    var tree: SyntaxTree
    var facts: FileFacts
    /// True when loops of the current file have per-iteration variables.
    var perIteration: Bool
    /// Variables by the checker's object.
    var variables: [ObjectID: IRVarID] = [:]
    /// Loop depth of the statement being lowered (1 outside any loop).
    var loopDepth: Int32 = 1
    /// Number of declared variables (the compiler numbers temporaries `.autotmp_N` by it).
    var declarationCount = 0
    /// Statements an expression needs before it (temporaries of multi-value calls, `new(expr)`,
    /// `go`/`defer` arguments); the statement being lowered emits them first.
    var prelude: [IRNodeID] = []
    /// Top-level statements of a package initialiser.
    var pendingTopLevel: [IRNodeID] = []
    /// Literal counters for the compiler's names (`.func1`, `-range1`, `.gowrap1`).
    var literalCount = 0
    var rangeCount = 0
    /// The `#stateN` / `#yieldN` counters of the declared function or literal written in the
    /// source that this body belongs to (range-over-func bodies share their owner's).
    var rangeNumbering = RangeFuncNumbering()
    var goDeferCount = 0
    /// Loops (`for`, `range`) and breakable statements (loops, `switch`, `select`) around the
    /// statement being lowered: in a range-over-func body, an unlabelled `continue` outside any
    /// loop, or `break` outside any breakable statement, ends the body function.
    var loopNesting = 0
    var breakNesting = 0
    /// In a range-over-func body: the enclosing function's result variables, captured on
    /// first use (by index).
    var rangeResults: [Int: IRVarID] = [:]
    /// Range-over-func loops around this body (0 outside any; 1 in the body of an outermost one).
    var rangeDepth = 0
    /// In a range-over-func body: its loop's `#stateN` variable (captured).
    var rangeState: IRVarID?
    /// The `#next` variable of the outermost range-over-func loop being lowered (declared by
    /// the function holding that loop, captured on first use by the bodies inside it).
    var rangeNext: IRVarID?

    init(package: PackageLowerer, function: IRFunction, index: Int32, file: Int) {
        self.package = package
        self.program = package.program
        self.function = function
        self.index = index
        self.file = file
        self.tree = package.input.files[file].tree
        self.facts = package.input.facts[file]
        self.perIteration = file < package.input.perIterationLoops.count ? package.input.perIterationLoops[file] : true
    }

    /// Moves to another file of the package.
    func switchFile(_ f: Int) {
        file = f
        tree = package.input.files[f].tree
        facts = package.input.facts[f]
        perIteration = f < package.input.perIterationLoops.count ? package.input.perIterationLoops[f] : true
    }

    /// Stores the finished function in its slot.
    func finish(body: IRNodeID) {
        function.body = body
        package.functions[Int(index)] = function
    }

    // MARK: Positions

    /// A position in the current file.
    @inline(__always) func pos(_ offset: Int) -> IRPos { IRPos(file: Int32(file), offset: Int32(offset)) }

    /// Where the compiler places the IR node of an expression.
    func position(_ e0: NodeID) -> IRPos {
        let e = unparen(e0)
        let n = tree[e]
        switch n.kind {
        case .compositeLit: return pos(n.lbrace)
        case .callExpr: return pos(n.lparen)
        case .selectorExpr: return pos(n.dot)
        case .indexExpr, .indexListExpr, .sliceExpr: return pos(n.lbrack)
        case .typeAssertExpr: return pos(n.lparen - 1)
        case .binaryExpr: return pos(n.opPos)
        case .keyValueExpr: return position(n.value)
        default: return pos(n.pos)
        }
    }

    // MARK: Facts

    func unparen(_ e: NodeID) -> NodeID {
        var e = e
        while tree.kind(e) == .parenExpr { e = tree[e].x }
        return e
    }

    func fact(_ e: NodeID) -> ExprFact? { facts.exprs[e] ?? facts.exprs[unparen(e)] }

    func typeOf(_ e: NodeID) -> TypeID { fact(e)?.type ?? .invalid }

    func object(_ ident: NodeID) -> ObjectID? {
        if let o = facts.uses[ident] { return o }
        return facts.defs[ident] ?? nil
    }

    func isTypeExpression(_ e: NodeID) -> Bool { fact(e)?.mode == .type }

    func isBlank(_ e: NodeID) -> Bool {
        let x = unparen(e)
        return tree.kind(x) == .ident && tree[x].identifier == "_"
    }

    // MARK: Variables

    /// Declares a variable of this function.
    @discardableResult
    func declare(name: String, type: TypeID, object: ObjectID?, varClass: IRVariableClass, pos: IRPos,
                 flags: IRVariableFlags = []) -> IRVarID {
        let v = function.addVariable(IRVariable(name: name, type: type, object: object, varClass: varClass, pos: pos,
                                                flags: flags, loopDepth: varClass == .param || varClass == .result ? 1 : loopDepth,
                                                outer: nil, definition: .none))
        if let object { variables[object] = v }
        if varClass != .captured { declarationCount += 1 }
        return v
    }

    /// A new compiler temporary (`.autotmp_N`) of a type, declared at `pos`.
    func temporary(_ type: TypeID, at pos: IRPos) -> IRVarID {
        declare(name: ".autotmp_\(declarationCount)", type: type, object: nil, varClass: .temp, pos: pos)
    }

    /// The variable for a checker object used in this function: its own, or a closure variable
    /// capturing the variable of an enclosing function (created on first use, also in every
    /// literal between the two).
    func variable(for o: ObjectID) -> IRVarID? {
        if let v = variables[o] { return v }
        let stack = package.stack
        guard let me = stack.lastIndex(where: { $0 === self }), me > 0 else { return nil }
        guard let outer = stack[me - 1].variable(for: o) else { return nil }
        let parent = stack[me - 1]
        parent.function.variables[Int(outer.raw)].flags.insert(.captured)
        let source = parent.function[outer]
        let v = function.addVariable(IRVariable(name: source.name, type: source.type, object: o, varClass: .captured,
                                                pos: source.pos, flags: [], loopDepth: 1,
                                                outer: IRVarRef(function: parent.index, variable: outer), definition: .none))
        variables[o] = v
        function.captured.append(v)
        return v
    }

    /// A `name` node reading a variable.
    func nameNode(_ v: IRVarID, at pos: IRPos) -> IRNodeID {
        function.add(.name, type: function[v].type, pos: pos, aux: v.raw)
    }

    /// Marks the variable a node names (through field selections and array indexing) as
    /// address-taken.
    func markAddressTaken(_ n: IRNodeID) {
        var n = n
        while true {
            let node = function[n]
            switch node.op {
            case .name:
                markCanonical(IRVarID(node.aux), .addressTaken)
                return
            case .dot: n = node.a
            case .index where isArray(function[node.a].type): n = node.a
            default: return
            }
        }
    }

    /// Marks a variable assigned outside its definition.
    func markReassigned(_ lhs: IRNodeID) {
        guard lhs.exists, function[lhs].op == .name else { return }
        markCanonical(IRVarID(function[lhs].aux), .reassigned)
    }

    /// Sets a flag on a variable and, for a closure variable, on the variable it captures
    /// (through every enclosing literal): an assignment in a closure reassigns the original.
    func markCanonical(_ v: IRVarID, _ flag: IRVariableFlags) {
        function.variables[Int(v.raw)].flags.insert(flag)
        guard let outer = function[v].outer,
              let owner = package.stack.last(where: { $0.index == outer.function }) else { return }
        owner.markCanonical(outer.variable, flag)
    }

    func isArray(_ t: TypeID) -> Bool {
        if case .array = program.node(program.under(t)) { return true }
        return false
    }

    func isPointer(_ t: TypeID) -> Bool {
        if case .pointer = program.node(program.under(t)) { return true }
        return false
    }

    // MARK: Signature and body

    /// Declares the receiver, parameters and results of the function.
    func signature(funcType: NodeID, receiver: NodeID) {
        var index = 0
        func params(_ list: NodeID, _ cls: IRVariableClass) -> [IRVarID] {
            guard list.exists else { return [] }
            var out: [IRVarID] = []
            for field in tree[list].list {
                let f = tree[field]
                let t = typeOf(f.type)
                if f.names.isEmpty {
                    let name = cls == .result ? "~r\(index)" : "~p\(index)"
                    out.append(declare(name: name, type: resolved(t, f.type), object: nil, varClass: cls,
                                       pos: pos(tree[f.type].pos), flags: .blank))
                    index += 1
                    continue
                }
                for nameID in f.names {
                    let o = facts.defs[nameID] ?? nil
                    let text = tree[nameID].identifier
                    let blank = text == "_"
                    let name = blank ? (cls == .result ? "~r\(index)" : "~p\(index)") : text
                    let type = o.map { program.object($0).type } ?? resolved(t, f.type)
                    out.append(declare(name: name, type: type, object: blank ? nil : o, varClass: cls,
                                       pos: pos(tree[nameID].pos), flags: blank ? .blank : []))
                    index += 1
                }
            }
            return out
        }
        function.params = params(receiver, .param)
        index = 0
        function.params += params(tree[funcType].params, .param)
        index = 0
        function.results = params(tree[funcType].results, .result)
    }

    private func resolved(_ t: TypeID, _ typeNode: NodeID) -> TypeID {
        if !t.isInvalid { return t }
        return fact(typeNode)?.type ?? .invalid
    }

    /// Lowers a body block into a `block` node.
    func functionBody(_ body: NodeID) -> IRNodeID {
        let stmts = statementList(tree[body].list)
        return function.add(.block, pos: pos(tree[body].lbrace), list: stmts)
    }
}
