/// The kinds of allocation site (the first word of an `alloc` fact's detail), one vocabulary
/// for both engines: the native engine's sites and the gc engine's allocator calls are both
/// classified into it, so their facts compare. Raw values are stable identifiers.
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

    /// Orders kinds by their raw value (the export's sort order).
    public static func < (a: AllocationKind, b: AllocationKind) -> Bool { a.rawValue < b.rawValue }
}

/// Where an allocation site's storage lives.
public enum Placement: String, Sendable, Comparable {
    /// Always allocated on the heap when the site runs.
    case heap
    /// Never allocates on the heap.
    case stack
    /// Depends on run-time values (sizes, small-value tables, capacity, pools).
    case may

    /// Orders placements by their raw value.
    public static func < (a: Placement, b: Placement) -> Bool { a.rawValue < b.rawValue }
}
