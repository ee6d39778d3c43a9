/// A parsed `//go:build` expression: tags combined with `!`, `&&`, `||` and parentheses.
public indirect enum BuildConstraint: Sendable, Hashable, CustomStringConvertible {
    /// A single tag.
    case tag(String)
    /// Negation.
    case not(BuildConstraint)
    /// Both hold.
    case and(BuildConstraint, BuildConstraint)
    /// Either holds.
    case or(BuildConstraint, BuildConstraint)

    /// Why an expression could not be parsed.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// What is wrong.
        public let message: String
        public var description: String { message }
    }

    /// Parses the text after `//go:build`.
    public static func parse(_ text: String) throws -> BuildConstraint {
        var parser = ConstraintParser(tokens: try ConstraintParser.tokenize(text))
        let expr = try parser.parseOr()
        guard parser.atEnd else { throw SyntaxError(message: "unexpected '\(parser.peek ?? "")' in build constraint") }
        return expr
    }

    /// Evaluates the expression in a build context.
    public func evaluate(in context: BuildContext) -> Bool {
        switch self {
        case .tag(let t): return context.satisfies(tag: t)
        case .not(let e): return !e.evaluate(in: context)
        case .and(let a, let b): return a.evaluate(in: context) && b.evaluate(in: context)
        case .or(let a, let b): return a.evaluate(in: context) || b.evaluate(in: context)
        }
    }

    public var description: String {
        switch self {
        case .tag(let t): return t
        case .not(let e): return "!\(e)"
        case .and(let a, let b): return "(\(a) && \(b))"
        case .or(let a, let b): return "(\(a) || \(b))"
        }
    }
}

/// Recursive descent over the tokens of a build expression.
struct ConstraintParser {
    var tokens: [String]
    var index = 0

    var atEnd: Bool { index >= tokens.count }
    var peek: String? { atEnd ? nil : tokens[index] }

    static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\r" || c == "\n" { i += 1; continue }
            if c == "(" || c == ")" || c == "!" { tokens.append(String(c)); i += 1; continue }
            if (c == "&" || c == "|") && i + 1 < chars.count && chars[i + 1] == c {
                tokens.append(String(c) + String(c)); i += 2; continue
            }
            if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." {
                var word = ""
                while i < chars.count, chars[i].properties.isAlphabetic || ("0"..."9").contains(chars[i])
                        || chars[i] == "_" || chars[i] == "." {
                    word.unicodeScalars.append(chars[i]); i += 1
                }
                tokens.append(word); continue
            }
            throw BuildConstraint.SyntaxError(message: "invalid character '\(c)' in build constraint")
        }
        if tokens.isEmpty { throw BuildConstraint.SyntaxError(message: "empty build constraint") }
        return tokens
    }

    // or := and { "||" and }
    mutating func parseOr() throws -> BuildConstraint {
        var left = try parseAnd()
        while peek == "||" { index += 1; left = .or(left, try parseAnd()) }
        return left
    }

    // and := unary { "&&" unary }
    mutating func parseAnd() throws -> BuildConstraint {
        var left = try parseUnary()
        while peek == "&&" { index += 1; left = .and(left, try parseUnary()) }
        return left
    }

    // unary := "!" unary | "(" or ")" | tag
    mutating func parseUnary() throws -> BuildConstraint {
        guard let t = peek else { throw BuildConstraint.SyntaxError(message: "build constraint ends early") }
        index += 1
        switch t {
        case "!": return .not(try parseUnary())
        case "(":
            let e = try parseOr()
            guard peek == ")" else { throw BuildConstraint.SyntaxError(message: "missing ')' in build constraint") }
            index += 1
            return e
        case ")", "&&", "||": throw BuildConstraint.SyntaxError(message: "unexpected '\(t)' in build constraint")
        default: return .tag(t)
        }
    }
}
