import GoTypes

// Shapes of generic callees inlined into generic code.
//
// A generic callee inlined into a shaped body (`newIndirectNode[K, V]` called from a method of
// `HashTrieMap[K, V]`), or into the copied body of a shaped copy another body inlined, is the
// callee's shaped copy for the shapes of the arguments the caller passes: the compiler prints
// `&indirect[go.shape.interface {},go.shape.interface {}]{...}` where the callee builds
// `&indirect[K, V]{...}`. Inline expansion records each such call's type arguments as written
// in the caller (`IRInlinedCall.typeArguments`); once the caller's shapes are known (an
// instance of the generic body, or the enclosing inlined call of a shaped copy with concrete
// arguments) each argument is shaped as the compiler shapes a type argument (`ShapeNaming`):
// a shape argument is that shape (`*uint8` for a pointer under a basic constraint), a composite
// one spells the shapes inside it (`go.shape.[]go.shape.int`).

extension ShapeNaming {
    /// Gives every inlined generic call of `f` whose type arguments `base` (the shapes of the
    /// body's own type parameters, empty outside a shaped body) and its enclosing calls resolve
    /// the shapes its type parameters print as; the others get none.
    public func shapeInlinedGenerics(_ f: inout IRFunction, base: [TypeID: Shape] = [:]) {
        guard f.inlinedCalls.contains(where: { !$0.typeArguments.isEmpty }) else { return }
        // An enclosing call comes before the calls inlined into its body.
        var envs: [[TypeID: Shape]] = []
        envs.reserveCapacity(f.inlinedCalls.count)
        for k in f.inlinedCalls.indices {
            let call = f.inlinedCalls[k]
            var env = call.parent >= 0 && Int(call.parent) < envs.count ? envs[Int(call.parent)] : base
            var spelled = call.shapes.filter { call.typeArguments[$0.key] == nil }
            for (p, name) in spelled { env[p] = Self.shape(named: name) }
            // An argument may name a parameter another argument binds (a body expanded before
            // its caller carries its own inlined calls' arguments): resolve until none is left.
            var pending = call.typeArguments
            while true {
                let ready = pending.filter { !mentionsTypeParameter($0.value, except: env) }
                guard !ready.isEmpty else { break }
                for (p, a) in ready {
                    let s = shape(of: a, for: p, in: env)
                    env[p] = s
                    spelled[p] = s.name
                    pending[p] = nil
                }
            }
            f.inlinedCalls[k].shapes = spelled
            envs.append(env)
        }
    }

    /// The shape a `go.shape.` name spells.
    public static func shape(named name: String) -> Shape {
        let link = String(name.dropFirst("go.shape.".count))
        return Shape(link: link, isPointer: link.hasPrefix("*"))
    }
}
