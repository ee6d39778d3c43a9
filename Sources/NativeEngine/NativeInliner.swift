import GoIR
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
        var callSites: [InlineCallSite]
        var isBig: Bool
    }
    /// Call sites and size of each costed body.
    var bodyFacts: [LiteralKey: BodyFacts] = [:]
    /// Names given to function literals (`F.func1`); set through `name(_:as:)`.
    private(set) var literalNames: [LiteralKey: String] = [:]
    /// Packages whose literals `verdicts(forPackage:)` has named (all of them, in one call).
    private(set) var literalsNamed: Set<String> = []
    /// The keys of `literalNames`, by package.
    private(set) var namedLiterals: [String: Set<LiteralKey>] = [:]
    /// The function (or literal) a literal is written in, and its rank there.
    var literalOrigins: [LiteralKey: (outer: String, index: Int)] = [:]
    /// The function (or literal) a literal of a generic body is written in, named in each
    /// shaped copy the packages compile (`Equal[go.shape.int]`, `Equal[go.shape.int].func1`),
    /// and its rank there; by literal and by the shaped copy's name.
    var instanceLiteralOrigins: [LiteralKey: [String: (outer: String, index: Int, nested: Bool)]] = [:]
    /// Packages whose shaped copies' literals `instanceVerdicts` has named.
    var instanceLiteralsNamed: Set<String> = []
    /// The function literals each costed body holds (those the front end keeps).
    var bodyLiterals: [LiteralKey: [NodeID]] = [:]
    /// Function literals decided so far (nil: not modelled).
    private var literals: [LiteralKey: InlineVerdict?] = [:]
    struct LiteralKey: Hashable {
        var package: String
        var file: Int
        var node: NodeID
    }
    /// GoIR's names of the `func init()` declarations (`init.0`, ...), by their `FuncDecl`.
    private var initNames: [LiteralKey: String] = [:]
    /// Generic functions, by package path and index in the package's `functions`: decided for
    /// their callers, not reported.
    private var generic: [String: Set<Int>] = [:]
    /// The shape instances and instance wrappers each package compiles.
    var instanceCollectors: [String: ShapeInstanceCollector] = [:]
    /// The method wrappers each package compiles.
    var wrapperLists: [String: [MethodWrapper]] = [:]
    /// Shape instances and method wrappers found outside the inliner's lock
    /// (`prepareOutsideLock`), until the package's first use takes them.
    let preparedInstances = PreparedPerPackage<ShapeInstanceCollector>()
    let preparedWrappers = PreparedPerPackage<[MethodWrapper]>()
    /// Each package's call graph and syntax positions (`PackageSyntaxIndex`), and those a
    /// package's job made outside the lock until the package's first use takes them.
    private var syntaxIndexes: [String: PackageSyntaxIndex] = [:]
    let preparedSyntax = PreparedPerPackage<PackageSyntaxIndex>()
    /// The equality functions a package generates (`equalityFunctions(of:in:goir:)`), found
    /// outside the lock, until the package's facts take them.
    let preparedEqualityFunctions = PreparedPerPackage<[String]>()
    /// The verdicts: the inliner's cost computed on GoIR.
    lazy var goir: GoIRInliner = {
        let g = GoIRInliner(program: program)
        g.visibility.compiledGenerics = { [unowned self] path in
            guard let typed = self.program.package(path) else { return [] }
            let c = self.shapeInstances(typed)
            return c.instances.map(\.generic) + c.wrappers.map(\.generic)
        }
        return g
    }()

    /// Creates an inliner over a program.
    public init(program: NativeProgram) {
        self.program = program
    }

    /// Does for a checked package, on the calling thread and without the inliner's tables, the
    /// work that is a function of the package and the program alone: lowering it
    /// (`GoIRInliner.prelower`), finding the shape instances and the method wrappers it
    /// compiles, indexing its syntax (`PackageSyntaxIndex`), naming the equality functions it
    /// generates. A package's job calls it before it takes the inliner's lock, beside other
    /// packages' analyses; the inliner takes the results when it first needs them. `goir` must
    /// have been made before (the session makes it with the inliner).
    public func prepareOutsideLock(_ typed: TypedPackage) {
        let lowered = goir.prelower(typed)
        guard lowered != nil, !preparedInstances.contains(typed.path) else { return }
        program.stages.measure(.inliningFacts) {
            let instances = Self.collectInstances(typed, program: program)
            preparedInstances.offer(instances, for: typed.path)
            preparedWrappers.offer(Self.wrappers(of: typed, lowered: lowered, instances: instances, goir: goir), for: typed.path)
            preparedSyntax.offer(PackageSyntaxIndex(typed, types: program.types), for: typed.path)
            if let lowered {
                preparedEqualityFunctions.offer(Self.equalityFunctions(of: lowered, in: typed, goir: goir), for: typed.path)
            }
        }
    }

    /// The verdict of every non-generic function and method with a name in the package at
    /// `path`, in source order. Generic functions are left out: the compiler decides their
    /// shape instances (`instanceVerdicts(forPackage:)`).
    public func verdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let pkg = program.package(path) else { return [] }
        analyze(pkg)
        var out: [FunctionVerdict] = []
        let decided = verdicts[pkg.path] ?? [:]
        for (i, f) in pkg.functions.enumerated() {
            guard let v = decided[i], !isGenericDeclaration(pkg.path, i),
                  let name = diagnosticName(pkg, f) else { continue }
            let tree = pkg.files[f.file].tree
            let node = tree[f.node]
            let offset = node.recv.exists ? tree[node.recv].opening : tree[node.name].pos
            let p = tree.source.position(of: offset)
            out.append(FunctionVerdict(file: pkg.files[f.file].path, line: p.line, column: p.column, name: name, verdict: v))
            out += literalVerdicts(pkg, file: f.file, body: node.body, outerName: name, inClosure: false)
        }
        out += packageLevelLiteralVerdicts(pkg)
        out += goir.frontEndVerdicts(forPackage: path)
        literalsNamed.insert(pkg.path)
        return out
    }

    /// Verdicts of the function literals in package-level variable initialisers: they belong
    /// to the package's initialiser and are named `init.funcN` (in initialization order, GoIR's
    /// `PackageInitOrder`), their own literals `init.funcN.M`.
    private func packageLevelLiteralVerdicts(_ pkg: TypedPackage) -> [FunctionVerdict] {
        guard let (ir, i) = goir.packageInitializer(path: pkg.path) else { return [] }
        var out: [FunctionVerdict] = []
        for l in ir.functions[i].literals where ir.functions[Int(l)].kind == .literal {
            let f = ir.functions[Int(l)]
            let file = Int(f.sourceFile)
            guard file >= 0, f.sourceNode.exists, file < pkg.files.count else { continue }
            let tree = pkg.files[file].tree
            let name = f.name
            let key = LiteralKey(package: pkg.path, file: file, node: f.sourceNode)
            self.name(key, as: name)
            if let number = Int(name.split(separator: ".").last?.dropFirst("func".count) ?? "") {
                literalOrigins[key] = ("init", number)
            }
            guard let v = literalVerdict(pkg, file: file, literal: f.sourceNode) else { continue }
            let p = tree.source.position(of: tree[f.sourceNode].pos)
            out.append(FunctionVerdict(file: pkg.files[file].path, line: p.line, column: p.column, name: name, verdict: v))
            out += literalVerdicts(pkg, file: file, body: tree[f.sourceNode].body, outerName: name, inClosure: true)
        }
        return out
    }

    /// Gives a function literal its name.
    private func name(_ key: LiteralKey, as name: String) {
        literalNames[key] = name
        namedLiterals[key.package, default: []].insert(key)
    }

    /// Verdicts of the function literals directly inside `body` (named `outer.funcN` in
    /// source order, `outer.N` when `body` is itself a literal's) and, recursively, of the
    /// literals inside them (`outer.funcN.M`).
    private func literalVerdicts(_ pkg: TypedPackage, file: Int, body: NodeID, outerName: String,
                                 inClosure: Bool) -> [FunctionVerdict] {
        let tree = pkg.files[file].tree
        let literals = bodyLiterals[LiteralKey(package: pkg.path, file: file, node: body)] ?? []
        var out: [FunctionVerdict] = []
        for (i, lit) in literals.enumerated() {
            let name = inClosure ? "\(outerName).\(i + 1)" : "\(outerName).func\(i + 1)"
            self.name(LiteralKey(package: pkg.path, file: file, node: lit), as: name)
            literalOrigins[LiteralKey(package: pkg.path, file: file, node: lit)] = (outerName, i + 1)
            let p = tree.source.position(of: tree[lit].pos)
            guard let v = literalVerdict(pkg, file: file, literal: lit) else { continue }
            out.append(FunctionVerdict(file: pkg.files[file].path, line: p.line, column: p.column, name: name, verdict: v))
            out += literalVerdicts(pkg, file: file, body: tree[lit].body, outerName: name, inClosure: true)
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

    /// True when the function at index `i` of the package at `path` is generic (decided for its
    /// callers, not reported).
    func isGenericDeclaration(_ path: String, _ i: Int) -> Bool {
        generic[path]?.contains(i) ?? false
    }

    func isGeneric(_ o: ObjectID) -> Bool {
        guard case .signature(let s) = program.types.node(program.types.object(o).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    // MARK: Order

    func analyze(_ pkg: TypedPackage) {
        if finished.contains(pkg.path) { return }
        finished.insert(pkg.path)
        // A slot per function at once: grown by doubling, the tables rehash every entry.
        verdicts[pkg.path, default: [:]].reserveCapacity(pkg.functions.count)
        bodyFacts.reserveCapacity(bodyFacts.count + pkg.functions.count)
        bodyLiterals.reserveCapacity(bodyLiterals.count + pkg.functions.count)
        let references = syntaxIndex(pkg).references
        var order = CallGraphOrder(count: pkg.functions.count) { references[$0] }
        order.run { block in
            for i in block { self.decide(pkg, i) }
        }
    }

    /// The package's syntax index: the one its job prepared outside the lock, or made now.
    func syntaxIndex(_ pkg: TypedPackage) -> PackageSyntaxIndex {
        if let known = syntaxIndexes[pkg.path] { return known }
        let index = preparedSyntax.take(pkg.path) ?? PackageSyntaxIndex(pkg, types: program.types)
        syntaxIndexes[pkg.path] = index
        return index
    }

    // MARK: One function

    /// Decides one function. A generic function is costed from its generic body, standing in
    /// for its shape instances (whose costs callers are charged), and is not reported.
    private func decide(_ pkg: TypedPackage, _ i: Int) {
        let f = pkg.functions[i]
        let tree = pkg.files[f.file].tree
        guard let o = f.object, tree[tree[f.node].name].identifier != "init" || tree[f.node].recv.exists else {
            // `func init()`: GoIR names it (`init.N`, files in order) and decides it.
            guard let (ir, j) = goir.declaredFunction(path: pkg.path, file: f.file, node: f.node) else { return }
            let body = pkg.files[f.file].tree[f.node].body
            if body.exists { record(pkg, file: f.file, body: body, ir: ir, index: j) }
            initNames[LiteralKey(package: pkg.path, file: f.file, node: f.node)] = ir.functions[j].name
            verdicts[pkg.path, default: [:]][i] = goir.verdict(ir, j)
            return
        }
        if isGeneric(o) { generic[pkg.path, default: []].insert(i) }
        verdicts[pkg.path, default: [:]][i] = verdict(pkg, f, o)
    }

    /// The function's verdict is GoIR's (`GoIRInliner`); its lowered body gives the call sites
    /// and literals `inlinedCalls` and the literal verdicts need.
    private func verdict(_ pkg: TypedPackage, _ f: TypedPackage.FunctionDecl, _ o: ObjectID) -> InlineVerdict? {
        let body = pkg.files[f.file].tree[f.node].body
        if body.exists, let (ir, i) = goir.declared(o) {
            record(pkg, file: f.file, body: body, ir: ir, index: i)
        }
        if let v = goir.declaredVerdict(o) { return v }
        return .notInlinable(reason: GoIRInliner.pragmaRefusal(f.pragmas) ?? InlineReason.noBody)
    }

    /// Records what inlining needs of a lowered body: its call sites, literals and
    /// devirtualized calls, tied to the syntax.
    private func record(_ pkg: TypedPackage, file: Int, body: NodeID, ir: IRPackage, index: Int) {
        let key = LiteralKey(package: pkg.path, file: file, node: body)
        guard bodyFacts[key] == nil else { return }
        let sites = callSites(pkg, ir: ir, index: index)
        bodyLiterals[key] = sites.literals
        bodyFacts[key] = BodyFacts(callSites: sites.callSites, isBig: goir.isBig(path: ir.path, index: index),
)
    }

    /// The call sites of function `index` of a lowered package.
    func callSites(_ pkg: TypedPackage, ir: IRPackage, index: Int) -> GoIRCallSites {
        let syntax = syntaxIndex(pkg)
        var finder = GoIRCallSites(program: program.types, package: ir, localPackage: pkg.index,
                                   syntaxCall: { syntax.syntaxNode(file: Int($0), offset: $1).call },
                                   syntaxLiteral: { syntax.syntaxNode(file: Int($0), offset: $1).literal })
        finder.run(index)
        return finder
    }

    /// The verdict of a function literal (budget: the closure budget); nil when not modelled.
    func literalVerdict(_ pkg: TypedPackage, file: Int, literal: NodeID) -> InlineVerdict? {
        let key = LiteralKey(package: pkg.path, file: file, node: literal)
        if let known = literals[key] { return known }
        let node = pkg.files[file].tree[literal]
        guard let (ir, i) = goir.literal(path: pkg.path, file: file, offset: node.pos) else { return nil }
        record(pkg, file: file, body: node.body, ir: ir, index: i)
        let v = goir.literalVerdict(path: pkg.path, file: file, offset: node.pos) ?? nil
        literals[key] = v
        return v
    }

    /// The compiler's diagnostic name of a declared function (`init.N` for `func init()`, nil
    /// for blank functions).
    func diagnosticName(_ pkg: TypedPackage, _ f: TypedPackage.FunctionDecl) -> String? {
        if let name = initNames[LiteralKey(package: pkg.path, file: f.file, node: f.node)] { return name }
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
