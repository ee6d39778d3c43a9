import GoSyntax
import GoTypes

/// What the inliner decides about one function.
public enum InlineVerdict: Sendable, Hashable {
    /// Inlinable, with the cost the compiler prints (`can inline F with cost N`).
    case inlinable(cost: Int)
    /// Never inlinable, with the compiler's reason text.
    case notInlinable(reason: String)

    /// The cost when inlinable.
    public var cost: Int? {
        if case .inlinable(let c) = self { return c }
        return nil
    }
}

/// One function's verdict, located the way the compiler prints it.
public struct FunctionVerdict: Sendable, Hashable {
    /// Absolute path of the file.
    public var file: String
    /// 1-based line of the function's position (its name, or a method's receiver `(`).
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// The compiler's spelling of the name (`F`, `T.M`, `(*T).M`).
    public var name: String
    /// The verdict.
    public var verdict: InlineVerdict
}

/// Decides inlinability and inline cost for every function of a package, in the compiler's
/// order: bottom-up over the package's call graph (strongly connected components, callees
/// first), each function costed with its callees' verdicts known (a callee in the same cycle
/// that is not decided yet counts as not inlinable). Imported packages are decided on demand
/// when a call reaches into them, the way the compiler reads their costs from export data.
public final class NativeInliner {
    /// The program the packages come from.
    public let program: NativeProgram
    var verdicts: [String: [Int: InlineVerdict]] = [:]
    private var finished: Set<String> = []
    /// What the inliner needs of a costed body when it inlines calls into it.
    struct BodyFacts {
        var callSites: [InlineCostWalker.CallSite]
        var isBig: Bool
        var devirtualizations: [InlineCostWalker.Devirtualization]
        var wrappers: [InlineCostWalker.GoDeferWrapper] = []
    }
    /// Call sites and size of each costed body.
    var bodyFacts: [LiteralKey: BodyFacts] = [:]
    /// Names given to function literals (`F.func1`).
    var literalNames: [LiteralKey: String] = [:]
    /// The function (or literal) a literal is written in, and its rank there.
    var literalOrigins: [LiteralKey: (outer: String, index: Int)] = [:]
    /// The function literals each costed body holds (those the front end keeps).
    private var bodyLiterals: [LiteralKey: [NodeID]] = [:]
    /// Function literals decided so far (nil: not modelled).
    private var literals: [LiteralKey: InlineVerdict?] = [:]
    struct LiteralKey: Hashable {
        var package: String
        var file: Int
        var node: NodeID
    }
    /// Ranks of the `func init()` declarations per package (function index → N of `init.N`).
    private var initOrdinals: [String: [Int: Int]] = [:]
    /// Generic functions (`path#index`): decided for their callers, not reported.
    var generic: Set<String> = []

    /// Creates an inliner over a program.
    public init(program: NativeProgram) {
        self.program = program
    }

