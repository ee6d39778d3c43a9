import FactStore
import PassKit
import Reports

extension PolicyEvaluator {
    /// Takes the directives the scan recorded, records problems under `directive.invalid` (one
    /// check per package) and checks each placed directive. Returns the `ignore` directives and
    /// notes. Directives come only from the store: the source is never read again here.
    func directiveChecks(_ ctx: EvaluationContext, _ checks: inout CheckSet) -> ([Directive], [String]) {
        // A run recorded before directives were stored: nothing was checked, so no check passes.
        guard let found = ctx.model.directives else {
            return ([], ["directives not checked: run \(ctx.model.run.displayName) was recorded by a heapsight that did not store them; scan again to check them"])
        }
        let invalidName = "package \(RuleCatalog.directiveInvalid.id)"
        for pkg in ctx.model.packages where !pkg.isStandard {
            checks.ensure(pkg.importPath, nil, RuleCatalog.directiveInvalid.id, invalidName, file: "", line: 0)
        }
        let notes = found.notes.map { "\($0.file):\($0.line): \($0.message)" }
        for p in found.problems {
            let pkg = ctx.model.package(ofFile: p.file)
            checks.ensure(pkg, nil, RuleCatalog.directiveInvalid.id, invalidName, file: p.file, line: p.line)
            checks.add(pkg, invalidName, Violation(
                rule: RuleCatalog.directiveInvalid.id, package: pkg, function: p.function, subject: p.text,
                file: p.file, line: p.line, column: p.column, message: p.message,
                details: ["directive: \(p.text)"]))
        }
        var ignores: [Directive] = []
        var ordinal: [String: Int] = [:]
        for d in found.directives {
            if d.verb == .ignore { ignores.append(d); continue }
            guard let fn = ctx.functions[d.function] else { continue }
            let pkg = fn.package
            let rule = "directive.\(d.verb.rawValue)"
            var name = "\(ctx.shortName(ctx.topLevel(fn.id))) \(rule)"
            if case .statement = d.target {
                let key = "\(pkg)\u{0}\(name)"
                ordinal[key, default: 0] += 1
                name += " statement \(ordinal[key]!)"
            }
            checks.ensure(pkg, fn.id, rule, name, file: d.file, line: d.line)
            if let v = check(d, fn, rule: rule, name: name, ctx) { checks.add(pkg, name, v) }
        }
        return (ignores, notes)
    }

    /// Checks one placed directive; nil when it holds.
    func check(_ d: Directive, _ fn: FunctionRecord, rule: String, name: String, _ ctx: EvaluationContext) -> Violation? {
        let short = ctx.shortName(fn.id)
        var scope: [Fact]
        let whereText: String
        switch d.target {
        case .function:
            scope = ctx.facts(ofFamily: fn.id)
            whereText = short
        case .statement(_, let line):
            scope = (ctx.factsByLine[d.file]?[line] ?? []).sorted(by: Fact.canonicalOrder)
            whereText = "the statement on line \(line) of \(short)"
        }
        if let reason = ctx.missing(Self.kinds(of: d), package: fn.package) {
            return EvaluationContext.notEvaluated(rule: rule, package: fn.package, function: fn.id, subject: name,
                                                  what: "\(d.text) on \(whereText)", file: d.file, line: d.line,
                                                  column: d.column, reason: reason)
        }
        let offending: [Fact]
        let message: String
        switch d.verb {
        case .inline:
            if case .function = d.target {
                guard var v = inlineViolation(fn, ctx, rule: rule, why: d.text) else { return nil }
                v.file = d.file; v.line = d.line; v.column = d.column
                v.subject = name
                return v
            }
            guard !scope.contains(where: { $0.kind == .inlineCall }) else { return nil }
            offending = []
            message = "no call on \(whereText) is inlined, but it carries \(d.text)"
        case .noescape:
            var kinds: Set<FactKind> = [.escapes, .movedToHeap]
            if case .function = d.target { kinds.insert(.leakParam) }
            offending = scope.filter { kinds.contains($0.kind) }
            guard !offending.isEmpty else { return nil }
            message = "\(offending.count) value(s) escape to the heap in \(whereText), which carries \(d.text)"
        case .noalloc:
            offending = scope.filter { f in AllocationDetail(fact: f).map { $0.placement != .stack } ?? false }
            guard !offending.isEmpty else { return nil }
            message = "\(whereText) has \(offending.count) heap allocation site(s) but carries \(d.text)"
        case .bce:
            offending = scope.filter { $0.kind == .boundsCheck }
            guard !offending.isEmpty else { return nil }
            message = "the compiler kept \(offending.count) bounds check(s) in \(whereText), which carries \(d.text)"
        case .ignore:
            return nil
        }
        let details = offending.flatMap(EvaluationContext.describe)
        let flow = offending.lazy.map { ctx.explanation(for: $0) }.first { !$0.isEmpty } ?? []
        return Violation(rule: rule, package: fn.package, function: fn.id, subject: name,
                         file: d.file, line: d.line, column: d.column, message: message, details: details,
                         flow: ReportFormatting.flow(fromExplanation: flow))
    }

    /// The fact kinds a directive reads (`RuleFacts`).
    static func kinds(of d: Directive) -> Set<FactKind> {
        let onFunction: Bool
        if case .function = d.target { onFunction = true } else { onFunction = false }
        switch d.verb {
        case .inline: return onFunction ? RuleFacts.inlineVerdicts : RuleFacts.inlinedCalls
        case .noescape: return onFunction ? RuleFacts.escapesAndLeaks : RuleFacts.escapes
        case .noalloc: return RuleFacts.allocationSites
        case .bce: return RuleFacts.boundsChecks
        case .ignore: return []
        }
    }

    /// Removes the violations each `//heapsight:ignore RULE` covers; returns notes for ignores
    /// that covered nothing.
    func applyIgnores(_ ignores: [Directive], _ ctx: EvaluationContext, _ checks: inout CheckSet) -> [String] {
        var notes: [String] = []
        for d in ignores {
            guard let rule = d.rule else { continue }
            let removed: Int
            switch d.target {
            case .function(let id):
                let family = ctx.family(id)
                removed = checks.removeViolations { !$0.notEvaluated && $0.rule == rule && ($0.function.map(family.contains) ?? false) }
            case .statement(_, let line):
                removed = checks.removeViolations { !$0.notEvaluated && $0.rule == rule && $0.file == d.file && $0.line == line }
            }
            if removed == 0 {
                notes.append("\(d.file):\(d.line): `\(d.text)` suppresses nothing; remove it when the code no longer needs it")
            }
        }
        return notes
    }
}
