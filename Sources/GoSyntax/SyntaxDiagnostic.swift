/// A syntax error found while scanning or parsing a file.
public struct SyntaxDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// Byte offset of the error.
    public var offset: Int
    /// 1-based physical line.
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// What is wrong, in go/parser's words where they exist.
    public var message: String
    /// The full position, including the `//line`-adjusted file, line and column (which is
    /// what go/parser and the compiler print for generated files).
    public var position: SourcePosition

    /// `path:line:col: message`.
    public var description: String { "\(path):\(line):\(column): \(message)" }

    /// The error as go/parser's error list prints it (`gofmt -e`): the `//line`-adjusted
    /// position (`file:line:col`, `file:line` when the directive gives no column) and the message.
    public var adjustedDescription: String {
        let p = position
        var at = p.adjustedFile
        if p.adjustedLine > 0 {
            at += (at.isEmpty ? "" : ":") + "\(p.adjustedLine)"
            if p.adjustedColumn > 0 { at += ":\(p.adjustedColumn)" }
        }
        return (at.isEmpty ? "-" : at) + ": " + message
    }
}
