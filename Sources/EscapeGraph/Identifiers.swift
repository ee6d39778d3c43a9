/// Index of a location inside one `EscapeGraph`. The four pseudo-locations come first.
public struct LocationID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The raw arena index.
    public let raw: Int32

    /// Wraps a raw arena index.
    public init(raw: Int32) { self.raw = raw }

    /// The heap: everything stored here outlives every stack frame.
    public static let heap = LocationID(raw: 0)
    /// The pointer operand of indirect stores (`*p = v`): memory it reaches is mutated.
    public static let mutator = LocationID(raw: 1)
    /// The operand of calls whose results are not tracked: closures reaching it are called.
    public static let callee = LocationID(raw: 2)
    /// The discard sink (`_ = v`, scalars, ignored operands).
    public static let blank = LocationID(raw: 3)
    /// Number of pseudo-locations preceding the caller's locations.
    static let pseudoCount: Int32 = 4

    /// Orders by arena index, which is creation order.
    public static func < (a: LocationID, b: LocationID) -> Bool { a.raw < b.raw }
    /// `loc#N`, for debugging.
    public var description: String { "loc#\(raw)" }
    var index: Int { Int(raw) }
}

/// Index of a function in the graph's function table, in declaration (batch) order.
public struct FunctionID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The raw table index.
    public let raw: Int32

    /// Wraps a raw table index.
    public init(raw: Int32) { self.raw = raw }

    /// Orders by declaration order.
    public static func < (a: FunctionID, b: FunctionID) -> Bool { a.raw < b.raw }
    /// `fn#N`, for debugging.
    public var description: String { "fn#\(raw)" }
    var index: Int { Int(raw) }
}

/// A source position as the compiler prints it (`./a.go:3:15`); `file` is printed verbatim.
public struct SourcePosition: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file as it appears in messages (`./a.go`, or an absolute path outside the module).
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int32
    /// 1-based byte column; 0 when unknown.
    public var column: Int32

    /// Creates a position.
    public init(file: String, line: Int32, column: Int32) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The unknown position (printed `<unknown line number>`, as the compiler does).
    public static let none = SourcePosition(file: "", line: 0, column: 0)

    /// Whether the position is known.
    public var isKnown: Bool { line > 0 }

    /// `file:line:col`, the compiler's `base.FmtPos` rendering.
    public var description: String {
        guard isKnown else { return "<unknown line number>" }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}

/// The node an explanation note points at: its rendered text and position
/// (`append(s, p)` at `./a.go:3:55`), or the caller's name for a node it renders only when an
/// explanation prints the note (`deferred`).
public struct NoteSite: Hashable, Sendable {
    /// The node as the compiler renders it with `%v` (empty while deferred).
    public var text: String
    /// The node's position (unknown while deferred).
    public var position: SourcePosition
    /// The node in the caller's own terms, described later by
    /// `EscapeBatchResult.describeDeferredSites`; nil when `text` and `position` are final.
    public var deferred: DeferredSite?

    /// Creates a note site.
    public init(_ text: String, at position: SourcePosition) {
        self.text = text
        self.position = position
        self.deferred = nil
    }

    /// A site rendered only if an explanation prints it: a graph holds one note per
    /// expression, statement and call it lowers, and only a few of them are ever printed,
    /// as the compiler keeps its notes' nodes and formats them when it explains a flow.
    public init(deferred: DeferredSite) {
        self.text = ""
        self.position = .none
        self.deferred = deferred
    }
}

/// A note site named by the graph's user: which rendering (`kind`, the user's own code), of
/// which node of which function. The graph never reads it; it travels with the note into
/// explanations until the user describes it.
public struct DeferredSite: Hashable, Sendable {
    /// The user's code for how the node is rendered.
    public var kind: UInt8
    /// The user's function.
    public var function: Int32
    /// The user's node.
    public var node: Int32

    /// Creates a deferred site.
    public init(kind: UInt8, function: Int32, node: Int32) {
        self.kind = kind
        self.function = function
        self.node = node
    }
}
