/// Start and end offsets of nodes, with go/ast's `Pos()` and `End()` rules.
enum NodeExtent {
    static func count(_ lists: [Int32], _ h: Int32) -> Int { h == 0 ? 0 : Int(lists[Int(h)]) }
    static func item(_ lists: [Int32], _ h: Int32, _ i: Int) -> Int32 { lists[Int(h) + 1 + i] }
    static func last(_ lists: [Int32], _ h: Int32) -> Int32 { item(lists, h, count(lists, h) - 1) }

    /// go/ast `Pos()`: the first offset of node `n`, or -1.
    static func start(_ nodes: [NodeRecord], _ lists: [Int32], _ n: Int32) -> Int32 {
        var id = n
        while true {
            let r = nodes[Int(id)]
            switch r.kind {
            case .none: return -1
            case .funcLit: id = r.c0
            case .compositeLit:
                if r.c0 != 0 { id = r.c0 } else { return r.p0 }
            case .selectorExpr, .indexExpr, .indexListExpr, .sliceExpr, .typeAssertExpr, .callExpr,
                 .binaryExpr, .keyValueExpr, .exprStmt, .sendStmt, .incDecStmt, .labeledStmt, .declStmt:
                id = r.c0
            case .assignStmt:
                if r.c0 == 0 { return -1 }
                id = item(lists, r.c0, 0)
            case .funcType:
                if r.p0 >= 0 || r.c1 == 0 { return r.p0 }
                id = r.c1
            case .fieldList:
                if r.p0 >= 0 { return r.p0 }
                if count(lists, r.c0) == 0 { return -1 }
                id = item(lists, r.c0, 0)
            case .field:
                if count(lists, r.c1) > 0 { id = item(lists, r.c1, 0) } else if r.c2 != 0 { id = r.c2 } else { return -1 }
            case .importSpec:
                id = r.c1 != 0 ? r.c1 : r.c2
            case .valueSpec:
                if count(lists, r.c1) == 0 { return -1 }
                id = item(lists, r.c1, 0)
            case .typeSpec: id = r.c1
            case .funcDecl: id = r.c3
            default:
                return r.p0
            }
        }
    }

    /// go/ast `End()`: the offset just after node `n`, or -1.
    static func end(_ nodes: [NodeRecord], _ lists: [Int32], _ n: Int32) -> Int32 {
        var id = n
        while true {
            let r = nodes[Int(id)]
            switch r.kind {
            case .none: return -1
            case .badExpr, .badStmt, .badDecl: return r.p1
            case .ident: return r.p1 > r.p0 ? r.p1 : r.p0 + 1
            case .ellipsis:
                if r.c0 != 0 { id = r.c0 } else { return r.p0 + 3 }
            case .basicLit: return r.p1
            case .funcLit: id = r.c1
            case .compositeLit, .parenExpr, .indexExpr, .indexListExpr, .sliceExpr, .typeAssertExpr:
                return r.p1 + 1
            case .callExpr: return r.p2 + 1
            case .selectorExpr: id = r.c1
            case .starExpr, .unaryExpr: id = r.c0
            case .binaryExpr, .keyValueExpr, .sendStmt: id = r.c1
            case .arrayType: id = r.c1
            case .structType, .interfaceType: id = r.c0
            case .funcType: id = r.c2 != 0 ? r.c2 : r.c1
            case .mapType: id = r.c1
            case .chanType: id = r.c0
            case .fieldList:
                if r.p1 >= 0 { return r.p1 + 1 }
                if count(lists, r.c0) == 0 { return -1 }
                id = last(lists, r.c0)
            case .field:
                if r.c3 != 0 { id = r.c3 } else if r.c2 != 0 { id = r.c2 } else if count(lists, r.c1) > 0 { id = last(lists, r.c1) } else { return -1 }
            case .declStmt, .exprStmt: id = r.c0
            case .emptyStmt: return r.flags & 1 != 0 ? r.p0 : r.p0 + 1
            case .labeledStmt: id = r.c1
            case .incDecStmt: return r.p0 + 2
            case .assignStmt:
                if count(lists, r.c1) == 0 { return -1 }
                id = last(lists, r.c1)
            case .goStmt, .deferStmt: id = r.c0
            case .returnStmt:
                if count(lists, r.c0) > 0 { id = last(lists, r.c0) } else { return r.p0 + 6 }
            case .branchStmt:
                if r.c0 != 0 { id = r.c0 } else { return r.p0 + Int32(r.token.text.utf8.count) }
            case .blockStmt:
                if r.p1 >= 0 { return r.p1 + 1 }
                if count(lists, r.c0) > 0 { id = last(lists, r.c0) } else { return r.p0 + 1 }
            case .ifStmt: id = r.c3 != 0 ? r.c3 : r.c2
            case .caseClause, .commClause:
                if count(lists, r.c1) > 0 { id = last(lists, r.c1) } else { return r.p1 + 1 }
            case .switchStmt, .typeSwitchStmt: id = r.c2
            case .selectStmt: id = r.c0
            case .forStmt, .rangeStmt: id = r.c3
            case .importSpec:
                if r.p0 > 0 { return r.p0 }
                id = r.c2
            case .valueSpec:
                if count(lists, r.c3) > 0 { id = last(lists, r.c3) } else if r.c2 != 0 { id = r.c2 } else { id = last(lists, r.c1) }
            case .typeSpec: id = r.c3
            case .genDecl:
                if r.p2 >= 0 { return r.p2 + 1 }
                if count(lists, r.c1) == 0 { return -1 }
                id = item(lists, r.c1, 0)
            case .funcDecl: id = r.c4 != 0 ? r.c4 : r.c3
            case .file:
                if count(lists, r.c2) > 0 { id = last(lists, r.c2) } else { id = r.c1 }
            }
        }
    }
}

extension Parser {
    func nodeStart(_ n: Int32) -> Int32 { NodeExtent.start(nodes, lists, n) }
    func nodeEnd(_ n: Int32) -> Int32 { NodeExtent.end(nodes, lists, n) }
}
