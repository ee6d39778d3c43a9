import PassKit

/// What to do about a heap allocation site, by cause class: the one table `explain`, the text,
/// HTML and Markdown reports share, so a site gets the same advice everywhere. Ids are stable
/// (they appear in JSON output); wording may change.
public struct Remedy: Sendable, Hashable, Codable {
    /// Stable id of the cause class (`presize`, `caller-buffer`, ...).
    public var id: String
    /// One short imperative sentence.
    public var text: String

    /// Slices grown by append, and make with a run-time size.
    public static let presize = Remedy(id: "presize",
        text: "pre-size it: make([]T, 0, n) with the final length, or reuse a slice reset to [:0]")
    /// Values whose address outlives the call: `new`, `&T{}`, variables moved to the heap.
    public static let callerBuffer = Remedy(id: "caller-buffer",
        text: "let the caller own the memory: take a *T or a buffer parameter instead of returning a new one, or pool it (sync.Pool)")
    /// Concrete values converted to interfaces.
    public static let interfaceConversion = Remedy(id: "iface-conversion",
        text: "avoid the interface conversion on the hot path: use a concrete type or a generic function, or pass a pointer")
    /// Closures and method values that escape.
    public static let closure = Remedy(id: "closure",
        text: "keep the closure from escaping: call it directly, pass state as arguments, or make it a method on a stack value")
    /// String concatenation and conversions.
    public static let strings = Remedy(id: "strings",
        text: "build strings once: strings.Builder with Grow, append to a reused []byte, or compare without converting")
    /// Maps.
    public static let maps = Remedy(id: "map",
        text: "size the map once with make(map[K]V, n), and reuse it with clear(m) instead of making a new one")
    /// Channels, goroutines and heap defers.
    public static let runtimeObject = Remedy(id: "runtime-object",
        text: "hoist it out of the loop: create channels and goroutines once, and keep defers out of loops")
    /// Escapes the compiler explains only through its flow.
    public static let escape = Remedy(id: "escape",
        text: "follow the flow to the first step that leaks (a store to a global, a return, an interface or unknown call) and break it there")
    /// Allocations a profile saw inside a library called from here.
    public static let library = Remedy(id: "library-call",
        text: "the allocation is inside the callee: call a variant that appends to a caller-owned buffer (strconv.AppendInt, fmt.Appendf, ...)")

    /// Every remedy, for documentation and tests.
    public static let all: [Remedy] = [presize, callerBuffer, interfaceConversion, closure, strings, maps, runtimeObject,
                                       escape, library]

    /// The remedy for an allocation kind (the `alloc` fact's first detail word).
    public static func forAllocationKind(_ kind: String) -> Remedy {
        switch kind {
        case "make-slice", "append-grow": return presize
        case "new", "composite", "var": return callerBuffer
        case "iface-conv": return interfaceConversion
        case "closure", "method-value": return closure
        case "concat", "bytes-string", "string-bytes", "runes-string", "string-runes", "rune-string": return strings
        case "make-map", "map-grow": return maps
        case "make-chan", "go", "defer": return runtimeObject
        default: return escape
        }
    }

    /// The remedy for a fact that puts something on the heap; nil for other facts.
    public static func forFact(_ fact: Fact) -> Remedy? {
        switch fact.kind {
        case .alloc:
            guard let d = AllocationDetail(fact: fact), d.placement != .stack else { return nil }
            return forAllocationKind(d.kind)
        case .movedToHeap: return callerBuffer
        case .escapes:
            let s = fact.subject
            if s.hasPrefix("func literal") || s.contains("-fm") { return closure }
            if s.hasPrefix("make(map") || s.hasPrefix("map[") { return maps }
            if s.hasPrefix("make([]") || s.hasPrefix("append") || s.hasPrefix("[]") { return presize }
            if s.hasPrefix("new(") || s.hasPrefix("&") { return callerBuffer }
            if s.contains(" + ") || s.hasPrefix("string(") || s.hasPrefix("([]byte)") { return strings }
            return interfaceConversion
        default: return nil
        }
    }
}
