import EscapeGraph
import GoIR
import GoTypes

// Instance wrappers in escape analysis.
//
// An instantiation with concrete type arguments (`F[int]`, `(*Pointer[int]).Load`) is compiled,
// in every package that uses it, as a thin function that calls the shaped copy with the
// instantiation's dictionary: `return F[go.shape.int](&.dict.F[int], x)`, a method's receiver
// first (`T[go.shape.int].M(recv, &.dict.T[int], x)`). It is analysed like any function, after
// inlining: when the shaped copy is inlinable its body is copied into the wrapper, the
// dictionary bound as a parameter beside the others (`x, .dict, v := x, &.dict.Pointer[int],
// v`), and every node of the copy sits at the wrapper's position, the generic's declaration.
// So the wrapper's parameters leak as the shaped body makes them leak, explained along the
// inlined body, with the shapes' spelling in its texts (`unsafeBuf[go.shape.uintptr]{...}`).
// Outside the generic's package the wrapper's names are that package's (`parameter atomic.p
// leaks ...`, `&atomic..dict.Pointer[runtime.m]`), and the wrapper is named without qualifier
// (`(*Pointer[runtime.m]).Store`), as the compiler names the function it compiles.
//
// The native engine builds that body in GoIR beside the declaring package's functions, expands
// it with the inliner's decisions, and solves it as a batch of its own, in the package compiling
// the instantiation.

extension NativeEscape {
    /// The instance wrappers of one declaring package that the compiling package analyses,
    /// built beside the declaring package's functions and expanded together.
    struct WrapperBodies {
        /// The declaring package's GoIR with every wrapper and its copied literals appended.
        var package: IRPackage
        /// Each wrapper's batch (the wrapper, then the literals its expansion copied), by the
        /// wrapper's place in the list it was built from.
        var members: [Int: [Int]] = [:]
    }

    /// Builds the instance wrappers `wrappers` of the package at `declaring` (each with its
    /// place in the compiling package's list and its shapes) in one copy of that package's
    /// GoIR, expanded with the inliner's decisions in one call, each renamed and shaped as the
    /// package at `index` compiles it. One copy for all of them: a copy per wrapper copied
    /// the declaring package's function table twice for each (the append, and the
    /// expansion's snapshot of the table).
    func wrapperBodies(_ wrappers: [(place: Int, wrapper: InstanceWrapper, shapes: [TypeID: String])],
                       declared: PackageEscape, declaring: Int32, in index: Int32,
                       decisions: InlineDecisions) -> WrapperBodies? {
        let types = ir.program.types
        guard let owner = ir.program.package(index: declaring), var package = ir.lowered(owner.path) else { return nil }
        let qualifier = declaring == index ? "" : declared.package.name + "."
        var built: [(place: Int, function: Int, name: String, shapes: [TypeID: String])] = []
        for (place, wrapper, shapes) in wrappers {
            guard let gi = package.functionsByObject[wrapper.generic], package.functions[gi].hasBody else { continue }
            let name = ir.withInliner { $0.instanceName(wrapper.generic, arguments: wrapper.arguments, from: owner) }
            let w = Self.wrapperFunction(calling: package.functions[gi], generic: wrapper.generic, name: name,
                                         dictionary: qualifier + ".dict." + dictionaryName(wrapper),
                                         uintptr: types.basicType(.uintptr), program: types)
            built.append((place, package.functions.count, name, shapes))
            package.functions.append(w)
        }
        guard !built.isEmpty else { return nil }
        let first = package.functions.count
        let indices = built.map(\.function)
        TypecheckRun.onLargeStack {
            InlineExpansion.expand(&package, decisions: decisions, functions: indices)
        }
        let batches = Self.wrapperBatches(indices, literalsFrom: first, in: package)
        let naming = ShapeNaming(program: types)
        var members: [Int: [Int]] = [:]
        for (batch, w) in zip(batches, built) {
            Self.renameInstance(&package, members: batch, genericName: w.name, instanceName: w.name, qualifier: qualifier)
            let env = w.shapes.mapValues(ShapeNaming.shape(named:))
            for m in batch { naming.shapeInlinedGenerics(&package.functions[m], base: env) }
            members[w.place] = batch
        }
        return WrapperBodies(package: package, members: members)
    }

