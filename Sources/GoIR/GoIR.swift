// GoIR: function bodies in the shape the Go compiler's inliner and escape analysis read.
//
// # Model
//
// The compiler does not analyse syntax. Its front end (unified IR) builds a lowered tree in
// which every implicit operation is a node of its own: conversions to interfaces, the `&` or
// `*` a method call applies to its receiver, the field selections a promoted field stands for,
// the slice literal that carries variadic arguments, the temporaries of multi-value calls and
// of `new(expr)`, the wrapper function of a `go` or `defer` call, the literal function a
// range-over-func body becomes. Costs, inlined bodies, escape verdicts and the texts of the
// compiler's messages (`... argument escapes to heap`, `moved to heap: .autotmp_3`) are all
// about those nodes. GoIR builds them once, from GoTypes' facts, so every analysis of the
// native engine reads the same nodes the compiler reads.
//
// A package lowers to an `IRPackage`: a table of `IRFunction`s (declared functions and
// methods, function literals, go/defer wrappers, range-over-func bodies, the package
// initialiser) whose literals point at their parents. A function is an arena: `IRNode`
// records in one array, child lists in another, variables (`IRVariable`) in a third, each
// referred to by a 32-bit index. An `IROp` names the compiler op a node stands for and says
// how its children are used.
//
// # Invariants
//
// - Positions are the compiler's (`IRPos`): a call at its `(`, a composite literal at its
//   `{`, a selector at its `.`, a binary operator at the operator, an explicit conversion at
//   its operand, an implicit one at the converted value.
// - Every variable a body uses is a variable of the function: a variable of an enclosing
//   function is a closure variable (`.captured`) whose `outer` names the captured one, and
//   the captured variable carries `.captured`. Address-taken and reassigned flags and the
//   declaration's loop depth are computed while lowering, once.
// - Temporaries are numbered as the compiler numbers them: `.autotmp_N`, N the number of
//   variables the function declared before (closure variables excluded).
// - Statements after a terminating statement and the untaken branch of a static `if`
//   condition (simplified with `&&`/`||` as the writer's `staticBool` does) are not lowered,
//   and a switch on a constant with constant cases keeps only the clause it takes, as the
//   front end drops them.
// - Lowering is a pure function of the package's syntax and facts: the same input gives the
//   same nodes in the same order.
//
// # Not modelled yet
//
// - Generic functions are lowered once on their type parameters. Their shape instances
//   (`F[go.shape.int]`) are named (`ShapeNaming`), collected per package and costed from the
//   generic body by the native engine, but no shaped body is built: the dictionary parameter
//   and the dictionary reads of a shaped body (method calls on type-parameter values become
//   indirect calls, conversions to interfaces read the dictionary's types) are not lowered.
// - Range-over-func keeps the `#stateN` and `#rvN` variables and the control returns of the
//   compiler's rewrite, but not its `#next` codes for labelled branches and `goto`.
// - The per-iteration copies `loopvar` makes of captured loop variables are flagged
//   (`perIteration`) for the analyses, not materialised.
// - Method wrappers (`(*T).M` for value methods, promoted methods, `T.M-fm`) get no GoIR body:
//   the native engine lists the wrappers a package compiles and the calls inlined into them
//   (`MethodWrappers` in NativeEngine), but escape analysis does not see them.
//
// # Complexity
//
// One walk over each function's syntax; every node and variable is created once.

/// The GoIR module (see the essay above).
public enum GoIRModule {}
