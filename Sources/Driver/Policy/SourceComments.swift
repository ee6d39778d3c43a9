/// The line comments of a Go file and which lines hold code, found by a small lexer that knows
/// strings, raw strings, runes and block comments (so `"//heapsight:noalloc"` inside a string
/// is not a directive). It never fails: unterminated literals end at the end of the file.
public struct SourceComments: Sendable {
    /// A `//` comment.
    public struct LineComment: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// 1-based byte column of the first `/`.
        public var column: Int
        /// The comment text from `//` to the end of the line, without a trailing `\r`.
        public var text: String
        /// True when code precedes the comment on its line.
        public var trailing: Bool
    }

    /// Every `//` comment in order.
    public let comments: [LineComment]
    /// Lines (1-based) holding at least one token that is not a comment.
    public let codeLines: Set<Int>
    /// Lines (1-based) holding a comment (line or block).
    public let commentLines: Set<Int>

    /// Lexes a file.
    public init(bytes: [UInt8]) {
        var comments: [LineComment] = []
        var code = Set<Int>(), commented = Set<Int>()
        var i = 0, line = 1, lineStart = 0
        let n = bytes.count
        func newline() { line += 1; lineStart = i + 1 }
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x0A:
                newline(); i += 1
            case 0x20, 0x09, 0x0D:
                i += 1
            case 0x2F where i + 1 < n && bytes[i + 1] == 0x2F:  // //
                let start = i
                while i < n && bytes[i] != 0x0A { i += 1 }
                var end = i
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                comments.append(LineComment(line: line, column: start - lineStart + 1,
                                            text: String(decoding: bytes[start..<end], as: UTF8.self),
                                            trailing: code.contains(line)))
                commented.insert(line)
            case 0x2F where i + 1 < n && bytes[i + 1] == 0x2A:  // /* ... */
                commented.insert(line)
                i += 2
                while i < n && !(bytes[i] == 0x2A && i + 1 < n && bytes[i + 1] == 0x2F) {
                    if bytes[i] == 0x0A { newline(); commented.insert(line) }
                    i += 1
                }
                i = min(n, i + 2)
            case 0x22, 0x27:  // "..." or '...'
                code.insert(line)
                let quote = b
                i += 1
                while i < n && bytes[i] != quote && bytes[i] != 0x0A {
                    if bytes[i] == 0x5C { i += 1 }
                    i += 1
                }
                if i < n && bytes[i] == quote { i += 1 }
            case 0x60:  // `raw`
                code.insert(line)
                i += 1
                while i < n && bytes[i] != 0x60 {
                    if bytes[i] == 0x0A { newline(); code.insert(line) }
                    i += 1
                }
                i = min(n, i + 1)
            default:
                code.insert(line)
                i += 1
            }
        }
        self.comments = comments
        self.codeLines = code
        self.commentLines = commented
    }

    /// The line a standalone comment on `line` applies to: the first following line with code,
    /// when only comment lines lie between; nil when a blank line (or the end) comes first.
    public func targetLine(after line: Int, lastLine: Int) -> Int? {
        var l = line + 1
        while l <= lastLine {
            if codeLines.contains(l) { return l }
            if !commentLines.contains(l) { return nil }
            l += 1
        }
        return nil
    }
}
