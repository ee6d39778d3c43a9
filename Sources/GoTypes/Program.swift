/// An import path as written in one importing package.
public struct ImportKey: Hashable, Sendable {
    /// The importing package's path.
    public var importer: String
    /// The path as written.
    public var path: String
}

/// The tables shared by every package of one run: types, objects, packages and the
/// universe. Packages are checked bottom-up into the same program, so a type from an
/// imported package is the same `TypeID` in every importer.
public final class Program: @unchecked Sendable {
    /// Type structures by `TypeID.raw`.
    public private(set) var types: [TypeNode] = []
    /// Objects by `ObjectID.raw`.
    public internal(set) var objects: [ObjectRecord] = []
    /// Defined types.
    public internal(set) var named: [NamedType] = []
    /// Type parameters.
    public internal(set) var typeParams: [TypeParamType] = []
    /// Aliases.
    public internal(set) var aliases: [AliasType] = []
    /// Packages by index.
    public private(set) var packages: [TypesPackage] = []
    /// Packages by import path.
    public private(set) var packagesByPath: [String: TypesPackage] = [:]
    /// The universe scope.
    public let universe = Scope(parent: nil)
    /// Interned composite types.
    private var interned: [TypeNode: TypeID] = [:]
    private var interfaceSerial: Int32 = 0
    /// Cached method and type sets of interfaces (all methods, sorted by name).
    var interfaceMethodCache: [TypeID: [ObjectID]] = [:]
    /// Import paths as written in a package mapped to the canonical path of the package they
    /// name there (`golang.org/x/net/...` imported by std is `vendor/golang.org/x/net/...`, by
    /// cmd `cmd/vendor/...`, by a module the module's dependency).
    public internal(set) var importAliases: [ImportKey: String] = [:]
    /// Why an import path could not be loaded, for the importer's error message.
    public internal(set) var importFailures: [String: String] = [:]
    /// Stand-ins for packages that could not be imported, by path.
    var fakePackages: [String: TypesPackage] = [:]
    /// Instances of generic types.
    var instanceCache: [InstanceKey: TypeID] = [:]
    /// Instantiated methods of instances.
    var instanceMethods: [TypeID: [ObjectID]] = [:]

    /// Basic types by kind (the canonical ones, named after the kind).
    public private(set) var basic: [TypeID] = []
    /// `byte` (an alias of uint8 with its own spelling).
    public private(set) var byteType = TypeID.invalid
    /// `rune`.
    public private(set) var runeType = TypeID.invalid
    /// `error`.
    public internal(set) var errorType = TypeID.invalid
    /// `comparable`.
    public internal(set) var comparableType = TypeID.invalid
    /// `any` (the alias) and its interface.
    public internal(set) var anyType = TypeID.invalid
    /// The empty interface that `any` stands for.
    public internal(set) var emptyInterface = TypeID.invalid
    /// The empty interface of built-in signatures (distinct from `any`'s).
    public internal(set) var builtinEmpty: TypeID? = nil
    /// The `unsafe` package.
    public internal(set) var unsafePackage: TypesPackage! = nil

    /// Creates a program with the universe and package unsafe declared.
    public init() {
        types.append(.basic(.invalid, name: "invalid type"))
        basic = [TypeID.invalid]
        let names = ["bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
                     "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "string", "Pointer",
                     "untyped bool", "untyped int", "untyped rune", "untyped float", "untyped complex",
                     "untyped string", "untyped nil"]
        for (i, n) in names.enumerated() {
            basic.append(add(.basic(BasicKind(rawValue: UInt8(i + 1))!, name: n)))
        }
        byteType = add(.basic(.uint8, name: "byte"))
        runeType = add(.basic(.int32, name: "rune"))
        declareUniverse()
    }

    /// Adds a type without interning.
    @discardableResult
    func add(_ node: TypeNode) -> TypeID {
        types.append(node)
        return TypeID(Int32(types.count - 1))
    }

    /// Adds or finds a composite type with structural identity by its node.
    func intern(_ node: TypeNode) -> TypeID {
        if let id = interned[node] { return id }
        let id = add(node)
        interned[node] = id
        return id
    }

