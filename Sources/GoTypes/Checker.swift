import GoSyntax

/// How an expression may be used, recorded for every checked expression (go/types' operand
/// modes as `TypeAndValue` exposes them).
public enum ExprMode: UInt8, Sendable {
    case void, type, builtin, nilValue, constant, variable, mapIndex, commaOK, value

    /// The dump spelling.
    public var dumpName: String {
        switch self {
        case .void: return "void"
        case .type: return "type"
        case .builtin: return "builtin"
        case .nilValue: return "nil"
        case .constant: return "const"
        case .variable: return "var"
        case .mapIndex: return "mapindex"
        case .commaOK: return "commaok"
        case .value: return "value"
        }
    }
}

/// The recorded facts of one expression.
public struct ExprFact: Sendable {
    /// Mode.
    public var mode: ExprMode
    /// Type (`.invalid` for void).
    public var type: TypeID
    /// Constant value, for constants.
    public var value: ConstantValue?
}

/// What the checker learned about one file: definitions, uses and expression facts, keyed by
/// node id.
public struct FileFacts: Sendable {
    /// Identifier -> object it declares (nil object: declares nothing, e.g. the package name).
    public var defs = NodeMap<ObjectID?>()
    /// Identifier -> object it refers to.
    public var uses = NodeMap<ObjectID>()
    /// Expression -> facts.
    public var exprs = NodeMap<ExprFact>()
    /// Facts of expressions the checker made up (the `1` of `x++`), by source range.
    public var synthetic: [SyntheticFact] = []
    /// A generic function's instantiation -> its type arguments: the called expression of a
    /// call with inferred arguments, the index expression `F[T]`, or a generic function used
    /// as a value of function type.
    public var instances = NodeMap<[TypeID]>()
}

/// An expression fact without a syntax node.
public struct SyntheticFact: Sendable {
    /// Start offset.
    public var offset: Int
    /// End offset.
    public var end: Int
    /// The facts.
    public var fact: ExprFact
}

/// A type error in user code.
public struct TypeDiagnostic: Sendable, Hashable {
    /// File path.
    public var file: String
    /// Byte offset.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// Message.
    public var message: String
}

/// The state of an operand during checking.
enum OperandMode: UInt8 {
    case invalid, novalue, builtin, typexpr, constant, variable, mapindex, value, commaok
}

/// An evaluated expression.
struct Operand {
    var mode: OperandMode
    var type: TypeID
    var value: ConstantValue = .unknown
    var node: NodeID
    var builtin: BuiltinFunction? = nil
    /// Explicit type arguments of a partially instantiated generic function.
    var explicitTypeArgs: [TypeID] = []

    static func invalid(_ n: NodeID) -> Operand { Operand(mode: .invalid, type: .invalid, node: n) }
}

/// Checks one package: collects its declarations, checks every declaration and function body,
/// and records the facts the dump prints. Errors are collected and checking continues.
public final class Checker {
    let program: Program
    let pkg: TypesPackage
    /// The package's files, as checked (node ids in `facts` refer to these trees).
    public let files: [ParsedFile]
    /// Facts per file.
    public internal(set) var facts: [FileFacts]
    /// Type errors, in the order found.
    public internal(set) var diagnostics: [TypeDiagnostic] = []

    var fileScopes: [Scope] = []
    var file = 0
    var tree: SyntaxTree
    var scope: Scope

