import EscapeGraph
import GoIR
import GoSyntax
import GoTypes
import PassKit

/// Walks one function's GoIR (after inline expansion) and records its allocation sites:
/// verdict sites through `SiteWalker+Verdicts`, the sites escape analysis never models
/// through `SiteWalker+Statements`.
struct SiteWalker {
    let program: Program
    let package: IRPackage
    let f: IRFunction
    let functionIndex: Int
    /// Escape sites of the function's allocating nodes.
    let nodeSites: NodeSites
    /// Position and subject of every printed `escapes` / `does not escape` / `moved to heap` line.
    let verdictKeys: Set<NativeAllocations.SiteKey>
    /// Position and subject of every `[]byte(s)` escape analysis finds never written through
    /// (`zero-copy string->[]byte conversion`): walk shares the string's bytes, no copy.
    let zeroCopyKeys: Set<NativeAllocations.SiteKey>
    /// `-m=2` flow lines by position and subject, rendered when a site asks.
    let explanations: SiteExplanations
    /// The sites found so far.
    var sites: [NativeAllocationSite] = []
    /// The sites escape analysis reports in code the backend removes (dead code, growth it
    /// proves unnecessary): no allocation, but `-m` prints their verdicts.
    var removedSites: [NativeAllocationSite] = []
    /// True while walking code SSA removes as dead: sites go to `removedSites`.
    var inDeadCode = false
    /// Appends the post-escape slice pass keeps on the stack, per variable (`SlicePass`).
    let rewrittenAppends: [[IRNodeID]]
    /// The statements before which the slice pass moves a slice to the heap, with the move's
    /// run-time function.
    let sliceMoves: [IRNodeID: String]
    /// Appends whose slice has a constant length and capacity with room for them
    /// (`SiteWalker+KnownCapacity`): the backend removes their growth.
    var withinCapacity: Set<IRNodeID> = []
    /// The parts of statements SSA removes as dead (`SiteWalker+DeadCode`): no site in them.
    var dead: [IRNodeID: DeadPart] = [:]
    /// The loops around the node being visited, inlined bodies' loops included (the loop depth
    /// the compiler reports counts only the function's own): code that may run more than once.
    var repeatingLoops = 0

    init(program: Program, package: IRPackage, f: IRFunction, functionIndex: Int, nodeSites: NodeSites,
         verdictKeys: Set<NativeAllocations.SiteKey>, zeroCopyKeys: Set<NativeAllocations.SiteKey> = [],
         explanations: SiteExplanations) {
        self.program = program
        self.package = package
        self.f = f
        self.functionIndex = functionIndex
        self.nodeSites = nodeSites
        self.verdictKeys = verdictKeys
        self.zeroCopyKeys = zeroCopyKeys
        self.explanations = explanations
        let rewrites = SlicePass.rewrites(f, program)
        rewrittenAppends = rewrites.map(\.appends)
        sliceMoves = Dictionary(rewrites.map { ($0.transition, $0.moveFunction) }, uniquingKeysWith: { a, _ in a })
        dead = deadParts()
        withinCapacity = appendsWithinCapacity()
    }

    // MARK: Walking

    /// Visits `id` and everything below it (function literals are functions of their own).
    mutating func visit(_ id: IRNodeID, parent: IRNodeID, depth: Int) {
        guard id.exists else { return }
        let n = f[id]
        examine(id, parent: parent, depth: depth)
        let loops = (n.op == .forStmt || n.op == .rangeStmt) && n.pos.inlined < 0
        // Most functions have no dead parts, slice moves or sites: their tables stay unhashed.
        let removed = dead.isEmpty ? nil : dead[id]
        let outer = inDeadCode
        let repeats = n.op == .forStmt ? 1 : 0, repeatsBody = n.op == .forStmt || n.op == .rangeStmt ? 1 : 0
        repeatingLoops += repeats
        visit(n.a, parent: id, depth: depth)
        inDeadCode = outer || (n.op == .forStmt && removed == .taken)
        visit(n.b, parent: id, depth: depth)
        repeatingLoops -= repeats
        inDeadCode = outer
        visit(n.c, parent: id, depth: depth)
        inDeadCode = outer || removed == .taken || removed == .takenAndRest
        repeatingLoops += repeatsBody
        visitList(n.list, parent: id, depth: loops ? depth + 1 : depth)
        repeatingLoops -= repeatsBody
        inDeadCode = outer || removed == .otherwise || removed == .otherwiseAndRest
        visitList(n.list2, parent: id, depth: depth)
        inDeadCode = outer
    }

