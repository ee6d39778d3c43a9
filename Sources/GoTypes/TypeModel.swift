/// A type, by index into `Program.types`. Equal ids mean identical types; different ids may
/// still be identical (`byte` and `uint8`, two `func(int)` literals), which
/// `Program.identical` decides structurally.
public struct TypeID: Hashable, Sendable, Comparable {
    /// Index into the type table.
    public let raw: Int32
    /// Creates an id.
    @inline(__always) public init(_ raw: Int32) { self.raw = raw }
    /// The invalid type (index 0): the type of erroneous expressions.
    public static let invalid = TypeID(0)
    /// True for the invalid type.
    public var isInvalid: Bool { raw == 0 }
    /// Orders by creation.
    public static func < (a: TypeID, b: TypeID) -> Bool { a.raw < b.raw }
}

/// The kinds of basic types, including the untyped kinds of constants and nil.
public enum BasicKind: UInt8, Sendable, CaseIterable {
    case invalid, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr
    case float32, float64, complex64, complex128, string, unsafePointer
    case untypedBool, untypedInt, untypedRune, untypedFloat, untypedComplex, untypedString, untypedNil

    /// True for the untyped kinds.
    public var isUntyped: Bool { rawValue >= BasicKind.untypedBool.rawValue }
    /// True for integer kinds (typed or untyped, runes included).
    public var isInteger: Bool {
        (rawValue >= BasicKind.int.rawValue && rawValue <= BasicKind.uintptr.rawValue) || self == .untypedInt || self == .untypedRune
    }
    /// True for unsigned integer kinds.
    public var isUnsigned: Bool { rawValue >= BasicKind.uint.rawValue && rawValue <= BasicKind.uintptr.rawValue }
    /// True for floating-point kinds.
    public var isFloat: Bool { self == .float32 || self == .float64 || self == .untypedFloat }
    /// True for complex kinds.
    public var isComplex: Bool { self == .complex64 || self == .complex128 || self == .untypedComplex }
    /// True for numeric kinds.
    public var isNumeric: Bool { isInteger || isFloat || isComplex }
    /// True for string kinds.
    public var isString: Bool { self == .string || self == .untypedString }
    /// True for boolean kinds.
    public var isBoolean: Bool { self == .bool || self == .untypedBool }
    /// True for kinds whose values can be constants.
    public var isConstType: Bool { isNumeric || isString || isBoolean }
    /// True for ordered kinds (`<` applies).
    public var isOrdered: Bool { isInteger || isFloat || isString }
}

/// Channel directions.
public enum ChanDirection: UInt8, Sendable, Hashable {
    case both, send, recv
}

/// A type's structure.
public enum TypeNode: Sendable, Hashable {
    /// A basic type; `name` distinguishes `byte`/`rune` from `uint8`/`int32`.
    case basic(BasicKind, name: String)
    case pointer(TypeID)
    case slice(TypeID)
    case array(count: Int64, element: TypeID)
    case map(key: TypeID, value: TypeID)
    case chan(ChanDirection, TypeID)
    /// An ordered list of variables: parameters, results, multiple call results.
    case tuple([ObjectID])
    case signature(SignatureType)
    case structure(StructType)
    case interface(InterfaceType)
    /// A defined (or instantiated) type: index into `Program.named`.
    case named(Int32)
    /// A type parameter: index into `Program.typeParams`.
    case typeParam(Int32)
    /// An alias declared with `type A = T`: index into `Program.aliases`.
    case alias(Int32)
    /// A union of type terms in a constraint (`~int | string`).
    case union([UnionTerm])
}

/// One term of a union: a type, or with `~` every type whose underlying type it is.
public struct UnionTerm: Sendable, Hashable {
    /// True for `~T`.
    public var tilde: Bool
    /// The type.
    public var type: TypeID
}

/// A function signature.
public struct SignatureType: Sendable, Hashable {
    /// The receiver variable of a method.
    public var recv: ObjectID?
    /// Type parameters of a generic function.
    public var typeParams: [TypeID]
    /// Parameter variables.
    public var params: [ObjectID]
    /// Result variables.
    public var results: [ObjectID]
    /// True when the last parameter is `...T` (its type is `[]T`).
    public var variadic: Bool
    /// Type parameters of a method's receiver (`T` of `func (l *List[T]) ...`).
    public var recvTypeParams: [TypeID] = []

    /// Creates a signature.
    public init(recv: ObjectID?, typeParams: [TypeID], params: [ObjectID], results: [ObjectID], variadic: Bool,
                recvTypeParams: [TypeID] = []) {
        self.recv = recv
        self.typeParams = typeParams
        self.params = params
        self.results = results
        self.variadic = variadic
        self.recvTypeParams = recvTypeParams
    }
}

/// A struct type: fields (variables of kind field) and their tags.
public struct StructType: Sendable, Hashable {
    /// Field variables in declaration order.
    public var fields: [ObjectID]
    /// Tags (nil when absent).
    public var tags: [String?]
}

/// An interface type: explicitly declared methods (sorted by unique name) and embedded
/// elements (interfaces, or type terms of constraints).
public struct InterfaceType: Sendable, Hashable {
    /// Declared methods, sorted.
    public var methods: [ObjectID]
    /// Embedded types and union terms, in source order.
    public var embeddeds: [TypeID]
    /// True for the implicit interface of a constraint written as a bare type term.
    public var isImplicit: Bool
    /// Serial number: interface literals are distinct values with structural identity.
    public var serial: Int32
}

/// A defined type: its name object, underlying type and methods.
public struct NamedType: Sendable {
    /// The type name object.
    public var object: ObjectID
    /// The underlying type (`.invalid` until resolved; may temporarily be another named type).
    public var underlying: TypeID
    /// Methods declared for the type, in source order.
    public var methods: [ObjectID]
    /// Type parameters of a generic type.
    public var typeParams: [TypeID]
    /// Type arguments of an instance.
    public var typeArgs: [TypeID]
    /// The generic type an instance was made from.
    public var origin: TypeID?
}

/// A type parameter.
public struct TypeParamType: Sendable {
    /// Its type name object.
    public var object: ObjectID
    /// Index in its list.
    public var index: Int
    /// The constraint (an interface type).
    public var constraint: TypeID
}

/// An alias declared with `type A = T` (or `any`).
public struct AliasType: Sendable {
    /// Its type name object.
    public var object: ObjectID
    /// The aliased type.
    public var actual: TypeID
}
