import Foundation

/// Why a compiler flow explanation has no identical native block, decided by the first line
/// where it differs from the closest native block with the same header (the one sharing the
/// longest run of leading lines).
enum FlowDifference: String, CaseIterable, Hashable {
    /// The path runs through a shaped generic body (`F[go.shape.int]`, its `.dict`), not yet built.
    case shaped = "shaped generic body"
    /// No native block explains the same subject at the same position.
    case missingBlock = "missing block"
    /// The same subject is explained with another sink or derefs in the header.
    case header = "header (sink or derefs)"
    /// A `flow:` line names other locations: the walk found another path.
    case pathChosen = "path chosen"
    /// A `flow:` line with the same locations but other `&`/`*` operators.
    case derefCount = "deref count"
    /// The lines differ only in the numbers of `.autotmp_N` temporaries.
    case temporaryName = "temp name"
    /// A `from` line whose node text differs (the statement or expression printed).
    case statementText = "statement text"
    /// A `from` line whose reason in parentheses differs.
    case noteReason = "note reason"
    /// A `from` line that differs only in its `at` position.
    case position = "position"
    /// One block has a `flow:` line where the other has a `from` line: a note more or less.
    case noteCount = "note count"
    /// One block ends where the other goes on: a shorter or longer path.
    case pathLength = "path length"

    /// The header without its sink and derefs: the position, the subject and the function.
    static func looseHeader(_ header: Substring) -> String {
        var h = String(header)
        if let leaks = h.range(of: " leaks to "), let forFn = h.range(of: " for ", range: leaks.upperBound..<h.endIndex) {
            h.replaceSubrange(leaks.lowerBound..<forFn.upperBound, with: " leaks for ")
        }
        if let d = h.range(of: " with derefs=", options: .backwards) { h = String(h[..<d.lowerBound]) }
        return h
    }

    /// The cause of a compiler block's difference and the native block it was compared with.
    static func classify(_ block: String, sameHeader: [String], sameSubject: [String]) -> (FlowDifference, String?) {
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.contains(where: { $0.contains("go.shape.") || $0.contains(".dict") }) { return (.shaped, sameHeader.first) }
        if sameHeader.isEmpty { return sameSubject.isEmpty ? (.missingBlock, nil) : (.header, sameSubject[0]) }
        var best: (cause: FlowDifference, at: Int, block: String)? = nil
        for other in sameHeader {
            let (cause, at) = firstDifference(lines, other.split(separator: "\n", omittingEmptySubsequences: false))
            if best == nil || at > best!.at { best = (cause, at, other) }
        }
        return (best!.cause, best!.block)
    }

    private static func firstDifference(_ c: [Substring], _ n: [Substring]) -> (FlowDifference, Int) {
        for i in 0..<max(c.count, n.count) {
            guard i < c.count, i < n.count else { return (.pathLength, i) }
            let a = c[i], b = n[i]
            if a == b { continue }
            if withoutTemporaryNumbers(a) == withoutTemporaryNumbers(b) { return (.temporaryName, i) }
            let ma = FlowAgreement.message(of: a) ?? a, mb = FlowAgreement.message(of: b) ?? b
            let fa = ma.trimmingPrefix(while: { $0 == " " }), fb = mb.trimmingPrefix(while: { $0 == " " })
            switch (fa.hasPrefix("flow:"), fb.hasPrefix("flow:")) {
            case (true, true):
                return (withoutOperators(fa) == withoutOperators(fb) ? .derefCount : .pathChosen, i)
            case (false, false):
                let (wa, ra, pa) = noteParts(fa), (wb, rb, pb) = noteParts(fb)
                if wa == wb && ra == rb && pa != pb { return (.position, i) }
                if ra != rb { return (.noteReason, i) }
                return (.statementText, i)
            default:
                return (.noteCount, i)
            }
        }
        return (.pathLength, 0)
    }

    /// `.autotmp_12` → `.autotmp_`.
    static func withoutTemporaryNumbers(_ s: Substring) -> String {
        var out = ""
        var rest = s[...]
        while let r = rest.range(of: ".autotmp_") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...].drop(while: \.isNumber)
        }
        return out + rest
    }

    /// `flow: A ← &B:` → `flow: A ← B:`.
    private static func withoutOperators(_ s: Substring) -> String {
        guard let arrow = s.range(of: "← ") else { return String(s) }
        return String(s[..<arrow.upperBound] + s[arrow.upperBound...].drop(while: { $0 == "&" || $0 == "*" }))
    }

    /// `from WHERE (WHY) at POS` → (WHERE, WHY, POS).
    private static func noteParts(_ s: Substring) -> (Substring, Substring, Substring) {
        guard let at = s.range(of: ") at ", options: .backwards) else { return (s, "", "") }
        let head = s[..<at.lowerBound]
        guard let open = head.range(of: " (", options: .backwards) else { return (head, "", s[at.upperBound...]) }
        return (head[..<open.lowerBound], head[open.upperBound...], s[at.upperBound...])
    }
}
