import PassKit
import Reports

extension PolicyEvaluator {
    func budgetChecks(_ ctx: EvaluationContext, _ checks: inout CheckSet) {
        for (k, budget) in policy.budgets.enumerated() {
            let source = "policy.budgets[\(k)]"
            if let fnPattern = budget.functions {
                for fn in ctx.model.functions where !fn.isLiteral && budget.packages.matches(fn.package)
                    && fnPattern.matches(ctx.shortName(fn.id)) {
                    let facts = ctx.facts(ofFamily: fn.id)
                    limit(budget, facts, ctx, &checks, package: fn.package, function: fn, owner: ctx.shortName(fn.id),
                          source: source)
                }
            } else {
                for pkg in ctx.model.packages where !pkg.isStandard && budget.packages.matches(pkg.importPath) {
                    let facts = ctx.factsByPackage[pkg.importPath] ?? []
                    limit(budget, facts, ctx, &checks, package: pkg.importPath, function: nil, owner: "package", source: source)
                }
            }
        }
    }

    private func limit(_ budget: PolicyConfiguration.Budget, _ facts: [Fact], _ ctx: EvaluationContext,
                       _ checks: inout CheckSet, package: String, function: FunctionRecord?, owner: String, source: String) {
        let heap = facts.filter(\.isHeapSite)
        let inLoops = facts.filter(\.isHeapSiteInLoop)
        let moved = facts.filter { $0.kind == .movedToHeap }
        let rules: [(Rule, Int?, [Fact], String, Set<FactKind>)] = [
            (RuleCatalog.allocBudget, budget.maxHeapSites, heap, "heap allocation sites", RuleFacts.allocationSites),
            (RuleCatalog.allocLoopBudget, budget.maxHeapSitesInLoops, inLoops, "heap allocation sites inside loops",
             RuleFacts.allocationSites),
            (RuleCatalog.movedBudget, budget.maxMovedToHeap, moved, "variables moved to the heap", RuleFacts.movedVariables),
        ]
        for (rule, max, counted, what, kinds) in rules {
            guard let max else { continue }
            let name = "\(owner) \(rule.id)"
            let file = function?.file ?? counted.first?.file ?? ""
            checks.ensure(package, function?.id, rule.id, name, file: file, line: function?.line ?? 0)
            let subject = function.map { ctx.shortName($0.id) } ?? package
            if let reason = ctx.missing(kinds, package: package) {
                checks.add(package, name, EvaluationContext.notEvaluated(
                    rule: rule.id, package: package, function: function?.id, subject: "\(subject) \(rule.id)",
                    what: "the \(rule.id) budget of \(subject) (\(source))", file: function?.file ?? "",
                    line: function?.line ?? 0, column: function?.column ?? 0, reason: reason))
                continue
            }
            guard counted.count > max else { continue }
            let anchor = function.map { ($0.file, $0.line, $0.column) } ?? (counted[0].file, counted[0].line, counted[0].column)
            var details = ["cost: \(counted.count) \(what) against a budget of \(max) (\(source)), \(counted.count - max) over"]
            details += counted.flatMap(EvaluationContext.describe)
            checks.add(package, name, Violation(
                rule: rule.id, package: package, function: function?.id, subject: "\(subject) \(rule.id)",
                file: anchor.0, line: anchor.1, column: anchor.2,
                message: "\(subject) has \(counted.count) \(what); the budget allows \(max)", details: details,
                flow: counted.first.map { ReportFormatting.flow(fromExplanation: ctx.explanation(for: $0)) } ?? []))
        }
    }

    func mustInlineChecks(_ ctx: EvaluationContext, _ checks: inout CheckSet) {
        guard !policy.mustInline.isEmpty else { return }
        for fn in ctx.model.functions where !fn.isLiteral && policy.mustInline.contains(where: { $0.matches(fn.id) }) {
            let name = "\(ctx.shortName(fn.id)) \(RuleCatalog.inlineRequired.id)"
            checks.ensure(fn.package, fn.id, RuleCatalog.inlineRequired.id, name, file: fn.file, line: fn.line)
            if let reason = ctx.missing(RuleFacts.inlineVerdicts, package: fn.package) {
                checks.add(fn.package, name, EvaluationContext.notEvaluated(
                    rule: RuleCatalog.inlineRequired.id, package: fn.package, function: fn.id, subject: ctx.shortName(fn.id),
                    what: "policy.must-inline for \(ctx.shortName(fn.id))", file: fn.file, line: fn.line, column: fn.column,
                    reason: reason))
                continue
            }
            if let v = inlineViolation(fn, ctx, rule: RuleCatalog.inlineRequired.id, why: "policy.must-inline") {
                checks.add(fn.package, name, v)
            }
        }
    }

    /// A violation when the function is not inlinable (refused, or no verdict at all).
    func inlineViolation(_ fn: FunctionRecord, _ ctx: EvaluationContext, rule: String, why: String) -> Violation? {
        let verdicts = (ctx.factsByFunction[fn.id] ?? []).filter { $0.kind == .canInline || $0.kind == .cannotInline }
        if verdicts.contains(where: { $0.kind == .canInline }) { return nil }
        let short = ctx.shortName(fn.id)
        var details = ["required by \(why)"]
        let message: String
        if let refused = verdicts.first {
            message = "\(short) is not inlinable: \(refused.detail)"
            if let c = refused.inlineCost {
                let budget = c.budget ?? policy.inlineBudget
                details.append("cost: \(c.cost) against the inlining budget of \(budget)\(c.cost > budget ? ", \(c.cost - budget) over" : "")")
            }
            details += refused.explanation
        } else {
            message = "\(short) has no inlining verdict (was the inlining pass run, and is the function compiled for this GOOS/GOARCH?)"
        }
        return Violation(rule: rule, package: fn.package, function: fn.id, subject: short, file: fn.file, line: fn.line,
                         column: fn.column, message: message, details: details)
    }
}
