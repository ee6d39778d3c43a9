/// Comment text, comment groups around nodes, and directives (`//go:noinline`,
/// `//heapsight:...`, `//gcassert:...`).
extension SyntaxTree {
    /// The text of a comment as go/ast stores it (`// x` or `/* x */`, CRs removed).
    public func text(of comment: Comment) -> String {
        var bytes = Array(source.bytes[Int(comment.pos)..<Int(comment.end)])
        if bytes.contains(13) {
            if bytes.count >= 2 && bytes[1] == 47 && bytes.last == 13 { bytes.removeLast() }
            bytes.removeAll { $0 == 13 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The comments of group `index`.
    public func comments(inGroup index: Int) -> ArraySlice<Comment> {
        let g = commentGroups[index]
        return comments[Int(g.first)..<Int(g.first + g.count)]
    }

    /// Directives in comment group `index`: `//go:name args`, `//heapsight:name args`,
    /// `//gcassert:name args`, and any other `//word:name` comment with no space after `//`.
    public func directives(ofGroup index: Int) -> [CommentDirective] {
        comments(inGroup: index).compactMap { CommentDirective(tree: self, comment: $0) }
    }

    /// The index of the comment group that ends on the line just before `offset`'s line (a
    /// statement's or declaration's leading comment), if any.
    public func leadingCommentGroup(before offset: Int) -> Int? {
        guard let i = lastGroup(endingBefore: offset) else { return nil }
        let g = commentGroups[i]
        let last = comments[Int(g.first + g.count - 1)]
        let endLine = source.line(of: Int(last.end) - 1)
        return endLine + 1 == source.line(of: offset) ? i : nil
    }

    /// The index of the comment group that starts on `offset`'s line after it (a trailing
    /// line comment), if any.
    public func trailingCommentGroup(after offset: Int) -> Int? {
        var lo = 0, hi = commentGroups.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(comments[Int(commentGroups[mid].first)].pos) < offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < commentGroups.count else { return nil }
        let first = comments[Int(commentGroups[lo].first)]
        return source.line(of: Int(first.pos)) == source.line(of: offset) ? lo : nil
    }

    /// Directives that apply to the node: its doc comment and, for statements and other
    /// nodes without one, the comment group on the lines just above and the one trailing
    /// on its line.
    public func directives(of id: NodeID) -> [CommentDirective] {
        let n = self[id]
        var out: [CommentDirective] = []
        if let d = n.doc {
            out += directives(ofGroup: d)
        } else if n.pos >= 0, let g = leadingCommentGroup(before: n.pos) {
            out += directives(ofGroup: g)
        }
        if n.pos >= 0, let t = trailingCommentGroup(after: n.pos) {
            out += directives(ofGroup: t)
        }
        return out
    }

    /// Index of the last comment group whose end is at or before `offset`.
    func lastGroup(endingBefore offset: Int) -> Int? {
        var lo = 0, hi = commentGroups.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let g = commentGroups[mid]
            if Int(comments[Int(g.first + g.count - 1)].end) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The names of the `//go:NAME` directives (`noinline`, `nosplit`, `uintptrescapes`, ...)
    /// among the comments that start in `start..<end`: those the compiler reads between one
    /// declaration and the next. The first comment is found by binary search, so a file's
    /// declarations, each asking for its own stretch, read each comment once (a scan of every
    /// comment per declaration grew with the square of a generated file's size).
    public func goDirectiveNames(from start: Int, to end: Int) -> Set<String> {
        var lo = 0, hi = comments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(comments[mid].pos) < start { lo = mid + 1 } else { hi = mid }
        }
        var out: Set<String> = []
        let prefix: [UInt8] = Array("//go:".utf8)
        while lo < comments.count, Int(comments[lo].pos) < end {
            let c = comments[lo]
            lo += 1
            let p = Int(c.pos)
            guard Int(c.end) - p >= prefix.count, source.bytes[p..<p + prefix.count].elementsEqual(prefix) else { continue }
            let text = self.text(of: c)
            out.insert(String(text.dropFirst(prefix.count).prefix { $0 != " " && $0 != "\t" }))
        }
        return out
    }
}

/// A directive comment such as `//go:noinline`, `//go:linkname local remote`,
/// `//heapsight:budget 3` or `//gcassert:inline`.
public struct CommentDirective: Hashable, Sendable {
    /// Namespace before the colon (`go`, `heapsight`, `gcassert`, `line`...).
    public var namespace: String
    /// Name after the colon (`noinline`, `build`, `linkname`...).
    public var name: String
    /// The rest of the line after the name, trimmed.
    public var arguments: String
    /// Offset of the comment.
    public var offset: Int

    /// `namespace:name` (`go:noinline`).
    public var fullName: String { namespace + ":" + name }

    /// Parses a `//ns:name args` comment; nil for ordinary comments.
    init?(tree: SyntaxTree, comment: Comment) {
        let bytes = tree.source.bytes
        let s = Int(comment.pos), e = Int(comment.end)
        guard e - s > 3, bytes[s + 1] == 47 else { return nil }
        var i = s + 2
        let nsStart = i
        while i < e, (bytes[i] >= 97 && bytes[i] <= 122) || (bytes[i] >= 48 && bytes[i] <= 57) { i += 1 }
        guard i > nsStart, i < e, bytes[i] == 58 else { return nil }
        let ns = String(decoding: bytes[nsStart..<i], as: UTF8.self)
        i += 1
        let nameStart = i
        while i < e, bytes[i] != 32, bytes[i] != 9, bytes[i] != 13 { i += 1 }
        guard i > nameStart else { return nil }
        namespace = ns
        name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        arguments = String(decoding: bytes[i..<e], as: UTF8.self).trimmingCharacters(inSpaceAndTab: ())
        offset = s
    }
}
