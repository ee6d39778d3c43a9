/// Number, string, rune and comment literals, and `//line` directives.
extension Scanner {
    @inline(__always) func isDecimal(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) func isHex(_ c: UInt8) -> Bool {
        let l = c | 0x20
        return (c >= 48 && c <= 57) || (l >= 97 && l <= 102)
    }

    /// Scans digits of `base` (and `_`); bit 0 of the result: saw a digit, bit 1: saw `_`.
    mutating func digits(_ base: Int, _ invalid: inout Int) -> Int {
        var ds = 0
        let n = src.count
        if base <= 10 {
            let maxDigit = UInt8(48 + base)
            while offset < n {
                let c = src[offset]
                if isDecimal(c) {
                    ds |= 1
                    if c >= maxDigit && invalid < 0 { invalid = offset }
                } else if c == 95 { ds |= 2 } else { break }
                offset += 1
            }
        } else {
            while offset < n {
                let c = src[offset]
                if isHex(c) { ds |= 1 } else if c == 95 { ds |= 2 } else { break }
                offset += 1
            }
        }
        return ds
    }

    func literalName(_ prefix: UInt8) -> String {
        switch prefix {
        case UInt8(ascii: "x"): return "hexadecimal literal"
        case UInt8(ascii: "o"), UInt8(ascii: "0"): return "octal literal"
        case UInt8(ascii: "b"): return "binary literal"
        default: return "decimal literal"
        }
    }

