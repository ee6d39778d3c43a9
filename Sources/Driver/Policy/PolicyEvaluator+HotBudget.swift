import FactStore
import PassKit
import Reports

extension PolicyEvaluator {
    /// `alloc.hot-budget`: for each budget with `max-hot-share`, the bytes the run's heap
    /// profiles charged to each matching function (its literals included) or package, as a share
    /// of everything the profiled program allocated (pprof's `flat%`), must not exceed the
    /// budget. Without a heap profile the rule cannot be checked, and says so as a violation
    /// rather than passing.
    func hotBudgetChecks(_ ctx: EvaluationContext, _ checks: inout CheckSet) {
        let heapProfiles = ctx.model.profiles.filter { $0.record.kind == .heap }
        let total = heapProfiles.reduce(Int64(0)) { $0 + $1.record.totalBytes }
        var bytesByFunction: [String: Int64] = [:]
        for s in ctx.model.profileSites where s.status != .stale {
            if let f = s.functionID { bytesByFunction[f, default: 0] += s.weight.allocBytes }
        }
        let rule = RuleCatalog.allocHotBudget.id
        for (k, budget) in policy.budgets.enumerated() {
            guard let maxShare = budget.maxHotShare else { continue }
            let source = "policy.budgets[\(k)]"
            var owners: [(package: String, function: FunctionRecord?, name: String, ids: Set<String>)] = []
            if let fnPattern = budget.functions {
                for fn in ctx.model.functions where !fn.isLiteral && budget.packages.matches(fn.package)
                    && fnPattern.matches(ctx.shortName(fn.id)) {
                    owners.append((fn.package, fn, ctx.shortName(fn.id), ctx.family(fn.id)))
                }
            } else {
                for pkg in ctx.model.packages where !pkg.isStandard && budget.packages.matches(pkg.importPath) {
                    let ids = Set(ctx.model.functions.filter { $0.package == pkg.importPath }.map(\.id))
                    owners.append((pkg.importPath, nil, "package", ids))
                }
            }
            for owner in owners {
                let name = "\(owner.name) \(rule)"
                let file = owner.function?.file ?? ""
                checks.ensure(owner.package, owner.function?.id, rule, name, file: file, line: owner.function?.line ?? 0)
                let subject = owner.function.map { ctx.shortName($0.id) } ?? owner.package
                guard total > 0 else {
                    checks.add(owner.package, name, Violation(
                        rule: rule, package: owner.package, function: owner.function?.id, subject: "\(subject) \(rule)",
                        file: file, line: owner.function?.line ?? 0, column: owner.function?.column ?? 0,
                        message: "\(rule) cannot be checked: the run has no heap profile (heapsight scan --profile FILE)",
                        details: ["required by \(source).max-hot-share"]))
                    continue
                }
                let bytes = owner.ids.reduce(Int64(0)) { $0 + (bytesByFunction[$1] ?? 0) }
                guard bytes * 100 > Int64(maxShare) * total else { continue }
                let share = ProfileRanking.share(bytes, of: total)
                let heaviest = ctx.model.profileSites
                    .filter { $0.status != .stale && owner.ids.contains($0.functionID ?? "") && $0.weight.allocBytes > 0 }
                    .sorted { $0.weight.allocBytes > $1.weight.allocBytes }
                let anchor = owner.function.map { ($0.file, $0.line, $0.column) }
                    ?? (heaviest.first?.file ?? "", heaviest.first?.line ?? 0, 0)
                checks.add(owner.package, name, Violation(
                    rule: rule, package: owner.package, function: owner.function?.id, subject: "\(subject) \(rule)",
                    file: anchor.0, line: anchor.1, column: anchor.2,
                    message: "\(subject) allocates \(share) of the profiled bytes; the budget allows \(maxShare)%",
                    details: ["cost: \(ProfileRanking.format(bytes, .allocBytes)) of \(ProfileRanking.format(total, .allocBytes)) (\(source))"]
                        + heaviest.prefix(5).map { "\($0.file):\($0.line): \(ProfileRanking.format($0.weight.allocBytes, .allocBytes)) (\($0.status.rawValue))" }))
            }
        }
    }
}
