/// Facts about a function that change tags and which lines are printed.
public struct FunctionFlags: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates flags from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A compiler-generated wrapper: no parameter lines.
    public static let wrapper = FunctionFlags(rawValue: 1 << 0)
    /// DUPOK (every generic instantiation): no parameter lines.
    public static let dupok = FunctionFlags(rawValue: 1 << 1)
    /// No body (assembly or a bodyless linkname): parameters leak unless `noescape`.
    public static let bodyless = FunctionFlags(rawValue: 1 << 2)
    /// `//go:noescape`.
    public static let noescape = FunctionFlags(rawValue: 1 << 3)
    /// `//go:uintptrescapes`.
    public static let uintptrEscapes = FunctionFlags(rawValue: 1 << 4)
}

/// One receiver or parameter of a function, with the facts its tag depends on.
public struct ParameterDeclaration: Sendable, Hashable {
    /// The name; nil for an unnamed parameter, `_` for a blank one.
    public var name: String?
    /// The declaration's position (where parameter lines are printed).
    public var position: SourcePosition
    /// Whether the type has pointers.
    public var hasPointers: Bool
    /// Whether the type is `uintptr`.
    public var isUintptr: Bool
    /// Whether it is a final `...uintptr`.
    public var isVariadicUintptr: Bool
    /// The parameter's location (named parameters of functions with bodies).
    public var location: LocationID?

    /// Creates a parameter declaration.
    public init(name: String?, position: SourcePosition, hasPointers: Bool, isUintptr: Bool = false,
                isVariadicUintptr: Bool = false, location: LocationID? = nil) {
        self.name = name
        self.position = position
        self.hasPointers = hasPointers
        self.isUintptr = isUintptr
        self.isVariadicUintptr = isVariadicUintptr
        self.location = location
    }

    var isUnnamedOrBlank: Bool { name == nil || name == "_" }
}