    /// Visits a list in order; after an `if` that always takes a branch ending in a jump, the
    /// rest of the list is dead code.
    private mutating func visitList(_ list: Int32, parent: IRNodeID, depth: Int) {
        let outer = inDeadCode
        // Read in place from the list table: `f.list` made an array per list of every walk.
        let count = list > 0 ? Int(f.lists[Int(list)]) : 0
        for k in 0..<count {
            let x = IRNodeID(f.lists[Int(list) + 1 + k])
            if f[x].op == .label { inDeadCode = outer }  // a jump may land here
            visit(x, parent: parent, depth: depth)
            if !dead.isEmpty, let d = dead[x], d == .otherwiseAndRest || d == .takenAndRest { inDeadCode = true }
        }
        inDeadCode = outer
    }

    mutating func examine(_ id: IRNodeID, parent: IRNodeID, depth: Int) {
        let n = f[id]
        switch n.op {
        case .makeChan: channel(id, depth: depth)
        case .assign, .assignOp, .assignList: assignment(id, depth: depth)
        case .goStmt, .deferStmt: goDefer(id, depth: depth)
        case .mapLit: mapLiteral(id, depth: depth)
        default: break
        }
        if !sliceMoves.isEmpty, let move = sliceMoves[id] {
            recordCall(id, kind: .appendGrow, placement: .may, subject: "append", cause: .appendGrowth, runtime: move,
                       rule: "the slice pass moves the slice to the heap here when it still lives in its stack buffer",
                       depth: depth)
        }
        if !nodeSites.isEmpty, let site = nodeSites[id] { verdictSite(id, site, parent: parent, depth: depth) }
    }

    // MARK: Recording

    /// Line and column of a position in the package's files; nil when unknown.
    func place(_ p: IRPos) -> (file: String, line: Int, column: Int)? { package.position(p) }

    /// Records a site reported by its verdict.
    mutating func recordVerdict(_ site: EscapeSite, kind: PassKit.AllocationKind, placement: Placement,
                                cause: AllocationCause?, runtime: String?, rule: String? = nil, allocations: Int = 1, depth: Int) {
        let code = place(f[site.node.exists ? site.node : .none].pos)
        var explanation = explanations.lines(for: NativeAllocations.key(site.position, site.text))
        if let rule { explanation.append(rule) }
        if let runtime { explanation.append("walk: a call of runtime.\(runtime)") }
        if let cause, placement != .stack { explanation += cause.explanationLines }
        let inlined = site.node.exists && f[site.node].pos.inlined >= 0
        keep(NativeAllocationSite(
            functionName: f.name, kind: kind, placement: placement, reporting: .verdict,
            file: site.position.file, line: Int(site.position.line), column: Int(site.position.column),
            codeFile: code?.file ?? site.position.file, codeLine: code?.line ?? Int(site.position.line),
            inlined: inlined, subject: site.text, runtimeFunction: runtime, loopDepth: depth, cause: cause,
            explanation: explanation, allocations: allocations))
    }

    /// Records a site no verdict prints, known by the run-time call at the code's line.
    mutating func recordCall(_ id: IRNodeID, kind: PassKit.AllocationKind, placement: Placement, subject: String,
                             cause: AllocationCause, runtime: String, rule: String? = nil, allocations: Int = 1, depth: Int) {
        let n = f[id]
        guard let code = place(n.pos), let reported = place(package.reportedPosition(n.pos, in: f)) else { return }
        var explanation = ["not printed by -m: walk emits a call of runtime.\(runtime)"]
        if let rule { explanation.append(rule) }
        explanation += cause.explanationLines
        keep(NativeAllocationSite(
            functionName: f.name, kind: kind, placement: placement, reporting: .runtimeCall,
            file: reported.file, line: reported.line, column: reported.column,
            codeFile: code.file, codeLine: code.line, inlined: n.pos.inlined >= 0, subject: subject,
            runtimeFunction: runtime, loopDepth: depth, cause: cause, explanation: explanation, allocations: allocations))
    }

