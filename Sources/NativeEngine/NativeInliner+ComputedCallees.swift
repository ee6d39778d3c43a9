import Foundation
import GoIR
import GoTypes

/// Calls the syntax-driven call sites cannot resolve: calls of a function value computed by
/// a call (`a("1")("2")`, `next := iter(s); next()`), and the call a range-over-func loop is
/// rewritten to (`seq(#yieldN)`, at the `for`, with no `(` in the source). The compiler
/// inlines such a call when the callee's static value is inlinable, following the result of
/// a call inlined just before (`range strings.SplitSeq(s, ",")` inlines `SplitSeq`,
/// `splitSeq`, then the literal it returns, `strings.splitSeq.func1`; inside that copy each
/// `yield(...)` inlines the loop body `F-rangeN` and the body's own calls, all reported at
/// the `for`).
///
/// GoIR's inline expansion follows static values through inlined results, so these calls
/// are read from the package's one expansion (`NativeIR.expansion`, the bodies escape analysis
/// reads too): every inlined call whose outermost call is one of them. The expansion's
/// decisions (`NativeInliner.expansionDecisions`) cost a loop body by its own verdict and name
/// copied literals as the compiler does, so both readers see one decision per call.
extension NativeIR {
    /// The inlined calls rooted at computed-callee calls and range-over-func loops of the
    /// package's functions, in function order.
    public func computedCalleeInlinedCalls(forPackage path: String) -> [InlinedCall] {
        guard let lowered = lowered(path) else { return [] }
        var roots: [Int: Set<IRPos>] = [:]
        for i in lowered.functions.indices where isCompiledOnItsOwn(i, in: lowered) {
            let found = computedCalleeCalls(i, in: lowered)
            if !found.isEmpty { roots[i] = found }
        }
        guard !roots.isEmpty, let ir = expansion(path) else { return [] }
        var out: [InlinedCall] = []
        for i in roots.keys.sorted() {
            let f = ir.functions[i]
            let wanted = roots[i]!
            for call in f.inlinedCalls {
                var root = call
                while root.parent >= 0 && Int(root.parent) < f.inlinedCalls.count { root = f.inlinedCalls[Int(root.parent)] }
                let at = IRPos(file: root.pos.file, offset: root.pos.offset)
                guard wanted.contains(at), let p = ir.position(at) else { continue }
                out.append(InlinedCall(file: p.file, line: p.line, column: p.column, callee: call.callee))
            }
        }
        return out
    }

    /// A function compiled on its own (declared, a literal, a loop body or a `go`/`defer`
    /// wrapper), outside generic code.
    private func isCompiledOnItsOwn(_ i: Int, in ir: IRPackage) -> Bool {
        // Read in place: a copy of the function retains and releases each of its tables.
        guard ir.functions[i].hasBody, ir.functions[i].body.exists, ir.functions[i].kind != .packageInit else { return false }
        var j = i
        while j >= 0 {
            if ir.functions[j].isGeneric { return false }
            j = Int(ir.functions[j].parent)
        }
        return true
    }

    /// Positions of the function's calls whose callee is computed by a call (directly, or
    /// through a local defined by one), and of its range-over-func loops.
    private func computedCalleeCalls(_ i: Int, in ir: IRPackage) -> Set<IRPos> {
        var out = Set<IRPos>()
        for l in ir.functions[i].literals where ir.functions[Int(l)].kind == .rangeBody {
            let p = ir.functions[Int(l)].pos
            out.insert(IRPos(file: p.file, offset: p.offset))
        }
        // The node and variable tables alone: a copy of the function retains and releases each
        // of its tables.
        let nodes = ir.functions[i].nodes, variables = ir.functions[i].variables
        for n in nodes where n.op == .call && !n.flags.contains(.goDefer) && n.a.exists && n.pos.isKnown {
            if isComputed(n.a, nodes: nodes, variables: variables) { out.insert(IRPos(file: n.pos.file, offset: n.pos.offset)) }
        }
        return out
    }

    /// True when a callee expression is a call's result, or a local variable defined once by
    /// a call's result.
    private func isComputed(_ callee: IRNodeID, nodes: [IRNode], variables: [IRVariable]) -> Bool {
        func node(_ id: IRNodeID) -> IRNode { nodes[Int(id.raw)] }
        var x = node(callee)
        while x.op == .convNop { x = node(x.a) }
        switch x.op {
        case .call, .callInterface: return true
        case .name:
            let v = variables[Int(x.aux)]
            guard v.varClass == .local || v.varClass == .temp, v.definition.exists,
                  !v.flags.contains(.reassigned) else { return false }
            let d = node(v.definition)
            guard d.op == .assign, d.b.exists else { return false }
            var value = node(d.b)
            while value.op == .convNop { value = node(value.a) }
            return value.op == .call || value.op == .callInterface
        default: return false
        }
    }
}

extension NativeInliner {
    /// The compiler's name of a function literal copied by inlining (`CopiedLiteralNames`):
    /// the copy's name, `.funcN` or `.N` by whether the function compiled is a closure, and
    /// package-qualified outside the package compiled.
    func copiedLiteralName(_ literal: IRFunction, into caller: IRFunction, from pkg: TypedPackage) -> String {
        var name = literal.kind == .literal ? CopiedLiteralNames.copied(literal.name, intoClosure: caller.kind.isClosure) : literal.name
        if !literal.sourcePackage.isEmpty, literal.sourcePackage != pkg.path, let owner = program.package(literal.sourcePackage) {
            name = program.types.packages[Int(owner.index)].name + "." + name
        }
        return name
    }
}
