import XCTest
@testable import GoSyntax

/// Scanner behaviour by area; expected values follow the Go spec and go/scanner.
final class ScannerTests: XCTestCase {
    struct Tok: Equatable, CustomStringConvertible {
        var token: Token
        var text: String
        var description: String { "\(token.text) \(text)" }
    }

    func scan(_ src: String) -> (tokens: [Tok], errors: [(Int, String)]) {
        let bytes = Array(src.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            var s = Scanner(src: buf, path: "x.go")
            var out: [Tok] = []
            while true {
                let lx = s.scan()
                let text = lx.token == .semicolon && lx.implicit ? "\\n" : String(decoding: buf[lx.pos..<lx.end], as: UTF8.self)
                out.append(Tok(token: lx.token, text: text))
                if lx.token == .eof || out.count > 1000 { break }
            }
            return (out, s.errors.map { ($0.offset, $0.message) })
        }
    }

    func kinds(_ src: String) -> [Token] { scan(src).tokens.map(\.token) }

    func testSemicolonInsertionAfterIdentLiteralsKeywordsAndClosers() {
        XCTAssertEqual(kinds("x := 1\nreturn\n"), [.ident, .define, .int, .semicolon, .kwReturn, .semicolon, .eof])
        XCTAssertEqual(kinds("f()\n}\n"), [.ident, .lparen, .rparen, .semicolon, .rbrace, .semicolon, .eof])
        XCTAssertEqual(kinds("a++\nb--\n"), [.ident, .inc, .semicolon, .ident, .dec, .semicolon, .eof])
        // No semicolon after an operator or an opening brace at the end of a line.
        XCTAssertEqual(kinds("a +\nb {\n"), [.ident, .add, .ident, .lbrace, .eof])
        // At EOF without a newline a semicolon is still inserted.
        XCTAssertEqual(kinds("break"), [.kwBreak, .semicolon, .eof])
    }

    func testCommentsAndSemicolons() {
        // A line comment keeps the semicolon owed by the previous token; it comes at the newline.
        let a = scan("x // c\ny")
        XCTAssertEqual(a.tokens.map(\.token), [.ident, .comment, .semicolon, .ident, .semicolon, .eof])
        // A /*...*/ comment containing a newline produces the semicolon after the comment.
        let b = scan("x /* a\nb */ y")
        XCTAssertEqual(b.tokens.map(\.token), [.ident, .comment, .semicolon, .ident, .semicolon, .eof])
        XCTAssertEqual(scan("/* open").errors.first?.1, "comment not terminated")
    }

    func testAllOperators() {
        let src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! != <= >= := ... ( [ { , . ) ] } ; : ~"
        let expected: [Token] = [.add, .sub, .mul, .quo, .rem, .and, .or, .xor, .shl, .shr, .andNot,
                                 .addAssign, .subAssign, .mulAssign, .quoAssign, .remAssign, .andAssign, .orAssign,
                                 .xorAssign, .shlAssign, .shrAssign, .andNotAssign, .land, .lor, .arrow, .inc, .dec,
                                 .eql, .lss, .gtr, .assign, .not, .neq, .leq, .geq, .define, .ellipsis,
                                 .lparen, .lbrack, .lbrace, .comma, .period, .rparen, .rbrack, .rbrace, .semicolon, .colon, .tilde]
        let got = kinds(src).filter { $0 != .eof }
        // `++`, `--`, `)`, `]`, `}` insert no semicolon here because more tokens follow on the line.
        XCTAssertEqual(got.filter { $0 != .semicolon }, expected.filter { $0 != .semicolon })
    }

    func testKeywords() {
        let words = "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var"
        let got = kinds(words).filter { $0 != .eof && $0 != .semicolon }
        XCTAssertEqual(got.count, 25)
        XCTAssertTrue(got.allSatisfy(\.isKeyword))
        XCTAssertEqual(kinds("breaker")[0], .ident)
    }

