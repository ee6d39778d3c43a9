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
///
/// # Threads
///
/// Other threads may read the program while one thread checks packages into it and the
/// analyses add types (the native engine renders one package's results while it analyses
/// another). The tables are `StableTable`s, whose elements never move; everything that adds
/// to them, and every cache, goes through one recursive lock (`withLock`). What is read
/// without the lock: a table's elements, by ids a reader got from finished work. A record is
/// mutated without the lock only by the checker of the package declaring it, before that
/// package is finished (an object's type, a named type's underlying type and methods); the
/// lazily expanded underlying type of an instance is written and read under the lock.
public final class Program: @unchecked Sendable {
    /// Type structures by `TypeID.raw`.
    public let types = StableTable<TypeNode>()
    /// Objects by `ObjectID.raw`.
    public let objects = StableTable<ObjectRecord>()
    /// Defined types.
    public let named = StableTable<NamedType>()
    /// Type parameters.
    public let typeParams = StableTable<TypeParamType>()
    /// Aliases.
    public let aliases = StableTable<AliasType>()
    /// Packages by index.
    public let packages = StableTable<TypesPackage>()
    /// Guards adding to the tables and every dictionary and cache below.
    let lock = RecursiveLock()
    private var registeredPackages: [String: TypesPackage] = [:]
    /// The universe scope.
    public let universe = Scope(parent: nil)
    /// Interned composite types.
    private var interned = InternTable()
    private var interfaceSerial: Int32 = 0
    /// Cached method and type sets of interfaces (all methods, sorted by name).
    var interfaceMethodCache: [TypeID: [ObjectID]] = [:]
    private var aliasesOfImports: [ImportKey: String] = [:]
    private var failedImports: [String: String] = [:]
    /// Stand-ins for packages that could not be imported, by path.
    var fakePackages: [String: TypesPackage] = [:]
    /// Instances of generic types.
    var instanceCache: [InstanceKey: TypeID] = [:]
    /// The instances by a hash of their generic type and their arguments' identity hashes
    /// (`identityHash`): where an instance with identical arguments is found.
    var instanceBuckets: [Int: [TypeID]] = [:]
    /// Instantiated methods of instances.
    var instanceMethods: [TypeID: [ObjectID]] = [:]
    /// The methods of named types with many methods, by name (`methods(named:of:)`), with the
    /// number of methods the index was made from.
    var methodIndex: [TypeID: (count: Int, byName: [String: [ObjectID]])] = [:]

    /// Runs `body` holding the program's lock (recursive: operations that add call each other).
    @inline(__always)
    func withLock<T>(_ body: () throws -> T) rethrows -> T { try lock.withLock(body) }

    /// How many packages `packages` holds (read under the lock: the checker may be adding one).
    public var packageCount: Int { withLock { packages.count } }
    /// Packages by import path.
    public var packagesByPath: [String: TypesPackage] { withLock { registeredPackages } }
    /// The registered package at an import path.
    public func registeredPackage(_ path: String) -> TypesPackage? { withLock { registeredPackages[path] } }
    /// Import paths as written in a package mapped to the canonical path of the package they
    /// name there (`golang.org/x/net/...` imported by std is `vendor/golang.org/x/net/...`, by
    /// cmd `cmd/vendor/...`, by a module the module's dependency).
    public var importAliases: [ImportKey: String] { withLock { aliasesOfImports } }
    /// The canonical path an import path written in `importer` names, when it differs.
    public func importAlias(_ key: ImportKey) -> String? { withLock { aliasesOfImports[key] } }
    /// Records that `key.path` written in `key.importer` names the package at `canonical`.
    func recordImportAlias(_ key: ImportKey, _ canonical: String) { withLock { aliasesOfImports[key] = canonical } }
    /// Why an import path could not be loaded, for the importer's error message.
    public var importFailures: [String: String] { withLock { failedImports } }
    /// Why the import path could not be loaded, when it could not.
    public func importFailure(_ path: String) -> String? { withLock { failedImports[path] } }
    /// Records why an import path could not be loaded.
    func recordImportFailure(_ path: String, _ reason: String) { withLock { failedImports[path] = reason } }

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
        withLock { TypeID(Int32(types.append(node))) }
    }

    /// Adds or finds a composite type with structural identity by its node.
    func intern(_ node: TypeNode) -> TypeID {
        withLock {
            let hash = node.hashValue
            if let id = interned.find(node, hash: hash, in: types) { return id }
            let id = TypeID(Int32(types.append(node)))
            interned.add(id, hash: hash)
            return id
        }
    }

    /// The structure of a type.
    @inlinable public func node(_ t: TypeID) -> TypeNode { types[Int(t.raw)] }
    /// The record of an object.
    @inlinable public func object(_ o: ObjectID) -> ObjectRecord { objects[Int(o.raw)] }

    /// Adds an object.
    func newObject(_ r: ObjectRecord) -> ObjectID {
        withLock { ObjectID(Int32(objects.append(r))) }
    }

    /// Sets an object's type.
    func setType(_ o: ObjectID, _ t: TypeID) { objects[Int(o.raw)].type = t }

    /// Creates a package; a registered one is what imports of `path` resolve to.
    func newPackage(path: String, name: String, registered: Bool = true) -> TypesPackage {
        withLock {
            let p = TypesPackage(path: path, name: name, scope: Scope(parent: universe), index: Int32(packages.count))
            packages.append(p)
            if registered { registeredPackages[path] = p }
            return p
        }
    }

    /// The registered package at `path`, created (and registered) when there is none.
    func package(path: String, name: String) -> TypesPackage {
        withLock { registeredPackages[path] ?? newPackage(path: path, name: name) }
    }

    /// The stand-in for an import path that could not be loaded, named after its last
    /// element as go/types names it.
    func fakePackage(_ path: String) -> TypesPackage {
        withLock { makeFakePackage(path) }
    }

    private func makeFakePackage(_ path: String) -> TypesPackage {
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
        let sorted = methods.sorted { methodOrder($0, $1) }
        return withLock {
            interfaceSerial += 1
            return add(.interface(InterfaceType(methods: sorted, embeddeds: embeddeds, isImplicit: implicit, serial: interfaceSerial)))
        }
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
        withLock {
            let i = named.append(NamedType(object: obj, underlying: .invalid, methods: [], typeParams: [], typeArgs: [], origin: nil))
            return add(.named(Int32(i)))
        }
    }
    /// A new alias.
    func newAlias(_ obj: ObjectID, _ actual: TypeID) -> TypeID {
        withLock { add(.alias(Int32(aliases.append(AliasType(object: obj, actual: actual))))) }
    }
    /// A new type parameter.
    func newTypeParam(_ obj: ObjectID, index: Int) -> TypeID {
        withLock { add(.typeParam(Int32(typeParams.append(TypeParamType(object: obj, index: index, constraint: .invalid))))) }
    }
}
