/// Source-order traversal of a tree.
extension SyntaxTree {
    /// Calls `body` with each direct child of `id`, in go/ast `Walk` order (source order).
    public func forEachChild(of id: NodeID, _ body: (NodeID) -> Void) {
        let r = nodes[Int(id.raw)]
        @inline(__always) func one(_ c: Int32) { if c != 0 { body(NodeID(c)) } }
        @inline(__always) func many(_ h: Int32) {
            if h == 0 { return }
            let n = Int(lists[Int(h)])
            for i in 0..<n { body(NodeID(lists[Int(h) + 1 + i])) }
        }
        switch r.kind {
        case .none, .badExpr, .ident, .basicLit, .badStmt, .emptyStmt, .badDecl:
            break
        case .ellipsis, .parenExpr, .starExpr, .unaryExpr, .structType, .interfaceType, .chanType,
             .declStmt, .exprStmt, .incDecStmt, .goStmt, .deferStmt, .branchStmt, .selectStmt:
            one(r.c0)
        case .funcLit, .selectorExpr, .indexExpr, .typeAssertExpr, .binaryExpr, .keyValueExpr, .arrayType,
             .mapType, .labeledStmt, .sendStmt:
            one(r.c0); one(r.c1)
        case .compositeLit, .callExpr, .indexListExpr:
            one(r.c0); many(r.c1)
        case .sliceExpr:
            one(r.c0); one(r.c1); one(r.c2); one(r.c3)
        case .funcType:
            one(r.c0); one(r.c1); one(r.c2)
        case .field:
            many(r.c1); one(r.c2); one(r.c3)
        case .fieldList, .returnStmt, .blockStmt:
            many(r.c0)
        case .assignStmt:
            many(r.c0); many(r.c1)
        case .ifStmt:
            one(r.c0); one(r.c1); one(r.c2); one(r.c3)
        case .caseClause:
            many(r.c0); many(r.c1)
        case .switchStmt, .typeSwitchStmt:
            one(r.c0); one(r.c1); one(r.c2)
        case .commClause:
            one(r.c0); many(r.c1)
        case .forStmt, .rangeStmt:
            one(r.c0); one(r.c1); one(r.c2); one(r.c3)
        case .importSpec:
            one(r.c1); one(r.c2)
        case .valueSpec:
            many(r.c1); one(r.c2); many(r.c3)
        case .typeSpec:
            one(r.c1); one(r.c2); one(r.c3)
        case .genDecl:
            many(r.c1)
        case .funcDecl:
            one(r.c1); one(r.c2); one(r.c3); one(r.c4)
        case .file:
            one(r.c1); many(r.c2)
        }
    }

    /// The direct children of `id` in source order.
    public func children(of id: NodeID) -> [NodeID] {
        var out: [NodeID] = []
        forEachChild(of: id) { out.append($0) }
        return out
    }

    /// Visits `start` and every node below it in source order (pre-order). `visit` receives
    /// the node, its parent (`.none` for `start`) and its depth (0 for `start`); returning
    /// false skips the node's children. Iterative: deep trees cannot overflow the stack.
    public func walk(_ start: NodeID, _ visit: (_ node: NodeID, _ parent: NodeID, _ depth: Int) -> Bool) {
        // Room for a typical body at once: grown from one element by doubling, the two arrays
        // were reallocated several times per walk, and walks run per declaration and per body.
        var stack: [(NodeID, NodeID, Int)] = []
        stack.reserveCapacity(64)
        stack.append((start, .none, 0))
        var kids: [NodeID] = []
        kids.reserveCapacity(16)
        while let (id, parent, depth) = stack.popLast() {
            if id.isNone { continue }
            guard visit(id, parent, depth) else { continue }
            kids.removeAll(keepingCapacity: true)
            forEachChild(of: id) { kids.append($0) }
            for k in kids.reversed() { stack.append((k, id, depth + 1)) }
        }
    }

    /// The parent of every node (`.none` for the root and for unreachable nodes), indexed by
    /// `NodeID.raw`; build once when a pass needs parent chains.
    public func parents() -> [NodeID] {
        var out = [NodeID](repeating: .none, count: nodes.count)
        walk(root) { id, parent, _ in
            out[Int(id.raw)] = parent
            return true
        }
        return out
    }
}
