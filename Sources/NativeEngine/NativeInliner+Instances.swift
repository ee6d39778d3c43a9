import GoIR
import GoSyntax
import GoTypes

/// Verdicts of the shape instances and instance wrappers a package compiles
/// (`ShapeInstanceCollector`), with the `go`/`defer` wrappers and range-over-func bodies of each
/// shaped copy (`F[go.shape.int].deferwrap1`). A shaped copy is costed as its generic body: the lowering of a
/// generic body on its type parameters already charges what the shaped copy adds (the
/// dictionary argument of the calls it makes to other generic functions). A wrapper is one
/// call of its shaped copy: the call (the copy's cost when inlinable, else the extra cost of a
/// call), the callee's name for a function (a method expression costs nothing), the
/// dictionary's address, one name per parameter, the `return` when there are results, and the
/// temporaries several results go through. A wrapper carries its generic's directives. The
/// second shaped copy of a self-referencing instance (`InstanceWrapper.isShapedCopy`) is
/// costed as its generic body.
extension NativeInliner {
    /// The shape instances and wrappers the package compiles (collected once per package).
    func shapeInstances(_ pkg: TypedPackage) -> ShapeInstanceCollector {
        if let known = instanceCollectors[pkg.path] { return known }
        let c = preparedInstances.take(pkg.path) ?? Self.collectInstances(pkg, program: program)
        instanceCollectors[pkg.path] = c
        return c
    }

    /// The shape instances and instance wrappers a package compiles: a function of the checked
    /// package and the program only.
    static func collectInstances(_ pkg: TypedPackage, program: NativeProgram) -> ShapeInstanceCollector {
        var c = ShapeInstanceCollector(program: program)
        c.collect(pkg)
        return c
    }

