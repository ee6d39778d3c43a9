/// A Go token kind. Raw values are stable only within one build; use `text` for output.
public enum Token: UInt8, Sendable, CaseIterable {
    case illegal, eof, comment
    // Literals.
    case ident, int, float, imag, char, string
    // Operators and delimiters.
    case add, sub, mul, quo, rem, and, or, xor, shl, shr, andNot
    case addAssign, subAssign, mulAssign, quoAssign, remAssign, andAssign, orAssign, xorAssign
    case shlAssign, shrAssign, andNotAssign
    case land, lor, arrow, inc, dec, eql, lss, gtr, assign, not, neq, leq, geq, define, ellipsis
    case lparen, lbrack, lbrace, comma, period, rparen, rbrack, rbrace, semicolon, colon, tilde
    // Keywords.
    case kwBreak, kwCase, kwChan, kwConst, kwContinue, kwDefault, kwDefer, kwElse, kwFallthrough
    case kwFor, kwFunc, kwGo, kwGoto, kwIf, kwImport, kwInterface, kwMap, kwPackage, kwRange
    case kwReturn, kwSelect, kwStruct, kwSwitch, kwType, kwVar

    /// The token's spelling as go/token prints it (`+`, `&^=`, `func`, `IDENT`).
    public var text: String { Token.texts[Int(rawValue)] }

    private static let texts: [String] = [
        "ILLEGAL", "EOF", "COMMENT",
        "IDENT", "INT", "FLOAT", "IMAG", "CHAR", "STRING",
        "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=",
        "&&", "||", "<-", "++", "--", "==", "<", ">", "=", "!", "!=", "<=", ">=", ":=", "...",
        "(", "[", "{", ",", ".", ")", "]", "}", ";", ":", "~",
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
        "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
        "return", "select", "struct", "switch", "type", "var",
    ]

    /// True for keywords.
    public var isKeyword: Bool { rawValue >= Token.kwBreak.rawValue }

    /// True for literal tokens (identifiers, numbers, runes, strings).
    public var isLiteral: Bool { rawValue >= Token.ident.rawValue && rawValue <= Token.string.rawValue }

    /// Binary operator precedence (5 highest, 1 lowest); 0 for non-binary tokens.
    public var precedence: Int {
        switch self {
        case .lor: return 1
        case .land: return 2
        case .eql, .neq, .lss, .leq, .gtr, .geq: return 3
        case .add, .sub, .or, .xor: return 4
        case .mul, .quo, .rem, .shl, .shr, .and, .andNot: return 5
        default: return 0
        }
    }

    /// True for assignment operators (`=`, `:=`, `+=`, ...).
    public var isAssignment: Bool {
        self == .assign || self == .define || (rawValue >= Token.addAssign.rawValue && rawValue <= Token.andNotAssign.rawValue)
    }

    /// Looks a keyword up from its bytes; returns `.ident` when the bytes are not a keyword.
    static func keyword(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Token {
        let n = end - start
        if n < 2 || n > 11 { return .ident }
        let c0 = p[start]
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            if s.utf8CodeUnitCount != n { return false }
            let u = s.utf8Start
            for i in 1..<n where u[i] != p[start + i] { return false }
            return true
        }
        switch c0 {
        case UInt8(ascii: "b"): return eq("break") ? .kwBreak : .ident
        case UInt8(ascii: "c"):
            if eq("case") { return .kwCase }
            if eq("chan") { return .kwChan }
            if eq("const") { return .kwConst }
            if eq("continue") { return .kwContinue }
            return .ident
        case UInt8(ascii: "d"):
            if eq("default") { return .kwDefault }
            if eq("defer") { return .kwDefer }
            return .ident
        case UInt8(ascii: "e"): return eq("else") ? .kwElse : .ident
        case UInt8(ascii: "f"):
            if eq("for") { return .kwFor }
            if eq("func") { return .kwFunc }
            if eq("fallthrough") { return .kwFallthrough }
            return .ident
        case UInt8(ascii: "g"):
            if eq("go") { return .kwGo }
            if eq("goto") { return .kwGoto }
            return .ident
        case UInt8(ascii: "i"):
            if eq("if") { return .kwIf }
            if eq("import") { return .kwImport }
            if eq("interface") { return .kwInterface }
            return .ident
        case UInt8(ascii: "m"): return eq("map") ? .kwMap : .ident
        case UInt8(ascii: "p"): return eq("package") ? .kwPackage : .ident
        case UInt8(ascii: "r"):
            if eq("range") { return .kwRange }
            if eq("return") { return .kwReturn }
            return .ident
        case UInt8(ascii: "s"):
            if eq("select") { return .kwSelect }
            if eq("struct") { return .kwStruct }
            if eq("switch") { return .kwSwitch }
            return .ident
        case UInt8(ascii: "t"): return eq("type") ? .kwType : .ident
        case UInt8(ascii: "v"): return eq("var") ? .kwVar : .ident
        default: return .ident
        }
    }
}
