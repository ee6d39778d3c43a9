import GoIR
import GoTypes

/// The inliner's decisions as GoIR's inline expansion reads them, shared by the bodies escape
/// analysis reads (`NativeIR.expanded`) and by the inlined calls of range-over-func loops.
extension NativeInliner {
    /// What inline expansion needs to expand the functions of `typed`: callee costs, literal
    /// costs, lowered bodies, the compiler's callee names, intrinsics and devirtualization.
    func expansionDecisions(for typed: TypedPackage) -> InlineDecisions {
        let types = program.types
        var decisions = InlineDecisions(
            cost: { [unowned self] o in self.inlineCost(of: o) },
            literalCost: { [unowned self] f in
                // A range-over-func body has no cost in the syntax model: its node count stands
                // in for it (it is inlined when the iterator is, as a literal called once).
                if f.kind == .rangeBody { return f.nodeCount }
                guard f.sourceFile >= 0, f.sourceNode.exists, let owner = self.program.package(f.sourcePackage) else { return nil }
                return self.literalVerdict(owner, file: Int(f.sourceFile), literal: f.sourceNode)?.cost
            },
            body: { [unowned self] o in
                let r = types.object(o.origin(in: types))
                return self.goir.package(types.packagePath(r.package))
            },
            name: { [unowned self] o in self.calleeName(o, from: typed.index) })
        decisions.isIntrinsic = { o in
            let r = types.object(o)
            guard r.package >= 0, types.signatureOf(r.type)?.recv == nil else { return false }
            return CheapCalls.intrinsics[types.packagePath(r.package)]?.contains(r.name) == true
        }
        decisions.devirtualizeWith = types
        decisions.origin = { o in types.object(o).origin ?? o }
        decisions.instantiation = { [unowned self] o, calleeType in
            self.inlinedInstantiation(o, calleeType: calleeType, from: typed.index)
        }
        return decisions
    }

    /// A callee's name in `inlining call to` lines: qualified by package name outside the
    /// package being compiled.
    func calleeName(_ o: ObjectID, from local: Int32) -> String {
        let types = program.types
        let r = types.object(o)
        var name = r.name
        if let sig = types.signatureOf(r.type), let recv = sig.recv {
            var t = types.unalias(types.object(recv).type)
            var pointer = false
            if case .pointer(let b) = types.node(t) { t = types.unalias(b); pointer = true }
            if case .named(let i) = types.node(t) {
                let base = types.object(types.named[Int(i)].object).name
                name = pointer ? "(*\(base)).\(name)" : "\(base).\(name)"
            }
        }
        if r.package >= 0 && r.package != local { name = types.packages[Int(r.package)].name + "." + name }
        return name
    }
}
