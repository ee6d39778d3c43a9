/// The compiler's `cannot inline F: REASON` texts (Go 1.27) that the native engine produces.
public enum InlineReason {
    /// `//go:noinline`.
    public static let noinline = "marked go:noinline"
    /// `//go:cgo_unsafe_args`.
    public static let cgoUnsafeArgs = "marked go:cgo_unsafe_args"
    /// `//go:uintptrkeepalive` or `//go:uintptrescapes` (both set the keep-alive flag).
    public static let uintptrKeepAlive = "marked as having a keep-alive uintptr argument"
    /// `//go:yeswritebarrierrec`.
    public static let yesWriteBarrierRec = "marked go:yeswritebarrierrec"
    /// A declaration without a body (assembly or linkname).
    public static let noBody = "no function body"
    /// `recover()` in the body.
    public static let recover = "call to recover"
    /// A `go` statement in the body.
    public static let goStatement = "unhandled op GO"
    /// A `defer` statement in the body.
    public static let deferStatement = "unhandled op DEFER"
    /// A `defer` inside a range-over-func loop body (`runtime.deferrangefunc`).
    public static let deferInRangeFunc = "defer call in range func"
    /// Calls that need the physical caller's frame.
    public static func callerFrame(_ name: String) -> String { "call to \(name)" }
    /// The cost is over the budget.
    public static func tooComplex(cost: Int, budget: Int) -> String {
        "function too complex: cost \(cost) exceeds budget \(budget)"
    }
}
