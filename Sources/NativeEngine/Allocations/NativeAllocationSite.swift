import GoIR
import PassKit

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
    public var kind: AllocationKind
    /// Heap, stack or run-time dependent.
    public var placement: Placement
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
