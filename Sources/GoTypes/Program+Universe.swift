/// The universe scope and package unsafe.
extension Program {
    func declareUniverse() {
        func typeName(_ name: String, _ t: TypeID, in scope: Scope, package: Int32 = -1) -> ObjectID {
            let o = newObject(ObjectRecord(kind: .typeName, name: name, package: package, type: t))
            scope.insert(name, o)
            return o
        }
        for k in BasicKind.allCases where k != .invalid && k != .unsafePointer && !k.isUntyped {
            _ = typeName("\(k)", basic[Int(k.rawValue)], in: universe)
        }
        _ = typeName("byte", byteType, in: universe)
        _ = typeName("rune", runeType, in: universe)

        // error: interface{ Error() string }
        let errObj = newObject(ObjectRecord(kind: .typeName, name: "error", package: -1, type: .invalid))
        errorType = newNamed(errObj)
        setType(errObj, errorType)
        universe.insert("error", errObj)
        let recv = newObject(ObjectRecord(kind: .variable, name: "", package: -1, type: errorType, variableKind: .receiver))
        let res = newObject(ObjectRecord(kind: .variable, name: "", package: -1, type: basic[Int(BasicKind.string.rawValue)], variableKind: .result))
        let sig = signature(SignatureType(recv: recv, typeParams: [], params: [], results: [res], variadic: false))
        let errorMethod = newObject(ObjectRecord(kind: .function, name: "Error", package: -1, type: sig))
        named[namedIndex(errorType)].underlying = interface(methods: [errorMethod], embeddeds: [])

        // comparable: interface{ comparable }
        let cmpObj = newObject(ObjectRecord(kind: .typeName, name: "comparable", package: -1, type: .invalid))
        comparableType = newNamed(cmpObj)
        setType(cmpObj, comparableType)
        universe.insert("comparable", cmpObj)
        named[namedIndex(comparableType)].underlying = interface(methods: [], embeddeds: [])

        // any = interface{}
        emptyInterface = interface(methods: [], embeddeds: [])
        let anyObj = newObject(ObjectRecord(kind: .typeName, name: "any", package: -1, type: .invalid))
        anyType = newAlias(anyObj, emptyInterface)
        setType(anyObj, anyType)
        universe.insert("any", anyObj)

        let untypedBool = basic[Int(BasicKind.untypedBool.rawValue)]
        for (n, v) in [("true", true), ("false", false)] {
            universe.insert(n, newObject(ObjectRecord(kind: .constant, name: n, package: -1, type: untypedBool, value: .bool(v))))
        }
        universe.insert("iota", newObject(ObjectRecord(kind: .constant, name: "iota", package: -1,
                                                        type: basic[Int(BasicKind.untypedInt.rawValue)], value: .int(.zero))))
        universe.insert("nil", newObject(ObjectRecord(kind: .nilValue, name: "nil", package: -1,
                                                       type: basic[Int(BasicKind.untypedNil.rawValue)])))

        let unsafe = newPackage(path: "unsafe", name: "unsafe")
        unsafePackage = unsafe
        unsafe.complete = true
        _ = typeName("Pointer", basic[Int(BasicKind.unsafePointer.rawValue)], in: unsafe.scope, package: unsafe.index)
        for b in BuiltinFunction.allCases {
            let pkg: Int32 = b.isUnsafe ? unsafe.index : -1
            let o = newObject(ObjectRecord(kind: .builtin, name: b.name, package: pkg, type: .invalid, builtin: b))
            (b.isUnsafe ? unsafe.scope : universe).insert(b.name, o)
        }
    }

    /// The index into `named` of a named type.
    func namedIndex(_ t: TypeID) -> Int {
        if case .named(let i) = node(t) { return Int(i) }
        preconditionFailure("internal error: GoTypes: not a named type")
    }

    /// The basic type of a kind.
    @inline(__always) public func basicType(_ k: BasicKind) -> TypeID { basic[Int(k.rawValue)] }
}
