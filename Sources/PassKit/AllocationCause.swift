/// Why an allocation site is on the heap (or may be), by cause class, with the short remedy
/// that would remove it. One table for every engine and every report: an `alloc` fact's
/// explanation carries `cause: …` and `remedy: …` lines rendered from here
/// (`AllocationCause.explanationLines`), so text, HTML and SARIF reports show the same words.
///
/// The remedies are the three classic ways to remove an allocation, made concrete per cause:
/// reuse memory already allocated, restructure so the compiler can place the value on the
/// stack, or allocate in a few big chunks instead of many small ones.
public enum AllocationCause: String, Sendable, CaseIterable, Codable {
    /// Escape analysis found a flow from the allocation to the heap (a global, a heap object,
    /// an interface, a result, an unknown callee).
    case escapes
    /// A variable whose address escapes is moved to the heap at its declaration.
    case movedToHeap = "moved-to-heap"
    /// Over the stack size limits (64 KiB implicit, 128 KiB explicit).
    case tooLarge = "too-large"
    /// A value copied into an interface that escapes.
    case interfaceConversion = "interface-conversion"
    /// A non-escaping interface conversion of a value larger than 1 KiB (no stack temporary).
    case largeInterfaceValue = "large-interface-value"
    /// A closure record holding captured variables that escapes.
    case closure
    /// A method value's `{fn, receiver}` record that escapes.
    case methodValue = "method-value"
    /// A size known only at run time: the 32-byte stack buffer of a non-escaping `make`,
    /// conversion or concatenation is used only when the result fits.
    case runtimeSize = "runtime-size"
    /// `append` beyond the capacity of the backing array.
    case appendGrowth = "append-growth"
    /// A map created with a constant size hint above 8: its groups are allocated up front.
    case mapHint = "map-hint"
    /// An insert that can grow a map's table.
    case mapGrowth = "map-growth"
    /// Channels always live on the heap.
    case channel
    /// A `go` statement: the goroutine (and the closure holding its arguments).
    case goroutine
    /// A `defer` in a loop (or after a looping label) uses a heap defer record.
    case heapDefer = "heap-defer"
    /// `s += x` on strings: walk rewrites it after escape analysis, always on the heap.
    case concatAssign = "concat-assign"

    /// Why the site allocates, in one sentence.
    public var why: String {
        switch self {
        case .escapes: return "escape analysis found a flow from this value to the heap, so it outlives the call"
        case .movedToHeap: return "the variable's address escapes, so the variable is moved to the heap at its declaration"
        case .tooLarge: return "larger than the stack limits (64 KiB for implicit allocations, 128 KiB for variables)"
        case .interfaceConversion: return "the value is copied to the heap when converted to an interface that escapes"
        case .largeInterfaceValue: return "boxing a value larger than 1 KiB copies it to the heap even when the interface does not escape"
        case .closure: return "the closure record holding the captured variables escapes"
        case .methodValue: return "the method value's {function, receiver} record escapes"
        case .runtimeSize: return "size known only at run time: the 32-byte stack buffer is used only when the result fits"
        case .appendGrowth: return "append allocates a larger backing array when the capacity is exceeded"
        case .mapHint: return "a size hint above 8 allocates the map's groups up front"
        case .mapGrowth: return "inserting into a map can grow its table"
        case .channel: return "channels are always allocated on the heap"
        case .goroutine: return "a goroutine start may allocate (a new goroutine when none is free, and the closure holding its arguments)"
        case .heapDefer: return "a defer in a loop needs a heap defer record per execution"
        case .concatAssign: return "s += x builds a new string on the heap every time (the rewrite happens after escape analysis)"
        }
    }

    /// What would remove the allocation.
    public var remedy: String {
        switch self {
        case .escapes:
            return "keep the value local: do not store its address in globals, heap objects or interfaces; let the caller pass the storage (a value or a buffer) instead of returning a pointer"
        case .movedToHeap:
            return "do not let the address outlive the call: return or store the value itself, or have the caller own the variable and pass a pointer down"
        case .tooLarge:
            return "reuse one buffer (caller-owned, or from a sync.Pool) instead of allocating it per call"
        case .interfaceConversion:
            return "avoid the interface conversion on the hot path: use the concrete type or generics, or box a pointer to a long-lived value"
        case .largeInterfaceValue:
            return "put a pointer in the interface instead of the large value"
        case .closure:
            return "keep the closure from escaping (call it directly, do not store it), or pass the captured values as arguments"
        case .methodValue:
            return "call the method directly, or store the receiver and call through it, instead of keeping x.M as a value"
        case .runtimeSize:
            return "pre-size once and reuse: pass a caller-owned buffer, or use a constant size the compiler can place on the stack"
        case .appendGrowth:
            return "pre-size with make([]T, 0, n), or reuse a slice across calls (s = s[:0])"
        case .mapHint:
            return "reuse the map (clear(m)) instead of making a new one per call"
        case .mapGrowth:
            return "pre-size with make(map[K]V, n), or reuse the map with clear(m)"
        case .channel:
            return "create the channel once and reuse it, rather than one per call"
        case .goroutine:
            return "hand work to a pool of long-lived goroutines instead of starting one per item"
        case .heapDefer:
            return "move the loop body into a function so its defer is open-coded, or release the resource without defer"
        case .concatAssign:
            return "build the string with strings.Builder (Grow first) or append to a []byte"
        }
    }

    /// The `cause: …` and `remedy: …` lines of an `alloc` fact's explanation.
    public var explanationLines: [String] { [Self.causePrefix + why, Self.remedyPrefix + remedy] }

    /// How an explanation line giving the cause starts.
    public static let causePrefix = "cause: "
    /// How an explanation line giving the remedy starts.
    public static let remedyPrefix = "remedy: "
}
