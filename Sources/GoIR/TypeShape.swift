import GoTypes

/// The layout questions escape analysis and walk ask about a type (gc, amd64).
extension Program {
    /// True when values of the type hold pointers the garbage collector must see.
    public func hasPointers(_ t: TypeID) -> Bool {
        var visiting: Set<TypeID> = []
        return hasPointers(t, &visiting)
    }

    private func hasPointers(_ t0: TypeID, _ visiting: inout Set<TypeID>) -> Bool {
        let t = under(t0)
        switch node(t) {
        case .basic(let k, _):
            return k == .string || k == .unsafePointer || k == .untypedString || k == .untypedNil
        case .pointer, .slice, .map, .chan, .signature, .interface:
            return true
        case .array(let n, let e):
            return n > 0 && hasPointers(e, &visiting)
        case .structure(let s):
            guard visiting.insert(t).inserted else { return false }
            defer { visiting.remove(t) }
            return s.fields.contains { hasPointers(object($0).type, &visiting) }
        case .typeParam:
            return true
        case .tuple(let vars):
            return vars.contains { hasPointers(object($0).type, &visiting) }
        default:
            return false
        }
    }

    /// True when a value of the type is stored directly in an interface's data word (the
    /// compiler's "pointer-shaped" `IsDirectIface`): pointers, maps, channels, functions,
    /// `unsafe.Pointer`, and single-field structs or single-element arrays of those.
    public func isPointerShaped(_ t0: TypeID) -> Bool {
        let t = under(t0)
        switch node(t) {
        case .basic(let k, _): return k == .unsafePointer
        case .pointer, .map, .chan, .signature: return true
        case .array(let n, let e): return n == 1 && isPointerShaped(e)
        case .structure(let s): return s.fields.count == 1 && isPointerShaped(object(s.fields[0]).type)
        default: return false
        }
    }

    /// The signature of a function type (nil for other types).
    public func signatureOf(_ t: TypeID) -> SignatureType? {
        if case .signature(let s) = node(under(t)) { return s }
        return nil
    }

    /// The element type of a slice, array, pointer to array, channel or map value; `.invalid` otherwise.
    public func elementType(_ t: TypeID) -> TypeID {
        switch node(under(t)) {
        case .slice(let e), .array(_, let e), .chan(_, let e): return e
        case .map(_, let v): return v
        case .pointer(let p):
            if case .array(_, let e) = node(under(p)) { return e }
            return .invalid
        case .basic(let k, _) where k == .string || k == .untypedString: return basicType(.uint8)
        default: return .invalid
        }
    }
}

extension Program {
    /// The type `func()`.
    public var emptySignature: TypeID {
        signature(SignatureType(recv: nil, typeParams: [], params: [], results: [], variadic: false))
    }
}
