import PassKit

/// What one `-m` message says, in heapsight's fact vocabulary.
///
/// The mapping (the same rule the independent normalizer under `Tests/Oracles/mnormalize`
/// applies to the raw text):
///
/// | compiler text | kind | subject | detail |
/// |---|---|---|---|
/// | `can inline F with cost N as: …` | can-inline | F | `cost=N` |
/// | `can inline F` | can-inline | F | — |
/// | `cannot inline G into F: REASON` | cannot-inline | G | `into F: REASON` |
/// | `cannot inline F: REASON` | cannot-inline | F | REASON |
/// | `inlining call to F` | inline-call | F | — |
/// | `devirtualizing X to T` | devirtualize | X | T |
/// | `partially devirtualizing X to T` | devirtualize | X | `T partial` |
/// | `moved to heap: x` | moved-to-heap | x | — |
/// | `X escapes to heap` | escapes | X | — |
/// | `X does not escape` | no-escape | X | — |
/// | `leaking param: p` | leak-param | p | — |
/// | `leaking param content: p` | leak-param-content | p | — |
/// | `leaking param: p to result R level=N` | leak-result | p | `R level=N` |
/// | `Found IsInBounds` (with `-d=ssa/check_bce/debug=1`) | bounds-check | `IsInBounds` | — |
/// | `Found IsSliceInBounds` | bounds-check | `IsSliceInBounds` | — |
public enum CompilerMessage: Sendable, Hashable {
    /// A verdict that becomes a fact.
    case verdict(kind: FactKind, subject: String, detail: String)
    /// The first line of a `-m=2` explanation; `subject` is the variable, expression or
    /// parameter the explanation is about.
    case explanationHeader(subject: String)
    /// A continuation line of the current explanation (it starts with spaces).
    case explanationLine
    /// A `F capturing by value|ref: x (…)` line; `subject` is the captured variable.
    case capture(subject: String)
    /// Anything else (`index bounds check elided`, compiler errors, …).
    case other

    /// Classifies a message (the text after the position).
    public static func classify(_ m: String) -> CompilerMessage {
        if m.hasPrefix(" ") { return .explanationLine }
        if m.hasPrefix("can inline ") {
            let rest = m.dropFirst("can inline ".count)
            if let r = rest.asciiRange(of: " with cost ") {
                let name = String(rest[..<r.lowerBound])
                let digits = rest[r.upperBound...].prefix { $0.isNumber }
                return .verdict(kind: .canInline, subject: name, detail: Fact.inlineCostPrefix + digits)
            }
            return .verdict(kind: .canInline, subject: String(rest), detail: "")
        }
        if m.hasPrefix("cannot inline ") {
            let rest = m.dropFirst("cannot inline ".count)
            if let colon = rest.asciiRange(of: ": ") {
                let name = rest[..<colon.lowerBound]
                let reason = String(rest[colon.upperBound...])
                if let into = name.asciiRange(of: " into ") {
                    return .verdict(kind: .cannotInline, subject: String(name[..<into.lowerBound]),
                                    detail: "into \(name[into.upperBound...]): \(reason)")
                }
                return .verdict(kind: .cannotInline, subject: String(name), detail: reason)
            }
            return .other
        }
        if m.hasPrefix("inlining call to ") {
            return .verdict(kind: .inlineCall, subject: String(m.dropFirst("inlining call to ".count)), detail: "")
        }
        for (prefix, suffix) in [("devirtualizing ", ""), ("partially devirtualizing ", " partial")] where m.hasPrefix(prefix) {
            let rest = m.dropFirst(prefix.count)
            guard let to = rest.asciiRange(of: " to ", backwards: true) else { return .other }
            return .verdict(kind: .devirtualize, subject: String(rest[..<to.lowerBound]),
                            detail: String(rest[to.upperBound...]) + suffix)
        }
        if m == "Found IsInBounds" || m == "Found IsSliceInBounds" {
            return .verdict(kind: .boundsCheck, subject: String(m.dropFirst("Found ".count)), detail: "")
        }
        if m.hasPrefix("moved to heap: ") {
            return .verdict(kind: .movedToHeap, subject: String(m.dropFirst("moved to heap: ".count)), detail: "")
        }
        if m.hasPrefix("leaking param content: ") {
            return .verdict(kind: .leakParamContent, subject: String(m.dropFirst("leaking param content: ".count)), detail: "")
        }
        if m.hasPrefix("leaking param: ") {
            let rest = m.dropFirst("leaking param: ".count)
            if let r = rest.asciiRange(of: " to result ") {
                return .verdict(kind: .leakResult, subject: String(rest[..<r.lowerBound]),
                                detail: String(rest[r.upperBound...]))
            }
            return .verdict(kind: .leakParam, subject: String(rest), detail: "")
        }
        if m.hasSuffix(" escapes to heap") {
            return .verdict(kind: .escapes, subject: String(m.dropLast(" escapes to heap".count)), detail: "")
        }
        if m.hasSuffix(" does not escape") {
            return .verdict(kind: .noEscape, subject: String(m.dropLast(" does not escape".count)), detail: "")
        }
        if m.hasSuffix(":") {
            if let r = m.asciiRange(of: " escapes to heap in ") {
                return .explanationHeader(subject: String(m[..<r.lowerBound]))
            }
            if m.hasPrefix("parameter "), let r = m.asciiRange(of: " leaks to ") {
                return .explanationHeader(subject: String(m[m.index(m.startIndex, offsetBy: "parameter ".count)..<r.lowerBound]))
            }
        }
        for marker in [" capturing by value: ", " capturing by ref: "] {
            if let r = m.asciiRange(of: marker) {
                let rest = m[r.upperBound...]
                let name = rest.split(separator: " ", maxSplits: 1).first.map(String.init) ?? String(rest)
                return .capture(subject: name)
            }
        }
        return .other
    }
}
