import PassKit

/// The inliner's decision about one function.
public enum InlineDecision: Sendable, Hashable, Codable {
    /// The function can be inlined; cost when the engine reports it.
    case inlinable(cost: Int?)
    /// The function cannot be inlined, with the reason.
    case notInlinable(reason: String)

    /// The decision a `can-inline` / `cannot-inline` fact states; nil for other facts and for
    /// the `cannot inline F into G` lines, which are about a call, not the function.
    public init?(fact: Fact) {
        switch fact.kind {
        case .canInline: self = .inlinable(cost: fact.inlineCost?.cost)
        case .cannotInline where !fact.detail.hasPrefix("into "): self = .notInlinable(reason: fact.detail)
        default: return nil
        }
    }
}

/// What the inlining pass found in one package, for passes that run after it.
public struct InliningResult: Sendable {
    /// Decision per function id (only functions of this package's source with a decision).
    public var decisions: [String: InlineDecision] = [:]
    /// Inlined call sites (`inline-call` facts), with their enclosing function.
    public var inlinedCalls: [Fact] = []
    /// Devirtualized calls (`devirtualize` facts).
    public var devirtualized: [Fact] = []
    /// The decision about the callee of each inlined call whose callee this package or a direct
    /// import declares, keyed by the call's subject as the compiler prints it (`(*Buffer).Len`
    /// in the callee's own package, `errors.New` from an import). Imported callees are read from
    /// the imports' summaries (`InliningPass.summaryKind`); calls into packages this run did not
    /// analyse have none.
    public var calleeDecisions: [String: InlineDecision] = [:]

    /// An empty result (engine not available).
    public init() {}

    /// Builds the result from the pass's facts; a decision belongs to the function whose
    /// reference position (name, receiver `(`, literal `func`) the fact sits on.
    public init(facts: [Fact], index: EnclosingFunctionIndex) {
        // Sized once: grown by doubling, the table would rehash every function id it holds.
        decisions.reserveCapacity(facts.reduce(0) { $0 + ($1.kind == .canInline || $1.kind == .cannotInline ? 1 : 0) })
        for fact in facts where !fact.external {
            switch fact.kind {
            case .canInline, .cannotInline:
                guard let record = index.function(file: fact.file, line: fact.line, column: fact.column),
                      record.line == fact.line, record.column == fact.column,
                      let decision = InlineDecision(fact: fact) else { continue }
                decisions[record.id] = decision
            case .inlineCall: inlinedCalls.append(fact)
            case .devirtualize: devirtualized.append(fact)
            default: break
            }
        }
    }
}
