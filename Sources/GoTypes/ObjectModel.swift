/// An object (a named language entity), by index into `Program.objects`.
public struct ObjectID: Hashable, Sendable, Comparable {
    /// Index into the object table.
    public let raw: Int32
    /// Creates an id.
    @inline(__always) public init(_ raw: Int32) { self.raw = raw }
    /// Orders by creation.
    public static func < (a: ObjectID, b: ObjectID) -> Bool { a.raw < b.raw }
}

/// The kinds of objects, as go/types distinguishes them.
public enum ObjectKind: UInt8, Sendable {
    case packageName, constant, typeName, variable, function, label, builtin, nilValue
}

/// What a variable is.
public enum VariableKind: UInt8, Sendable {
    case package, local, receiver, parameter, result, field

    /// The dump spelling.
    public var dumpName: String {
        switch self {
        case .package: return "package"
        case .local: return "local"
        case .receiver: return "recv"
        case .parameter: return "param"
        case .result: return "result"
        case .field: return "field"
        }
    }
}

/// The built-in functions, including those of package unsafe.
public enum BuiltinFunction: UInt8, Sendable, CaseIterable {
    case append, cap, clear, close, complex, copy, delete, imag, len, make, max, min, new, panic
    case print, println, real, recover
    case add, alignof, offsetof, sizeof, slice, sliceData, string, stringData

    /// The name in source.
    public var name: String {
        switch self {
        case .add: return "Add"
        case .alignof: return "Alignof"
        case .offsetof: return "Offsetof"
        case .sizeof: return "Sizeof"
        case .slice: return "Slice"
        case .sliceData: return "SliceData"
        case .string: return "String"
        case .stringData: return "StringData"
        default: return "\(self)"
        }
    }
    /// True for the functions of package unsafe.
    public var isUnsafe: Bool { rawValue >= BuiltinFunction.add.rawValue }
}

/// The record of one object.
public struct ObjectRecord: Sendable {
    /// Kind.
    public var kind: ObjectKind
    /// Name (`_` for blank).
    public var name: String
    /// Package index into `Program.packages`; -1 for the universe.
    public var package: Int32
    /// The object's type (`.invalid` until known).
    public var type: TypeID
    /// File index within its package and byte offset of the declaring identifier; -1 if none.
    public var file: Int32 = -1
    /// Byte offset of the declaring identifier.
    public var offset: Int32 = -1
    /// For variables: what kind.
    public var variableKind: VariableKind = .local
    /// For fields: true when embedded.
    public var embedded: Bool = false
    /// For constants: the value.
    public var value: ConstantValue = .unknown
    /// For built-ins: which.
    public var builtin: BuiltinFunction? = nil
    /// For package names: the imported package index.
    public var imported: Int32 = -1
    /// For methods and fields of instances: the generic object it was made from.
    public var origin: ObjectID? = nil

    /// True if the name starts with an upper-case letter.
    public var isExported: Bool {
        guard let c = name.unicodeScalars.first else { return false }
        return c.properties.isUppercase
    }
}
