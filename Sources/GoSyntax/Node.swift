/// A view of one node of a `SyntaxTree`, with go/ast's field names. Child accessors return
/// `NodeID.none` (positions: -1, lists: empty) when a field is absent or does not apply to
/// the node's kind.
public struct Node: Sendable {
    /// The tree the node belongs to.
    public let tree: SyntaxTree
    /// The node's id.
    public let id: NodeID

    /// Creates a view.
    @inline(__always) public init(tree: SyntaxTree, id: NodeID) { self.tree = tree; self.id = id }

    /// The stored record.
    @inline(__always) public var record: NodeRecord { tree.nodes[Int(id.raw)] }
    /// The node kind.
    @inline(__always) public var kind: NodeKind { record.kind }
    /// First offset (go/ast `Pos()`), -1 if unknown.
    public var pos: Int { Int(NodeExtent.start(tree.nodes, tree.lists, id.raw)) }
    /// Offset just after the node (go/ast `End()`), -1 if unknown.
    public var end: Int { Int(NodeExtent.end(tree.nodes, tree.lists, id.raw)) }
    /// Line and column of `pos`.
    public var position: SourcePosition { tree.source.position(of: Swift.max(0, pos)) }

    @inline(__always) private func child(_ raw: Int32) -> NodeID { NodeID(raw) }
    @inline(__always) private func list(_ h: Int32) -> NodeList { tree.list(h) }
    @inline(__always) private func offset(_ p: Int32) -> Int { Int(p) }

    // MARK: Leaves

    /// Ident: the name (`_` for an identifier missing from the source).
    public var identifier: String {
        let r = record
        return r.p1 > r.p0 ? tree.text(Int(r.p0), Int(r.p1)) : "_"
    }
    /// Ident: true when the parser made it up to recover from an error.
    public var isSynthesized: Bool { record.p1 <= record.p0 }
    /// BasicLit: the literal text as go/ast stores it (`42`, `"a\n"`, raw strings without CR).
    public var literal: String {
        let r = record
        if r.p1 <= r.p0 { return "" }
        var bytes = Array(tree.source.bytes[Int(r.p0)..<Int(r.p1)])
        if bytes.first == 96 && bytes.contains(13) { bytes.removeAll { $0 == 13 } }
        return String(decoding: bytes, as: UTF8.self)
    }
    /// Operator, keyword or literal kind (`Op`, `Tok`, `Kind`).
    public var token: Token { record.token }

    // MARK: Expressions

