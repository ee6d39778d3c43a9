/// One step of an explanation that points into the source (an escape flow hop).
public struct FlowStep: Sendable, Hashable {
    /// File path relative to the scanned root ("" when unknown).
    public var file: String
    /// 1-based line (0 when unknown).
    public var line: Int
    /// 1-based byte column (0 when unknown).
    public var column: Int
    /// What happens at this step.
    public var message: String

    /// Creates a step.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// A rule that does not hold: what, where, and why.
public struct Violation: Sendable, Hashable {
    /// Rule id (`RuleCatalog`).
    public var rule: String
    /// Import path of the package.
    public var package: String
    /// Function id, when the violation is about a function.
    public var function: String?
    /// What the violation is about (an expression, a variable, a function, a directive); part of
    /// the stable fingerprint, so it never contains a line number.
    public var subject: String
    /// File relative to the scanned root ("" when not tied to a file).
    public var file: String
    /// 1-based line (0 when unknown).
    public var line: Int
    /// 1-based byte column (0 when unknown).
    public var column: Int
    /// One line.
    public var message: String
    /// Explanation lines: cost against budget, the facts counted, the diff against the baseline.
    public var details: [String]
    /// The escape flow, source first, when the violation is about an escape.
    public var flow: [FlowStep]
    /// True when the rule could not be evaluated (the facts it needs were not computed): an
    /// error, not a finding. It fails the check like a violation, is rendered as an error
    /// (JUnit `error`, SARIF `notEvaluated`), and `//heapsight:ignore` does not remove it.
    public var notEvaluated: Bool

    /// Creates a violation.
    public init(rule: String, package: String, function: String? = nil, subject: String, file: String = "",
                line: Int = 0, column: Int = 0, message: String, details: [String] = [], flow: [FlowStep] = [],
                notEvaluated: Bool = false) {
        self.rule = rule
        self.package = package
        self.function = function
        self.subject = subject
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.details = details
        self.flow = flow
        self.notEvaluated = notEvaluated
    }
}

/// One evaluated check: a JUnit test case. A check passes or carries the violations it found.
public struct PolicyCheck: Sendable, Hashable {
    /// Import path of the package.
    public var package: String
    /// Function id when the check is about a function; nil for package-level checks.
    public var function: String?
    /// Rule id.
    public var rule: String
    /// Unique and stable name within the package (no line numbers): `F alloc.budget`,
    /// `(*T).M directive.noalloc`, `package alloc.budget`.
    public var name: String
    /// File relative to the scanned root, for annotations.
    public var file: String
    /// Line for annotations (0 when unknown).
    public var line: Int
    /// Violations found (empty when the check passes).
    public var violations: [Violation]

    /// Creates a check.
    public init(package: String, function: String?, rule: String, name: String, file: String = "",
                line: Int = 0, violations: [Violation] = []) {
        self.package = package
        self.function = function
        self.rule = rule
        self.name = name
        self.file = file
        self.line = line
        self.violations = violations
    }

    /// True when no violation was found and the rule could be evaluated.
    public var passed: Bool { violations.isEmpty }
    /// True when the check failed only because its rule could not be evaluated.
    public var notEvaluated: Bool { !violations.isEmpty && violations.allSatisfy(\.notEvaluated) }
}

/// The result of evaluating a policy on one run.
public struct PolicyEvaluation: Sendable, Hashable {
    /// Every check, sorted by package then name.
    public var checks: [PolicyCheck]
    /// Diagnostics about the evaluation itself that are not violations (notes such as an
    /// `//heapsight:ignore` that suppresses nothing).
    public var notes: [String]

    /// Creates an evaluation; checks are put in canonical order.
    public init(checks: [PolicyCheck], notes: [String] = []) {
        self.checks = checks.sorted { ($0.package, $0.name) < ($1.package, $1.name) }
        self.notes = notes
    }

    /// All violations in check order.
    public var violations: [Violation] { checks.flatMap(\.violations) }
    /// True when at least one rule is violated or could not be evaluated.
    public var failed: Bool { checks.contains { !$0.passed } }
    /// The checks whose rule could not be evaluated.
    public var notEvaluated: [PolicyCheck] { checks.filter(\.notEvaluated) }
}