    /// Verdicts of every shape instance (and its function literals) and instance wrapper the
    /// package at `path` compiles, at the generic declarations' positions (files of other
    /// packages for their generics), in the order they are found.
    public func instanceVerdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let pkg = program.package(path) else { return [] }
        analyze(pkg)
        return instanceVerdicts(pkg)
    }

    func instanceVerdicts(_ pkg: TypedPackage) -> [FunctionVerdict] {
        instanceLiteralsNamed.insert(pkg.path)
        let collector = shapeInstances(pkg)
        var out: [FunctionVerdict] = []
        // The verdicts of each shaped copy's literals, by name, for the copies wrappers make.
        var literalVerdicts: [String: FunctionVerdict] = [:]
        for instance in collector.instances {
            guard let v = shapeVerdict(instance, in: pkg), let at = genericPosition(instance.generic) else { continue }
            let name = instanceName(instance.generic, arguments: instance.shapes.map(\.name), from: pkg)
            out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: name, verdict: v))
            if let callee = resolvedInstance(instance, cost: 0, from: pkg) {
                let literals = instanceLiteralVerdicts(callee.package, file: callee.file, body: callee.key.node, outerName: name, instance: name)
                for l in literals { literalVerdicts[l.name] = l }
                out += literals
            }
            for f in goir.frontEndFunctions(ofGeneric: instance.generic) {
                out.append(FunctionVerdict(file: f.at.file, line: f.at.line, column: f.at.column, name: name + f.suffix, verdict: f.verdict))
            }
        }
        for wrapper in collector.wrappers {
            guard let v = shapeVerdict(wrapper.instance, in: pkg), let at = genericPosition(wrapper.generic) else { continue }
            if wrapper.isShapedCopy {
                let name = instanceName(wrapper.generic, arguments: wrapper.arguments, from: pkg)
                out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: name, verdict: v))
                continue
            }
            let cost = (v.cost ?? InlineBudget.call) + wrapperOverhead(wrapper.generic)
            var verdict: InlineVerdict = cost <= InlineBudget.function
                ? .inlinable(cost: cost)
                : .notInlinable(reason: InlineReason.tooComplex(cost: cost, budget: InlineBudget.function))
            if let refusal = pragmaRefusal(wrapper.generic) { verdict = .notInlinable(reason: refusal) }
            let name = instanceName(wrapper.generic, arguments: wrapper.arguments, from: pkg)
            out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: name, verdict: verdict))
            // The shaped copy inlined into the wrapper brings copies of its literals; each one the
            // wrapper then calls is decided again (`NativeIR+CopiedLiterals`).
            guard let (copy, calls) = inlinedCalls(ofWrapper: wrapper, in: pkg) else { continue }
            var seen = Set<String>()
            for c in calls where c.callee.hasPrefix(copy + ".") && seen.insert(c.callee).inserted {
                if let literal = literalVerdicts[c.callee] { out.append(literal) }
            }
        }
        return out
    }

    /// Verdicts of the function literals of a shaped copy's body, named after the copy
    /// (`F[go.shape.int].func1`, nested `.func1.1`).
    private func instanceLiteralVerdicts(_ owner: TypedPackage, file: Int, body: NodeID, outerName: String,
                                         instance: String) -> [FunctionVerdict] {
        let tree = owner.files[file].tree
        var out: [FunctionVerdict] = []
        let nested = outerName.split(separator: "]").last.map { $0.contains(".func") } ?? false
        for (i, literal) in (bodyLiterals[LiteralKey(package: owner.path, file: file, node: body)] ?? []).enumerated() {
            let name = nested ? "\(outerName).\(i + 1)" : "\(outerName).func\(i + 1)"
            guard let v = literalVerdict(owner, file: file, literal: literal) else { continue }
            instanceLiteralOrigins[LiteralKey(package: owner.path, file: file, node: literal), default: [:]][instance] =
                (outerName, i + 1, nested)
            let p = tree.source.position(of: tree[literal].pos)
            out.append(FunctionVerdict(file: owner.files[file].path, line: p.line, column: p.column, name: name, verdict: v))
            out += instanceLiteralVerdicts(owner, file: file, body: tree[literal].body, outerName: name, instance: instance)
        }
        return out
    }

    /// The verdict of the shaped copy the package compiles: its generic body's, costed with the
    /// callees whose bodies the package can see (nil when that body is not modelled).
    func shapeVerdict(_ instance: ShapeInstance, in pkg: TypedPackage) -> InlineVerdict? {
        guard let v = goir.shapedVerdict(instance.generic, compiledIn: pkg.path) else { return nil }
        return v
    }

    /// What a wrapper's body costs besides the call's callee.
    func wrapperOverhead(_ generic: ObjectID) -> Int {
        guard let s = program.types.signatureOf(program.types.object(generic).type) else { return 0 }
        let isMethod = s.recv != nil
        let names = s.params.count + (isMethod ? 1 : 0)
        var cost = InlineBudget.node + (isMethod ? 0 : InlineBudget.node) + InlineBudget.dictionaryAddress
            + names * InlineBudget.node + (s.results.isEmpty ? 0 : InlineBudget.node)
        if s.results.count > 1 { cost += InlineBudget.node + s.results.count * InlineBudget.wrapperResultTemporary }
        return cost
    }

    /// The directive refusal of a generic declaration (its wrappers carry its directives).
    func pragmaRefusal(_ generic: ObjectID) -> String? {
        let r = program.types.object(generic)
        guard let owner = program.package(index: r.package),
              let i = owner.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return nil }
        return GoIRInliner.pragmaRefusal(owner.functions[i].pragmas)
    }

    /// Where the compiler reports a generic function: its name, a method's receiver `(`.
    func genericPosition(_ generic: ObjectID) -> (file: String, line: Int, column: Int)? {
        let r = program.types.object(generic)
        guard let owner = program.package(index: r.package),
              let i = owner.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return nil }
        let f = owner.functions[i]
        let tree = owner.files[f.file].tree
        let node = tree[f.node]
        let offset = node.recv.exists ? tree[node.recv].opening : tree[node.name].pos
        let p = tree.source.position(of: offset)
        return (owner.files[f.file].path, p.line, p.column)
    }

    /// An instance's name as `-m` prints it: `F[args]`, `(*T[args]).M`, `T[args].M`, qualified
    /// by the declaring package's name outside it.
    func instanceName(_ generic: ObjectID, arguments: [String], from pkg: TypedPackage) -> String {
        let types = program.types
        let r = types.object(generic)
        let qualifier = r.package == pkg.index || r.package < 0 ? "" : types.packages[Int(r.package)].name + "."
        let list = "[" + arguments.joined(separator: ",") + "]"
        guard let s = types.signatureOf(r.type), let recv = s.recv else { return qualifier + r.name + list }
        var t = types.unalias(types.object(recv).type)
        var pointer = false
        if case .pointer(let b) = types.node(t) { t = types.unalias(b); pointer = true }
        guard case .named(let i) = types.node(t) else { return qualifier + r.name }
        let base = types.object(types.named[Int(i)].object).name + list
        return qualifier + (pointer ? "(*\(base)).\(r.name)" : "\(base).\(r.name)")
    }
}

