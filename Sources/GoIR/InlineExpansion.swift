import GoSyntax
import GoTypes

/// What inline expansion needs to know about callees: which are inlinable and at what cost
/// (the inliner's verdicts), and where their lowered bodies are.
public struct InlineDecisions {
    /// The inline cost of a declared function or method; nil when it cannot be inlined.
    public var cost: (ObjectID) -> Int?
    /// The inline cost of a function literal (found through its `sourcePackage`,
    /// `sourceFile` and `sourceNode`); nil when it cannot be inlined.
    public var literalCost: (IRFunction) -> Int?
    /// The lowered package that holds a declared function's body (the package being expanded
    /// itself for its own functions).
    public var body: (ObjectID) -> IRPackage?
    /// The compiler's name of a callee in `inlining call to` lines (`strings.Index`, `(*T).M`).
    public var name: (ObjectID) -> String
    /// True for a compiler intrinsic: its calls become machine instructions, never inlined bodies.
    public var isIntrinsic: (ObjectID) -> Bool = { _ in false }
    /// The type tables, to devirtualize interface calls before each is considered for
    /// inlining (`Devirtualization`); nil leaves interface calls as they are.
    public var devirtualizeWith: Program? = nil
    /// The compiler's name of a function literal inlined into a caller (the literal first);
    /// nil keeps the literal's own name.
    public var literalName: ((IRFunction, IRFunction) -> String)? = nil
    /// True when the function at this index of the package at this path, as the inliner lowered
    /// it, is "big" (the inliner's node count, which decided its verdict); nil (or a nil answer,
    /// as for a function added to the package after lowering) counts the lowered nodes.
    public var isBig: ((String, Int) -> Bool?)? = nil
    /// The generic function or method an instance's method was made from (its body is the
    /// generic's).
    public var origin: (ObjectID) -> ObjectID = { $0 }
    /// For a call of a generic function or method with concrete type arguments (the callee
    /// and the callee operand's type): the dictionary it passes to the shaped copy and how the
    /// copy's type parameters print; nil when the arguments are not concrete.
    public var instantiation: ((ObjectID, TypeID) -> InlinedInstantiation?)? = nil
    /// For a call of a generic function or method from a generic body (the callee and the
    /// callee operand's type): the type argument of each of the callee's type parameters, in
    /// the caller's type parameters; nil when they are not all known.
    public var typeArguments: ((ObjectID, TypeID) -> [TypeID: TypeID]?)? = nil

    /// Creates the decisions.
    public init(cost: @escaping (ObjectID) -> Int?, literalCost: @escaping (IRFunction) -> Int?,
                body: @escaping (ObjectID) -> IRPackage?, name: @escaping (ObjectID) -> String) {
        self.cost = cost
        self.literalCost = literalCost
        self.body = body
        self.name = name
    }
}

/// A call of a shaped copy with concrete type arguments, as inline expansion binds it.
public struct InlinedInstantiation: Sendable {
    /// The dictionary's symbol without its package qualifier (`.dict.Pointer[int]`).
    public var dictionary: String
    /// The shapes of the generic's type parameters, spelled (`go.shape.int`).
    public var shapes: [TypeID: String]
    /// The type the dictionary's address is given (a word without pointers to follow).
    public var wordType: TypeID
    /// True for a method: the dictionary follows the receiver.
    public var isMethod: Bool
    /// The shaped copy's name as the calling package prints it
    /// (`(*sync.HashTrieMap[go.shape.interface {},go.shape.interface {}]).Load`).
    public var callee: String

    /// Creates an instantiation.
    public init(dictionary: String, shapes: [TypeID: String], wordType: TypeID, isMethod: Bool, callee: String) {
        self.dictionary = dictionary
        self.shapes = shapes
        self.wordType = wordType
        self.isMethod = isMethod
        self.callee = callee
    }
}