    /// Operand `X` (ParenExpr, SelectorExpr, Index*, SliceExpr, TypeAssertExpr, StarExpr,
    /// UnaryExpr, BinaryExpr, ExprStmt, IncDecStmt, RangeStmt).
    public var x: NodeID { kind == .rangeStmt ? child(record.c2) : child(record.c0) }
    /// BinaryExpr `Y`.
    public var y: NodeID { child(record.c1) }
    /// SelectorExpr `Sel`.
    public var sel: NodeID { child(record.c1) }
    /// CallExpr `Fun`.
    public var fun: NodeID { child(record.c0) }
    /// CallExpr `Args`.
    public var args: NodeList { list(record.c1) }
    /// CallExpr `Ellipsis` (offset of `...`, or -1).
    public var ellipsis: Int { offset(record.p1) }
    /// Offset of `(` (ParenExpr, TypeAssertExpr, CallExpr, GenDecl).
    public var lparen: Int { kind == .genDecl ? offset(record.p1) : offset(record.p0) }
    /// Offset of `)` (ParenExpr, TypeAssertExpr, CallExpr, GenDecl).
    public var rparen: Int {
        switch kind {
        case .callExpr, .genDecl: return offset(record.p2)
        default: return offset(record.p1)
        }
    }
    /// Offset of `[` (IndexExpr, IndexListExpr, SliceExpr, ArrayType).
    public var lbrack: Int { offset(record.p0) }
    /// Offset of `]` (IndexExpr, IndexListExpr, SliceExpr).
    public var rbrack: Int { offset(record.p1) }
    /// IndexExpr `Index`.
    public var index: NodeID { child(record.c1) }
    /// IndexListExpr `Indices`.
    public var indices: NodeList { list(record.c1) }
    /// SliceExpr `Low`.
    public var low: NodeID { child(record.c1) }
    /// SliceExpr `High`.
    public var high: NodeID { child(record.c2) }
    /// SliceExpr `Max`.
    public var max: NodeID { child(record.c3) }
    /// SliceExpr `Slice3`.
    public var slice3: Bool { record.flags & 1 != 0 }
    /// Offset of the `.` of a SelectorExpr (not recorded by go/ast).
    public var dot: Int { offset(record.p0) }
    /// `Type` (CompositeLit, TypeAssertExpr, FuncLit, Field, ValueSpec, TypeSpec, FuncDecl).
    public var type: NodeID {
        let r = record
        switch r.kind {
        case .compositeLit, .funcLit: return child(r.c0)
        case .typeAssertExpr: return child(r.c1)
        case .field, .valueSpec: return child(r.c2)
        case .typeSpec, .funcDecl: return child(r.c3)
        default: return .none
        }
    }
    /// Offset of `{` (CompositeLit, BlockStmt).
    public var lbrace: Int { offset(record.p0) }
    /// Offset of `}` (CompositeLit, BlockStmt; -1 when missing).
    public var rbrace: Int { offset(record.p1) }
    /// CompositeLit `Elts`.
    public var elts: NodeList { list(record.c1) }
    /// `Key` (KeyValueExpr, RangeStmt, MapType).
    public var key: NodeID { child(record.c0) }
    /// `Value` (KeyValueExpr, RangeStmt, MapType, ChanType, SendStmt).
    public var value: NodeID {
        let r = record
        switch r.kind {
        case .chanType: return child(r.c0)
        default: return child(r.c1)
        }
    }
    /// Offset of `:` (KeyValueExpr, LabeledStmt, CaseClause, CommClause).
    public var colon: Int {
        switch kind {
        case .caseClause, .commClause: return offset(record.p1)
        default: return offset(record.p0)
        }
    }
    /// Operator position (UnaryExpr, BinaryExpr), `*` (StarExpr), keyword position of
    /// statements and type literals, `Ellipsis` of an Ellipsis node.
    public var opPos: Int { offset(record.p0) }
    /// ArrayType `Len` (Ellipsis for `[...]T`, none for slices).
    public var len: NodeID { child(record.c0) }
    /// ArrayType / Ellipsis `Elt`.
    public var elt: NodeID { kind == .ellipsis ? child(record.c0) : child(record.c1) }
    /// StructType `Fields`.
    public var fields: NodeID { child(record.c0) }
    /// InterfaceType `Methods`.
    public var methods: NodeID { child(record.c0) }
    /// Offset of the `func` keyword of a FuncType (-1 for interface methods).
    public var funcPos: Int { offset(record.p0) }
    /// `TypeParams` (FuncType, TypeSpec).
    public var typeParams: NodeID { kind == .typeSpec ? child(record.c2) : child(record.c0) }
    /// FuncType `Params`.
    public var params: NodeID { child(record.c1) }
    /// FuncType `Results`.
    public var results: NodeID { child(record.c2) }
    /// ChanType `Dir`.
    public var dir: ChanDir { ChanDir(rawValue: record.flags) }
    /// Offset of `<-` (ChanType, SendStmt; -1 when absent).
    public var arrow: Int { kind == .chanType ? offset(record.p1) : offset(record.p0) }
    /// FuncLit / FuncDecl / statements: `Body` block (none for a function without body).
    public var body: NodeID {
        let r = record
        switch r.kind {
        case .funcLit: return child(r.c1)
        case .funcDecl: return child(r.c4)
        case .ifStmt, .switchStmt, .typeSwitchStmt: return child(r.c2)
        case .selectStmt: return child(r.c0)
        case .forStmt, .rangeStmt: return child(r.c3)
        default: return .none
        }
    }

    // MARK: Fields

