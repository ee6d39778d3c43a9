import GoIR
import PassKit

/// The kind of a native allocation site. Raw values are the `alloc` fact vocabulary the gc
/// engine uses (the `allocations` pass's `AllocationKind`), so both engines' facts compare.
public enum NativeAllocationKind: String, Sendable, CaseIterable {
    /// `new(T)`.
    case new
    /// `&T{…}`, `[]T{…}`, the implicit `... argument` slice.
    case composite
    /// A variable moved to the heap.
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
    /// Boxing into an interface.
    case ifaceConv = "iface-conv"
    /// `a + b`, `s += x`.
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
    /// A map insert that may grow the map.
    case mapGrow = "map-grow"
    /// A `go` statement.
    case go
    /// A heap `defer` record.
    case `defer`
}

/// Where a native site's storage lives (raw values as in `alloc` facts).
public enum NativePlacement: String, Sendable {
    /// Allocated on the heap every time the site runs.
    case heap
    /// Never allocated on the heap.
    case stack
    /// Decided by run-time values (sizes, capacities, small-value tables, pools).
    case may
}

/// How the compiler's messages show a site: sites with an escape verdict are reported at the
/// verdict's position with its text; the rest (`make(chan)`, map inserts, `go`, heap `defer`,
/// `s += x`) are known only by the run-time call walk emits, at the code's own line.
public enum NativeSiteReporting: Sendable, Hashable {
    /// An `-m` verdict prints the site: its position and text are the subject.
    case verdict
    /// No verdict: the site is the call of `runtime.<function>` on the code's line.
    case runtimeCall
}

/// One allocation site found by the native engine: a GoIR node (or variable) of a function
/// after inline expansion, with its kind, placement, cause, and what one execution allocates.
public struct NativeAllocationSite: Sendable, Hashable {
    /// The function's compiler name (`F`, `(*T).M`, `F.func1`).
    public var functionName: String
    /// The kind.
    public var kind: NativeAllocationKind
    /// Heap, stack or run-time dependent.
    public var placement: NativePlacement
    /// How the site is reported.
    public var reporting: NativeSiteReporting
    /// File of the reported position (the package's relative path when known, else as GoIR
    /// holds it); for code inlined from elsewhere, the outermost call site.
    public var file: String
    /// 1-based line of the reported position.
    public var line: Int
    /// 1-based byte column of the reported position.
    public var column: Int
    /// File of the code itself (the inlined body's own file for inlined code).
    public var codeFile: String
    /// Line of the code itself.
    public var codeLine: Int
    /// True when the code itself lies in inlined code.
    public var inlined: Bool
    /// The subject: the verdict's text, or for unreported sites a short description.
    public var subject: String
    /// The run-time function walk calls for the site (`newobject`, `makechan`, `mapassign_fast64`, ...),
    /// nil when the site never calls one.
    public var runtimeFunction: String?
    /// Loops around the site in its function's own code (inlined bodies' loops not counted).
    public var loopDepth: Int
    /// Why it is on the heap (or may be); nil for stack sites.
    public var cause: AllocationCause?
    /// Explanation lines: the escape flow, the walk rule, the run-time call, cause and remedy.
    public var explanation: [String]
    /// Heap allocations one execution makes when it allocates.
    public var allocations: Int
}
