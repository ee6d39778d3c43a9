/// Every weight of the inliner's cost model in one place (Go 1.27, `cmd/compile/internal/inline`).
/// A function is inlinable when the sum of its IR nodes' costs stays within its budget.
public enum InlineBudget {
    /// Budget of an ordinary function; a cost equal to it is still accepted.
    public static let function = 80
    /// Budget of a function literal (a closure may be inlined at a single call site).
    public static let closure = 800
    /// Extra cost of a call that will not be inlined.
    public static let call = 57
    /// Extra cost of calling a parameter or a captured function value.
    public static let parameterCall = 17
    /// Extra cost of `panic` (on top of the node itself).
    public static let panic = 1
    /// Extra cost of a function literal (its body is costed as its own function).
    public static let closureLiteral = 15
    /// Functions with more IR nodes than this are "big": only callees of cost ≤ `bigCallee`
    /// are inlined into them.
    public static let bigFunctionNodes = 5000
    /// The call-site limit inside a big function.
    public static let bigCallee = 20
    /// The call-site limit for an ordinary callee.
    public static let callee = 80
    /// Refund for `&name.f` when `f` is at offset 0 (the address and the selection are free).
    public static let zeroOffsetFieldAddress = 2
    /// Refund for `*p` when `p`, under no-op conversions, is an address `&x`.
    public static let derefOfAddress = 1
    /// Refund for a slice whose low bound is the literal 0.
    public static let sliceFromZero = 1
    /// Refund for a slice whose high bound is `len` of the very variable sliced.
    public static let sliceToLength = 2
    /// Nodes of the temporary an interface call's receiver computed by a call goes through
    /// (declared, assigned, read).
    public static let interfaceReceiverTemporary = 5
    /// Nodes of the temporary a function value computed by a call goes through before it is
    /// called (`f()(x)`, and `range f()` over a function): declared, assigned, read.
    public static let calledValueTemporary = 5
    /// Extra nodes of a select case `<-c` (rewritten `_, _ = <-c`).
    public static let selectReceive = 3
    /// Extra node of a select case `v = <-c` (its second `_`).
    public static let selectReceiveAssign = 1
    /// Extra nodes of a select case `v, ok = <-c` (received through temporaries).
    public static let selectReceiveCommaOK = 9
    /// Refund for `a, b = f()`, which the front end rewrites through temporaries: 4 nodes per
    /// value (each temporary declared, assigned and read, plus its declaration's name) and 1
    /// for the extra assignment.
    public static func multiValueTemporaries(_ values: Int) -> Int { 4 * values + 1 }
}
