import GoSyntax
import GoTypes

/// The order package-level variables are initialized in, as far as it names function
/// literals.
///
/// The compiler builds a package's initialisation function from the type checker's
/// initialization order, not from the source: a variable is initialized once every variable
/// its initializer refers to is, directly or through the bodies of the functions and methods
/// it calls (functions are transparent); among the variables ready, the one declared first
/// goes first (the Go specification's rule, go/types' `initorder.go`). Function literals in
/// initializers are named `init.func1`, `init.func2`, ... in that order, so a literal whose
/// variable waits for a later one (`var tryExec = sync.OnceValue(func() error { ... exePath()
/// ... })` before `var exePath = ...`) takes a higher number than its source position says.
///
/// Dependencies are read from the checker's uses: every identifier inside a variable's spec or
/// a function's declaration that refers to a package-level variable, function or method of the
/// package. Constants are initialized before every variable, so they never delay one.
/// The order is only worked out when at least two initializers hold literals, and its result
/// is only used when it differs from the source order.
struct PackageInitOrder {
    /// One initializer: the value expression of one variable, or the single multi-value
    /// expression of several.
    struct Initializer: Hashable {
        var file: Int
        var value: NodeID
    }

    /// The number of the first literal of each initializer that holds one (`init.funcN` is
    /// numbered from it plus one), when initialization order numbers them differently from
    /// source order; nil otherwise.
    static func literalBases(_ input: IRLoweringInput) -> [Initializer: Int]? {
        var order = PackageInitOrder(input)
        return order.bases()
    }

    private let input: IRLoweringInput
    /// Package-level variables with an initializer, in declaration order, with it.
    private var variables: [(object: ObjectID, initializer: Initializer, spec: NodeID)] = []
    /// Package-level functions and methods, by object, with their declaration.
    private var functions: [ObjectID: (file: Int, decl: NodeID)] = [:]
    /// Function literals per initializer.
    private var literalCounts: [Initializer: Int] = [:]
    /// The package's index in the program's tables.
    private var packageIndex: Int32 = -1

    private init(_ input: IRLoweringInput) {
        self.input = input
        for (fi, file) in input.files.enumerated() where fi < input.facts.count {
            let tree = file.tree, facts = input.facts[fi]
            for decl in file.declarations {
                let node = tree[decl]
                switch node.kind {
                case .funcDecl:
                    if let o = facts.defs[node.name] ?? nil { functions[o] = (fi, decl) }
                case .genDecl where node.token == .kwVar:
                    for spec in node.specs {
                        let sp = tree[spec]
                        let names = Array(sp.names), values = Array(sp.values)
                        for (i, name) in names.enumerated() where !values.isEmpty {
                            guard let o = facts.defs[name] ?? nil else { continue }
                            packageIndex = input.program.object(o).package
                            let value = values.count == names.count ? values[i] : values[0]
                            variables.append((o, Initializer(file: fi, value: value), spec))
                        }
                    }
                default:
                    break
                }
            }
        }
    }

    private mutating func bases() -> [Initializer: Int]? {
        var sourceOrder: [Initializer] = []
        var seen = Set<Initializer>()
        for v in variables where seen.insert(v.initializer).inserted {
            let n = literals(in: v.initializer)
            if n > 0 { sourceOrder.append(v.initializer); literalCounts[v.initializer] = n }
        }
        guard sourceOrder.count > 1 else { return nil }
        var initOrder: [Initializer] = []
        seen = []
        for i in initializationOrder() {
            let initializer = variables[i].initializer
            if literalCounts[initializer] != nil, seen.insert(initializer).inserted { initOrder.append(initializer) }
        }
        guard initOrder != sourceOrder, initOrder.count == sourceOrder.count else { return nil }
        var out: [Initializer: Int] = [:]
        var next = 0
        for initializer in initOrder {
            out[initializer] = next
            next += literalCounts[initializer]!
        }
        return out
    }

    /// Function literals of an initializer that are not inside another literal.
    private func literals(in initializer: Initializer) -> Int {
        let tree = input.files[initializer.file].tree
        var n = 0
        tree.walk(initializer.value) { id, _, _ in
            guard tree.kind(id) == .funcLit else { return true }
            n += 1
            return false
        }
        return n
    }

    /// Indices into `variables` in initialization order: repeatedly the first declared
    /// variable whose dependencies are all initialized.
    private func initializationOrder() -> [Int] {
        var index: [ObjectID: Int] = [:]
        for (i, v) in variables.enumerated() { index[v.object] = i }
        var functionDeps: [ObjectID: [ObjectID]] = [:]
        for (o, d) in functions { functionDeps[o] = references(file: d.file, in: d.decl) }
        // Dependencies of each variable: variables reached directly or through functions.
        var dependents = Array(repeating: [Int](), count: variables.count)
        var pending = Array(repeating: 0, count: variables.count)
        var specDeps: [NodeID: [ObjectID]] = [:]
        for (i, v) in variables.enumerated() {
            let direct = specDeps[v.spec] ?? references(file: v.initializer.file, in: v.spec)
            specDeps[v.spec] = direct
            var found = Set<Int>()
            var visited = Set<ObjectID>()
            var stack = direct
            while let o = stack.popLast() {
                if let j = index[o] {
                    if j != i { found.insert(j) }
                } else if let next = functionDeps[o], visited.insert(o).inserted {
                    stack += next
                }
            }
            pending[i] = found.count
            for j in found { dependents[j].append(i) }
        }
        // Declaration order is the order of `variables`: the ready ones kept sorted, the
        // first declared last.
        var ready = (0..<variables.count).filter { pending[$0] == 0 }.reversed() as [Int]
        var out: [Int] = []
        out.reserveCapacity(variables.count)
        while let i = ready.popLast() {
            out.append(i)
            for d in dependents[i] {
                pending[d] -= 1
                guard pending[d] == 0 else { continue }
                var lo = 0, hi = ready.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if ready[mid] > d { lo = mid + 1 } else { hi = mid }
                }
                ready.insert(d, at: lo)
            }
        }
        if out.count < variables.count {
            // A cycle (the checker reports it): the rest in declaration order.
            let done = Set(out)
            out += (0..<variables.count).filter { !done.contains($0) }
        }
        return out
    }

    /// Package-level variables, functions and methods of the package a subtree refers to.
    private func references(file: Int, in root: NodeID) -> [ObjectID] {
        let tree = input.files[file].tree, facts = input.facts[file]
        var out: [ObjectID] = []
        tree.walk(root) { id, _, _ in
            if tree.kind(id) == .ident, let o = facts.uses[id] {
                let r = input.program.object(o)
                if r.package == packageIndex, (r.kind == .variable && r.variableKind == .package) || r.kind == .function {
                    out.append(o)
                }
            }
            return true
        }
        return out
    }
}
