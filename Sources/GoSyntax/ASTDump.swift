/// The normalized AST dump shared with the go/parser oracle (`Tests/Oracles/parsedump`).
///
/// Format, one node per line: `<depth spaces><Field> <Kind> <Scalar>=<value>...`, children
/// after their parent in go/ast field order. Positions are byte offsets (`-` for none),
/// tokens are spelled as go/token spells them, strings are quoted with `\\`, `\"` and `\xNN`
/// for control bytes, comment groups are named by the offset of their first comment
/// (`@123`). After the tree come the comment groups with each comment's offset, physical
/// `line:col` and `//line`-adjusted `file:line:col`. The first line is `Errors=N`.
public enum ASTDump {
    /// The dump of a parsed file.
    public static func dump(_ file: ParsedFile) -> [UInt8] {
        var w = DumpWriter(tree: file.tree)
        w.out.reserveCapacity(file.source.count * 6)
        w.raw("Errors=")
        w.raw(String(file.diagnostics.count))
        w.newline()
        w.node(file.tree.root, label: "File", depth: 0)
        w.commentSection()
        return w.out
    }

    /// FNV-1a 64-bit hash of a dump (the oracle uses the same function).
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        return h
    }
}

struct DumpWriter {
    let tree: SyntaxTree
    var out: [UInt8] = []

    init(tree: SyntaxTree) { self.tree = tree }

    mutating func raw(_ s: String) { out.append(contentsOf: s.utf8) }
    mutating func newline() { out.append(10) }

    mutating func number(_ v: Int) {
        if v < 0 { out.append(45); return }
        raw(String(v))
    }

    mutating func pos(_ name: String, _ p: Int32) {
        out.append(32); raw(name); out.append(61)
        number(Int(p))
    }

    mutating func tok(_ name: String, _ t: Token) {
        out.append(32); raw(name); out.append(61); raw(t.text)
    }

    mutating func flag(_ name: String, _ b: Bool) {
        out.append(32); raw(name); out.append(61); raw(b ? "true" : "false")
    }

    mutating func group(_ name: String, _ g: Int32) {
        out.append(32); raw(name); out.append(61)
        if g == 0 { out.append(45); return }
        out.append(64)
        number(Int(tree.comments[Int(tree.commentGroups[Int(g) - 1].first)].pos))
    }

    mutating func quoted(_ name: String, _ bytes: ArraySlice<UInt8>) {
        out.append(32); raw(name); out.append(61)
        quote(bytes)
    }

