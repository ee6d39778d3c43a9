import GoIR
import GoSyntax
import GoTypes

/// One call the inliner replaces by the callee's body, located as the compiler prints it: at
/// the `(` of the outermost call when the call sits in a body that was itself inlined.
public struct InlinedCall: Sendable, Hashable {
    /// Absolute path of the file.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// The callee as the compiler names it (package-qualified when imported).
    public var callee: String
}

/// One interface call rewritten to a concrete method call (`devirtualizing x.M to T`).
public struct DevirtualizedCall: Sendable, Hashable {
    /// Absolute path of the file.
    public var file: String
    /// 1-based line of the call's `(`.
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// `x.M`.
    public var subject: String
    /// The concrete type (`T`, `*T`, `pkg.T`).
    public var type: String
}

/// Which calls are inlined, once every function's verdict is known: a statically resolved
/// call whose callee is inlinable within the call-site limit (80; 20 in a big function;
/// twice that for a function literal) is inlined, and so, at the same position, are the
/// calls of the inlined body, except a callee already being inlined on that path (a
/// recursive cycle). A function is not on its own path, so a small recursive function gets
/// one copy of itself.
extension NativeInliner {
    /// Every inlined call in the package's modelled functions and function literals that the
    /// call sites resolve (`NativeIR.inlinedCallsReadFromExpansion` has the ones only the
    /// expanded bodies know).
    public func inlinedCalls(forPackage path: String) -> [InlinedCall] {
        guard let pkg = program.package(path) else { return [] }
        // The verdicts name the package's function literals, which the call sites read (once
        // per package: the facts of a package ask for its verdicts first).
        if !literalsNamed.contains(pkg.path) { _ = verdicts(forPackage: path) }
        // So do the verdicts of the shaped copies for the literals of generic bodies.
        if !instanceLiteralsNamed.contains(pkg.path) { _ = instanceVerdicts(pkg) }
        var out: [InlinedCall] = []
        var bodies: [(file: Int, body: NodeID, closure: Bool, declaration: NodeID)] = []
        for (i, f) in pkg.functions.enumerated() where verdicts[pkg.path]?[i] != nil && !isGenericDeclaration(pkg.path, i) {
            bodies.append((f.file, pkg.files[f.file].tree[f.node].body, false, f.node))
        }
        let literalKeys = (namedLiterals[pkg.path] ?? [])
            .sorted { ($0.file, $0.node) < ($1.file, $1.node) }
        for key in literalKeys where literalVerdict(pkg, file: key.file, literal: key.node) != nil {
            bodies.append((key.file, pkg.files[key.file].tree[key.node].body, true, key.node))
        }
        for (file, sites) in initializerCallSites(pkg) {
            let tree = pkg.files[file].tree
            for site in sites {
                let p = tree.source.position(of: site.offset)
                let at = (file: pkg.files[file].path, line: p.line, column: p.column)
                expand(site, context: (pkg, file), at: at, path: [], big: false, binding: nil, closure: false,
                       from: pkg, into: &out)
            }
        }
        for (file, body, closure, declaration) in bodies {
            guard let facts = bodyFacts[LiteralKey(package: pkg.path, file: file, node: body)] else { continue }
            let tree = pkg.files[file].tree
            let caller = CapturingFunction(package: pkg.path, file: file, node: declaration)
            for site in facts.callSites {
                let p = tree.source.position(of: site.offset)
                let at = (file: pkg.files[file].path, line: p.line, column: p.column)
                expand(site, context: (pkg, file), at: at, path: [], big: facts.isBig, binding: nil, closure: closure,
                       from: pkg, caller: caller, into: &out)
            }
        }
        return out + instanceInlinedCalls(pkg) + wrapperInlinedCalls(pkg)
    }

