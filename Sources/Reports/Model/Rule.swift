/// A policy rule: the stable id users see in JUnit `failure@type`, SARIF `ruleId` and
/// `//heapsight:ignore RULE` directives, with the words that explain it.
public struct Rule: Sendable, Hashable {
    /// Stable id, e.g. `escape.new`. Never changes once published.
    public let id: String
    /// A CamelCase name for SARIF (`NewHeapEscape`).
    public let name: String
    /// One line.
    public let shortDescription: String
    /// One paragraph: what is checked and how to fix it.
    public let fullDescription: String
}

/// The closed catalog of rules heapsight checks.
public enum RuleCatalog {
    /// Heap allocation sites over the budget of a package or function.
    public static let allocBudget = Rule(
        id: "alloc.budget", name: "HeapSiteBudget",
        shortDescription: "More heap allocation sites than the budget allows.",
        fullDescription: "The package or function has more allocation sites whose storage goes to the heap than `max-heap-sites` in the matching `policy.budgets` entry. Remove allocations (reuse buffers, avoid interface conversions, keep pointers local) or raise the budget.")
    /// Heap allocation sites inside loops over the budget.
    public static let allocLoopBudget = Rule(
        id: "alloc.loop-budget", name: "HeapSiteInLoopBudget",
        shortDescription: "More heap allocation sites inside loops than the budget allows.",
        fullDescription: "Heap allocations inside loops run once per iteration. The package or function has more of them than `max-heap-sites-in-loops` allows. Hoist the allocation out of the loop or reuse storage across iterations.")
    /// Moved-to-heap variables over the budget.
    public static let movedBudget = Rule(
        id: "moved.budget", name: "MovedToHeapBudget",
        shortDescription: "More variables moved to the heap than the budget allows.",
        fullDescription: "The compiler moved more named variables to the heap than `max-moved-to-heap` allows. A variable moves to the heap when its address outlives the function (stored, returned, captured by an escaping closure).")
    /// A function listed under `must-inline` that the inliner refuses.
    public static let inlineRequired = Rule(
        id: "inline.required", name: "MustInline",
        shortDescription: "A function that must be inlinable is not.",
        fullDescription: "The function matches `policy.must-inline` but the inliner refuses it; the failure shows the reason and the cost against the budget. Make the function cheaper or split the slow path into a separate function.")
    /// `//heapsight:inline` or `//gcassert:inline` not honoured.
    public static let directiveInline = Rule(
        id: "directive.inline", name: "InlineDirective",
        shortDescription: "An inline directive does not hold.",
        fullDescription: "A `//heapsight:inline` (or `//gcassert:inline`) directive asserts that the function is inlinable, or that the calls on the statement are inlined. The compiler decided otherwise.")
    /// `//heapsight:noescape` or `//gcassert:noescape` not honoured.
    public static let directiveNoEscape = Rule(
        id: "directive.noescape", name: "NoEscapeDirective",
        shortDescription: "A noescape directive does not hold.",
        fullDescription: "A `//heapsight:noescape` (or `//gcassert:noescape`) directive asserts that nothing escapes to the heap: no escaping expression, no variable moved to the heap and, on a function, no leaking parameter. The failure shows the flow that makes the value escape.")
    /// `//heapsight:noalloc` not honoured.
    public static let directiveNoAlloc = Rule(
        id: "directive.noalloc", name: "NoAllocDirective",
        shortDescription: "A noalloc directive does not hold.",
        fullDescription: "A `//heapsight:noalloc` directive asserts that the function or statement has no allocation site whose storage is, or may be, on the heap. The failure lists the sites.")
    /// `//gcassert:bce` or `//heapsight:bce` not honoured.
    public static let directiveBCE = Rule(
        id: "directive.bce", name: "BoundsCheckEliminationDirective",
        shortDescription: "A bce directive does not hold: the compiler kept a bounds check.",
        fullDescription: "A `//gcassert:bce` (or `//heapsight:bce`) directive asserts that the compiler removed every bounds check of the statement (on a function: of the whole function, literals included). The compiler kept the checks listed (`IsInBounds` for an index, `IsSliceInBounds` for a slice expression). Prove the index in range first (`_ = s[n-1]` before a loop up to n, iterate with `range`, re-slice to a known length) or drop the directive. It is checked with `engine: gc` only; under the native engine it cannot be evaluated, which fails the check.")
    /// A directive that is misspelled, misplaced or lacks its arguments.
    public static let directiveInvalid = Rule(
        id: "directive.invalid", name: "InvalidDirective",
        shortDescription: "A heapsight or gcassert directive is invalid.",
        fullDescription: "A `//heapsight:` or `//gcassert:` comment is misspelled, placed where it asserts nothing, or lacks its arguments (`//heapsight:ignore` needs a known rule id and a reason). Invalid directives are errors so that an assertion never passes silently.")
    /// A heap escape absent from the baseline run.
    public static let escapeNew = Rule(
        id: "escape.new", name: "NewHeapEscape",
        shortDescription: "A new heap escape compared with the baseline run.",
        fullDescription: "The function has a heap escape (an escaping expression, a variable moved to the heap, or a heap allocation site) that the baseline run did not have. The failure shows the flow that makes the value escape.")
    /// A function that was inlinable in the baseline and no longer is.
    public static let inlineLost = Rule(
        id: "inline.lost", name: "InliningLost",
        shortDescription: "A function stopped being inlinable compared with the baseline run.",
        fullDescription: "The function was inlinable in the baseline run and the inliner now refuses it; the failure shows the new reason and the cost against the budget.")
    /// Growth of heap sites beyond the allowed amount.
    public static let allocGrowth = Rule(
        id: "alloc.growth", name: "HeapSiteGrowth",
        shortDescription: "Heap allocation sites grew beyond the allowed amount.",
        fullDescription: "The function has more heap allocation sites than in the baseline run, by more than `regressions.max-heap-site-growth`.")
    /// A function or package taking more of the profiled allocations than its budget.
    public static let allocHotBudget = Rule(
        id: "alloc.hot-budget", name: "HotAllocationBudget",
        shortDescription: "A function takes a larger share of the profiled allocations than its budget allows.",
        fullDescription: "The heap sites of the function (or package) account for more of the bytes allocated in the run's heap profile (`scan --profile`) than `max-hot-share` percent in the matching `policy.budgets` entry. Fix its heaviest sites first (`heapsight explain` lists them with a remedy) or raise the budget. A run without a heap profile fails this rule, because it cannot be checked.")
    /// A package that could not be analysed.
    public static let packageFailed = Rule(
        id: "package.failed", name: "PackageNotAnalysed",
        shortDescription: "A package could not be analysed.",
        fullDescription: "The package failed to load, parse or compile, so none of its assertions could be checked. A check never passes over a package it could not analyse; fix the build error shown in the failure.")

    /// Every rule, in id order.
    public static let all: [Rule] = [
        allocBudget, allocGrowth, allocHotBudget, allocLoopBudget, directiveBCE, directiveInline, directiveInvalid, directiveNoAlloc,
        directiveNoEscape, escapeNew, inlineLost, inlineRequired, movedBudget, packageFailed,
    ].sorted { $0.id < $1.id }

    /// The rule with this id.
    public static func rule(id: String) -> Rule? { all.first { $0.id == id } }
}
