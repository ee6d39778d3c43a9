/// The Go scanner: turns bytes into tokens, inserts semicolons, reports lexical errors.
///
/// It works on an `UnsafeBufferPointer<UInt8>` the caller keeps alive, creates no strings per
/// token (a token is a kind and a byte range), and never traps: NUL bytes, invalid UTF-8 and
/// unterminated literals become errors with an offset, and the scan continues.
struct Scanner {
    let src: UnsafeBufferPointer<UInt8>
    let directory: String
    let path: String
    var offset = 0
    var insertSemi = false
    /// Offset of an artificial semicolon owed after a `/*...*/` comment containing a newline.
    var pendingSemi = -1
    var errors: [(offset: Int, message: String)] = []
    var lineDirectives: [LineDirective] = []

    /// One scanned token.
    struct Lexeme {
        var token: Token = .illegal
        var pos = 0
        var end = 0
        /// For semicolons: true when inserted at a newline or EOF (go/scanner's lit "\n").
        var implicit = false
    }

    init(src: UnsafeBufferPointer<UInt8>, path: String) {
        self.src = src
        self.path = path
        if let slash = path.lastIndex(of: "/") {
            directory = String(path[...slash])
        } else {
            directory = ""
        }
        if src.count >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF { offset = 3 }
    }

    mutating func error(_ offset: Int, _ message: String) {
        errors.append((offset, message))
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < src.count ? src[i] : 0 }

    /// Scans the next token.
    mutating func scan() -> Lexeme {
        var lx = Lexeme()
        if pendingSemi >= 0 {
            lx.token = .semicolon; lx.pos = pendingSemi; lx.end = pendingSemi + 1; lx.implicit = true
            pendingSemi = -1
            return lx
        }
        let n = src.count
        // Skip white space.
        while offset < n {
            let c = src[offset]
            if c == 32 || c == 9 || c == 13 || (c == 10 && !insertSemi) { offset += 1 } else { break }
        }
        lx.pos = offset
        if offset >= n {
            lx.end = offset
            if insertSemi {
                insertSemi = false
                lx.token = .semicolon; lx.implicit = true
                return lx
            }
            lx.token = .eof
            return lx
        }
        let c = src[offset]
        var semi = false
        if isASCIILetter(c) {
            let start = offset
            offset += 1
            while offset < n {
                let d = src[offset]
                if isASCIILetter(d) || (d >= 48 && d <= 57) { offset += 1 } else if d >= 0x80 { if !scanUnicodeIdentPart() { break } } else { break }
            }
            lx.token = Token.keyword(src, start, offset)
            switch lx.token {
            case .ident, .kwBreak, .kwContinue, .kwFallthrough, .kwReturn: semi = true
            default: break
            }
        } else if c >= 0x80 {
            let (scalar, width) = decodeScalar(at: offset)
            if let s = scalar, isUnicodeLetter(s) {
                offset += width
                while offset < n {
                    let d = src[offset]
                    if isASCIILetter(d) || (d >= 48 && d <= 57) { offset += 1 } else if d >= 0x80 { if !scanUnicodeIdentPart() { break } } else { break }
                }
                lx.token = .ident
                semi = true
            } else {
                // Invalid or non-letter: reported, returned as ILLEGAL.
                if scalar == nil {
                    error(offset, "illegal UTF-8 encoding")
                } else if scalar!.value == 0xFEFF {
                    error(offset, "illegal byte order mark")
                } else if scalar!.value == 0x201C || scalar!.value == 0x201D {
                    error(offset, "curly quotation mark \(quoteRune(scalar!)) (use neutral '\"')")
                } else {
                    error(offset, "illegal character \(unicodeName(scalar!))")
                }
                offset += width
                lx.token = .illegal
                semi = insertSemi
            }
        } else if (c >= 48 && c <= 57) || (c == 46 && offset + 1 < n && src[offset + 1] >= 48 && src[offset + 1] <= 57) {
            lx.token = scanNumber()
            semi = true
        } else {
            offset += 1
            switch c {
            case 10:
                insertSemi = false
                lx.token = .semicolon; lx.end = offset; lx.implicit = true
                return lx
            case 34: lx.token = .string; scanString(); semi = true
            case 39: lx.token = .char; scanRune(); semi = true
            case 96: lx.token = .string; scanRawString(); semi = true
            case 58: lx.token = pick(61, .define, .colon)
            case 46:
                if byte(offset) == 46 && byte(offset + 1) == 46 { offset += 2; lx.token = .ellipsis } else { lx.token = .period }
            case 44: lx.token = .comma
            case 59: lx.token = .semicolon
            case 40: lx.token = .lparen
            case 41: lx.token = .rparen; semi = true
            case 91: lx.token = .lbrack
            case 93: lx.token = .rbrack; semi = true
            case 123: lx.token = .lbrace
            case 125: lx.token = .rbrace; semi = true
            case 43:
                if byte(offset) == 43 { offset += 1; lx.token = .inc; semi = true } else { lx.token = pick(61, .addAssign, .add) }
            case 45:
                if byte(offset) == 45 { offset += 1; lx.token = .dec; semi = true } else { lx.token = pick(61, .subAssign, .sub) }
            case 42: lx.token = pick(61, .mulAssign, .mul)
            case 47:
                let d = byte(offset)
                if offset < n && (d == 47 || d == 42) {
                    let nl = scanComment(start: offset - 1)
                    if insertSemi && nl >= 0 {
                        pendingSemi = nl
                        insertSemi = false
                    }
                    lx.token = .comment
                    lx.end = offset
                    return lx   // insertSemi preserved
                }
                lx.token = pick(61, .quoAssign, .quo)
            case 37: lx.token = pick(61, .remAssign, .rem)
            case 94: lx.token = pick(61, .xorAssign, .xor)
            case 60:
                if byte(offset) == 45 && offset < n { offset += 1; lx.token = .arrow }
                else if byte(offset) == 60 && offset < n { offset += 1; lx.token = pick(61, .shlAssign, .shl) }
                else { lx.token = pick(61, .leq, .lss) }
            case 62:
                if byte(offset) == 62 && offset < n { offset += 1; lx.token = pick(61, .shrAssign, .shr) }
                else { lx.token = pick(61, .geq, .gtr) }
            case 61: lx.token = pick(61, .eql, .assign)
            case 33: lx.token = pick(61, .neq, .not)
            case 38:
                if byte(offset) == 94 && offset < n { offset += 1; lx.token = pick(61, .andNotAssign, .andNot) }
                else if byte(offset) == 38 && offset < n { offset += 1; lx.token = .land }
                else { lx.token = pick(61, .andAssign, .and) }
            case 124:
                if byte(offset) == 124 && offset < n { offset += 1; lx.token = .lor } else { lx.token = pick(61, .orAssign, .or) }
            case 126: lx.token = .tilde
            default:
                if c == 0 {
                    error(offset - 1, "illegal character NUL")
                } else {
                    error(offset - 1, "illegal character \(unicodeName(Unicode.Scalar(c)))")
                }
                lx.token = .illegal
                semi = insertSemi
            }
        }
        lx.end = offset
        insertSemi = semi
        return lx
    }