/// Inline expansion, GoIR to GoIR: every call the inliner would inline becomes an
/// `inlinedCall` holding a copy of the callee's original body, with the callee's parameters,
/// results and locals as variables of the caller (declared at the call, so at its loop
/// depth), returns as assignments to the results, and positions marked with the inlined call
/// they came from. Calls in the copied body are considered in turn (transitive inlining),
/// except calls to a function already being inlined on that path (a recursive cycle), so a
/// small recursive function gets one copy of itself. Function literals in a copied body are
/// copied as new literals of the caller, each from the literal as lowered, before any call in it
/// was expanded: the compiler builds such a copy from the callee's pre-inlining body and never
/// inlines into it (its functions are chosen before inlining starts), so the copy keeps its
/// calls (`F.func1#hash#`: a range-over-func body handed to an iterator it does not inline).
public enum InlineExpansion {
    /// Call-site limits (go-compiler-facts.md §3.4).
    public enum Limits {
        /// The largest callee cost inlined at a call site.
        public static let maxCost = 80
        /// The limit in a "big" caller.
        public static let bigMaxCost = 20
        /// A caller with more nodes than this is big.
        public static let bigFunctionNodes = 5000
        /// A literal called once may cost this much.
        public static let calledOnceLiteral = 800
    }

    /// A name a function of another package declares as the compiler prints it in the package
    /// being compiled (`BodyCopier.qualified`: `net.ctx`; `~p0`, `.this` and `.autotmp_N` as they are).
    public static func qualified(_ name: String, by qualifier: String) -> String {
        BodyCopier.qualified(name, by: qualifier)
    }

    /// Expands the functions of the package in place: every one, or those at `functions`.
    public static func expand(_ package: inout IRPackage, decisions: InlineDecisions, functions: [Int]? = nil) {
        var importedFiles: [String: Int32] = [:]
        var fileMaps: [String: [Int32]] = [:]
        let unexpanded = package.functions
        for i in functions ?? Array(package.functions.indices) {
            // The expander owns the package while it works (no second reference, so changing
            // one function never copies the whole table).
            var e = Expander(package: package, index: i, decisions: decisions, importedFiles: importedFiles,
                             fileMaps: fileMaps)
            e.unexpanded = unexpanded
            package = IRPackage(path: "", name: "", files: [], functions: [], functionsByObject: [:])
            e.run()
            package = e.package
            importedFiles = e.importedFiles
            fileMaps = e.fileMaps
        }
    }
}

/// Expands the calls of one function.
struct Expander {
    var package: IRPackage
    let index: Int
    let decisions: InlineDecisions
    var importedFiles: [String: Int32]
    /// `fileMap(for:)` of each source package already mapped, by import path (a package's
    /// files never change while it is expanded into).
    var fileMaps: [String: [Int32]]
    var f: IRFunction
    var maxCost: Int
    /// The package's functions as they were before this expansion: the literals copies are made from.
    var unexpanded: [IRFunction] = []

    init(package: IRPackage, index: Int, decisions: InlineDecisions, importedFiles: [String: Int32],
         fileMaps: [String: [Int32]] = [:]) {
        self.package = package
        self.index = index
        self.decisions = decisions
        self.importedFiles = importedFiles
        self.fileMaps = fileMaps
        self.f = package.functions[index]
        let big = (decisions.isBig?(package.path, index) ?? nil) ?? (f.nodeCount > InlineExpansion.Limits.bigFunctionNodes)
        self.maxCost = big ? InlineExpansion.Limits.bigMaxCost : InlineExpansion.Limits.maxCost
    }

    mutating func run() {
        guard f.hasBody, f.body.exists else { return }
        let before = f.inlinedCalls.count
        visit(f.body, depth: 1, path: [], inlined: -1)
        if before == 0 { numberEndLabelsInBatches() }
        package.functions[index] = f
    }