    func testNumberLiteralForms() {
        let cases: [(String, Token)] = [
            ("42", .int), ("0b1010", .int), ("0B1", .int), ("0o17", .int), ("017", .int), ("0x1F", .int),
            ("1_000_000", .int), ("0x_1F", .int), ("3.14", .float), (".5", .float), ("1.", .float), ("1e3", .float),
            ("1E-3", .float), ("0x1p-2", .float), ("0x1.8p3", .float), ("08.5", .float), ("3i", .imag),
            ("0x1p2i", .imag), ("1.5e2i", .imag), ("0i", .imag), ("089i", .imag),
        ]
        for (src, kind) in cases {
            let r = scan(src)
            XCTAssertEqual(r.tokens.first?.token, kind, src)
            XCTAssertEqual(r.tokens.first?.text, src, src)
            XCTAssertTrue(r.errors.isEmpty, "\(src): \(r.errors)")
        }
    }

    func testInvalidNumbers() {
        XCTAssertEqual(scan("0x").errors.first?.1, "hexadecimal literal has no digits")
        XCTAssertEqual(scan("0b12").errors.first?.1, "invalid digit '2' in binary literal")
        XCTAssertEqual(scan("09").errors.first?.1, "invalid digit '9' in octal literal")
        XCTAssertEqual(scan("1__0").errors.first?.1, "'_' must separate successive digits")
        XCTAssertEqual(scan("1_").errors.first?.1, "'_' must separate successive digits")
        XCTAssertEqual(scan("0x1.5").errors.first?.1, "hexadecimal mantissa requires a 'p' exponent")
        XCTAssertEqual(scan("1e").errors.first?.1, "exponent has no digits")
        XCTAssertEqual(scan("0b1.0").errors.first?.1, "invalid radix point in binary literal")
    }

    func testStringsAndRunes() {
        XCTAssertEqual(scan(#""a\n\"b\u00e9\x41\101""#).tokens[0], Tok(token: .string, text: #""a\n\"b\u00e9\x41\101""#))
        XCTAssertEqual(scan("`raw\nline`").tokens[0].token, .string)
        XCTAssertEqual(scan("'a' '\\n' '\\'' 'é'").tokens.filter { $0.token == .char }.count, 4)
        XCTAssertEqual(scan("\"open\n").errors.first?.1, "string literal not terminated")
        XCTAssertEqual(scan("`open").errors.first?.1, "raw string literal not terminated")
        XCTAssertEqual(scan("'ab'").errors.first?.1, "illegal rune literal")
        XCTAssertEqual(scan("''").errors.first?.1, "illegal rune literal")
        XCTAssertEqual(scan(#""\q""#).errors.first?.1, "unknown escape sequence")
        XCTAssertEqual(scan(#""\uD800""#).errors.first?.1, "escape sequence is invalid Unicode code point")
    }

    func testUnicodeIdentifiers() {
        let r = scan("héllo 世界 x1")
        XCTAssertEqual(r.tokens.map(\.token), [.ident, .ident, .ident, .semicolon, .eof])
        XCTAssertEqual(r.tokens[1].text, "世界")
    }

    func testBadBytesAreErrorsWithOffsets() {
        let bytes: [UInt8] = Array("x ".utf8) + [0] + Array(" y ".utf8) + [0xFF] + Array(" \"a".utf8) + [0xC3] + Array("\"".utf8)
        let (errors, tokens): ([(Int, String)], Int) = bytes.withUnsafeBufferPointer { buf in
            var s = Scanner(src: buf, path: "x.go")
            var n = 0
            while s.scan().token != .eof && n < 100 { n += 1 }
            return (s.errors.map { ($0.offset, $0.message) }, n)
        }
        XCTAssertLessThan(tokens, 100)
        XCTAssertEqual(errors.map(\.0), [2, 6, 10])
        XCTAssertEqual(errors.map(\.1), ["illegal character NUL", "illegal UTF-8 encoding", "illegal UTF-8 encoding"])
    }

    func testByteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let ok = parseFile(path: "a.go", bytes: bom + Array("package p\n".utf8))
        XCTAssertEqual(ok.diagnostics, [])
        XCTAssertEqual(ok.packageName, "p")
        let bad = parseFile(path: "a.go", bytes: Array("package p\n".utf8) + bom)
        XCTAssertEqual(bad.diagnostics.map(\.message), ["illegal byte order mark"])
        XCTAssertEqual(bad.diagnostics.first.map { "\($0.line):\($0.column)" }, "2:1")
    }
}
