import GoSyntax
import GoTypes

/// What kind of function an `IRFunction` is.
public enum IRFunctionKind: UInt8, Sendable {
    /// A function or method declared at package level.
    case declared
    /// A function literal (`F.func1`, `init.func1`).
    case literal
    /// The wrapper the front end makes for a `go` or `defer` call (`F.gowrap1`, `F.deferwrap1`).
    case goDeferWrapper
    /// The body of a range-over-func loop (`F-range1`).
    case rangeBody
    /// The package initialiser made of package-level variable initialisations (`init`).
    case packageInit
    /// The wrapper of an instantiation with concrete type arguments (`F[int]`), which calls
    /// the shaped copy with the instantiation's dictionary (DUPOK: no parameter lines).
    case instanceWrapper
}

/// A call the inliner replaced by the callee's body.
public struct IRInlinedCall: Sendable {
    /// The callee's name as the compiler prints it.
    public var callee: String
    /// Where the call is (the `(`), in the caller.
    public var pos: IRPos
    /// The enclosing inlined call, or -1 when the call is in the function's own code.
    public var parent: Int32
    /// The package's function index of the literal inlined, -1 for a declared callee.
    public var literal: Int32 = -1
    /// For a shaped copy called with concrete type arguments, how its type parameters print
    /// (`go.shape.int`); empty otherwise.
    public var shapes: [TypeID: String] = [:]
    /// For a generic callee inlined into a generic body, the type argument of each of the
    /// callee's type parameters, written in the caller's type parameters (`K` of
    /// `newIndirectNode[K, V]` → `K` of `HashTrieMap[K, V]`); the shapes of an instance of the
    /// caller are found from them. Empty otherwise.
    public var typeArguments: [TypeID: TypeID] = [:]
}

/// One lowered function: its signature variables and its body, held in flat tables (an arena)
/// that node and variable ids index.
public struct IRFunction: Sendable {
    /// The compiler's name (`F`, `(*T).M`, `T.M`, `F.func1`, `F.deferwrap1`, `init.0`).
    public var name: String
    /// What kind of function.
    public var kind: IRFunctionKind
    /// The declared object (functions and methods).
    public var object: ObjectID?
    /// The function's type (a signature).
    public var type: TypeID
    /// Where the compiler places the function (name, `(` of a receiver, `func` of a literal,
    /// the `go`/`defer` keyword of a wrapper).
    public var pos: IRPos
    /// The enclosing function of a literal or wrapper, -1 for a declared function.
    public var parent: Int32
    /// `//go:` directives above the declaration.
    public var pragmas: Set<String>
    /// False for a declaration without body (assembly, linkname).
    public var hasBody: Bool
    /// True for a generic function or a method of a generic type (lowered once, on its
    /// type parameters; the compiler compiles one copy per shape).
    public var isGeneric = false
    /// Receiver (if any) then parameters, in order.
    public var params: [IRVarID] = []
    /// Results, in order.
    public var results: [IRVarID] = []
    /// Closure variables, in capture order.
    public var captured: [IRVarID] = []
    /// Function literals created in this function's body, in order (indexes into
    /// `IRPackage.functions`).
    public var literals: [Int32] = []
    /// The body (a `block` node).
    public var body: IRNodeID = .none
    /// The syntax the function was lowered from: its file (index into the package's files)
    /// and its `FuncDecl` or `FuncLit` node; -1 and none for wrappers and the initialiser.
    public var sourceFile: Int32 = -1
    /// See `sourceFile`.
    public var sourceNode: NodeID = .none
    /// The import path of the package whose files `sourceFile` indexes (a literal copied into
    /// another package by inlining keeps its own).
    public var sourcePackage = ""