    /// Renames the end labels of the inlined calls (`.iN`) to the compiler's numbers. The
    /// walk expands depth first, each body right after its call; the compiler inlines in
    /// batches: first every call of the function's own code, then the calls those bodies
    /// brought, body by body, and so on, numbering the labels as it goes. Within one body both
    /// take the calls in the same order (arguments before the call), so a call's number is its
    /// rank ordered by nesting level, then by its enclosing call's number, then by walk order.
    private mutating func numberEndLabelsInBatches() {
        let calls = f.inlinedCalls
        guard calls.count > 1 else { return }
        var level = [Int](repeating: 0, count: calls.count)
        for k in calls.indices {
            let p = Int(calls[k].parent)
            if p >= 0 && p < k { level[k] = level[p] + 1 }
        }
        var rank = [Int](repeating: 0, count: calls.count)
        var next = 0
        for l in 0...(level.max() ?? 0) {
            let atLevel = calls.indices.filter { level[$0] == l }.sorted { a, b in
                let ra = l == 0 ? -1 : rank[Int(calls[a].parent)], rb = l == 0 ? -1 : rank[Int(calls[b].parent)]
                return ra != rb ? ra < rb : a < b
            }
            for k in atLevel {
                rank[k] = next
                next += 1
            }
        }
        var index: [String: Int] = [:]
        for (i, name) in f.labels.enumerated() where name.hasPrefix(".i") { index[name] = i }
        var labels = f.labels
        for k in calls.indices where rank[k] != k {
            if let i = index[".i\(k)"] { labels[i] = ".i\(rank[k])" }
        }
        f.labels = labels
    }

    /// What a call resolves to statically.
    enum Callee: Hashable {
        case declared(ObjectID)
        case literal(Int)
    }

    // MARK: Walk

    private mutating func visit(_ id: IRNodeID, depth: Int32, path: [Callee], inlined: Int32) {
        guard id.exists else { return }
        let n = f[id]
        if n.op == .closure { return }
        switch n.op {
        case .forStmt:
            visit(n.a, depth: depth + 1, path: path, inlined: inlined)
            visit(n.b, depth: depth + 1, path: path, inlined: inlined)
            visitList(n.list, depth: depth + 1, path: path, inlined: inlined)
            return
        case .rangeStmt:
            visit(n.a, depth: depth, path: path, inlined: inlined)
            visitList(n.list, depth: depth + 1, path: path, inlined: inlined)
            return
        default: break
        }
        visit(n.a, depth: depth, path: path, inlined: inlined)
        visit(n.b, depth: depth, path: path, inlined: inlined)
        visit(n.c, depth: depth, path: path, inlined: inlined)
        visitList(n.list, depth: depth, path: path, inlined: inlined)
        visitList(n.list2, depth: depth, path: path, inlined: inlined)
        if n.op == .callInterface, let program = decisions.devirtualizeWith {
            let functions = package.functions
            Devirtualization(program: program).staticCall(id, in: &f) { i in
                functions.indices.contains(Int(i)) ? functions[Int(i)] : nil
            }
        }
        let site = f[id]
        if site.op == .call && !site.flags.contains(.goDefer), let callee = resolve(site.a), !path.contains(callee),
           mayInline(callee, calledOnce: isCalledOnce(callee, directly: f[site.a].op == .closure)) {
            if let k = expand(id, callee, depth: depth, inlined: inlined) {
                visitList(f[id].list, depth: depth, path: path + [callee], inlined: k)
                return
            }
        }
        if site.op == .call && !site.flags.contains(.goDefer), inlined >= 0, let callee = resolve(site.a), path.contains(callee),
           mayInline(callee, calledOnce: false), !repeatsEnclosingCall(site.pos, inlined: inlined) {
            let name: String
            switch callee {
            case .declared(let o): name = decisions.name(o)
            case .literal(let i): name = decisions.literalName?(package.functions[i], f) ?? package.functions[i].name
            }
            f.recursiveCycleCalls.append(IRInlinedCall(callee: name, pos: site.pos, parent: inlined))
        }
        if f[id].op == .call { passDictionary(id) }
    }

    /// Visits the nodes of the list at handle `h`, read from the list table one at a time: the
    /// table is only appended to (a changed list gets a new handle), so a handle's entries stay
    /// put while expansion grows the function, and no array is made per node.
    private mutating func visitList(_ h: Int32, depth: Int32, path: [Callee], inlined: Int32) {
        guard h > 0 else { return }
        let start = Int(h) + 1, count = Int(f.lists[Int(h)])
        for i in 0..<count { visit(IRNodeID(f.lists[start + i]), depth: depth, path: path, inlined: inlined) }
    }

