import GoSyntax

/// The little the allocations pass needs from a file besides the compiler: byte offsets of
/// lines, the bodies of `for` and `range` loops (loop depth) and where each function's body opens
/// (to tell parameter verdicts from body verdicts), both from the GoSyntax tree, and where a
/// token sits on a line (columns for the sites the compiler's text does not print).
///
/// Looping labels (a backward `goto`) are not counted as loops.
struct SourceLayout {
    let bytes: [UInt8]
    private(set) var lineStarts: [Int] = [0]
    /// Loop bodies as (open, close) byte offsets of their braces, sorted by `open`.
    private(set) var loops: [(open: Int, close: Int)] = []
    /// For each loop (same order) the index of the innermost loop holding it, or -1: loop
    /// bodies nest or are disjoint, so these form the nesting tree.
    private var loopParents: [Int] = []
    /// Body `{` offset per `func` keyword offset, for declarations and literals.
    private var bodies: [Int: Int] = [:]

    /// Lays out one file from its bytes and the tree parsed from them.
    init(bytes: [UInt8], tree: SyntaxTree) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        var loops: [(open: Int, close: Int)] = []
        var bodies: [Int: Int] = [:]
        tree.walk(tree.root) { id, _, _ in
            let node = tree[id]
            switch node.kind {
            case .forStmt, .rangeStmt:
                guard !node.body.isNone else { break }
                let body = tree[node.body]
                if body.lbrace >= 0 && body.rbrace > body.lbrace { loops.append((body.lbrace, body.rbrace)) }
            case .funcDecl, .funcLit:
                guard !node.body.isNone, !node.type.isNone else { break }
                let keyword = tree[node.type].funcPos
                if keyword >= 0 { bodies[keyword] = tree[node.body].lbrace }
            default:
                break
            }
            return true
        }
        loops.sort { $0.open < $1.open }
        var parents = [Int](repeating: -1, count: loops.count)
        var open: [Int] = []
        for (i, loop) in loops.enumerated() {
            while let top = open.last, !(loops[top].open < loop.open && loop.open < loops[top].close) { open.removeLast() }
            parents[i] = open.last ?? -1
            open.append(i)
        }
        self.loops = loops
        self.loopParents = parents
        self.bodies = bodies
    }

    /// Byte offset of a 1-based line and byte column; nil when out of range.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return lineStarts[line - 1] + max(column, 1) - 1
    }

    /// Number of loop bodies holding `offset` that open after `functionStart` (the enclosing
    /// function's `func` keyword): the loop depth inside that function.
    ///
    /// The last loop opening before `offset` is found by binary search; every loop holding
    /// `offset` also holds that one's opening brace, so they are all on its way up the nesting:
    /// a lookup costs the logarithm of the file's loops plus the nesting depth.
    func loopDepth(at offset: Int, functionStart: Int) -> Int {
        var low = 0, high = loops.count
        while low < high {
            let mid = (low + high) / 2
            if loops[mid].open < offset { low = mid + 1 } else { high = mid }
        }
        var depth = 0
        var i = low - 1
        while i >= 0, loops[i].open > functionStart {
            if offset < loops[i].close { depth += 1 }
            i = loopParents[i]
        }
        return depth
    }

    /// Of the spans (start, end) of a file's functions, those whose own body holds a loop:
    /// a loop belongs to the innermost function around it, not to the functions enclosing
    /// that one. One sweep over both, sorted by start.
    func spansWithLoops(_ spans: [(start: Int, end: Int)]) -> Set<Int> {
        let order = spans.indices.sorted { (spans[$0].start, -spans[$0].end) < (spans[$1].start, -spans[$1].end) }
        var out: Set<Int> = []
        var open: [Int] = []
        var next = 0
        for loop in loops {
            while next < order.count, spans[order[next]].start < loop.open {
                open.append(order[next])
                next += 1
            }
            // A span that ended before this loop opens holds no later loop either.
            while let top = open.last, spans[top].end <= loop.open { open.removeLast() }
            var k = open.count - 1
            while k >= 0 {
                let s = spans[open[k]]
                if s.start < loop.open && loop.close < s.end { out.insert(open[k]); break }
                k -= 1
            }
        }
        return out
    }

    /// Offset of the `{` opening the body of the function or literal whose `func` keyword is at
    /// `funcKeyword`, from the syntax tree.
    func bodyOpen(funcKeyword: Int) -> Int? { bodies[funcKeyword] }

    /// 1-based column of the first occurrence of `token` on a line at code level, at or after
    /// `fromColumn`; for identifiers the match must be a whole word.
    func column(of token: String, line: Int, fromColumn: Int = 1) -> Int? {
        guard let start = offset(line: line, column: fromColumn) else { return nil }
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let t = Array(token.utf8)
        let word = t.allSatisfy(isIdentByte)
        var i = start
        while i + t.count <= end {
            if let skipped = skipNonCode(i) { i = skipped; continue }
            if bytes[i..<(i + t.count)].elementsEqual(t) {
                let before = i > 0 ? bytes[i - 1] : 0x20
                let after = i + t.count < bytes.count ? bytes[i + t.count] : 0x20
                if !word || (!isIdentByte(before) && !isIdentByte(after)) { return i - lineStarts[line - 1] + 1 }
            }
            i += 1
        }
        return nil
    }

    /// True when the source at a 1-based line and byte column starts with `prefix`.
    func starts(with prefix: String, line: Int, column: Int) -> Bool {
        guard let at = offset(line: line, column: column) else { return false }
        let p = Array(prefix.utf8)
        return at + p.count <= bytes.count && bytes[at..<(at + p.count)].elementsEqual(p)
    }

    /// The text from the `(` at `openColumn` on `line` to its matching `)` on the same line.
    func balancedText(line: Int, openColumn: Int) -> String? {
        guard let start = offset(line: line, column: openColumn), start < bytes.count,
              bytes[start] == UInt8(ascii: "(") else { return nil }
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        var depth = 0
        var i = start
        while i < end {
            if let skipped = skipNonCode(i) { i = skipped; continue }
            if bytes[i] == UInt8(ascii: "(") { depth += 1 }
            if bytes[i] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return String(decoding: bytes[start...i], as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    private func isIdentByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f || b >= 0x80
    }

    /// If a comment, string, raw string or rune starts at `i`, the offset just after it.
    private func skipNonCode(_ i: Int) -> Int? {
        let b = bytes[i]
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        if b == UInt8(ascii: "/") && next == UInt8(ascii: "/") {
            var j = i
            while j < bytes.count && bytes[j] != UInt8(ascii: "\n") { j += 1 }
            return j
        }
        if b == UInt8(ascii: "/") && next == UInt8(ascii: "*") {
            var j = i + 2
            while j + 1 < bytes.count && !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
            return min(j + 2, bytes.count)
        }
        if b == UInt8(ascii: "`") {
            var j = i + 1
            while j < bytes.count && bytes[j] != UInt8(ascii: "`") { j += 1 }
            return min(j + 1, bytes.count)
        }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            var j = i + 1
            while j < bytes.count && bytes[j] != b && bytes[j] != UInt8(ascii: "\n") {
                j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(j + 1, bytes.count)
        }
        return nil
    }
}
