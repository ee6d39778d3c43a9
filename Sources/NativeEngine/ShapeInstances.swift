import GoIR
import GoSyntax
import GoTypes

// Shape instances: the copies of generic functions a package compiles.
//
// The compiler compiles, in every package, each generic function and method the package's code
// instantiates, once per shape of its type arguments (`ShapeNaming`), whatever package declared
// it. The shaped copy takes a dictionary as its first parameter; every instantiation with
// concrete type arguments also gets a thin *instance wrapper* (`slices.Index[[]int,int]`) that
// calls the shaped copy with the instantiation's dictionary. What a package needs:
//
// - every generic function its non-generic code instantiates (a call, `F[T]`, a generic
//   function used as a value), and every method of every instance of a generic type its code
//   mentions, directly or through the types it reads (a field of an imported struct counts,
//   and so does a type in the signature of any method of a defined type read, unexported
//   methods and interface methods included: the compiler reads a type with its method set);
// - transitively, what the shaped bodies instantiate, with their type parameters replaced by
//   the shapes (`Sort[go.shape.[]go.shape.string,go.shape.string]` inside
//   `Sorted[go.shape.string]`); shaped bodies get no wrappers.

/// One compiled copy of a generic function or method.
struct ShapeInstance: Hashable {
    /// The generic function, or the method of the generic type.
    var generic: ObjectID
    /// The shapes of its type arguments (a method's: its receiver type's).
    var shapes: [Shape]
}

/// One instance wrapper: an instantiation with concrete type arguments.
struct InstanceWrapper: Hashable {
    /// The generic function or method.
    var generic: ObjectID
    /// The link strings of the concrete type arguments.
    var arguments: [String]
    /// The shaped copy it calls.
    var instance: ShapeInstance
    /// The concrete type arguments.
    var types: [TypeID]
    /// True for the copy of a self-referencing instance in a shaped body (`entry[K,V]`'s field
    /// `atomic.Pointer[entry[K,V]]`): the compiler could not shape the still incomplete type
    /// argument and kept it, so this is a second shaped copy of the generic body, named by the
    /// shaped arguments, not a wrapper that calls one.
    var isShapedCopy = false

    /// Wrappers are the same when they instantiate the same generic with the same arguments.
    static func == (a: InstanceWrapper, b: InstanceWrapper) -> Bool { a.generic == b.generic && a.arguments == b.arguments }

    /// Hashes the generic and the arguments' spelling.
    func hash(into hasher: inout Hasher) {
        hasher.combine(generic)
        hasher.combine(arguments)
    }
}

/// Finds the shape instances and instance wrappers one package compiles (see the essay above).
struct ShapeInstanceCollector {
    let program: NativeProgram
    private let naming: ShapeNaming
    private(set) var instances: [ShapeInstance] = []
    private(set) var wrappers: [InstanceWrapper] = []
    /// The instances of generic types the package reads, each with the shapes of the type
    /// parameters it is written with (empty for a concrete instance): each gets method wrappers.
    private(set) var instanceTypes: [(type: TypeID, environment: [TypeID: Shape])] = []
    private var seenInstances: Set<ShapeInstance> = []
    private var seenWrappers: Set<InstanceWrapper> = []
    private var seenTypes: Set<String> = []
    private var seenPlainTypes = IDBitSet()
    /// Types already noted outside any shaped body: noting one again adds nothing (every
    /// instance and wrapper it reaches is in the sets above), and a package mentions the same
    /// few types at most of its expressions.
    private var notedConcrete = IDBitSet()
    private var pending: [ShapeInstance] = []
    /// Wrappers whose generic bodies are still to be read with their concrete arguments.
    private var pendingWrappers: [InstanceWrapper] = []

    init(program: NativeProgram) {
        self.program = program
        self.naming = ShapeNaming(program: program.types)
    }

    private var types: Program { program.types }