    /// Keeps a site, or sets it aside when the backend removes the code holding it.
    mutating func keep(_ site: NativeAllocationSite) {
        if inDeadCode { removedSites.append(site) } else { sites.append(site) }
    }

    // MARK: Values

    /// The literal a value statically is: a constant, or a local assigned once from one
    /// (the compiler's `ir.StaticValue`, as escape analysis rewrites operands with it).
    func staticConstant(_ id: IRNodeID) -> IRNodeID? {
        var x = id
        for _ in 0..<8 {
            guard x.exists else { return nil }
            let n = f[x]
            switch n.op {
            case .literal: return x
            case .conv, .convNop:
                if n.flags.contains(.implicit) { x = n.a } else { return nil }
            case .name:
                guard let value = onceAssignedValue(n) else { return nil }
                x = value
            default: return nil
            }
        }
        return nil
    }

    /// True when escape analysis rewrites a value boxed into an interface to the constant it
    /// statically is, so walk boxes read-only data: the compiler's `StaticValue`, through
    /// no-op conversions, inlined results and variables assigned once (an inlined callee's
    /// `int64Val(x)` with `x` bound to a constant), as `EscapeWalker.staticConstant` reads it.
    func boxedConstant(_ id: IRNodeID) -> Bool {
        if f.literalThroughConversions(id) != nil { return true }
        // Through a variable: only where the compiler's table of definitions sees it
        // (`IRPackage.reassignmentOracleSees`).
        guard package.reassignmentOracleSees(functionIndex) else { return false }
        if staticConstant(id) != nil { return true }
        let v = package.staticValue(of: id, in: functionIndex, current: f, throughConversions: true)
        return v.function == functionIndex && f[v.node].op == .literal
    }

    /// The value a local or temporary named by `name` holds everywhere: the right-hand side of
    /// its one assignment (`x := v`, or its place in `a, x := u, v`), when it is never reassigned
    /// and its address is never taken; nil otherwise.
    func onceAssignedValue(_ name: IRNode) -> IRNodeID? {
        let v = f[IRVarID(name.aux)]
        guard v.varClass == .local || v.varClass == .temp, !v.flags.contains(.reassigned),
              !v.flags.contains(.addressTaken), v.definition.exists else { return nil }
        let d = f[v.definition]
        if d.op == .assign, d.b.exists { return d.b }
        if d.op == .assignList,
           let i = f.list(d.list).firstIndex(where: { $0.exists && f[$0].op == .name && f[$0].aux == name.aux }),
           i < f.list(d.list2).count {
            return f.list(d.list2)[i]
        }
        return nil
    }

    /// The non-negative integer value of a constant operand.
    func constantInt(_ id: IRNodeID) -> Int64? {
        guard id.exists, let lit = staticConstant(id) else { return nil }
        if case .int(let i) = f.constants[Int(f[lit].aux)], let v = i.int64, v >= 0 { return v }
        return nil
    }

    /// True when the node is a constant or a composite literal of constants only (walk
    /// places it in read-only data).
    func isStaticValue(_ id: IRNodeID) -> Bool {
        guard id.exists else { return true }
        if staticConstant(id) != nil { return true }
        let n = f[id]
        switch n.op {
        case .nilValue, .function: return true
        case .conv, .convNop: return n.flags.contains(.implicit) ? isStaticValue(n.a) : false
        case .structLit: return f.list(n.list).allSatisfy { isStaticValue(f[$0].a) }
        case .arrayLit: return f.list(n.list).allSatisfy { isStaticValue(f[$0].op == .key ? f[$0].b : $0) }
        default: return false
        }
    }

    /// The pointed-to type of a pointer type.
    func pointee(_ t: TypeID) -> TypeID {
        if case .pointer(let e) = program.node(program.under(t)) { return e }
        return t
    }
}
