/// A `//heapsight:` or `//gcassert:` directive as written in the source, placed on the function
/// or statement it asserts something about. The scan reads directives once (the driver's
/// `DirectiveParser`) and records them with the run; the policy reads them from the store.
public struct Directive: Sendable, Hashable {
    /// What a directive asserts.
    public enum Verb: String, Sendable, Hashable, CaseIterable {
        /// The function is inlinable / the calls on the statement are inlined.
        case inline
        /// Nothing escapes to the heap (on a function: nor does any parameter leak).
        case noescape
        /// No allocation site goes (or may go) to the heap.
        case noalloc
        /// The compiler kept no bounds check (on a function: anywhere in it).
        case bce
        /// Violations of one rule are accepted here, for a stated reason.
        case ignore
    }

    /// Where a directive applies.
    public enum Target: Sendable, Hashable {
        /// A function or method declaration (the directive is in its doc comment).
        case function(String)
        /// The statement or variable declaration on this line, inside this function.
        case statement(function: String, line: Int)
    }

    /// The assertion.
    public var verb: Verb
    /// `heapsight` or `gcassert`.
    public var namespace: String
    /// For `ignore`: the rule id.
    public var rule: String?
    /// For `ignore`: the reason.
    public var reason: String?
    /// File (as facts name it).
    public var file: String
    /// Line of the comment.
    public var line: Int
    /// Column of the comment.
    public var column: Int
    /// Where it applies.
    public var target: Target
    /// The comment text.
    public var text: String

    /// Creates a placed directive.
    public init(verb: Verb, namespace: String, rule: String? = nil, reason: String? = nil, file: String, line: Int,
                column: Int, target: Target, text: String) {
        self.verb = verb
        self.namespace = namespace
        self.rule = rule
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
        self.target = target
        self.text = text
    }

    /// The function the directive belongs to.
    public var function: String {
        switch target {
        case .function(let f): return f
        case .statement(let f, _): return f
        }
    }
}

/// A directive comment heapsight does not check: one that cannot be honoured (misspelled,
/// misplaced, bad arguments: a problem) or one it recognises but leaves to another tool (a
/// note; runs recorded before `//gcassert:bce` was checked hold it as one).
public struct UncheckedDirective: Sendable, Hashable {
    /// File.
    public var file: String
    /// Line.
    public var line: Int
    /// Column.
    public var column: Int
    /// The comment text.
    public var text: String
    /// What is wrong and how to fix it, or why it is not checked.
    public var message: String
    /// The enclosing function, when any (problems only).
    public var function: String?

    /// Creates an unchecked directive.
    public init(file: String, line: Int, column: Int, text: String, message: String, function: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        self.message = message
        self.function = function
    }
}

/// Everything the scan read from the directive comments of some files: placed directives,
/// directives that cannot be honoured, and recognised ones that are not checked, each list in
/// source order (file, then position).
public struct SourceDirectives: Sendable, Hashable {
    /// Valid, placed directives.
    public var directives: [Directive]
    /// Invalid or misplaced directives (rule `directive.invalid`).
    public var problems: [UncheckedDirective]
    /// Recognised directives heapsight does not check.
    public var notes: [UncheckedDirective]

    /// Creates a set of directives (empty by default).
    public init(directives: [Directive] = [], problems: [UncheckedDirective] = [], notes: [UncheckedDirective] = []) {
        self.directives = directives
        self.problems = problems
        self.notes = notes
    }

    /// Appends another file's directives.
    public mutating func append(_ other: SourceDirectives) {
        directives += other.directives
        problems += other.problems
        notes += other.notes
    }
}
