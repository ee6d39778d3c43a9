/// An arbitrary-precision signed integer: sign and magnitude in 32-bit limbs, least
/// significant first, with no trailing zero limbs (zero is the empty magnitude). Constant
/// arithmetic needs exact values far beyond 64 bits (`1 << 100`, float literals scaled to
/// integers); values this small need nothing cleverer than schoolbook algorithms.
public struct BigInt: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// True for values below zero.
    public private(set) var negative: Bool
    /// Magnitude limbs, least significant first.
    public private(set) var limbs: [UInt32]

    /// Zero.
    public static let zero = BigInt(negative: false, limbs: [])
    /// One.
    public static let one = BigInt(1)

    init(negative: Bool, limbs: [UInt32]) {
        var l = limbs
        while let last = l.last, last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    /// Creates a value from a machine integer.
    public init(_ v: Int) {
        let mag = v.magnitude
        self.init(negative: v < 0, limbs: [UInt32(truncatingIfNeeded: mag), UInt32(truncatingIfNeeded: mag >> 32)])
    }

    /// Creates a value from an unsigned machine integer.
    public init(_ v: UInt64) {
        self.init(negative: false, limbs: [UInt32(truncatingIfNeeded: v), UInt32(truncatingIfNeeded: v >> 32)])
    }

    /// True for zero.
    public var isZero: Bool { limbs.isEmpty }
    /// -1, 0 or 1.
    public var signum: Int { isZero ? 0 : (negative ? -1 : 1) }
    /// Number of bits of the magnitude.
    public var bitWidth: Int {
        guard let last = limbs.last else { return 0 }
        return limbs.count * 32 - last.leadingZeroBitCount
    }
    /// The absolute value.
    public var magnitude: BigInt { BigInt(negative: false, limbs: limbs) }

    /// The value as an `Int64` when it fits.
    public var int64: Int64? {
        if bitWidth > 64 { return nil }
        var m: UInt64 = 0
        for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
        if negative {
            if m > UInt64(Int64.max) + 1 { return nil }
            return m == UInt64(Int64.max) + 1 ? Int64.min : -Int64(m)
        }
        return m > UInt64(Int64.max) ? nil : Int64(m)
    }

    /// The value as a `UInt64` when it fits.
    public var uint64: UInt64? {
        if negative || bitWidth > 64 { return nil }
        var m: UInt64 = 0
        for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
        return m
    }

    // MARK: Magnitude helpers

    static func compareMagnitude(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func addMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = [UInt32](); out.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s)); carry = s >> 32
        }
        if carry != 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a - b with |a| >= |b|.
    static func subMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = [UInt32](); out.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            if d < 0 { d += 1 << 32; borrow = 1 } else { borrow = 0 }
            out.append(UInt32(d))
        }
        return out
    }

    static func mulMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            for j in 0..<b.count {
                let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t); carry = t >> 32
            }
            out[i + b.count] = UInt32(carry)
        }
        return out
    }

    /// Quotient and remainder of magnitudes (b nonzero), by binary long division with a
    /// single-limb fast path.
    static func divModMagnitude(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compareMagnitude(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let d = UInt64(b[0])
            var q = [UInt32](repeating: 0, count: a.count)
            var r: UInt64 = 0
            var i = a.count - 1
            while i >= 0 {
                let cur = (r << 32) | UInt64(a[i])
                q[i] = UInt32(cur / d); r = cur % d
                i -= 1
            }
            return (q, r == 0 ? [] : [UInt32(r)])
        }
        let n = BigInt(negative: false, limbs: a), d = BigInt(negative: false, limbs: b)
        var q = [UInt32](repeating: 0, count: a.count)
        var r = BigInt.zero
        var bit = n.bitWidth - 1
        while bit >= 0 {
            r = r.shiftedLeft(1)
            if n.testBit(bit) { r = r + .one }
            if compareMagnitude(r.limbs, d.limbs) >= 0 {
                r = BigInt(negative: false, limbs: subMagnitude(r.limbs, d.limbs))
                q[bit / 32] |= 1 << UInt32(bit % 32)
            }
            bit -= 1
        }
        return (q, r.limbs)
    }

    /// True when magnitude bit `i` is set.
    func testBit(_ i: Int) -> Bool {
        let w = i / 32
        return w < limbs.count && (limbs[w] >> UInt32(i % 32)) & 1 == 1
    }

    // MARK: Arithmetic

    /// Sum.
    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(negative: a.negative, limbs: addMagnitude(a.limbs, b.limbs)) }
        if compareMagnitude(a.limbs, b.limbs) >= 0 {
            return BigInt(negative: a.negative, limbs: subMagnitude(a.limbs, b.limbs))
        }
        return BigInt(negative: b.negative, limbs: subMagnitude(b.limbs, a.limbs))
    }
    /// Negation.
    public static prefix func - (a: BigInt) -> BigInt { BigInt(negative: !a.negative, limbs: a.limbs) }
    /// Difference.
    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }
    /// Product.
    public static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(negative: a.negative != b.negative, limbs: mulMagnitude(a.limbs, b.limbs))
    }
    /// Truncated quotient and remainder (Go's `/` and `%`); `b` must be nonzero.
    public func quotientAndRemainder(dividingBy b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, r) = BigInt.divModMagnitude(limbs, b.limbs)
        return (BigInt(negative: negative != b.negative, limbs: q), BigInt(negative: negative, limbs: r))
    }
    /// Truncated quotient.
    public static func / (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).quotient }
    /// Truncated remainder.
    public static func % (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).remainder }

    /// Left shift by `n` bits.
    public func shiftedLeft(_ n: Int) -> BigInt {
        if isZero || n == 0 { return self }
        let words = n / 32, bits = UInt32(n % 32)
        var out = [UInt32](repeating: 0, count: words)
        out.reserveCapacity(words + limbs.count + 1)
        var carry: UInt32 = 0
        for l in limbs {
            out.append(bits == 0 ? l : (l << bits) | carry)
            carry = bits == 0 ? 0 : l >> (32 - bits)
        }
        if carry != 0 { out.append(carry) }
        return BigInt(negative: negative, limbs: out)
    }

    /// Arithmetic right shift by `n` bits (rounds toward negative infinity, like Go's `>>`).
    public func shiftedRight(_ n: Int) -> BigInt {
        if isZero || n == 0 { return self }
        if negative { return -((-self - .one).shiftedRight(n)) - .one }
        let words = n / 32, bits = UInt32(n % 32)
        if words >= limbs.count { return .zero }
        var out = [UInt32](); out.reserveCapacity(limbs.count - words)
        for i in words..<limbs.count {
            let lo = limbs[i] >> bits
            let hi: UInt32 = (bits == 0 || i + 1 >= limbs.count) ? 0 : limbs[i + 1] << (32 - bits)
            out.append(lo | hi)
        }
        return BigInt(negative: false, limbs: out)
    }

    /// The number of zero bits below the lowest one bit of the magnitude (0 for zero).
    var trailingZeroBitCount: Int {
        for (i, l) in limbs.enumerated() where l != 0 { return i * 32 + l.trailingZeroBitCount }
        return 0
    }

    /// The magnitude shifted right by `n` bits, with the sign kept: the exact quotient by 2^n
    /// when the low `n` bits are zero.
    func magnitudeShiftedRight(_ n: Int) -> BigInt {
        if isZero || n == 0 { return self }
        let shifted = magnitude.shiftedRight(n)
        return BigInt(negative: negative, limbs: shifted.limbs)
    }

    /// Two's complement limbs of width `count` limbs.
    private func twosComplement(_ count: Int) -> [UInt32] {
        var out = limbs + [UInt32](repeating: 0, count: count - limbs.count)
        if negative {
            var carry: UInt64 = 1
            for i in 0..<count {
                let s = UInt64(~out[i]) + carry
                out[i] = UInt32(truncatingIfNeeded: s); carry = s >> 32
            }
        }
        return out
    }

    private static func fromTwosComplement(_ l: [UInt32]) -> BigInt {
        guard let top = l.last, top & 0x8000_0000 != 0 else { return BigInt(negative: false, limbs: l) }
        var m = l
        var carry: UInt64 = 1
        for i in 0..<m.count {
            let s = UInt64(~m[i]) + carry
            m[i] = UInt32(truncatingIfNeeded: s); carry = s >> 32
        }
        return BigInt(negative: true, limbs: m)
    }

    private static func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt32, UInt32) -> UInt32) -> BigInt {
        let n = max(a.limbs.count, b.limbs.count) + 1
        let x = a.twosComplement(n), y = b.twosComplement(n)
        return fromTwosComplement((0..<n).map { op(x[$0], y[$0]) })
    }
    /// Bitwise and (two's complement semantics).
    public static func & (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, &) }
    /// Bitwise or.
    public static func | (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, |) }
    /// Bitwise exclusive or.
    public static func ^ (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, ^) }
    /// Bit clear (`&^`).
    public static func andNot(_ a: BigInt, _ b: BigInt) -> BigInt { bitwise(a, b) { $0 & ~$1 } }
    /// Bitwise complement (-x-1).
    public static prefix func ~ (a: BigInt) -> BigInt { -a - .one }

    /// Order.
    public static func < (a: BigInt, b: BigInt) -> Bool {
        if a.negative != b.negative { return a.negative }
        let c = compareMagnitude(a.limbs, b.limbs)
        return a.negative ? c > 0 : c < 0
    }

    /// Greatest common divisor of magnitudes.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        var x = a.magnitude, y = b.magnitude
        while !y.isZero { (x, y) = (y, x % y) }
        return x
    }

    /// Decimal digits.
    public var description: String {
        if isZero { return "0" }
        if let v = int64 { return String(v) }
        var parts: [UInt32] = []
        var m = limbs
        while !m.isEmpty {
            let (q, r) = BigInt.divModMagnitude(m, [1_000_000_000])
            parts.append(r.first ?? 0)
            m = q
            while let last = m.last, last == 0 { m.removeLast() }
        }
        var s = negative ? "-" : ""
        s += String(parts.last!)
        for p in parts.dropLast().reversed() {
            let d = String(p)
            s += String(repeating: "0", count: 9 - d.count) + d
        }
        return s
    }

    /// Parses digits in a base (2, 8, 10, 16), ignoring `_` separators; nil on a bad digit.
    /// Digits accumulate in a machine word and spill into the big value only when it is full.
    public init?<S: Sequence>(digits: S, base: Int) where S.Element == UInt8 {
        var v: BigInt? = nil
        var word: UInt64 = 0, wordScale: UInt64 = 1
        let b = UInt64(base)
        var any = false
        for c in digits {
            if c == UInt8(ascii: "_") { continue }
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c) - 48
            case 97...102: d = UInt64(c) - 87
            case 65...70: d = UInt64(c) - 55
            default: return nil
            }
            if d >= b { return nil }
            let (scale, overflow) = wordScale.multipliedReportingOverflow(by: b)
            if overflow {
                v = (v ?? .zero) * BigInt(wordScale) + BigInt(word)
                word = d
                wordScale = b
            } else {
                word = word * b + d
                wordScale = scale
            }
            any = true
        }
        if !any { return nil }
        if let big = v { self = big * BigInt(wordScale) + BigInt(word) } else { self = BigInt(word) }
    }
}
