import PassKit

/// The escape verdicts of one package, indexed for the passes that run after escape (the
/// allocations pass looks verdicts up by position).
public struct EscapeResult: Sendable {
    /// A source position.
    public struct Position: Hashable, Sendable {
        /// Fact path.
        public var file: String
        /// Line.
        public var line: Int
        /// Column.
        public var column: Int

        /// Creates a position.
        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    /// True when an engine produced verdicts for this package.
    public var available: Bool
    /// Every verdict of the package (external ones included), in the engine's order.
    public var facts: [Fact]
    /// Verdicts of in-tree facts by position.
    public var byPosition: [Position: [Fact]]
    private var parameterPositions: Set<Position>

    /// An empty result (engine not available).
    public init() {
        available = false
        facts = []
        byPosition = [:]
        parameterPositions = []
    }

    /// Indexes verdicts; `functions` tells which positions lie in a signature (parameters).
    public init(facts: [Fact], functions: [FunctionRecord]) {
        available = true
        self.facts = facts
        var byPosition: [Position: [Fact]] = [:]
        var parameters = Set<Position>()
        for fact in facts where !fact.external {
            let p = Position(file: fact.file, line: fact.line, column: fact.column)
            byPosition[p, default: []].append(fact)
            if fact.kind == .leakParam || fact.kind == .leakParamContent || fact.kind == .leakResult {
                parameters.insert(p)
            }
        }
        self.byPosition = byPosition
        self.parameterPositions = parameters
    }

    /// The verdicts at a position.
    public func verdicts(at position: Position) -> [Fact] { byPosition[position] ?? [] }

    /// True when a `no-escape` or `moved-to-heap` fact is about a parameter: the same position
    /// also carries a leak verdict, or the caller says it lies in a signature.
    public func isParameterVerdict(_ fact: Fact, inSignature: Bool = false) -> Bool {
        inSignature || parameterPositions.contains(Position(file: fact.file, line: fact.line, column: fact.column))
    }

    /// In-tree verdicts per enclosing function id.
    public var byFunction: [String: [Fact]] {
        Dictionary(grouping: facts.filter { !$0.external && $0.function != nil }, by: { $0.function! })
    }
}
