import PassKit
import Reports

extension PolicyEvaluator {
    /// `escape.new`, `inline.lost` and `alloc.growth` against the model's baseline diff, one
    /// check per top-level function (literals count with the function that contains them).
    func regressionChecks(_ ctx: EvaluationContext, _ checks: inout CheckSet) {
        guard let diff = ctx.model.baseline else { return }
        let base = diff.baseline.displayName
        let rules = policy.regressions
        var newByTop: [String: [Fact]] = [:]
        var packageLevel: [String: [Fact]] = [:]
        for f in diff.newEscapes {
            if let fn = f.function, ctx.functions[fn] != nil { newByTop[ctx.topLevel(fn), default: []].append(f) }
            else { packageLevel[ctx.model.package(of: f), default: []].append(f) }
        }
        let lost = Dictionary(diff.lostInlining.map { ($0.function, $0) }, uniquingKeysWith: { a, _ in a })
        // A regression rule compares two runs, so both must have computed what it reads; where
        // one did not, the rule is one not-evaluated check per package instead of a pass.
        var unreadable: Set<String> = []
        let enabled: [(Rule, Bool, Set<FactKind>)] = [
            (RuleCatalog.escapeNew, rules.noNewEscapes, RuleFacts.heapEscapes),
            (RuleCatalog.inlineLost, rules.noLostInlining, RuleFacts.inlineVerdicts),
            (RuleCatalog.allocGrowth, rules.maxHeapSiteGrowth != nil, RuleFacts.allocationSites),
        ]
        for pkg in ctx.model.packages where !pkg.isStandard {
            for (rule, on, kinds) in enabled where on {
                guard let reason = ctx.missing(kinds, package: pkg.importPath, baselineToo: true) else { continue }
                unreadable.insert(pkg.importPath + "\u{0}" + rule.id)
                let name = "package \(rule.id)"
                checks.ensure(pkg.importPath, nil, rule.id, name, file: "", line: 0)
                checks.add(pkg.importPath, name, EvaluationContext.notEvaluated(
                    rule: rule.id, package: pkg.importPath, function: nil, subject: "package \(rule.id)",
                    what: "\(rule.id) against baseline run \(base) in \(pkg.importPath)", file: "", line: 0, column: 0,
                    reason: reason))
            }
        }
        func readable(_ rule: Rule, _ package: String) -> Bool { !unreadable.contains(package + "\u{0}" + rule.id) }
        for fn in ctx.model.functions where !fn.isLiteral {
            let short = ctx.shortName(fn.id)
            let hasFacts = !(ctx.facts(ofFamily: fn.id).isEmpty)
            if rules.noNewEscapes && hasFacts && readable(RuleCatalog.escapeNew, fn.package) {
                let name = "\(short) \(RuleCatalog.escapeNew.id)"
                checks.ensure(fn.package, fn.id, RuleCatalog.escapeNew.id, name, file: fn.file, line: fn.line)
                for v in escapeViolations(newByTop[fn.id] ?? [], package: fn.package, owner: short, base: base) {
                    checks.add(fn.package, name, v)
                }
            }
            if rules.noLostInlining, readable(RuleCatalog.inlineLost, fn.package), (ctx.factsByFunction[fn.id] ?? []).contains(where: { $0.kind == .canInline || $0.kind == .cannotInline }) {
                let name = "\(short) \(RuleCatalog.inlineLost.id)"
                checks.ensure(fn.package, fn.id, RuleCatalog.inlineLost.id, name, file: fn.file, line: fn.line)
                if let change = lost[fn.id] {
                    var details = ["baseline \(base): inlinable (\(change.baseline?.detail ?? ""))", "now: \(change.current.detail)"]
                    if let c = change.current.inlineCost {
                        let budget = c.budget ?? policy.inlineBudget
                        details.append("cost: \(c.cost) against the inlining budget of \(budget)\(c.cost > budget ? ", \(c.cost - budget) over" : "")")
                    }
                    checks.add(fn.package, name, Violation(
                        rule: RuleCatalog.inlineLost.id, package: fn.package, function: fn.id, subject: short,
                        file: fn.file, line: fn.line, column: fn.column,
                        message: "\(short) is no longer inlinable: \(change.current.detail)", details: details + change.current.explanation))
                }
            }
            if let growth = rules.maxHeapSiteGrowth, hasFacts, readable(RuleCatalog.allocGrowth, fn.package) {
                let name = "\(short) \(RuleCatalog.allocGrowth.id)"
                checks.ensure(fn.package, fn.id, RuleCatalog.allocGrowth.id, name, file: fn.file, line: fn.line)
                let family = ctx.family(fn.id)
                let now = ctx.facts(ofFamily: fn.id).filter(\.isHeapSite).count
                let delta = family.reduce(0) { sum, id in sum + (diff.heapSiteChanges[id].map { $0.current - $0.baseline } ?? 0) }
                let old = now - delta
                if now - old > growth {
                    checks.add(fn.package, name, Violation(
                        rule: RuleCatalog.allocGrowth.id, package: fn.package, function: fn.id, subject: short,
                        file: fn.file, line: fn.line, column: fn.column,
                        message: "\(short) grew from \(old) to \(now) heap allocation sites (allowed growth \(growth))",
                        details: ["baseline \(base): \(old) heap sites; now \(now); policy.regressions.max-heap-site-growth = \(growth)"]))
                }
            }
        }
        if rules.noNewEscapes {
            for (pkg, facts) in packageLevel where !pkg.isEmpty && readable(RuleCatalog.escapeNew, pkg) {
                let name = "package \(RuleCatalog.escapeNew.id)"
                checks.ensure(pkg, nil, RuleCatalog.escapeNew.id, name, file: facts[0].file, line: facts[0].line)
                for v in escapeViolations(facts, package: pkg, owner: "package level", base: base) { checks.add(pkg, name, v) }
            }
        }
    }

    private func escapeViolations(_ facts: [Fact], package: String, owner: String, base: String) -> [Violation] {
        var seen: [String: Int] = [:]
        return facts.sorted(by: Fact.canonicalOrder).map { f in
            let key = "\(f.kind.rawValue) \(f.subject)"
            seen[key, default: 0] += 1
            let subject = seen[key]! == 1 ? key : "\(key) #\(seen[key]!)"
            let what: String
            switch f.kind {
            case .movedToHeap: what = "moved to heap: \(f.subject)"
            case .escapes: what = "\(f.subject) escapes to heap"
            default: what = "heap allocation \(f.subject) (\(AllocationDetail(f.detail).kind))"
            }
            return Violation(rule: RuleCatalog.escapeNew.id, package: package, function: f.function, subject: subject,
                             file: f.file, line: f.line, column: f.column,
                             message: "new heap escape in \(owner): \(what)",
                             details: ["not in baseline run \(base)"],
                             flow: ReportFormatting.flow(fromExplanation: f.explanation))
        }
    }
}
