import Foundation
import GoIR
import GoTypes

/// Inlinability and inline cost of every function of a package computed on GoIR
/// (`GoIRInlineCost`), in the compiler's order: bottom-up over the strongly connected
/// components of the package's "mentions" graph (`CallGraphOrder`; a function mentions what
/// its body and its function literals name), so a callee's verdict is known when its caller is
/// costed. Imported packages are lowered and decided on demand. Function literals are decided
/// when a caller needs their cost, or when they are reported.
public final class GoIRInliner {
    /// The program the packages come from.
    public let program: NativeProgram
    private var lowered: [String: IRPackage] = [:]
    /// Verdicts of declared functions per package, by function index (nil: not modelled).
    private var declared: [String: VerdictTable] = [:]
    /// Verdicts of function literals per package, by function index (nil: not modelled).
    private var literals: [String: VerdictTable] = [:]
    /// Declared functions by object: package path and function index.
    private(set) var byObject: [ObjectID: (path: String, index: Int)] = [:]
    private var finished: Set<String> = []
    /// Function literals per package by `file << 32 | offset` of their `func` keyword.
    private var literalIndex: [String: [Int: Int]] = [:]
    /// Functions costed as big, per package.
    private var big: [String: IDBitSet] = [:]
    /// Functions whose whole body was counted (no refusal stopped the walk).
    private var counted: [String: IDBitSet] = [:]
    /// Direct imports and loaded bodies per package (`InlineBodyVisibility`).
    var visibility = BodyVisibility()
    /// Verdicts of shaped copies compiled outside their generic's package, by generic and
    /// compiling package (nil while being costed: a recursive reference is not inlinable).
    private var shaped: [ShapedCopy: InlineVerdict?] = [:]

    /// Packages lowered ahead of the inliner (`prelower`), until `package(_:)` takes them.
    private let prelowered = PreparedPerPackage<IRPackage>()

    /// Creates an inliner over a program.
    public init(program: NativeProgram) {
        self.program = program
    }

    /// Lowers a checked package now, on the calling thread and without the inliner's tables
    /// (lowering reads only the package's syntax, its type facts and the program), so a
    /// package's job can lower it beside another package's analysis before it takes the lock
    /// that guards this inliner; `package(_:)` takes the result. Does nothing for a package
    /// lowered already.
    @discardableResult
    public func prelower(_ typed: TypedPackage) -> IRPackage? {
        guard !prelowered.contains(typed.path) else { return nil }
        let ir = program.stages.measure(.lowering) {
            IRLowering.lower(IRLoweringInput(program: program.types, path: typed.path, files: typed.files, facts: typed.facts))
        }
        prelowered.offer(ir, for: ir.path)
        return ir
    }

