/// The syntax tree of one file, stored as arrays of plain records (an arena): nodes refer to
/// each other by `NodeID` index, lists live in one shared `Int32` array, comments in another.
/// Nothing is a class per node, so building and dropping a tree costs a few allocations.
///
/// Read it through `tree[id]` (a `Node` view with go/ast's field names), `tree.walk(...)`,
/// `tree.comments` and `tree.source.position(of:)`.
public final class SyntaxTree: @unchecked Sendable {
    /// The file the tree was parsed from (bytes, line table, `//line` directives).
    public let source: SourceFile
    /// Node records; index 0 is a placeholder for `NodeID.none`.
    public let nodes: [NodeRecord]
    /// List storage: at a list handle `h`, `lists[h]` is the count and the elements follow.
    /// Handle 0 is the empty list.
    public let lists: [Int32]
    /// Every comment, in source order.
    public let comments: [Comment]
    /// Every comment group, in source order.
    public let commentGroups: [CommentGroup]
    /// The `File` node.
    public let root: NodeID
    /// The number of embedded fields (fields without names) of the file's struct types,
    /// counted as they are parsed: most files have none, and a pass that looks only at struct
    /// types with embedded fields skips those files without reading their nodes.
    public let embeddedFields: Int

    init(source: SourceFile, nodes: [NodeRecord], lists: [Int32], comments: [Comment],
         commentGroups: [CommentGroup], root: NodeID, embeddedFields: Int) {
        self.source = source
        self.nodes = nodes
        self.lists = lists
        self.comments = comments
        self.commentGroups = commentGroups
        self.root = root
        self.embeddedFields = embeddedFields
    }

    /// The node with this id.
    @inline(__always) public subscript(id: NodeID) -> Node { Node(tree: self, id: id) }

    /// The kind of a node (`.none` for `NodeID.none`).
    @inlinable public func kind(_ id: NodeID) -> NodeKind { nodes[Int(id.raw)].kind }

    /// The list at a handle.
    @inline(__always) func list(_ handle: Int32) -> NodeList { NodeList(tree: self, handle: handle) }

    /// Source bytes of a range as a string.
    public func text(_ start: Int, _ end: Int) -> String { source.text(start, end) }

    /// Physical and `//line`-adjusted position of an offset.
    public func position(_ offset: Int) -> SourcePosition { source.position(of: offset) }

    /// Number of nodes (including the placeholder at index 0).
    public var nodeCount: Int { nodes.count }
}

/// A list of nodes stored in a tree (arguments, statements, fields...).
public struct NodeList: RandomAccessCollection, Sendable {
    let tree: SyntaxTree
    let handle: Int32
    /// First index (always 0).
    public var startIndex: Int { 0 }
    /// Number of elements.
    public var endIndex: Int { handle == 0 ? 0 : Int(tree.lists[Int(handle)]) }
    /// The element at `i`.
    public subscript(i: Int) -> NodeID { NodeID(tree.lists[Int(handle) + 1 + i]) }
}

/// One comment: `//...` (without the newline) or `/*...*/`.
public struct Comment: Sendable, Hashable {
    /// Offset of the first `/`.
    public var pos: Int32
    /// Offset just after the comment.
    public var end: Int32
}

/// A run of comments with no token between them and no blank line separating them, grouped
/// exactly as go/parser groups them.
public struct CommentGroup: Sendable, Hashable {
    /// Index of the first comment in `SyntaxTree.comments`.
    public var first: Int32
    /// Number of comments.
    public var count: Int32
}