    /// Node table; slot 0 is `IRNodeID.none`.
    public var nodes: [IRNode]
    /// List storage: at a handle `h`, `lists[h]` is the count and the elements follow.
    public var lists: [Int32] = [0]
    /// Variables.
    public var variables: [IRVariable] = []
    /// Constants of `literal` nodes.
    public var constants: [ConstantValue] = []
    /// Label names.
    public var labels: [String] = []
    /// Names of linker symbols the body refers to (`dictionary` nodes).
    public var symbols: [String] = []
    /// Inlined calls.
    public var inlinedCalls: [IRInlinedCall] = []
    /// Interface calls made static by inline expansion (`Devirtualization`).
    public var devirtualizedCalls: [IRDevirtualizedCall] = []

    /// An empty function.
    public init(name: String, kind: IRFunctionKind, object: ObjectID?, type: TypeID, pos: IRPos,
                parent: Int32, pragmas: Set<String>, hasBody: Bool) {
        self.name = name
        self.kind = kind
        self.object = object
        self.type = type
        self.pos = pos
        self.parent = parent
        self.pragmas = pragmas
        self.hasBody = hasBody
        nodes = [IRNode(op: .none, flags: [], type: .invalid, pos: .none, a: .none, b: .none, c: .none,
                        list: 0, list2: 0, aux: 0, aux2: -1)]
    }

    // MARK: Reading

    // The readers are inlinable: the passes in other modules read a node per step, and a call
    // per read showed in profiles of a scan.

    /// The node with this id.
    @inlinable @inline(__always) public subscript(id: IRNodeID) -> IRNode { nodes[Int(id.raw)] }
    /// The variable with this id.
    @inlinable @inline(__always) public subscript(v: IRVarID) -> IRVariable { variables[Int(v.raw)] }

    /// The nodes of a list.
    @inlinable
    public func list(_ handle: Int32) -> [IRNodeID] {
        guard handle > 0 else { return [] }
        let n = Int(lists[Int(handle)])
        return (0..<n).map { IRNodeID(lists[Int(handle) + 1 + $0]) }
    }

    /// The number of nodes (slot 0 excluded).
    public var nodeCount: Int { nodes.count - 1 }

    // MARK: Building

    /// Adds a node and returns its id.
    @discardableResult
    public mutating func add(_ op: IROp, type: TypeID = .invalid, pos: IRPos, a: IRNodeID = .none,
                             b: IRNodeID = .none, c: IRNodeID = .none, list: [IRNodeID] = [],
                             list2: [IRNodeID] = [], aux: Int32 = 0, aux2: Int32 = -1,
                             flags: IRFlags = []) -> IRNodeID {
        let id = IRNodeID(Int32(nodes.count))
        nodes.append(IRNode(op: op, flags: flags, type: type, pos: pos, a: a, b: b, c: c,
                            list: makeList(list), list2: makeList(list2), aux: aux, aux2: aux2))
        return id
    }

    /// Stores a list and returns its handle (0 for an empty list).
    public mutating func makeList(_ items: [IRNodeID]) -> Int32 {
        guard !items.isEmpty else { return 0 }
        let h = Int32(lists.count)
        lists.append(Int32(items.count))
        for i in items { lists.append(i.raw) }
        return h
    }

    /// Replaces a node's first list.
    public mutating func setList(_ id: IRNodeID, _ items: [IRNodeID]) {
        nodes[Int(id.raw)].list = makeList(items)
    }

    /// Adds a variable and returns its id.
    public mutating func addVariable(_ v: IRVariable) -> IRVarID {
        variables.append(v)
        return IRVarID(Int32(variables.count - 1))
    }

    /// Adds a constant and returns its index.
    public mutating func addConstant(_ c: ConstantValue) -> Int32 {
        constants.append(c)
        return Int32(constants.count - 1)
    }

    /// Adds a symbol name and returns its index.
    public mutating func addSymbol(_ name: String) -> Int32 {
        symbols.append(name)
        return Int32(symbols.count - 1)
    }

    /// The index of a label, added on first use.
    public mutating func labelIndex(_ name: String) -> Int32 {
        if let i = labels.firstIndex(of: name) { return Int32(i) }
        labels.append(name)
        return Int32(labels.count - 1)
    }
}
