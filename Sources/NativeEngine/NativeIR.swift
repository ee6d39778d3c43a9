import Foundation
import GoIR
import GoSyntax
import GoTypes

/// The native engine's GoIR for a run: packages lowered once, and expanded once with the
/// inliner's decisions (the bodies escape analysis reads).
///
/// The inliner's tables and this object's are guarded by one recursive lock, `inlinerLock`
/// (the session's lock): every method here takes it, and so does everything the escape
/// analysis asks of the inliner (`withInliner`, `decisions(for:)`), so packages' escape
/// analyses run beside each other and beside other packages' inlining. Nothing holding it waits
/// for an escape analysis.
public final class NativeIR: @unchecked Sendable {
    /// The program the packages come from.
    public let program: NativeProgram
    /// The inliner whose verdicts decide the expansion.
    public let inliner: NativeInliner
    /// False to analyse bodies as written, as the compiler does with `-l`.
    public let inlining: Bool
    /// Guards the inliner and the tables below.
    let inlinerLock = NSRecursiveLock()
    private var expanded: [String: IRPackage] = [:]
    /// What each batch root of an expanded package mentions (`EscapeBatches.mentions(ofRoot:in:)`),
    /// collected by the clean-up.
    private var mentions: [String: [[Int]]] = [:]
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
    public func lowered(_ path: String) -> IRPackage? { withInliner { $0.goir.package(path) } }

    /// Runs `body` on the inliner with `inlinerLock` held.
    public func withInliner<T>(_ body: (NativeInliner) throws -> T) rethrows -> T {
        try program.stages.holding(inlinerLock) { try body(inliner) }
    }

    /// The package with every call the inliner inlines expanded, and the assignments left
    /// dead by it removed (the bodies escape analysis reads). The expansion is made with the
    /// inliner's lock held; the clean-up, a function of the expanded package and the program,
    /// without it (beside other packages' inlining), and the first result kept.
    public func expanded(_ path: String) -> IRPackage? {
        prepareExpansion(path)
        let (done, raw) = withInliner { _ -> (IRPackage?, IRPackage?) in
            if let p = expanded[path] { return (p, nil) }
            let raw = uncleanedExpansion(path)
            // Taken, so the clean-up mutates it in place (asked for again meanwhile, it would be
            // expanded again, the same).
            expansions[path] = nil
            return (nil, raw)
        }
        if let done { return done }
        guard var ir = raw else { return nil }
        let types = program.types
        // Escape analysis's batches need what each cleaned body mentions: read as the clean-up
        // leaves each body, where a sweep of its own read every body again from memory.
        var mentioned = [[Int]](repeating: [], count: ir.functions.count)
        program.stages.measure(.expansion) {
            TypecheckRun.onLargeStack {
                StaticInitialization.remove(in: &ir, program: types)
                DeadLocals.remove(in: &ir, zeroType: types.basicType(.int)) { root, package in
                    mentioned[root] = EscapeBatches.mentions(ofRoot: root, in: package)
                }
                let naming = ShapeNaming(program: types)
                for i in ir.functions.indices { naming.shapeInlinedGenerics(&ir.functions[i]) }
            }
        }
        return withInliner { _ in
            if let p = expanded[path] { return p }
            expanded[path] = ir
            mentions[path] = mentioned
            return ir
        }
    }

    /// What each batch root of the expanded package at `path` mentions, as
    /// `EscapeBatches.order(_:mentioned:)` takes it; nil before `expanded(_:)` made the package.
    func batchMentions(_ path: String) -> [[Int]]? {
        withInliner { _ in mentions[path] }
    }

    /// The package with every call the inliner inlines expanded, before the clean-up escape
    /// analysis needs (static initialisation, dead assignments): what the inlining facts read
    /// (the inlined and devirtualized calls each function records, which the clean-up leaves
    /// alone), so a scan without escape analysis never runs it. The cleaned-up package once
    /// `expanded(_:)` has made it.
    func expansion(_ path: String) -> IRPackage? {
        withInliner { _ in uncleanedExpansion(path) }
    }

