import GoTypes

/// A node of one function's body, by index into `IRFunction.nodes`. Index 0 is "no node".
public struct IRNodeID: Hashable, Sendable, Comparable {
    /// Index into the node table.
    public let raw: Int32
    /// Creates an id.
    @inlinable @inline(__always) public init(_ raw: Int32) { self.raw = raw }
    /// No node.
    public static let none = IRNodeID(0)
    /// True for a real node.
    @inlinable @inline(__always) public var exists: Bool { raw != 0 }
    /// Orders by creation.
    public static func < (a: IRNodeID, b: IRNodeID) -> Bool { a.raw < b.raw }
}

/// A variable of one function, by index into `IRFunction.variables`.
public struct IRVarID: Hashable, Sendable, Comparable {
    /// Index into the variable table.
    public let raw: Int32
    /// Creates an id.
    @inlinable @inline(__always) public init(_ raw: Int32) { self.raw = raw }
    /// Orders by declaration.
    public static func < (a: IRVarID, b: IRVarID) -> Bool { a.raw < b.raw }
}

/// A source position as the compiler prints it: a file of the package's file table and a byte
/// offset in it, plus the inlined call the code was copied into (-1 when not inlined).
public struct IRPos: Hashable, Sendable {
    /// Index into `IRPackage.files`; -1 for no position (the compiler prints none).
    public var file: Int32
    /// Byte offset in the file.
    public var offset: Int32
    /// Index into `IRFunction.inlinedCalls` of the innermost inlined call holding the code, or -1.
    public var inlined: Int32
    /// Creates a position.
    public init(file: Int32, offset: Int32, inlined: Int32 = -1) {
        self.file = file
        self.offset = offset
        self.inlined = inlined
    }
    /// No position.
    public static let none = IRPos(file: -1, offset: -1)
    /// True when the position is known.
    public var isKnown: Bool { file >= 0 && offset >= 0 }
}

/// Per-node flags.
public struct IRFlags: OptionSet, Hashable, Sendable {
    /// Raw bits.
    public let rawValue: UInt16
    /// Creates flags.
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// Inserted by the front end, not written in the source (implicit conversions, `&`, `*`).
    public static let implicit = IRFlags(rawValue: 1 << 0)
    /// A call whose last argument is spread with `...`, or an `append(s, t...)`.
    public static let spread = IRFlags(rawValue: 1 << 1)
    /// An assignment that defines its left side (`:=`, `var x = v`), or a range that declares.
    public static let define = IRFlags(rawValue: 1 << 2)
    /// A loop whose variables are per iteration (Go 1.22 semantics of the file).
    public static let distinctVars = IRFlags(rawValue: 1 << 3)
    /// A block the lowering made to hold a statement's init (free for the cost model).
    public static let synthetic = IRFlags(rawValue: 1 << 4)
    /// A `switch` or `case` with no tag / the `default` clause.
    public static let isDefault = IRFlags(rawValue: 1 << 5)
    /// A call written in a `go` or `defer` statement: never inlined.
    public static let goDefer = IRFlags(rawValue: 1 << 6)
    /// A `defer` the compiler must keep on the heap (in a loop or after a looping label).
    public static let heapDefer = IRFlags(rawValue: 1 << 7)
    /// A composite-literal element written with a key.
    public static let keyed = IRFlags(rawValue: 1 << 8)
    /// A call's result is not used.
    public static let resultUnused = IRFlags(rawValue: 1 << 9)
    /// A call of a run-time check the front end inserts (`runtime.panicrangestate` in a
    /// range-over-func loop): its callee is a `nilValue` node, and the inliner counts it as an
    /// ordinary node.
    public static let runtimeCheck = IRFlags(rawValue: 1 << 10)
    /// A value written as an explicit conversion to its own type (`unsafe.Pointer(p)` of an
    /// `unsafe.Pointer`, `(*T)(nil)`): the compiler keeps a conversion node that changes
    /// nothing and costs nothing, and prints it (`T(x)`); the lowering keeps only this mark.
    public static let sameTypeConversion = IRFlags(rawValue: 1 << 11)
}

/// One lowered node. Children and payload are interpreted per `op` (see `IROp`).
public struct IRNode: Sendable {
    /// The operation.
    public var op: IROp
    /// Flags.
    public var flags: IRFlags
    /// The node's type (`.invalid` for statements).
    public var type: TypeID
    /// Where the compiler places the node.
    public var pos: IRPos
    /// First child.
    public var a: IRNodeID
    /// Second child.
    public var b: IRNodeID
    /// Third child.
    public var c: IRNodeID
    /// First list (handle into `IRFunction.lists`).
    public var list: Int32
    /// Second list.
    public var list2: Int32
    /// Payload: a variable, object, constant, token, builtin, field index or function index.
    public var aux: Int32
    /// Second payload: a label index (loops, switches, selects, branches, labels), or -1.
    public var aux2: Int32
}
