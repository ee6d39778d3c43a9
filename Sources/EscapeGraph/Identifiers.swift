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
/// (`append(s, p)` at `./a.go:3:55`).
public struct NoteSite: Hashable, Sendable {
    /// The node as the compiler renders it with `%v`.
    public var text: String
    /// The node's position.
    public var position: SourcePosition

    /// Creates a note site.
    public init(_ text: String, at position: SourcePosition) {
        self.text = text
        self.position = position
    }
}