    /// Expands the package's inlined calls without holding the inliner's lock, each answer the
    /// expansion reads from the inliner taken with the lock (`decisions(for:)`) and kept for the
    /// rest of the expansion, and keeps the result for `expansion(_:)` and `expanded(_:)` unless
    /// one was made meanwhile: a package's job does it before it takes the lock, so the expansion
    /// runs beside other packages' inlining. The result is the one the lock would have made: the
    /// answers are functions of the program and of verdicts that never change once decided.
    func prepareExpansion(_ path: String) {
        guard inlining, !withInliner({ _ in expanded[path] != nil || expansions[path] != nil }),
              var ir = lowered(path), let typed = program.package(path) else { return }
        let decisions = remembering(self.decisions(for: typed), expected: typed.functions.count)
        ir = program.stages.measure(.expansion) {
            TypecheckRun.onLargeStack {
                var expanding = ir
                InlineExpansion.expand(&expanding, decisions: decisions)
                return expanding
            }
        }
        withInliner { _ in
            if expanded[path] == nil && expansions[path] == nil { expansions[path] = ir }
        }
    }

    /// The decisions with the answers asked for by object (cost, body, name) kept after the first
    /// time, for one expansion on one thread: each answer otherwise takes the inliner's lock.
    /// The tables are sized for `expected` callees (a package's calls mostly go to its own
    /// functions): grown by doubling they would rehash every callee asked about so far.
    private func remembering(_ plain: InlineDecisions, expected: Int) -> InlineDecisions {
        final class Answers {
            var cost: [ObjectID: Int?] = [:]
            var body: [ObjectID: IRPackage?] = [:]
            var name: [ObjectID: String] = [:]
        }
        let answers = Answers()
        answers.cost.reserveCapacity(expected)
        answers.body.reserveCapacity(expected)
        answers.name.reserveCapacity(expected)
        var d = plain
        d.cost = { o in
            if let known = answers.cost[o] { return known }
            let c = plain.cost(o)
            answers.cost[o] = .some(c)
            return c
        }
        d.body = { o in
            if let known = answers.body[o] { return known }
            let b = plain.body(o)
            answers.body[o] = .some(b)
            return b
        }
        d.name = { o in
            if let known = answers.name[o] { return known }
            let n = plain.name(o)
            answers.name[o] = n
            return n
        }
        return d
    }

    private func uncleanedExpansion(_ path: String) -> IRPackage? {
        if let p = expanded[path] ?? expansions[path] { return p }
        guard var ir = lowered(path), let typed = program.package(path) else { return nil }
        let expansion = inliner.expansionDecisions(for: typed)
        if inlining {
            program.stages.measure(.expansion) { TypecheckRun.onLargeStack { InlineExpansion.expand(&ir, decisions: expansion) } }
        }
        expansions[path] = ir
        return ir
    }

    /// The inliner's decisions for expanding calls in `typed` (`NativeInliner.expansionDecisions`),
    /// each answer that reads the inliner given with `inlinerLock` held: for expansions outside
    /// the inliner (escape analysis's instance and method wrappers) while other packages are
    /// inlined. `isIntrinsic` and `origin` read only the program and are left as they are.
    func decisions(for typed: TypedPackage) -> InlineDecisions {
        let plain = withInliner { $0.expansionDecisions(for: typed) }
        var d = plain
        d.cost = { o in self.withInliner { _ in plain.cost(o) } }
        d.literalCost = { f in self.withInliner { _ in plain.literalCost(f) } }
        d.body = { o in self.withInliner { _ in plain.body(o) } }
        d.name = { o in self.withInliner { _ in plain.name(o) } }
        if let f = plain.literalName { d.literalName = { a, b in self.withInliner { _ in f(a, b) } } }
        if let f = plain.isBig { d.isBig = { p, i in self.withInliner { _ in f(p, i) } } }
        if let f = plain.instantiation { d.instantiation = { o, t in self.withInliner { _ in f(o, t) } } }
        if let f = plain.typeArguments { d.typeArguments = { o, t in self.withInliner { _ in f(o, t) } } }
        return d
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
