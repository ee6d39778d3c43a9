/// A function, method or function literal found in the scanned source.
///
/// Its `id` is the identity that survives edits elsewhere in the file: package path, receiver,
/// name, and for a function literal the index of the literal within its parent
/// (`example.com/m.(*T).Run.func2`). Line numbers are not part of it.
public struct FunctionRecord: Sendable, Hashable, Codable {
    /// Stable identity: `PKGPATH.NAME`, `PKGPATH.(*T).M`, `PKGPATH.T.M`, `PKGPATH.F.func1`,
    /// `PKGPATH.F.func1.1`, `PKGPATH.glob..func1` (a literal at package level), following the
    /// compiler's own naming of closures.
    public var id: String
    /// Import path of the package.
    public var package: String
    /// Receiver type as written without the variable name (`*T`, `T`, `List[T]`), empty for functions.
    public var receiver: String
    /// The function's own name; for a literal, the compiler-style suffix (`func1`).
    public var name: String
    /// File path relative to the scanned root.
    public var file: String
    /// Position of the compiler's reference point: the name, or the `(` of a method receiver,
    /// or the `func` keyword of a literal.
    public var line: Int
    /// Byte column of that reference point.
    public var column: Int
    /// Line of the `func` keyword (start of the declaration or literal).
    public var startLine: Int
    /// Byte column of the `func` keyword.
    public var startColumn: Int
    /// Last line of the body (the closing brace).
    public var endLine: Int
    /// Byte column of the closing brace.
    public var endColumn: Int
    /// Number of source lines from `func` to the closing brace.
    public var lineCount: Int
    /// Number of statements in the body, nested ones included.
    public var statementCount: Int
    /// The `//ns:name` comments of the declaration's doc comment as written, e.g. `//go:noinline`
    /// (not validated or placed: heapsight's own directives are read by the driver's `DirectiveParser`).
    public var directives: [String]
    /// True for function literals.
    public var isLiteral: Bool
    /// The id of the enclosing function for a literal.
    public var parent: String?

    /// True when (line, column) lies between the `func` keyword and the closing brace.
    public func contains(line l: Int, column c: Int) -> Bool {
        if l < startLine || l > endLine { return false }
        if l == startLine && c < startColumn { return false }
        if l == endLine && c > endColumn { return false }
        return true
    }

    /// Creates a record.
    public init(id: String, package: String, receiver: String, name: String, file: String,
                line: Int, column: Int, startLine: Int, startColumn: Int, endLine: Int, endColumn: Int, lineCount: Int,
                statementCount: Int, directives: [String], isLiteral: Bool, parent: String?) {
        self.id = id
        self.package = package
        self.receiver = receiver
        self.name = name
        self.file = file
        self.line = line
        self.column = column
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
        self.lineCount = lineCount
        self.statementCount = statementCount
        self.directives = directives
        self.isLiteral = isLiteral
        self.parent = parent
    }
}
