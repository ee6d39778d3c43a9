/// Walking the nodes a function's body reaches.
extension IRFunction {
    /// Calls `visit` for every node reachable from `root` (children, then lists), not entering
    /// the bodies of function literals (they are functions of their own).
    public func forEachReachable(from root: IRNodeID, _ visit: (IRNodeID, IRNode) -> Void) {
        guard root.exists else { return }
        var stack: [IRNodeID] = [root]
        while let id = stack.popLast() {
            let n = self[id]
            visit(id, n)
            for h in [n.list2, n.list] where h > 0 {
                let count = Int(lists[Int(h)])
                var i = count
                while i > 0 {
                    stack.append(IRNodeID(lists[Int(h) + i]))
                    i -= 1
                }
            }
            if n.c.exists { stack.append(n.c) }
            if n.b.exists { stack.append(n.b) }
            if n.a.exists { stack.append(n.a) }
        }
    }
}
