/// The kind of a `-m` line; the raw value is a stable identifier (wording may change, ids may not).
public enum VerdictKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// `moved to heap: x`.
    case movedToHeap = "moved-to-heap"
    /// `EXPR escapes to heap`.
    case escapes = "escapes"
    /// `EXPR does not escape`.
    case noEscape = "no-escape"
    /// `leaking param: p`.
    case leakParam = "leak-param"
    /// `leaking param content: p`.
    case leakParamContent = "leak-param-content"
    /// `leaking param: p to result ~r0 level=N`.
    case leakResult = "leak-result"
    /// `p does not escape` (a parameter).
    case parameterNoEscape = "param-no-escape"
    /// `mutates param: p derefs=N` (`-d=escapemutationscalls=1`).
    case mutatesParam = "mutates-param"
    /// `calls param: p derefs=N` (`-d=escapemutationscalls=1`).
    case callsParam = "calls-param"
    /// `p does not escape, mutate, or call` (`-d=escapemutationscalls=1`).
    case parameterUntouched = "param-untouched"
    /// `assuming p is unsafe uintptr` (bodyless functions).
    case assumingUnsafeUintptr = "assuming-unsafe-uintptr"
    /// `marking p as escaping uintptr` / `...uintptr` (`//go:uintptrescapes`).
    case markingEscapingUintptr = "marking-escaping-uintptr"
    /// `zero-copy string->[]byte conversion`.
    case zeroCopy = "zero-copy"
}

/// One `-m` line: where, what kind, and the compiler's exact text.
public struct EscapeVerdict: Sendable, Hashable, Codable {
    /// The line's position.
    public var position: SourcePosition
    /// The kind.
    public var kind: VerdictKind
    /// The subject: a variable or parameter name, or the expression text.
    public var subject: String
    /// The compiler's text, without the position.
    public var text: String
    /// The location judged, when there is one.
    public var location: LocationID?

    /// `POS: TEXT`.
    public var line: String { "\(position): \(text)" }
}