    /// True when a call inside inlined call `inlined` is, in the source, one of the calls it is
    /// inlined through: the compiler refuses such a call silently (the recursion came back to
    /// the same call), and reports any other call of a function already being inlined.
    private func repeatsEnclosingCall(_ pos: IRPos, inlined: Int32) -> Bool {
        var k = inlined
        while k >= 0 {
            let c = f.inlinedCalls[Int(k)]
            if c.pos.file == pos.file && c.pos.offset == pos.offset { return true }
            k = c.parent
        }
        return false
    }

    /// A call of a generic function or method with concrete type arguments that stays a call
    /// calls the shaped copy with the instantiation's dictionary (see `InlinedInstantiation`).
    private mutating func passDictionary(_ id: IRNodeID) {
        let n = f[id]
        guard !f.isGeneric, !n.flags.contains(.goDefer), f[n.a].op == .function || f[n.a].op == .methodExpr, f[n.a].aux2 < 0
        else { return }
        let args = f.list(n.list)
        let o = ObjectID(f[n.a].aux)
        guard !args.contains(where: { f[$0].op == .dictionary }), let instance = decisions.instantiation?(o, f[n.a].type),
              let owner = decisions.body(o) else { return }
        let qualifier = owner.path == package.path ? "" : owner.name + "."
        let dict = f.add(.dictionary, type: instance.wordType, pos: n.pos, aux: f.addSymbol(qualifier + instance.dictionary))
        var list = args
        list.insert(dict, at: instance.isMethod ? min(1, list.count) : 0)
        f.setList(id, list)
        f.nodes[Int(n.a.raw)].aux2 = f.addSymbol(instance.callee)
    }

    /// The static callee of a call's function operand: a declared function, a method
    /// expression, or a literal, through `IRPackage.staticValue`.
    private func resolve(_ fun: IRNodeID) -> Callee? {
        // A callee written as a function, method expression or literal is its own static value
        // (`staticValue` would return it at once, after copying the function being rewritten).
        switch f[fun].op {
        case .function, .methodExpr: return .declared(ObjectID(f[fun].aux))
        case .closure: return .literal(Int(f[fun].aux))
        default: break
        }
        let v = package.staticValue(of: fun, in: index, current: f)
        let n = v.function == index ? f[v.node] : package.functions[v.function][v.node]
        switch n.op {
        case .function, .methodExpr: return .declared(ObjectID(n.aux))
        case .closure: return .literal(Int(n.aux))
        default: return nil
        }
    }

    /// Calls in the function that resolve to each literal (the compiler's use counts).
    var literalCalls: [Int: Int]? = nil
    /// Calls resolved so far to literals no call of the unexpanded body reaches: calls that
    /// inlining exposed (an iterator's `yield(v)` reaching the loop body passed to it).
    var exposedCalls: [Int: Int] = [:]

    /// True for a literal called from one place only (written at the call, or reached through
    /// one call site). The compiler counts call sites as it resolves them, those inlining
    /// exposes included, so the first exposed call of a literal is a call of a literal used once.
    private mutating func isCalledOnce(_ callee: Callee, directly: Bool) -> Bool {
        guard case .literal(let i) = callee else { return false }
        if directly { return true }
        if literalCalls == nil {
            var counts: [Int: Int] = [:]
            f.forEachReachable(from: f.body) { _, n in
                if n.op == .call, case .literal(let j)? = resolve(n.a) { counts[j, default: 0] += 1 }
            }
            literalCalls = counts
        }
        if let count = literalCalls?[i] { return count == 1 }
        exposedCalls[i, default: 0] += 1
        return exposedCalls[i] == 1
    }

    private func mayInline(_ callee: Callee, calledOnce: Bool) -> Bool {
        switch callee {
        case .declared(let o):
            guard !decisions.isIntrinsic(o), let cost = decisions.cost(o) else { return false }
            return cost <= maxCost
        case .literal(let i):
            let lit = package.functions[i]
            guard let cost = decisions.literalCost(lit) else { return false }
            // A literal may only be inlined into the function it captures from.
            guard lit.captured.isEmpty || Int(lit.parent) == index else { return false }
            var limit = 2 * maxCost
            if calledOnce { limit = max(limit, InlineExpansion.Limits.calledOnceLiteral) }
            return cost <= limit
        }
    }

