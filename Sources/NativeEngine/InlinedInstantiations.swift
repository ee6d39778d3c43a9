import GoIR
import GoTypes

// Calls of generic functions and methods with concrete type arguments, as inline expansion
// sees them.
//
// The compiler's front end turns a call of an instantiated generic (`slices.Clone(s)`,
// `p.Store(x)` on an `atomic.Pointer[int]`) into a call of the shaped copy with the
// instantiation's dictionary as a hidden argument, first for a function and after the receiver
// for a method (`Clone[go.shape.[]int,go.shape.int](&slices..dict.Clone[[]int,int], s)`). When
// the call is inlined, the copy's body is what gets inlined: its dictionary is bound like the
// other parameters (`slices..dict, slices.s := &slices..dict.Clone[[]int,int], s`) and its
// texts spell the type parameters as shapes (`go.shape.[]int{}`). The dictionary is named by
// the generic function, or the generic type of a method, with the type arguments' link strings.
//
// A method's type arguments are its instance receiver's; a function's are found by matching the
// generic signature against the instantiated one the callee operand has. A type parameter the
// signature does not mention cannot be found that way, and such calls are expanded as before.

extension NativeInliner {
    /// The type parameters of the generic a call of `o` instantiates, the receiver type's own
    /// parameters they alias (a method's), the call's type arguments (matched one for one), and
    /// the name the dictionary is made from; nil when `o` is not generic or an argument is not
    /// found.
    private func callTypeArguments(_ o: ObjectID, calleeType: TypeID)
        -> (parameters: [TypeID], aliases: [TypeID], arguments: [TypeID], base: String)? {
        let types = program.types
        let generic = types.object(o).origin ?? o
        guard let signature = types.signatureOf(types.object(generic).type) else { return nil }
        if signature.recv != nil {
            // The method's own receiver, or the first parameter of the method expression's type.
            let receivers = [types.signatureOf(types.object(o).type)?.recv, types.signatureOf(calleeType)?.params.first]
            guard let instance = receivers.lazy.compactMap({ $0 }).compactMap({ Self.namedInstance(types.object($0).type, in: types) }).first,
                  let origin = types.named[instance].origin,
                  case .named(let oi) = types.node(types.unalias(origin)) else { return nil }
            let parameters = signature.recvTypeParams, arguments = types.named[instance].typeArgs
            guard !parameters.isEmpty, arguments.count == parameters.count else { return nil }
            return (parameters, types.named[Int(oi)].typeParams, arguments, types.object(types.named[Int(oi)].object).name)
        }
        guard !signature.typeParams.isEmpty, let called = types.signatureOf(calleeType) else { return nil }
        var bound: [TypeID: TypeID] = [:]
        let pairs = zip(signature.params + signature.results, called.params + called.results)
        for (g, c) in pairs { Self.match(types.object(g).type, types.object(c).type, into: &bound, in: types) }
        let arguments = signature.typeParams.compactMap { bound[$0] }
        guard arguments.count == signature.typeParams.count else { return nil }
        return (signature.typeParams, [], arguments, types.object(generic).name)
    }

    /// For a call of `o` from a generic body: the type argument of each of the generic's type
    /// parameters (and of the receiver type's parameters they alias), written in the caller's
    /// type parameters; nil when `o` is not generic or an argument is not found.
    func genericTypeArguments(_ o: ObjectID, calleeType: TypeID) -> [TypeID: TypeID]? {
        guard let (parameters, aliases, arguments, _) = callTypeArguments(o, calleeType: calleeType) else { return nil }
        var out: [TypeID: TypeID] = [:]
        for (p, a) in zip(parameters, arguments) { out[p] = a }
        for (p, a) in zip(aliases, arguments) where out[p] == nil { out[p] = a }
        return out
    }

    /// The dictionary and shapes of a call of `o` (a generic function, or a method of an instance
    /// of a generic type) whose callee operand has type `calleeType`; nil when `o` is not
    /// generic or its type arguments are not all known and concrete.
    func inlinedInstantiation(_ o: ObjectID, calleeType: TypeID, from local: Int32) -> InlinedInstantiation? {
        let types = program.types
        let generic = types.object(o).origin ?? o
        guard let signature = types.signatureOf(types.object(generic).type),
              let (parameters, aliases, arguments, base) = callTypeArguments(o, calleeType: calleeType) else { return nil }
        let naming = ShapeNaming(program: types)
        guard !arguments.contains(where: { naming.mentionsTypeParameter($0) }) else { return nil }
        var shapes: [TypeID: String] = [:]
        for (p, a) in zip(parameters, arguments) { shapes[p] = naming.shape(of: a, for: p).name }
        for (p, a) in zip(aliases, arguments) where shapes[p] == nil {
            shapes[p] = naming.shape(of: a, for: parameters[aliases.firstIndex(of: p) ?? 0]).name
        }
        let dictionary = ".dict." + base + "[" + arguments.map { naming.linkString($0) }.joined(separator: ",") + "]"
        let r = types.object(generic)
        var callee = r.name
        if let recv = signature.recv {
            let t = types.object(recv).type
            let spelled = CompilerTypeName(program: types, localPackage: local, shapes: shapes).name(t)
            if case .pointer = types.node(types.unalias(t)) { callee = "(\(spelled)).\(r.name)" } else { callee = "\(spelled).\(r.name)" }
        } else {
            if r.package >= 0 && r.package != local { callee = types.packages[Int(r.package)].name + "." + callee }
            callee += "[" + parameters.compactMap { shapes[$0] }.joined(separator: ",") + "]"
        }
        return InlinedInstantiation(dictionary: dictionary, shapes: shapes, wordType: types.basicType(.uintptr),
                                    isMethod: signature.recv != nil, callee: callee)
    }

    /// The index of the named instance a receiver type is (through one pointer).
    private static func namedInstance(_ t: TypeID, in types: Program) -> Int? {
        var base = types.unalias(t)
        if case .pointer(let e) = types.node(base) { base = types.unalias(e) }
        guard case .named(let i) = types.node(base), !types.named[Int(i)].typeArgs.isEmpty else { return nil }
        return Int(i)
    }

    /// Binds the type parameters of `generic` to the parts of `concrete` standing where they do.
    private static func match(_ generic: TypeID, _ concrete: TypeID, into bound: inout [TypeID: TypeID], in types: Program) {
        let g = types.unalias(generic), c = types.unalias(concrete)
        switch (types.node(g), types.node(c)) {
        case (.typeParam, _):
            if bound[g] == nil { bound[g] = concrete }
        case (.pointer(let a), .pointer(let b)), (.slice(let a), .slice(let b)):
            match(a, b, into: &bound, in: types)
        case (.array(_, let a), .array(_, let b)), (.chan(_, let a), .chan(_, let b)):
            match(a, b, into: &bound, in: types)
        case (.map(let ka, let va), .map(let kb, let vb)):
            match(ka, kb, into: &bound, in: types)
            match(va, vb, into: &bound, in: types)
        case (.signature(let a), .signature(let b)):
            for (x, y) in zip(a.params + a.results, b.params + b.results) {
                match(types.object(x).type, types.object(y).type, into: &bound, in: types)
            }
        case (.named(let a), .named(let b)):
            for (x, y) in zip(types.named[Int(a)].typeArgs, types.named[Int(b)].typeArgs) { match(x, y, into: &bound, in: types) }
        default:
            break
        }
    }
}
