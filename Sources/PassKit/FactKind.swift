/// The stable identifiers of every fact heapsight records. Both engines (`gc` and `native`)
/// emit exactly this vocabulary; the raw values are what users see in exports, SQL and reports,
/// so they never change once published.
public enum FactKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// A function the inliner accepts; detail `cost=N`.
    case canInline = "can-inline"
    /// A function the inliner refuses; detail is the compiler's reason text.
    case cannotInline = "cannot-inline"
    /// A call site that was inlined; subject is the callee.
    case inlineCall = "inline-call"
    /// An interface call rewritten to a concrete method; subject is the call, detail the target.
    case devirtualize
    /// A named variable that lives on the heap.
    case movedToHeap = "moved-to-heap"
    /// An allocating expression whose storage must be on the heap.
    case escapes
    /// An allocating expression that stays on the stack.
    case noEscape = "no-escape"
    /// A parameter whose value reaches the heap.
    case leakParam = "leak-param"
    /// A parameter whose pointed-to contents reach the heap.
    case leakParamContent = "leak-param-content"
    /// A parameter that flows to a result; detail `~r0 level=0`.
    case leakResult = "leak-result"
    /// An allocation site; detail `KIND heap|stack|may depth=N`.
    case alloc
    /// A bounds check the compiler kept; subject `IsInBounds` (an index) or `IsSliceInBounds`
    /// (a slice expression).
    case boundsCheck = "bounds-check"

    public static func < (a: FactKind, b: FactKind) -> Bool { a.rawValue < b.rawValue }

    /// Whether facts of this kind carry the compiler's explanation of their flow (the `-m=2`
    /// blocks printed before them): the verdicts that put something on the heap or leak a
    /// parameter. Both engines attach explanations to exactly these kinds.
    public var carriesExplanation: Bool {
        switch self {
        case .movedToHeap, .escapes, .leakParam, .leakParamContent, .leakResult: true
        case .canInline, .cannotInline, .inlineCall, .devirtualize, .noEscape, .alloc, .boundsCheck: false
        }
    }
}