    /// Collects what the package's own non-generic code needs, then the shaped bodies.
    mutating func collect(_ pkg: TypedPackage) {
        for (fi, file) in pkg.files.enumerated() where fi < pkg.facts.count {
            for decl in file.declarations {
                if file.tree.kind(decl) == .funcDecl, let o = pkg.facts[fi].defs[file.tree[decl].name] ?? nil,
                   isGeneric(o) { continue }
                if file.tree.kind(decl) == .genDecl && file.tree[decl].token == .kwType && declaresGenericType(pkg, fi, decl) {
                    continue
                }
                walk(pkg, file: fi, node: decl, environment: [:])
            }
        }
        drain()
    }

    /// Adds what a non-generic body read by the package (an inlined callee) needs.
    mutating func collect(body node: NodeID, file: Int, of pkg: TypedPackage) {
        walk(pkg, file: file, node: node, environment: [:])
        drain()
    }

    private mutating func drain() {
        while !pending.isEmpty || !pendingWrappers.isEmpty {
            if let next = pending.popLast() {
                guard let (owner, file, body) = genericBody(next.generic) else { continue }
                walk(owner, file: file, node: body, environment: environment(of: next))
            } else if let next = pendingWrappers.popLast() {
                guard let (owner, file, body) = genericBody(next.generic) else { continue }
                var substitution: [TypeID: TypeID] = [:]
                for (p, a) in zip(typeParameters(next.generic), next.types) { substitution[p] = a }
                for (p, a) in zip(declaredTypeParameters(next.generic), next.types) { substitution[p] = a }
                walk(owner, file: file, node: body, environment: [:], substitution: substitution)
            }
        }
    }

