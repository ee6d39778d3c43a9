// Names of function literals copied by inlining.
//
// Inlining a body that holds a function literal makes a new closure in the function compiled,
// and the compiler names it after the inlined function that held the literal: that function's
// name, then `.funcN` when the function compiled is a declared function (or any function that
// is not itself a closure), `.N` when it is a closure, a `go`/`defer` wrapper or a range-over-func
// body; `N` is the literal's number in the inlined body. A literal written inside the copied
// literal is read again with the copy as its enclosing closure, so it is named after the
// copy: the copy's name, `.`, its number (`f.func1` copied into `main` holds `f.func1.1`).
// Calling such a nested copy inlined somewhere else names its copy after it in turn
// (`main.func5.func1.func1`).

extension IRFunctionKind {
    /// True for the functions the compiler makes closures (literals, `go`/`defer` wrappers,
    /// range-over-func bodies): literals copied into them are numbered `.N`, not `.funcN`.
    public var isClosure: Bool {
        switch self {
        case .literal, .goDeferWrapper, .rangeBody: return true
        case .declared, .packageInit, .instanceWrapper, .methodWrapper: return false
        }
    }
}

/// The compiler's names of function literals copied by inlining (see the essay above).
public enum CopiedLiteralNames {
    /// The name of a copy of `name`, a literal of an inlined function (`f.func1` or `f.1`),
    /// made in a closure (`intoClosure`) or in any other function.
    public static func copied(_ name: String, intoClosure: Bool) -> String {
        guard let (base, number) = split(name) else { return name }
        return base + (intoClosure ? "." : ".func") + number
    }

    /// The name of a literal nested in a copied literal, whose copy is named `parent`.
    public static func nested(_ name: String, in parent: String) -> String {
        guard let (_, number) = split(name) else { return name }
        return parent + "." + number
    }

    /// The enclosing function's name and the literal's number, when `name` ends in `.funcN` or `.N`.
    private static func split(_ name: String) -> (base: String, number: String)? {
        var digits = name.endIndex
        while digits > name.startIndex, name[name.index(before: digits)].isASCIIDigit { digits = name.index(before: digits) }
        guard digits < name.endIndex, digits > name.startIndex else { return nil }
        let number = String(name[digits...])
        let before = name[..<digits]
        if before.hasSuffix(".func") { return (String(before.dropLast(5)), number) }
        if before.hasSuffix(".") { return (String(before.dropLast()), number) }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