    mutating func quote<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        out.append(34)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for b in bytes {
            if b == 92 { out.append(92); out.append(92) }
            else if b == 34 { out.append(92); out.append(34) }
            else if b < 32 || b == 127 {
                out.append(92); out.append(120); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            } else { out.append(b) }
        }
        out.append(34)
    }

    mutating func header(_ label: StaticString, _ kind: NodeKind, _ depth: Int) {
        for _ in 0..<depth { out.append(32) }
        out.append(contentsOf: UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount))
        out.append(32); raw(kind.goName)
    }

    /// Children of the node being written, in order, with their labels.
    var pending: [(NodeID, StaticString, Int)] = []

    mutating func list(_ h: Int32, _ label: StaticString, _ depth: Int) {
        if h == 0 { return }
        let n = Int(tree.lists[Int(h)])
        for i in 0..<n { pending.append((NodeID(tree.lists[Int(h) + 1 + i]), label, depth)) }
    }

    mutating func child(_ c: Int32, _ label: StaticString, _ depth: Int) {
        if c != 0 { pending.append((NodeID(c), label, depth)) }
    }

    /// Writes the subtree at `id` in pre-order without recursion (trees can be very deep).
    mutating func node(_ id: NodeID, label: StaticString, depth: Int) {
        var stack: [(NodeID, StaticString, Int)] = [(id, label, depth)]
        while let (n, l, d) = stack.popLast() {
            pending.removeAll(keepingCapacity: true)
            line(n, label: l, depth: d)
            stack.append(contentsOf: pending.reversed())
        }
    }

    /// Writes one node's line and queues its children in `pending`.
    mutating func line(_ id: NodeID, label: StaticString, depth: Int) {
        let r = tree.nodes[Int(id.raw)]
        header(label, r.kind, depth)
        let d = depth + 1
        switch r.kind {
        case .none:
            newline()
        case .badExpr, .badStmt, .badDecl:
            pos("From", r.p0); pos("To", r.p1); newline()
        case .ident:
            pos("NamePos", r.p0)
            if r.p1 > r.p0 { quoted("Name", tree.source.bytes[Int(r.p0)..<Int(r.p1)]) } else { raw(" Name=\"_\"") }
            newline()
        case .ellipsis:
            pos("Ellipsis", r.p0); newline()
            child(r.c0, "Elt", d)
        case .basicLit:
            pos("ValuePos", r.p0); pos("ValueEnd", r.p1); tok("Kind", r.token)
            out.append(32); raw("Value="); quote(Array(Node(tree: tree, id: id).literal.utf8))
            newline()
        case .funcLit:
            newline(); child(r.c0, "Type", d); child(r.c1, "Body", d)
        case .compositeLit:
            pos("Lbrace", r.p0); pos("Rbrace", r.p1); flag("Incomplete", false); newline()
            child(r.c0, "Type", d); list(r.c1, "Elts", d)
        case .parenExpr:
            pos("Lparen", r.p0); pos("Rparen", r.p1); newline(); child(r.c0, "X", d)
        case .selectorExpr:
            newline(); child(r.c0, "X", d); child(r.c1, "Sel", d)
        case .indexExpr:
            pos("Lbrack", r.p0); pos("Rbrack", r.p1); newline(); child(r.c0, "X", d); child(r.c1, "Index", d)
        case .indexListExpr:
            pos("Lbrack", r.p0); pos("Rbrack", r.p1); newline(); child(r.c0, "X", d); list(r.c1, "Indices", d)
        case .sliceExpr:
            pos("Lbrack", r.p0); flag("Slice3", r.flags & 1 != 0); pos("Rbrack", r.p1); newline()
            child(r.c0, "X", d); child(r.c1, "Low", d); child(r.c2, "High", d); child(r.c3, "Max", d)
        case .typeAssertExpr:
            pos("Lparen", r.p0); pos("Rparen", r.p1); newline(); child(r.c0, "X", d); child(r.c1, "Type", d)
        case .callExpr:
            pos("Lparen", r.p0); pos("Ellipsis", r.p1); pos("Rparen", r.p2); newline()
            child(r.c0, "Fun", d); list(r.c1, "Args", d)
        case .starExpr:
            pos("Star", r.p0); newline(); child(r.c0, "X", d)
        case .unaryExpr:
            pos("OpPos", r.p0); tok("Op", r.token); newline(); child(r.c0, "X", d)
        case .binaryExpr:
            pos("OpPos", r.p0); tok("Op", r.token); newline(); child(r.c0, "X", d); child(r.c1, "Y", d)
        case .keyValueExpr:
            pos("Colon", r.p0); newline(); child(r.c0, "Key", d); child(r.c1, "Value", d)
        case .arrayType:
            pos("Lbrack", r.p0); newline(); child(r.c0, "Len", d); child(r.c1, "Elt", d)
        case .structType:
            pos("Struct", r.p0); flag("Incomplete", false); newline(); child(r.c0, "Fields", d)
        case .funcType:
            pos("Func", r.p0); newline(); child(r.c0, "TypeParams", d); child(r.c1, "Params", d); child(r.c2, "Results", d)
        case .interfaceType:
            pos("Interface", r.p0); flag("Incomplete", false); newline(); child(r.c0, "Methods", d)
        case .mapType:
            pos("Map", r.p0); newline(); child(r.c0, "Key", d); child(r.c1, "Value", d)
        case .chanType:
            pos("Begin", r.p0); pos("Arrow", r.p1); out.append(32); raw("Dir="); number(Int(r.flags)); newline()
            child(r.c0, "Value", d)
        case .field:
            group("Doc", r.c0); group("Comment", r.c4); newline()
            list(r.c1, "Names", d); child(r.c2, "Type", d); child(r.c3, "Tag", d)
        case .fieldList:
            pos("Opening", r.p0); pos("Closing", r.p1); newline(); list(r.c0, "List", d)
        case .declStmt:
            newline(); child(r.c0, "Decl", d)
        case .emptyStmt:
            pos("Semicolon", r.p0); flag("Implicit", r.flags & 1 != 0); newline()
        case .labeledStmt:
            pos("Colon", r.p0); newline(); child(r.c0, "Label", d); child(r.c1, "Stmt", d)
        case .exprStmt:
            newline(); child(r.c0, "X", d)
        case .sendStmt:
            pos("Arrow", r.p0); newline(); child(r.c0, "Chan", d); child(r.c1, "Value", d)
        case .incDecStmt:
            pos("TokPos", r.p0); tok("Tok", r.token); newline(); child(r.c0, "X", d)
        case .assignStmt:
            pos("TokPos", r.p0); tok("Tok", r.token); newline(); list(r.c0, "Lhs", d); list(r.c1, "Rhs", d)
        case .goStmt:
            pos("Go", r.p0); newline(); child(r.c0, "Call", d)
        case .deferStmt:
            pos("Defer", r.p0); newline(); child(r.c0, "Call", d)
        case .returnStmt:
            pos("Return", r.p0); newline(); list(r.c0, "Results", d)
        case .branchStmt:
            pos("TokPos", r.p0); tok("Tok", r.token); newline(); child(r.c0, "Label", d)
        case .blockStmt:
            pos("Lbrace", r.p0); pos("Rbrace", r.p1); newline(); list(r.c0, "List", d)
        case .ifStmt:
            pos("If", r.p0); newline()
            child(r.c0, "Init", d); child(r.c1, "Cond", d); child(r.c2, "Body", d); child(r.c3, "Else", d)
        case .caseClause:
            pos("Case", r.p0); pos("Colon", r.p1); newline(); list(r.c0, "List", d); list(r.c1, "Body", d)
        case .switchStmt:
            pos("Switch", r.p0); newline(); child(r.c0, "Init", d); child(r.c1, "Tag", d); child(r.c2, "Body", d)
        case .typeSwitchStmt:
            pos("Switch", r.p0); newline(); child(r.c0, "Init", d); child(r.c1, "Assign", d); child(r.c2, "Body", d)
        case .commClause:
            pos("Case", r.p0); pos("Colon", r.p1); newline(); child(r.c0, "Comm", d); list(r.c1, "Body", d)
        case .selectStmt:
            pos("Select", r.p0); newline(); child(r.c0, "Body", d)
        case .forStmt:
            pos("For", r.p0); newline()
            child(r.c0, "Init", d); child(r.c1, "Cond", d); child(r.c2, "Post", d); child(r.c3, "Body", d)
        case .rangeStmt:
            pos("For", r.p0); pos("TokPos", r.p1); tok("Tok", r.token); pos("Range", r.p2); newline()
            child(r.c0, "Key", d); child(r.c1, "Value", d); child(r.c2, "X", d); child(r.c3, "Body", d)
        case .importSpec:
            group("Doc", r.c0); group("Comment", r.c3); pos("EndPos", r.p0); newline()
            child(r.c1, "Name", d); child(r.c2, "Path", d)
        case .valueSpec:
            group("Doc", r.c0); group("Comment", r.c4); newline()
            list(r.c1, "Names", d); child(r.c2, "Type", d); list(r.c3, "Values", d)
        case .typeSpec:
            group("Doc", r.c0); pos("Assign", r.p0); group("Comment", r.c4); newline()
            child(r.c1, "Name", d); child(r.c2, "TypeParams", d); child(r.c3, "Type", d)
        case .genDecl:
            group("Doc", r.c0); pos("TokPos", r.p0); tok("Tok", r.token); pos("Lparen", r.p1); pos("Rparen", r.p2)
            newline(); list(r.c1, "Specs", d)
        case .funcDecl:
            group("Doc", r.c0); newline()
            child(r.c1, "Recv", d); child(r.c2, "Name", d); child(r.c3, "Type", d); child(r.c4, "Body", d)
        case .file:
            group("Doc", r.c0); pos("Package", r.p0); newline()
            child(r.c1, "Name", d); list(r.c2, "Decls", d)
        }
    }

    mutating func commentSection() {
        raw("Comments"); newline()
        for g in tree.commentGroups.indices {
            raw(" Group"); newline()
            for c in tree.comments(inGroup: g) {
                let p = tree.source.position(of: Int(c.pos))
                raw("  Comment"); pos("Slash", c.pos)
                out.append(32); raw("Text="); quote(Array(tree.text(of: c).utf8))
                raw(" At=\(p.line):\(p.column) Adj=")
                raw("\(p.adjustedFile):\(p.adjustedLine):\(p.adjustedColumn)")
                newline()
            }
        }
    }
}