    /// The verdicts of the package's reported functions (`isReported`), in the package's
    /// function order.
    public func verdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let pkg = package(path) else { return [] }
        analyze(pkg)
        var out: [FunctionVerdict] = []
        for (i, f) in pkg.functions.enumerated() where isReported(pkg, i) {
            let verdict: InlineVerdict?
            if f.kind == .declared { verdict = declared[pkg.path]?[i] ?? nil } else { verdict = literalVerdict(pkg, i) }
            guard let v = verdict, let at = pkg.position(f.pos) else { continue }
            out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: f.name, verdict: v))
        }
        return out
    }

    /// True for a function whose verdict `-m` prints: a non-generic declared function with a
    /// name, an `init.N`, and the literals, `go`/`defer` wrappers and range-over-func bodies
    /// written in them or in package-level initialisers (`hasReportedRoot`).
    private func isReported(_ pkg: IRPackage, _ i: Int) -> Bool {
        pkg.functions[i].kind != .packageInit && hasReportedRoot(pkg, i)
    }

    /// The verdict of a declared function or method, its package decided first: `.some(nil)`
    /// when its body is not modelled, nil when GoIR has no such function.
    func declaredVerdict(_ o: ObjectID) -> InlineVerdict?? {
        let r = program.types.object(o)
        guard r.package >= 0, let pkg = package(program.types.packagePath(r.package)) else { return nil }
        analyze(pkg)
        guard let target = byObject[o], let v = declared[target.path]?[target.index] else { return nil }
        return .some(v)
    }

    /// The verdict of the function literal written at `offset` of file `file` (by index in the
    /// package's files): `.some(nil)` when not modelled, nil when GoIR has no literal there.
    func literalVerdict(path: String, file: Int, offset: Int) -> InlineVerdict?? {
        guard let (pkg, i) = literal(path: path, file: file, offset: offset) else { return nil }
        return .some(literalVerdict(pkg, i))
    }

    /// The lowered package and index of the function literal at `offset` of file `file`.
    func literal(path: String, file: Int, offset: Int) -> (IRPackage, Int)? {
        guard let pkg = package(path) else { return nil }
        analyze(pkg)
        if literalIndex[pkg.path] == nil {
            var index: [Int: Int] = [:]
            for (i, f) in pkg.functions.enumerated() where f.kind == .literal && f.pos.isKnown {
                index[Int(f.pos.file) << 32 | Int(f.pos.offset)] = i
            }
            literalIndex[pkg.path] = index
        }
        guard let i = literalIndex[pkg.path]?[file << 32 | offset] else { return nil }
        return (pkg, i)
    }

    /// The lowered package and index of a declared function or method.
    func declared(_ o: ObjectID) -> (IRPackage, Int)? {
        let r = program.types.object(o)
        guard r.package >= 0, let pkg = package(program.types.packagePath(r.package)) else { return nil }
        analyze(pkg)
        guard let target = byObject[o] else { return nil }
        return (pkg, target.index)
    }

    /// The lowered package and index of its initialiser of package-level variables, if any.
    func packageInitializer(path: String) -> (IRPackage, Int)? {
        guard let pkg = package(path) else { return nil }
        analyze(pkg)
        // By index: `firstIndex(where:)` hands the predicate a copy of each function.
        guard let i = pkg.functions.indices.first(where: { pkg.functions[$0].kind == .packageInit }) else { return nil }
        return (pkg, i)
    }

    /// The verdict of function `i` of a lowered package, the package decided first: declared
    /// functions against the function budget; literals, wrappers and range-over-func bodies
    /// (closures of their function) against the closure budget. Nil when not modelled.
    func verdict(_ pkg: IRPackage, _ i: Int) -> InlineVerdict? {
        analyze(pkg)
        if pkg.functions[i].kind == .declared { return declared[pkg.path]?[i] ?? nil }
        return literalVerdict(pkg, i)
    }

    /// True when the function was costed as "big" (more than `InlineBudget.bigFunctionNodes`).
    func isBig(path: String, index: Int) -> Bool { big[path]?.contains(Int32(index)) == true }

    /// True when function `i` of the package is "big" by the count its verdict was decided
    /// with; nil when no verdict counted its whole body (a refusal stopped the walk).
    func isBig(_ pkg: IRPackage, _ i: Int) -> Bool? {
        guard pkg.functions[i].kind != .packageInit, !pkg.functions[i].isGeneric else { return nil }
        _ = verdict(pkg, i)
        guard counted[pkg.path]?.contains(Int32(i)) == true else { return nil }
        return isBig(path: pkg.path, index: i)
    }

    // MARK: Packages

    /// The package at an import path lowered to GoIR (once per run; shared with `NativeIR`).
    func package(_ path: String) -> IRPackage? {
        if let p = lowered[path] { return p }
        guard let typed = program.package(path) else { return nil }
        if let p = lowered[typed.path] { lowered[path] = p; return p }
        let ir = prelowered.take(typed.path) ?? program.stages.measure(.lowering) {
            IRLowering.lower(IRLoweringInput(program: program.types, path: typed.path, files: typed.files, facts: typed.facts))
        }
        lowered[path] = ir
        lowered[ir.path] = ir
        // Read in place: a copy of each function would retain and release each of its tables.
        for i in ir.functions.indices where ir.functions[i].kind == .declared {
            if let o = ir.functions[i].object { byObject[o] = (ir.path, i) }
        }
        return ir
    }

    private func analyze(_ pkg: IRPackage) {
        guard finished.insert(pkg.path).inserted else { return }
        let functions = pkg.functions.indices.filter { pkg.functions[$0].kind == .declared }
        var position: [Int: Int] = [:]
        for (k, i) in functions.enumerated() { position[i] = k }
        var order = CallGraphOrder(count: functions.count) { k in
            self.mentions(pkg, functions[k]).compactMap { position[$0] }
        }
        order.run { block in
            for k in block { self.decide(pkg, functions[k]) }
        }
    }

    /// Declared functions of the same package a function (and its literals) names.
    private func mentions(_ pkg: IRPackage, _ i: Int) -> [Int] {
        var out: [Int] = []
        var pending = [i]
        while let j = pending.popLast() {
            for node in pkg.functions[j].nodes where node.op == .function || node.op == .methodExpr {
                var o = ObjectID(node.aux)
                if let origin = program.types.object(o).origin { o = origin }
                if let target = byObject[o], target.path == pkg.path { out.append(target.index) }
            }
            pending += pkg.functions[j].literals.map(Int.init)
        }
        return out
    }

    // MARK: Verdicts

    private func decide(_ pkg: IRPackage, _ i: Int) {
        var verdict: InlineVerdict? = .notInlinable(reason: InlineReason.noBody)
        if pkg.functions[i].hasBody {
            verdict = program.stages.measure(.inlineDecisions) { cost(pkg, i, budget: InlineBudget.function) }
        }
        if let refusal = Self.pragmaRefusal(pkg.functions[i].pragmas) { verdict = .notInlinable(reason: refusal) }
        declared[pkg.path, default: VerdictTable()][i] = .some(verdict)
    }

    /// The reason a directive makes a function impossible to inline, checked before its body.
    static func pragmaRefusal(_ pragmas: Set<String>) -> String? {
        if pragmas.contains("noinline") { return InlineReason.noinline }
        if pragmas.contains("cgo_unsafe_args") { return InlineReason.cgoUnsafeArgs }
        if pragmas.contains("uintptrkeepalive") || pragmas.contains("uintptrescapes") { return InlineReason.uintptrKeepAlive }
        if pragmas.contains("yeswritebarrierrec") { return InlineReason.yesWriteBarrierRec }
        return nil
    }

    /// The verdict of a function literal (closure budget), decided once.
    private func literalVerdict(_ pkg: IRPackage, _ i: Int) -> InlineVerdict? {
        if let known = literals[pkg.path]?[i] { return known }
        literals[pkg.path, default: VerdictTable()][i] = .some(nil)  // a literal reached again while costed
        let v = program.stages.measure(.inlineDecisions) { cost(pkg, i, budget: max(InlineBudget.function, InlineBudget.closure)) }
        literals[pkg.path, default: VerdictTable()][i] = .some(v)
        return v
    }

    /// The inline cost of a declared function or method, nil when it is not inlinable or not
    /// decided yet (a callee in the caller's own cycle).
    func calleeCost(_ o: ObjectID) -> Int? {
        let types = program.types
        var object = o
        if let origin = types.object(o).origin { object = origin }
        let r = types.object(object)
        guard r.package >= 0 else { return nil }
        let path = types.packagePath(r.package)
        if !finished.contains(path) {
            guard let pkg = package(path) else { return nil }
            analyze(pkg)
        }
        guard let target = byObject[object] else { return nil }
        return (declared[target.path]?[target.index] ?? nil)?.cost
    }

    /// The inline cost of a callee called in a body compiled in the package at `path`: nil when
    /// its body is not visible there (`isBodyVisible`); a generic of another package is called
    /// as its shaped copy compiled in `path`.
    func calleeCost(_ o: ObjectID, compiledIn path: String) -> Int? {
        if isGenericFunction(o) {
            guard let (owner, _) = declared(o.origin(in: program.types)) else { return nil }
            if owner.path != path { return (shapedVerdict(o, compiledIn: path) ?? nil)?.cost }
            return calleeCost(o)
        }
        return isBodyVisible(o, in: path) ? calleeCost(o) : nil
    }

    /// The verdict of a generic function's shaped copy compiled in the package at `path`: its
    /// generic body costed with the callees visible there (its own package's verdict when
    /// `path` declares it). `.some(nil)` when its body is not modelled, nil when GoIR has no
    /// such function.
    func shapedVerdict(_ generic: ObjectID, compiledIn path: String) -> InlineVerdict?? {
        let o = generic.origin(in: program.types)
        guard let (pkg, i) = declared(o) else { return nil }
        if pkg.path == path { return declaredVerdict(o) }
        let key = ShapedCopy(generic: o, package: path)
        if let known = shaped[key] { return .some(known) }
        shaped[key] = .some(nil)
        let f = pkg.functions[i]
        var verdict: InlineVerdict? = .notInlinable(reason: InlineReason.noBody)
        if f.hasBody { verdict = cost(pkg, i, budget: InlineBudget.function, compiledIn: path) }
        if let refusal = Self.pragmaRefusal(f.pragmas) { verdict = .notInlinable(reason: refusal) }
        shaped[key] = .some(verdict)
        return .some(verdict)
    }

    /// A generic function's shaped copy in one compiling package.
    private struct ShapedCopy: Hashable {
        var generic: ObjectID
        var package: String
    }

    /// Costs a function against a budget, compiled in its own package or, for a shaped copy,
    /// in the package at `compiledIn`.
    private func cost(_ pkg: IRPackage, _ i: Int, budget: Int, compiledIn: String? = nil) -> InlineVerdict? {
        let context = compiledIn ?? pkg.path
        let callees = GoIRInlineCost.Callees(
            cost: { [unowned self] in self.calleeCost($0, compiledIn: context) },
            literalCost: { [unowned self] in self.literalVerdict(pkg, Int($0))?.cost })
        func walk(big: Bool) -> GoIRInlineCost {
            var w = GoIRInlineCost(program: program.types, package: pkg, function: pkg.functions[i], index: i,
                                   callees: callees, isBig: big)
            w.run()
            return w
        }
        var w = walk(big: false)
        if w.reason == nil && w.nodes > InlineBudget.bigFunctionNodes {
            w = walk(big: true)
            if compiledIn == nil { big[pkg.path, default: IDBitSet()].insert(Int32(i)) }
        }
        if w.reason == nil { counted[pkg.path, default: IDBitSet()].insert(Int32(i)) }
        if let reason = w.reason { return .notInlinable(reason: reason) }
        if w.cost > budget { return .notInlinable(reason: InlineReason.tooComplex(cost: w.cost, budget: budget)) }
        return .inlinable(cost: w.cost)
    }
}

