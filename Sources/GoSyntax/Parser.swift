// GoSyntax parser — API overview
// ==============================
//
//   let parsed = parseFile(path: "x.go", bytes: bytes)     // never throws, never traps
//   parsed.packageName                                    // "main"
//   parsed.imports                                        // [ImportInfo]: path, name, offset
//   parsed.diagnostics                                    // [SyntaxDiagnostic]: line, column, message
//   parsed.buildConstraint                                // "//go:build linux" expression text
//   let tree = parsed.tree                                // SyntaxTree (arena of nodes)
//   for decl in tree[tree.root].decls { ... }             // Node views with go/ast field names
//   tree.walk(tree.root) { id, parent, depth in ...; return true }  // pre-order, every node
//   tree[decl].doc / tree.directives(ofGroup:)            // doc comments and //go:... directives
//   tree.source.position(of: offset)                      // line, byte column, //line-adjusted
//
// The tree mirrors go/ast node for node (same kinds, same fields, same positions), so that
// `ASTDump` prints exactly what the go/parser oracle prints. Positions are byte offsets.
//
// Design: a recursive-descent parser over the scanner's tokens, one file per grammar area
// (`Parser+Types`, `Parser+Expressions`, `Parser+Statements`, `Parser+Declarations`). It follows
// go/parser's decisions where the grammar is ambiguous (composite literals versus blocks,
// type parameters versus array lengths, conversions versus calls) so that both build the same
// tree. It always terminates: every loop either consumes a token or stops at EOF, error
// recovery skips to a synchronizing token with a progress guard, and nesting deeper than
// `Parser.maxDepth` stops the parse with a diagnostic instead of exhausting the stack.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses one Go source file. Never throws and never traps: syntax errors become
/// diagnostics and the tree holds everything that could be parsed.
public func parseFile(path: String, bytes: [UInt8]) -> ParsedFile {
    Parser.parse(path: path, bytes: bytes)
}

/// Parses one Go source file and reports every syntax error, as go/parser does with
/// `AllErrors` (and `gofmt -e`): errors on the same line as the previous one are kept too. The
/// tree is the same as `parseFile(path:bytes:)` builds.
public func parseFileReportingAllErrors(path: String, bytes: [UInt8]) -> ParsedFile {
    Parser.parse(path: path, bytes: bytes, allErrors: true)
}

/// The recursive-descent parser state. Use `parseFile(path:bytes:)`.
struct Parser {
    /// Nesting (recursion) depth at which parsing stops with an error: go/parser's
    /// `maxNestLev`, counted at the same places (unary expressions, each suffix of a primary
    /// expression, each binary operator, literal values, statements, `if`, types). When the
    /// thread's stack is too small for it (see `StackGuard`), the file is parsed again on a
    /// thread whose stack is sized for this depth.
    static let maxDepth = 100_000
    /// The most stack a re-parse of a deeply nested file may reserve (virtual memory; only
    /// what the nesting uses is touched).
    static let maxStackBytes = 8 << 30

    var scanner: Scanner
    let lineStarts: [Int32]

    // Current token.
    var tok: Token = .illegal
    var pos = -1
    var end = 0
    var implicitSemi = false
    var prevPos = 0

    // Comments.
    var comments: [Comment] = []
    var groups: [CommentGroup] = []
    /// Lead and line comment groups for the current token (group index + 1, 0 = none).
    var leadComment: Int32 = 0
    var lineComment: Int32 = 0
    var atTop = true
    var buildConstraint: String? = nil

    // Context.
    var exprLev = 0
    var inRhs = false
    var depth = 0
    var depthLimit = Parser.maxDepth
    var stackStart: UInt = 0
    /// Stack bytes one nesting level took, measured at `StackGuard.probeDepth` (0 when not).
    var bytesPerLevel: UInt = 0
    var bailed = false
    var syncPos = -1
    var syncCount = 0

    // Output.
    var nodes: [NodeRecord] = []
    var lists: [Int32] = [0]
    var scratch: [Int32] = []
    var errors: [(offset: Int, message: String)] = []
    var imports: [Int32] = []
    /// Struct fields parsed without names (embedded fields).
    var embeddedFields = 0
    /// Keep every error (go/parser's `AllErrors`) instead of one per line.
    var allErrors = false

