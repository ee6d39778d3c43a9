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
            cost: { [unowned self] o in self.goir.isBodyVisible(o, in: typed.path) ? self.inlineCost(of: o) : nil },
            literalCost: { [unowned self] f in self.literalCost(f, from: typed) },
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
        decisions.literalName = { [unowned self] literal, caller in self.copiedLiteralName(literal, into: caller, from: typed) }
        if let lowered = goir.package(typed.path) {
            // Only the package as lowered: a wrapper body appended to a copy of another
            // package's GoIR (escape's instance wrappers) has no verdict and counts its nodes.
            decisions.isBig = { [unowned self] path, i in
                path == lowered.path && i < lowered.functions.count ? self.goir.isBig(lowered, i) : nil
            }
        }
        decisions.origin = { o in types.object(o).origin ?? o }
        decisions.instantiation = { [unowned self] o, calleeType in
            self.inlinedInstantiation(o, calleeType: calleeType, from: typed.index)
        }
        decisions.typeArguments = { [unowned self] o, calleeType in self.genericTypeArguments(o, calleeType: calleeType) }
        return decisions
    }

    /// The inline cost of a function literal of GoIR (one written in `typed` or copied into it
    /// by inlining), by the verdict of the literal as written; nil when it cannot be inlined.
    /// A range-over-func body is inlined when the iterator is, as a literal called once, by its
    /// own verdict (the compiler's cost of `F-rangeN`), found by name in the package it was
    /// written in.
    func literalCost(_ f: IRFunction, from typed: TypedPackage) -> Int? {
        if f.kind == .rangeBody { return rangeBodyCost(f, from: typed) }
        guard f.sourceFile >= 0, f.sourceNode.exists, let owner = program.package(f.sourcePackage) else { return nil }
        return literalVerdict(owner, file: Int(f.sourceFile), literal: f.sourceNode)?.cost
    }

    /// The cost of a range-over-func loop body's verdict; nil when it cannot be inlined.
    private func rangeBodyCost(_ f: IRFunction, from typed: TypedPackage) -> Int? {
        let owner = f.sourcePackage.isEmpty ? typed.path : f.sourcePackage
        guard let lowered = goir.package(owner), let j = lowered.function(named: f.name),
              lowered.functions[j].kind == .rangeBody else { return nil }
        return goir.verdict(lowered, j)?.cost
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