/// Values of packages computed outside the inliner's lock, by package path, until the
/// inliner takes them (each at most once: a path taken is remembered, so a late `offer` is
/// ignored).
final class PreparedPerPackage<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [String: Value] = [:]
    private var taken: Set<String> = []

    func contains(_ path: String) -> Bool { lock.withLock { waiting[path] != nil || taken.contains(path) } }

    /// Keeps a package's value unless one for its path was offered or taken before.
    func offer(_ value: Value, for path: String) {
        lock.withLock {
            if waiting[path] == nil && !taken.contains(path) { waiting[path] = value }
        }
    }

    /// The value offered for `path`, handed out once.
    func take(_ path: String) -> Value? {
        lock.withLock {
            taken.insert(path)
            return waiting.removeValue(forKey: path)
        }
    }
}

/// Verdicts of a package's functions by function index: an array, where a dictionary by index
/// of a large package misses the cache on most lookups. Nil for a function not decided yet,
/// `.some(nil)` for one whose body is not modelled.
struct VerdictTable {
    private var slots: [InlineVerdict??] = []

    subscript(i: Int) -> InlineVerdict?? {
        get { i >= 0 && i < slots.count ? slots[i] : nil }
        set {
            if i >= slots.count { slots.append(contentsOf: repeatElement(nil, count: i - slots.count + 1)) }
            slots[i] = newValue
        }
    }
}
