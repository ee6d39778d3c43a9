// NativeEngine: the compiler's decisions computed in Swift, without running the compiler.
//
// # Inlinability (this first piece)
//
// The Go compiler decides, before escape analysis, which functions can be inlined: a
// function is refused outright for a pragma (`//go:noinline`, ...), a missing body, or a
// construct the inliner does not handle (`go`, `defer`, `recover()`); otherwise its body is
// walked and every IR node costs 1, with a handful of adjustments (a call that will not be
// inlined costs 57 more, a call that will be inlined costs the callee's own cost, a function
// literal 15 more, no-op conversions and blocks nothing, ...). The function is inlinable when
// the total is at most 80 (`InlineBudget`), and the `-m=2` line prints the total.
//
// The compiler walks its IR, and so does the native engine: GoIR (`Sources/GoIR`) lowers each
// function body to the compiler's shape (constants folded to one literal; implicit conversions
// explicit; `x := v` as a declaration plus an assignment; method calls as `T.M(recv, args)`
// with an implicit `&`/`*` on the receiver; promoted fields as a chain of selections; variadic
// arguments packed into a slice literal; multi-value calls through temporaries; statements
// after a terminating statement and untaken branches of static conditions dropped), and
// `GoIRInlineCost` is the compiler's `hairyVisitor` over those nodes: every node 1, the
// compiler's adjustments as named constants of `InlineBudget`, its refusals as texts of
// `InlineReason`. `GoIRInliner` decides every function and literal of a package with it.
//
// Function literals are costed the same way with the closure budget and named as the
// compiler names them (`F.func1`, `F.func1.1`); a literal called where it is written, or
// through a local variable assigned once (`f := func...; f()`), charges its caller its own
// cost when it would be inlined. `GoIRCallSites` finds, in the same lowered bodies, the
// statically resolved calls, kept literals and devirtualized interface calls that
// `NativeInliner` expands into `inline-call` facts.
//
// `GoIRInliner` decides a package's functions in the compiler's order: bottom-up over the
// strongly connected components of the "mentions" graph (`CallGraphOrder`), so a callee's
// verdict is known when its caller is costed, and a callee in the same cycle that is not
// decided yet counts as not inlinable. Imported packages are lowered and decided on demand,
// standing in for the costs the compiler reads from export data. `NativeInliner` reports its
// verdicts under the compiler's names and positions.
//
// # Invariants
//
// - A verdict is a pure function of the package's sources and its imports' verdicts:
//   deterministic, independent of the order packages are asked for.
// - Every weight is a named constant in `InlineBudget`; every reason text is in
//   `InlineReason` and spelled as the compiler spells it.
//
// # Not modelled (see docs/native-engine.md for measured agreement)
//
// - Generic functions: the compiler decides their shape instances; the native engine costs
//   the generic body in their place (exact unless the instance reads its dictionary) and
//   reports no verdict for them.
// - Range-over-func loops: GoIR lowers the loop body into a literal but not yet the
//   compiler's `#next` bookkeeping, so the function holding one gets no verdict (its callers
//   are charged a call).
// - Devirtualization beyond a local variable assigned once, PGO,
//   `-l`/`-race`/checkptr flags and coverage counters.
//
// Complexity: linear in the size of each function body; each package is decided once.

/// The native engine module (see the essay above).
public enum NativeEngineModule {}
