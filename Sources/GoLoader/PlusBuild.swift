/// Legacy `// +build` lines, which the go tool still obeys in a file without a `//go:build`
/// line: space-separated options are alternatives, comma-joined terms must all hold, `!`
/// negates, and several lines must all hold.
extension BuildConstraint {
    /// The expression of one `// +build` line's text (after `+build`). A malformed term
    /// becomes the tag `ignore`, which no build sets, as the go tool reads it.
    public static func parsePlusBuild(_ text: String) -> BuildConstraint {
        var options: [BuildConstraint] = []
        for clause in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var terms: [BuildConstraint] = []
            for literal in clause.split(separator: ",", omittingEmptySubsequences: false) {
                var word = Substring(literal)
                if word.hasPrefix("!!") || word == "!" {
                    terms.append(.tag("ignore"))
                    continue
                }
                let negated = word.hasPrefix("!")
                if negated { word = word.dropFirst() }
                let tag: BuildConstraint = isValidTag(word) ? .tag(String(word)) : .tag("ignore")
                terms.append(negated ? .not(tag) : tag)
            }
            options.append(terms.dropFirst().reduce(terms[0]) { .and($0, $1) })
        }
        guard let first = options.first else { return .tag("ignore") }
        return options.dropFirst().reduce(first) { .or($0, $1) }
    }

    /// Letters, digits, `_` and `.`, at least one.
    static func isValidTag(_ word: Substring) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType == .decimal || $0 == "_" || $0 == "."
        }
    }
}

extension FileHeader {
    /// The expressions of the `// +build` lines that count: those in the leading run of `//`
    /// comments and blank lines, up to the last blank line before the first other line (a
    /// `+build` line right above the package clause is documentation, not a constraint).
    static func plusBuildLines(_ bytes: [UInt8]) -> [String] {
        var lines: [Substring] = []
        var end = 0
        var start = 0
        while start < bytes.count {
            var stop = start
            while stop < bytes.count && bytes[stop] != 10 { stop += 1 }
            let line = Substring(decoding: bytes[start..<stop], as: UTF8.self).trimmingSpaces
            start = stop + 1
            if line.isEmpty {
                lines.append(line)
                end = lines.count
                continue
            }
            guard line.hasPrefix("//") else { break }
            lines.append(line)
        }
        var out: [String] = []
        for line in lines.prefix(end) where line.hasPrefix("//") {
            let body = line.dropFirst(2).trimmingSpaces
            guard body.hasPrefix("+build") else { continue }
            let rest = body.dropFirst(6)
            let expr = rest.trimmingSpaces
            if rest.count == expr.count && !rest.isEmpty { continue }   // "+buildfoo" is not one
            out.append(String(expr))
        }
        return out
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