    // MARK: Copying a body

    /// Replaces the call `id` by the callee's body; returns the inlined-call index.
    private mutating func expand(_ id: IRNodeID, _ callee: Callee, depth: Int32, inlined parent: Int32) -> Int32? {
        // The callee's package when it is another one (never a second reference to this one).
        let source: IRPackage?
        let local: Bool
        let g: IRFunction
        let name: String
        switch callee {
        case .declared(let o):
            guard let p = decisions.body(o), let gi = p.functionsByObject[o] ?? p.functionsByObject[decisions.origin(o)] else {
                return nil
            }
            local = p.path == package.path
            source = local ? nil : p
            // The body as lowered, before any call in it was expanded: the compiler copies the
            // callee's pre-inlining body and decides the calls in the copy again, in the caller.
            g = p.functions[gi]
            name = decisions.name(o)
        case .literal(let i):
            local = true
            source = nil
            g = i < unexpanded.count ? unexpanded[i] : package.functions[i]
            name = decisions.literalName?(g, f) ?? g.name
        }
        guard g.hasBody, g.body.exists else { return nil }
        makeRoom(for: g)
        let call = f[id]
        let k = Int32(f.inlinedCalls.count)
        var record = IRInlinedCall(callee: name, pos: call.pos, parent: parent)
        if case .literal(let i) = callee { record.literal = Int32(i) }
        f.inlinedCalls.append(record)
        var copier = BodyCopier(source: g, sourcePackage: source, fileMap: source.map { fileMap(for: $0) } ?? localFiles(),
                                inlined: k, qualifier: source.map { $0.name + "." } ?? "")
        copier.unexpanded = unexpanded
        // Parameters, results and locals of the callee become variables of the caller.
        for (vi, v) in g.variables.enumerated() {
            if v.varClass == .captured {
                guard let o = v.outer, Int(o.function) == index else { return nil }
                copier.variables[Int32(vi)] = o.variable
                continue
            }
            var copy = v
            copy.varClass = v.varClass == .temp ? .temp : .local
            copy.flags.insert(.inlined)
            copy.flags.remove(.blank)
            copy.loopDepth = depth + max(0, v.loopDepth - 1)
            // A variable without a position (`#next`) has none in the caller either.
            copy.pos = v.pos.isKnown ? copier.position(v.pos) : v.pos
            copy.definition = .none
            copy.outer = nil
            copy.name = BodyCopier.qualified(v.name, by: copier.qualifier)
            copier.variables[Int32(vi)] = f.addVariable(copy)
        }
        var stmts: [IRNodeID] = []
        // A callee computed by an inlined call (`seq(...)` where seq came from `Lines(s)`) is
        // still evaluated.
        if f[call.a].op == .inlinedCall { stmts.append(call.a) }
        let at = call.pos
        var params = g.params.compactMap { copier.variables[$0.raw] }
        let results = g.results.compactMap { copier.variables[$0.raw] }
        var args = f.list(call.list)
        // A generic callee called with concrete type arguments from code that is not generic:
        // the call passes the instantiation's dictionary, and the copied body is the shaped copy.
        if g.isGeneric, !f.isGeneric, case .declared(let o) = callee, !args.contains(where: { f[$0].op == .dictionary }),
           let instance = decisions.instantiation?(o, f[call.a].type) {
            let dict = f.add(.dictionary, type: instance.wordType, pos: at,
                             aux: f.addSymbol(copier.qualifier + instance.dictionary))
            args.insert(dict, at: instance.isMethod ? min(1, args.count) : 0)
            f.inlinedCalls[Int(k)].shapes = instance.shapes
            f.inlinedCalls[Int(k)].instance = instance.callee
        } else if g.isGeneric, case .declared(let o) = callee, let bound = decisions.typeArguments?(o, f[call.a].type) {
            // A generic callee inlined into generic code (a generic body, or a shaped copy's body
            // inlined): its type parameters print as the shapes of the arguments the caller
            // passes, once the caller's shapes are known (`InlinedShapes`).
            f.inlinedCalls[Int(k)].typeArguments = bound
        }
        // A shaped copy's dictionary is a parameter too, bound where the call passes it
        // (`x, .dict, v := x, &.dict.Pointer[int], v`).
        if g.isGeneric, let d = args.firstIndex(where: { f[$0].op == .dictionary }), d <= params.count {
            let dict = IRVariable(synthetic: copier.qualifier + ".dict", type: f[args[d]].type, varClass: .local, pos: call.pos,
                                  flags: .inlined, loopDepth: depth)
            params.insert(f.addVariable(dict), at: d)
        }
        for v in params + results { stmts.append(f.add(.declare, pos: at, aux: v.raw)) }
        if !params.isEmpty {
            let lhs = params.map { f.add(.name, type: f[$0].type, pos: at, aux: $0.raw) }
            let assign = f.add(.assignList, pos: at, list: lhs, list2: Array(args.prefix(lhs.count)), flags: .define)
            for v in params { f.variables[Int(v.raw)].definition = assign }
            stmts.append(assign)
        }
        copier.results = results
        // `.iK` is new: K is the inlined call just added (a callee's own end labels come with
        // the copy's suffix, `.iJ·K`).
        copier.endLabel = f.addLabel(".i\(k)")
        for s in g.nodes(inList: g[g.body].list) { stmts.append(copier.copy(s, into: &f, package: &package, callerIndex: index)) }
        stmts.append(f.add(.label, pos: at, aux2: copier.endLabel))
        let resultNames = results.map { f.add(.name, type: f[$0].type, pos: at, aux: $0.raw) }
        let list = f.makeList(stmts), list2 = f.makeList(resultNames)
        f.nodes[Int(id.raw)] = IRNode(op: .inlinedCall, flags: call.flags, type: call.type, pos: call.pos, a: .none, b: .none,
                                      c: .none, list: list, list2: list2, aux: k, aux2: -1)
        return k
    }