    init(scanner: Scanner, lineStarts: [Int32], sizeHint: Int) {
        self.scanner = scanner
        self.lineStarts = lineStarts
        nodes.reserveCapacity(sizeHint / 5 + 16)
        lists.reserveCapacity(sizeHint / 12 + 16)
        nodes.append(NodeRecord(.none))
    }

    static func parse(path: String, bytes: [UInt8], allErrors: Bool = false) -> ParsedFile {
        var source = SourceFile(path: path, bytes: bytes)
        var result = run(bytes: bytes, path: path, lineStarts: source.lineStarts, allErrors: allErrors)
        // Stopped by this thread's stack, not by go/parser's limit: parse again where the
        // stack fits go/parser's depth.
        if result.0.bailed && result.0.depthLimit < Parser.maxDepth && result.0.bytesPerLevel > 0 {
            let needed = Int(result.0.bytesPerLevel) * Parser.maxDepth * 5 / 4 + Int(StackGuard.margin) * 2
            let lineStarts = source.lineStarts
            result = onThread(stackBytes: min(needed, Parser.maxStackBytes)) {
                run(bytes: bytes, path: path, lineStarts: lineStarts, allErrors: allErrors)
            }
        }
        var p = result.0
        source.lineDirectives = p.scanner.lineDirectives
        var all = p.errors
        all.append(contentsOf: p.scanner.errors)
        all.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.message < $1.message }
        let tree = SyntaxTree(source: source, nodes: p.nodes, lists: p.lists, comments: p.comments,
                              commentGroups: p.groups, root: NodeID(result.1), embeddedFields: p.embeddedFields)
        let diagnostics = all.map { e -> SyntaxDiagnostic in
            let sp = source.position(of: e.offset)
            return SyntaxDiagnostic(path: path, offset: e.offset, line: sp.line, column: sp.column, message: e.message,
                                    position: sp)
        }
        p.nodes = []
        return ParsedFile(tree: tree, diagnostics: diagnostics, buildConstraint: p.buildConstraint,
                          importSpecs: p.imports.map { NodeID($0) })
    }

    /// One parse of the file on the current thread.
    static func run(bytes: [UInt8], path: String, lineStarts: [Int32], allErrors: Bool) -> (Parser, Int32) {
        bytes.withUnsafeBufferPointer { buf in
            var p = Parser(scanner: Scanner(src: buf, path: path), lineStarts: lineStarts, sizeHint: buf.count)
            p.allErrors = allErrors
            p.stackStart = StackGuard.currentAddress()
            p.next()
            let root = p.parseFile()
            return (p, root)
        }
    }

    /// Runs `body` on a new thread with a stack of `stackBytes` and waits for it; on the current
    /// thread when no such thread can be made.
    static func onThread(stackBytes: Int, _ body: @escaping () -> (Parser, Int32)) -> (Parser, Int32) {
        final class Job {
            let body: () -> (Parser, Int32)
            var value: (Parser, Int32)?
            init(_ body: @escaping () -> (Parser, Int32)) { self.body = body }
        }
        let job = Job(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackBytes) == 0 else { return body() }
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(&thread, &attributes, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeUnretainedValue()
            job.value = job.body()
            return nil
        }, Unmanaged.passUnretained(job).toOpaque())
        guard started == 0 else { return body() }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return job.value!
    }

    // MARK: - Nodes and lists

    @inline(__always) mutating func add(_ r: NodeRecord) -> Int32 {
        nodes.append(r)
        return Int32(nodes.count - 1)
    }

    @inline(__always) func kind(_ n: Int32) -> NodeKind { nodes[Int(n)].kind }

    /// Start of a list being collected on the scratch stack.
    @inline(__always) var mark: Int { scratch.count }

    /// Moves scratch elements since `mark` into list storage; returns the handle (0 if empty).
    mutating func finishList(_ mark: Int) -> Int32 {
        let n = scratch.count - mark
        if n == 0 { return 0 }
        let handle = Int32(lists.count)
        lists.append(Int32(n))
        lists.append(contentsOf: scratch[mark...])
        scratch.removeSubrange(mark...)
        return handle
    }

    mutating func makeList(_ items: [Int32]) -> Int32 {
        if items.isEmpty { return 0 }
        let handle = Int32(lists.count)
        lists.append(Int32(items.count))
        lists.append(contentsOf: items)
        return handle
    }

    func listCount(_ h: Int32) -> Int { h == 0 ? 0 : Int(lists[Int(h)]) }
    func listItem(_ h: Int32, _ i: Int) -> Int32 { lists[Int(h) + 1 + i] }

    // MARK: - Lines

    func line(_ offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        let o = Int32(truncatingIfNeeded: offset)
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    // MARK: - Tokens and comments

    mutating func next0() {
        while true {
            let lx = scanner.scan()
            if !scanner.errors.isEmpty {
                // Scanner errors join the parser's list as they happen (go/parser shares one
                // list, so a scanner error suppresses a parser error on the same line).
                if errors.count < 1000 { errors.append(contentsOf: scanner.errors) }
                scanner.errors.removeAll(keepingCapacity: true)
            }
            tok = lx.token; pos = lx.pos; end = lx.end; implicitSemi = lx.implicit
            if tok == .comment {
                if atTop && buildConstraint == nil && end - pos >= 10 && startsWith(pos, "//go:build")
                    && (end - pos == 10 || scanner.src[pos + 10] == 32 || scanner.src[pos + 10] == 9) {
                    buildConstraint = String(decoding: scanner.src[(pos + 10)..<end], as: UTF8.self)
                        .trimmingCharacters(inSpaceAndTab: ())
                }
            } else {
                atTop = false
            }
            return
        }
    }

    func startsWith(_ at: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard at + n <= scanner.src.count else { return false }
        let u = s.utf8Start
        for i in 0..<n where scanner.src[at + i] != u[i] { return false }
        return true
    }

    /// Consumes one comment; returns its last line.
    mutating func consumeComment() -> Int {
        var endLine = line(pos)
        if scanner.src[pos + 1] == 42 {
            for i in pos..<end where scanner.src[i] == 10 { endLine += 1 }
        }
        comments.append(Comment(pos: Int32(pos), end: Int32(end)))
        next0()
        return endLine
    }

    /// Consumes a group of comments at most `n` lines apart; returns (group+1, last line).
    mutating func consumeCommentGroup(_ n: Int) -> (Int32, Int) {
        let first = comments.count
        var endLine = line(pos)
        while tok == .comment && line(pos) <= endLine + n {
            endLine = consumeComment()
        }
        groups.append(CommentGroup(first: Int32(first), count: Int32(comments.count - first)))
        return (Int32(groups.count), endLine)
    }

    /// Advances to the next non-comment token, collecting comment groups and noting the
    /// lead comment (ends on the line before the token) and line comment (after the previous
    /// token on its line).
    mutating func next() {
        leadComment = 0
        lineComment = 0
        if bailed { tok = .eof; return }
        let prev = pos
        next0()
        if tok == .comment {
            var group: Int32 = 0
            var endLine = 0
            if prev >= 0 && line(pos) == line(prev) {
                (group, endLine) = consumeCommentGroup(0)
                if line(pos) != endLine || tok == .semicolon || tok == .eof {
                    lineComment = group
                }
            }
            endLine = -1
            while tok == .comment {
                (group, endLine) = consumeCommentGroup(1)
            }
            if endLine + 1 == line(pos) {
                leadComment = group
            }
        }
    }

    // MARK: - Errors

    mutating func error(_ offset: Int, _ message: String) {
        // After the nesting limit go/parser bails out: nothing more is reported.
        if bailed { return }
        if allErrors {
            errors.append((offset, message))
            return
        }
        if let last = errors.last {
            if line(last.offset) == line(offset) { return }
        }
        if errors.count >= 1000 { return }
        errors.append((offset, message))
    }

    mutating func errorExpected(_ offset: Int, _ what: String) {
        var msg = "expected " + what
        if offset == pos {
            if tok == .semicolon && implicitSemi {
                msg += ", found newline"
            } else if tok.isLiteral {
                msg += ", found " + String(decoding: scanner.src[pos..<end], as: UTF8.self)
            } else {
                msg += ", found '" + tok.text + "'"
            }
        }
        error(offset, msg)
    }

    /// Expects `t`; reports an error otherwise. Always advances. Returns the position.
    @discardableResult
    mutating func expect(_ t: Token) -> Int {
        let p = pos
        if tok != t { errorExpected(p, "'" + t.text + "'") }
        next()
        return p
    }

    /// Like `expect` but returns -1 when the token is missing.
    mutating func expect2(_ t: Token) -> Int {
        var p = -1
        if tok == t { p = pos } else { errorExpected(pos, "'" + t.text + "'") }
        next()
        return p
    }

    mutating func expectClosing(_ t: Token, _ context: String) -> Int {
        if tok != t && tok == .semicolon && implicitSemi {
            error(pos, "missing ',' before newline in " + context)
            next()
        }
        return expect(t)
    }

    /// Consumes a statement terminator; returns the line comment (group+1) if any.
    @discardableResult
    mutating func expectSemi() -> Int32 {
        switch tok {
        case .rparen, .rbrace:
            return 0
        case .comma, .semicolon:
            if tok == .comma { errorExpected(pos, "';'") }
            if !implicitSemi && tok == .semicolon {
                // An explicit `;`: the line comment is the one after it.
                next()
                return lineComment
            }
            // A newline (or a `,` taken as one): the line comment is the one before it.
            let c = lineComment
            next()
            return c
        default:
            errorExpected(pos, "';'")
            advance(Parser.stmtStart)
            return 0
        }
    }

    mutating func atComma(_ context: String, _ follow: Token) -> Bool {
        if tok == .comma { return true }
        if tok != follow {
            var msg = "missing ','"
            if tok == .semicolon && implicitSemi { msg += " before newline" }
            error(pos, msg + " in " + context)
            return true
        }
        return false
    }

    static let stmtStart: Set<Token> = [.kwBreak, .kwConst, .kwContinue, .kwDefer, .kwFallthrough, .kwFor,
                                        .kwGo, .kwGoto, .kwIf, .kwReturn, .kwSelect, .kwSwitch, .kwType, .kwVar]
    static let declStart: Set<Token> = [.kwImport, .kwConst, .kwType, .kwVar]
    static let exprEnd: Set<Token> = [.comma, .colon, .semicolon, .rparen, .rbrack, .rbrace]

    /// Skips tokens until one in `to` (or EOF), guaranteeing progress across repeated calls.
    mutating func advance(_ to: Set<Token>) {
        while tok != .eof {
            if to.contains(tok) {
                if pos == syncPos && syncCount < 10 {
                    syncCount += 1
                    return
                }
                if pos > syncPos {
                    syncPos = pos
                    syncCount = 0
                    return
                }
            }
            next()
        }
    }

    // MARK: - Nesting guard

    /// Enters one nesting level; false (and the parse stops) when too deep.
    @inline(__always) mutating func enter() -> Bool {
        depth += 1
        if depth == StackGuard.probeDepth && depthLimit == Parser.maxDepth {
            depthLimit = StackGuard.limit(start: stackStart, depth: depth, maximum: Parser.maxDepth)
            let now = StackGuard.currentAddress()
            if stackStart > now { bytesPerLevel = (stackStart - now) / UInt(depth) }
        }
        if depth > depthLimit {
            if !bailed {
                errors.append((pos, "exceeded max nesting depth"))
                bailed = true
                tok = .eof
            }
            return false
        }
        return true
    }

    @inline(__always) mutating func leave() { depth -= 1 }

    /// A `BadExpr` covering `from..<to`.
    mutating func badExpr(_ from: Int, _ to: Int) -> Int32 {
        add(NodeRecord(.badExpr, p0: Int32(from), p1: Int32(to)))
    }

    /// An identifier; `synthesized` ones (missing in the source) are named `_`.
    mutating func parseIdent() -> Int32 {
        let p = pos
        if tok == .ident {
            let e = end
            next()
            return add(NodeRecord(.ident, p0: Int32(p), p1: Int32(e)))
        }
        expect(.ident)
        return add(NodeRecord(.ident, p0: Int32(p), p1: Int32(p)))
    }

    mutating func parseIdentList() -> Int32 {
        let m = mark
        scratch.append(parseIdent())
        while tok == .comma {
            next()
            scratch.append(parseIdent())
        }
        return finishList(m)
    }

    mutating func parseExprList() -> Int32 {
        let m = mark
        scratch.append(parseExpr())
        while tok == .comma {
            next()
            scratch.append(parseExpr())
        }
        return finishList(m)
    }

    mutating func parseList(_ rhs: Bool) -> Int32 {
        let old = inRhs
        inRhs = rhs
        let l = parseExprList()
        inRhs = old
        return l
    }
}

extension String {
    func trimmingCharacters(inSpaceAndTab: ()) -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
