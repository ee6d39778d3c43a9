import PassKit
import Reports

/// The fact kinds each rule reads. A rule is evaluated on a package only when every kind it
/// reads was computed there (`PassCoverage`); otherwise it is reported as not evaluated, which
/// fails the check: a gate never passes what it did not look at.
enum RuleFacts {
    /// `alloc.budget`, `alloc.loop-budget`, `alloc.growth`, `directive.noalloc`.
    static let allocationSites: Set<FactKind> = [.alloc]
    /// `moved.budget`.
    static let movedVariables: Set<FactKind> = [.movedToHeap]
    /// `inline.required`, `inline.lost`, `directive.inline` on a function.
    static let inlineVerdicts: Set<FactKind> = [.canInline, .cannotInline]
    /// `directive.inline` on a statement.
    static let inlinedCalls: Set<FactKind> = [.inlineCall]
    /// `directive.noescape` on a statement.
    static let escapes: Set<FactKind> = [.escapes, .movedToHeap]
    /// `directive.noescape` on a function (leaking parameters count too).
    static let escapesAndLeaks: Set<FactKind> = [.escapes, .movedToHeap, .leakParam]
    /// `directive.bce`.
    static let boundsChecks: Set<FactKind> = [.boundsCheck]
    /// `escape.new`: everything `Fact.isHeapEscape` reads.
    static let heapEscapes: Set<FactKind> = [.escapes, .movedToHeap, .alloc]
}

extension EvaluationContext {
    /// Why `kinds` cannot be read on `package` in this run (and, for regressions, in the
    /// baseline run); nil when they can.
    func missing(_ kinds: Set<FactKind>, package: String, baselineToo: Bool = false) -> String? {
        if let reason = model.coverage.missing(kinds, package: package) { return reason }
        if baselineToo, let base = model.baseline, let reason = base.baselineCoverage.missing(kinds, package: package) {
            return "in the baseline run: \(reason)"
        }
        return nil
    }

    /// The violation that says a rule could not be evaluated, and why.
    static func notEvaluated(rule: String, package: String, function: String?, subject: String, what: String,
                             file: String, line: Int, column: Int, reason: String) -> Violation {
        Violation(rule: rule, package: package, function: function, subject: subject, file: file, line: line,
                  column: column, message: "\(what) could not be evaluated: \(reason)",
                  details: ["rule \(rule) needs facts that were not computed, so it is an error rather than a pass"],
                  notEvaluated: true)
    }
}