    /// The package, file and body of a generic declaration.
    private func genericBody(_ generic: ObjectID) -> (TypedPackage, Int, NodeID)? {
        let r = types.object(generic)
        guard let owner = program.package(index: r.package),
              let i = owner.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return nil }
        let decl = owner.functions[i]
        let body = owner.files[decl.file].tree[decl.node].body
        return body.exists ? (owner, decl.file, body) : nil
    }

    /// The type parameters of a generic function or method (a method's: its receiver's).
    func typeParameters(_ generic: ObjectID) -> [TypeID] {
        guard let s = types.signatureOf(types.object(generic).type) else { return [] }
        return s.recv != nil ? s.recvTypeParams : s.typeParams
    }

    /// The substitution a shaped body is walked with. A method's receiver type parameters
    /// stand for its type's, which also appear in the types of the fields it selects.
    func environment(of instance: ShapeInstance) -> [TypeID: Shape] {
        var env: [TypeID: Shape] = [:]
        for (p, s) in zip(typeParameters(instance.generic), instance.shapes) { env[p] = s }
        for (p, s) in zip(declaredTypeParameters(instance.generic), instance.shapes) { env[p] = s }
        return env
    }

    /// The type parameters of the generic type a method is declared on.
    private func declaredTypeParameters(_ method: ObjectID) -> [TypeID] {
        guard let recv = types.signatureOf(types.object(method).type)?.recv else { return [] }
        var t = types.unalias(types.object(recv).type)
        if case .pointer(let e) = types.node(t) { t = types.unalias(e) }
        guard case .named(let i) = types.node(t) else { return [] }
        let n = types.named[Int(i)]
        if let origin = n.origin, case .named(let oi) = types.node(types.unalias(origin)) { return types.named[Int(oi)].typeParams }
        return n.typeParams
    }

    private func isGeneric(_ o: ObjectID) -> Bool { !typeParameters(o).isEmpty }

    private func declaresGenericType(_ pkg: TypedPackage, _ file: Int, _ decl: NodeID) -> Bool {
        let tree = pkg.files[file].tree
        return tree[decl].specs.contains { spec in
            guard let o = pkg.facts[file].defs[tree[spec].name] ?? nil,
                  case .named(let i) = types.node(types.object(o).type) else { return false }
            return !types.named[Int(i)].typeParams.isEmpty
        }
    }

    /// Notes what a body instantiates. Type parameters are replaced by shapes (`env`, a shaped
    /// copy) or by concrete types (`substitution`, the instantiation a wrapper's dictionary
    /// describes: the run-time types it holds are concrete instances of generic types, whose
    /// methods get wrappers too; its generic function calls are reached through shapes).
    private mutating func walk(_ pkg: TypedPackage, file: Int, node: NodeID, environment env: [TypeID: Shape],
                               substitution: [TypeID: TypeID] = [:]) {
        let tree = pkg.files[file].tree
        let facts = pkg.facts[file]
        var found: [(ObjectID, [TypeID])] = []
        var mentioned: [TypeID] = []
        // A concrete walk notes each type once (`notedConcrete`): a type mentioned again right
        // away (`x.f` after `x`, the operands of `a + b`) is left out of the list.
        let concrete = env.isEmpty && substitution.isEmpty
        func mention(_ t: TypeID) {
            if concrete, mentioned.last == t { return }
            mentioned.append(t)
        }
        tree.walk(node) { id, _, _ in
            if let targs = facts.instances[id], let g = self.genericFunction(id, tree: tree, facts: facts) {
                found.append((g, targs))
            }
            if let f = facts.exprs[id], f.mode != .void && f.mode != .builtin { mention(f.type) }
            if tree.kind(id) == .ident, let d = facts.defs[id] ?? nil, self.types.object(d).kind == .variable {
                mention(self.types.object(d).type)
            }
            return true
        }
        if substitution.isEmpty {
            for (g, targs) in found { noteFunction(g, targs, env) }
        }
        for t in mentioned { noteType(types.subst(t, substitution), env) }
    }

    /// The generic function an instantiated expression names.
    private func genericFunction(_ id: NodeID, tree: SyntaxTree, facts: FileFacts) -> ObjectID? {
        var n = id
        for _ in 0..<8 {
            switch tree.kind(n) {
            case .ident:
                guard let o = facts.uses[n] else { return nil }
                let g = types.object(o).origin ?? o
                return isGeneric(g) ? g : nil
            case .selectorExpr: n = tree[n].sel
            case .parenExpr, .indexExpr, .indexListExpr: n = tree[n].x
            default: return nil
            }
        }
        return nil
    }

    // MARK: Shapes

    func shape(of argument: TypeID, for parameter: TypeID, _ env: [TypeID: Shape]) -> Shape {
        naming.shape(of: argument, for: parameter, in: env)
    }

    func link(_ t: TypeID, _ env: [TypeID: Shape]) -> String { naming.link(t, env) }

    private func isConcrete(_ t: TypeID, _ env: [TypeID: Shape]) -> Bool {
        env.isEmpty && !mentionsTypeParameter(t)
    }

    /// True when the type mentions a type parameter (not one of `bound`).
    func mentionsTypeParameter(_ t: TypeID, except bound: [TypeID: Shape] = [:]) -> Bool {
        naming.mentionsTypeParameter(t, except: bound)
    }

    // MARK: Instantiations

    private mutating func noteFunction(_ g: ObjectID, _ targs: [TypeID], _ env: [TypeID: Shape]) {
        let params = typeParameters(g)
        // A type parameter the body does not bind (the checker typed an untyped argument with
        // the callee's own parameter type) names no instance.
        guard params.count == targs.count, !targs.contains(where: { mentionsTypeParameter($0, except: env) }) else { return }
        let instance = ShapeInstance(generic: g, shapes: zip(targs, params).map { shape(of: $0, for: $1, env) })
        add(instance)
        if targs.allSatisfy({ isConcrete($0, env) }) {
            addWrapper(InstanceWrapper(generic: g, arguments: targs.map { naming.linkString($0) }, instance: instance,
                                       types: targs))
        }
        for a in targs { noteType(a, env) }
    }

    private mutating func add(_ instance: ShapeInstance) {
        guard seenInstances.insert(instance).inserted else { return }
        instances.append(instance)
        pending.append(instance)
    }

    private mutating func addWrapper(_ w: InstanceWrapper) {
        guard seenWrappers.insert(w).inserted else { return }
        wrappers.append(w)
        pendingWrappers.append(w)
    }

    /// Notes the instances of generic types a type mentions (through its structure and the
    /// underlying types of the named types it reaches): every method of each.
    ///
    /// `expanding` is the generic type whose instance's underlying type is being read. In a
    /// shaped body, an instance mentioning that type again (`entry[K,V]`'s field
    /// `atomic.Pointer[entry[K,V]]`) is not shaped through it: the compiler keeps it as an
    /// instance of its own, with wrappers named by the shaped arguments that call the shaped copy.
    private mutating func noteType(_ t: TypeID, _ env: [TypeID: Shape], expanding: TypeID? = nil) {
        if env.isEmpty && expanding == nil {
            guard notedConcrete.insert(t) else { return }
        }
        switch types.node(t) {
        case .pointer(let e), .slice(let e), .array(_, let e), .chan(_, let e): noteType(e, env, expanding: expanding)
        case .map(let k, let v): noteType(k, env, expanding: expanding); noteType(v, env, expanding: expanding)
        case .signature(let s):
            for v in s.params + s.results { noteType(types.object(v).type, env, expanding: expanding) }
        case .tuple(let vars):
            for v in vars { noteType(types.object(v).type, env, expanding: expanding) }
        case .structure(let s):
            for f in s.fields { noteType(types.object(f).type, env, expanding: expanding) }
        case .interface(let i):
            for m in i.methods { noteType(types.object(m).type, env, expanding: expanding) }
            for e in i.embeddeds { noteType(e, env, expanding: expanding) }
        case .alias(let i): noteType(types.aliases[Int(i)].actual, env, expanding: expanding)
        case .named(let i):
            let n = types.named[Int(i)]
            guard let origin = n.origin, !n.typeArgs.isEmpty else {
                guard seenPlainTypes.insert(t) else { return }
                guard n.typeParams.isEmpty else { return }
                noteType(types.under(t), [:])
                // Reading a defined type reads its whole method set, unexported methods
                // included: the types their signatures name are read too (`sync.Pool`'s
                // `pin() (*poolLocal, int)` reaches `atomic.Pointer[poolChainElt]`).
                for m in n.methods { noteType(types.object(m).type, [:]) }
                return
            }
            guard !n.typeArgs.contains(where: { mentionsTypeParameter($0, except: env) }) else { return }
            let selfReference = !env.isEmpty && expanding != nil && n.typeArgs.contains { naming.genericOrigin($0) == expanding }
            let key = (selfReference ? "self " : "") + link(t, env)
            guard seenTypes.insert(key).inserted else { return }
            instanceTypes.append((t, env))
            guard case .named(let oi) = types.node(types.unalias(origin)) else { return }
            let params = types.named[Int(oi)].typeParams
            guard params.count == n.typeArgs.count else { return }
            let shapes = zip(n.typeArgs, params).map { shape(of: $0, for: $1, env) }
            // A concrete instance read by a shaped body is read as anywhere else: with wrappers.
            let concrete = n.typeArgs.allSatisfy { !mentionsTypeParameter($0) }
            for m in types.named[Int(oi)].methods {
                let instance = ShapeInstance(generic: m, shapes: shapes)
                add(instance)
                if concrete || selfReference {
                    let arguments = n.typeArgs.map { concrete ? naming.linkString($0) : link($0, env) }
                    addWrapper(InstanceWrapper(generic: m, arguments: arguments, instance: instance, types: n.typeArgs,
                                               isShapedCopy: !concrete))
                }
            }
            for a in n.typeArgs { noteType(a, env) }
            // An instance made while its generic type was incomplete keeps the generic's type
            // parameters in its underlying type: substitute them here.
            var arguments: [TypeID: TypeID] = [:]
            for (p, a) in zip(params, n.typeArgs) { arguments[p] = a }
            noteType(types.subst(types.under(t), arguments), env, expanding: types.unalias(origin))
        default:
            break
        }
    }
}