/// Inlined calls that reach shaped copies: a call of a generic function or method inlines its
/// shaped copy (named by the shapes of the call's type arguments, which in a shaped body are
/// the body's own shapes substituted), the shaped copies a package compiles inline calls in
/// their bodies at the generic's positions (a self-referencing instance's second copy too),
/// and each instance wrapper inlines its shaped copy at the generic declaration's position.
extension NativeInliner {
    /// True for a generic function, or a method of a generic type.
    func isGenericCallee(_ o: ObjectID) -> Bool {
        let types = program.types
        let g = types.object(o).origin ?? o
        guard let s = types.signatureOf(types.object(g).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    /// The shaped copy a call of a generic callee reaches: the type arguments of the called
    /// function (recorded by the checker) or of the method's receiver type, shaped.
    func calledInstance(_ o: ObjectID, call: NodeID, in context: (TypedPackage, Int),
                        environment: [TypeID: Shape]) -> ShapeInstance? {
        let types = program.types
        let (pkg, file) = context
        guard call.exists, file < pkg.facts.count else { return nil }
        let g = types.object(o).origin ?? o
        let tree = pkg.files[file].tree
        let facts = pkg.facts[file]
        let collector = shapeInstances(pkg)
        let params = collector.typeParameters(g)
        var fun = tree[call].fun
        while tree.kind(fun) == .parenExpr { fun = tree[fun].x }
        var arguments: [TypeID]
        if types.signatureOf(types.object(g).type)?.recv != nil {
            guard tree.kind(fun) == .selectorExpr, let t = facts.exprs[tree[fun].x]?.type else { return nil }
            var base = types.unalias(t)
            if case .pointer(let e) = types.node(types.under(base)) { base = types.unalias(e) }
            guard case .named(let i) = types.node(base) else { return nil }
            arguments = types.named[Int(i)].typeArgs
            if arguments.isEmpty { arguments = types.named[Int(i)].typeParams }
        } else {
            guard let targs = facts.instances[fun] else { return nil }
            arguments = targs
        }
        guard arguments.count == params.count,
              !arguments.contains(where: { collector.mentionsTypeParameter($0, except: environment) }) else { return nil }
        let naming = ShapeNaming(program: types)
        return ShapeInstance(generic: g, shapes: zip(arguments, params).map { naming.shape(of: $0, for: $1, in: environment) })
    }

    /// The callee of an inlined call of a shaped copy.
    func resolvedInstance(_ instance: ShapeInstance, cost: Int, from current: TypedPackage) -> ResolvedCallee? {
        let types = program.types
        let r = types.object(instance.generic)
        guard let owner = program.package(index: r.package),
              let i = owner.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return nil }
        analyze(owner)
        let f = owner.functions[i]
        let body = owner.files[f.file].tree[f.node].body
        let name = instanceName(instance.generic, arguments: instance.shapes.map(\.name), from: current)
        return ResolvedCallee(cost: cost, key: LiteralKey(package: owner.path, file: f.file, node: body), isLiteral: false,
                              name: name, package: owner, file: f.file, parameters: types.signatureOf(r.type)?.params ?? [],
                              calledOnce: false, environment: shapeInstances(current).environment(of: instance),
                              instance: name)
    }

    /// The inlined calls in the bodies of the shaped copies and instance wrappers the package
    /// compiles.
    func instanceInlinedCalls(_ pkg: TypedPackage) -> [InlinedCall] {
        let collector = shapeInstances(pkg)
        var out: [InlinedCall] = []
        for instance in collector.instances { expandShapedCopy(instance, from: pkg, into: &out) }
        for wrapper in collector.wrappers {
            if wrapper.isShapedCopy {
                expandShapedCopy(wrapper.instance, from: pkg, into: &out)
                continue
            }
            out += inlinedCalls(ofWrapper: wrapper, in: pkg)?.calls ?? []
        }
        return out
    }

    /// The calls inlined into an instance wrapper (its shaped copy's, and those of the copy's
    /// body), with the copy's name; nil when the copy is not inlined.
    private func inlinedCalls(ofWrapper wrapper: InstanceWrapper, in pkg: TypedPackage) -> (copy: String, calls: [InlinedCall])? {
        guard let cost = shapeVerdict(wrapper.instance, in: pkg)?.cost, cost <= InlineBudget.callee,
              let callee = resolvedInstance(wrapper.instance, cost: cost, from: pkg),
              let at = genericPosition(wrapper.generic) else { return nil }
        var out = [InlinedCall(file: at.file, line: at.line, column: at.column, callee: callee.name)]
        for site in bodyFacts[callee.key]?.callSites ?? [] {
            expand(site, context: (callee.package, callee.file), at: at, path: [callee.key], big: false, binding: nil,
                   closure: false, from: pkg, environment: callee.environment, instance: callee.instance, into: &out)
        }
        return (callee.name, out)
    }

    /// The calls inlined into one shaped copy's body, at the generic's positions.
    private func expandShapedCopy(_ instance: ShapeInstance, from pkg: TypedPackage, into out: inout [InlinedCall]) {
        guard let callee = resolvedInstance(instance, cost: 0, from: pkg) else { return }
        let owner = callee.package, file = callee.file
        let tree = owner.files[file].tree
        // The calls in one body of the copy: its own, or one of its literals' (compiled as
        // functions of their own). The body's literals capture its variables: they may be
        // inlined into it.
        func expandBody(_ body: NodeID, of declaration: NodeID, closure: Bool) {
            guard let facts = bodyFacts[LiteralKey(package: owner.path, file: file, node: body)] else { return }
            let caller = CapturingFunction(package: owner.path, file: file, node: declaration)
            for site in facts.callSites {
                let p = tree.source.position(of: site.offset)
                let at = (file: owner.files[file].path, line: p.line, column: p.column)
                expand(site, context: (owner, file), at: at, path: [], big: facts.isBig, binding: nil,
                       closure: closure, from: pkg, environment: callee.environment, instance: callee.instance,
                       caller: caller, into: &out)
            }
            for literal in bodyLiterals[LiteralKey(package: owner.path, file: file, node: body)] ?? []
            where literalVerdict(owner, file: file, literal: literal) != nil {
                expandBody(tree[literal].body, of: literal, closure: true)
            }
        }
        let r = program.types.object(instance.generic)
        guard let i = owner.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return }
        expandBody(callee.key.node, of: owner.functions[i].node, closure: false)
    }
}
