/// The kind of a syntax node; one case per go/ast node type, with the same names.
public enum NodeKind: UInt8, Sendable, CaseIterable {
    /// Slot 0 of every tree: "no node".
    case none
    // Expressions and types.
    case badExpr, ident, ellipsis, basicLit, funcLit, compositeLit, parenExpr, selectorExpr
    case indexExpr, indexListExpr, sliceExpr, typeAssertExpr, callExpr, starExpr, unaryExpr
    case binaryExpr, keyValueExpr, arrayType, structType, funcType, interfaceType, mapType, chanType
    // Fields.
    case field, fieldList
    // Statements.
    case badStmt, declStmt, emptyStmt, labeledStmt, exprStmt, sendStmt, incDecStmt, assignStmt
    case goStmt, deferStmt, returnStmt, branchStmt, blockStmt, ifStmt, caseClause, switchStmt
    case typeSwitchStmt, commClause, selectStmt, forStmt, rangeStmt
    // Declarations.
    case importSpec, valueSpec, typeSpec, badDecl, genDecl, funcDecl, file

    /// The go/ast type name (`CallExpr`, `RangeStmt`, ...).
    public var goName: String { NodeKind.goNames[Int(rawValue)] }

    private static let goNames: [String] = NodeKind.allCases.map { kind in
        let s = "\(kind)"
        return s.prefix(1).uppercased() + s.dropFirst()
    }

    /// True for expression and type nodes.
    public var isExpression: Bool { rawValue >= NodeKind.badExpr.rawValue && rawValue <= NodeKind.chanType.rawValue }

    /// True for statement nodes.
    public var isStatement: Bool { rawValue >= NodeKind.badStmt.rawValue && rawValue <= NodeKind.rangeStmt.rawValue }

    /// True for declaration nodes (GenDecl, FuncDecl, BadDecl).
    public var isDeclaration: Bool { self == .genDecl || self == .funcDecl || self == .badDecl }
}

/// Channel direction of a `ChanType` (go/ast's `ChanDir` values).
public struct ChanDir: OptionSet, Sendable, Hashable {
    /// Raw bits: 1 send, 2 receive.
    public let rawValue: UInt8
    /// Creates a direction.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `chan<- T`.
    public static let send = ChanDir(rawValue: 1)
    /// `<-chan T`.
    public static let recv = ChanDir(rawValue: 2)
}