    /// The structure of a type.
    @inlinable public func node(_ t: TypeID) -> TypeNode { types[Int(t.raw)] }
    /// The record of an object.
    @inlinable public func object(_ o: ObjectID) -> ObjectRecord { objects[Int(o.raw)] }

    /// Adds an object.
    func newObject(_ r: ObjectRecord) -> ObjectID {
        objects.append(r)
        return ObjectID(Int32(objects.count - 1))
    }

    /// Sets an object's type.
    func setType(_ o: ObjectID, _ t: TypeID) { objects[Int(o.raw)].type = t }

    /// Creates a package; a registered one is what imports of `path` resolve to.
    func newPackage(path: String, name: String, registered: Bool = true) -> TypesPackage {
        let p = TypesPackage(path: path, name: name, scope: Scope(parent: universe), index: Int32(packages.count))
        packages.append(p)
        if registered { packagesByPath[path] = p }
        return p
    }

    /// The stand-in for an import path that could not be loaded, named after its last
    /// element as go/types names it.
    func fakePackage(_ path: String) -> TypesPackage {
        if let p = fakePackages[path] { return p }
        var name = path
        while name.hasSuffix("/") { name.removeLast() }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        let p = newPackage(path: path, name: name.isEmpty ? "_" : name, registered: false)
        p.isFake = true
        p.complete = true
        fakePackages[path] = p
        return p
    }

    // MARK: Constructors

    /// `*T`.
    public func pointer(_ t: TypeID) -> TypeID { intern(.pointer(t)) }
    /// `[]T`.
    public func slice(_ t: TypeID) -> TypeID { intern(.slice(t)) }
    /// `[N]T`.
    public func array(_ n: Int64, _ t: TypeID) -> TypeID { intern(.array(count: n, element: t)) }
    /// `map[K]V`.
    public func map(_ k: TypeID, _ v: TypeID) -> TypeID { intern(.map(key: k, value: v)) }
    /// `chan T` in a direction.
    public func chan(_ d: ChanDirection, _ t: TypeID) -> TypeID { intern(.chan(d, t)) }
    /// A tuple of variables.
    public func tuple(_ vars: [ObjectID]) -> TypeID { intern(.tuple(vars)) }
    /// A signature.
    public func signature(_ s: SignatureType) -> TypeID { intern(.signature(s)) }
    /// A struct.
    public func structure(_ s: StructType) -> TypeID { intern(.structure(s)) }
    /// A new interface literal.
    public func interface(methods: [ObjectID], embeddeds: [TypeID], implicit: Bool = false) -> TypeID {
        interfaceSerial += 1
        let sorted = methods.sorted { methodOrder($0, $1) }
        return add(.interface(InterfaceType(methods: sorted, embeddeds: embeddeds, isImplicit: implicit, serial: interfaceSerial)))
    }
    /// go/types' method order: exported names first, then by name, then by package path.
    func methodOrder(_ a: ObjectID, _ b: ObjectID) -> Bool {
        let x = objects[Int(a.raw)], y = objects[Int(b.raw)]
        if x.isExported != y.isExported { return x.isExported }
        if x.name != y.name { return x.name < y.name }
        return packagePath(x.package) < packagePath(y.package)
    }

    /// The import path of a package index ("" for the universe).
    public func packagePath(_ index: Int32) -> String { index < 0 ? "" : packages[Int(index)].path }

    /// A new defined type for a type name object (underlying set later).
    func newNamed(_ obj: ObjectID) -> TypeID {
        named.append(NamedType(object: obj, underlying: .invalid, methods: [], typeParams: [], typeArgs: [], origin: nil))
        return add(.named(Int32(named.count - 1)))
    }
    /// A new alias.
    func newAlias(_ obj: ObjectID, _ actual: TypeID) -> TypeID {
        aliases.append(AliasType(object: obj, actual: actual))
        return add(.alias(Int32(aliases.count - 1)))
    }
    /// A new type parameter.
    func newTypeParam(_ obj: ObjectID, index: Int) -> TypeID {
        typeParams.append(TypeParamType(object: obj, index: index, constraint: .invalid))
        return add(.typeParam(Int32(typeParams.count - 1)))
    }
}