    /// Calls in the initializers of package-level variables (the package's init function),
    /// grouped by file.
    private func initializerCallSites(_ pkg: TypedPackage) -> [(Int, [InlineCallSite])] {
        guard let (ir, i) = goir.packageInitializer(path: pkg.path) else { return [] }
        let sites = callSites(pkg, ir: ir, index: i).callSites
        var out: [(Int, [InlineCallSite])] = []
        for fi in pkg.files.indices {
            let mine = sites.filter { $0.file == fi }
            if !mine.isEmpty { out.append((fi, mine)) }
        }
        return out
    }

    /// What a call site reaches: its cost, identity on the inlining path, body and name.
    struct ResolvedCallee {
        var cost: Int
        var key: LiteralKey
        var isLiteral: Bool
        var name: String
        var package: TypedPackage
        var file: Int
        var parameters: [ObjectID]
        var calledOnce: Bool
        /// The shapes of the type parameters when the callee is a shaped copy of a generic.
        var environment: [TypeID: Shape] = [:]
        /// The shaped copy whose body holds the callee: the copy itself, or the copy a literal
        /// of a generic body is called in (its name, `Equal[go.shape.int]`).
        var instance: String? = nil
    }

    /// The call whose inlining put a body in place: its arguments bind the body's parameters.
    struct Binding {
        var call: NodeID
        var package: TypedPackage
        var file: Int
        var parameters: [ObjectID]
        /// True when compiling a function literal (literals are then named `outer.N`).
        var copied: Bool
    }

    func resolve(_ target: InlineCallTarget, calledOnce: Bool, context: (TypedPackage, Int),
                         binding: Binding?, copied: Bool, from current: TypedPackage, call: NodeID = .none,
                         environment: [TypeID: Shape] = [:], instance: String? = nil, ownName: Bool = false) -> ResolvedCallee? {
        let types = program.types
        switch target {
        case .function(let o) where isGenericCallee(o):
            guard let instance = calledInstance(o, call: call, in: context, environment: environment),
                  let cost = shapeVerdict(instance, in: current)?.cost else { return nil }
            return resolvedInstance(instance, cost: cost, from: current)
        case .function(let o):
            let r = types.object(o)
            _ = calleeCost(o, from: current)  // decides the callee's package if it is not yet
            guard goir.isBodyVisible(o, in: current.path) else { return nil }
            guard r.origin == nil, let pkg = program.package(index: r.package),
                  let i = pkg.function(file: Int(r.file), nameOffset: Int(r.offset)),
                  let cost = verdicts[pkg.path]?[i]?.cost, !isGenericDeclaration(pkg.path, i) else { return nil }
            let f = pkg.functions[i]
            guard let local = diagnosticName(pkg, f) else { return nil }
            let name = pkg === current ? local : "\(types.packages[Int(pkg.index)].name).\(local)"
            let body = pkg.files[f.file].tree[f.node].body
            var params: [ObjectID] = []
            if case .signature(let sig) = types.node(r.type) { params = sig.params }
            return ResolvedCallee(cost: cost, key: LiteralKey(package: pkg.path, file: f.file, node: body),
                                  isLiteral: false, name: name, package: pkg, file: f.file, parameters: params,
                                  calledOnce: false)
        case .literal(let node):
            let (pkg, file) = context
            guard let cost = literalVerdict(pkg, file: file, literal: node)?.cost else { return nil }
            let key = LiteralKey(package: pkg.path, file: file, node: node)
            // Reached through a closure variable, the literal itself is called (its own name:
            // `outer.funcN`, or `outer.N` inside a literal); a copy made by inlining is named
            // `outer.N` in a function literal, `outer.funcN` in a declared function. A literal of
            // a generic body called in one of its shaped copies is named after the copy
            // (`Equal[go.shape.int].func1`), its name already qualified as the copy's.
            let name: String
            var shaped: String? = nil
            if let instance, let origin = instanceLiteralOrigins[key]?[instance] {
                let copyName = copied ? "\(origin.outer).\(origin.index)" : "\(origin.outer).func\(origin.index)"
                name = !ownName ? copyName : origin.nested ? "\(origin.outer).\(origin.index)" : "\(origin.outer).func\(origin.index)"
                shaped = instance
            } else {
                guard let origin = literalOrigins[key] else { return nil }
                let copyName = copied ? "\(origin.outer).\(origin.index)" : "\(origin.outer).func\(origin.index)"
                let local = ownName ? literalNames[key] ?? copyName : copyName
                name = pkg === current ? local : "\(types.packages[Int(pkg.index)].name).\(local)"
            }
            var params: [ObjectID] = []
            if let t = pkg.facts[file].exprs[node]?.type, case .signature(let sig) = types.node(types.under(t)) { params = sig.params }
            return ResolvedCallee(cost: cost, key: LiteralKey(package: pkg.path, file: file, node: pkg.files[file].tree[node].body),
                                  isLiteral: true, name: name, package: pkg, file: file, parameters: params,
                                  calledOnce: calledOnce, environment: shaped == nil ? [:] : environment, instance: shaped)
        case .parameter(let p):
            // The argument bound to the parameter where the body was inlined.
            guard let b = binding, let index = b.parameters.firstIndex(of: p) else { return nil }
            let tree = b.package.files[b.file].tree
            let args = tree[b.call].args
            guard index < args.count else { return nil }
            var arg = args[index]
            while tree.kind(arg) == .parenExpr { arg = tree[arg].x }
            let facts = b.package.facts[b.file]
            switch tree.kind(arg) {
            case .funcLit:
                return resolve(.literal(arg), calledOnce: true, context: (b.package, b.file), binding: nil, copied: b.copied, from: current)
            case .ident:
                guard let o = facts.uses[arg], types.object(o).kind == .function else { return nil }
                return resolve(.function(o), calledOnce: false, context: (b.package, b.file), binding: nil, copied: false, from: current)
            case .selectorExpr:
                guard let o = facts.uses[tree[arg].sel], types.object(o).kind == .function,
                      case .signature(let s) = types.node(types.object(o).type), s.recv == nil else { return nil }
                return resolve(.function(o), calledOnce: false, context: (b.package, b.file), binding: nil, copied: false, from: current)
            default:
                return nil
            }
        }
    }

