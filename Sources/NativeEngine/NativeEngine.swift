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
// The compiler walks its IR, not the syntax. `InlineCostWalker` walks the syntax tree and
// charges, for every construct, the IR nodes the front end (unified IR) would have built:
// constants folded to one literal; implicit conversions to interfaces made explicit (in
// assignments, returns, arguments, composite literal elements, map keys, comparisons, switch
// cases); `x := v` as a declaration plus an assignment; method calls as `T.M(recv, args)`
// with an implicit `&`/`*` on the receiver; promoted fields as a chain of selections;
// variadic arguments packed into a slice literal; parentheses and types free; statements
// after a terminating statement and untaken branches of constant conditions dropped.
// GoTypes supplies every expression's type, constant value and object.
//
// Function literals are costed the same way with the closure budget and named as the
// compiler names them (`F.func1`, `F.func1.1`); a literal called where it is written, or
// through a local variable assigned once (`f := func...; f()`), charges its caller its own
// cost when it would be inlined. The functions the front end makes itself are decided and
// named as the compiler names them too: `func init()` declarations are `init.0`, `init.1`, ...
// (files by name), literals of package-level initializers `init.func1`, ..., and a `go` or
// `defer` call with arguments, a receiver or results gets a wrapper (`F.deferwrap1`,
// `F.gowrap2`, one counter per function) whose cost is the call on its temporaries.
//
// `NativeInliner` decides a package's functions in the compiler's order: bottom-up over the
// strongly connected components of the "mentions" graph (`CallGraphOrder`), so a callee's
// verdict is known when its caller is costed, and a callee in the same cycle that is not
// decided yet counts as not inlinable. Imported packages are decided on demand, standing in
// for the costs the compiler reads from export data.
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
// - Range-over-func loops: the function holding one gets no verdict (its callers are charged
//   a call).
// - Devirtualized interface calls, `new(expr)`, PGO,
//   `-l`/`-race`/checkptr flags and coverage counters.
//
// Complexity: linear in the size of each function body; each package is decided once.

/// The native engine module (see the essay above).
public enum NativeEngineModule {}