    /// ValueSpec `Values`.
    public var values: NodeList { list(record.c3) }
    /// `Names` (Field, ValueSpec).
    public var names: NodeList { list(record.c1) }
    /// `Tag` (Field) or `Tag` expression (SwitchStmt).
    public var tag: NodeID {
        switch kind {
        case .field: return child(record.c3)
        case .switchStmt: return child(record.c1)
        default: return .none
        }
    }
    /// Doc comment group index into `tree.commentGroups` (Field, specs, GenDecl, FuncDecl, File).
    public var doc: Int? {
        switch kind {
        case .field, .importSpec, .valueSpec, .typeSpec, .genDecl, .funcDecl, .file:
            let c = record.c0
            return c == 0 ? nil : Int(c) - 1
        default: return nil
        }
    }
    /// Line comment group index (Field, ImportSpec, ValueSpec, TypeSpec).
    public var comment: Int? {
        let c: Int32
        switch kind {
        case .field, .valueSpec, .typeSpec: c = record.c4
        case .importSpec: c = record.c3
        default: return nil
        }
        return c == 0 ? nil : Int(c) - 1
    }
    /// `List`: FieldList fields, BlockStmt statements, CaseClause expressions.
    public var list: NodeList { list(record.c0) }
    /// FieldList `Opening`.
    public var opening: Int { offset(record.p0) }
    /// FieldList `Closing`.
    public var closing: Int { offset(record.p1) }

    // MARK: Statements

    /// DeclStmt `Decl`.
    public var decl: NodeID { child(record.c0) }
    /// `Label` (LabeledStmt, BranchStmt).
    public var label: NodeID { child(record.c0) }
    /// LabeledStmt `Stmt`.
    public var stmt: NodeID { child(record.c1) }
    /// AssignStmt `Lhs`.
    public var lhs: NodeList { list(record.c0) }
    /// AssignStmt `Rhs`.
    public var rhs: NodeList { list(record.c1) }
    /// `TokPos` (IncDecStmt, AssignStmt, BranchStmt, GenDecl, RangeStmt).
    public var tokPos: Int { kind == .rangeStmt ? offset(record.p1) : offset(record.p0) }
    /// GoStmt / DeferStmt `Call`.
    public var call: NodeID { child(record.c0) }
    /// ReturnStmt `Results`.
    public var returnValues: NodeList { list(record.c0) }
    /// `Init` statement (IfStmt, SwitchStmt, TypeSwitchStmt, ForStmt).
    public var initStmt: NodeID { child(record.c0) }
    /// `Cond` (IfStmt, ForStmt).
    public var cond: NodeID { child(record.c1) }
    /// IfStmt `Else`.
    public var elseBranch: NodeID { child(record.c3) }
    /// ForStmt `Post`.
    public var post: NodeID { child(record.c2) }
    /// TypeSwitchStmt `Assign` (`x := y.(type)` or `y.(type)`).
    public var assign: NodeID { child(record.c1) }
    /// TypeSpec `Assign` (offset of `=` of an alias, -1).
    public var assignPos: Int { offset(record.p0) }
    /// CommClause `Comm`.
    public var comm: NodeID { child(record.c0) }
    /// CaseClause / CommClause `Body`.
    public var clauseBody: NodeList { list(record.c1) }
    /// RangeStmt `Range` (offset of `range`).
    public var rangePos: Int { offset(record.p2) }
    /// EmptyStmt `Implicit`.
    public var implicit: Bool { record.flags & 1 != 0 }

    // MARK: Declarations

    /// GenDecl `Specs`.
    public var specs: NodeList { list(record.c1) }
    /// FuncDecl `Recv`.
    public var recv: NodeID { child(record.c1) }
    /// `Name` (FuncDecl, TypeSpec, ImportSpec, File).
    public var name: NodeID {
        switch kind {
        case .funcDecl: return child(record.c2)
        case .typeSpec, .importSpec, .file: return child(record.c1)
        default: return .none
        }
    }
    /// ImportSpec `Path`.
    public var path: NodeID { child(record.c2) }
    /// File `Decls`.
    public var decls: NodeList { list(record.c2) }
    /// File `Package` / keyword offset of statements and type literals.
    public var keywordPos: Int { offset(record.p0) }
}
