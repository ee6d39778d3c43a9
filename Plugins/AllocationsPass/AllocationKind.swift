/// The kinds of allocation site the `allocations` pass reports (the first word of an `alloc`
/// fact's detail). Raw values are stable identifiers.
public enum AllocationKind: String, Sendable, CaseIterable, Comparable {
    /// `new(T)`.
    case new
    /// A composite literal with its own storage: `&T{…}`, `[]T{…}`, the implicit `... argument` slice.
    case composite
    /// A variable moved to the heap (`moved to heap: x`).
    case heapVar = "var"
    /// `make([]T, …)`.
    case makeSlice = "make-slice"
    /// `make(map…)` or a map literal.
    case makeMap = "make-map"
    /// `make(chan…)`.
    case makeChan = "make-chan"
    /// A function literal's closure record.
    case closure
    /// A method value `x.M`.
    case methodValue = "method-value"
    /// A concrete value converted to an interface (boxing).
    case ifaceConv = "iface-conv"
    /// String concatenation `a + b`, `s += x`.
    case concat
    /// `string(b)` of a byte slice.
    case bytesString = "bytes-string"
    /// `[]byte(s)`.
    case stringBytes = "string-bytes"
    /// `[]rune(s)`.
    case stringRunes = "string-runes"
    /// `string(runes)`.
    case runesString = "runes-string"
    /// `string(r)` of a rune.
    case runeString = "rune-string"
    /// `append` growing the backing array.
    case appendGrow = "append-grow"
    /// A map assignment that may grow the map.
    case mapGrow = "map-grow"
    /// A `go` statement (goroutine start).
    case go
    /// A heap-allocated `defer` record.
    case `defer`

    public static func < (a: AllocationKind, b: AllocationKind) -> Bool { a.rawValue < b.rawValue }

    /// The kind of a run-time allocator entry point called in the assembly.
    public static func ofRuntimeFunction(_ name: String) -> AllocationKind? {
        switch name {
        case "newobject": return .new
        case "makeslice", "makeslice64", "makeslicecopy": return .makeSlice
        case "growslice": return .appendGrow
        case "makemap", "makemap_small", "makemap64": return .makeMap
        case "makechan", "makechan64": return .makeChan
        case "convT", "convTnoptr", "convT16", "convT32", "convT64", "convTstring", "convTslice": return .ifaceConv
        case "concatstring2", "concatstring3", "concatstring4", "concatstring5", "concatstrings": return .concat
        case "slicebytetostring": return .bytesString
        case "stringtoslicebyte": return .stringBytes
        case "stringtoslicerune": return .stringRunes
        case "slicerunetostring": return .runesString
        case "intstring": return .runeString
        case "newproc": return .go
        case "deferproc", "deferprocat": return .defer
        default:
            if name.hasPrefix("mallocgc") { return .new }
            if name.hasPrefix("moveSlice") { return .appendGrow }
            if name.hasPrefix("mapassign") { return .mapGrow }
            return nil
        }
    }
}

/// Where an allocation site's storage lives.
public enum Placement: String, Sendable, Comparable {
    /// Always allocated on the heap when the site runs.
    case heap
    /// Never allocates on the heap.
    case stack
    /// Depends on run-time values (sizes, small-value tables, capacity, pools).
    case may

    public static func < (a: Placement, b: Placement) -> Bool { a.rawValue < b.rawValue }
}