    // Package-level declarations.
    var declInfo = ObjectTable<DeclInfo>()
    var declState = ObjectTable<UInt8>()   // 1 in progress, 2 done
    var methodDecls: [String: [(file: Int, node: NodeID)]] = [:]
    /// The package-level declaration being checked (initializer or body), for dependencies.
    var currentDecl: ObjectID? = nil
    /// Package-level constants, variables and functions each declaration uses.
    var declDeps = ObjectTable<Set<ObjectID>>()
    /// Receiver base names that are aliases, by the defined type they stand for (built on first use).
    var aliasReceivers: [String: [String]]? = nil
    var delayed: [() -> Void] = []
    var methodObjects: [FileNode: ObjectID] = [:]
    var pendingParams: [(NodeID, ObjectID)] = []
    var panicCalls: Set<FileNode> = []
    var messageContext: String? = nil
    /// The function expression of the call being checked: a partially instantiated generic
    /// function there is inferred from the call's arguments, elsewhere from its constraints.
    var calledFunction: NodeID = .none
    /// Variables referred to (bare assignment targets do not count): the locals of the
    /// function bodies being checked and the package names (`tracksUse`).
    var usedVars: Set<ObjectID> = []
    /// Local variables declared by each function body being checked (innermost last).
    var localVars: [[ObjectID]] = []
    /// Package names declared by imports, with their file.
    var importNames: [(file: Int, object: ObjectID, path: String)] = []
    var untyped: [FileNode: UntypedEntry] = [:]
    /// Defined types declared from another defined type whose declaration was still in progress
    /// (`type T1 struct{ Next *T2 }; type T2 T1`), by the named index they wait for: they take
    /// its underlying type once it is known (`typeDecl`).
    var waitingForUnderlying: [Int: [Int]] = [:]

    // Function context.
    var iota: ConstantValue? = nil
    var currentSignature: SignatureType? = nil
    var hasDefer = false

    /// Creates a checker for a package's files; imports must already be checked into `program`.
    /// A `standalone` package is checked under its path without becoming what imports of that
    /// path resolve to (package unsafe's documentation source, checked like go/types does,
    /// next to the built-in unsafe that imports see).
    public init(program: Program, path: String, files: [ParsedFile], standalone: Bool = false) {
        self.program = program
        let name = files.first?.packageName ?? "_"
        if standalone {
            self.pkg = program.newPackage(path: path, name: name, registered: false)
        } else {
            self.pkg = program.package(path: path, name: name)
        }
        self.files = files
        self.facts = Array(repeating: FileFacts(), count: files.count)
        for (i, file) in files.enumerated() {
            let nodes = file.tree.nodeCount
            facts[i].exprs.reserveSlots(nodeCount: nodes)
            facts[i].uses.reserveSlots(nodeCount: nodes)
            facts[i].defs.reserveSlots(nodeCount: nodes)
            // Most nodes are expressions; about a third are identifiers that name an object,
            // and few declare one.
            facts[i].exprs.reserveEntries(nodes * 3 / 4)
            facts[i].uses.reserveEntries(nodes * 3 / 8)
            facts[i].defs.reserveEntries(nodes / 8)
        }
        self.tree = files[0].tree
        self.scope = pkg.scope
    }

    /// The package being checked.
    public var package: TypesPackage { pkg }

    /// Runs the check.
    public func check() {
        collectObjects()
        checkPackageObjects()
        while !delayed.isEmpty {
            let work = delayed
            delayed = []
            for w in work { w() }
        }
        reportRecursiveTypes()
        reportInitializationCycles()
        flushUntyped()
        reportUnusedImports()
        pkg.complete = true
    }

    /// Reports imports whose package name is never used.
    func reportUnusedImports() {
        for (f, o, path) in importNames where !usedVars.contains(o) {
            let r = program.object(o)
            let imported = program.packages[Int(r.imported)]
            let what = r.name == imported.name ? "\"\(path)\" imported and not used" : "\"\(path)\" imported as \(r.name) and not used"
            inFile(f) { error(at: Int(r.offset), what) }
        }
    }

    // MARK: Context

    /// Switches to file `i`.
    func enterFile(_ i: Int) {
        file = i
        tree = files[i].tree
    }

    /// Runs `body` with file `f` current, restoring the previous file and scope after.
    func inFile<T>(_ f: Int, scope s: Scope? = nil, _ body: () -> T) -> T {
        let (oldFile, oldScope) = (file, scope)
        enterFile(f)
        if let s { scope = s }
        defer { enterFile(oldFile); scope = oldScope }
        return body()
    }

    @inline(__always) func kind(_ n: NodeID) -> NodeKind { tree.kind(n) }
    @inline(__always) func node(_ n: NodeID) -> Node { tree[n] }

    // MARK: Recording