    @inline(__always) mutating func pick(_ next: UInt8, _ yes: Token, _ no: Token) -> Token {
        if offset < src.count && src[offset] == next { offset += 1; return yes }
        return no
    }

    @inline(__always) func isASCIILetter(_ c: UInt8) -> Bool {
        let l = c | 0x20
        return (l >= 97 && l <= 122) || c == 95
    }

    /// Consumes one non-ASCII identifier character at `offset` if it is a letter or digit.
    mutating func scanUnicodeIdentPart() -> Bool {
        let (scalar, width) = decodeScalar(at: offset)
        guard let s = scalar else {
            error(offset, "illegal UTF-8 encoding")
            offset += width
            return true
        }
        if isUnicodeLetter(s) || isUnicodeDigit(s) { offset += width; return true }
        return false
    }

    /// Decodes the scalar at `i`; nil (and width 1) for invalid UTF-8.
    func decodeScalar(at i: Int) -> (Unicode.Scalar?, Int) {
        let n = src.count
        let b0 = src[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var need = 0, v: UInt32 = 0, min: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { need = 1; v = UInt32(b0 & 0x1F); min = 0x80 }
        else if b0 & 0xF0 == 0xE0 { need = 2; v = UInt32(b0 & 0x0F); min = 0x800 }
        else if b0 & 0xF8 == 0xF0 { need = 3; v = UInt32(b0 & 0x07); min = 0x10000 }
        else { return (nil, 1) }
        if i + need >= n { return (nil, 1) }
        for k in 1...need {
            let b = src[i + k]
            if b & 0xC0 != 0x80 { return (nil, 1) }
            v = (v << 6) | UInt32(b & 0x3F)
        }
        if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return (nil, 1) }
        return (Unicode.Scalar(v), need + 1)
    }

    /// Checks the (non-ASCII or NUL) byte at `offset` inside a literal or comment, reports
    /// problems, and returns how many bytes to advance.
    mutating func checkSpecialByte() -> Int {
        let c = src[offset]
        if c == 0 { error(offset, "illegal character NUL"); return 1 }
        let (scalar, width) = decodeScalar(at: offset)
        if scalar == nil { error(offset, "illegal UTF-8 encoding") }
        else if scalar!.value == 0xFEFF { error(offset, "illegal byte order mark") }
        return width
    }
}

/// True for Unicode letters (categories Lu, Ll, Lt, Lm, Lo) and `_`.
func isUnicodeLetter(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
        let c = UInt8(s.value), l = c | 0x20
        return (l >= 97 && l <= 122) || c == 95
    }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

/// True for Unicode decimal digits (category Nd).
func isUnicodeDigit(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 48 && s.value <= 57 }
    return s.properties.generalCategory == .decimalNumber
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

/// A scalar as Go's `%#U` prints it: `U+0041 'A'`, and only `U+0007` for a scalar that is not
/// printable (strconv.IsPrint: letters, marks, numbers, punctuation, symbols, ASCII space).
func unicodeName(_ s: Unicode.Scalar) -> String {
    isPrintable(s) ? "U+\(hex4(s.value)) '\(Character(s))'" : "U+\(hex4(s.value))"
}

/// Go's `strconv.IsPrint`.
func isPrintable(_ s: Unicode.Scalar) -> Bool {
    if s == " " { return true }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .nonspacingMark, .spacingMark, .enclosingMark,
         .decimalNumber, .letterNumber, .otherNumber,
         .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
         .finalPunctuation, .otherPunctuation,
         .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        return true
    default:
        return false
    }
}

func quoteRune(_ s: Unicode.Scalar) -> String { "'\(Character(s))'" }