    /// Makes room in the function's tables for a copy of `g`'s body. Until the first
    /// expansion the tables are shared with the unexpanded package, so the first node added
    /// copies them at their old capacity and the next bodies soon copy them again, doubled;
    /// reserving twice the size at the first expansion makes that one copy.
    private mutating func makeRoom(for g: IRFunction) {
        let first = f.inlinedCalls.isEmpty
        Self.reserve(&f.nodes, extra: g.nodes.count + 8, first: first)
        Self.reserve(&f.lists, extra: g.lists.count + 8, first: first)
        Self.reserve(&f.variables, extra: g.variables.count + 2, first: first)
    }

    private static func reserve<T>(_ a: inout [T], extra: Int, first: Bool) {
        let need = a.count + extra
        if first { a.reserveCapacity(need + a.count) } else if a.capacity < need { a.reserveCapacity(Swift.max(need, 2 * a.count)) }
    }

    /// This package's own files.
    private func localFiles() -> [Int32] { (0..<package.files.count).map { Int32($0) } }

    /// Where another package's files are in this package's file table.
    private mutating func fileMap(for source: IRPackage) -> [Int32] {
        if let known = fileMaps[source.path], known.count == source.files.count { return known }
        var out: [Int32] = []
        for file in source.files {
            if let i = importedFiles[file.path] { out.append(i); continue }
            package.files.append(file)
            let i = Int32(package.files.count - 1)
            importedFiles[file.path] = i
            out.append(i)
        }
        fileMaps[source.path] = out
        return out
    }
}

/// Copies the nodes of one callee body into a caller.
struct BodyCopier {
    let source: IRFunction
    /// The callee's package, nil when it is the package being expanded.
    let sourcePackage: IRPackage?
    let fileMap: [Int32]
    let inlined: Int32
    let qualifier: String
    var variables: [Int32: IRVarID] = [:]
    var results: [IRVarID] = []
    var endLabel: Int32 = -1
    /// Copying a literal nested in a copied literal: variable ids stay as they are.
    var identityVariables = false
    /// The caller's labels for the callee's labels copied so far (by index).
    private var labels: [Int32: Int32] = [:]
    /// The expanded package's functions before its expansion (`Expander.unexpanded`).
    var unexpanded: [IRFunction] = []

