import GoTypes

/// Removes assignments to locals that are never read, when the assigned value has no effects
/// (a name, a constant, `nil` or a function literal), as the compiler does after inlining: a
/// literal inlined at its only call site is left assigned to a variable nobody reads, and
/// disappears here (so escape analysis never sees it). A removed assignment becomes an empty
/// block; the variable loses its definition.
public enum DeadLocals {
    /// Runs over every function of the package that is not a capturing literal (those are
    /// visited through their enclosing function). A removed element of a list assignment gets
    /// the constant `0` of `zeroType` (the compiler's is an `int`, printed as plain `0`).
    /// `cleaned` is called with each such function's index once it and its capturing literals
    /// are done (no later step of the sweep changes them), while their tables are still in the
    /// caches: a reader that needs every cleaned body reads it there rather than in a sweep of
    /// its own.
    public static func remove(in package: inout IRPackage, zeroType: TypeID,
                              cleaned: ((Int, IRPackage) -> Void)? = nil) {
        for i in package.functions.indices {
            // Read in place: a copy of the function retains and releases each of its tables.
            if package.isCapturingLiteral(i) { continue }
            // The visitor reads the package and is gone before the package changes (holding it
            // while changing it would copy the whole function table).
            let pending: [(Key, [Site])] = {
                var v = Visitor(package: package)
                v.function(i)
                return v.order.compactMap { k in v.defs[k].flatMap { $0.isEmpty ? nil : (k, $0) } }
            }()
            Visitor.apply(pending, to: &package, zeroType: zeroType)
            cleaned?(i, package)
        }
    }

    struct Key: Hashable {
        var function: Int
        var variable: Int32

        /// `_` in list assignments.
        static let blank = Key(function: -1, variable: -1)
    }

    struct Site: Hashable {
        var function: Int
        var node: IRNodeID
        /// For a list assignment, the element's index.
        var element: Int
    }

    struct Visitor {
        let package: IRPackage
        /// Pending dead assignments per variable; an empty list once the variable is read.
        var defs: [Key: [Site]] = [:]
        var order: [Key] = []
        var live: Set<Key> = []
        /// The node and list tables of the function the walk last entered. Read through
        /// `package[function:]` inside the mutating walk, a function was copied out of the table
        /// (each of its tables retained and released) at every node with lists.
        private var current = -1
        private var nodes: [IRNode] = []
        private var lists: [Int32] = []

        init(package: IRPackage) { self.package = package }

        /// Node `id` of function `fn`, making `fn` the current function.
        private mutating func enter(_ fn: Int, _ id: IRNodeID) -> IRNode {
            if fn != current {
                current = fn
                (nodes, lists) = package.functions.withUnsafeBufferPointer { ($0[fn].nodes, $0[fn].lists) }
            }
            return nodes[Int(id.raw)]
        }

        /// The nodes of a list of the current function.
        private func list(_ handle: Int32) -> IRNodeList { IRNodeList(lists: lists, handle: handle) }

        func canonical(_ fn: Int, _ v: IRVarID) -> Key {
            var fn = fn, id = v
            for _ in 0..<64 {
                let x = package[function: fn][id]
                guard x.varClass == .captured, let o = x.outer else { break }
                fn = Int(o.function)
                id = o.variable
            }
            return Key(function: fn, variable: id.raw)
        }

        func isLocal(_ k: Key) -> Bool {
            let c = package[function: k.function][IRVarID(k.variable)].varClass
            return c == .local || c == .temp || c == .param
        }

        func hasNoEffects(_ fn: Int, _ id: IRNodeID) -> Bool {
            guard id.exists else { return true }
            switch package.functions[fn].nodes[Int(id.raw)].op {
            case .name, .literal, .nilValue, .closure: return true
            default: return false
            }
        }

        /// Whether `id` reads the first temporary of a multi-value call: the compiler's value
        /// there holds the call itself, an effect.
        func readsCallResult(_ fn: Int, _ id: IRNodeID) -> Bool {
            // The three tables alone: a copy of the function retains and releases each of its
            // tables.
            let nodes = package.functions[fn].nodes
            func node(_ id: IRNodeID) -> IRNode { nodes[Int(id.raw)] }
            guard node(id).op == .name else { return false }
            let d = package.functions[fn].variables[Int(node(id).aux)].definition
            guard d.exists, node(d).op == .assignCall,
                  let first = IRNodeList(lists: package.functions[fn].lists, handle: node(d).list).first else { return false }
            return node(first).op == .name && node(first).aux == node(id).aux
        }

