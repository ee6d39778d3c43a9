import FactStore
import PassKit
import Reports

/// Evaluates a policy on one run: package analysis, budgets, must-inline, source directives and
/// regressions against the baseline, then applies `//heapsight:ignore`. The result is a list of
/// checks (JUnit cases), each passing or carrying its violations.
///
/// Invariants: check names never contain line numbers (stable across edits); a package that
/// failed to analyse is always a failing check; a directive that cannot be honoured is always a
/// failing check; a rule whose fact kinds were not computed on a package (`RuleFacts`,
/// `PassCoverage`) is a failing check marked not evaluated, never a pass; facts outside the
/// scanned tree are never counted.
public struct PolicyEvaluator: Sendable {
    /// The policy.
    public var policy: PolicyConfiguration

    /// Creates an evaluator.
    public init(policy: PolicyConfiguration) { self.policy = policy }

    /// Evaluates the policy on a model (facts, functions, packages, recorded directives and
    /// baseline diff).
    public func evaluate(_ model: ReportModel) -> PolicyEvaluation {
        let ctx = EvaluationContext(model)
        var checks = CheckSet()
        var notes: [String] = []
        packageChecks(ctx, &checks)
        budgetChecks(ctx, &checks)
        hotBudgetChecks(ctx, &checks)
        mustInlineChecks(ctx, &checks)
        var ignores: [Directive] = []
        if policy.directives {
            let (ign, n) = directiveChecks(ctx, &checks)
            ignores = ign
            notes += n
        }
        if model.baseline != nil { regressionChecks(ctx, &checks) }
        notes += applyIgnores(ignores, ctx, &checks)
        return PolicyEvaluation(checks: checks.all, notes: notes.sorted())
    }

    func packageChecks(_ ctx: EvaluationContext, _ checks: inout CheckSet) {
        for pkg in ctx.model.packages where !pkg.isStandard {
            let name = "package \(RuleCatalog.packageFailed.id)"
            checks.ensure(pkg.importPath, nil, RuleCatalog.packageFailed.id, name, file: "", line: 0)
            guard pkg.failed else { continue }
            let errors = ctx.model.diagnostics.filter { $0.package == pkg.importPath && $0.severity == .error }
            let first = errors.first
            checks.add(pkg.importPath, name, Violation(
                rule: RuleCatalog.packageFailed.id, package: pkg.importPath, function: nil, subject: pkg.importPath,
                file: first?.file ?? "", line: first?.line ?? 0, column: first?.column ?? 0,
                message: "package \(pkg.importPath) could not be analysed, so its assertions were not checked",
                details: errors.prefix(20).map { "\(ReportFormatting.location(file: $0.file, line: $0.line, column: $0.column)): \($0.message)" }))
        }
    }
}

/// Checks keyed by (package, name), created on first mention so that passing checks appear too.
struct CheckSet {
    private var checks: [String: PolicyCheck] = [:]

    mutating func ensure(_ package: String, _ function: String?, _ rule: String, _ name: String, file: String, line: Int) {
        let key = package + "\u{0}" + name
        if checks[key] == nil {
            checks[key] = PolicyCheck(package: package, function: function, rule: rule, name: name, file: file, line: line)
        }
    }

    mutating func add(_ package: String, _ name: String, _ violation: Violation) {
        checks[package + "\u{0}" + name]?.violations.append(violation)
    }

    mutating func removeViolations(where predicate: (Violation) -> Bool) -> Int {
        var removed = 0
        for key in checks.keys {
            let before = checks[key]!.violations.count
            checks[key]!.violations.removeAll(where: predicate)
            removed += before - checks[key]!.violations.count
        }
        return removed
    }

    var all: [PolicyCheck] { Array(checks.values) }
}

/// Lookup tables for one evaluation.
struct EvaluationContext {
    let model: ReportModel
    let functions: [String: FunctionRecord]
    let children: [String: [String]]
    let factsByFunction: [String: [Fact]]
    let factsByLine: [String: [Int: [Fact]]]
    let factsByPackage: [String: [Fact]]

    init(_ model: ReportModel) {
        self.model = model
        functions = Dictionary(model.functions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var kids: [String: [String]] = [:]
        for f in model.functions { if let p = f.parent { kids[p, default: []].append(f.id) } }
        children = kids
        var byFn: [String: [Fact]] = [:], byLine: [String: [Int: [Fact]]] = [:]
        for f in model.facts {
            if let fn = f.function { byFn[fn, default: []].append(f) }
            byLine[f.file, default: [:]][f.line, default: []].append(f)
        }
        factsByFunction = byFn
        factsByLine = byLine
        factsByPackage = Dictionary(grouping: model.facts, by: { model.package(of: $0) })
    }

    /// A function and the literals nested in it, transitively.
    func family(_ id: String) -> Set<String> {
        var out: Set<String> = [id]
        var stack = [id]
        while let top = stack.popLast() {
            for c in children[top] ?? [] where out.insert(c).inserted { stack.append(c) }
        }
        return out
    }

    /// Facts of a function and its literals, canonical order.
    func facts(ofFamily id: String) -> [Fact] {
        family(id).flatMap { factsByFunction[$0] ?? [] }.sorted(by: Fact.canonicalOrder)
    }

    /// The top-level (non-literal) function a function belongs to.
    func topLevel(_ id: String) -> String {
        var cur = id
        while let p = functions[cur]?.parent { cur = p }
        return cur
    }

    /// The short name of a function within its package.
    func shortName(_ id: String) -> String {
        ReportFormatting.shortName(function: id, package: functions[id]?.package ?? "")
    }

    /// The escape flow behind a fact: its own explanation, else that of the `escapes` fact at the
    /// same position, else that of the variable moved to the heap whose address it takes.
    func explanation(for f: Fact) -> [String] {
        if !f.explanation.isEmpty { return f.explanation }
        let near = (factsByFunction[f.function ?? ""] ?? [])
        if let e = near.first(where: { $0.kind == .escapes && $0.line == f.line && $0.column == f.column && !$0.explanation.isEmpty }) {
            return e.explanation
        }
        if let m = near.first(where: { $0.kind == .movedToHeap && "&" + $0.subject == f.subject && !$0.explanation.isEmpty }) {
            return m.explanation
        }
        return []
    }

    /// `file:line:col: subject (detail)` for a fact; a heap or `may` allocation site is followed
    /// by its cause and remedy lines.
    static func describe(_ f: Fact) -> [String] {
        let loc = ReportFormatting.location(file: f.file, line: f.line, column: f.column)
        if let a = AllocationDetail(fact: f) {
            return ["\(loc): \(f.subject) (\(a.kind), \(a.placement.rawValue)\(a.depth > 0 ? ", in a loop" : ""))"]
                + f.causeAndRemedy.map { "  " + $0 }
        }
        return ["\(loc): \(f.kind.rawValue) \(f.subject)\(f.detail.isEmpty ? "" : " (\(f.detail))")"]
    }
}
