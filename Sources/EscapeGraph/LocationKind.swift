/// The storage class of a variable location (the compiler's `ir.Class` for names).
public enum VariableClass: UInt8, Sendable, Hashable, Codable {
    /// A parameter or receiver (`PPARAM`), including hidden closure parameters.
    case parameter
    /// A result variable (`PPARAMOUT`), named or `~rN`.
    case result
    /// A local variable (`PAUTO`) declared by the user.
    case local
    /// A compiler temporary (`.autotmp_N`): a named variable all the same.
    case autotmp
}

/// What kind of expression an allocation site is; it decides verdict wording and the
/// `finish`-time flags (transient records, zero-copy conversions).
public enum AllocationKind: UInt8, Sendable, Hashable, Codable {
    /// `new(T)`.
    case new
    /// `&T{...}`.
    case pointerLiteral
    /// `[]T{...}` backing array (also the implicit `... argument` slice).
    case sliceLiteral
    /// `map[K]V{...}`.
    case mapLiteral
    /// `make([]T, ...)`.
    case makeSlice
    /// `make(map[K]V, ...)`.
    case makeMap
    /// A func literal's closure record.
    case closure
    /// A method value's `{F, R}` record.
    case methodValue
    /// The boxed copy made by a conversion to an interface.
    case interfaceConversion
    /// `[]byte(s)`: may become a zero-copy conversion.
    case stringToBytes
    /// `string(b)`, `[]rune(s)`, `string(r)` and similar copying conversions.
    case conversionCopy
    /// `a + b + ...` on strings.
    case stringConcatenation
    /// The backing store an `append` may allocate (printed `append escapes to heap`).
    case append
    /// Any other allocating expression.
    case other

    /// Whether a non-persisting site of this kind becomes a reusable stack temporary.
    var canBeTransient: Bool {
        self == .closure || self == .methodValue || self == .sliceLiteral
    }
}

/// What a location stands for.
public enum LocationKind: Sendable, Hashable {
    /// A variable with a name (params, results, locals, autotmps).
    case variable(VariableClass)
    /// An allocating expression.
    case allocation(AllocationKind)
    /// An unnamed temporary (tee fan-out, range operand, `later`); prints `{temp}`, no verdict.
    case temporary
    /// One of the four pseudo-locations (heap, mutator, callee, blank).
    case pseudo

    /// Whether the location carries a node, and so prints a verdict.
    public var hasNode: Bool {
        switch self {
        case .variable, .allocation: return true
        case .temporary, .pseudo: return false
        }
    }
}

/// Per-location facts set while building the graph.
public struct LocationFlags: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates flags from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A parameter (`PPARAM`).
    public static let parameter = LocationFlags(rawValue: 1 << 0)
    /// A result variable (`PPARAMOUT`).
    public static let result = LocationFlags(rawValue: 1 << 1)
    /// Captured by some closure.
    public static let captured = LocationFlags(rawValue: 1 << 2)
    /// Assigned after its definition.
    public static let reassigned = LocationFlags(rawValue: 1 << 3)
    /// Its address was taken (an address hole flowed it).
    public static let addressTaken = LocationFlags(rawValue: 1 << 4)
    /// A non-persisting closure, method value or slice literal (set by `solve`).
    public static let transient = LocationFlags(rawValue: 1 << 5)
    /// A go/defer wrapper closure: its verdict is not printed.
    public static let suppressVerdict = LocationFlags(rawValue: 1 << 6)

    // Concrete bit operations for the hot paths: the generic `SetAlgebra` defaults are not
    // specialized across files in non-whole-module builds and cost a witness call each.
    @inline(__always) func has(_ f: LocationFlags) -> Bool { rawValue & f.rawValue != 0 }
}

/// What the solver learns about a location.
public struct LocationAttributes: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Its address escapes: heap allocated.
    public static let escapes = LocationAttributes(rawValue: 1 << 0)
    /// Its address outlives the statement: its storage cannot be reused at once.
    public static let persists = LocationAttributes(rawValue: 1 << 1)
    /// Memory reachable from it may be mutated.
    public static let mutates = LocationAttributes(rawValue: 1 << 2)
    /// Closures reachable from it may be called without tracked results.
    public static let calls = LocationAttributes(rawValue: 1 << 3)

    /// Everything the heap has.
    public static let all = LocationAttributes(rawValue: 0b1111)
    /// The attributes that propagate along value flows.
    static let propagating = LocationAttributes(rawValue: 0b1100)

    // Concrete bit operations for the hot paths (see `LocationFlags.has`).
    @inline(__always) func has(_ a: LocationAttributes) -> Bool { rawValue & a.rawValue != 0 }
    @inline(__always) func adding(_ a: LocationAttributes) -> LocationAttributes {
        LocationAttributes(rawValue: rawValue | a.rawValue)
    }
    @inline(__always) func masked(_ a: LocationAttributes) -> LocationAttributes {
        LocationAttributes(rawValue: rawValue & a.rawValue)
    }
    @inline(__always) func gains(over old: LocationAttributes) -> Bool { rawValue & ~old.rawValue != 0 }
}
