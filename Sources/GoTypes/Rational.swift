/// An exact rational number in lowest terms with a positive denominator: the value of an
/// untyped float constant. Go requires at least 256 mantissa bits for untyped floats; exact
/// rationals are stronger, and rounding to `float32`/`float64` happens only when a constant
/// gets such a type.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Numerator (carries the sign).
    public let num: BigInt
    /// Denominator (positive).
    public let den: BigInt

    /// Creates num/den in lowest terms; `den` must be nonzero.
    public init(_ num: BigInt, _ den: BigInt = .one) {
        var n = num, d = den
        if d == .one {
            self.num = n
            self.den = d
            return
        }
        if d.negative { n = -n; d = -d }
        let g = BigInt.gcd(n, d)
        if !g.isZero && g != .one { n = n / g; d = d / g }
        self.num = n
        self.den = n.isZero ? .one : d
    }

    /// Zero.
    public static let zero = Rational(.zero)
    /// True for an integer value.
    public var isInteger: Bool { den == .one }
    /// -1, 0 or 1.
    public var signum: Int { num.signum }

    /// Sum.
    public static func + (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den + b.num * a.den, a.den * b.den) }
    /// Difference.
    public static func - (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den - b.num * a.den, a.den * b.den) }
    /// Product.
    public static func * (a: Rational, b: Rational) -> Rational { Rational(a.num * b.num, a.den * b.den) }
    /// Quotient; `b` must be nonzero.
    public static func / (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den, a.den * b.num) }
    /// Negation.
    public static prefix func - (a: Rational) -> Rational { Rational(-a.num, a.den) }
    /// Order.
    public static func < (a: Rational, b: Rational) -> Bool { a.num * b.den < b.num * a.den }

    /// `N` or `N/D`, as big.Rat's RatString prints it.
    public var description: String { isInteger ? num.description : "\(num)/\(den)" }

    /// A value already in lowest terms with a positive denominator.
    private init(reduced num: BigInt, _ den: BigInt) {
        self.num = num
        self.den = den
    }

    /// The value times 2^e. The value is in lowest terms, so the only common factors the
    /// shift can make are twos: they are cancelled by shifts rather than by a gcd (rounding a
    /// float constant scales twice, and the gcd's long divisions showed in profiles of the
    /// type checker).
    public func scaled(byPowerOfTwo e: Int) -> Rational {
        if e == 0 || num.isZero { return self }
        if e > 0 {
            let t = Swift.min(e, den.trailingZeroBitCount)
            return Rational(reduced: num.shiftedLeft(e - t), den.magnitudeShiftedRight(t))
        }
        let t = Swift.min(-e, num.trailingZeroBitCount)
        return Rational(reduced: num.magnitudeShiftedRight(t), den.shiftedLeft(-e - t))
    }

    /// The nearest binary floating-point value with `mantissa` bits (including the implicit
    /// one), smallest exponent `minExp` (of the last mantissa bit: -1074 for float64) and
    /// overflow at 2^`maxExp`, rounding half to even; nil when it overflows.
    public func rounded(mantissa: Int, minExp: Int, maxExp: Int) -> Rational? {
        if num.isZero { return self }
        let n = num.magnitude, d = den
        // Choose s so that floor(n * 2^s / d) has `mantissa` bits.
        var s = mantissa - (n.bitWidth - d.bitWidth)
        func quotient(_ s: Int) -> (BigInt, BigInt, BigInt) {
            let a = s >= 0 ? n.shiftedLeft(s) : n
            let b = s >= 0 ? d : d.shiftedLeft(-s)
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            return (q, r, b)
        }
        var (q, r, b) = quotient(s)
        if q.bitWidth > mantissa { s -= 1; (q, r, b) = quotient(s) }
        if q.bitWidth < mantissa { s += 1; (q, r, b) = quotient(s) }
        if -s < minExp { s = -minExp; (q, r, b) = quotient(s) }
        let twice = r.shiftedLeft(1)
        if twice > b || (twice == b && q.testBit(0)) { q = q + .one }
        let value = Rational(num.negative ? -q : q).scaled(byPowerOfTwo: -s)
        if Rational(q).scaled(byPowerOfTwo: -s) >= Rational(BigInt.one.shiftedLeft(maxExp)) { return nil }
        return value
    }

    /// Rounded to float64; nil on overflow.
    public var float64: Rational? { rounded(mantissa: 53, minExp: -1074, maxExp: 1024) }
    /// Rounded to float32; nil on overflow.
    public var float32: Rational? { rounded(mantissa: 24, minExp: -149, maxExp: 128) }

    /// The truncated integer part.
    public var truncated: BigInt { num / den }
}