    /// The verdict of every non-generic function and method with a name in the package at
    /// `path`, in source order. Generic functions are left out (the compiler decides their
    /// shaped instances, which the native engine does not model yet).
    public func verdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let pkg = program.package(path) else { return [] }
        analyze(pkg)
        var out: [FunctionVerdict] = []
        let decided = verdicts[pkg.path] ?? [:]
        for (i, f) in pkg.functions.enumerated() {
            guard let v = decided[i], !generic.contains("\(pkg.path)#\(i)"),
                  let name = diagnosticName(pkg, f) else { continue }
            let tree = pkg.files[f.file].tree
            let node = tree[f.node]
            let offset = node.recv.exists ? tree[node.recv].opening : tree[node.name].pos
            let p = tree.source.position(of: offset)
            out.append(FunctionVerdict(file: pkg.files[f.file].path, line: p.line, column: p.column, name: name, verdict: v))
            out += wrapperVerdicts(pkg, file: f.file, body: node.body, outerName: name)
            out += literalVerdicts(pkg, file: f.file, body: node.body, outerName: name)
        }
        out += packageLevelLiteralVerdicts(pkg)
        return out
    }

    /// Verdicts of the function literals in package-level variable initializers: they belong
    /// to the package's initialization function and are named `init.funcN` (files by name,
    /// literals in source order), their own literals `init.funcN.M`.
    private func packageLevelLiteralVerdicts(_ pkg: TypedPackage) -> [FunctionVerdict] {
        var out: [FunctionVerdict] = []
        var rank = 0
        for (fi, file) in pkg.files.enumerated() {
            let tree = file.tree
            let callees = InlineCostWalker.Callees(cost: { [unowned self] in self.calleeCost($0, from: pkg) },
                                                   literalCost: { [unowned self] in self.literalVerdict(pkg, file: fi, literal: $0)?.cost })
            var w = InlineCostWalker(program: program.types, package: pkg, file: fi, callees: callees, isBig: false, parameters: [])
            for decl in file.declarations where tree.kind(decl) == .genDecl && tree[decl].token == .kwVar {
                for spec in tree[decl].specs {
                    for value in tree[spec].values { w.expression(value) }
                }
            }
            for lit in w.literals {
                rank += 1
                let name = "init.func\(rank)"
                literalNames[LiteralKey(package: pkg.path, file: fi, node: lit)] = name
                literalOrigins[LiteralKey(package: pkg.path, file: fi, node: lit)] = ("init", rank)
                guard let v = literalVerdict(pkg, file: fi, literal: lit) else { continue }
                let p = tree.source.position(of: tree[lit].pos)
                out.append(FunctionVerdict(file: file.path, line: p.line, column: p.column, name: name, verdict: v))
                out += wrapperVerdicts(pkg, file: fi, body: tree[lit].body, outerName: name)
                out += literalVerdicts(pkg, file: fi, body: tree[lit].body, outerName: name)
            }
        }
        return out
    }

    /// Verdicts of the function literals directly inside `body` (named `outer.funcN` in
    /// source order) and, recursively, of the literals inside them (`outer.funcN.M`).
    private func literalVerdicts(_ pkg: TypedPackage, file: Int, body: NodeID, outerName: String) -> [FunctionVerdict] {
        let tree = pkg.files[file].tree
        let literals = bodyLiterals[LiteralKey(package: pkg.path, file: file, node: body)] ?? []
        var out: [FunctionVerdict] = []
        let nested = outerName.contains(".func")
        for (i, lit) in literals.enumerated() {
            let name = nested ? "\(outerName).\(i + 1)" : "\(outerName).func\(i + 1)"
            literalNames[LiteralKey(package: pkg.path, file: file, node: lit)] = name
            literalOrigins[LiteralKey(package: pkg.path, file: file, node: lit)] = (outerName, i + 1)
            let p = tree.source.position(of: tree[lit].pos)
            guard let v = literalVerdict(pkg, file: file, literal: lit) else { continue }
            out.append(FunctionVerdict(file: pkg.files[file].path, line: p.line, column: p.column, name: name, verdict: v))
            out += wrapperVerdicts(pkg, file: file, body: tree[lit].body, outerName: name)
            out += literalVerdicts(pkg, file: file, body: tree[lit].body, outerName: name)
        }
        return out
    }

    /// Verdicts of the `go`/`defer` wrappers of a body (`outer.deferwrapN`, `outer.gowrapN`,
    /// one counter for both), at their statements.
    private func wrapperVerdicts(_ pkg: TypedPackage, file: Int, body: NodeID, outerName: String) -> [FunctionVerdict] {
        let tree = pkg.files[file].tree
        var out: [FunctionVerdict] = []
        for (i, w) in (bodyFacts[LiteralKey(package: pkg.path, file: file, node: body)]?.wrappers ?? []).enumerated() {
            let p = tree.source.position(of: w.offset)
            let name = "\(outerName).\(w.isGo ? "gowrap" : "deferwrap")\(i + 1)"
            let verdict: InlineVerdict = w.cost > InlineBudget.function
                ? .notInlinable(reason: InlineReason.tooComplex(cost: w.cost, budget: InlineBudget.function))
                : .inlinable(cost: w.cost)
            out.append(FunctionVerdict(file: pkg.files[file].path, line: p.line, column: p.column, name: name, verdict: verdict))
        }
        return out
    }

    /// The inline cost of a function or method object, nil when it is not inlinable, generic,
    /// or not decided yet.
    func calleeCost(_ o: ObjectID, from current: TypedPackage) -> Int? {
        let types = program.types
        var r = types.object(o)
        if let origin = r.origin { r = types.object(origin) }
        guard let pkg = r.package == current.index ? current : program.package(index: r.package),
              let index = pkg.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return nil }
        if pkg !== current && !finished.contains(pkg.path) { analyze(pkg) }
        return verdicts[pkg.path]?[index]?.cost
    }

    func isGeneric(_ o: ObjectID) -> Bool {
        guard case .signature(let s) = program.types.node(program.types.object(o).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    // MARK: Order

    private func analyze(_ pkg: TypedPackage) {
        if finished.contains(pkg.path) { return }
        finished.insert(pkg.path)
        var order = CallGraphOrder(count: pkg.functions.count) { self.references(pkg, $0) }
        order.run { block in
            for i in block { self.decide(pkg, i) }
        }
    }

    /// Functions of the same package that a function's body mentions, in source order.
    private func references(_ pkg: TypedPackage, _ i: Int) -> [Int] {
        let f = pkg.functions[i]
        let tree = pkg.files[f.file].tree
        let facts = pkg.facts[f.file]
        let types = program.types
        var out: [Int] = []
        tree.walk(tree[f.node].body) { id, _, _ in
            guard tree.kind(id) == .ident, var o = facts.uses[id] else { return true }
            let r = types.object(o)
            guard r.kind == .function, r.package == pkg.index else { return true }
            if let origin = r.origin { o = origin }
            let ro = types.object(o)
            if let j = pkg.function(file: Int(ro.file), nameOffset: Int(ro.offset)) { out.append(j) }
            return true
        }
        return out
    }

    // MARK: One function

    /// Decides one function. A generic function is costed from its generic body, standing in
    /// for its shape instances (whose costs callers are charged), and is not reported.
    private func decide(_ pkg: TypedPackage, _ i: Int) {
        let f = pkg.functions[i]
        guard let o = f.object else {
            // `func init()` declares no object: a function without parameters or results.
            if initOrdinal(pkg, i) != nil {
                let body = pkg.files[f.file].tree[f.node].body
                verdicts[pkg.path, default: [:]][i] = body.exists
                    ? cost(pkg, file: f.file, body: body, parameters: [], results: [], budget: InlineBudget.function, captured: nil)
                    : .notInlinable(reason: InlineReason.noBody)
            }
            return
        }
        if isGeneric(o) { generic.insert("\(pkg.path)#\(i)") }
        verdicts[pkg.path, default: [:]][i] = verdict(pkg, f, o)
    }

    private func verdict(_ pkg: TypedPackage, _ f: TypedPackage.FunctionDecl, _ o: ObjectID) -> InlineVerdict? {
        // The body is costed even when a pragma refuses the function: its calls are still
        // inlined and its function literals still decided.
        let tree = pkg.files[f.file].tree
        let body = tree[f.node].body
        var costed: InlineVerdict? = .notInlinable(reason: InlineReason.noBody)
        if body.exists, case .signature(let sig) = program.types.node(program.types.object(o).type) {
            var parameters = Set(sig.params)
            if let r = sig.recv { parameters.insert(r) }
            costed = cost(pkg, file: f.file, body: body, parameters: parameters, results: sig.results,
                          budget: InlineBudget.function, captured: nil, generic: isGeneric(o))
        }
        if f.pragmas.contains("noinline") { return .notInlinable(reason: InlineReason.noinline) }
        if f.pragmas.contains("cgo_unsafe_args") { return .notInlinable(reason: InlineReason.cgoUnsafeArgs) }
        if f.pragmas.contains("uintptrkeepalive") || f.pragmas.contains("uintptrescapes") {
            return .notInlinable(reason: InlineReason.uintptrKeepAlive)
        }
        if f.pragmas.contains("yeswritebarrierrec") { return .notInlinable(reason: InlineReason.yesWriteBarrierRec) }
        return costed
    }

    /// Costs a body (of a function or a function literal) against a budget; nil when the body
    /// holds a construct the model does not cover (a range-over-func loop).
    func cost(_ pkg: TypedPackage, file: Int, body: NodeID, parameters: Set<ObjectID>, results: [ObjectID],
              budget: Int, captured: Range<Int>?, generic: Bool = false) -> InlineVerdict? {
        let callees = InlineCostWalker.Callees(
            cost: { [unowned self] in self.calleeCost($0, from: pkg) },
            literalCost: { [unowned self] in self.literalCost(pkg, file: file, literal: $0) })
        func walk(big: Bool) -> InlineCostWalker {
            var w = InlineCostWalker(program: program.types, package: pkg, file: file, callees: callees,
                                     isBig: big, parameters: parameters)
            w.currentResults = results
            w.closureRange = captured
            w.functionBody = body
            w.insideGeneric = generic
            w.statements(pkg.files[file].tree[body].list)
            return w
        }
        var w = walk(big: false)
        if w.reason == nil && w.nodes > InlineBudget.bigFunctionNodes { w = walk(big: true) }
        bodyLiterals[LiteralKey(package: pkg.path, file: file, node: body)] = w.literals
        bodyFacts[LiteralKey(package: pkg.path, file: file, node: body)] = BodyFacts(callSites: w.callSites, isBig: w.isBig,
                                                                                   devirtualizations: w.devirtualizations,
                                                                                   wrappers: w.wrappers)
        if let reason = w.reason { return .notInlinable(reason: reason) }
        if w.unmodelled { return nil }
        if w.cost > budget { return .notInlinable(reason: InlineReason.tooComplex(cost: w.cost, budget: budget)) }
        return .inlinable(cost: w.cost)
    }

    /// The inline cost of a function literal called where it is written.
    private func literalCost(_ pkg: TypedPackage, file: Int, literal: NodeID) -> Int? {
        literalVerdict(pkg, file: file, literal: literal)?.cost
    }

    /// The verdict of a function literal (budget: the closure budget); nil when not modelled.
    func literalVerdict(_ pkg: TypedPackage, file: Int, literal: NodeID) -> InlineVerdict? {
        let key = LiteralKey(package: pkg.path, file: file, node: literal)
        if let known = literals[key] { return known }
        let tree = pkg.files[file].tree
        let facts = pkg.facts[file]
        guard let t = facts.exprs[literal]?.type,
              case .signature(let sig) = program.types.node(program.types.under(t)) else { return nil }
        let node = tree[literal]
        let v = cost(pkg, file: file, body: node.body, parameters: Set(sig.params), results: sig.results,
                     budget: max(InlineBudget.function, InlineBudget.closure), captured: node.pos..<node.end)
        literals[key] = v
        return v
    }

    /// The rank of function `i` among the package's `func init()` declarations (files by
    /// name, declarations in order), nil for any other function: the compiler names them
    /// `init.0`, `init.1`, ...
    func initOrdinal(_ pkg: TypedPackage, _ i: Int) -> Int? {
        if let known = initOrdinals[pkg.path] { return known[i] }
        var ranks: [Int: Int] = [:]
        for (j, f) in pkg.functions.enumerated() {
            let node = pkg.files[f.file].tree[f.node]
            if !node.recv.exists, pkg.files[f.file].tree[node.name].identifier == "init" { ranks[j] = ranks.count }
        }
        initOrdinals[pkg.path] = ranks
        return ranks[i]
    }

    /// The compiler's diagnostic name of a declared function (`init.N` for `func init()`; nil
    /// for blank functions).
    func diagnosticName(_ pkg: TypedPackage, _ f: TypedPackage.FunctionDecl) -> String? {
        if let i = pkg.function(file: f.file, nameOffset: pkg.files[f.file].tree[pkg.files[f.file].tree[f.node].name].pos),
           let rank = initOrdinal(pkg, i) {
            return "init.\(rank)"
        }
        guard let o = f.object else { return nil }
        let types = program.types
        let name = types.object(o).name
        if name == "_" { return nil }
        guard case .signature(let s) = types.node(types.object(o).type), let recv = s.recv else { return name }
        var t = types.unalias(types.object(recv).type)
        var pointer = false
        if case .pointer(let b) = types.node(t) { t = types.unalias(b); pointer = true }
        guard case .named(let i) = types.node(t) else { return name }
        let base = types.object(types.named[Int(i)].object).name
        return pointer ? "(*\(base)).\(name)" : "\(base).\(name)"
    }
}
