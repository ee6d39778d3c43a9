/// A node of a `SyntaxTree`, by index. `NodeID.none` (index 0) means "absent".
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Index into the tree's node array.
    public let raw: Int32
    /// Creates an id from a raw index.
    @inline(__always) public init(_ raw: Int32) { self.raw = raw }
    /// The absent node.
    public static let none = NodeID(0)
    /// True when this is `NodeID.none`.
    @inline(__always) public var isNone: Bool { raw == 0 }
    /// True when a node is present.
    @inline(__always) public var exists: Bool { raw != 0 }
    /// Orders ids by creation (children are created before their parents).
    public static func < (a: NodeID, b: NodeID) -> Bool { a.raw < b.raw }
    /// `#N`.
    public var description: String { "#\(raw)" }
}

/// The stored record of one node: kind, one token, flags, up to three positions and five
/// child slots. Which slot means what depends on the kind (see `SyntaxTree+Accessors.swift`);
/// positions are byte offsets, -1 when absent; child slots are node indices (0 = none), list
/// handles into `SyntaxTree.lists`, or comment-group indices plus one.
public struct NodeRecord: Sendable {
    /// The node kind.
    public var kind: NodeKind
    /// Operator, keyword or literal token, where the kind has one.
    public var token: Token
    /// Kind-specific flags (implicit, slice3, channel direction, synthesized name...).
    public var flags: UInt8
    /// First position slot.
    public var p0: Int32
    /// Second position slot.
    public var p1: Int32
    /// Third position slot.
    public var p2: Int32
    /// Child slots.
    public var c0: Int32, c1: Int32, c2: Int32, c3: Int32, c4: Int32

    @inline(__always)
    init(_ kind: NodeKind, token: Token = .illegal, flags: UInt8 = 0, p0: Int32 = -1, p1: Int32 = -1, p2: Int32 = -1,
         c0: Int32 = 0, c1: Int32 = 0, c2: Int32 = 0, c3: Int32 = 0, c4: Int32 = 0) {
        self.kind = kind; self.token = token; self.flags = flags
        self.p0 = p0; self.p1 = p1; self.p2 = p2
        self.c0 = c0; self.c1 = c1; self.c2 = c2; self.c3 = c3; self.c4 = c4
    }
}