        mutating func function(_ i: Int) {
            guard package[function: i].hasBody, package[function: i].body.exists else { return }
            node(i, package[function: i].body)
        }

        mutating func use(_ k: Key) {
            guard isLocal(k) else { return }
            if live.contains(k) { return }
            live.insert(k)
            let pending = defs[k] ?? []
            if defs[k] == nil { order.append(k) }
            defs[k] = []
            for s in pending {
                let n = package[function: s.function][s.node]
                let rhs = n.op == .assign ? n.b : IRNodeList(lists: package.functions[s.function].lists, handle: n.list2)[s.element]
                node(s.function, rhs)
            }
        }

        mutating func assign(_ fn: Int, _ site: Site, lhs: IRNodeID, rhs: IRNodeID) {
            guard lhs.exists, package[function: fn][lhs].op == .name else {
                node(fn, lhs)
                node(fn, rhs)
                return
            }
            let k = canonical(fn, IRVarID(package[function: fn][lhs].aux))
            if isLocal(k) && !live.contains(k) && hasNoEffects(fn, rhs) {
                if defs[k] == nil { order.append(k) }
                defs[k, default: []].append(site)
                return
            }
            node(fn, rhs)
        }

        /// Visits a node. The function's tables are read through `enter`, never by copying the
        /// function out: a copy of an `IRFunction` retains and releases each of its tables, per node.
        mutating func node(_ fn: Int, _ id: IRNodeID) {
            guard id.exists else { return }
            let n = enter(fn, id)
            switch n.op {
            case .declare: return
            case .name:
                use(canonical(fn, IRVarID(n.aux)))
            case .closure:
                let lit = Int(n.aux)
                let captured = package[function: lit].captured
                for v in captured { use(canonical(lit, v)) }
                if package[function: lit].hasBody && package[function: lit].body.exists && !captured.isEmpty {
                    node(lit, package[function: lit].body)
                }
            case .assign:
                assign(fn, Site(function: fn, node: id, element: 0), lhs: n.a, rhs: n.b)
            case .assignList:
                let lhs = Array(list(n.list)), rhs = Array(list(n.list2))
                // Beside a named destination, `_` is one more local nobody reads: its values
                // without effects are dropped too.
                let hasNamed = lhs.contains { $0.exists }
                for (i, l) in lhs.enumerated() where i < rhs.count {
                    let site = Site(function: fn, node: id, element: i)
                    if !l.exists && hasNamed && hasNoEffects(fn, rhs[i])
                        && !(i == 0 && readsCallResult(fn, rhs[i])) {
                        if defs[.blank] == nil { order.append(.blank) }
                        defs[.blank, default: []].append(site)
                        continue
                    }
                    assign(fn, site, lhs: l, rhs: rhs[i])
                }
            default:
                // Both lists are taken before the walk descends (and may enter another function).
                let list = self.list(n.list), list2 = self.list(n.list2)
                node(fn, n.a)
                node(fn, n.b)
                node(fn, n.c)
                for x in list { node(fn, x) }
                for x in list2 { node(fn, x) }
            }
        }

        /// Blanks out the assignments still pending.
        static func apply(_ pending: [(Key, [Site])], to package: inout IRPackage, zeroType: TypeID) {
            for (k, sites) in pending {
                for s in sites {
                    // Changed in place: a copy taken out of the table would copy its node array
                    // on the first write, for every site.
                    blank(s, of: k, in: &package.functions[s.function], zeroType: zeroType)
                }
            }
        }

        /// Blanks out one pending assignment of `k`.
        private static func blank(_ s: Site, of k: Key, in f: inout IRFunction, zeroType: TypeID) {
            let n = f[s.node]
            if n.op == .assign {
                f.nodes[Int(s.node.raw)] = IRNode(op: .block, flags: .synthetic, type: .invalid, pos: n.pos, a: .none,
                                                  b: .none, c: .none, list: 0, list2: 0, aux: 0, aux2: -1)
            } else {
                // One element of a list assignment: its destination becomes `_`, its value
                // a constant with no effects.
                var lhs = f.list(n.list), rhs = f.list(n.list2)
                lhs[s.element] = .none
                rhs[s.element] = f.add(.literal, type: zeroType, pos: n.pos,
                                       aux: f.addConstant(.int(.init(0))))
                f.nodes[Int(s.node.raw)].list = f.makeList(lhs)
                f.nodes[Int(s.node.raw)].list2 = f.makeList(rhs)
            }
            if k != .blank {
                f.variables[Int(k.variable)].definition = f.variables[Int(k.variable)].definition == s.node ? .none
                    : f.variables[Int(k.variable)].definition
            }
        }
    }
}
