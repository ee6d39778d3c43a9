import PassKit

/// What the compiler's rendering of an allocating expression (`&T{...}`, `make([]int, n)`,
/// `string(b)`, `a + b`, `func literal`, …) says about its kind. Text is all the compiler gives
/// for a verdict; where the text alone cannot decide (a selector `x.f` boxed into an interface
/// looks like a method value `x.M`), the candidates are all listed and the assembly decides.
enum SubjectShape {
    /// The candidate kinds for an `escapes` / `no-escape` subject, most likely first; empty for
    /// constants (boxing a constant uses read-only data and never allocates).
    static func kinds(of subject: String) -> [AllocationKind] {
        if subject == "func literal" { return [.closure] }
        if subject == "append" { return [.appendGrow] }
        if subject == "... argument" { return [.composite] }
        if subject.hasPrefix("new(") { return [.new] }
        if subject.hasPrefix("make([]") { return [.makeSlice] }
        if subject.hasPrefix("make(map[") { return [.makeMap] }
        if subject.hasPrefix("make(chan") { return [.makeChan] }
        if subject.hasPrefix("make("), subject.hasSuffix(")"), let arguments = topLevelParts(subject.dropFirst(5).dropLast(), separator: ",") {
            // A named type: three arguments make a slice; two a slice, map or channel; one a
            // map or channel (a slice needs a length).
            switch arguments.count {
            case 3: return [.makeSlice]
            case 2: return [.makeSlice, .makeMap, .makeChan]
            default: return [.makeMap, .makeChan]
            }
        }
        if subject.hasPrefix("map[") && (subject.hasSuffix("{...}") || subject.hasSuffix("{}")) { return [.makeMap] }
        if subject == "([]byte)(nil)" || subject == "([]rune)(nil)" { return [] }  // a nil slice: no storage
        if subject.hasPrefix("([]byte)(") { return [.stringBytes] }
        if subject.hasPrefix("([]rune)(") { return [.stringRunes] }
        if subject.hasPrefix("string(") { return [.bytesString, .runesString, .runeString] }
        if subject.hasPrefix("&") && subject.hasSuffix("}") { return [.composite] }
        if subject.hasSuffix("{}") && !subject.hasPrefix("[]") && !subject.hasPrefix("map[") {
            return []  // `T{}`: the zero value, boxed from read-only data (or zerobase)
        }
        if subject.hasSuffix("{...}") || subject.hasSuffix("{}") {
            // A slice literal has its own backing array; a struct or array literal only
            // allocates when boxed into an interface; a literal of a named slice or map type
            // (`IP{...}`, `FuncMap{...}`) allocates its array or creates its map (the call on
            // its line says which).
            return subject.hasPrefix("[]") ? [.composite] : [.ifaceConv, .composite, .makeMap]
        }
        if isConstant(subject) || isConstantConversion(subject) { return [] }
        if (topLevelParts(Substring(subject), separator: "+")?.count ?? 0) > 1 { return [.concat, .ifaceConv] }
        if isSelector(subject) || isSelection(subject) { return [.methodValue, .ifaceConv] }
        return [.ifaceConv]
    }

    /// `[]T{}`: a slice literal without elements.
    static func isEmptySliceLiteral(_ s: String) -> Bool { s.hasPrefix("[]") && s.hasSuffix("{}") }

    /// Literal numbers, strings, runes and the predeclared constants.
    static func isConstant(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        if first == "\"" || first == "`" || first == "'" { return isOneLiteral(s) }
        if ["true", "false", "nil"].contains(s) { return true }
        if first.isNumber || (first == "-" && s.dropFirst().first?.isNumber == true) {
            return s.allSatisfy { $0.isNumber || $0.isLetter || $0 == "." || $0 == "_" || $0 == "-" || $0 == "+" }
        }
        return false
    }

    /// `T(constant)`, `pkg.T(constant)` or `(interface {})(constant)`, the constant possibly a
    /// conversion itself (`any(uint8(3))`, `I(T(7))`): a conversion of a literal constant, which
    /// is boxed from read-only data. (A call of a function with one constant argument reads the
    /// same; the text cannot tell them apart, and conversions are by far the more common.)
    static func isConstantConversion(_ s: String) -> Bool {
        guard s.hasSuffix(")"), let open = conversionOpen(s) else { return false }
        let argument = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
        // A shortened argument (`f("…", ... argument...)`) may hide further arguments.
        guard !argument.hasSuffix("...") else { return false }
        return isConstant(argument) || isConstantConversion(argument)
    }

    /// The `(` opening the operand of a conversion text: after a type name (`T`, `pkg.T`) or
    /// after a parenthesised type (`(interface {})`, `(*T)`); nil for anything else.
    private static func conversionOpen(_ s: String) -> String.Index? {
        guard s.first == "(" else {
            guard let open = s.firstIndex(of: "(") else { return nil }
            let callee = String(s[..<open])
            return isSelector(callee) || (!callee.isEmpty && isSelector("p." + callee)) ? open : nil
        }
        var depth = 0
        for i in s.indices {
            if s[i] == "(" { depth += 1 } else if s[i] == ")" {
                depth -= 1
                if depth == 0 {
                    let next = s.index(after: i)
                    return next < s.endIndex && s[next] == "(" ? next : nil
                }
            }
        }
        return nil
    }

    /// `a.b` or `a.b.c` made of identifiers only (a method value or a field read).
    static func isSelector(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { p in
            !p.isEmpty && p.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(p.first!.isNumber)
        }
    }

    /// `X.name` where `X` is an expression other than an identifier chain: a parenthesised
    /// value (`(~r0).Flush`), a conversion or call result (`metricReader(read).compute`), a
    /// literal (`T{...}.M`) or an element (`a[i].f`); like a selector, a method value or a field.
    static func isSelection(_ s: String) -> Bool {
        guard !s.contains(" "), let parts = topLevelParts(Substring(s), separator: "."), parts.count >= 2,
              let last = parts.last, isSelector("x." + last), let end = parts[parts.count - 2].last else { return false }
        return end == ")" || end == "}" || end == "]"
    }

    /// True when the whole text is one quoted literal (`"a + b"`, not `"a" + b`).
    static func isOneLiteral(_ s: String) -> Bool {
        guard let quote = s.first, s.count >= 2 else { return false }
        // The compiler shortens long texts with a trailing `...`.
        let truncated = s.hasSuffix("...") && !s.dropFirst().dropLast(3).hasSuffix(String(quote))
        guard truncated || s.last == quote else { return false }
        var escaped = false
        for c in s.dropFirst().dropLast(truncated ? 3 : 1) {
            if escaped { escaped = false; continue }
            if c == "\\" && quote != "`" { escaped = true; continue }
            if c == quote { return false }
        }
        return true
    }

    /// The parts of `text` split at `separator` outside brackets, parentheses, braces and
    /// quotes; nil when the brackets do not balance.
    static func topLevelParts(_ text: Substring, separator: Character) -> [Substring]? {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var escaped = false
        var start = text.startIndex
        for i in text.indices {
            let c = text[i]
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q != "`" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "`", "'": quote = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1; if depth < 0 { return nil }
            case separator where depth == 0:
                parts.append(text[start..<i])
                start = text.index(after: i)
            default: break
            }
        }
        guard depth == 0, quote == nil else { return nil }
        parts.append(text[start...])
        return parts
    }
}
