/// A `//heapsight:` or `//gcassert:` directive as written in the source.
public struct Directive: Sendable, Hashable {
    /// What a directive asserts.
    public enum Verb: String, Sendable, Hashable, CaseIterable {
        /// The function is inlinable / the calls on the statement are inlined.
        case inline
        /// Nothing escapes to the heap (on a function: nor does any parameter leak).
        case noescape
        /// No allocation site goes (or may go) to the heap.
        case noalloc
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

    /// The function the directive belongs to.
    public var function: String {
        switch target {
        case .function(let f): return f
        case .statement(let f, _): return f
        }
    }
}

/// A directive that cannot be honoured: misspelled, misplaced, or with bad arguments.
public struct DirectiveProblem: Sendable, Hashable {
    /// File.
    public var file: String
    /// Line.
    public var line: Int
    /// Column.
    public var column: Int
    /// The comment text.
    public var text: String
    /// What is wrong and how to fix it.
    public var message: String
    /// The enclosing function, when any.
    public var function: String?
}
