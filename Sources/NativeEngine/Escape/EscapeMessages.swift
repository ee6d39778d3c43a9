import EscapeGraph

/// The lines escape analysis prints for a sequence of batches, kept batch by batch: which
/// explanations explain which verdict depends on the batch that printed them
/// (`ExplanationSegments`).
public struct EscapeMessages: Sendable {
    /// Where one batch's lines end in the three arrays.
    public struct BatchEnd: Sendable, Hashable {
        public var verdicts: Int
        public var explanations: Int
        public var captures: Int
    }

    /// Verdict lines (moved to heap, escapes, does not escape, leaking param, ...).
    public private(set) var verdicts: [EscapeVerdict] = []
    /// Flow explanations, in the order the compiler prints them.
    public private(set) var explanations: [FlowExplanation] = []
    /// Closure capture decisions (`F capturing by value: x`), in the compiler's order.
    public private(set) var captures: [CaptureDecision] = []
    /// The end of each batch's lines, in solving order.
    public private(set) var batchEnds: [BatchEnd] = []

    /// No batch yet.
    public init() {}

    /// Appends one solved batch's lines.
    mutating func append(_ batch: EscapeBatchResult) {
        verdicts += batch.verdicts
        explanations += batch.explanations
        captures += batch.captures
        batchEnds.append(BatchEnd(verdicts: verdicts.count, explanations: explanations.count, captures: captures.count))
    }

    /// Appends the batches of `other`, after this one's.
    mutating func append(contentsOf other: EscapeMessages) {
        let base = BatchEnd(verdicts: verdicts.count, explanations: explanations.count, captures: captures.count)
        verdicts += other.verdicts
        explanations += other.explanations
        captures += other.captures
        batchEnds += other.batchEnds.map {
            BatchEnd(verdicts: base.verdicts + $0.verdicts, explanations: base.explanations + $0.explanations,
                     captures: base.captures + $0.captures)
        }
    }

    /// The lines of each batch, in order: index ranges into the three arrays.
    public var batches: [(verdicts: Range<Int>, explanations: Range<Int>, captures: Range<Int>)] {
        var start = BatchEnd(verdicts: 0, explanations: 0, captures: 0)
        return batchEnds.map { end in
            defer { start = end }
            return (start.verdicts..<end.verdicts, start.explanations..<end.explanations, start.captures..<end.captures)
        }
    }
}