    /// Scans an integer, floating-point or imaginary literal.
    mutating func scanNumber() -> Token {
        let start = offset
        var tok = Token.int
        var base = 10
        var prefix: UInt8 = 0
        var digsep = 0
        var invalid = -1
        if byte(offset) != 46 {
            if byte(offset) == 48 {
                offset += 1
                switch byte(offset) | 0x20 {
                case UInt8(ascii: "x"): offset += 1; base = 16; prefix = UInt8(ascii: "x")
                case UInt8(ascii: "o"): offset += 1; base = 8; prefix = UInt8(ascii: "o")
                case UInt8(ascii: "b"): offset += 1; base = 2; prefix = UInt8(ascii: "b")
                default: base = 8; prefix = UInt8(ascii: "0"); digsep = 1
                }
            }
            digsep |= digits(base, &invalid)
            if byte(offset) == 46 && offset < src.count {
                // fraction follows
            } else if digsep & 1 == 0 {
                error(offset, literalName(prefix) + " has no digits")
            }
        }
        if byte(offset) == 46 && offset < src.count {
            tok = .float
            if prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                error(offset, "invalid radix point in " + literalName(prefix))
            }
            offset += 1
            digsep |= digits(base, &invalid)
            if digsep & 1 == 0 { error(offset, literalName(prefix) + " has no digits") }
        }
        let e = byte(offset) | 0x20
        if offset < src.count && (e == UInt8(ascii: "e") || e == UInt8(ascii: "p")) {
            let ch = Character(Unicode.Scalar(src[offset]))
            if e == UInt8(ascii: "e") && prefix != 0 && prefix != UInt8(ascii: "0") {
                error(offset, "'\(ch)' exponent requires decimal mantissa")
            } else if e == UInt8(ascii: "p") && prefix != UInt8(ascii: "x") {
                error(offset, "'\(ch)' exponent requires hexadecimal mantissa")
            }
            offset += 1
            tok = .float
            if byte(offset) == 43 || byte(offset) == 45 { offset += 1 }
            var ignored = -1
            let ds = digits(10, &ignored)
            digsep |= ds
            if ds & 1 == 0 { error(offset, "exponent has no digits") }
        } else if prefix == UInt8(ascii: "x") && tok == .float {
            error(offset, "hexadecimal mantissa requires a 'p' exponent")
        }
        if byte(offset) == UInt8(ascii: "i") && offset < src.count {
            tok = .imag
            offset += 1
        }
        if tok == .int && invalid >= 0 {
            error(invalid, "invalid digit '\(Character(Unicode.Scalar(src[invalid])))' in " + literalName(prefix))
        }
        if digsep & 2 != 0, let i = invalidSeparator(start, offset) {
            error(i, "'_' must separate successive digits")
        }
        return tok
    }

    /// The offset of the first misplaced `_` in the literal `start..<end`, if any.
    func invalidSeparator(_ start: Int, _ end: Int) -> Int? {
        var i = start
        var hexDigits = false
        var prev: UInt8 = 46 // '.': anything that is not a digit or '_'
        if end - start >= 2 && src[start] == 48 {
            let p = src[start + 1] | 0x20
            if p == UInt8(ascii: "x") || p == UInt8(ascii: "o") || p == UInt8(ascii: "b") {
                hexDigits = p == UInt8(ascii: "x")
                prev = 48
                i = start + 2
            }
        }
        while i < end {
            let c = src[i]
            if c == 95 {
                if prev != 48 { return i }
            } else if isDecimal(c) || (hexDigits && isHex(c)) {
                prev = 48
            } else {
                if prev == 95 { return i - 1 }
                prev = 46
            }
            prev = c == 95 ? 95 : prev
            i += 1
        }
        if prev == 95 { return end - 1 }
        return nil
    }

    /// Scans an escape after a backslash (offset is at the character after `\`, where go/scanner
    /// reports an escape that is not a valid code point).
    mutating func scanEscape(_ quote: UInt8) -> Bool {
        let start = offset
        let c = byte(offset)
        guard offset < src.count else { error(offset, "escape sequence not terminated"); return false }
        var count = 0, base: UInt32 = 0, maxValue: UInt32 = 0
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), quote:
            offset += 1
            return true
        case 48...55: count = 3; base = 8; maxValue = 255
        case UInt8(ascii: "x"): offset += 1; count = 2; base = 16; maxValue = 255
        case UInt8(ascii: "u"): offset += 1; count = 4; base = 16; maxValue = 0x10FFFF
        case UInt8(ascii: "U"): offset += 1; count = 8; base = 16; maxValue = 0x10FFFF
        default:
            error(offset, "unknown escape sequence")
            return false
        }
        var x: UInt32 = 0
        while count > 0 {
            guard offset < src.count else { error(offset, "escape sequence not terminated"); return false }
            let d = src[offset]
            var v: UInt32 = 99
            if isDecimal(d) { v = UInt32(d - 48) } else if isHex(d) { v = UInt32((d | 0x20) - 87) }
            if v >= base {
                if d == 10 { error(offset, "escape sequence not terminated") }
                else if d < 0x80 { error(offset, "illegal character \(unicodeName(Unicode.Scalar(d))) in escape sequence") }
                else { error(offset, "illegal character in escape sequence") }
                return false
            }
            x = x &* base &+ v
            offset += 1
            count -= 1
        }
        if x > maxValue || (x >= 0xD800 && x < 0xE000) {
            error(start, "escape sequence is invalid Unicode code point")
            return false
        }
        return true
    }

    /// Scans an interpreted string; offset is just after the opening quote.
    mutating func scanString() {
        let start = offset - 1
        let n = src.count
        while true {
            guard offset < n else { error(start, "string literal not terminated"); return }
            let c = src[offset]
            if c == 34 { offset += 1; return }
            if c == 10 { error(start, "string literal not terminated"); return }
            if c == 92 { offset += 1; _ = scanEscape(34); continue }
            if c == 0 || c >= 0x80 { offset += checkSpecialByte(); continue }
            offset += 1
        }
    }

    /// Scans a rune literal; offset is just after the opening quote.
    mutating func scanRune() {
        let start = offset - 1
        var valid = true
        var count = 0
        let n = src.count
        while true {
            guard offset < n, src[offset] != 10 else {
                if valid { error(start, "rune literal not terminated"); valid = false }
                break
            }
            let c = src[offset]
            if c == 0 || c >= 0x80 { offset += checkSpecialByte() } else { offset += 1 }
            if c == 39 { break }
            count += 1
            if c == 92 && !scanEscape(39) { valid = false }
        }
        if valid && count != 1 { error(start, "illegal rune literal") }
    }

    /// Scans a raw string; offset is just after the opening back quote.
    mutating func scanRawString() {
        let start = offset - 1
        let n = src.count
        while true {
            guard offset < n else { error(start, "raw string literal not terminated"); return }
            let c = src[offset]
            if c == 96 { offset += 1; return }
            if c == 0 || c >= 0x80 { offset += checkSpecialByte(); continue }
            offset += 1
        }
    }

    /// Scans a comment starting at `start` (offset is at the second character). Returns the
    /// offset of the first newline inside a `/*...*/` comment, or -1.
    mutating func scanComment(start: Int) -> Int {
        let n = src.count
        var firstNewline = -1
        var valid = true
        if src[offset] == 47 {
            offset += 1
            while offset < n {
                let c = src[offset]
                if c == 10 { break }
                if c == 0 || c >= 0x80 { offset += checkSpecialByte() } else { offset += 1 }
            }
        } else {
            offset += 1
            valid = false
            while offset < n {
                let c = src[offset]
                if c == 42 && offset + 1 < n && src[offset + 1] == 47 { offset += 2; valid = true; break }
                if c == 10 && firstNewline < 0 { firstNewline = offset }
                if c == 0 || c >= 0x80 { offset += checkSpecialByte() } else { offset += 1 }
            }
            if !valid { error(start, "comment not terminated") }
        }
        if valid && offset - start > 7 {
            let isSlash = src[start + 1] == 47
            if (!isSlash || start == 0 || src[start - 1] == 10) && src[start + 2] == UInt8(ascii: "l")
                && src[start + 3] == UInt8(ascii: "i") && src[start + 4] == UInt8(ascii: "n")
                && src[start + 5] == UInt8(ascii: "e") && src[start + 6] == 32 {
                var textEnd = offset
                if isSlash {
                    if textEnd > start && src[textEnd - 1] == 13 { textEnd -= 1 }
                } else {
                    textEnd -= 2
                }
                let next = isSlash ? (offset < n ? offset + 1 : offset) : offset
                lineDirective(textStart: start + 7, textEnd: textEnd, next: next)
            }
        }
        return firstNewline
    }

    /// `:digits` at the end of `s..<e`: (index just after the colon, or nil; value; valid).
    func trailingDigits(_ s: Int, _ e: Int) -> (colon: Int?, value: Int, ok: Bool) {
        var i = e - 1
        while i >= s && src[i] != 58 { i -= 1 }
        guard i >= s else { return (nil, 0, false) }
        var v = 0
        if i + 1 == e { return (i + 1, 0, false) }
        for k in (i + 1)..<e {
            let c = src[k]
            guard isDecimal(c) else { return (i + 1, 0, false) }
            v = v * 10 + Int(c - 48)
            if v > Int(Int32.max) * 4 { return (i + 1, 0, false) }
        }
        return (i + 1, v, true)
    }

    /// Records a line directive whose text (after `line `) is `s..<e`, applying from `next`.
    mutating func lineDirective(textStart s: Int, textEnd e: Int, next: Int) {
        let (c1, n1, ok1) = trailingDigits(s, e)
        guard let i1 = c1 else { return }
        guard ok1 else {
            error(i1, "invalid line number: " + String(decoding: src[i1..<e], as: UTF8.self))
            return
        }
        let maxLineCol = 1 << 30
        var line = n1, col = 0
        var nameEnd = i1 - 1
        var lineStart = i1
        let (c2, n2, ok2) = trailingDigits(s, i1 - 1)
        if ok2, let i2 = c2 {
            line = n2; col = n1
            if col == 0 || col > maxLineCol {
                error(i1, "invalid column number: " + String(decoding: src[i1..<e], as: UTF8.self))
                return
            }
            nameEnd = i2 - 1
            lineStart = i2
        }
        if line == 0 || line > maxLineCol {
            let lineEnd = ok2 ? i1 - 1 : e
            error(lineStart, "invalid line number: " + String(decoding: src[lineStart..<lineEnd], as: UTF8.self))
            return
        }
        var filename = String(decoding: src[s..<nameEnd], as: UTF8.self)
        if filename.isEmpty && ok2 {
            filename = lineDirectives.last?.filename ?? path
        } else if !filename.isEmpty {
            filename = cleanPath(filename.hasPrefix("/") ? filename : directory + filename)
        }
        if next < src.count && (lineDirectives.last.map { $0.offset < next } ?? true) {
            lineDirectives.append(LineDirective(offset: next, filename: filename, line: line, column: col))
        }
    }
}

/// Lexically cleans a slash-separated path the way Go's `filepath.Clean` does.
func cleanPath(_ path: String) -> String {
    if path.isEmpty { return "." }
    let rooted = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if let last = parts.last, last != ".." { parts.removeLast(); continue }
            if rooted { continue }
        }
        parts.append(part)
    }
    let body = parts.joined(separator: "/")
    if rooted { return "/" + body }
    return body.isEmpty ? "." : body
}
