import GoIR

/// Verdicts of function literals copied by inlining. Inlining a body that holds a function
/// literal copies the literal into the caller as a new function; when the caller then calls
/// the copy (`ignoringEINTR(func() error { ... })` inlined, its `fn()` bound to the literal),
/// the compiler decides the copy's inlinability before inlining it, and prints that verdict
/// again, at the literal's position and under the copy's name (`mkdirat.1`,
/// `(*Regexp).matches.1`): once per copy, however often it is called. Literals written in the
/// function itself were decided with their function and are not printed again.
extension NativeIR {
    /// The `can inline` verdicts of the literal copies the package's reported functions
    /// inline, in function order.
    public func copiedLiteralVerdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let lowered = lowered(path), let ir = expansion(path), let typed = program.package(path) else { return [] }
        let written = lowered.functions.count
        var out: [FunctionVerdict] = []
        for i in lowered.functions.indices where inliner.goir.hasReportedRoot(lowered, i) {
            var seen = Set<Int32>()
            for c in ir.functions[i].inlinedCalls where Int(c.literal) >= written && seen.insert(c.literal).inserted {
                let copy = ir.functions[Int(c.literal)]
                guard let cost = inliner.literalCost(copy, from: typed), let at = ir.position(copy.pos) else { continue }
                out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column,
                                           name: Self.shapedName(of: c, in: ir.functions[i]), verdict: .inlinable(cost: cost)))
            }
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