    func expand(_ site: InlineCallSite, context: (TypedPackage, Int),
                at: (file: String, line: Int, column: Int), path: [LiteralKey], big: Bool,
                binding: Binding?, closure: Bool, from current: TypedPackage, environment: [TypeID: Shape] = [:],
                instance: String? = nil, caller: CapturingFunction? = nil, into out: inout [InlinedCall]) {
        // A literal capturing another function's variables is inlined only into that function.
        if let owner = site.capturesOf, owner != caller { return }
        guard let callee = resolve(site.target, calledOnce: site.calledOnce, context: context,
                                   binding: binding, copied: closure && !site.throughClosureVariable,
                                   from: current, call: site.call,
                                   environment: environment, instance: instance, ownName: site.throughClosureVariable) else { return }
        var limit = big ? InlineBudget.bigCallee : InlineBudget.callee
        if callee.isLiteral {
            limit *= 2
            if callee.calledOnce { limit = max(limit, InlineBudget.closure) }
        }
        guard callee.cost <= limit, !path.contains(callee.key) else { return }
        out.append(InlinedCall(file: at.file, line: at.line, column: at.column, callee: callee.name))
        guard let facts = bodyFacts[callee.key] else { return }
        let inner = Binding(call: site.call, package: context.0, file: context.1, parameters: callee.parameters,
                            copied: closure)
        for s in facts.callSites {
            expand(s, context: (callee.package, callee.file), at: at, path: path + [callee.key], big: big,
                   binding: inner, closure: closure, from: current, environment: callee.environment,
                   instance: callee.instance, caller: caller, into: &out)
        }
    }
}
