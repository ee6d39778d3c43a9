/// A position in a Go source file: 1-based line and 1-based byte column (a tab counts as one),
/// as `go build -gcflags=-m` prints them, plus the position after `//line` directives.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// Byte offset from the start of the file (0-based).
    public var offset: Int
    /// Physical line, 1-based.
    public var line: Int
    /// Physical byte column, 1-based.
    public var column: Int
    /// File name after `//line` directives (the file's own path when there are none).
    public var adjustedFile: String
    /// Line after `//line` directives.
    public var adjustedLine: Int
    /// Column after `//line` directives (0 when a directive leaves it unknown).
    public var adjustedColumn: Int

    /// Creates a position.
    public init(offset: Int, line: Int, column: Int, adjustedFile: String, adjustedLine: Int, adjustedColumn: Int) {
        self.offset = offset
        self.line = line
        self.column = column
        self.adjustedFile = adjustedFile
        self.adjustedLine = adjustedLine
        self.adjustedColumn = adjustedColumn
    }

    /// `line:column` (physical).
    public var description: String { "\(line):\(column)" }
}

/// A `//line` or `/*line` directive: from `offset` on, positions are reported relative to it.
public struct LineDirective: Hashable, Sendable {
    /// Offset of the first byte the directive applies to (just after the comment).
    public var offset: Int
    /// File name the directive names (joined to the file's directory when relative).
    public var filename: String
    /// Line the byte at `offset` is reported on.
    public var line: Int
    /// Column the byte at `offset` is reported on; 0 when the directive gives none.
    public var column: Int
}
