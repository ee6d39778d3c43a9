/// The value of a constant expression. Integers and floats are exact; strings are bytes
/// (Go strings need not be UTF-8). `unknown` stands for a value that could not be computed
/// (after an error), and silences follow-on errors.
///
/// Floats and complex values are boxed (`indirect`): unboxed, a complex value's two rationals
/// made every value 64 bytes, and the checker stores an optional value with the facts of every
/// expression it records and copies one in every operand; boxed, a value is 16 bytes.
public enum ConstantValue: Hashable, Sendable {
    case bool(Bool)
    case string([UInt8])
    case int(BigInt)
    indirect case float(Rational)
    indirect case complex(Rational, Rational)
    case unknown

    /// The value as an exact rational, for integers and floats.
    public var rational: Rational? {
        switch self {
        case .int(let i): return Rational(i)
        case .float(let r): return r
        case .complex(let re, let im): return im.signum == 0 ? re : nil
        default: return nil
        }
    }

    /// The value as an integer when it is one exactly.
    public var integer: BigInt? {
        switch self {
        case .int(let i): return i
        case .float(let r): return r.isInteger ? r.num : nil
        case .complex(let re, let im): return im.signum == 0 && re.isInteger ? re.num : nil
        default: return nil
        }
    }

    /// Real and imaginary parts, for any numeric value.
    public var complexParts: (Rational, Rational)? {
        switch self {
        case .int(let i): return (Rational(i), .zero)
        case .float(let r): return (r, .zero)
        case .complex(let re, let im): return (re, im)
        default: return nil
        }
    }

    /// True for int, float and complex values.
    public var isNumeric: Bool {
        switch self {
        case .int, .float, .complex: return true
        default: return false
        }
    }

    /// The value as an `Int64` if it is an integer that fits.
    public var int64: Int64? { integer?.int64 }

    /// The normalized text the dump prints (see `TypesDump`).
    public var dumpText: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return ConstantValue.quoteASCII(s)
        case .int(let i): return i.description
        case .float(let r): return r.description
        case .complex(let re, let im): return "(\(re), \(im))"
        case .unknown: return "unknown"
        }
    }

    /// A string quoted with only printable ASCII kept, everything else as `\xNN`.
    public static func quoteASCII(_ bytes: [UInt8]) -> String {
        var out = "\""
        let hex = Array("0123456789abcdef")
        for c in bytes {
            if c == 34 || c == 92 { out.append("\\"); out.append(Character(UnicodeScalar(c))) }
            else if c >= 0x20 && c < 0x7f { out.append(Character(UnicodeScalar(c))) }
            else { out += "\\x"; out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 15)]) }
        }
        return out + "\""
    }
}
