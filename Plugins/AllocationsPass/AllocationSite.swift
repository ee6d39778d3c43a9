import PassKit

/// One allocation site: what allocates, where, whether on the heap, and how deep in loops.
public struct AllocationSite: Sendable, Hashable {
    /// The kind of allocation.
    public var kind: AllocationKind
    /// Heap, stack, or run-time dependent.
    public var placement: Placement
    /// Fact path.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based byte column; 0 when only the line is known.
    public var column: Int
    /// The expression as the compiler renders it, or the run-time call for sites the
    /// compiler's text does not print.
    public var subject: String
    /// Number of loops around the site inside its function.
    public var loopDepth: Int
    /// Id of the enclosing function.
    public var function: String
    /// Why: the escape explanation and the run-time call the compiler emitted.
    public var explanation: [String]
    /// True when the position lies outside the scanned tree (code inlined from elsewhere).
    public var external: Bool
    /// Heap allocations one execution of the site makes when it allocates (2 for a buffered
    /// channel whose elements hold pointers: the channel and its buffer; 1 otherwise).
    public var allocations: Int = 1

    /// The `alloc` fact of this site: detail `KIND heap|stack|may depth=N`.
    public var fact: Fact {
        Fact(kind: .alloc, file: file, line: line, column: column, subject: subject,
             detail: "\(kind.rawValue) \(placement.rawValue) depth=\(loopDepth)", function: function,
             explanation: explanation, external: external)
    }
}
