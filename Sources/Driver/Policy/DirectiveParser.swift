import FactStore
import GoSyntax
import PassKit
import Reports

/// Finds the `//heapsight:` and `//gcassert:` directives of one file and places each on a
/// function or a statement; everything that looks like a directive but cannot be honoured
/// becomes a `UncheckedDirective` (never silently ignored).
///
/// This is the one place where comments become directives. The scan runs it on every file of
/// the scanned tree's packages and records the result with the run; `check` and `report`
/// read the recorded directives and never parse the source again, so a run is checked against
/// the source it was scanned from even when that source has changed or is gone.
public struct DirectiveParser: Sendable {
    /// Rule ids an `ignore` may name.
    public static let ignorableRules: Set<String> = Set(RuleCatalog.all.map(\.id)).subtracting(["directive.invalid", "package.failed"])

    /// Creates a parser.
    public init() {}

    /// The directives of one parsed file; `functions` are the function records of that file.
    public func parse(file: String, tree: SyntaxTree, functions: [FunctionRecord]) -> SourceDirectives {
        let index = EnclosingFunctionIndex(functions)
        var result = SourceDirectives()
        for c in LineCommentPlacement.entries(of: tree, where: { classify($0) != nil }) {
            guard let parsed = classify(c.text) else { continue }
            let enclosing = index.function(file: file, line: c.line, column: c.column)
            func problem(_ message: String) {
                result.problems.append(UncheckedDirective(file: file, line: c.line, column: c.column, text: c.text,
                                                        message: message, function: enclosing?.id))
            }
            if c.unparsed {
                problem("`\(c.text)` cannot be placed: the code around it does not parse; fix the syntax error first")
                continue
            }
            // A gcassert comma list (`//gcassert:bce,inline`) asserts each of its directives.
            let items: [Classified]
            if case .list(let parts) = parsed { items = parts } else { items = [parsed] }
            var asserted: [(namespace: String, verb: Directive.Verb, rule: String?, reason: String?)] = []
            for item in items {
                switch item {
                case .problem(let message): problem(message)
                case .directive(let namespace, let verb, let rule, let reason): asserted.append((namespace, verb, rule, reason))
                case .list: break
                }
            }
            guard !asserted.isEmpty else { continue }
            guard let t = c.target else {
                problem("`\(c.text)` applies to nothing: directives go directly above (or at the end of) the function, statement or variable they are about, with no blank line between")
                continue
            }
            let placed: Directive.Target
            if let f = functions.first(where: { !$0.isLiteral && $0.startLine == t.line && $0.startColumn == t.column }) {
                placed = .function(f.id)
            } else if let f = index.function(file: file, line: t.line, column: t.column) {
                placed = .statement(function: f.id, line: t.line)
            } else {
                problem("`\(c.text)` is at package level; directives apply to a function, a method, or a statement or variable inside a function")
                continue
            }
            for a in asserted {
                result.directives.append(Directive(verb: a.verb, namespace: a.namespace, rule: a.rule, reason: a.reason, file: file,
                                                   line: c.line, column: c.column, target: placed, text: c.text))
            }
        }
        return result
    }

    /// The directives of a file given as bytes (parsed here; the scan passes its own trees).
    func parse(file: String, bytes: [UInt8], functions: [FunctionRecord]) -> SourceDirectives {
        parse(file: file, tree: parseFile(path: file, bytes: bytes).tree, functions: functions)
    }

    enum Classified {
        case directive(namespace: String, verb: Directive.Verb, rule: String?, reason: String?)
        case problem(String)
        /// A gcassert comma list: each part classified on its own.
        indirect case list([Classified])
    }

    /// Classifies one comment; nil for an ordinary comment.
    func classify(_ text: String) -> Classified? {
        let body = text.dropFirst(2)  // after //
        // `// heapsight:noalloc` is a plain comment to Go; say so instead of ignoring it.
        let trimmed = body.drop { $0 == " " || $0 == "\t" }
        if trimmed.count != body.count {
            for ns in ["heapsight:", "gcassert:"] where trimmed.hasPrefix(ns) {
                return .problem("`\(text)` has a space after `//`, so it is not a directive; write `//\(trimmed.prefix { !$0.isWhitespace })`")
            }
            return nil
        }
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let namespace = String(body[..<colon])
        guard !namespace.isEmpty, namespace.allSatisfy({ $0.isLetter }) else { return nil }
        let rest = body[body.index(after: colon)...]
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let verbText = words.first ?? ""
        let args = Array(words.dropFirst())
        switch namespace {
        case "heapsight":
            guard let verb = Directive.Verb(rawValue: verbText) else {
                let known = Directive.Verb.allCases.map(\.rawValue)
                let hint = DirectiveParser.closest(verbText, known).map { "; did you mean `//heapsight:\($0)`?" } ?? ""
                return .problem("unknown directive `//heapsight:\(verbText)` (known: \(known.joined(separator: ", ")))\(hint)")
            }
            if verb == .ignore {
                guard let rule = args.first else {
                    return .problem("`//heapsight:ignore` needs a rule id and a reason, e.g. `//heapsight:ignore escape.new buffer is pooled`")
                }
                guard DirectiveParser.ignorableRules.contains(rule) else {
                    let hint = DirectiveParser.closest(rule, Array(DirectiveParser.ignorableRules)).map { "; did you mean `\($0)`?" } ?? ""
                    return .problem("`//heapsight:ignore \(rule)`: unknown or unignorable rule (ignorable: \(DirectiveParser.ignorableRules.sorted().joined(separator: ", ")))\(hint)")
                }
                guard args.count >= 2 else {
                    return .problem("`//heapsight:ignore \(rule)` needs a reason after the rule id")
                }
                return .directive(namespace: namespace, verb: .ignore, rule: rule, reason: args.dropFirst().joined(separator: " "))
            }
            guard args.isEmpty else { return .problem("`//heapsight:\(verb.rawValue)` takes no arguments, found `\(args.joined(separator: " "))`") }
            return .directive(namespace: namespace, verb: verb, rule: nil, reason: nil)
        case "gcassert":
            if verbText.contains(",") {
                // gcassert's own syntax: `//gcassert:bce,inline` asserts both.
                let parts = verbText.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard !parts.contains(where: \.isEmpty) else {
                    return .problem("`//gcassert:\(verbText)` has an empty entry in its comma list")
                }
                let rest = args.isEmpty ? "" : " " + args.joined(separator: " ")
                return .list(parts.compactMap { classify("//gcassert:\($0)\(rest)") })
            }
            switch verbText {
            case "inline", "noescape", "bce":
                guard args.isEmpty else { return .problem("`//gcassert:\(verbText)` takes no arguments, found `\(args.joined(separator: " "))`") }
                return .directive(namespace: namespace, verb: Directive.Verb(rawValue: verbText)!, rule: nil, reason: nil)
            default:
                let hint = DirectiveParser.closest(verbText, ["inline", "noescape", "bce"]).map { "; did you mean `//gcassert:\($0)`?" } ?? ""
                return .problem("unknown directive `//gcassert:\(verbText)` (gcassert knows inline, noescape, bce)\(hint)")
            }
        default:
            for known in ["heapsight", "gcassert"] where DirectiveParser.distance(namespace.lowercased(), known) <= 2 {
                return .problem("unknown directive namespace `//\(namespace):`; did you mean `//\(known):`?")
            }
            return nil
        }
    }

    /// The candidate within edit distance 2, if any.
    static func closest(_ word: String, _ candidates: [String]) -> String? {
        candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
