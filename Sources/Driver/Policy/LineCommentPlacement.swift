import GoSyntax

/// The `//` comments of a parsed Go file, each with the line of code it is about, taken from
/// GoSyntax's comment groups and node extents (so comments inside strings, raw strings and
/// `/* */` comments never appear, and a file with syntax errors still yields its comments).
struct LineCommentPlacement {
    /// One `//` comment.
    struct Entry: Hashable {
        /// 1-based line.
        var line: Int
        /// 1-based byte column of the first `/`.
        var column: Int
        /// The comment text from `//` to the end of the line, without carriage returns.
        var text: String
        /// True when code precedes the comment on its line.
        var trailing: Bool
        /// The code the comment is about: the first token of its own line when trailing;
        /// otherwise the first token after its comment group when that token is on the group's
        /// last line or the next one; nil when a blank line or the end of the file comes first.
        var target: SourcePoint?
        /// True when the comment lies in code the parser skipped after a syntax error, where
        /// nothing can be placed.
        var unparsed: Bool
    }

    /// Every `//` comment of the tree whose text is `wanted`, in source order. The placement
    /// (a walk over the whole tree and a sort of its token bounds) is made only for a file
    /// with such a comment: most files have none.
    static func entries(of tree: SyntaxTree, where wanted: (String) -> Bool = { _ in true }) -> [Entry] {
        let source = tree.source
        let lineComments = tree.commentGroups.indices.map { g in
            tree.comments(inGroup: g).filter { source.bytes[Int($0.pos) + 1] == 0x2F && wanted(tree.text(of: $0)) }
        }
        guard lineComments.contains(where: { !$0.isEmpty }) else { return [] }
        let (bounds, skipped) = tokenBounds(tree)
        var out: [Entry] = []
        for g in tree.commentGroups.indices where !lineComments[g].isEmpty {
            let group = tree.comments(inGroup: g)
            guard let last = group.last else { continue }
            let groupEnd = Int(last.end)
            let next = firstIndex(in: bounds, atLeast: groupEnd)
            let lead: SourcePoint? = next < bounds.count && source.line(of: bounds[next]) <= source.line(of: groupEnd - 1) + 1
                ? SourcePoint(source.position(of: bounds[next])) : nil
            for c in lineComments[g] {
                let pos = source.position(of: Int(c.pos))
                var first = firstIndex(in: bounds, atLeast: Int(c.pos)) - 1
                let trailing = first >= 0 && source.line(of: bounds[first]) == pos.line
                while first > 0 && source.line(of: bounds[first - 1]) == pos.line { first -= 1 }
                let unparsed = skipped.contains { $0.contains(Int(c.pos)) }
                let own = trailing ? SourcePoint(source.position(of: bounds[first])) : nil
                out.append(Entry(line: pos.line, column: pos.column, text: tree.text(of: c), trailing: trailing,
                                 target: unparsed ? nil : trailing ? own : lead, unparsed: unparsed))
            }
        }
        return out
    }

    /// Sorted offsets of the first and last byte of every node (the tokens that start and end
    /// each piece of syntax, which between them cover every line that holds code), and the
    /// ranges of `Bad` nodes: source the parser skipped after a syntax error.
    static func tokenBounds(_ tree: SyntaxTree) -> ([Int], [Range<Int>]) {
        var bounds: [Int] = [], skipped: [Range<Int>] = []
        tree.walk(tree.root) { id, _, _ in
            let n = tree[id]
            let start = n.pos, end = n.end
            if start >= 0 { bounds.append(start) }
            // An implicit `;` has no extent (end == start): it is not a token of its own.
            if end > max(start, 0) { bounds.append(end - 1) }
            if n.kind == .badExpr || n.kind == .badStmt || n.kind == .badDecl, start >= 0, end > start {
                skipped.append(start..<end)
            }
            return true
        }
        bounds.sort()
        return (bounds, skipped)
    }

    /// The index of the first element of sorted `bounds` that is at least `offset`.
    static func firstIndex(in bounds: [Int], atLeast offset: Int) -> Int {
        var lo = 0, hi = bounds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bounds[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A line and byte column in a file.
struct SourcePoint: Hashable {
    /// 1-based line.
    var line: Int
    /// 1-based byte column.
    var column: Int

    init(_ position: SourcePosition) {
        line = position.line
        column = position.column
    }
}
