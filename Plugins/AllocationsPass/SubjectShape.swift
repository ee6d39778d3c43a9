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
        if subject.hasPrefix("map[") && subject.hasSuffix("{...}") || subject.hasSuffix("map[]{...}") { return [.makeMap] }
        if subject.hasPrefix("([]byte)(") { return [.stringBytes] }
        if subject.hasPrefix("([]rune)(") { return [.stringRunes] }
        if subject.hasPrefix("string(") { return [.bytesString, .runesString, .runeString] }
        if subject.hasPrefix("&") && subject.hasSuffix("}") { return [.composite] }
        if subject.hasSuffix("{...}") || subject.hasSuffix("{}") {
            // A slice literal has its own backing array; a struct or array literal only
            // allocates when boxed into an interface.
            return subject.hasPrefix("[]") ? [.composite] : [.ifaceConv]
        }
        if isConstant(subject) { return [] }
        if subject.contains(" + ") { return [.concat, .ifaceConv] }
        if isSelector(subject) { return [.methodValue, .ifaceConv] }
        return [.ifaceConv]
    }

    /// Literal numbers, strings, runes and the predeclared constants.
    static func isConstant(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        if first == "\"" || first == "`" || first == "'" { return true }
        if ["true", "false", "nil"].contains(s) { return true }
        if first.isNumber || (first == "-" && s.dropFirst().first?.isNumber == true) {
            return s.allSatisfy { $0.isNumber || $0.isLetter || $0 == "." || $0 == "_" || $0 == "-" || $0 == "+" }
        }
        return false
    }

    /// `a.b` or `a.b.c` made of identifiers only (a method value or a field read).
    static func isSelector(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { p in
            !p.isEmpty && p.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(p.first!.isNumber)
        }
    }
}
