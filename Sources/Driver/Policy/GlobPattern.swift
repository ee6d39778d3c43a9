/// A pattern over import paths and function names: `...` matches any run of characters,
/// `*` any run without `/`, `?` one character; everything else matches itself.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let tokens: [Token]

    private enum Token: Hashable, Sendable { case any, segment, one, literal(Character) }

    /// Compiles a pattern.
    public init(_ text: String) {
        self.text = text
        var out: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == ".", i + 2 < chars.count, chars[i + 1] == ".", chars[i + 2] == "." {
                out.append(.any); i += 3
            } else if chars[i] == "*" {
                out.append(.segment); i += 1
            } else if chars[i] == "?" {
                out.append(.one); i += 1
            } else {
                out.append(.literal(chars[i])); i += 1
            }
        }
        tokens = out
    }

    /// The pattern as written.
    public var description: String { text }

    /// Whether the whole string matches.
    public func matches(_ s: String) -> Bool {
        let chars = Array(s)
        var memo: [Int: Bool] = [:]
        func go(_ t: Int, _ c: Int) -> Bool {
            let key = t * (chars.count + 1) + c
            if let m = memo[key] { return m }
            var r: Bool
            if t == tokens.count {
                r = c == chars.count
            } else {
                switch tokens[t] {
                case .any:
                    r = (c...chars.count).contains { go(t + 1, $0) }
                case .segment:
                    r = go(t + 1, c)
                    var k = c
                    while !r && k < chars.count && chars[k] != "/" { k += 1; r = go(t + 1, k) }
                case .one:
                    r = c < chars.count && go(t + 1, c + 1)
                case .literal(let ch):
                    r = c < chars.count && chars[c] == ch && go(t + 1, c + 1)
                }
            }
            memo[key] = r
            return r
        }
        return go(0, 0)
    }
}
