/// The SQL the two backends write differently. The store's queries are written once; each place
/// where SQLite and PostgreSQL part asks the dialect for its spelling.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// `column` matches the glob bound to `parameter` (`*`, `?`, `[...]`, case-sensitive, as
    /// SQLite's GLOB); bind the pattern with `globArgument`.
    func glob(_ column: String, _ parameter: String) -> String {
        switch self {
        case .sqlite: return "\(column) GLOB \(parameter)"
        case .postgres: return "\(column) ~ \(parameter)"
        }
    }

    /// The argument `glob` expects for `pattern`: the pattern itself on SQLite, the equivalent
    /// anchored regular expression on PostgreSQL.
    func globArgument(_ pattern: String?) -> SQLValue {
        guard let pattern else { return .null }
        switch self {
        case .sqlite: return .text(pattern)
        case .postgres: return .text(GlobPattern.regularExpression(pattern))
        }
    }

    /// A one-column table (`value`) of the strings in the JSON array bound to `parameter`.
    func jsonTextList(_ parameter: String) -> String {
        switch self {
        case .sqlite: return "SELECT value FROM json_each(\(parameter))"
        case .postgres: return "SELECT json_array_elements_text(CAST(\(parameter) AS json))"
        }
    }

    /// The LIKE operator that ignores the case of ASCII letters (SQLite's LIKE).
    var caseInsensitiveLike: String {
        switch self {
        case .sqlite: return "LIKE"
        case .postgres: return "ILIKE"
        }
    }
}

/// SQLite's GLOB patterns as PostgreSQL regular expressions: `*` any run of characters, `?` one
/// character, `[...]` one character of a set (`[^...]` not of it, `]` first stands for itself),
/// everything else literal; the whole value must match. A `[` that is never closed makes the
/// pattern match nothing, as in SQLite.
enum GlobPattern {
    /// A regular expression no string matches.
    static let matchesNothing = "^$."

    /// The anchored regular expression (PostgreSQL ARE syntax) matching what `pattern` matches.
    static func regularExpression(_ pattern: String) -> String {
        let chars = Array(pattern)
        var out = "^"
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*": out += ".*"
            case "?": out += "."
            case "[":
                if let (set, next) = characterSet(chars, from: i) {
                    out += set
                    i = next
                    continue
                }
                return matchesNothing
            default:
                out += literal(c)
            }
            i += 1
        }
        return out + "$"
    }

    /// A bracket expression starting at `start` (which holds `[`), as a regex class, and the
    /// index after it; nil when it is not closed.
    private static func characterSet(_ chars: [Character], from start: Int) -> (String, Int)? {
        var i = start + 1
        var out = "["
        if i < chars.count, chars[i] == "^" { out += "^"; i += 1 }
        var first = true
        while i < chars.count {
            let c = chars[i]
            if c == "]" && !first { return (out + "]", i + 1) }
            // Inside a class only `\`, `]`, `[` and `^` need care in PostgreSQL's syntax.
            out += c == "\\" || c == "]" || c == "[" || c == "^" ? "\\" + String(c) : String(c)
            first = false
            i += 1
        }
        return nil
    }

    /// One literal character, escaped when the regex syntax gives it a meaning.
    private static func literal(_ c: Character) -> String {
        "\\.^$|()[]{}+*?".contains(c) ? "\\" + String(c) : String(c)
    }
}
