/// Sizes and alignments of the gc compiler for amd64 (8-byte words).
extension Program {
    /// Size in bytes of a basic kind.
    public func basicSize(_ k: BasicKind) -> Int64 {
        switch k {
        case .bool, .int8, .uint8: return 1
        case .int16, .uint16: return 2
        case .int32, .uint32, .float32: return 4
        case .int64, .uint64, .float64, .complex64: return 8
        case .complex128: return 16
        case .string: return 16
        case .int, .uint, .uintptr, .unsafePointer: return 8
        default: return 8
        }
    }

    /// gc's alignment of a type.
    public func alignof(_ t: TypeID) -> Int64 {
        let u = under(t)
        switch node(u) {
        case .array(_, let e): return alignof(e)
        case .structure(let s):
            var m: Int64 = 1
            for f in s.fields { m = max(m, alignof(object(f).type)) }
            return m
        case .slice, .interface: return 8
        case .basic(let k, _):
            if k == .string { return 8 }
            if k == .complex128 { return 8 }
            if k == .complex64 { return 4 }
            return min(8, basicSize(k))
        default: return 8
        }
    }

    /// gc's size of a type.
    public func sizeof(_ t: TypeID) -> Int64 {
        let u = under(t)
        switch node(u) {
        case .basic(let k, _): return basicSize(k)
        case .array(let n, let e):
            if n == 0 { return 0 }
            let a = alignof(e), z = sizeof(e)
            return align(z, a) * (n - 1) + z
        case .slice: return 24
        case .structure(let s):
            if s.fields.isEmpty { return 0 }
            let offs = offsetsof(s)
            let last = sizeof(object(s.fields.last!).type)
            var size = offs.last! + last
            if last == 0 && size > 0 { size += 1 }
            return align(size, alignof(u))
        case .interface: return 16
        default: return 8
        }
    }

    /// Field offsets of a struct.
    public func offsetsof(_ s: StructType) -> [Int64] {
        var offs: [Int64] = []
        var o: Int64 = 0
        for f in s.fields {
            let t = object(f).type
            o = align(o, alignof(t))
            offs.append(o)
            o += sizeof(t)
        }
        return offs
    }

    func align(_ x: Int64, _ a: Int64) -> Int64 { (x + a - 1) / a * a }
}

extension Checker {
    func sizeof(_ t: TypeID) -> Int64 { program.sizeof(t) }
    func basicSize(_ k: BasicKind) -> Int64 { program.basicSize(k) }
}
