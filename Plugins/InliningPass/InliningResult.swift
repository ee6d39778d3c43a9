import GCEngine
import PassKit

/// The inliner's decision about one function.
public enum InlineDecision: Sendable, Hashable {
    /// The function can be inlined; cost when the engine reports it.
    case inlinable(cost: Int?)
    /// The function cannot be inlined, with the reason.
    case notInlinable(reason: String)
}

/// What the inlining pass found in one package, for passes that run after it.
public struct InliningResult: Sendable {
    /// Decision per function id (only functions of this package's source with a decision).
    public var decisions: [String: InlineDecision] = [:]
    /// Inlined call sites (`inline-call` facts), with their enclosing function.
    public var inlinedCalls: [Fact] = []
    /// Devirtualized calls (`devirtualize` facts).
    public var devirtualized: [Fact] = []

    /// An empty result (engine not available).
    public init() {}

    /// Builds the result from the pass's facts; a decision belongs to the function whose
    /// reference position (name, receiver `(`, literal `func`) the fact sits on.
    public init(facts: [Fact], index: EnclosingFunctionIndex) {
        for fact in facts where !fact.external {
            switch fact.kind {
            case .canInline, .cannotInline:
                guard let record = index.function(file: fact.file, line: fact.line, column: fact.column),
                      record.line == fact.line, record.column == fact.column else { continue }
                if fact.kind == .canInline {
                    decisions[record.id] = .inlinable(cost: Int(fact.detail.dropFirst("cost=".count)))
                } else if !fact.detail.hasPrefix("into ") {
                    decisions[record.id] = .notInlinable(reason: fact.detail)
                }
            case .inlineCall: inlinedCalls.append(fact)
            case .devirtualize: devirtualized.append(fact)
            default: break
            }
        }
    }
}