    init(source: IRFunction, sourcePackage: IRPackage?, fileMap: [Int32], inlined: Int32, qualifier: String) {
        self.source = source
        self.sourcePackage = sourcePackage
        self.fileMap = fileMap
        self.inlined = inlined
        self.qualifier = qualifier
    }

    /// A callee's variable as the compiler prints it in another package: every name the
    /// callee declares (its parameters, locals, named results and the range-over-func
    /// rewrite's `#stateN`, `#next`, `#yieldN`) qualified by the callee's package; the
    /// compiler's own names for unnamed parameters and results (`~p0`, `~r0`, created in
    /// the caller) and temporaries (`.autotmp_N`) not, nor a name already qualified.
    static func qualified(_ name: String, by qualifier: String) -> String {
        guard !qualifier.isEmpty, let first = name.first, first != "~", first != ".", !name.contains(".") else { return name }
        return qualifier + name
    }

    /// The caller's label for the callee's label `index`: its name with the copy's suffix
    /// (`L·K`), added on first use. The suffix is this copy's alone, so the name is new to the
    /// caller and needs no search of its labels.
    private mutating func copiedLabel(_ index: Int32, into f: inout IRFunction) -> Int32 {
        if let known = labels[index] { return known }
        let added = f.addLabel(source.labels[Int(index)] + "·\(inlined)")
        labels[index] = added
        return added
    }

    func position(_ p: IRPos) -> IRPos {
        guard p.isKnown, Int(p.file) < fileMap.count else { return IRPos(file: -1, offset: -1, inlined: inlined) }
        return IRPos(file: fileMap[Int(p.file)], offset: p.offset, inlined: inlined)
    }

    mutating func copy(_ id: IRNodeID, into f: inout IRFunction, package: inout IRPackage, callerIndex: Int) -> IRNodeID {
        guard id.exists else { return .none }
        let n = source[id]
        if n.op == .returnStmt {
            let values = source.nodes(inList: n.list).map { copy($0, into: &f, package: &package, callerIndex: callerIndex) }
            var stmts: [IRNodeID] = []
            let at = position(n.pos)
            if !values.isEmpty && values.count == results.count {
                let lhs = results.map { f.add(.name, type: f[$0].type, pos: at, aux: $0.raw) }
                if lhs.count == 1 {
                    stmts.append(f.add(.assign, pos: at, a: lhs[0], b: values[0]))
                } else {
                    stmts.append(f.add(.assignList, pos: at, list: lhs, list2: values))
                }
            }
            stmts.append(f.add(.branch, pos: at, aux: Int32(Token.kwGoto.rawValue), aux2: endLabel))
            return f.add(.block, pos: at, list: stmts, flags: .synthetic)
        }
        let a = copy(n.a, into: &f, package: &package, callerIndex: callerIndex)
        let b = copy(n.b, into: &f, package: &package, callerIndex: callerIndex)
        let c = copy(n.c, into: &f, package: &package, callerIndex: callerIndex)
        let l1 = source.nodes(inList: n.list).map { copy($0, into: &f, package: &package, callerIndex: callerIndex) }
        let l2 = source.nodes(inList: n.list2).map { copy($0, into: &f, package: &package, callerIndex: callerIndex) }
        var aux = n.aux
        var aux2 = n.aux2
        switch n.op {
        case .literal: aux = f.addConstant(source.constants[Int(n.aux)])
        case .dictionary: aux = f.addSymbol(source.symbols[Int(n.aux)])
        case .function, .methodExpr: if n.aux2 >= 0 { aux2 = f.addSymbol(source.symbols[Int(n.aux2)]) }
        case .name, .declare: aux = variables[n.aux]?.raw ?? n.aux
        case .closure:
            aux = Int32(copyLiteral(Int(n.aux), into: &package, callerIndex: callerIndex, intoClosure: f.kind.isClosure))
            f.literals.append(aux)
        default: break
        }
        if n.aux2 >= 0 && (n.op == .label || n.op == .branch || n.op.isStatement) && Int(n.aux2) < source.labels.count {
            aux2 = copiedLabel(n.aux2, into: &f)
        }
        let copied = f.add(n.op, type: n.type, pos: position(n.pos), a: a, b: b, c: c, list: l1, list2: l2,
                           aux: aux, aux2: aux2, flags: n.flags)
        if n.op == .assign || n.op == .assignList || n.op == .assignCall || n.op == .rangeStmt {
            // Definitions follow the copy.
            for (old, new) in [(n.a, a)] where old.exists && source[old].op == .name {
                let v = source[IRVarID(source[old].aux)]
                if v.definition == id, let mapped = variables[source[old].aux] { f.variables[Int(mapped.raw)].definition = copied }
                _ = new
            }
        }
        if n.op == .assignCall {
            // The temporaries a multi-value call defines.
            for old in source.nodes(inList: n.list) where old.exists && source[old].op == .name {
                let v = source[IRVarID(source[old].aux)]
                if v.definition == id, let mapped = variables[source[old].aux] { f.variables[Int(mapped.raw)].definition = copied }
            }
        }
        return copied
    }

