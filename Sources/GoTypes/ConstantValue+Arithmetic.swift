import GoSyntax

/// Exact constant arithmetic: operands of different numeric kinds are first brought to the
/// larger kind (int < float < complex), as the spec's untyped constant rules require.
extension ConstantValue {
    /// Numeric rank: 0 int, 1 float, 2 complex; nil for other kinds.
    var numericRank: Int? {
        switch self {
        case .int: return 0
        case .float: return 1
        case .complex: return 2
        default: return nil
        }
    }

    /// The value converted to a numeric rank (no loss: only widens).
    func widened(to rank: Int) -> ConstantValue {
        switch (self, rank) {
        case (.int(let i), 1): return .float(Rational(i))
        case (.int(let i), 2): return .complex(Rational(i), .zero)
        case (.float(let r), 2): return .complex(r, .zero)
        default: return self
        }
    }

    /// Converts to an integer value if exact, else nil.
    public var asInt: ConstantValue? { integer.map { .int($0) } }
    /// Converts to a float value if exact (complex with zero imaginary part), else nil.
    public var asFloat: ConstantValue? { rational.map { .float($0) } }
    /// Converts to a complex value.
    public var asComplex: ConstantValue? { complexParts.map { .complex($0.0, $0.1) } }

    /// `x op y` for a binary operator that is not a comparison or shift. `integerDivision`
    /// makes `/` truncate (both operands of integer type). Nil on division by zero or
    /// operands the operator does not apply to.
    public static func binary(_ x: ConstantValue, _ op: Token, _ y: ConstantValue, integerDivision: Bool) -> ConstantValue? {
        if case .unknown = x { return .unknown }
        if case .unknown = y { return .unknown }
        switch (x, y) {
        case (.bool(let a), .bool(let b)):
            switch op {
            case .land: return .bool(a && b)
            case .lor: return .bool(a || b)
            default: return nil
            }
        case (.string(let a), .string(let b)):
            return op == .add ? .string(a + b) : nil
        default: break
        }
        guard let rx = x.numericRank, let ry = y.numericRank else { return nil }
        let rank = max(rx, ry)
        let a = x.widened(to: rank), b = y.widened(to: rank)
        switch (a, b) {
        case (.int(let p), .int(let q)):
            switch op {
            case .add: return .int(p + q)
            case .sub: return .int(p - q)
            case .mul: return .int(p * q)
            case .quo:
                if q.isZero { return nil }
                return integerDivision ? .int(p / q) : .float(Rational(p, q))
            case .rem: return q.isZero ? nil : .int(p % q)
            case .and: return .int(p & q)
            case .or: return .int(p | q)
            case .xor: return .int(p ^ q)
            case .andNot: return .int(BigInt.andNot(p, q))
            default: return nil
            }
        case (.float(let p), .float(let q)):
            switch op {
            case .add: return .float(p + q)
            case .sub: return .float(p - q)
            case .mul: return .float(p * q)
            case .quo: return q.signum == 0 ? nil : .float(p / q)
            default: return nil
            }
        case (.complex(let pr, let pi), .complex(let qr, let qi)):
            switch op {
            case .add: return .complex(pr + qr, pi + qi)
            case .sub: return .complex(pr - qr, pi - qi)
            case .mul: return .complex(pr * qr - pi * qi, pr * qi + pi * qr)
            case .quo:
                let d = qr * qr + qi * qi
                if d.signum == 0 { return nil }
                return .complex((pr * qr + pi * qi) / d, (pi * qr - pr * qi) / d)
            default: return nil
            }
        default: return nil
        }
    }

    /// `x op y` for a comparison operator; nil when the operands cannot be compared.
    public static func compare(_ x: ConstantValue, _ op: Token, _ y: ConstantValue) -> Bool? {
        func order(_ c: Int) -> Bool? {
            switch op {
            case .eql: return c == 0
            case .neq: return c != 0
            case .lss: return c < 0
            case .leq: return c <= 0
            case .gtr: return c > 0
            case .geq: return c >= 0
            default: return nil
            }
        }
        switch (x, y) {
        case (.bool(let a), .bool(let b)):
            if op == .eql { return a == b }
            if op == .neq { return a != b }
            return nil
        case (.string(let a), .string(let b)):
            return order(a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1))
        default: break
        }
        guard let rx = x.numericRank, let ry = y.numericRank else { return nil }
        let rank = max(rx, ry)
        switch (x.widened(to: rank), y.widened(to: rank)) {
        case (.int(let a), .int(let b)): return order(a < b ? -1 : (a == b ? 0 : 1))
        case (.float(let a), .float(let b)): return order(a < b ? -1 : (a == b ? 0 : 1))
        case (.complex(let ar, let ai), .complex(let br, let bi)):
            if op == .eql { return ar == br && ai == bi }
            if op == .neq { return !(ar == br && ai == bi) }
            return nil
        default: return nil
        }
    }

    /// `x << s` or `x >> s` for an integer `x`; nil when `x` is not an integer.
    public static func shift(_ x: ConstantValue, _ op: Token, _ s: Int) -> ConstantValue? {
        if case .unknown = x { return .unknown }
        guard let i = x.integer else { return nil }
        return .int(op == .shl ? i.shiftedLeft(s) : i.shiftedRight(s))
    }

    /// A unary operation. `unsignedBits` is the size of an unsigned typed operand of `^`
    /// (the complement is taken within that width), 0 otherwise.
    public static func unary(_ op: Token, _ x: ConstantValue, unsignedBits: Int) -> ConstantValue? {
        if case .unknown = x { return .unknown }
        switch (op, x) {
        case (.add, _): return x.isNumeric ? x : nil
        case (.sub, .int(let i)): return .int(-i)
        case (.sub, .float(let r)): return .float(-r)
        case (.sub, .complex(let re, let im)): return .complex(-re, -im)
        case (.xor, .int(let i)):
            if unsignedBits > 0 { return .int(i ^ (BigInt.one.shiftedLeft(unsignedBits) - .one)) }
            return .int(~i)
        case (.not, .bool(let b)): return .bool(!b)
        default: return nil
        }
    }
}
