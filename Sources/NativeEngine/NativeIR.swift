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
        program.stages.measure(.expansion) {
            TypecheckRun.onLargeStack {
                StaticInitialization.remove(in: &ir, program: types)
                DeadLocals.remove(in: &ir, zeroType: types.basicType(.int))
                let naming = ShapeNaming(program: types)
                for i in ir.functions.indices { naming.shapeInlinedGenerics(&ir.functions[i]) }
            }
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
        let expansion = inliner.expansionDecisions(for: typed)
        if inlining {
            program.stages.measure(.expansion) { TypecheckRun.onLargeStack { InlineExpansion.expand(&ir, decisions: expansion) } }
        }
        expansions[path] = ir
        return ir
    }

    /// A printer for a package of this program.
    public func printer(for ir: IRPackage) -> IRPrinter {
        let index = program.package(ir.path)?.index ?? -1
        return IRPrinter(program: program.types, package: ir, localPackage: index)
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
