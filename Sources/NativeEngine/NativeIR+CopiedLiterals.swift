import GoIR
import GoTypes

/// Verdicts of function literals copied by inlining. Inlining a body that holds a function
/// literal copies the literal into the caller as a new function; when the caller then calls
/// the copy (`ignoringEINTR(func() error { ... })` inlined, its `fn()` bound to the literal),
/// the compiler decides the copy's inlinability before inlining it, and prints that verdict
/// again, at the literal's position and under the copy's name (`mkdirat.1`,
/// `(*Regexp).matches.1`): once per copy, however often it is called. Costing the copy decides
/// each literal the copy's body calls (copied with it: `f.func1.1` in the copy `f.func1`), and
/// so on down. Literals written in the function itself were decided with their function and
/// are not printed again.
extension NativeIR {
    /// The `can inline` verdicts of the literal copies the package's reported functions
    /// inline, in function order; a generic function's, once per shaped copy the package
    /// compiles, named after the copy (`f[go.shape.int].func1.func1`).
    public func copiedLiteralVerdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let lowered = lowered(path), let ir = expansion(path), let typed = program.package(path) else { return [] }
        let written = lowered.functions.count
        var shapedCopies: [ObjectID: [String]] = [:]
        for instance in inliner.shapeInstances(typed).instances where inliner.shapeVerdict(instance, in: typed) != nil {
            shapedCopies[instance.generic, default: []].append(
                inliner.instanceName(instance.generic, arguments: instance.shapes.map(\.name), from: typed))
        }
        var out: [FunctionVerdict] = []
        for i in lowered.functions.indices {
            let f = ir.functions[i]
            var prefixes: [(generic: String, copy: String)] = [("", "")]
            if !inliner.goir.hasReportedRoot(lowered, i) {
                guard f.kind == .declared, f.isGeneric, let o = f.object, let copies = shapedCopies[o] else { continue }
                prefixes = copies.map { (f.name, $0) }
            }
            var seen = Set<Int32>()
            for c in f.inlinedCalls where Int(c.literal) >= written && seen.insert(c.literal).inserted {
                let copy = ir.functions[Int(c.literal)]
                guard let cost = inliner.literalCost(copy, from: typed), let at = ir.position(copy.pos) else { continue }
                let own = Self.shapedName(of: c, in: f)
                for (generic, shaped) in prefixes {
                    guard generic.isEmpty || own.hasPrefix(generic + ".") else { continue }
                    let name = shaped + own.dropFirst(generic.count)
                    out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: name, verdict: .inlinable(cost: cost)))
                    out += calledLiteralVerdicts(ofCopy: Int(c.literal), named: name, in: ir, from: typed)
                }
            }
        }
        return out
    }

    /// The verdicts of the literals the body of the copied literal at `index` calls, named
    /// inside the copy (`name.1`), each with those its own body calls.
    private func calledLiteralVerdicts(ofCopy index: Int, named name: String, in ir: IRPackage,
                                       from typed: TypedPackage) -> [FunctionVerdict] {
        let copy = ir.functions[index]
        guard !copy.literals.isEmpty else { return [] }
        var called = Set<Int32>()
        for n in copy.nodes where n.op == .call {
            let v = ir.staticValue(of: n.a, in: index)
            let callee = v.function == index ? copy[v.node] : ir.functions[v.function][v.node]
            if callee.op == .closure { called.insert(callee.aux) }
        }
        var out: [FunctionVerdict] = []
        for (k, literal) in copy.literals.enumerated() where called.contains(literal) {
            let nested = ir.functions[Int(literal)]
            guard let cost = inliner.literalCost(nested, from: typed), let at = ir.position(nested.pos) else { continue }
            let nestedName = "\(name).\(k + 1)"
            out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: nestedName, verdict: .inlinable(cost: cost)))
            out += calledLiteralVerdicts(ofCopy: Int(literal), named: nestedName, in: ir, from: typed)
        }
        return out
    }

    /// A copied literal's name under the shaped copy it was copied out of: a literal of `Equal`
    /// copied from the inlined `Equal[go.shape.int]` is `Equal[go.shape.int].func1`, as the
    /// compiler names the literals of a shaped copy. Other copies keep their name.
    static func shapedName(of call: IRInlinedCall, in f: IRFunction) -> String {
        var p = call.parent
        while p >= 0 {
            let enclosing = f.inlinedCalls[Int(p)]
            if !enclosing.instance.isEmpty {
                let base = enclosing.callee + "."
                return call.callee.hasPrefix(base) ? enclosing.instance + call.callee.dropFirst(base.count - 1) : call.callee
            }
            p = enclosing.parent
        }
        return call.callee
    }
}