    /// The messages of one instance wrapper compiled by the package at `index`: the batch
    /// `members` of `bodies`, texts printed with the instance's `shapes`.
    func wrapperMessages(_ members: [Int], in bodies: WrapperBodies, declared: PackageEscape, declaring: Int32,
                         in index: Int32, shapes: [TypeID: String]) -> EscapeMessages {
        let printer = IRPrinter(program: ir.program.types, package: bodies.package, localPackage: index, shapes: shapes)
        return solve(batches: [members], package: bodies.package, printer: printer, literalTags: declared.literalTags,
                     declaring: declaring, declaredTags: declared.tags)
    }

    /// The dictionary's symbol after `.dict.`: the generic function's or the generic type's
    /// name with the concrete type arguments (`F[int]`, `Pointer[runtime.m]` for every method).
    private func dictionaryName(_ wrapper: InstanceWrapper) -> String {
        let types = ir.program.types
        let r = types.object(wrapper.generic)
        let list = "[" + wrapper.arguments.joined(separator: ",") + "]"
        guard let recv = types.signatureOf(r.type)?.recv else { return r.name + list }
        var t = types.unalias(types.object(recv).type)
        if case .pointer(let b) = types.node(t) { t = types.unalias(b) }
        guard case .named(let i) = types.node(t) else { return r.name + list }
        return types.object(types.named[Int(i)].object).name + list
    }

    /// The wrapper's GoIR: the generic's parameters and results, and one call of the shaped
    /// copy with the dictionary's address, its results returned (through temporaries when
    /// there are several).
    static func wrapperFunction(calling g: IRFunction, generic: ObjectID, name: String, dictionary: String,
                                uintptr: TypeID, program: Program) -> IRFunction {
        var w = IRFunction(name: name, kind: .instanceWrapper, object: nil, type: g.type, pos: g.pos, parent: -1,
                           pragmas: g.pragmas, hasBody: true)
        w.sourcePackage = g.sourcePackage
        func copyVariable(_ v: IRVarID) -> IRVarID {
            w.addVariable(g[v].copiedIntoWrapper)
        }
        w.params = g.params.map(copyVariable)
        w.results = g.results.map(copyVariable)
        let at = IRPos(file: g.pos.file, offset: g.pos.offset, inlined: -1)
        let isMethod = program.signatureOf(program.object(generic).type)?.recv != nil
        let callee = w.add(isMethod ? .methodExpr : .function, type: g.type, pos: at, aux: generic.raw)
        var args = w.params.map { w.add(.name, type: w[$0].type, pos: at, aux: $0.raw) }
        let dict = w.add(.dictionary, type: uintptr, pos: at, aux: w.addSymbol(dictionary))
        args.insert(dict, at: isMethod && !args.isEmpty ? 1 : 0)
        w.body = callReturning(&w, callee: callee, args: args, signature: g.type, at: at, program: program)
        return w
    }

    /// The body of a wrapper of `w`'s signature `signature`: one call of `callee` with `args`,
    /// its results returned (through temporaries when there are several, as the front end
    /// rewrites `return f()`).
    static func callReturning(_ w: inout IRFunction, callee: IRNodeID, args: [IRNodeID], flags: IRFlags = [],
                              signature: TypeID, at: IRPos, program: Program) -> IRNodeID {
        let resultTypes = w.results.map { w[$0].type }
        var stmts: [IRNodeID] = []
        switch resultTypes.count {
        case 0:
            stmts.append(w.add(.call, pos: at, a: callee, list: args, flags: flags))
        case 1:
            let call = w.add(.call, type: resultTypes[0], pos: at, a: callee, list: args, flags: flags)
            stmts.append(w.add(.returnStmt, pos: at, list: [call]))
        default:
            let tuple = program.signatureOf(signature).map { program.tuple($0.results) } ?? .invalid
            let call = w.add(.call, type: tuple, pos: at, a: callee, list: args, flags: flags)
            var temps: [IRVarID] = []
            for t in resultTypes {
                let v = w.addVariable(IRVariable(synthetic: ".autotmp_\(w.variables.count)", type: t, varClass: .temp, pos: at))
                temps.append(v)
                stmts.append(w.add(.declare, pos: at, aux: v.raw))
            }
            let assign = w.add(.assignCall, pos: at, a: call, list: temps.map { w.add(.name, type: w[$0].type, pos: at, aux: $0.raw) },
                               flags: .define)
            for v in temps { w.variables[Int(v.raw)].definition = assign }
            stmts.append(assign)
            stmts.append(w.add(.returnStmt, pos: at, list: temps.map { w.add(.name, type: w[$0].type, pos: at, aux: $0.raw) }))
        }
        return w.add(.block, pos: at, list: stmts)
    }
}
