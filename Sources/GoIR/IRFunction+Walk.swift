/// Walking the nodes a function's body reaches.
extension IRFunction {
    /// Calls `visit` for every node reachable from `root` (children, then lists), not entering
    /// the bodies of function literals (they are functions of their own). Inlinable: every
    /// pass walks every body this way, and a specialised walk calls its visitor without a
    /// closure call per node.
    @inlinable
    public func forEachReachable(from root: IRNodeID, _ visit: (IRNodeID, IRNode) -> Void) {
        Self.forEachReachable(nodes: nodes, lists: lists, from: root, visit)
    }

    /// `forEachReachable` over a function's node and list tables alone: a sweep over a
    /// package's functions passes these two (`IRPackage.forEachReachable(inFunction:from:_:)`)
    /// where a copy of the function would retain and release each of its tables.
    @inlinable
    public static func forEachReachable(nodes: [IRNode], lists: [Int32], from root: IRNodeID,
                                        _ visit: (IRNodeID, IRNode) -> Void) {
        guard root.exists else { return }
        var stack: [IRNodeID] = [root]
        while let id = stack.popLast() {
            let n = nodes[Int(id.raw)]
            visit(id, n)
            pushList(n.list2, of: lists, onto: &stack)
            pushList(n.list, of: lists, onto: &stack)
            if n.c.exists { stack.append(n.c) }
            if n.b.exists { stack.append(n.b) }
            if n.a.exists { stack.append(n.a) }
        }
    }

    /// Pushes a list's nodes so that its first node is popped first (no array built per node:
    /// every pass walks every body this way).
    @inlinable @inline(__always)
    static func pushList(_ h: Int32, of lists: [Int32], onto stack: inout [IRNodeID]) {
        guard h > 0 else { return }
        var i = Int(lists[Int(h)])
        while i > 0 {
            stack.append(IRNodeID(lists[Int(h) + i]))
            i -= 1
        }
    }
}

extension IRPackage {
    /// `IRFunction.forEachReachable` on function `i`, reading its node and list tables in
    /// place (not a copy of the function).
    @inlinable
    public func forEachReachable(inFunction i: Int, from root: IRNodeID, _ visit: (IRNodeID, IRNode) -> Void) {
        IRFunction.forEachReachable(nodes: functions[i].nodes, lists: functions[i].lists, from: root, visit)
    }
}