    func recordDef(_ ident: NodeID, _ obj: ObjectID?) {
        if ident.exists { facts[file].defs[ident] = obj }
    }

    func recordUse(_ ident: NodeID, _ obj: ObjectID) {
        facts[file].uses[ident] = obj
        if tracksUse(obj) { usedVars.insert(obj) }
        noteDependency(obj)
    }

    /// True for the objects whose use is checked (`usedVars`): variables that are not
    /// package-level, and package names. Leaving the rest out keeps the set as small as one
    /// function's locals instead of every object a large package names.
    @inline(__always) func tracksUse(_ obj: ObjectID) -> Bool {
        let r = program.object(obj)
        return r.kind == .packageName || (r.kind == .variable && r.variableKind != .package)
    }

    func recordType(_ n: NodeID, mode: ExprMode, type: TypeID, value: ConstantValue? = nil) {
        facts[file].exprs[n] = ExprFact(mode: mode, type: type, value: value)
    }

    /// Records an operand, delaying untyped ones until their final type is known.
    func record(_ x: Operand) {
        let mode: ExprMode
        switch x.mode {
        case .invalid: return
        case .novalue: mode = .void
        case .builtin: mode = .builtin
        case .typexpr: mode = .type
        case .constant: mode = .constant
        case .variable: mode = .variable
        case .mapindex: mode = .mapIndex
        case .commaok: mode = .commaOK
        case .value: mode = x.type == program.basicType(.untypedNil) ? .nilValue : .value
        }
        let value: ConstantValue? = x.mode == .constant ? x.value : nil
        if x.mode != .novalue && program.isUntyped(x.type) {
            untyped[FileNode(file: Int32(file), node: x.node)] =
                UntypedEntry(isShiftOperand: false, mode: mode, type: x.type, value: value)
            return
        }
        recordType(x.node, mode: mode, type: x.mode == .novalue ? .invalid : x.type, value: value)
    }

    /// Records the untyped expressions whose type never became final, with their untyped types.
    func flushUntyped() {
        for (k, e) in untyped {
            facts[Int(k.file)].exprs[k.node] = ExprFact(mode: e.mode, type: e.type, value: e.value)
        }
        untyped = [:]
    }

    // MARK: Errors

    /// Reports a type error at an offset of the current file.
    func error(at offset: Int, _ message: String) {
        let pos = tree.source.position(of: max(0, offset))
        diagnostics.append(TypeDiagnostic(file: tree.source.path, offset: offset, line: pos.line, column: pos.column, message: message))
    }

    /// Reports a type error at a node.
    func error(_ n: NodeID, _ message: String) { error(at: tree[n].pos, message) }

    /// A type as go/types' messages print it: names of this package unqualified, others by
    /// package name (by quoted path when two imported packages share the name).
    func typeString(_ t: TypeID) -> String {
        program.typeString(t) { p in
            if p == self.pkg.index { return "" }
            let imported = self.program.packages[Int(p)]
            let sameName = Set(self.importNames.compactMap { entry -> String? in
                let other = self.program.packages[Int(self.program.object(entry.object).imported)]
                return other.name == imported.name ? other.path : nil
            })
            return sameName.count > 1 ? "\"\(imported.path)\"" : imported.name
        }
    }

    /// An expression as messages print it (go/types' ExprString layout).
    func text(_ n: NodeID) -> String { exprString(n) }
}

/// A node of one of the package's files.
struct FileNode: Hashable {
    var file: Int32
    var node: NodeID
}

/// A delayed untyped expression.
struct UntypedEntry {
    var isShiftOperand: Bool
    var mode: ExprMode
    var type: TypeID
    var value: ConstantValue?
}

/// A package-level declaration waiting to be checked.
struct DeclInfo {
    var file: Int
    /// For constants: the type and value expressions (inherited from an earlier spec when
    /// omitted) and the iota; for variables: type, the value expression(s), all names.
    var typeExpr: NodeID = .none
    var initExpr: NodeID = .none
    var iota: Int = 0
    var lhs: [ObjectID] = []
    var spec: NodeID = .none
    var funcDecl: NodeID = .none
    var inherited = false
}