    /// Copies a function literal of the callee as a new literal of the caller, its closure
    /// variables now capturing the caller's copies, named as the compiler names the copy
    /// (`CopiedLiteralNames`): after the inlined function in a caller that is a closure
    /// (`intoClosure`) or not, after its copied parent (`parentName`) when nested in one. A literal
    /// of the function being expanded is copied from its body before inlining (`unexpanded`).
    private mutating func copyLiteral(_ i: Int, into package: inout IRPackage, callerIndex: Int, intoClosure: Bool,
                                      parentName: String? = nil) -> Int {
        var lit = sourcePackage?.functions[i] ?? (i < unexpanded.count ? unexpanded[i] : package.functions[i])
        lit.parent = Int32(callerIndex)
        if lit.kind == .literal {
            lit.name = parentName.map { CopiedLiteralNames.nested(lit.name, in: $0) }
                ?? CopiedLiteralNames.copied(lit.name, intoClosure: intoClosure)
        }
        for v in lit.captured {
            guard let o = lit.variables[Int(v.raw)].outer else { continue }
            // The callee's variables map to the caller's copies; a nested literal keeps the ids
            // of the literal copied just before it.
            let mapped = identityVariables ? o.variable : variables[o.variable.raw]
            guard let mapped else { continue }
            lit.variables[Int(v.raw)].outer = IRVarRef(function: Int32(callerIndex), variable: mapped)
        }
        for j in lit.nodes.indices {
            let p = lit.nodes[j].pos
            if p.isKnown, Int(p.file) < fileMap.count { lit.nodes[j].pos = IRPos(file: fileMap[Int(p.file)], offset: p.offset, inlined: inlined) }
        }
        for j in lit.variables.indices {
            lit.variables[j].name = Self.qualified(lit.variables[j].name, by: qualifier)
            let p = lit.variables[j].pos
            if p.isKnown, Int(p.file) < fileMap.count { lit.variables[j].pos = IRPos(file: fileMap[Int(p.file)], offset: p.offset, inlined: -1) }
        }
        let p = lit.pos
        if p.isKnown, Int(p.file) < fileMap.count { lit.pos = IRPos(file: fileMap[Int(p.file)], offset: p.offset, inlined: -1) }
        // Nested literals of the copied literal are copied too.
        let nested = lit.literals
        lit.literals = []
        package.functions.append(lit)
        let newIndex = package.functions.count - 1
        for child in nested {
            var childCopier = BodyCopier(source: lit, sourcePackage: sourcePackage, fileMap: fileMap, inlined: inlined,
                                         qualifier: qualifier)
            childCopier.identityVariables = true
            childCopier.unexpanded = unexpanded
            let c = childCopier.copyLiteral(Int(child), into: &package, callerIndex: newIndex, intoClosure: true,
                                            parentName: lit.name)
            package.functions[newIndex].literals.append(Int32(c))
            for j in package.functions[newIndex].nodes.indices where package.functions[newIndex].nodes[j].op == .closure
                && package.functions[newIndex].nodes[j].aux == child {
                package.functions[newIndex].nodes[j].aux = Int32(c)
            }
        }
        return newIndex
    }
}
