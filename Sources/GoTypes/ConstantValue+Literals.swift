import GoSyntax

/// Values of Go literals: integer, floating-point, imaginary, rune and string literals, as
/// the spec defines their syntax (separators, legacy octal, hex floats, escapes).
extension ConstantValue {
    /// The value of a literal of token kind `kind` with source text `text`; nil if malformed.
    public static func literal(_ kind: Token, _ text: String) -> ConstantValue? {
        let b = Array(text.utf8)
        switch kind {
        case .int: return parseInt(b).map { .int($0) }
        case .float: return parseFloat(b).map { .float($0) }
        case .imag:
            guard b.last == UInt8(ascii: "i") else { return nil }
            let body = Array(b.dropLast())
            if let i = parseInt(body, legacyOctalAsDecimal: true) { return .complex(.zero, Rational(i)) }
            return parseFloat(body).map { .complex(.zero, $0) }
        case .char:
            guard b.count >= 3 else { return nil }
            guard let (cps, _) = unescape(Array(b[1..<(b.count - 1)]), quote: UInt8(ascii: "'")), cps.count == 1 else { return nil }
            return .int(BigInt(Int(cps[0].value)))
        case .string:
            guard b.count >= 2 else { return nil }
            if b[0] == UInt8(ascii: "`") { return .string(b[1..<(b.count - 1)].filter { $0 != 13 }) }
            if !b.contains(UInt8(ascii: "\\")) { return .string(Array(b[1..<(b.count - 1)])) }
            guard let (_, bytes) = unescape(Array(b[1..<(b.count - 1)]), quote: UInt8(ascii: "\"")) else { return nil }
            return .string(bytes)
        default: return nil
        }
    }

    static func parseInt(_ b: [UInt8], legacyOctalAsDecimal: Bool = false) -> BigInt? {
        if b.count >= 2 && b[0] == 48 {
            switch b[1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): return BigInt(digits: b[2...], base: 16)
            case UInt8(ascii: "o"), UInt8(ascii: "O"): return BigInt(digits: b[2...], base: 8)
            case UInt8(ascii: "b"), UInt8(ascii: "B"): return BigInt(digits: b[2...], base: 2)
            default: return BigInt(digits: b[1...], base: legacyOctalAsDecimal ? 10 : 8)
            }
        }
        return BigInt(digits: b, base: 10)
    }

    static func parseFloat(_ b: [UInt8]) -> Rational? {
        var i = 0
        var hex = false
        if b.count >= 2 && b[0] == 48 && (b[1] | 0x20) == UInt8(ascii: "x") { hex = true; i = 2 }
        var mant = BigInt.zero
        var scale = 0 // digits after the point
        var seenPoint = false
        let base = BigInt(hex ? 16 : 10)
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "_") { i += 1; continue }
            if c == UInt8(ascii: ".") { seenPoint = true; i += 1; continue }
            let d: Int
            switch c {
            case 48...57: d = Int(c) - 48
            case 97...102 where hex: d = Int(c) - 87
            case 65...70 where hex: d = Int(c) - 55
            default: d = -1
            }
            if d < 0 { break }
            mant = mant * base + BigInt(d)
            if seenPoint { scale += 1 }
            i += 1
        }
        var exp = 0
        if i < b.count {
            let c = b[i] | 0x20
            guard c == (hex ? UInt8(ascii: "p") : UInt8(ascii: "e")) else { return nil }
            i += 1
            var neg = false
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { neg = b[i] == UInt8(ascii: "-"); i += 1 }
            guard let e = BigInt(digits: b[i...], base: 10)?.int64, e < 100_000 else { return nil }
            exp = neg ? -Int(e) : Int(e)
        }
        if hex {
            return Rational(mant).scaled(byPowerOfTwo: exp - 4 * scale)
        }
        let e = exp - scale
        let ten = BigInt(10)
        var p = BigInt.one
        for _ in 0..<abs(e) { p = p * ten }
        return e >= 0 ? Rational(mant * p) : Rational(mant, p)
    }

    /// The byte a one-letter escape (`\\n`, `\\t`, `\\\\`, quotes...) stands for.
    static func simpleEscape(_ e: UInt8) -> UInt8? {
        switch e {
        case UInt8(ascii: "a"): return 7
        case UInt8(ascii: "b"): return 8
        case UInt8(ascii: "f"): return 12
        case UInt8(ascii: "n"): return 10
        case UInt8(ascii: "r"): return 13
        case UInt8(ascii: "t"): return 9
        case UInt8(ascii: "v"): return 11
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): return e
        default: return nil
        }
    }

    /// Interprets escapes of a rune or interpreted string body; returns code points (for
    /// runes) and the UTF-8 / raw bytes.
    static func unescape(_ b: [UInt8], quote: UInt8) -> ([Unicode.Scalar], [UInt8])? {
        var scalars: [Unicode.Scalar] = []
        var bytes: [UInt8] = []
        var i = 0
        func hexValue(_ c: UInt8) -> Int? {
            switch c {
            case 48...57: return Int(c) - 48
            case 97...102: return Int(c) - 87
            case 65...70: return Int(c) - 55
            default: return nil
            }
        }
        while i < b.count {
            let c = b[i]
            if c != UInt8(ascii: "\\") {
                // Copy one UTF-8 sequence.
                var n = 1
                if c >= 0xF0 { n = 4 } else if c >= 0xE0 { n = 3 } else if c >= 0xC0 { n = 2 }
                let seq = Array(b[i..<min(b.count, i + n)])
                bytes += seq
                scalars.append(String(decoding: seq, as: UTF8.self).unicodeScalars.first ?? Unicode.Scalar(0xFFFD)!)
                i += seq.count
                continue
            }
            i += 1
            guard i < b.count else { return nil }
            let e = b[i]; i += 1
            if let v = simpleEscape(e) {
                bytes.append(v); scalars.append(Unicode.Scalar(v)); continue
            }
            switch e {
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
                guard i + n <= b.count else { return nil }
                var v = 0
                for k in 0..<n { guard let h = hexValue(b[i + k]) else { return nil }; v = v * 16 + h }
                i += n
                if e == UInt8(ascii: "x") {
                    bytes.append(UInt8(v)); scalars.append(Unicode.Scalar(UInt8(v)))
                } else {
                    guard let s = Unicode.Scalar(v) else { return nil }
                    bytes += Array(String(s).utf8); scalars.append(s)
                }
            case 48...55:
                guard i + 2 <= b.count else { return nil }
                var v = Int(e) - 48
                for k in 0..<2 { v = v * 8 + Int(b[i + k]) - 48 }
                i += 2
                guard v < 256 else { return nil }
                bytes.append(UInt8(v)); scalars.append(Unicode.Scalar(UInt8(v)))
            default: return nil
            }
        }
        return (scalars, bytes)
    }
}
