import GoIR
import GoSyntax
import GoTypes

/// The native engine's GoIR for a run: packages lowered once, and expanded once with the
/// inliner's decisions (the bodies escape analysis reads).
public final class NativeIR {
    /// The program the packages come from.
    public let program: NativeProgram
    /// The inliner whose verdicts decide the expansion.
    public let inliner: NativeInliner
    /// False to analyse bodies as written, as the compiler does with `-l`.
    public let inlining: Bool
    private var expanded: [String: IRPackage] = [:]
    /// Packages expanded but not yet cleaned up (`expansion(_:)`), until `expanded(_:)` takes them.
    private var expansions: [String: IRPackage] = [:]

    /// GoIR over a program, with an inliner over the same program.
    public init(program: NativeProgram, inliner: NativeInliner? = nil, inlining: Bool = true) {
        self.program = program
        self.inliner = inliner ?? NativeInliner(program: program)
        self.inlining = inlining
    }

    /// The package at an import path lowered to GoIR (bodies as written); nil without Go files.
    /// The inliner lowers each package once; its bodies are shared.
    public func lowered(_ path: String) -> IRPackage? { inliner.goir.package(path) }

    /// The package with every call the inliner inlines expanded, and the assignments left
    /// dead by it removed (the bodies escape analysis reads).
    public func expanded(_ path: String) -> IRPackage? {
        if let p = expanded[path] { return p }
        guard var ir = expansion(path) else { return nil }
        expansions[path] = nil
        let types = program.types
        TypecheckRun.onLargeStack {
            StaticInitialization.remove(in: &ir, program: types)
            DeadLocals.remove(in: &ir, zeroType: types.basicType(.int))
        }
        expanded[path] = ir
        return ir
    }

    /// The package with every call the inliner inlines expanded, before the clean-up escape
    /// analysis needs (static initialisation, dead assignments): what the inlining facts read
    /// (the inlined and devirtualized calls each function records, which the clean-up leaves
    /// alone), so a scan without escape analysis never runs it. The cleaned-up package once
    /// `expanded(_:)` has made it.
    func expansion(_ path: String) -> IRPackage? {
        if let p = expanded[path] ?? expansions[path] { return p }
        guard var ir = lowered(path), let typed = program.package(path) else { return nil }
        let types = program.types
        let inliner = self.inliner
        let decisions = InlineDecisions(
            cost: { o in inliner.inlineCost(of: o) },
            literalCost: { [unowned self] f in
                // A range-over-func body has no cost in the syntax model: its node count stands
                // in for it (it is inlined when the iterator is, as a literal called once).
                if f.kind == .rangeBody { return f.nodeCount }
                guard f.sourceFile >= 0, f.sourceNode.exists, let owner = self.program.package(f.sourcePackage) else { return nil }
                return inliner.literalVerdict(owner, file: Int(f.sourceFile), literal: f.sourceNode)?.cost
            },
            body: { [unowned self] o in
                let r = types.object(o.origin(in: types))
                return self.lowered(types.packagePath(r.package))
            },
            name: { [unowned self] o in self.calleeName(o, from: typed.index) })
        var withIntrinsics = decisions
        withIntrinsics.isIntrinsic = { o in
            let r = types.object(o)
            guard r.package >= 0, types.signatureOf(r.type)?.recv == nil else { return false }
            return CheapCalls.intrinsics[types.packagePath(r.package)]?.contains(r.name) == true
        }
        withIntrinsics.devirtualizeWith = types
        let expansion = withIntrinsics
        if inlining {
            TypecheckRun.onLargeStack { InlineExpansion.expand(&ir, decisions: expansion) }
        }
        expansions[path] = ir
        return ir
    }

    /// A printer for a package of this program.
    public func printer(for ir: IRPackage) -> IRPrinter {
        let index = program.package(ir.path)?.index ?? -1
        return IRPrinter(program: program.types, package: ir, localPackage: index)
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

extension ObjectID {
    /// The generic object an instance's method or function was made from (itself otherwise).
    func origin(in program: Program) -> ObjectID { program.object(self).origin ?? self }
}

extension NativeInliner {
    /// The inline cost of a function or method object; nil when it cannot be inlined.
    public func inlineCost(of o: ObjectID) -> Int? {
        let types = program.types
        let r = types.object(o.origin(in: types))
        guard let pkg = program.package(index: r.package) else { return nil }
        analyze(pkg)
        return calleeCost(o, from: pkg)
    }
}
